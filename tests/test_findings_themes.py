"""Tests for helpers.report.findings.themes: the sentences of the themes report, each stated
from a small table."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers.analysis import themes
from helpers.analysis.keyness import Comparison, KeyTerms
from helpers.analysis.statistics import TimeEvidence
from helpers.analysis.topics import TopicModel
from helpers.report.findings import themes as say

TRADE = "trade and investment"
SECURITY = "security and defence"


def trend_rows(slope: float, low: float, high: float, q: float, direction: str) -> pd.DataFrame:
    return pd.DataFrame({"theme": [TRADE], "n_bins": [3], "rate_first": [2.0], "rate_last": [6.0],
                         "mean_rate": [4.0], "slope": [2.0], "change": [4.0], "n_dated": [12],
                         "slope_per_year": [slope], "slope_low": [low], "slope_high": [high],
                         "p_value": [q], "q_value": [q], "direction": [direction]})


ONE_THEME = pd.DataFrame({"theme": [TRADE], "docs_with_theme": [3], "n_docs": [3], "hits": [12],
                          "rate_per_1000": [4.0], "sentence_share": [0.2]})


@pytest.mark.parametrize(
    ("trend", "evidence", "expected"),
    [
        (trend_rows(1.5, 0.5, 2.5, 0.01, "rising"), TimeEvidence(12, 12, 6, 6, 5),
         "Rising: trade and investment (slope of documents' rates +1.50 per 1,000 words per "
         "year, 95% interval +0.50 to +2.50; q = 0.010, over 12 dated documents)."),
        (trend_rows(-1.5, -2.5, -0.5, 0.01, "falling"), TimeEvidence(14, 12, 6, 6, 5),
         "Falling: trade and investment (slope of documents' rates -1.50 per 1,000 words per "
         "year, 95% interval -2.50 to -0.50; q = 0.010, over 12 dated documents; 2 undated "
         "documents are left out)."),
        # A slope whose interval includes zero is no change, whatever the first and last bins.
        (trend_rows(0.3, -0.2, 0.8, 0.3, "flat"), TimeEvidence(12, 12, 6, 6, 5),
         "No theme's rate changes detectably over time (1 theme tried"),
        # Six dated documents of forty: no claim, and what one would need.
        (trend_rows(5.0, 4.0, 6.0, 0.001, "none"), TimeEvidence(40, 6, 3, 3, 5),
         "No theme is said to rise or fall: time comparisons need at least 5 dated documents in "
         "each of two periods; 6 of 40 documents are dated (3 before the median date, 3 from "
         "it)."),
    ],
    ids=["rising", "falling-with-undated", "interval-includes-zero", "six-of-forty-dated"],
)
def test_theme_findings_state_change_only_as_far_as_the_evidence(trend, evidence, expected) -> None:
    lines = say.theme_findings(ONE_THEME, trend, evidence=evidence)
    assert lines[0].startswith("Most talked-about themes: trade and investment (4.0 per 1,000")
    assert any(line.startswith(expected) for line in lines), lines
    assert not any(line.startswith(("Rising", "Falling")) for line in lines) or (
        trend["direction"].iloc[0] in {"rising", "falling"})


def test_theme_trends_over_documents_and_bins() -> None:
    dates = pd.Series(pd.to_datetime([f"{2010 + i}-06-01" for i in range(12)]),
                      index=[f"d{i}" for i in range(12)])
    doc_themes = pd.DataFrame({"doc_id": dates.index, "theme": TRADE,
                               "rate_per_1000": [float(i) for i in range(12)]})
    profile = themes.theme_profile(doc_themes.assign(hits=range(12), n_words=1000, n_sentences=10,
                                                     theme_sentences=1),
                                   themes.doc_periods(pd.DataFrame({"doc_id": dates.index,
                                                                    "date": dates.to_numpy()}),
                                                      freq="year"))
    rising = themes.theme_trends(profile, doc_themes=doc_themes, dates=dates, n_boot=200)
    assert rising.loc[0, "direction"] == "rising" and rising.loc[0, "slope_low"] > 0
    few = themes.theme_trends(profile, doc_themes=doc_themes.head(6), dates=dates.head(6),
                              n_boot=200)
    assert few.loc[0, "direction"] == "none"  # 3 and 3 dated documents: too few
    assert themes.theme_trends(profile).loc[0, "direction"] == "none"  # no dates given


def overall_of(hits: dict[str, int]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "theme": list(hits),
            "docs_with_theme": [1 if n else 0 for n in hits.values()],
            "n_docs": 2,
            "hits": list(hits.values()),
            "rate_per_1000": [float(n) for n in hits.values()],
            "sentence_share": [0.1 if n else 0.0 for n in hits.values()],
        }
    ).sort_values("rate_per_1000", ascending=False, ignore_index=True)


@pytest.mark.parametrize(
    ("hits", "expected"),
    [
        ({TRADE: 0, SECURITY: 0}, ["No term of the themes dictionary occurs"]),
        (
            {TRADE: 4, SECURITY: 0},
            ["Most talked-about themes: trade and investment (4.0 per 1,000 words, 10% of "
             "sentences, 1 of 2 documents).", f"Never mentioned: {SECURITY}."],
        ),
    ],
)
def test_theme_findings_name_leaders_and_absent_themes(hits, expected) -> None:
    trends = pd.DataFrame(columns=["theme", "n_bins", "rate_first", "rate_last", "mean_rate",
                                   "slope", "change"])
    lines = say.theme_findings(overall_of(hits), trends)
    assert len(lines) == len(expected)
    assert all(line.startswith(start) for line, start in zip(lines, expected, strict=True))


def period_profile(docs_per_period: dict[str, int]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "group": pd.PeriodIndex(list(docs_per_period), freq="Y"),
            "theme": TRADE,
            "n_docs": list(docs_per_period.values()),
        }
    )


@pytest.mark.parametrize(
    ("docs_per_period", "expected"),
    [
        ({}, ["No document has a date"]),
        ({"2019": 3, "2020": 4}, []),
        ({"2019": 1, "2020": 4, "2021": 1}, ["2 of 3 period(s) rest on fewer than 2 documents"]),
        ({"2019": 1, "2020": 1}, ["2 of 2 period(s) rest on fewer than 2 documents"]),
        ({"2019": 5}, ["All dated documents fall in one period"]),
        ({"2019": 1}, ["1 of 1 period(s)", "All dated documents fall in one period"]),
    ],
)
def test_period_notes(docs_per_period: dict[str, int], expected: list[str]) -> None:
    lines = say.period_notes(period_profile(docs_per_period), min_docs=2)
    assert len(lines) == len(expected)
    assert all(line.startswith(start) for line, start in zip(lines, expected, strict=True))


@pytest.mark.parametrize(
    ("n_docs", "rates", "expected"),
    [
        ([3, 1], [4.25, 0.0],
         ["Herald (3 document(s)): trade and investment leads with 4.2 per 1,000 words.",
          "1 group with fewer than 2 documents is not described: their leading theme would be "
          "that of single articles."]),
        ([3, 4], [4.25, 0.0],
         ["Herald (3 document(s)): trade and investment leads with 4.2 per 1,000 words."]),
        ([1, 1], [4.25, 2.0],
         ["2 groups with fewer than 2 documents are not described: their leading theme would "
          "be that of single articles."]),
    ],
    ids=["one-small-group", "no-theme-in-one", "single-document-groups"],
)
def test_leader_findings_describe_only_groups_with_enough_documents(n_docs, rates, expected):
    leaders = pd.DataFrame({"group": ["Herald", "Monitor"], "theme": [TRADE, SECURITY],
                            "n_docs": n_docs, "rate_per_1000": rates})
    assert say.leader_findings(leaders, min_docs=2) == expected


@pytest.mark.parametrize(
    ("n_docs", "expected"),
    [
        (1, "With one document, NMF cannot discover topics"),
        (2, "With 2 documents, the 'topics' are groupings"),
        (5, "With 5 documents, the 'topics' are groupings"),
        (12, "With 12 documents, the 'topics' are groupings"),
        (40, "Topics are patterns of words that occur together across these 40 documents"),
    ],
)
def test_topic_limits_note(n_docs: int, expected: str) -> None:
    note = say.topic_limits_note(n_docs)
    assert note.startswith(expected)
    assert ("one document" in note) == (n_docs == 1)


def test_topic_model_summary() -> None:
    model = TopicModel(2, ["1: a", "2: b"], pd.DataFrame(), pd.DataFrame(), 5, 120,
                       "automatic: round(sqrt(5 documents)) = 2")
    assert say.topic_model_summary(model) == (
        "2 topic(s) from 5 document(s) and 120 terms; number of topics automatic: "
        "round(sqrt(5 documents)) = 2."
    )


def key_terms_of(rows: list[tuple], reason: str = "") -> KeyTerms:
    """Key terms of "early" against "late" from (term, g2, log ratio, side, significant,
    docs_a, docs_b, q_value)."""
    side = np.zeros(2, dtype=bool)
    comparison = Comparison("early", "late", side, side, reason)
    table = pd.DataFrame(rows, columns=["term", "g2", "log_ratio", "over_used_in", "significant",
                                        "docs_a", "docs_b", "q_value"])
    if reason:
        table = table.iloc[0:0]
    return KeyTerms(comparison, table, table)


@pytest.mark.parametrize(
    ("rows", "reason", "expected_note", "expected_findings"),
    [
        (
            [("troops", 20.0, 2.0, "early", True, 9, 0, 0.01),
             ("ports", 12.0, -1.5, "late", True, 1, 8, 0.02),
             ("rice", 3.0, 0.5, "early", False, 3, 2, 0.8)],
            "",
            "",
            ["1 term(s) key in early; strongest: troops (log ratio +2.0, in 9 and 0 documents, "
             "q = 0.010).",
             "1 term(s) key in late; strongest: ports (log ratio -1.5, in 1 and 8 documents, "
             "q = 0.020)."],
        ),
        (
            [("rice", 3.0, 0.5, "early", False, 3, 2, 0.8)],
            "",
            "",
            ["No term is used detectably more in early than in late or the reverse (1 term "
             "tested on the documents that contain them, Benjamini-Hochberg at 5%)."],
        ),
        (
            [],
            "keyness needs at least 5 documents on each side; early has 3, late has 3",
            "No keyness between periods: keyness needs at least 5 documents on each side; "
            "early has 3, late has 3.",
            [],
        ),
    ],
    ids=["both-sides", "none-significant", "too-few-documents"],
)
def test_keyness_note_and_findings(rows, reason, expected_note, expected_findings) -> None:
    key = key_terms_of(rows, reason)
    assert say.keyness_note(key, between="periods") == expected_note
    assert say.keyness_findings(key) == expected_findings


def trends_of(rows: list[tuple]) -> pd.DataFrame:
    """Term trends from (term, trend, rate_early, rate_late, log_ratio, docs_early, docs_late,
    q_value)."""
    return pd.DataFrame(rows, columns=["term", "trend", "rate_early", "rate_late", "log_ratio",
                                       "docs_early", "docs_late", "q_value"])


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([], []),
        (
            [("scam", "emerging", 0.0, 5.0, 3.3, 0, 7, 0.004),
             ("vaccine", "fading", 4.0, 1.0, -2.0, 8, 2, 0.03)],
            ["Emerging terms: scam (0.0 to 5.0 per 1,000 words, log ratio +3.3; in 0 earlier "
             "and 7 later documents, q = 0.004).",
             "Fading terms: vaccine (4.0 to 1.0 per 1,000 words, log ratio -2.0; in 8 earlier "
             "and 2 later documents, q = 0.030)."],
        ),
    ],
)
def test_trend_findings(rows, expected) -> None:
    assert say.trend_findings(trends_of(rows)) == expected


@pytest.mark.parametrize(
    ("rows", "evidence", "expected"),
    [
        ([], TimeEvidence(40, 6, 3, 3, 5),
         "No term is called emerging or fading: time comparisons need at least 5 dated "
         "documents in each of two periods; 6 of 40 documents are dated"),
        ([], TimeEvidence(40, 40, 20, 20, 5),
         "No term is used detectably more or less in the later half"),
        ([("scam", "emerging", 0.0, 5.0, 3.3, 0, 7, 0.004)], TimeEvidence(40, 40, 20, 20, 5), ""),
    ],
    ids=["too-few-dated", "none-detected", "some-detected"],
)
def test_term_trends_note(rows, evidence, expected: str) -> None:
    note = say.term_trends_note(trends_of(rows), evidence=evidence)
    assert note.startswith(expected) and bool(note) == bool(expected)


def mood_of(rows: list[tuple[str, int, int, float, float, float]]) -> pd.DataFrame:
    """Theme sentiment from (theme, n_sentences, n_docs, mean, gap low, gap high)."""
    table = pd.DataFrame([("all sentences", 40, 10, 0.2, 0.0, 0.0), *rows],
                         columns=["theme", "n_sentences", "n_docs", "vader_compound",
                                  "vader_compound_vs_all_low", "vader_compound_vs_all_high"])
    return table.assign(vader_compound_vs_all=table["vader_compound"] - 0.2)


@pytest.mark.parametrize(
    ("rows", "expected_findings", "expected_note"),
    [
        (
            [(TRADE, 8, 6, 0.5, 0.1, 0.5), (SECURITY, 6, 5, -0.1, -0.5, -0.1),
             ("health", 2, 2, 0.9, 0.1, 1.2)],
            ["Detectably warmer than all sentences (mean vader_compound +0.20): "
             f"{TRADE} (+0.50 over 8 sentences in 6 documents; gap +0.30, 95% interval "
             "+0.10 to +0.50).",
             "Detectably cooler than all sentences (mean vader_compound +0.20): "
             f"{SECURITY} (-0.10 over 6 sentences in 5 documents; gap -0.30, 95% interval "
             "-0.50 to -0.10)."],
            "Themes with fewer than 5 sentences or 5 documents",
        ),
        (
            [(TRADE, 8, 6, 0.5, -0.1, 0.7)],
            ["No theme's sentences are detectably warmer or cooler than all sentences (1 theme "
             "compared; 95% intervals of the gap from a bootstrap over documents)."],
            "",
        ),
        (
            [(TRADE, 30, 1, 0.5, float("nan"), float("nan"))],
            ["No theme has 5 or more sentences in 5 or more documents: too few to compare "
             "sentiment."],
            "Themes with fewer than 5 sentences or 5 documents",
        ),
    ],
    ids=["warmer-and-cooler", "interval-includes-zero", "one-document-theme"],
)
def test_sentiment_findings_compare_only_themes_with_enough_evidence(
    rows, expected_findings, expected_note
) -> None:
    mood = mood_of(rows)
    assert say.sentiment_findings(mood, column="vader_compound", min_sentences=5) == (
        expected_findings
    )
    note = say.sentiment_note(mood, min_sentences=5)
    assert note.startswith(expected_note) and bool(note) == bool(expected_note)
