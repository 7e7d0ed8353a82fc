"""The sentences that state the rhetoric report's findings, each from a table of
:mod:`helpers.analysis.rhetoric` or :mod:`helpers.analysis.rhetoric_trends`: formulas, who
uses them, commitments and stance, issue frames, quoted voices, and style.

Claims follow the rules of :mod:`helpers.report.findings.common`: a formula, speech act,
stance marker or issue rises or falls only when the slope of documents' rates has a 95%
interval (bootstrap over documents) excluding zero, survives the Benjamini-Hochberg correction
and rests on ``min_docs`` dated documents on each side of the median date; a voice is densest
or firmest only through the interval of its difference from another voice, each with
``min_docs`` documents; a formula is the latest to appear only among dated documents, with
``min_docs`` earlier dated documents without it and ``min_docs`` with it, and the undated
documents that use it counted.

Each ``*_findings`` function returns a list of sentences (empty when there is nothing to say);
:func:`summary_and_rest` takes the lead sentence of each for the report's summary.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.rhetoric import NARRATION, overall_rates
from helpers.analysis.rhetoric_trends import group_rate_differences
from helpers.analysis.statistics import MIN_DOCS, TimeEvidence
from helpers.report.findings.common import (
    OVER_DOCUMENTS,
    count_of,
    groups_need,
    interval_of,
    time_need,
    undated_left_out,
)


def summary_and_rest(
    sections: dict[str, list[str]],
) -> tuple[list[str], dict[str, list[str]]]:
    """Split each section's findings into its lead sentence, for the summary, and the rest.

    Args:
        sections: findings by section, in the order the summary gives them.

    Returns:
        The summary (the first sentence of each section that has any) and, by section, the
        sentences after the first.
    """
    summary = [lines[0] for lines in sections.values() if lines]
    return summary, {name: lines[1:] for name, lines in sections.items()}


def _day(value: pd.Timestamp) -> str:
    return f"{value:%Y-%m-%d}" if pd.notna(value) else "an undated article"


def _names(values: list[str]) -> str:
    quoted = [f"\u201c{v}\u201d" for v in values]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def formula_findings(
    summary: pd.DataFrame, appearances: pd.DataFrame, *, n_docs: int, min_docs: int = MIN_DOCS
) -> list[str]:
    """Sentences on the formulas: how many, the most widespread, the latest to appear.

    A formula is called the latest to appear only among dated documents, when its first
    appearance is ``supported`` (``min_docs`` earlier dated documents without it, ``min_docs``
    dated documents with it); the undated documents that use it are counted, since any of them
    may be older.

    Args:
        summary: from :func:`~helpers.analysis.rhetoric.formula_summary`.
        appearances: from :func:`~helpers.analysis.rhetoric_trends.first_appearances`.
        n_docs: the number of documents searched.
        min_docs: the threshold ``appearances`` was computed with.
    """
    if summary.empty:
        return [f"No formula of the lexicon appears in the {n_docs} article(s) analysed."]
    widest = summary.sort_values(["n_docs", "count"], ascending=False, kind="stable").iloc[0]
    lines = [
        f"{len(summary)} distinct diplomatic formulas occur {summary['count'].sum()} times in "
        f"{n_docs} article(s); the most widespread is \u201c{widest['formula']}\u201d "
        f"({widest['count']} times in {widest['n_docs']} of {n_docs} articles)."
    ]
    dated = appearances.dropna(subset=["first_date"])
    if dated["first_date"].nunique() < 2:
        return lines
    supported = dated[dated["supported"]]
    if supported.empty:
        lines.append(f"No formula is called the latest to appear: a first appearance needs at "
                     f"least {min_docs} earlier dated documents without the formula and "
                     f"{min_docs} dated documents with it, and none has both.")
        return lines
    latest = supported.iloc[0]
    undated = int(latest["n_undated_using"])
    caveat = (f"; {count_of(undated, 'undated document')} also "
              f"{'uses' if undated == 1 else 'use'} it and may be older" if undated else "")
    lines.append(f"Among dated documents, the latest formula to appear is "
                 f"\u201c{latest['item']}\u201d: first seen {_day(latest['first_date'])}, "
                 f"absent from the {int(latest['n_before'])} earlier dated documents, then "
                 f"used in {count_of(int(latest['n_dated_using']), 'dated document')}"
                 f"{caveat}.")
    return lines


def trend_findings(trends: pd.DataFrame, *, noun: str, top: int = 3) -> list[str]:
    """Which items' rates per 1,000 words detectably rise or fall over time, or why none is
    said to (none when no document is dated).

    Args:
        trends: from :func:`~helpers.analysis.rhetoric_trends.rate_trends` (with
            ``attrs["evidence"]``).
        noun: what the items are, singular ("formula", "speech act family", "issue").
        top: how many items of each direction to name.
    """
    evidence: TimeEvidence = trends.attrs["evidence"]
    if not evidence.n_dated or trends.empty:
        return []
    if not evidence.enough:
        return [f"No {noun} is said to rise or fall: {time_need(evidence)}."]
    left_out = undated_left_out(evidence)
    tail = f"; {left_out}" if left_out else ""
    lines = []
    for direction, verb in (("rising", "Rising"), ("falling", "Falling")):
        rows = trends[trends["direction"] == direction]
        rows = rows.sort_values("slope_per_year", ascending=direction == "falling")
        for row in rows.head(top).itertuples():
            slope = interval_of(row.slope_per_year, row.slope_low, row.slope_high, digits=2,
                                unit="per 1,000 words per year")
            lines.append(f"{verb} {noun}: {row.item} (slope of documents' rates {slope}; "
                         f"q = {row.q_value:.3f}; used in {row.n_dated_using} of "
                         f"{count_of(evidence.n_dated, 'dated document')}{tail}).")
    if not lines:
        tested = int(trends["q_value"].notna().sum())
        thin = len(trends) - tested
        skipped = (f"; {thin} used in fewer than {evidence.min_docs} dated documents not "
                   "tested" if thin else "")
        lines.append(f"No {noun}'s rate per 1,000 words changes detectably over time "
                     f"({tested} tested, slopes over "
                     f"{count_of(evidence.n_dated, 'dated document')} with {OVER_DOCUMENTS}, "
                     f"Benjamini-Hochberg corrected{skipped}{tail}).")
    return lines


def _voice_comparison(pairs: pd.DataFrame, *, what: str, more: str) -> str:
    """The verdict on the voices' most different pair: detectably more, or no difference."""
    if pairs.empty:
        return ""
    widest = pairs.loc[pairs["difference"].abs().idxmax()]
    a, b = (widest["a"], widest["b"]) if widest["difference"] > 0 else (widest["b"], widest["a"])
    rate_a, rate_b = ((widest["rate_a"], widest["rate_b"]) if widest["difference"] > 0
                      else (widest["rate_b"], widest["rate_a"]))
    sign = 1 if widest["difference"] > 0 else -1
    gap = interval_of(sign * widest["difference"], *sorted(
        (sign * widest["low"], sign * widest["high"])), digits=1)
    n_voices = len(set(pairs["a"]) | set(pairs["b"]))
    if not widest["differ"]:
        return (f"No voice uses {what} detectably {more} than another ({n_voices} voices "
                f"compared; largest gap {a} {rate_a:.1f} against {b} {rate_b:.1f} per 1,000 "
                f"words, difference {gap}, simultaneous {OVER_DOCUMENTS}).")
    return (f"The voice of {a} uses {what} detectably {more} than that of {b} ({rate_a:.1f} "
            f"against {rate_b:.1f} per 1,000 words; difference {gap}, simultaneous "
            f"{OVER_DOCUMENTS}).")


def _voice_docs(sentences: pd.DataFrame) -> pd.Series:
    return sentences.groupby("voice")["doc_id"].nunique()


def voice_findings(
    hits: pd.DataFrame, sentences: pd.DataFrame, *, min_docs: int = MIN_DOCS,
    n_boot: int = 1000,
) -> list[str]:
    """Sentences on who uses the formulas: the outlets' narration or a quoted side.

    Voices are compared only when each has ``min_docs`` documents, through the simultaneous
    interval of their difference (bootstrap over documents).

    Args:
        hits: from :func:`~helpers.analysis.rhetoric.find_formulas`.
        sentences: the sentences searched (with ``voice``, doc_id and ``n_words``).
        min_docs: the fewest documents a voice needs to be compared.
        n_boot: bootstrap replicates over documents.
    """
    if hits.empty:
        return []
    by_voice = hits["voice"].value_counts()
    narrated = int(by_voice.get(NARRATION, 0))
    lines = [f"{narrated} of {len(hits)} formula occurrences ({narrated / len(hits):.0%}) are "
             "the outlets' own narration; the rest are in quoted or reported speech."]
    pairs = group_rate_differences(hits.assign(any="formulas"), sentences, column="any",
                                   value="formulas", by="voice", min_docs=min_docs,
                                   n_boot=n_boot)
    need = groups_need(_voice_docs(sentences), min_docs=min_docs, label="voice")
    lines.append(_voice_comparison(pairs, what="formulas", more="more densely") if need == ""
                 else f"Voices are not compared for formula density: {need}.")
    return lines


def commitment_findings(
    acts: pd.DataFrame, stance: pd.DataFrame, sentences: pd.DataFrame, *,
    min_docs: int = MIN_DOCS, n_boot: int = 1000,
) -> list[str]:
    """Sentences on commitments and stance: the commonest acts, firmness against hedging.

    Args:
        acts: from :func:`~helpers.analysis.rhetoric.find_speech_acts`.
        stance: from :func:`~helpers.analysis.rhetoric.find_stance`.
        sentences: the sentences searched (with ``voice``, doc_id and ``n_words``).
        min_docs: the fewest documents a voice needs to be compared.
        n_boot: bootstrap replicates over documents.
    """
    lines = []
    performed = acts[~acts["negated"]] if "negated" in acts.columns else acts
    if performed.empty:
        lines.append("No speech act of the lexicon is reported in these articles.")
    else:
        top = performed["act"].value_counts().head(3)
        listed = ", ".join(f"{act} ({count})" for act, count in top.items())
        negated = int(acts["negated"].sum())
        lines.append(f"{len(performed)} speech acts of commitment or position-taking; the "
                     f"commonest are {listed}. {negated} negated act(s) "
                     "(\u201cdid not agree\u201d) are shown apart and not counted.")
    if not stance.empty and sentences["n_words"].sum() > 0:
        overall = overall_rates(stance, sentences, column="category")
        parts = [f"{name} {overall.get(name, 0.0):.1f}" for name in
                 ("firm", "hedge", "intensifier", "we") if name in overall.index]
        if parts:
            lines.append("Stance markers per 1,000 words: " + ", ".join(parts) + ".")
        need = groups_need(_voice_docs(sentences), min_docs=min_docs, label="voice")
        if need:
            lines.append(f"Voices are not compared for firmness: {need}.")
        else:
            pairs = group_rate_differences(stance, sentences, column="category", value="firm",
                                           by="voice", min_docs=min_docs, n_boot=n_boot)
            lines.append(_voice_comparison(pairs, what="firm modals", more="more often"))
    return lines


def voices_findings(voices: pd.DataFrame, sentences: pd.DataFrame) -> list[str]:
    """Sentences on quoted speech: how much of an article it fills, whose words they are.

    Args:
        voices: from :func:`~helpers.analysis.rhetoric.voices_table`.
        sentences: the sentences (with ``voice`` and ``n_words``).
    """
    if voices.empty:
        return []
    lines = [f"On average {voices['quoted_share'].mean():.0%} of an article is inside quotation "
             f"marks and {voices['attributed_share'].mean():.0%} of its words are quoted or "
             "reported speech."]
    spoken = sentences[sentences["voice"] != NARRATION].groupby("voice")["n_words"].sum()
    spoken = spoken.sort_values(ascending=False)
    if len(spoken):
        share = spoken / spoken.sum()
        lines.append("Quoted and reported words come from "
                     + ", ".join(f"{side} ({value:.0%})" for side, value in share.head(4).items())
                     + ".")
    return lines


def style_findings(style: pd.DataFrame) -> list[str]:
    """Sentences on readability and lexical diversity across documents."""
    scored = style.dropna(subset=["flesch_reading_ease"])
    if scored.empty:
        return []
    easiest = scored.loc[scored["flesch_reading_ease"].idxmax()]
    hardest = scored.loc[scored["flesch_reading_ease"].idxmin()]
    lines = [f"Median Flesch reading ease is {scored['flesch_reading_ease'].median():.0f} "
             "(0-30 reads as very difficult, 60-70 as plain English), with "
             f"{scored['words_per_sentence'].median():.0f} words per sentence."]
    if len(scored) > 1:
        lines.append(f"The easiest read is {easiest['doc_id']} "
                     f"({easiest['flesch_reading_ease']:.0f}), the hardest {hardest['doc_id']} "
                     f"({hardest['flesch_reading_ease']:.0f}).")
    measured = style["mtld"].dropna()
    if len(measured):
        lines.append(f"Median lexical diversity (MTLD) is {measured.median():.0f} over "
                     f"{len(measured)} article(s) long enough to measure.")
    return lines


def _issue_phrase(row: pd.Series) -> str:
    return (f"{row['mentions']} mention(s) in {row['n_docs']} article(s): "
            f"{row['asserted']} asserted, {row['denied']} denied, {row['reported']} reported")


def issue_findings(
    table: pd.DataFrame, mentions: pd.DataFrame, *, issues: list[str], n_docs: int,
    min_docs: int = MIN_DOCS,
) -> list[str]:
    """Sentences on the issue frames: the most raised, who raises each, who denies it.

    A side is named as raising an issue most, or denying it most, only when the issue is
    mentioned in at least ``min_docs`` articles; issues below that are listed as too thin to
    compare, and issues of the lexicon never mentioned are named.

    Args:
        table: from :func:`~helpers.analysis.issues.issue_table`.
        mentions: from :func:`~helpers.analysis.issues.find_issues`.
        issues: every issue of the lexicon, in its order.
        n_docs: the number of documents searched.
        min_docs: the fewest articles an issue needs for a comparison of sides or polarity.
    """
    if mentions.empty:
        return [f"No issue of the issues lexicon is mentioned in the {n_docs} article(s) "
                "analysed."]
    per_issue = table.groupby("issue", sort=False)[["mentions", "asserted", "denied",
                                                    "reported"]].sum()
    per_issue["n_docs"] = mentions.groupby("issue")["doc_id"].nunique()
    per_issue = per_issue.sort_values(["n_docs", "mentions"], ascending=False, kind="stable")
    top = per_issue.iloc[0]
    lines = [f"The most widely raised issue is \u201c{per_issue.index[0]}\u201d "
             f"({_issue_phrase(top)})."]
    thin = []
    for issue, row in per_issue.iterrows():
        if row["n_docs"] < min_docs:
            thin.append(str(issue))
            continue
        sides = table[table["issue"] == issue].set_index("side")
        raisers = sides["mentions"].sort_values(ascending=False, kind="stable")
        line = (f"\u201c{issue}\u201d: {_issue_phrase(row)}; raised most in the voice of "
                f"{raisers.index[0]} ({raisers.iloc[0]})")
        deniers = sides["denied"].sort_values(ascending=False, kind="stable")
        if deniers.iloc[0] > 0:
            line += f", denied most by {deniers.index[0]} ({deniers.iloc[0]})"
        lines.append(line + ".")
    if thin:
        lines.append(f"Mentioned in fewer than {min_docs} articles, too few to compare sides "
                     f"or polarity: {_names(thin)}.")
    missing = [issue for issue in issues if issue not in per_issue.index]
    if missing:
        lines.append(f"Never mentioned: {_names(missing)}.")
    return lines


def thin_periods_note(docs_per_period: pd.Series, *, min_docs: int = MIN_DOCS) -> str:
    """That some periods of a time chart rest on too few documents to compare, or "".

    Args:
        docs_per_period: documents in each period shown (0 for an empty period).
        min_docs: the fewest documents a period needs.
    """
    shown = docs_per_period[docs_per_period > 0]
    thin = int((shown < min_docs).sum())
    if not thin:
        return ""
    return (f"{thin} of {count_of(len(shown), 'period')} with documents rest on fewer than "
            f"{min_docs} documents (hollow points, or * on the axis): their rates describe "
            "single articles, not the coverage, and are not compared.")


def unknown_speakers_note(unknown: pd.DataFrame, *, n_speakers: int) -> str:
    """What the table of speakers of unknown side is for ("" when every speaker has a side).

    Args:
        unknown: from ``helpers.analysis.speakers.unknown_side_speakers``.
        n_speakers: named speakers in the selection.
    """
    if unknown.empty:
        return ""
    return (f"{len(unknown)} of {n_speakers} named speaker(s) have no known side, so their words "
            "count under 'unknown' in every comparison of sides. To give them one, copy their "
            "actors_row into src/helpers/corpus/data/actors.csv (or your own actors file) and "
            "fill in the side.")
