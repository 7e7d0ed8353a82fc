"""Rebuilding from a record (helpers.build.rebuild): a record must say what to rebuild, the
notebooks it names are found, and what differs from it is said."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from helpers import config
from helpers.build.index import RecordError
from helpers.build.rebuild import check_record, record_differences, record_notebook
from helpers.build.run import ReportResult


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({}, "names no corpus folder"),
        ({"corpus_dir": 3, "reports": []}, "names no corpus folder"),
        ({"corpus_dir": "/articles"}, "lists no reports by name"),
        ({"corpus_dir": "/articles", "reports": {"name": "00_a"}}, "lists no reports by name"),
        ({"corpus_dir": "/articles", "reports": [{"seconds": 3}]}, "lists no reports by name"),
        ({"corpus_dir": "/articles", "reports": [{"name": "00_a"}]}, None),
    ],
)
def test_a_record_must_say_what_to_rebuild(record: dict, message: str | None) -> None:
    file = Path("/reports/build.json")
    if message is None:
        check_record(record, file)
    else:
        with pytest.raises(RecordError, match=f"{file} is not a build record: it {message}"):
            check_record(record, file)


@pytest.mark.parametrize(
    ("source", "notebook"),
    [
        ("notebooks/00_corpus_overview.ipynb",
         config.PROJECT_DIR / "notebooks" / "00_corpus_overview.ipynb"),
        ("/elsewhere/99_mine.ipynb", Path("/elsewhere/99_mine.ipynb")),
    ],
)
def test_the_notebooks_a_record_names(source: str, notebook: Path) -> None:
    assert record_notebook(source) == notebook


REBUILT = ReportResult("00_a", "A", "ok", "00_a.html", "00_a.ipynb", 1.0, provenance={
    "corpus": {"fingerprint": "bbbbbbbbbbbb"}, "lexicons": {"events.csv": "1" * 64}})


@pytest.mark.parametrize(
    ("recorded", "difference"),
    [
        ({"corpus_fingerprint": "bbbbbbbbbbbb"}, None),
        ({"corpus_fingerprint": "aaaaaaaaaaaa"},
         "the corpus changed: fingerprint bbbbbbbbbbbb, recorded aaaaaaaaaaaa"),
        ({"corpus_fingerprint": "bbbbbbbbbbbb", "lexicons": {"events.csv": "0" * 64}},
         "lexicon events.csv changed since the record"),
        ({"corpus_fingerprint": "bbbbbbbbbbbb", "lexicons": {"other.csv": "0" * 64}}, None),
        ({"corpus_fingerprint": "bbbbbbbbbbbb", "versions": {"pandas": "0.0"}},
         f"pandas is {pd.__version__}, recorded 0.0"),
        ({"corpus_fingerprint": "bbbbbbbbbbbb", "lock": {"sha256": "0" * 64}},
         "requirements.lock differs from the one recorded"),
    ],
)
def test_what_differs_from_the_record_is_said(recorded: dict, difference: str | None) -> None:
    differences = record_differences(recorded, [REBUILT])
    if difference is None:
        assert differences == []
    else:
        assert len(differences) == 1 and differences[0].startswith(difference), differences
