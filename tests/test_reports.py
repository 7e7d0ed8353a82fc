"""Building the reports (helpers.build.reports): the overview report built on the seeds and on
a synthetic corpus, with its sections, tables, values and embedded figures."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import EXTERNAL, build, headings, values_of
from tests.synthetic import several_years_corpus

OVERVIEW_SECTIONS = [
    "Summary",
    "Documents",
    "Documents over time",
    "Lengths",
    "What cleaning removed",
    "Metadata: given, inferred or missing",
    "Problems",
]


def test_overview_report_on_seeds(seeds_reports: Path) -> None:
    html = (seeds_reports / "00_corpus_overview.html").read_text(encoding="utf-8")
    assert set(OVERVIEW_SECTIONS) <= set(headings(html))
    assert "The corpus holds 5 documents, dated from 19 April 2019 to 25 May 2024" in html
    assert not EXTERNAL.search(html), EXTERNAL.search(html)
    assert "<script" not in html.lower()
    assert "data:image/png;base64" in html
    table = pd.read_csv(seeds_reports / "tables" / "documents.csv")
    assert len(table) == 5 and {"file", "title", "date", "date_source", "outlet", "n_words"} <= set(
        table.columns
    )
    values = values_of(seeds_reports, "00_corpus_overview")
    assert values["n_documents"] == 5 and values["n_undated"] == 0
    assert values["bins"] == ["2019", "2021", "2022", "2024"]


@pytest.mark.notebook
def test_overview_on_a_synthetic_corpus_with_an_undated_document(
    make_corpus, tmp_path: Path
) -> None:
    folder = make_corpus(several_years_corpus())
    out = tmp_path / "out"
    [result] = build(folder, out, notebooks=["00"], parameters={"freq": "quarter"})
    assert result.status == "ok", result.error
    values = values_of(out, "00_corpus_overview")
    assert values["n_documents"] == 8 and values["n_undated"] == 1
    assert values["bins"][0] == "2019Q1"
    html = (out / "00_corpus_overview.html").read_text(encoding="utf-8")
    assert "1 undated document(s) are not in this chart." in html
