"""Tests for helpers.analysis.terms: term counts, rates per 1,000 words and their slopes, and
emerging and fading terms."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers.analysis import terms, themes


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


def test_term_trends_finds_emerging_and_fading_terms() -> None:
    docs = corpus(
        {
            "a": "vaccine vaccine vaccine harbour " * 5,
            "b": "vaccine vaccine scam harbour " * 5,
            "c": "vaccine scam scam harbour " * 5,
            "d": "scam scam scam harbour " * 5,
        },
        dates=["2020-03-01", "2021-03-01", "2022-03-01", "2023-03-01"],
    )
    counts = terms.count_terms(docs, ngram_range=(1, 1))
    periods = themes.doc_periods(docs, freq="year")
    trends = terms.term_trends(counts, periods, top=3).set_index("term")
    assert trends.loc["scam", "trend"] == "emerging"
    assert trends.loc["vaccine", "trend"] == "fading"
    assert trends.loc["scam", "slope"] == pytest.approx(-trends.loc["vaccine", "slope"])
    assert trends.loc["scam", "rate_last"] > trends.loc["scam", "rate_first"]
    assert "harbour" not in trends.index  # flat


def test_term_trends_needs_two_bins() -> None:
    docs = corpus({"a": "scam scam", "b": "scam"}, dates=["2020-01-01", "2020-02-01"])
    counts = terms.count_terms(docs)
    assert terms.term_trends(counts, themes.doc_periods(docs, freq="year")).empty
