"""The sentences that state the corpus overview's findings, each from its tables: what the
corpus holds, what its timeline and lengths show.

Functions named ``*_findings`` return a list of sentences; ``*_finding`` one sentence;
``*_note`` one caveat, or "" when there is none to state. Whether time can be compared at all
follows the reports' rule (:func:`helpers.analysis.statistics.time_evidence`).
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.statistics import MIN_DOCS, time_evidence
from helpers.analysis.timeline import dated
from helpers.report.findings.common import count_of, time_need, undated_left_out


def overview_findings(
    documents: pd.DataFrame, analysable: pd.DataFrame, audit: pd.DataFrame, problems: pd.DataFrame
) -> list[str]:
    """Sentences stating what the corpus holds: size and dates, undated documents, outlets,
    what cleaning removed, and the problems met while loading.

    Args:
        documents: every document in the period.
        analysable: those the English lexicon notebooks analyse.
        audit: the cleaning audit (one row per removed piece).
        problems: the problems met while loading (with a ``severity`` column).
    """
    lines = []
    with_dates, undated = dated(documents)
    total = len(documents)
    span = ""
    if len(with_dates):
        first, last = with_dates["date"].min(), with_dates["date"].max()
        span = f", dated from {first:%d %B %Y} to {last:%d %B %Y}"
    lines.append(
        f"The corpus holds {total} document{'s' if total != 1 else ''}{span}; "
        f"{len(analysable)} are analysed by the English lexicon notebooks."
    )
    if undated:
        lines.append(
            f"{undated} document{'s have' if undated != 1 else ' has'} no date: kept in "
            "every analysis that needs none, left out of time charts."
        )
    outlets = documents["outlet"].replace("", pd.NA).dropna()
    if len(outlets):
        top = outlets.value_counts()
        lines.append(
            f"{top.size} outlet{'s' if top.size != 1 else ''} named; the most frequent is "
            f"{top.index[0]} with {top.iloc[0]} document{'s' if top.iloc[0] != 1 else ''}."
        )
    if len(audit):
        share = (audit["end"] - audit["start"]).sum() / max(1, documents["n_chars"].sum())
        lines.append(
            f"Cleaning removed {len(audit)} pieces of page debris and metadata from "
            f"{audit['doc_id'].nunique()} documents ({share:.1%} of the raw characters)."
        )
    errors = int((problems["severity"] == "error").sum()) if len(problems) else 0
    warnings = int((problems["severity"] == "warning").sum()) if len(problems) else 0
    lines.append(
        f"Loading met {errors} error{'s' if errors != 1 else ''} and {warnings} "
        f"warning{'s' if warnings != 1 else ''} (listed under Problems)."
    )
    return lines


def timeline_note(counts: pd.DataFrame) -> str:
    """What the documents-over-time chart cannot show ("" when it shows change over time).

    Args:
        counts: :func:`helpers.analysis.overview.documents_per_bin`.
    """
    if counts.empty:
        return "No document has a date, so no timeline can be drawn."
    if counts["bin"].nunique() == 1:
        return "All dated documents fall in one period: the timeline cannot show change over time."
    return ""


def length_finding(documents: pd.DataFrame) -> str:
    """The range and median of article lengths after cleaning, in words."""
    words = documents["n_words"]
    return (f"Articles run from {words.min()} to {words.max()} words after cleaning "
            f"(median {words.median():.0f}).")


def time_evidence_finding(documents: pd.DataFrame, *, min_docs: int = MIN_DOCS) -> str:
    """Whether the dated documents can support claims about change over time, and how many
    undated documents every such claim leaves out.

    Args:
        documents: the documents analysed (with ``date``).
        min_docs: the fewest dated documents each half of the dates needs (the reports' rule).
    """
    evidence = time_evidence(documents["date"], min_docs=min_docs)
    need = time_need(evidence)
    if need:
        return f"The reports state no change over time: {need}."
    left_out = undated_left_out(evidence)
    return (f"Change over time can be tested: {evidence.n_dated} of "
            f"{count_of(evidence.n_documents, 'document')} are dated ({evidence.n_early} "
            f"before the median date, {evidence.n_late} from it, at least {min_docs} on each "
            "side)" + (f"; {left_out} of every claim about time." if left_out else "."))
