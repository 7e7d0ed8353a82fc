"""The figures of the sentiment report: mean scores over time and per row with their intervals.

Each function draws one table of :mod:`helpers.analysis.sentiment` and returns the figure, for
``helpers.report.publish.Report.figure`` to stamp, save and show.
"""

from __future__ import annotations

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
}


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
    fig, ax = plt.subplots()
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
    ax.set_xlabel("period (hollow points: too few documents to compare)")
    ax.set_title(title)
    if len(series) > 1:
        ax.legend(title=legend_title or group, bbox_to_anchor=(1.01, 1), loc="upper left",
                  frameon=False)
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
