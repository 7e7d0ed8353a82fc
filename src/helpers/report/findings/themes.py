"""The sentences of the themes report: findings and caveats stated from the tables of
:mod:`helpers.analysis.themes`, :mod:`~helpers.analysis.topics`,
:mod:`~helpers.analysis.keyness` and :mod:`~helpers.analysis.terms`.

Functions ending in ``_findings`` return the lines to show as findings (none when there is
nothing to state); those ending in ``_note`` or ``_notes`` return caveats ("" or no line when
there is nothing to say).
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.keyness import G2_CUTOFF_001, KeyTerms
from helpers.analysis.topics import SMALL_CORPUS_DOCS, TopicModel

# A slope across fewer periods than this joins a few points: read it as a difference.
FEW_PERIODS = 4


def theme_findings(
    overall: pd.DataFrame, trends: pd.DataFrame, *, top: int = 3, min_change: float = 0.25
) -> list[str]:
    """The leading themes, themes never seen, and the largest shifts.

    Args:
        overall: from :func:`helpers.analysis.themes.overall_themes`.
        trends: from :func:`helpers.analysis.themes.theme_trends`.
        top: how many leading themes to name.
        min_change: a theme is called rising or falling only when its fitted change over the
            time range is at least this fraction of its mean rate.
    """
    present = overall[overall["hits"] > 0]
    if present.empty:
        return ["No term of the themes dictionary occurs in the selected documents."]
    lines = [
        "Most talked-about themes: "
        + "; ".join(
            f"{row.theme} ({row.rate_per_1000:.1f} per 1,000 words, "
            f"{row.sentence_share:.0%} of sentences, "
            f"{row.docs_with_theme} of {row.n_docs} documents)"
            for row in present.head(top).itertuples()
        )
        + "."
    ]
    absent = overall.loc[overall["hits"] == 0, "theme"].tolist()
    if absent:
        lines.append(f"Never mentioned: {', '.join(absent)}.")
    if len(trends) and trends["n_bins"].iloc[0] >= 2:
        # A shift worth stating: the fitted change over the range is a quarter of the level.
        material = trends[trends["change"].abs() >= min_change * trends["mean_rate"]]
        rising = material[material["change"] > 0]
        falling = material[material["change"] < 0]
        for verb, rows in (("Rising", rising.head(2)), ("Falling", falling.tail(2).iloc[::-1])):
            lines.extend(
                f"{verb}: {row.theme} (fitted change {row.change:+.1f} per 1,000 words over "
                f"the range; {row.rate_first:.1f} in the first period, {row.rate_last:.1f} in "
                "the last)."
                for row in rows.itertuples()
            )
        if material.empty:
            lines.append(
                f"No theme's rate changes by more than {min_change:.0%} of its average level "
                "across the periods."
            )
    return lines


def period_notes(profile: pd.DataFrame, *, min_docs: int) -> list[str]:
    """What a chart of themes by period cannot show: no dated document, periods resting on
    too few documents, or a single period.

    Args:
        profile: from :func:`helpers.analysis.themes.theme_profile` grouped by period.
        min_docs: a period with fewer documents describes single articles.
    """
    n_periods = profile["group"].nunique()
    if n_periods == 0:
        return ["No document has a date, so themes cannot be followed over time."]
    lines = []
    docs = profile.groupby("group")["n_docs"].first()
    n_thin = int((docs < min_docs).sum())
    if n_thin:
        lines.append(f"{n_thin} of {n_periods} period(s) rest on fewer than {min_docs} "
                     "documents: their rates describe single articles, not the coverage.")
    if n_periods == 1:
        lines.append("All dated documents fall in one period: the chart cannot show change "
                     "over time.")
    return lines


def leader_findings(leaders: pd.DataFrame) -> list[str]:
    """The leading theme of each group, for the groups where any theme occurs.

    Args:
        leaders: from :func:`helpers.analysis.themes.leading_themes`.
    """
    return [f"{row.group} ({row.n_docs} document(s)): {row.theme} leads with "
            f"{row.rate_per_1000:.1f} per 1,000 words." for row in leaders.itertuples()
            if row.rate_per_1000 > 0]


def topic_limits_note(n_docs: int) -> str:
    """What a topic model of ``n_docs`` documents can and cannot show, in plain words."""
    if n_docs <= 1:
        return (
            "With one document, NMF cannot discover topics: the single 'topic' is just the "
            "document's most weighted words. Read the dictionary themes instead."
        )
    if n_docs < SMALL_CORPUS_DOCS:
        return (
            f"With {n_docs} documents, the 'topics' are groupings of a few articles that share "
            "vocabulary, not stable subjects of the coverage; their timeline follows individual "
            "articles. The dictionary themes are the reliable view at this size."
        )
    return (
        f"Topics are patterns of words that occur together across these {n_docs} documents, "
        "labelled by their top terms; a label is a reading aid, not a meaning, and topics "
        "change with the number asked for."
    )


def topic_model_summary(model: TopicModel) -> str:
    """How many topics were found, from how much text, and how their number was chosen."""
    return (f"{model.n_topics} topic(s) from {model.n_docs} document(s) and {model.n_terms} "
            f"terms; number of topics {model.rule}.")


def keyness_note(key: KeyTerms, *, between: str) -> str:
    """Why there is no keyness between two ``between`` (periods, groups), or ""."""
    return "" if key.compared else f"No keyness between {between}: {key.comparison.reason}."


def keyness_findings(key: KeyTerms, *, top: int = 5) -> list[str]:
    """How many terms are significant on each side, and the strongest (none when the two sides
    could not be compared)."""
    if not key.compared:
        return []
    comparison, table = key.comparison, key.table
    lines = []
    n_significant = 0
    for label in (comparison.label_a, comparison.label_b):
        side = table[(table["over_used_in"] == label) & table["significant"]]
        n_significant += len(side)
        if len(side):
            terms = ", ".join(
                f"{row.term} (G2 {row.g2:.1f}, log ratio {row.log_ratio:+.1f})"
                for row in side.head(top).itertuples()
            )
            lines.append(
                f"{len(side)} term(s) significantly over-used in {label}; strongest: {terms}."
            )
    if not n_significant:
        best = table.iloc[0] if len(table) else None
        strongest = (
            f" (the strongest, {best['term']}, has G2 {best['g2']:.1f})" if best is not None else ""
        )
        lines.append(
            f"No term is used significantly more in {comparison.label_a} than in "
            f"{comparison.label_b} or the reverse at p < 0.001 (G2 >= {G2_CUTOFF_001}){strongest}; "
            "small corpora rarely reach this threshold."
        )
    return lines


def trend_findings(trends: pd.DataFrame, *, top: int = 5) -> list[str]:
    """The strongest emerging and fading terms.

    Args:
        trends: from :func:`helpers.analysis.terms.term_trends`.
        top: how many terms of each kind to name.
    """
    lines = []
    for trend, verb in (("emerging", "Emerging"), ("fading", "Fading")):
        rows = trends[trends["trend"] == trend].head(top)
        if len(rows):
            terms = ", ".join(
                f"{row.term} ({row.rate_first:.1f} to {row.rate_last:.1f} per 1,000 words)"
                for row in rows.itertuples()
            )
            lines.append(f"{verb} terms: {terms}.")
    return lines


def term_trends_note(
    trends: pd.DataFrame, *, n_periods: int, min_count: int = 5, min_docs: int = 2
) -> str:
    """Why no term is ranked, or why the slopes of few periods are differences, or "".

    Args:
        trends: from :func:`helpers.analysis.terms.term_trends`.
        n_periods: how many periods hold dated documents.
        min_count, min_docs: the thresholds ``trends`` was computed with.
    """
    if trends.empty:
        return ("Emerging and fading terms need documents in at least two periods and terms "
                f"used at least {min_count} times in {min_docs} documents.")
    if n_periods < FEW_PERIODS:
        return (f"With {n_periods} periods, a slope joins a few points: read it as a "
                "difference between periods, not a trend.")
    return ""


def sentiment_findings(table: pd.DataFrame, *, column: str, min_sentences: int = 5) -> list[str]:
    """The themes whose sentences are most positive and most negative.

    Args:
        table: from :func:`helpers.analysis.themes.theme_sentiment`.
        column: the sentiment column compared.
        min_sentences: themes with fewer sentences are not ranked.
    """
    themed = table[(table["theme"] != "all sentences") & (table["n_sentences"] >= min_sentences)]
    if themed.empty:
        return [f"No theme has {min_sentences} or more sentences: too few to compare sentiment."]
    ranked = themed.sort_values(column)
    low, high = ranked.iloc[0], ranked.iloc[-1]
    base = float(table.loc[table["theme"] == "all sentences", column].iloc[0])
    lines = [
        f"Most positive: {high['theme']} (mean {column} {high[column]:+.2f} over "
        f"{high['n_sentences']} sentences, against {base:+.2f} for all sentences)."
    ]
    if len(ranked) > 1:
        lines.append(
            f"Most negative: {low['theme']} (mean {low[column]:+.2f} "
            f"over {low['n_sentences']} sentences)."
        )
    return lines


def sentiment_note(table: pd.DataFrame, *, min_sentences: int = 5) -> str:
    """That themes with fewer than ``min_sentences`` sentences are charted but not ranked, or ""."""
    if not (table["n_sentences"] < min_sentences).any():
        return ""
    return (f"Themes with fewer than {min_sentences} sentences are charted but not ranked: their "
            "means rest on a handful of sentences.")
