"""Tests for helpers.analysis.terms: term counts, rates per 1,000 words and their slopes, and
emerging and fading terms."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers.analysis import terms


def corpus(docs: dict[str, str], dates: list[str] | None = None, **columns) -> pd.DataFrame:
    frame = pd.DataFrame({"doc_id": list(docs), "clean_text": list(docs.values()), **columns})
    frame["date"] = pd.to_datetime(dates) if dates else pd.NaT
    return frame


@pytest.mark.parametrize(
    ("count", "words", "expected"),
    [([2, 0], [1000, 500], [2.0, 0.0]), ([3], [0], [0.0]), ([1], [250], [4.0])],
)
def test_per_1000(count, words, expected) -> None:
    assert terms.per_1000(np.array(count), np.array(words)) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("periods", "rates", "expected"),
    [
        (["2019", "2020", "2021"], [1.0, 2.0, 3.0], 1.0),
        (["2019", "2021"], [1.0, 3.0], 1.0),  # an empty year between counts as time passing
        (["2019"], [5.0], 0.0),  # one bin: no slope
    ],
)
def test_rate_slopes(periods, rates, expected) -> None:
    slope = terms.rate_slopes(pd.PeriodIndex(periods, freq="Y"), np.array(rates)[:, None])
    assert slope[0] == pytest.approx(expected)


def test_count_terms_drops_stop_words_and_counts_all_words() -> None:
    counts = terms.count_terms(corpus({"a": "He said the troops left.", "b": ""}))
    assert "said" not in counts.terms and "troops" in counts.terms
    assert counts.n_words.tolist() == [5, 0]
    total, words = counts.counts(np.array([True, True]))
    assert words == 5 and total.sum() > 0


def dated_corpus(early: str, late: str, *, n: int = 8) -> pd.DataFrame:
    """``n`` documents of ``early`` text in 2018-2019, ``n`` of ``late`` text in 2022-2023."""
    docs = {f"e{i}": early for i in range(n)} | {f"l{i}": late for i in range(n)}
    dates = [f"{2018 + i % 2}-0{1 + i % 9}-01" for i in range(n)]
    dates += [f"{2022 + i % 2}-0{1 + i % 9}-01" for i in range(n)]
    return corpus(docs, dates=dates)


def trends_of(docs: pd.DataFrame, **options) -> pd.DataFrame:
    counts = terms.count_terms(docs, ngram_range=(1, 1))
    return terms.term_trends(counts, docs.set_index("doc_id")["date"], **options)


def test_term_trends_find_emerging_and_fading_terms_on_documents() -> None:
    docs = dated_corpus("vaccine vaccine harbour trade " * 5, "scam scam harbour trade " * 5)
    trends = trends_of(docs).set_index("term")
    assert trends.loc["scam", "trend"] == "emerging"
    assert trends.loc["vaccine", "trend"] == "fading"
    assert trends.loc["scam", "rate_late"] > trends.loc["scam", "rate_early"] == 0
    assert trends.loc["scam", "log_ratio"] > 0 > trends.loc["vaccine", "log_ratio"]
    assert (trends["q_value"] < 0.05).all() and (trends["q_value"] >= trends["p_value"]).all()
    assert "harbour" not in trends.index and "trade" not in trends.index  # flat


@pytest.mark.parametrize(
    ("early", "late", "n", "options"),
    [
        # Five dated documents: too few in each half, nothing is tested.
        ("scam", "vaccine " * 5, 2, {}),
        # A term repeated fifty times in one late document is not emerging.
        ("harbour trade", "harbour trade", 8, {}),
        # No term with zero rate on both sides, and no "emerging" term that fell.
        ("scam " * 5, "scam " * 5, 8, {}),
    ],
    ids=["too-few-dated", "one-bursty-document", "unchanged"],
)
def test_term_trends_claim_nothing_without_evidence(early, late, n, options) -> None:
    docs = dated_corpus(early, late, n=n)
    if n == 8 and early == "harbour trade":
        docs.loc[docs["doc_id"] == "l0", "clean_text"] = "harbour trade " + "scam " * 50
    trends = trends_of(docs, **options)
    assert trends.empty
    assert not ((trends["rate_early"] == 0) & (trends["rate_late"] == 0)).any()


def test_count_terms_uses_the_one_word_count() -> None:
    docs = corpus({"a": "In 2024, a 5-day visit began.", "b": "Troops left."}).assign(
        n_words=[6, 2])
    assert terms.count_terms(docs).n_words.tolist() == [6, 2]
    assert terms.document_words(docs.drop(columns="n_words")).tolist() == [6, 2]
