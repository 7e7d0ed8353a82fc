"""Caveats every report states the same way: documents left out, undated documents."""

from __future__ import annotations


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
