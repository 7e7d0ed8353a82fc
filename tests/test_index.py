"""The index page and the build record (helpers.build.index): every report linked, the
parameters table, and reading build.json back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers.build.index import (
    RecordError,
    last_seconds,
    parameter_table,
    read_record,
    record_file,
)
from helpers.build.parameters import report_notebooks
from helpers.build.run import ReportResult
from tests.conftest import EXTERNAL


def test_index_links_every_report(seeds_reports: Path) -> None:
    index = (seeds_reports / "index.html").read_text(encoding="utf-8")
    for notebook in report_notebooks():
        assert f'href="{notebook.stem}.html"' in index
        assert (seeds_reports / f"{notebook.stem}.html").is_file()
    assert not EXTERNAL.search(index)
    assert re.search(r"fingerprint <code>[0-9a-f]{12}</code>", index)
    assert "papermill" in index and "textblob" in index


def test_the_parameter_table_says_which_reports_used_each_value() -> None:
    def result(name: str, parameters: dict[str, object]) -> ReportResult:
        return ReportResult(name, name, "ok", f"{name}.html", f"{name}.ipynb", 1.0,
                            provenance={"parameters": parameters})

    results = [result("00_a", {"freq": "year", "top": 5}), result("01_b", {"freq": "year"}),
               result("02_c", {"freq": "month"})]
    assert parameter_table(results) == [
        {"name": "freq", "value": "'month'", "reports": "02_c"},
        {"name": "freq", "value": "'year'", "reports": "00_a, 01_b"},
        {"name": "top", "value": "5", "reports": "00_a"},
    ]
    assert parameter_table(results[:2])[0] == {"name": "freq", "value": "'year'", "reports": "all"}


def test_the_last_build_times_order_the_next_build(tmp_path: Path) -> None:
    (tmp_path / "build.json").write_text(
        '{"reports": [{"name": "00_a", "seconds": 3}, {"name": "03_b", "seconds": 9.5}]}',
        encoding="utf-8")
    assert last_seconds(tmp_path) == {"00_a": 3.0, "03_b": 9.5}
    assert last_seconds(tmp_path / "no-build-here") == {}
    (tmp_path / "build.json").write_text("{not json", encoding="utf-8")
    assert last_seconds(tmp_path) == {}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "{file}: No such file or directory"),
        (b"{not json", "{file} is not a build record: Expecting property name"),
        (b"\xff\xfe{}", "{file} is not a build record: 'utf-8' codec can't decode"),
        (b"[1, 2]", "{file} is not a build record: it holds no JSON object"),
    ],
)
def test_a_record_that_cannot_be_read_names_the_file_and_the_reason(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    file = tmp_path / "build.json"
    if content is not None:
        file.write_bytes(content)
    for given in (file, tmp_path):  # the record, or the folder holding it
        with pytest.raises(RecordError, match=re.escape(message.format(file=file))):
            read_record(given)


def test_a_record_is_named_by_its_file_or_its_folder(tmp_path: Path) -> None:
    (tmp_path / "build.json").write_text('{"reports": []}', encoding="utf-8")
    assert record_file(tmp_path) == record_file(tmp_path / "build.json") == tmp_path / "build.json"
    assert read_record(tmp_path) == read_record(tmp_path / "build.json") == {"reports": []}
