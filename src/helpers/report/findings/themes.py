"""The sentences of the themes report: findings and caveats stated from the tables of
:mod:`helpers.analysis.themes`, :mod:`~helpers.analysis.topics`,
:mod:`~helpers.analysis.keyness` and :mod:`~helpers.analysis.terms`.

Claims follow the rules of :mod:`helpers.report.findings.common`: a theme rises or falls only
when its slope over documents has an interval excluding zero (and survives the correction for
the number of themes), and enough documents are dated; a term is key, emerging or fading only
when its corrected document test says so; groups and periods are described only when they
rest on ``min_docs`` documents.

Functions ending in ``_findings`` return the lines to show as findings (none when there is
nothing to state); those ending in ``_note`` or ``_notes`` return caveats ("" or no line when
there is nothing to say).
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.keyness import KeyTerms
from helpers.analysis.statistics import MIN_DOCS, TimeEvidence
from helpers.analysis.topics import SMALL_CORPUS_DOCS, TopicModel
from helpers.report.findings.common import count_of, interval_of, time_need, undated_left_out


def theme_findings(
    overall: pd.DataFrame,
    trends: pd.DataFrame,
    *,
    evidence: TimeEvidence | None = None,
    top: int = 3,
) -> list[str]:
    """The leading themes, themes never seen, and the themes that detectably rise or fall.

    Args:
        overall: from :func:`helpers.analysis.themes.overall_themes`.
        trends: from :func:`helpers.analysis.themes.theme_trends` (with documents' dates).
        evidence: the dated documents (:func:`helpers.analysis.statistics.time_evidence`);
            None: nothing is said about time.
        top: how many leading themes to name.
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
    if evidence is None or not evidence.n_dated:
        return lines
    if not evidence.enough:
        lines.append(f"No theme is said to rise or fall: {time_need(evidence)}.")
        return lines
    left_out = undated_left_out(evidence)
    tail = f"; {left_out}" if left_out else ""
    for direction, verb in (("rising", "Rising"), ("falling", "Falling")):
        rows = trends[trends["direction"] == direction]
        rows = rows.sort_values("slope_per_year", ascending=direction == "falling")
        for row in rows.head(2).itertuples():
            slope = interval_of(row.slope_per_year, row.slope_low, row.slope_high, digits=2,
                                unit="per 1,000 words per year")
            lines.append(f"{verb}: {row.theme} (slope of documents' rates {slope}; "
                         f"q = {row.q_value:.3f}, over "
                         f"{count_of(int(row.n_dated), 'dated document')}{tail}).")
    if not trends["direction"].isin(["rising", "falling"]).any():
        lines.append(
            f"No theme's rate changes detectably over time ({count_of(len(trends), 'theme')} "
            f"tried, slopes over {count_of(evidence.n_dated, 'dated document')} with 95% "
            f"intervals from a bootstrap over documents, Benjamini-Hochberg corrected{tail})."
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


def leader_findings(leaders: pd.DataFrame, *, min_docs: int = MIN_DOCS) -> list[str]:
    """The leading theme of each group that rests on ``min_docs`` documents and where any theme
    occurs, and how many groups are too small to describe.

    Args:
        leaders: from :func:`helpers.analysis.themes.leading_themes`.
        min_docs: the fewest documents a group needs.
    """
    lines = [f"{row.group} ({row.n_docs} document(s)): {row.theme} leads with "
             f"{row.rate_per_1000:.1f} per 1,000 words." for row in leaders.itertuples()
             if row.rate_per_1000 > 0 and row.n_docs >= min_docs]
    small = int((leaders["n_docs"] < min_docs).sum()) if len(leaders) else 0
    if small:
        lines.append(f"{count_of(small, 'group')} with fewer than {min_docs} documents "
                     f"{'is' if small == 1 else 'are'} not described: their leading theme "
                     "would be that of single articles.")
    return lines


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
    """How many terms are key on each side, and the strongest, with effect sizes and q-values
    (none when the two sides could not be compared)."""
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
                f"{row.term} (log ratio {row.log_ratio:+.1f}, in {row.docs_a} and {row.docs_b} "
                f"documents, q = {row.q_value:.3f})"
                for row in side.sort_values("q_value", kind="stable").head(top).itertuples()
            )
            lines.append(f"{len(side)} term(s) key in {label}; strongest: {terms}.")
    if not n_significant:
        lines.append(
            f"No term is used detectably more in {comparison.label_a} than in "
            f"{comparison.label_b} or the reverse ({count_of(len(table), 'term')} tested on the "
            "documents that contain them, Benjamini-Hochberg at 5%)."
        )
    return lines


def trend_findings(trends: pd.DataFrame, *, top: int = 5) -> list[str]:
    """The strongest emerging and fading terms, with effect sizes and q-values.

    Args:
        trends: from :func:`helpers.analysis.terms.term_trends` (only detected terms).
        top: how many terms of each kind to name.
    """
    lines = []
    for trend, verb in (("emerging", "Emerging"), ("fading", "Fading")):
        rows = trends[trends["trend"] == trend].head(top)
        if len(rows):
            terms = ", ".join(
                f"{row.term} ({row.rate_early:.1f} to {row.rate_late:.1f} per 1,000 words, "
                f"log ratio {row.log_ratio:+.1f}; in {row.docs_early} earlier and "
                f"{row.docs_late} later documents, q = {row.q_value:.3f})"
                for row in rows.itertuples()
            )
            lines.append(f"{verb} terms: {terms}.")
    return lines


def term_trends_note(
    trends: pd.DataFrame,
    *,
    evidence: TimeEvidence,
    min_count: int = 5,
    min_term_docs: int = 3,
) -> str:
    """Why no term is named emerging or fading, or "".

    Args:
        trends: from :func:`helpers.analysis.terms.term_trends`.
        evidence: the dated documents (:func:`helpers.analysis.statistics.time_evidence`).
        min_count, min_term_docs: the thresholds ``trends`` was computed with.
    """
    if not evidence.enough:
        return f"No term is called emerging or fading: {time_need(evidence)}."
    if len(trends):
        return ""
    tested = trends.attrs.get("n_tested", 0)
    return (f"No term is used detectably more or less in the later half of the dated documents "
            f"than in the earlier ({count_of(tested, 'term')} tested: used {min_count} times or "
            f"more and found in at least {min_term_docs} documents of one half; "
            "Benjamini-Hochberg at 5%).")


def sentiment_findings(
    table: pd.DataFrame, *, column: str, min_sentences: int = 5, min_docs: int = MIN_DOCS
) -> list[str]:
    """The themes whose sentences are detectably warmer or cooler than all sentences.

    Args:
        table: from :func:`helpers.analysis.themes.theme_sentiment`.
        column: the sentiment column compared (the one with an interval of its gap).
        min_sentences, min_docs: themes with fewer sentences or documents are not compared.
    """
    themed = table[(table["theme"] != "all sentences") & (table["n_sentences"] >= min_sentences)
                   & (table["n_docs"] >= min_docs)]
    if themed.empty:
        return [f"No theme has {min_sentences} or more sentences in {min_docs} or more "
                "documents: too few to compare sentiment."]
    base = float(table.loc[table["theme"] == "all sentences", column].iloc[0])
    low, high = themed[f"{column}_vs_all_low"], themed[f"{column}_vs_all_high"]
    warmer = themed[low > 0].sort_values(f"{column}_vs_all", ascending=False)
    cooler = themed[high < 0].sort_values(f"{column}_vs_all")
    lines = []
    for rows, word in ((warmer, "warmer"), (cooler, "cooler")):
        described = []
        for _, row in rows.head(3).iterrows():
            gap = interval_of(row[f"{column}_vs_all"], row[f"{column}_vs_all_low"],
                              row[f"{column}_vs_all_high"], digits=2)
            described.append(f"{row['theme']} ({row[column]:+.2f} over {row['n_sentences']} "
                             f"sentences in {row['n_docs']} documents; gap {gap})")
        if described:
            lines.append(f"Detectably {word} than all sentences (mean {column} {base:+.2f}): "
                         + "; ".join(described) + ".")
    if not lines:
        lines.append(
            f"No theme's sentences are detectably warmer or cooler than all sentences "
            f"({count_of(len(themed), 'theme')} compared; 95% intervals of the gap from a "
            "bootstrap over documents).")
    return lines


def sentiment_note(
    table: pd.DataFrame, *, min_sentences: int = 5, min_docs: int = MIN_DOCS
) -> str:
    """That themes with too few sentences or documents are charted but not compared, or ""."""
    themed = table[table["theme"] != "all sentences"]
    small = (themed["n_sentences"] < min_sentences) | (themed["n_docs"] < min_docs)
    if not small.any():
        return ""
    return (f"Themes with fewer than {min_sentences} sentences or {min_docs} documents are "
            "charted but not compared: their means rest on a handful of sentences or articles.")
