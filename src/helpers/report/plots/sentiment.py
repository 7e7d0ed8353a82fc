"""The figures of the sentiment report: mean scores over time and per row with their intervals.

Each function draws one table of :mod:`helpers.analysis.sentiment` and returns the figure, for
``helpers.report.publish.Report.figure`` to stamp, save and show.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from helpers.analysis.sentiment import LEAD_MEASURE
from helpers.report.figures import PALETTE

# Axis labels of the measures drawn.
MEASURE_LABELS = {
    "vader_compound": "VADER compound (mean over sentences)",
    "tb_polarity": "TextBlob polarity (mean over sentences)",
    "tb_subjectivity": "TextBlob subjectivity",
    "vader_pos": "VADER positive share",
    "vader_neu": "VADER neutral share",
    "vader_neg": "VADER negative share",
    "stance": "stance index (-1 problem, +1 cooperative)",
}


def _draw_over_time(ax: plt.Axes, binned: pd.DataFrame, *, measure: str, group: str,
                    overall: pd.DataFrame | None) -> int:
    """Draw one measure's binned means on ``ax``; returns the number of lines drawn."""
    series = [(label, rows, PALETTE[i % (len(PALETTE) - 1)])
              for i, (label, rows) in enumerate(binned.groupby(group, sort=False))] if group else []
    if overall is not None or not group:
        colour = PALETTE[-1] if group else PALETTE[0]
        series.append(("all documents", binned if overall is None else overall, colour))
    # Lines are shifted slightly apart so that intervals in the same bin stay readable.
    starts = np.sort(binned["bin_start"].unique())
    spacing = pd.Timedelta(np.diff(starts).min()) if len(starts) > 1 else pd.Timedelta(days=90)
    for i, (label, rows, colour) in enumerate(series):
        rows = rows.sort_values("bin_start")
        shift = spacing * 0.05 * (i - (len(series) - 1) / 2)
        x, y = rows["bin_start"] + shift, rows[measure]
        # A point of one document has no interval between documents: no bar.
        error = [(y - rows[f"{measure}_low"]).fillna(0), (rows[f"{measure}_high"] - y).fillna(0)]
        ax.errorbar(x, y, yerr=error, color=colour, marker="o", capsize=3, label=str(label),
                    markerfacecolor=colour)
        thin = rows["thin"].to_numpy()
        ax.plot(x[thin], y[thin], "o", color=colour, markerfacecolor="white", zorder=3)
    ax.axhline(0, color="grey", linewidth=0.8)
    ax.set_ylabel(MEASURE_LABELS.get(measure, measure))
    return len(series)


def plot_over_time(
    binned: pd.DataFrame,
    *,
    measure: str = LEAD_MEASURE,
    group: str = "",
    overall: pd.DataFrame | None = None,
    legend_title: str = "",
    title: str,
) -> plt.Figure:
    """Binned means with their intervals, one line per group; thin points are drawn hollow.

    Args:
        binned: :func:`helpers.analysis.sentiment.scores_over_time` (with the ``group``
            column when given).
        measure: the measure drawn.
        group: the group column ("" for one line).
        overall: the same bins without groups, drawn as a black "all documents" line.
        legend_title, title: labels.
    """
    return plot_measures_over_time(binned, measures=[measure], group=group, overall=overall,
                                   legend_title=legend_title, title=title)


def plot_measures_over_time(
    binned: pd.DataFrame,
    *,
    measures: Sequence[str],
    group: str = "",
    overall: pd.DataFrame | None = None,
    legend_title: str = "",
    title: str,
) -> plt.Figure:
    """One panel per measure (e.g. tone above stance) over the same time axis, as
    :func:`plot_over_time` draws each.

    Args:
        binned: :func:`helpers.analysis.sentiment.scores_over_time` with every measure.
        measures: the measures, one panel each, top to bottom.
        group, overall, legend_title, title: see :func:`plot_over_time`.
    """
    height = plt.rcParams["figure.figsize"][1]
    fig, axes = plt.subplots(len(measures), 1, sharex=True, squeeze=False,
                             figsize=(plt.rcParams["figure.figsize"][0],
                                      height * (1 if len(measures) == 1 else 0.75 * len(measures))))
    lines = 0
    for ax, measure in zip(axes[:, 0], measures, strict=True):
        lines = _draw_over_time(ax, binned, measure=measure, group=group, overall=overall)
    axes[0, 0].set_title(title)
    axes[-1, 0].set_xlabel("period (hollow points: too few documents to compare)")
    if lines > 1:
        axes[0, 0].legend(title=legend_title or group, bbox_to_anchor=(1.01, 1),
                          loc="upper left", frameon=False)
    return fig


def plot_intervals(
    table: pd.DataFrame, *, label: str, measure: str = LEAD_MEASURE, title: str,
    max_rows: int = 40,
) -> plt.Figure:
    """Horizontal dot-and-interval chart of one measure per row (documents, voices, targets).

    With more than ``max_rows`` rows only the warmest and coolest halves are drawn (the
    title says so). A row without an interval (one document) is drawn without a bar.
    """
    rows = table.dropna(subset=[measure]).sort_values(measure)
    if len(rows) > max_rows:
        title = f"{title} ({max_rows // 2} coolest and {max_rows // 2} warmest of {len(rows)})"
        rows = pd.concat([rows.head(max_rows // 2), rows.tail(max_rows // 2)])
    fig, ax = plt.subplots(figsize=(9, max(2.0, 0.35 * len(rows) + 1.2)))
    y = np.arange(len(rows))
    values = rows[measure].to_numpy()
    error = np.nan_to_num([values - rows[f"{measure}_low"].to_numpy(dtype=float),
                           rows[f"{measure}_high"].to_numpy(dtype=float) - values])
    ax.errorbar(values, y, xerr=error, fmt="o", color=PALETTE[0], capsize=3)
    ax.set_yticks(y, [str(v)[:60] for v in rows[label]])
    ax.axvline(0, color="grey", linewidth=0.8)
    ax.set_xlabel(MEASURE_LABELS.get(measure, measure))
    ax.set_title(title)
    return fig


def plot_measures_by_row(
    table: pd.DataFrame, *, label: str, measures: Sequence[str], title: str,
    max_rows: int = 40,
) -> plt.Figure:
    """One dot-and-interval panel per measure side by side, rows in the same order (by the
    first measure), for groups compared on tone and stance.

    Args:
        table: one row per group with each measure and its ``_low`` / ``_high`` bounds.
        label: the column naming the rows.
        measures: the measures, one panel each, left to right.
        title: the figure's title.
        max_rows: beyond this many rows only the lowest and highest halves by the first
            measure are drawn (the title says so), so the figure stays readable and small.
    """
    rows = table.dropna(subset=[measures[0]]).sort_values(measures[0])
    if len(rows) > max_rows:
        title = f"{title} ({max_rows // 2} lowest and {max_rows // 2} highest of {len(rows)})"
        rows = pd.concat([rows.head(max_rows // 2), rows.tail(max_rows // 2)])
    fig, axes = plt.subplots(1, len(measures), sharey=True, squeeze=False,
                             figsize=(4.5 * len(measures), max(2.0, 0.35 * len(rows) + 1.2)))
    y = np.arange(len(rows))
    for ax, measure in zip(axes[0], measures, strict=True):
        values = rows[measure].to_numpy(dtype=float)
        error = np.nan_to_num([values - rows[f"{measure}_low"].to_numpy(dtype=float),
                               rows[f"{measure}_high"].to_numpy(dtype=float) - values])
        ax.errorbar(values, y, xerr=error, fmt="o", color=PALETTE[0], capsize=3)
        ax.axvline(0, color="grey", linewidth=0.8)
        ax.set_xlabel(MEASURE_LABELS.get(measure, measure))
    axes[0, 0].set_yticks(y, [str(v)[:40] for v in rows[label]])
    fig.suptitle(title)
    return fig
