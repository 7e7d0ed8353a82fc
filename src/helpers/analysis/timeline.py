"""Time filtering and binning shared by every notebook.

Documents carry a ``date`` column (pandas datetime, NaT when unknown). Notebooks filter
them to a period with :func:`filter_period` and group them into bins with :func:`time_bin`.
"""

from __future__ import annotations

import pandas as pd

from helpers.config import FREQ_ALIASES


def parse_bound(value: str | None) -> pd.Timestamp | None:
    """Parse a ``start``/``end`` parameter ("2019", "2019-06", "2019-06-30"); empty means open."""
    if value is None or str(value).strip() == "":
        return None
    return pd.Timestamp(str(value).strip())


def filter_period(
    documents: pd.DataFrame, *, start: str | None = None, end: str | None = None
) -> pd.DataFrame:
    """Keep documents dated within [start, end]; undated documents are kept.

    Undated documents stay so that analyses needing no date can use them; time charts drop
    them with :func:`dated`, which also says how many were left out.
    """
    lower, upper = parse_bound(start), parse_bound(end)
    dates = documents["date"]
    keep = dates.isna()
    inside = pd.Series(True, index=documents.index)
    if lower is not None:
        inside &= dates >= lower
    if upper is not None:
        # An end given as a year or month includes the whole of it.
        text = str(end).strip()
        period = "Y" if len(text) == 4 else "M" if len(text) == 7 else "D"
        inside &= dates < (upper.to_period(period) + 1).to_timestamp()
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
