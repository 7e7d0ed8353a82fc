"""The sentences that state the sentiment report's findings, each from a table of
:mod:`helpers.analysis.sentiment`: the summary, document scores, change over time, groups,
voices, targets and how far the two lexicons agree.

Each ``*_findings`` function returns a list of sentences (empty when there is nothing to say);
each ``*_note`` function returns one caveat, or "" when there is none to state.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.sentiment import (
    LEAD_MEASURE,
    SPEECH_LABELS,
    VADER_CUTOFF,
    Trend,
    corpus_mean,
    overlaps,
)

# How a trend's direction reads in a sentence.
CHANGE_WORDS = {"down": "cooler", "up": "warmer", "flat": "neither warmer nor cooler"}


def plural(count: int, noun: str) -> str:
    """ "1 document", "3 documents"."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def signed(value: float) -> str:
    """A score as text with its sign: "+0.42", "-0.10"."""
    return f"{value:+.2f}"


def interval_text(row: pd.Series, measure: str = LEAD_MEASURE) -> str:
    """A score with its interval and support: "+0.42 [+0.30, +0.55]; 12 sentences in 3
    documents"."""
    docs = int(row["n_docs"])
    return (f"{signed(row[measure])} [{signed(row[f'{measure}_low'])}, "
            f"{signed(row[f'{measure}_high'])}]; {plural(int(row['n_sentences']), 'sentence')} "
            f"in {plural(docs, 'document')}")


def summary_line(table: pd.DataFrame, result: Trend) -> str:
    """The one-line summary of the report: level, and direction over time when it can be shown.

    Args:
        table: :func:`helpers.analysis.sentiment.documents_table`.
        result: :func:`helpers.analysis.sentiment.trend` of the lead measure.
    """
    head = (f"{len(table)} document{'s' if len(table) != 1 else ''} "
            f"({int(table['n_sentences'].sum())} sentences): mean sentence VADER compound "
            f"{signed(corpus_mean(table))}")
    if result.n_bins < 2:
        return f"{head}; no change over time can be shown (fewer than two dated periods)."
    change = (f"drifted {CHANGE_WORDS[result.direction]}" if result.intervals_overlap
              else f"grew {CHANGE_WORDS[result.direction]}")
    noise = ("; the first and last periods' intervals overlap, so the change is within the noise"
             if result.intervals_overlap else "")
    return (f"{head}; coverage {change} from {result.first_bin} to {result.last_bin} "
            f"(slope {result.slope_per_year:+.3f} per year{noise}).")


def document_findings(table: pd.DataFrame, *, vader_cutoff: float = VADER_CUTOFF) -> list[str]:
    """Sentences on the document scores: overall level, warmest and coolest, signs, shares.

    Args:
        table: :func:`helpers.analysis.sentiment.documents_table`.
        vader_cutoff: a document counts as positive at a mean compound >= this, negative at
            <= minus this.
    """
    n_docs, n_sentences = len(table), int(table["n_sentences"].sum())
    lines = [f"Across {n_docs} document{'s' if n_docs != 1 else ''} ({n_sentences} sentences), "
             f"the length-weighted mean sentence VADER compound is {signed(corpus_mean(table))} "
             f"(-1 hostile, +1 warm)."]
    if n_docs > 1:
        ranked = table.sort_values(LEAD_MEASURE)
        warm, cool = ranked.iloc[-1], ranked.iloc[0]

        def name(row: pd.Series) -> str:
            details = ", ".join(str(v) for v in (row.get("outlet", ""), row["date"])
                                if pd.notna(v) and v != "")
            return f"{row['file']}" + (f" ({details})" if details else "")

        lines.append(f"The warmest document is {name(warm)} at {signed(warm[LEAD_MEASURE])} "
                     f"[{signed(warm[f'{LEAD_MEASURE}_low'])}, "
                     f"{signed(warm[f'{LEAD_MEASURE}_high'])}]; the coolest is {name(cool)} at "
                     f"{signed(cool[LEAD_MEASURE])} [{signed(cool[f'{LEAD_MEASURE}_low'])}, "
                     f"{signed(cool[f'{LEAD_MEASURE}_high'])}].")
    positive = int((table[LEAD_MEASURE] >= vader_cutoff).sum())
    negative = int((table[LEAD_MEASURE] <= -vader_cutoff).sum())
    lines.append(f"{positive} of {n_docs} documents average above {signed(vader_cutoff)} and "
                 f"{negative} below {signed(-vader_cutoff)}; a typical document has "
                 f"{table['vader_share_positive'].median():.0%} clearly positive and "
                 f"{table['vader_share_negative'].median():.0%} clearly negative sentences "
                 f"(median over documents).")
    return lines


def trend_findings(result: Trend, second: Trend, binned: pd.DataFrame, *, freq: str) -> list[str]:
    """Sentences on change over time (none with fewer than two periods).

    Args:
        result, second: :func:`helpers.analysis.sentiment.trend` of the lead and second
            measures.
        binned: :func:`helpers.analysis.sentiment.scores_over_time` without a group.
        freq: the name of the time bins ("year", "quarter"...).
    """
    if result.n_bins < 2:
        return []
    lines = [f"From {result.first_bin} to {result.last_bin}, the mean sentence VADER compound "
             f"went from {signed(result.first_value)} to {signed(result.last_value)}: a slope of "
             f"{result.slope_per_year:+.3f} per year over {result.n_bins} {freq} bins, so "
             f"coverage grew {CHANGE_WORDS[result.direction]}."]
    if result.intervals_overlap:
        lines.append(f"The intervals of {result.first_bin} and {result.last_bin} overlap: the "
                     "change is within the noise of sentences.")
    else:
        lines.append(f"The intervals of {result.first_bin} and {result.last_bin} do not overlap.")
    agree = "agrees" if second.direction == result.direction else "disagrees"
    lines.append(f"TextBlob polarity {agree} (slope {second.slope_per_year:+.3f} per year).")
    thin = int(binned["thin"].sum())
    if thin:
        lines.append(f"{thin} of {len(binned)} bins rest on too few documents to compare "
                     "(hollow points).")
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


def group_findings(groups: pd.DataFrame, *, column: str, label: str) -> list[str]:
    """Sentences comparing groups (outlets, countries...): warmest, coolest, and whether the
    difference is clear.

    Args:
        groups: :func:`helpers.analysis.sentiment.interval_table` by ``column``.
        column: the column holding the group names.
        label: what the groups are, for the sentence ("outlet").
    """
    if len(groups) < 2:
        return [f"All documents share one {label}: groups cannot be compared."]
    ranked = groups.sort_values(LEAD_MEASURE)
    warm, cool = ranked.iloc[-1], ranked.iloc[0]
    clear = ("their intervals overlap, so the difference is within the noise of sentences"
             if overlaps(warm, cool) else "their intervals do not overlap")
    return [f"By {label}, coverage is warmest in {warm[column]} ({interval_text(warm)}) and "
            f"coolest in {cool[column]} ({interval_text(cool)}); {clear}."]


def thin_groups_note(groups: pd.DataFrame, *, min_docs: int) -> str:
    """How many groups rest on too few documents to compare ("" when none does).

    Args:
        groups: :func:`helpers.analysis.sentiment.group_scores` (with its ``thin`` column).
        min_docs: the fewest documents a group needs.
    """
    thin = int(groups["thin"].sum())
    if not thin:
        return ""
    return (f"{thin} group(s) rest on fewer than {min_docs} documents and should not be "
            "compared.")


def voice_findings(voices: pd.DataFrame) -> list[str]:
    """Sentences comparing narration, quoted and reported speech.

    Args:
        voices: :func:`helpers.analysis.sentiment.interval_table` by speech.
    """
    rows = voices.set_index("speech")
    lines = [f"{SPEECH_LABELS.get(speech, speech).capitalize()}: {interval_text(row)}."
             for speech, row in rows.iterrows()]
    if "narration" in rows.index:
        for speech in ("quote", "reported"):
            if speech in rows.index:
                gap = rows.loc[speech, LEAD_MEASURE] - rows.loc["narration", LEAD_MEASURE]
                side = "warmer" if gap > 0 else "cooler"
                clear = ("" if overlaps(rows.loc[speech], rows.loc["narration"])
                         else " (the intervals do not overlap)")
                lines.append(f"{SPEECH_LABELS[speech].capitalize()} is {abs(gap):.2f} {side} "
                             f"than narration{clear}.")
    return lines


def labelled_findings(
    table: pd.DataFrame, *, column: str, what: str, names: dict[str, str] | None = None
) -> list[str]:
    """One sentence per row of an interval table, warmest first:
    "<what> <label>: <score> [<interval>]; <support>".

    Args:
        table: :func:`helpers.analysis.sentiment.interval_table` (or target_scores).
        column: the column holding the row labels.
        what: the words before each label ("Sentences mentioning").
        names: labels to write differently ({"unknown": "a speaker of unknown side"}).
    """
    names = names or {}
    rows = table.dropna(subset=[LEAD_MEASURE]).sort_values(LEAD_MEASURE, ascending=False)
    return [f"{what} {names.get(row[column], row[column])}: {interval_text(row)}."
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
