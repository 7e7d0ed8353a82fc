"""The sentences that state the sentiment report's findings, each from a table of
:mod:`helpers.analysis.sentiment`: the summary, document scores, change over time, groups,
voices, targets and how far the two lexicons agree.

Every claim follows the rules of :mod:`helpers.report.findings.common`: a change over time is
stated only when the slope's interval (from a bootstrap over documents) excludes zero and
enough documents are dated; a difference between groups only when its interval excludes zero
and each group has ``min_docs`` documents; levels are read against the corpus, never by sign.

Each ``*_findings`` function returns a list of sentences (empty when there is nothing to say);
each ``*_note`` function returns one caveat, or "" when there is none to state.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from helpers.analysis.sentiment import (
    LEAD_MEASURE,
    SECOND_MEASURE,
    SPEECH_LABELS,
    Trend,
    corpus_mean,
)
from helpers.analysis.statistics import MIN_DOCS
from helpers.report.findings.common import (
    ZERO_NOT_NEUTRAL,
    change_clause,
    count_of,
    groups_need,
    interval_of,
    time_need,
    undated_left_out,
)

plural = count_of


@dataclass(frozen=True)
class MeasureWords:
    """How the sentences name a measure and its directions.

    Attributes:
        name: the measure ("mean sentence VADER compound").
        up, down: a change toward its high or low end ("warmer", "cooler").
        high, low: the rows at its ends ("warmest", "coolest").
    """

    name: str
    up: str
    down: str
    high: str
    low: str


STANCE_MEASURE = "stance"
MEASURE_WORDS = {
    LEAD_MEASURE: MeasureWords("mean sentence VADER compound", "warmer", "cooler", "warmest",
                               "coolest"),
    SECOND_MEASURE: MeasureWords("TextBlob polarity", "warmer", "cooler", "warmest", "coolest"),
    STANCE_MEASURE: MeasureWords("stance index", "more cooperative", "more critical",
                                 "most cooperative", "most critical"),
}


def words_of(measure: str) -> MeasureWords:
    """The words of a measure (its column name, neutral directions, for one not listed)."""
    return MEASURE_WORDS.get(measure, MeasureWords(measure, "higher", "lower", "highest",
                                                   "lowest"))


def signed(value: float) -> str:
    """A score as text with its sign: "+0.42", "-0.10"."""
    return f"{value:+.2f}"


def interval_text(row: pd.Series, measure: str = LEAD_MEASURE) -> str:
    """A score with its interval and support: "+0.42 [+0.30, +0.55]; 12 sentences in 3
    documents" (no interval for one document)."""
    docs = int(row["n_docs"])
    low, high = row[f"{measure}_low"], row[f"{measure}_high"]
    bounds = (f" [{signed(low)}, {signed(high)}]" if low == low and high == high
              else " (no interval)")
    return (f"{signed(row[measure])}{bounds}; {plural(int(row['n_sentences']), 'sentence')} "
            f"in {plural(docs, 'document')}")


def slope_text(result: Trend) -> str:
    """The slope and its interval: "slope -0.012 per year, 95% interval -0.030 to +0.004"."""
    return "slope " + interval_of(result.slope_per_year, result.slope_low, result.slope_high,
                                  unit="per year")


def time_clause(result: Trend) -> str:
    """What may be said about time: the verdict on the slope, or what a claim would need."""
    evidence = result.evidence
    if evidence is None or not evidence.n_dated:
        return "no change over time can be shown (no analysed document is dated)"
    if not result.enough:
        return f"no change over time can be shown: {time_need(evidence)}"
    words = words_of(result.measure)
    clause = change_clause(result.direction, slope_text(result), up=words.up, down=words.down)
    span = f" from {result.first_bin} to {result.last_bin}" if result.first_bin else ""
    left_out = undated_left_out(evidence)
    return (f"{clause}{span}, over {plural(evidence.n_dated, 'dated document')}"
            + (f"; {left_out}" if left_out else ""))


def summary_line(table: pd.DataFrame, result: Trend, *, beside: Sequence[Trend] = ()) -> str:
    """The one-line summary of the report: the corpus level of the lead measure and of those
    shown beside it, and what may be said about time.

    Args:
        table: :func:`helpers.analysis.sentiment.documents_table` (with every measure named).
        result: :func:`helpers.analysis.sentiment.trend` of the lead measure.
        beside: the trends of the measures shown beside it, in order.
    """
    levels = [f"{words_of(t.measure).name} {signed(corpus_mean(table, measure=t.measure))}"
              for t in (result, *beside)]
    head = (f"{plural(len(table), 'document')} ({int(table['n_sentences'].sum())} sentences): "
            + levels[0] + (f" (the lead measure; {', '.join(levels[1:])} beside it)"
                           if beside else ""))
    if not result.enough or not beside:
        return f"{head}; {time_clause(result)}."
    others = "; ".join(f"{words_of(t.measure).name}: {time_clause(t)}" for t in beside)
    return f"{head}; {words_of(result.measure).name}: {time_clause(result)}; {others}."


def document_findings(table: pd.DataFrame) -> list[str]:
    """Sentences on the document scores: the corpus level read against the lexicon's non-neutral
    zero, the warmest and coolest documents relative to the others, and the spread.

    Args:
        table: :func:`helpers.analysis.sentiment.documents_table`.
    """
    n_docs, n_sentences = len(table), int(table["n_sentences"].sum())
    lines = [f"Across {plural(n_docs, 'document')} ({n_sentences} sentences), the "
             f"length-weighted mean sentence VADER compound is {signed(corpus_mean(table))}. "
             + ZERO_NOT_NEUTRAL]
    if n_docs > 1:
        ranked = table.sort_values(LEAD_MEASURE)
        warm, cool = ranked.iloc[-1], ranked.iloc[0]

        def name(row: pd.Series) -> str:
            details = ", ".join(str(v) for v in (row.get("outlet", ""), row["date"])
                                if pd.notna(v) and v != "")
            return f"{row['file']}" + (f" ({details})" if details else "")

        def position(row: pd.Series) -> str:
            z = row.get(f"{LEAD_MEASURE}_z", float("nan"))
            return f"; z {z:+.1f}" if z == z else ""

        lines.append(f"Relative to the other documents, the warmest is {name(warm)} at "
                     f"{signed(warm[LEAD_MEASURE])} [{signed(warm[f'{LEAD_MEASURE}_low'])}, "
                     f"{signed(warm[f'{LEAD_MEASURE}_high'])}{position(warm)}] and the coolest "
                     f"{name(cool)} at {signed(cool[LEAD_MEASURE])} "
                     f"[{signed(cool[f'{LEAD_MEASURE}_low'])}, "
                     f"{signed(cool[f'{LEAD_MEASURE}_high'])}{position(cool)}]; each interval "
                     "resamples the document's own sentences.")
        low, high = table[LEAD_MEASURE].quantile([0.25, 0.75])
        lines.append(f"Half of the documents lie between {signed(low)} and {signed(high)} "
                     f"(interquartile range of document means); a typical document has "
                     f"{table['vader_share_positive'].median():.0%} clearly positive and "
                     f"{table['vader_share_negative'].median():.0%} clearly negative sentences "
                     "(median over documents).")
    return lines


def trend_findings(result: Trend, others: Sequence[Trend], binned: pd.DataFrame, *,
                   freq: str) -> list[str]:
    """Sentences on change over time: the slope over documents and its verdict, or what a
    claim would need (none without any dated document).

    Args:
        result: :func:`helpers.analysis.sentiment.trend` of the lead measure.
        others: the trends of the measures shown beside it, one sentence each.
        binned: :func:`helpers.analysis.sentiment.scores_over_time` without a group.
        freq: the name of the time bins ("year", "quarter"...).
    """
    evidence = result.evidence
    if evidence is None or not evidence.n_dated:
        return []
    if not result.enough:
        return [f"No change over time is stated: {time_need(evidence)}."]
    words = words_of(result.measure)
    verdict = change_clause(result.direction, slope_text(result), up=words.up, down=words.down)
    left_out = undated_left_out(evidence)
    lines = [f"Fitted over {plural(evidence.n_dated, 'dated document')} (one point per "
             f"document, {result.first_bin} to {result.last_bin}), the {words.name} "
             f"shows {verdict.replace('coverage grew', 'coverage growing')}; the "
             "interval is from a bootstrap over documents"
             + (f"; {left_out}." if left_out else ".")]
    for other in others:
        other_words = words_of(other.measure)
        lines.append(f"{other_words.name[0].upper()}{other_words.name[1:]}: "
                     + change_clause(other.direction, slope_text(other), up=other_words.up,
                                     down=other_words.down) + ".")
    thin = int(binned["thin"].sum()) if "thin" in binned else 0
    if thin:
        lines.append(f"{thin} of {plural(len(binned), freq + ' bin')} rest on fewer than "
                     f"{evidence.min_docs} documents (hollow points): read them as single "
                     "articles, not as the coverage of their period.")
    return lines


def time_note(result: Trend, *, freq: str) -> str:
    """What the time chart cannot show: no dated document, or a single period ("" otherwise).

    Args:
        result: :func:`helpers.analysis.sentiment.trend` of the lead measure.
        freq: the name of the time bins.
    """
    if result.n_bins == 0:
        return "No analysed document has a date, so no timeline can be drawn."
    if result.n_bins == 1:
        return f"All dated documents fall in one {freq}: no change over time can be shown."
    return ""


def difference_row(pairs: pd.DataFrame, a: str, b: str) -> pd.Series | None:
    """The row of ``pairs`` comparing ``a`` with ``b``, signed as a minus b (None if absent)."""
    if pairs.empty:
        return None
    row = pairs[(pairs["a"] == a) & (pairs["b"] == b)]
    if len(row):
        return row.iloc[0]
    row = pairs[(pairs["a"] == b) & (pairs["b"] == a)]
    if not len(row):
        return None
    flipped = row.iloc[0].copy()
    flipped["difference"], flipped["low"], flipped["high"] = (
        -flipped["difference"], -flipped["high"], -flipped["low"])
    return flipped


def group_findings(
    groups: pd.DataFrame,
    pairs: pd.DataFrame | None = None,
    *,
    column: str,
    label: str,
    min_docs: int = MIN_DOCS,
    measure: str = LEAD_MEASURE,
) -> list[str]:
    """Sentences comparing groups (outlets, countries...): the warmest and coolest of those with
    ``min_docs`` documents, and whether their difference's interval excludes zero.

    Args:
        groups: :func:`helpers.analysis.sentiment.group_scores` by ``column``.
        pairs: :func:`helpers.analysis.sentiment.differences` by ``column`` of ``measure``.
        column: the column holding the group names.
        label: what the groups are, for the sentence ("outlet").
        min_docs: the fewest documents a group needs to be compared.
        measure: the measure compared (its words: :data:`MEASURE_WORDS`).
    """
    if len(groups) < 2:
        return [f"All documents share one {label}: groups cannot be compared."]
    need = groups_need(groups.set_index(column)["n_docs"], min_docs=min_docs, label=label)
    if need:
        return [f"No {label} is compared with another: {need}."]
    words = words_of(measure)
    eligible = groups[groups["n_docs"] >= min_docs].sort_values(measure)
    warm, cool = eligible.iloc[-1], eligible.iloc[0]
    row = difference_row(pairs if pairs is not None else pd.DataFrame(), warm[column],
                         cool[column])
    subject = "coverage" if measure == LEAD_MEASURE else f"the {words.name}"
    head = (f"Of the {plural(len(eligible), label)} with at least {min_docs} documents, "
            f"{subject} is {words.high} in {warm[column]} ({interval_text(warm, measure)}) and "
            f"{words.low} in {cool[column]} ({interval_text(cool, measure)})")
    if row is None:
        return [head + "."]
    estimate = interval_of(row["difference"], row["low"], row["high"], digits=2)
    joint = (f", simultaneous for all {len(eligible)} {label}s" if len(eligible) > 2 else "")
    verdict = ("their difference excludes zero" if row["differ"]
               else "no detectable difference between them")
    lines = [f"{head}; {verdict} ({estimate}{joint}; from a bootstrap over documents)."]
    left_out = len(groups) - len(eligible)
    if left_out:
        lines.append(f"{plural(left_out, label)} with fewer than {min_docs} documents "
                     f"{'is' if left_out == 1 else 'are'} left out of the comparison.")
    return lines


def measures_group_findings(
    groups: pd.DataFrame,
    pairs: Mapping[str, pd.DataFrame],
    *,
    column: str,
    label: str,
    min_docs: int = MIN_DOCS,
) -> list[str]:
    """:func:`group_findings` for several measures in turn (tone, the stance index), a sentence
    that would repeat for each (groups cannot be compared) stated once.

    Args:
        groups: :func:`helpers.analysis.sentiment.group_scores` with every measure.
        pairs: measure -> :func:`helpers.analysis.sentiment.differences` of that measure.
        column, label, min_docs: see :func:`group_findings`.
    """
    lines = [line for measure, measure_pairs in pairs.items()
             for line in group_findings(groups, measure_pairs, column=column, label=label,
                                        min_docs=min_docs, measure=measure)]
    return list(dict.fromkeys(lines))


def thin_groups_note(groups: pd.DataFrame, *, min_docs: int) -> str:
    """How many groups rest on too few documents to compare ("" when none does).

    Args:
        groups: :func:`helpers.analysis.sentiment.group_scores` (with its ``thin`` column).
        min_docs: the fewest documents a group needs.
    """
    thin = int(groups["thin"].sum())
    if not thin:
        return ""
    return (f"{thin} group(s) rest on fewer than {min_docs} documents: shown, but left out of "
            "every comparison.")


def voice_findings(
    voices: pd.DataFrame, pairs: pd.DataFrame | None = None, *, min_docs: int = MIN_DOCS
) -> list[str]:
    """Sentences on narration, quoted and reported speech: each level, and each kind of speech
    against narration when both rest on ``min_docs`` documents.

    Args:
        voices: :func:`helpers.analysis.sentiment.interval_table` by speech.
        pairs: :func:`helpers.analysis.sentiment.differences` by speech.
        min_docs: the fewest documents each voice needs to be compared.
    """
    rows = voices.set_index("speech")
    lines = [f"{SPEECH_LABELS.get(speech, speech).capitalize()}: {interval_text(row)}."
             for speech, row in rows.iterrows()]
    if "narration" not in rows.index:
        return lines
    for speech in ("quote", "reported"):
        if speech not in rows.index:
            continue
        name = SPEECH_LABELS[speech].capitalize()
        docs = (int(rows.loc[speech, "n_docs"]), int(rows.loc["narration", "n_docs"]))
        row = difference_row(pairs if pairs is not None else pd.DataFrame(), speech, "narration")
        if min(docs) < min_docs or row is None:
            lines.append(f"{name} is not compared with narration: each needs at least "
                         f"{min_docs} documents ({docs[0]} and {docs[1]}).")
            continue
        estimate = interval_of(row["difference"], row["low"], row["high"], digits=2)
        if row["differ"]:
            side = "warmer" if row["difference"] > 0 else "cooler"
            lines.append(f"{name} is {abs(row['difference']):.2f} {side} than narration "
                         f"(difference {estimate}, from a bootstrap over documents).")
        else:
            lines.append(f"No detectable difference between {SPEECH_LABELS[speech]} and "
                         f"narration (difference {estimate}, from a bootstrap over documents).")
    return lines


def labelled_findings(
    table: pd.DataFrame,
    *,
    column: str,
    what: str,
    names: dict[str, str] | None = None,
    min_docs: int = 0,
) -> list[str]:
    """One sentence per row of an interval table, warmest first:
    "<what> <label>: <score> [<interval>]; <support>" (rows on fewer than ``min_docs``
    documents say they are too few to compare).

    Args:
        table: :func:`helpers.analysis.sentiment.interval_table` (or target_scores).
        column: the column holding the row labels.
        what: the words before each label ("Sentences mentioning").
        names: labels to write differently ({"unknown": "a speaker of unknown side"}).
        min_docs: rows resting on fewer documents are marked; 0: none is.
    """
    names = names or {}
    rows = table.dropna(subset=[LEAD_MEASURE]).sort_values(LEAD_MEASURE, ascending=False)
    return [f"{what} {names.get(row[column], row[column])}: {interval_text(row)}"
            + (" (too few documents to compare)" if row["n_docs"] < min_docs else "") + "."
            for _, row in rows.iterrows()]


def absent_targets_note(targets: pd.DataFrame) -> str:
    """The targets no sentence mentions ("" when every one is mentioned).

    Args:
        targets: :func:`helpers.analysis.sentiment.target_scores`.
    """
    absent = targets.loc[targets["n_sentences"] == 0, "target"].tolist()
    if not absent:
        return ""
    return f"Not mentioned in any sentence: {', '.join(absent)}."


def agreement_findings(agreement: dict[str, float]) -> list[str]:
    """Sentences on how far the two lexicons agree.

    Args:
        agreement: :func:`helpers.analysis.sentiment.lexicon_agreement`.
    """
    lines = [f"Over {agreement['n_sentences']} sentences, TextBlob and VADER rank sentences with "
             f"a Spearman correlation of {agreement['spearman_sentences']:.2f}; they put "
             f"{agreement['same_class_share']:.0%} of sentences in the same class (positive, "
             f"neutral or negative)."]
    if agreement["spearman_documents"] == agreement["spearman_documents"]:
        lines.append(f"Over {agreement['n_documents']} documents the rank correlation is "
                     f"{agreement['spearman_documents']:.2f}.")
    return lines


def agreement_note(agreement: dict[str, float]) -> str:
    """That documents are too few for a rank correlation over them ("" with three or more).

    Args:
        agreement: :func:`helpers.analysis.sentiment.lexicon_agreement`.
    """
    if agreement["n_documents"] >= 3:
        return ""
    return "Fewer than three documents: no rank correlation over documents."
