"""The ``communique`` command (helpers.build.cli): input it cannot build from is one line on
stderr naming the file or folder and the reason, with exit status 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import config
from helpers.build.cli import main

# A record whose corpus folder is gone ({tmp}: the test's folder).
GONE_CORPUS_RECORD = {"corpus_dir": "{tmp}/gone", "reports": [
    {"name": "00_corpus_overview", "source": "notebooks/00_corpus_overview.ipynb"}]}


def arrange(case: str, tmp: Path) -> list[str]:
    """Write what a case needs into ``tmp`` and return its command-line arguments."""
    record = tmp / "build.json"
    if case == "record not JSON":
        record.write_text("{not json", encoding="utf-8")
    elif case == "record without reports":
        record.write_text(json.dumps({"corpus_dir": str(tmp)}), encoding="utf-8")
    elif case == "record names a gone corpus":
        record.write_text(json.dumps(GONE_CORPUS_RECORD).replace("{tmp}", str(tmp)),
                          encoding="utf-8")
    elif case == "out inside a file":
        (tmp / "a-file").write_text("not a folder", encoding="utf-8")
    return {
        "missing corpus": ["--corpus", f"{tmp}/nope", "--out", str(tmp)],
        "out inside a file": ["--corpus", str(config.SEEDS_DIR), "--out", f"{tmp}/a-file/out"],
        "missing record": ["--from-record", f"{tmp}/missing.json"],
        "folder without a record": ["--from-record", str(tmp)],
        "record not JSON": ["--from-record", str(record)],
        "record without reports": ["--from-record", str(record)],
        "record names a gone corpus": ["--from-record", str(record), "--out", f"{tmp}/out"],
    }[case]


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("missing corpus", "corpus folder not found: {tmp}/nope"),
        ("out inside a file", "{tmp}/a-file/out: Not a directory"),
        ("missing record", "cannot rebuild: {tmp}/missing.json: No such file or directory"),
        ("folder without a record",
         "cannot rebuild: {tmp}/build.json: No such file or directory"),
        ("record not JSON", "cannot rebuild: {tmp}/build.json is not a build record: Expecting"),
        ("record without reports",
         "cannot rebuild: {tmp}/build.json is not a build record: it lists no reports"),
        ("record names a gone corpus",
         "cannot rebuild from {tmp}/build.json: corpus folder not found: {tmp}/gone"),
    ],
)
def test_input_it_cannot_build_from_is_one_clear_error(tmp_path: Path, capsys, case: str,
                                                       message: str) -> None:
    status = main(["build", *arrange(case, tmp_path), "--quiet"])
    error = capsys.readouterr().err
    assert status == 2
    assert error.startswith("communique: ") and error.count("\n") == 1, error
    assert message.format(tmp=tmp_path) in error, error
    assert not (tmp_path / "out" / "index.html").exists()
