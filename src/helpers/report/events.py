"""Mark known events (state visits, agreements signed...) on the reports' time charts.

Events come from an editable CSV file (``config.EVENTS_FILE`` by default; columns ``date``,
``label`` and optionally ``kind``). :func:`load_events` reads the file a notebook's
``events_file`` parameter names, and :func:`mark_events` draws the events that fall inside
a chart's time range as vertical lines with their labels, on either kind of time axis the
notebooks draw: a real date axis, or bars with one category per period.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.transforms import blended_transform_factory

from helpers import config
from helpers.corpus.dates import parse_user_date
from helpers.corpus.lexicons import read_lexicon

EVENT_COLUMNS = ["date", "label", "kind"]
LINE_COLOUR = "#666666"
NO_EVENTS = ("none", "no", "off", "false")


def read_events(path: str | Path) -> pd.DataFrame:
    """Read an events file.

    Args:
        path: a CSV file with ``date`` (YYYY-MM-DD, YYYY-MM, YYYY or a written date, read by
            :func:`helpers.corpus.dates.parse_user_date`; a month or year is drawn at its
            first day) and ``label`` columns, and optionally ``kind``, after ``#`` comment
            lines.

    Returns:
        The events sorted by date: date (datetime64), label, kind.

    Raises:
        ValueError: a missing column, or a date that cannot be read or is ambiguous
            (``12/05/2024``); the row and column are named.
    """
    table = read_lexicon(path)
    missing = [c for c in ("date", "label") if c not in table.columns]
    if missing:
        raise ValueError(f"{path}: events file needs the column(s) {', '.join(missing)}")
    if "kind" not in table.columns:
        table["kind"] = ""
    dates = [parse_user_date(value, what=f"{path}: row {row}, column date:").first_day
             for row, value in enumerate(table["date"], start=1)]
    table["date"] = pd.to_datetime(pd.Series(dates, index=table.index, dtype="datetime64[ns]"))
    table["label"] = table["label"].str.strip()
    return table[EVENT_COLUMNS].sort_values("date", kind="stable").reset_index(drop=True)


def load_events(events_file: str = "") -> pd.DataFrame:
    """The events a notebook's ``events_file`` parameter asks for.

    Args:
        events_file: "" for the shipped file (``config.EVENTS_FILE``), "none" for no events,
            or the path of a CSV file.

    Returns:
        The events (possibly empty), as :func:`read_events` returns them.
    """
    choice = (events_file or "").strip()
    if choice.lower() in NO_EVENTS:
        return pd.DataFrame({"date": pd.Series(dtype="datetime64[ns]"),
                             "label": pd.Series(dtype=str), "kind": pd.Series(dtype=str)})
    return read_events(Path(choice).expanduser() if choice else config.EVENTS_FILE)


def events_between(
    events: pd.DataFrame, *, start: pd.Timestamp | str | None, end: pd.Timestamp | str | None
) -> pd.DataFrame:
    """The events dated within [start, end] (an open bound when None or "")."""
    keep = pd.Series(True, index=events.index)
    if start is not None and str(start) != "":
        keep &= events["date"] >= pd.Timestamp(start)
    if end is not None and str(end) != "":
        keep &= events["date"] <= pd.Timestamp(end)
    return events[keep]


def as_period(value: pd.Period | str) -> pd.Period:
    """A period, or its label ("2019", "2019Q2", "2019-06", "2019-06-03/2019-06-09")."""
    if isinstance(value, pd.Period):
        return value
    text = str(value)
    if "/" in text:  # a week, as pandas writes it
        first, last = (pd.Timestamp(part) for part in text.split("/"))
        return pd.Period(first, freq=f"W-{last.day_name()[:3].upper()}")
    return pd.Period(text)


def period_positions(dates: pd.Series, periods: Sequence[pd.Period | str]) -> pd.Series:
    """Where dates fall on a bar chart with one bar per period at x = 0, 1, 2...

    A date inside a shown period is placed proportionally across its bar's slot
    ([i - 0.5, i + 0.5]); a date in periods with no bar, between two shown periods, is placed
    proportionally in the gap between their bars ([i + 0.4, i + 0.6]); a date outside the
    shown periods gets NaN.
    """
    periods = [as_period(p) for p in periods]
    starts = [p.start_time for p in periods]
    ends = [p.end_time for p in periods]
    positions = []
    for date in dates:
        position = float("nan")
        for i, (first, last) in enumerate(zip(starts, ends, strict=True)):
            if first <= date <= last:
                position = i - 0.5 + (date - first) / (last - first)
                break
            if i + 1 < len(periods) and last < date < starts[i + 1]:
                position = i + 0.4 + 0.2 * (date - last) / (starts[i + 1] - last)
                break
        positions.append(position)
    return pd.Series(positions, index=dates.index, dtype=float)


def mark_events(
    ax: plt.Axes,
    events: pd.DataFrame,
    *,
    start: pd.Timestamp | str | None = None,
    end: pd.Timestamp | str | None = None,
    periods: Sequence[pd.Period | str] | None = None,
    first_x: float = 0.0,
    labels: bool = True,
    fontsize: float = 7.5,
) -> pd.DataFrame:
    """Draw the events inside the chart's time range as labelled vertical lines.

    Args:
        ax: a time chart: either a matplotlib date axis (x in dates), or, with ``periods``,
            bars drawn at x = 0, 1, 2... one per period (a pandas bar chart; a heat map with
            ``first_x=0.5``).
        events: events as :func:`load_events` returns them.
        start, end: the time range to mark; default: the axis limits (date axis) or the
            periods shown.
        periods: the periods of a bar chart or heat map, in the order of the bars or columns
            (``pd.Period`` values or their labels, "2019", "2019Q2", "2019-06").
        first_x: the x of the first period's centre: 0 for bars, 0.5 for a seaborn heat map.
        labels: write each event's label along its line; without (for charts whose cells
            carry numbers), name the events in the caption with :func:`describe`.
        fontsize: label size.

    Returns:
        The events drawn, with their ``x`` position.
    """
    if events.empty:
        return events.assign(x=pd.Series(dtype=float))
    if periods is not None:
        periods = [as_period(p) for p in periods]
        if not periods:
            return events.iloc[:0].assign(x=pd.Series(dtype=float))
        lower = start if start not in (None, "") else periods[0].start_time
        upper = end if end not in (None, "") else periods[-1].end_time
        inside = events_between(events, start=lower, end=upper)
        positions = period_positions(inside["date"], periods) + first_x
        shown = inside.assign(x=positions).dropna(subset=["x"])
    else:
        left, right = (mdates.num2date(x).replace(tzinfo=None) for x in ax.get_xlim())
        lower = start if start not in (None, "") else left
        upper = end if end not in (None, "") else right
        inside = events_between(events, start=lower, end=upper)
        shown = inside.assign(x=mdates.date2num(inside["date"].dt.to_pydatetime())
                              if len(inside) else pd.Series(dtype=float))
    transform = blended_transform_factory(ax.transData, ax.transAxes)
    # Lines and labels sit above bars (zorder 1) and below the data's lines and points (2).
    # A label sits left of its line, or right of it when the previous label is in the way.
    room = 1.4 * fontsize * ax.figure.dpi / 72
    taken_until = float("-inf")
    for event in shown.itertuples():
        pixel = ax.transData.transform((event.x, 0))[0]
        side = "right" if pixel - room >= taken_until else "left"
        taken_until = pixel if side == "right" else pixel + room
        ax.axvline(event.x, color=LINE_COLOUR, linestyle="--", linewidth=0.9, zorder=1.2)
        if not labels:
            continue
        ax.text(event.x, 0.98, f"{event.label} ({event.date:%b %Y})", transform=transform,
                rotation=90, ha=side, va="top", fontsize=fontsize, color="#333333",
                parse_math=False, clip_on=True, zorder=1.5,
                bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "alpha": 0.75,
                      "edgecolor": "none"})
    return shown.reset_index(drop=True)


def describe(marked: pd.DataFrame) -> str:
    """A caption sentence naming the events drawn by :func:`mark_events` ("" for none)."""
    if marked.empty:
        return ""
    named = "; ".join(f"{event.label} ({event.date:%b %Y})" for event in marked.itertuples())
    return f"Dashed lines, left to right: {named}."
