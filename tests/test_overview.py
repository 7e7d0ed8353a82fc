"""Unit tables for helpers.analysis.overview: the documents list, metadata provenance, the
cleaning audit, documents per period and the documents left out. The sentences are tested in
test_findings_overview, the figures in test_plots_overview."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis import overview


def documents() -> pd.DataFrame:
    """Three documents: b (2021, given metadata), a (2020, inferred), c (undated, left out)."""
    return pd.DataFrame({
        "doc_id": ["id-b", "id-a", "id-c"],
        "file": ["b.txt", "a.txt", "c.txt"],
        "title": ["B", "A", "C"],
        "date": pd.to_datetime(["2021-03-02", "2020-07-01", None]),
        "date_source": ["metadata.csv", "dateline", "missing"],
        "title_source": ["metadata.csv", "first line", "first line"],
        "outlet": ["Xinhua", "Xinhua", ""],
        "outlet_source": ["metadata.csv", "agency stamp", "missing: no stamp"],
        "published_by": ["", "Khmer Times", ""],
        "published_by_source": ["", "masthead", ""],
        "file_type": ["txt", "html", "txt"],
        "date_candidates": ["", "2020-07-02 (agency stamp, line 1)", ""],
        "author_source": ["missing", "byline", "missing"],
        "language_source": ["detected", "detected", "detected"],
        "author": ["", "Sok", ""],
        "language": ["en", "en", "km"],
        "n_words": [120, 80, 40],
        "n_sentences": [6, 4, 0],
        "n_chars": [1000, 500, 0],
        "encoding": ["utf-8"] * 3,
        "duplicate_of": ["", "", ""],
        "analysable": [True, True, False],
        "clean_text": ["text b", "text a", ""],
    })


def audit() -> pd.DataFrame:
    """Three removed pieces: two from b (navigation and a byline), one from a."""
    return pd.DataFrame({
        "doc_id": ["id-b", "id-b", "id-a"],
        "start": [0, 50, 0],
        "end": [40, 60, 100],
        "reason": ["navigation", "byline", "navigation"],
        "text": ["Home | World", "By Staff", "Share this"],
    })


def test_documents_table_lists_documents_by_date_without_text() -> None:
    table = overview.documents_table(documents())
    # Sorted on the date as text: undated documents ("") come first.
    assert list(table["file"]) == ["c.txt", "a.txt", "b.txt"]
    assert list(table["date"]) == ["", "2020-07-01", "2021-03-02"]
    assert "clean_text" not in table and "doc_id" not in table
    assert list(table.columns[:3]) == ["file", "title", "date"]


def test_documents_table_shows_the_repost_site_the_file_type_and_the_other_dates() -> None:
    row = overview.documents_table(documents()).set_index("file").loc["a.txt"]
    assert (row["outlet"], row["published_by"], row["published_by_source"]) == (
        "Xinhua", "Khmer Times", "masthead")
    assert row["file_type"] == "html"
    assert row["date_candidates"] == "2020-07-02 (agency stamp, line 1)"


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("metadata.csv", "given in metadata.csv"),
        ("missing", "missing"),
        ("missing: no stamp", "missing"),
        ("dateline", "inferred from the text"),
        ("file name", "inferred from the text"),
    ],
)
def test_provenance_kind(source: str, kind: str) -> None:
    assert overview.provenance_kind(source) == kind


@pytest.mark.parametrize(
    ("field", "given", "inferred", "missing"),
    [("date", 1, 1, 1), ("title", 1, 2, 0), ("outlet", 1, 1, 1), ("author", 0, 1, 2),
     ("language", 0, 3, 0)],
)
def test_metadata_provenance_counts_each_field(field: str, given: int, inferred: int,
                                               missing: int) -> None:
    table = overview.metadata_provenance(documents()).set_index("field")
    assert list(table.index) == overview.PROVENANCE_FIELDS
    row = table.loc[field]
    assert (row["given in metadata.csv"], row["inferred from the text"], row["missing"]) == (
        given, inferred, missing)


def test_audit_by_reason_most_frequent_first() -> None:
    table = overview.audit_by_reason(audit())
    assert list(table["reason"]) == ["navigation", "byline"]
    assert list(table["pieces"]) == [2, 1] and list(table["documents"]) == [2, 1]
    assert list(table["characters"]) == [140, 10]
    assert table.loc[0, "example"] == "Home | World"
    empty = overview.audit_by_reason(audit().iloc[0:0])
    assert empty.empty and list(empty.columns) == list(table.columns)


def test_audit_by_document_share_removed() -> None:
    table = overview.audit_by_document(documents(), audit()).set_index("file")
    assert table.loc["a.txt", "share_removed"] == pytest.approx(0.2)
    assert table.loc["b.txt", "share_removed"] == pytest.approx(0.05)
    assert table.loc["c.txt", "pieces_removed"] == 0 and table.loc["c.txt", "share_removed"] == 0
    assert list(table.index) == ["a.txt", "b.txt", "c.txt"]  # largest share first


@pytest.mark.parametrize(
    ("freq", "group", "expected"),
    [
        ("year", "", [("2020", 1), ("2021", 1)]),
        ("quarter", "", [("2020Q3", 1), ("2021Q1", 1)]),
        ("year", "outlet", [("2020", "Xinhua", 1), ("2021", "Xinhua", 1)]),
    ],
)
def test_documents_per_bin_counts_dated_documents(freq: str, group: str,
                                                  expected: list[tuple]) -> None:
    table = overview.documents_per_bin(documents(), freq=freq, group=group)
    rows = [(str(row[0]), *row[1:]) for row in table.itertuples(index=False)]
    assert rows == expected


def test_left_out_table_lists_documents_not_analysed() -> None:
    table = overview.left_out_table(documents())
    assert list(table.columns) == ["file", "language", "n_sentences", "duplicate_of"]
    assert list(table["file"]) == ["c.txt"]
    assert overview.left_out_table(documents().assign(analysable=True)).empty
