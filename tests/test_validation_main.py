"""``python -m helpers.validation`` (make validate): which gold sets it reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.validation import __main__ as validation_cli


@pytest.mark.parametrize("sets", [validation_cli.FIELD_SETS, validation_cli.ATTRIBUTION_SETS,
                                  validation_cli.STANCE_SETS])
def test_every_set_make_validate_reads_is_in_the_repository(sets) -> None:
    for folder, _label in sets:
        assert folder.is_dir(), folder
        assert (folder / "README.md").is_file(), f"{folder} says how it was written"
    assert sets[0][1] in ("tuned on", "written with the lexicon")


def test_folders_given_on_the_command_line_replace_the_projects_own(tmp_path: Path) -> None:
    chosen = validation_cli._sets([tmp_path / "mine"], validation_cli.FIELD_SETS)
    assert chosen == [(tmp_path / "mine", "mine")]
    assert validation_cli._sets(None, validation_cli.FIELD_SETS) == validation_cli.FIELD_SETS
