"""The sentences that state the rhetoric report's findings, each from a table of
:mod:`helpers.analysis.rhetoric`: formulas, who uses them, commitments and stance, quoted
voices, and style.

Each ``*_findings`` function returns a list of sentences (empty when there is nothing to say);
:func:`summary_and_rest` takes the lead sentence of each for the report's summary.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.rhetoric import NARRATION, overall_rates, rates


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


def formula_findings(summary: pd.DataFrame, *, n_docs: int) -> list[str]:
    """Sentences on the formulas: how many, the most widespread, the newest.

    Args:
        summary: from :func:`~helpers.analysis.rhetoric.formula_summary`.
        n_docs: the number of documents searched.
    """
    if summary.empty:
        return [f"No formula of the lexicon appears in the {n_docs} article(s) analysed."]
    widest = summary.sort_values(["n_docs", "count"], ascending=False, kind="stable").iloc[0]
    lines = [
        f"{len(summary)} distinct diplomatic formulas occur {summary['count'].sum()} times in "
        f"{n_docs} article(s); the most widespread is \u201c{widest['formula']}\u201d "
        f"({widest['count']} times in {widest['n_docs']} of {n_docs} articles), first seen "
        f"in {_day(widest['first_date'])}."
    ]
    dated = summary.dropna(subset=["first_date"])
    if dated["first_date"].nunique() > 1:
        latest = dated["first_date"].max()
        newest = dated.loc[dated["first_date"] == latest, "formula"].tolist()
        lines.append(f"The latest to appear: {_names(newest[:5])} (first seen {_day(latest)}"
                     f"{f', with {len(newest) - 5} more' if len(newest) > 5 else ''}).")
    return lines


def voice_findings(
    hits: pd.DataFrame, sentences: pd.DataFrame, *, min_words: int = 100
) -> list[str]:
    """Sentences on who uses the formulas: the outlets' narration or a quoted side.

    Args:
        hits: from :func:`~helpers.analysis.rhetoric.find_formulas`.
        sentences: the sentences searched (with ``voice``).
        min_words: voices with fewer words are not compared (their rates are too noisy).
    """
    if hits.empty:
        return []
    by_voice = hits["voice"].value_counts()
    narrated = int(by_voice.get(NARRATION, 0))
    lines = [f"{narrated} of {len(hits)} formula occurrences ({narrated / len(hits):.0%}) are "
             "the outlets' own narration; the rest are in quoted or reported speech."]
    dense = rates(hits.assign(any="formulas"), sentences, column="any", by="voice")
    dense = dense[dense["n_words"] >= min_words]["formulas"].sort_values(ascending=False)
    if len(dense) > 1:
        lines.append(f"Per 1,000 words, formulas are densest in the voice of {dense.index[0]} "
                     f"({dense.iloc[0]:.1f}) and sparsest in that of {dense.index[-1]} "
                     f"({dense.iloc[-1]:.1f}).")
    return lines


def commitment_findings(
    acts: pd.DataFrame, stance: pd.DataFrame, sentences: pd.DataFrame, *, min_words: int = 100
) -> list[str]:
    """Sentences on commitments and stance: the commonest acts, firmness against hedging.

    Args:
        acts: from :func:`~helpers.analysis.rhetoric.find_speech_acts`.
        stance: from :func:`~helpers.analysis.rhetoric.find_stance`.
        sentences: the sentences searched (with ``voice`` and ``n_words``).
        min_words: voices with fewer words are not compared.
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
        by_voice = rates(stance, sentences, column="category", by="voice",
                         values=["firm", "hedge"])
        by_voice = by_voice[by_voice["n_words"] >= min_words]
        if len(by_voice) > 1:
            firmest = by_voice["firm"].idxmax()
            lines.append(f"The firmest voice is {firmest} ({by_voice.loc[firmest, 'firm']:.1f} "
                         f"firm modals per 1,000 words against "
                         f"{by_voice.loc[firmest, 'hedge']:.1f} hedges).")
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
    min_docs: int = 5,
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


def issue_trend_findings(timeline: pd.DataFrame, *, min_docs: int = 5) -> list[str]:
    """Sentences on how often each issue is raised in the first and the last period.

    An issue's change is stated only between the first and last periods that both have at
    least ``min_docs`` articles; otherwise the sentence says why there is no comparison.

    Args:
        timeline: from :func:`~helpers.analysis.issues.issue_timeline`.
        min_docs: the fewest articles a period needs to be compared.
    """
    if timeline.empty:
        return []
    periods = timeline.drop_duplicates("period").set_index("period")["docs_in_period"]
    compared = periods[periods >= min_docs]
    if len(compared) < 2:
        return [f"Fewer than two periods have {min_docs} or more articles: issue mentions are "
                "not compared over time."]
    first, last = compared.index[0], compared.index[-1]
    lines = []
    for issue, rows in timeline.groupby("issue", sort=False):
        by_period = rows.set_index("period")
        before = by_period.loc[first, "mentions"] / periods[first]
        after = by_period.loc[last, "mentions"] / periods[last]
        if before == after:
            continue
        direction = "rose" if after > before else "fell"
        lines.append(f"Mentions of \u201c{issue}\u201d per article {direction} from "
                     f"{before:.2f} in {first} to {after:.2f} in {last} "
                     f"({periods[first]} and {periods[last]} articles).")
    return lines


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
