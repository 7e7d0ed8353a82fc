"""Rates of the rhetoric lexicons over documents (helpers.analysis.rhetoric_trends): trends
with document-bootstrap intervals, group rates, voice differences, first appearances."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from helpers.analysis import rhetoric_trends as trends


def corpus(uses: list[int], *, dates: list[str | None] | None = None,
           n_words: int = 500, item: str = "ironclad") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Documents d0.. of ``n_words`` words, document i using ``item`` uses[i] times; dated one
    year apart from 2010 unless told."""
    n = len(uses)
    dates = dates if dates is not None else [f"{2010 + i}-06-01" for i in range(n)]
    documents = pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)],
                              "date": pd.to_datetime(dates), "n_words": n_words})
    hits = pd.DataFrame({"doc_id": [f"d{i}" for i, k in enumerate(uses) for _ in range(k)],
                         "formula": item})
    return hits, documents


@pytest.mark.parametrize(
    ("uses", "dates", "direction"),
    [
        # use grows steadily across 16 dated documents: rising
        ([0, 0, 0, 1, 0, 1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 6], None, "rising"),
        ([6, 5, 4, 4, 3, 3, 2, 2, 1, 1, 1, 0, 1, 0, 0, 0], None, "falling"),
        # the same rate everywhere: a zero slope is no detectable change
        ([2] * 16, None, "flat"),
        # rising, but only 3 dated documents on each side of the median date
        ([0, 0, 1, 4, 5, 6], None, "none"),
        # used in 2 dated documents only: too few to call a direction
        ([0] * 14 + [5, 6], None, "none"),
        # most documents undated: too few dated ones
        ([0, 0, 1, 2, 4, 5, 6, 7], ["2010-01-01", "2011-01-01", "2012-01-01", "2013-01-01",
                                    None, None, None, None], "none"),
    ],
)
def test_rate_trends_direction_only_with_an_interval_and_enough_documents(
    uses: list[int], dates: list[str | None] | None, direction: str
) -> None:
    hits, documents = corpus(uses, dates=dates)
    table = trends.rate_trends(hits, documents, column="formula", n_boot=400).set_index("item")
    row = table.loc["ironclad"]
    assert row["direction"] == direction
    if direction in ("rising", "falling"):
        assert (row["slope_low"] > 0) == (direction == "rising")
        assert row["slope_low"] <= row["slope_per_year"] <= row["slope_high"]


def test_rate_trends_counts_undated_documents_using_an_item() -> None:
    hits, documents = corpus([1, 0, 1, 1], dates=["2010-01-01", "2011-01-01", None, None])
    row = trends.rate_trends(hits, documents, column="formula").iloc[0]
    assert (row["n_docs_using"], row["n_dated_using"], row["n_undated_using"],
            row["n_dated"]) == (3, 1, 2, 2)
    evidence = trends.rate_trends(hits, documents, column="formula").attrs["evidence"]
    assert evidence.n_undated == 2


def test_rate_trends_without_dates_or_items() -> None:
    hits, documents = corpus([1, 2], dates=[None, None])
    row = trends.rate_trends(hits, documents, column="formula").iloc[0]
    assert row["direction"] == "none" and math.isnan(row["slope_per_year"])
    empty = trends.rate_trends(hits.iloc[:0], documents, column="formula")
    assert empty.empty and empty.attrs["evidence"].n_dated == 0


@pytest.mark.parametrize(
    ("uses", "n_words", "expected"),
    [([1, 0, 3], [500, 250, 1000], [2.0, 0.0, 3.0]), ([2], [0], [0.0])],
)
def test_document_rates_per_1000_document_words(uses: list[int], n_words: list[int],
                                                expected: list[float]) -> None:
    hits, documents = corpus(uses)
    documents["n_words"] = n_words
    rates = trends.document_rates(hits, documents, column="formula")
    assert rates["ironclad"].tolist() == pytest.approx(expected)


def sentences(per_doc: list[tuple[str, str, int, int]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Sentences (doc_id, group, n_words) and hits: one sentence per tuple with ``k`` hits."""
    frame = pd.DataFrame(per_doc, columns=["doc_id", "voice", "n_words", "k"])
    hits = frame.loc[frame.index.repeat(frame["k"]), ["doc_id", "voice"]].assign(any="formulas")
    return frame.drop(columns="k"), hits


@pytest.mark.parametrize(
    ("rows", "single"),
    [
        # "China" rests on one document: no interval; narration on three
        ([("a", "narration", 100, 1), ("b", "narration", 100, 2), ("c", "narration", 200, 0),
          ("a", "China", 50, 2)], {"China"}),
        ([("a", "narration", 100, 1), ("b", "China", 100, 2)], {"narration", "China"}),
    ],
)
def test_group_rates_pool_words_and_give_no_interval_to_one_document(
    rows: list[tuple[str, str, int, int]], single: set[str]
) -> None:
    sents, hits = sentences(rows)
    table = trends.group_rates(hits, sents, column="any", by="voice", values=["formulas"],
                               n_boot=200).set_index("group")
    frame = pd.DataFrame(rows, columns=["doc_id", "voice", "n_words", "k"])
    pooled = frame.groupby("voice")["k"].sum() / frame.groupby("voice")["n_words"].sum() * 1000
    assert table["rate"].to_dict() == pytest.approx(pooled.to_dict())
    assert set(table.index[table["low"].isna()]) == single
    shown = table.dropna(subset=["low"])
    assert ((shown["low"] <= shown["rate"]) & (shown["rate"] <= shown["high"])).all()


@pytest.mark.parametrize(
    ("n_docs", "china_uses", "compared", "differ"),
    [
        (4, 5, False, False),  # four documents per voice: below min_docs, no comparison
        (8, 5, True, True),  # China's rate is ten times narration's in every document
        (8, 1, True, False),  # the same rate in both voices
    ],
)
def test_group_rate_differences_need_min_docs_per_group(
    n_docs: int, china_uses: int, compared: bool, differ: bool
) -> None:
    rng = np.random.default_rng(1)
    rows = [row for i in range(n_docs) for row in
            ((f"d{i}", "narration", 200, 1 if rng.random() > 0.1 else 0),
             (f"d{i}", "China", 200, china_uses if rng.random() > 0.1 else 1))]
    sents, hits = sentences(rows)
    pairs = trends.group_rate_differences(hits, sents, column="any", value="formulas",
                                          by="voice", min_docs=5, n_boot=400)
    assert (not pairs.empty) == compared
    if compared:
        assert bool(pairs["differ"].iloc[0]) == differ


@pytest.mark.parametrize(
    ("uses", "dates", "supported", "n_before", "n_undated_using"),
    [
        # six documents without it, then five with it: a first appearance that may be stated
        ([0] * 6 + [1] * 5, None, True, 6, 0),
        # in use from the first dated document: nothing came before it
        ([1] * 11, None, False, 0, 0),
        # one document uses it: a single article
        ([0] * 10 + [1], None, False, 10, 0),
        # used by undated documents too: counted
        ([0] * 6 + [1] * 5 + [1, 1], [f"{2010 + i}-01-01" for i in range(11)] + [None, None],
         True, 6, 2),
    ],
)
def test_first_appearances(uses: list[int], dates: list[str | None] | None, supported: bool,
                           n_before: int, n_undated_using: int) -> None:
    hits, documents = corpus(uses, dates=dates)
    row = trends.first_appearances(hits, documents, min_docs=5).iloc[0]
    assert (bool(row["supported"]), row["n_before"], row["n_undated_using"]) == (
        supported, n_before, n_undated_using)


def test_documents_of_sums_sentence_words() -> None:
    sents = pd.DataFrame({"doc_id": ["a", "a", "b"], "n_words": [3, 4, 5],
                          "date": pd.to_datetime(["2020-01-01"] * 2 + [None])})
    table = trends.documents_of(sents)
    assert table["n_words"].tolist() == [7, 5]
    assert table["date"].isna().tolist() == [False, True]
