"""The figures of the corpus overview: documents over time and article lengths.

Each function draws one table of :mod:`helpers.analysis.overview` and returns the figure, for
``helpers.report.publish.Report.figure`` to stamp, save and show.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import MaxNLocator

from helpers.report.figures import PALETTE


def plot_timeline(
    counts: pd.DataFrame, *, group: str = "", legend_title: str = "", title: str
) -> plt.Figure:
    """Bar chart of documents per time bin, stacked by group.

    Args:
        counts: :func:`helpers.analysis.overview.documents_per_bin`.
        group: the group column ("" for one bar per bin).
        legend_title, title: labels.
    """
    fig, ax = plt.subplots()
    if counts.empty:
        ax.text(0.5, 0.5, "No dated documents", ha="center", va="center", transform=ax.transAxes)
    else:
        wide = (
            counts.pivot_table(
                index="bin", columns=group or None, values="documents", aggfunc="sum", fill_value=0
            )
            if group
            else counts.set_index("bin")[["documents"]]
        )
        wide.index = wide.index.astype(str)
        wide.plot(kind="bar", stacked=True, ax=ax, width=0.8, legend=bool(group))
        if group:
            ax.legend(
                title=legend_title or group,
                bbox_to_anchor=(1.01, 1),
                loc="upper left",
                frameon=False,
            )
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("period")
    ax.set_ylabel("documents")
    ax.set_title(title)
    ax.tick_params(axis="x", rotation=0)
    return fig


def plot_lengths(documents: pd.DataFrame) -> plt.Figure:
    """Histogram of article lengths in words."""
    fig, ax = plt.subplots(figsize=(9, 3.5))
    ax.hist(documents["n_words"], bins=min(30, max(5, len(documents))), color=PALETTE[0])
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("words per article (after cleaning)")
    ax.set_ylabel("documents")
    ax.set_title("Article lengths")
    return fig
