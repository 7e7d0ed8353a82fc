"""Tests for helpers.report.findings.themes: the sentences of the themes report, each stated
from a small table."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers.analysis import keyness, themes
from helpers.analysis.keyness import Comparison, KeyTerms
from helpers.analysis.topics import TopicModel
from helpers.report.findings import themes as say

TRADE = "trade and investment"
SECURITY = "security and defence"


@pytest.mark.parametrize(
    ("rates", "expected"),
    [
        (
            {"2019": 2.0, "2020": 4.0, "2021": 6.0},
            "Rising: trade and investment (fitted change +4.0",
        ),
        (
            {"2019": 6.0, "2020": 4.0, "2021": 2.0},
            "Falling: trade and investment (fitted change -4.0",
        ),
        ({"2019": 4.0, "2020": 4.2, "2021": 4.1}, "No theme's rate changes by more than 25%"),
    ],
)
def test_theme_findings_state_only_material_shifts(rates: dict[str, float], expected: str) -> None:
    profile = pd.DataFrame(
        {
            "group": pd.PeriodIndex(list(rates), freq="Y"),
            "theme": TRADE,
            "rate_per_1000": list(rates.values()),
        }
    )
    overall = pd.DataFrame(
        {
            "theme": [TRADE],
            "docs_with_theme": [3],
            "n_docs": [3],
            "hits": [12],
            "rate_per_1000": [4.0],
            "sentence_share": [0.2],
        }
    )
    lines = say.theme_findings(overall, themes.theme_trends(profile))
    assert lines[0].startswith("Most talked-about themes: trade and investment (4.0 per 1,000")
    assert any(line.startswith(expected) for line in lines), lines


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
        ({"2019": 5}, ["All dated documents fall in one period"]),
        ({"2019": 1}, ["1 of 1 period(s)", "All dated documents fall in one period"]),
    ],
)
def test_period_notes(docs_per_period: dict[str, int], expected: list[str]) -> None:
    lines = say.period_notes(period_profile(docs_per_period), min_docs=2)
    assert len(lines) == len(expected)
    assert all(line.startswith(start) for line, start in zip(lines, expected, strict=True))


def test_leader_findings_skip_groups_without_themes() -> None:
    leaders = pd.DataFrame(
        {
            "group": ["Herald", "Monitor"],
            "theme": [TRADE, SECURITY],
            "n_docs": [3, 1],
            "rate_per_1000": [4.25, 0.0],
        }
    )
    assert say.leader_findings(leaders) == [
        "Herald (3 document(s)): trade and investment leads with 4.2 per 1,000 words."
    ]


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


def key_terms_of(rows: list[tuple[str, float, float, str, bool]], reason: str = "") -> KeyTerms:
    """Key terms of "early" against "late" from (term, g2, log ratio, side, significant)."""
    side = np.zeros(2, dtype=bool)
    comparison = Comparison("early", "late", side, side, reason)
    table = pd.DataFrame(rows, columns=["term", "g2", "log_ratio", "over_used_in", "significant"])
    if reason:
        table = table.iloc[0:0]
    return KeyTerms(comparison, table, table)


@pytest.mark.parametrize(
    ("rows", "reason", "expected_note", "expected_findings"),
    [
        (
            [("troops", 20.0, 2.0, "early", True), ("ports", 12.0, -1.5, "late", True),
             ("rice", 3.0, 0.5, "early", False)],
            "",
            "",
            ["1 term(s) significantly over-used in early; strongest: troops (G2 20.0, "
             "log ratio +2.0).",
             "1 term(s) significantly over-used in late; strongest: ports (G2 12.0, "
             "log ratio -1.5)."],
        ),
        (
            [("rice", 3.0, 0.5, "early", False)],
            "",
            "",
            ["No term is used significantly more in early than in late or the reverse at "
             f"p < 0.001 (G2 >= {keyness.G2_CUTOFF_001}) (the strongest, rice, has G2 3.0); "
             "small corpora rarely reach this threshold."],
        ),
        (
            [],
            "all dated documents share one date",
            "No keyness between periods: all dated documents share one date.",
            [],
        ),
    ],
    ids=["both-sides", "none-significant", "not-compared"],
)
def test_keyness_note_and_findings(rows, reason, expected_note, expected_findings) -> None:
    key = key_terms_of(rows, reason)
    assert say.keyness_note(key, between="periods") == expected_note
    assert say.keyness_findings(key) == expected_findings


def trends_of(rows: list[tuple[str, str, float, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["term", "trend", "rate_first", "rate_last"])


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([], []),
        (
            [("scam", "emerging", 0.0, 5.0), ("vaccine", "fading", 4.0, 1.0)],
            ["Emerging terms: scam (0.0 to 5.0 per 1,000 words).",
             "Fading terms: vaccine (4.0 to 1.0 per 1,000 words)."],
        ),
        (
            [("vaccine", "fading", 4.0, 1.0)],
            ["Fading terms: vaccine (4.0 to 1.0 per 1,000 words)."],
        ),
    ],
)
def test_trend_findings(rows, expected) -> None:
    assert say.trend_findings(trends_of(rows)) == expected


@pytest.mark.parametrize(
    ("rows", "n_periods", "expected"),
    [
        ([], 5, "Emerging and fading terms need documents in at least two periods"),
        ([("scam", "emerging", 0.0, 5.0)], 3, "With 3 periods, a slope joins a few points"),
        ([("scam", "emerging", 0.0, 5.0)], 4, ""),
    ],
)
def test_term_trends_note(rows, n_periods: int, expected: str) -> None:
    note = say.term_trends_note(trends_of(rows), n_periods=n_periods)
    assert note.startswith(expected) and bool(note) == bool(expected)


def mood_of(rows: list[tuple[str, int, float]]) -> pd.DataFrame:
    return pd.DataFrame([("all sentences", 40, 0.2), *rows],
                        columns=["theme", "n_sentences", "vader_compound"])


@pytest.mark.parametrize(
    ("rows", "expected_findings", "expected_note"),
    [
        (
            [(TRADE, 8, 0.5), (SECURITY, 6, -0.1), ("health", 2, 0.9)],
            [f"Most positive: {TRADE} (mean vader_compound +0.50 over 8 sentences, against "
             "+0.20 for all sentences).",
             f"Most negative: {SECURITY} (mean -0.10 over 6 sentences)."],
            "Themes with fewer than 5 sentences are charted but not ranked",
        ),
        (
            [(TRADE, 8, 0.5)],
            [f"Most positive: {TRADE} (mean vader_compound +0.50 over 8 sentences, against "
             "+0.20 for all sentences)."],
            "",
        ),
        (
            [(TRADE, 3, 0.5)],
            ["No theme has 5 or more sentences: too few to compare sentiment."],
            "Themes with fewer than 5 sentences",
        ),
    ],
)
def test_sentiment_findings_rank_only_themes_with_enough_sentences(
    rows, expected_findings, expected_note
) -> None:
    mood = mood_of(rows)
    assert say.sentiment_findings(mood, column="vader_compound", min_sentences=5) == (
        expected_findings
    )
    note = say.sentiment_note(mood, min_sentences=5)
    assert note.startswith(expected_note) and bool(note) == bool(expected_note)
