"""What every report states the same way: documents left out, undated documents, and the rules
for stating a change or a difference only as far as its interval and its documents allow."""

from __future__ import annotations

import pandas as pd

from helpers.analysis.statistics import TimeEvidence


def left_out_note(n_left_out: int) -> str:
    """Why documents of the period are missing from the analyses ("" when none are)."""
    if not n_left_out:
        return ""
    return (f"{n_left_out} document(s) in the period are left out: not English, without text, "
            "or dropped as duplicates (see the corpus overview).")


def undated_note(n_undated: int, *, counted_elsewhere: bool = False) -> str:
    """What a time chart cannot show: its undated documents ("" when every one is dated).

    Args:
        n_undated: undated documents among those analysed.
        counted_elsewhere: the report's summary counts them although the chart cannot.
    """
    if not n_undated:
        return ""
    where = " are counted in the summary but" if counted_elsewhere else ""
    return f"{n_undated} undated document(s){where} are not in this chart."


# --- rules every report follows to state change, difference and evidence ----------------------

# What every caption says about its intervals.
OVER_DOCUMENTS = "95% intervals from a bootstrap over documents"
OVER_SENTENCES = "95% intervals from a bootstrap over each document's sentences"
# Why levels are read relative to the corpus, not by their sign.
ZERO_NOT_NEUTRAL = ("VADER's zero is not neutral for diplomatic prose, which is written in a "
                    "polite, positive register: read a score against the corpus (its percentile "
                    "among documents, its difference from the corpus mean), not by its sign.")


def count_of(count: int, noun: str) -> str:
    """ "1 document", "3 documents"."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def interval_of(value: float, low: float, high: float, *, digits: int = 3, unit: str = "") -> str:
    """An estimate with its interval: "+0.012 per year, 95% interval -0.004 to +0.028"."""
    if value != value:
        return "not estimable"
    suffix = f" {unit}" if unit else ""
    if low != low or high != high:
        return f"{value:+.{digits}f}{suffix}, no interval"
    return f"{value:+.{digits}f}{suffix}, 95% interval {low:+.{digits}f} to {high:+.{digits}f}"


def time_need(evidence: TimeEvidence) -> str:
    """What a claim about time would need, when the dated documents fall short ("" when they
    suffice): "time comparisons need at least 5 dated documents in each of two periods; 6 of
    40 documents are dated (3 before the median date, 3 from it)"."""
    if evidence.enough:
        return ""
    split = (f" ({evidence.n_early} before the median date, {evidence.n_late} from it)"
             if evidence.n_dated else "")
    return (f"time comparisons need at least {evidence.min_docs} dated documents in each of two "
            f"periods; {evidence.n_dated} of {count_of(evidence.n_documents, 'document')} "
            f"{'is' if evidence.n_dated == 1 else 'are'} dated{split}")


def undated_left_out(evidence: TimeEvidence) -> str:
    """The undated documents every claim about time leaves out ("" when all are dated)."""
    if not evidence.n_undated:
        return ""
    return (f"{count_of(evidence.n_undated, 'undated document')} "
            f"{'is' if evidence.n_undated == 1 else 'are'} left out")


def change_clause(
    direction: str, estimate: str, *, up: str, down: str, subject: str = "coverage"
) -> str:
    """The verdict on a change, stated only as far as its interval allows.

    Args:
        direction: "up" / "down" (the interval excludes zero), "flat" (it does not) or "none".
        estimate: the estimate and its interval (:func:`interval_of`).
        up, down: the words of a change ("warmer", "cooler").
        subject: what changed.
    """
    if direction == "up":
        return f"{subject} grew {up} ({estimate})"
    if direction == "down":
        return f"{subject} grew {down} ({estimate})"
    return f"no detectable change ({estimate})"


def groups_need(counts: dict[str, int] | pd.Series, *, min_docs: int, label: str) -> str:
    """Why groups cannot be compared ("" when at least two have ``min_docs`` documents):
    "comparisons need at least 5 documents in each of two outlets; 1 outlet has that many
    (the largest: Xinhua, 7 documents)"."""
    counts = pd.Series(counts, dtype=float).sort_values(ascending=False)
    enough = int((counts >= min_docs).sum())
    if enough >= 2:
        return ""
    largest = (f" (the largest: {counts.index[0]}, {count_of(int(counts.iloc[0]), 'document')})"
               if len(counts) else "")
    return (f"comparisons need at least {min_docs} documents in each of two {label}s; "
            f"{enough} {label}{' has' if enough == 1 else 's have'} that many{largest}")
