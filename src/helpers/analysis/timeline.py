"""Time filtering and binning shared by every notebook.

Documents carry a ``date`` column (pandas datetime, NaT when unknown). Notebooks filter
them to a period with :func:`filter_period` and group them into bins with :func:`time_bin`.
"""

from __future__ import annotations

import pandas as pd

from helpers.config import FREQ_ALIASES
from helpers.corpus.dates import UserDate, parse_user_date


def parse_bound(value: str | None, *, what: str = "date") -> UserDate | None:
    """Parse a ``start``/``end`` parameter ("2019", "2019-06", "2019-6", "2019-06-30",
    "June 2019"...) with its precision; empty means open.

    Raises:
        ValueError: a date that cannot be read, or is ambiguous (``12/05/2024``).
    """
    if value is None or str(value).strip() == "":
        return None
    return parse_user_date(str(value), what=what)


def filter_period(
    documents: pd.DataFrame, *, start: str | None = None, end: str | None = None
) -> pd.DataFrame:
    """Keep documents dated within [start, end]; undated documents are kept.

    A bound given as a year or a month includes the whole of it: ``end="2019-06"`` keeps all
    of June. Undated documents stay so that analyses needing no date can use them; time
    charts drop them with :func:`dated`, which also says how many were left out.

    Raises:
        ValueError: a ``start`` or ``end`` that cannot be read (the message names which).
    """
    lower, upper = parse_bound(start, what="start"), parse_bound(end, what="end")
    dates = documents["date"]
    keep = dates.isna()
    inside = pd.Series(True, index=documents.index)
    if lower is not None:
        inside &= dates >= lower.first_day
    if upper is not None:
        inside &= dates < upper.after
    return documents[keep | (inside & dates.notna())].copy()


def dated(documents: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Split off undated documents: returns the dated rows and how many were left out."""
    has_date = documents["date"].notna()
    return documents[has_date].copy(), int((~has_date).sum())


def freq_code(freq: str) -> str:
    """Translate a user frequency ("year", "quarter", "month", "week" or a pandas code)."""
    return FREQ_ALIASES.get(str(freq).lower(), str(freq))


def time_bin(dates: pd.Series, freq: str) -> pd.Series:
    """Label each date with its period ("2021", "2021Q2", "2021-06"); NaT stays missing."""
    code = freq_code(freq)
    return pd.to_datetime(dates).dt.to_period(code)


def bin_start(periods: pd.Series) -> pd.Series:
    """The first day of each period, for plotting bins on a real time axis."""
    return periods.dt.start_time
