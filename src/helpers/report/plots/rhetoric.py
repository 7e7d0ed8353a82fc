"""The figures of the rhetoric report: formulas over time, rates over time, stacked shares.

Each function draws one table of :mod:`helpers.analysis.rhetoric` and returns the figure, for
``helpers.report.publish.Report.figure`` to stamp, save and show.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Rectangle

from helpers import config
from helpers.report.figures import PALETTE


def plot_formula_timeline(
    timeline: pd.DataFrame, *, top: int = 25, min_docs: int = config.MIN_DOCS
) -> plt.Figure:
    """Heat map of formulas x periods (per 1,000 words), first appearances outlined.

    Periods without documents are grey; periods with fewer than ``min_docs`` documents are
    marked "*" as too thin to compare.

    Args:
        timeline: from :func:`helpers.analysis.rhetoric.formula_timeline`.
        top: how many formulas to show (those used in the most periods, then most often).
        min_docs: the fewest documents for a period to be compared.

    Returns:
        The figure.
    """
    periods = list(dict.fromkeys(timeline["period"]))
    grid = timeline.pivot(index="formula", columns="period", values="rate")[periods]
    counts = timeline.pivot(index="formula", columns="period", values="count")[periods]
    spread = (counts > 0).sum(axis=1) * 1_000_000 + counts.sum(axis=1)
    chosen = spread[counts.sum(axis=1) > 0].sort_values(ascending=False).index[:top]
    first = timeline[timeline["first"]].set_index("formula")["period"]
    position = {period: i for i, period in enumerate(periods)}
    order = sorted(chosen, key=lambda f: (position.get(first.get(f), len(periods)), f))
    n_docs = timeline.drop_duplicates("period").set_index("period")["n_docs"]
    labels = [f"{p}*" if n_docs.get(p, 0) < min_docs else str(p) for p in periods]
    step = max(1, len(labels) // 40)
    size = (min(18.0, max(6.0, 0.5 * len(labels) + 4)), max(2.5, 0.35 * len(order) + 1.5))
    fig, ax = plt.subplots(figsize=size)
    cmap = plt.get_cmap("Blues").with_extremes(bad="#dddddd")
    values = np.ma.masked_invalid(grid.loc[order].to_numpy(dtype=float))
    image = ax.imshow(values, aspect="auto", cmap=cmap, interpolation="nearest")
    ax.set_xticks(range(0, len(labels), step), labels[::step], rotation=45, ha="right")
    ax.set_yticks(range(len(order)), order)
    ax.grid(False)
    for row, formula in enumerate(order):
        if formula in first.index:
            col = position[first[formula]]
            ax.add_patch(Rectangle((col - 0.5, row - 0.5), 1, 1, fill=False, lw=2, ec="#D55E00"))
    fig.colorbar(image, ax=ax, label="per 1,000 words")
    ax.set_title("Diplomatic formulas over time (outlined: first appearance)")
    return fig


def plot_rates_over_time(
    table: pd.DataFrame,
    *,
    periods: list[str],
    title: str,
    intervals: pd.DataFrame | None = None,
    min_docs: int = config.MIN_DOCS,
) -> plt.Figure:
    """Lines of rates per 1,000 words over periods (one line per column), with intervals.

    Args:
        table: from :func:`helpers.analysis.rhetoric.rates` with ``by="period"``.
        periods: the periods of the time axis, in order (see
            :func:`helpers.analysis.rhetoric.all_periods`); a period without documents leaves a
            gap in the lines.
        title: the figure title.
        intervals: from :func:`helpers.analysis.rhetoric_trends.group_rates` by period (group,
            item, n_docs, low, high): drawn as error bars, and points of periods with fewer
            than ``min_docs`` documents drawn hollow; None: lines only.
        min_docs: the fewest documents for a period's point to be drawn solid.
    """
    shown = table.drop(columns="n_words").reindex(periods)
    x = np.arange(len(shown))
    fig, ax = plt.subplots()
    for i, column in enumerate(shown.columns):
        colour = PALETTE[i % len(PALETTE)]
        ax.plot(x, shown[column], marker="o", label=str(column), color=colour)
        if intervals is None or intervals.empty:
            continue
        rows = intervals[intervals["item"] == column].set_index("group").reindex(periods)
        values = shown[column].to_numpy(dtype=float)
        low = rows["low"].to_numpy(dtype=float)
        high = rows["high"].to_numpy(dtype=float)
        has = ~np.isnan(low)
        ax.errorbar(x[has], values[has], yerr=[values[has] - low[has], high[has] - values[has]],
                    fmt="none", ecolor=colour, alpha=0.6, capsize=3)
        thin = (rows["n_docs"].fillna(0).to_numpy() < min_docs) & ~np.isnan(values)
        ax.plot(x[thin], values[thin], "o", markerfacecolor="white", color=colour)
    ax.set_xticks(x, [str(p) for p in shown.index], rotation=45, ha="right")
    ax.set_ylabel("per 1,000 words")
    ax.set_title(title)
    if len(shown.columns):
        ax.legend(frameon=False, bbox_to_anchor=(1.01, 1), loc="upper left")
    return fig


def plot_stacked(
    table: pd.DataFrame, *, title: str, label: str, horizontal: bool = False
) -> plt.Figure:
    """Stacked bars of a table of counts or shares (rows are bars, columns are segments).

    Args:
        table: e.g. :func:`~helpers.analysis.rhetoric.voice_mix` (periods x voices) or
            :func:`~helpers.analysis.rhetoric.crosstab` (formulas x voices).
        title: the figure title.
        label: the axis label of the bar lengths.
        horizontal: horizontal bars (for long row labels such as formulas).
    """
    colours = [PALETTE[i % len(PALETTE)] for i in range(len(table.columns))]
    height = max(3.0, 0.35 * len(table) + 1.5) if horizontal else 4.5
    fig, ax = plt.subplots(figsize=(9, height))
    shown = table.iloc[::-1] if horizontal else table
    shown.plot(kind="barh" if horizontal else "bar", stacked=True, ax=ax, color=colours,
               width=0.8)
    if horizontal:
        ax.set_xlabel(label)
        ax.set_ylabel("")
    else:
        ax.set_ylabel(label)
        ax.set_xlabel("")
        ax.tick_params(axis="x", rotation=45)
    ax.set_title(title)
    ax.legend(frameon=False, bbox_to_anchor=(1.01, 1), loc="upper left")
    return fig


# Colours of the polarities, the same in every issue figure.
POLARITY_COLOURS = {"asserted": PALETTE[0], "denied": PALETTE[1], "reported": PALETTE[2]}


def plot_issue_sides(table: pd.DataFrame, *, top_sides: int = 6) -> plt.Figure:
    """Horizontal bars of issue mentions, one bar per issue and side, stacked by polarity.

    Args:
        table: from :func:`helpers.analysis.issues.issue_table`.
        top_sides: the sides with most mentions shown (the others are summed as "other").

    Returns:
        The figure.
    """
    polarities = list(POLARITY_COLOURS)
    order = table.groupby("side")["mentions"].sum().sort_values(ascending=False).index
    keep = set(order[:top_sides])
    shown = table.assign(side=table["side"].where(table["side"].isin(keep), "other"))
    shown = shown.groupby(["issue", "side"], sort=False)[polarities].sum().reset_index()
    issues = list(dict.fromkeys(table["issue"]))
    shown["issue"] = pd.Categorical(shown["issue"], issues)
    shown = shown.sort_values(["issue"], kind="stable")
    labels = [f"{issue} \u2014 {side}" for issue, side in zip(shown["issue"], shown["side"],
                                                               strict=True)]
    fig, ax = plt.subplots(figsize=(9, max(3.0, 0.3 * len(shown) + 1.5)))
    positions = np.arange(len(shown))[::-1]
    left = np.zeros(len(shown))
    for polarity in polarities:
        values = shown[polarity].to_numpy(dtype=float)
        ax.barh(positions, values, left=left, color=POLARITY_COLOURS[polarity],
                label=polarity, height=0.8)
        left += values
    ax.set_yticks(positions, labels)
    ax.set_xlabel("sentences mentioning the issue")
    ax.set_title("Who raises each issue, and whether they assert, deny or report it")
    ax.legend(frameon=False, bbox_to_anchor=(1.01, 1), loc="upper left")
    return fig


def plot_issue_timeline(
    timeline: pd.DataFrame, *, min_docs: int = config.MIN_DOCS
) -> plt.Figure:
    """One small panel per issue: mentions in each period, stacked by polarity.

    Periods with fewer than ``min_docs`` documents are marked "*" as too thin to compare.

    Args:
        timeline: from :func:`helpers.analysis.issues.issue_timeline`.
        min_docs: the fewest documents for a period to be compared.

    Returns:
        The figure.
    """
    polarities = list(POLARITY_COLOURS)
    issues = list(dict.fromkeys(timeline["issue"]))
    periods = list(dict.fromkeys(timeline["period"]))
    n_docs = timeline.drop_duplicates("period").set_index("period")["docs_in_period"]
    labels = [f"{p}*" if n_docs.get(p, 0) < min_docs else str(p) for p in periods]
    columns = min(3, len(issues))
    rows = -(-len(issues) // columns)
    fig, axes = plt.subplots(rows, columns, figsize=(4 * columns, 2.6 * rows + 0.8),
                             sharex=True, squeeze=False)
    step = max(1, len(periods) // 12)
    for ax, issue in zip(axes.flat, issues, strict=False):
        rows_of = timeline[timeline["issue"] == issue].set_index("period").reindex(periods)
        bottom = np.zeros(len(periods))
        for polarity in polarities:
            values = rows_of[polarity].fillna(0).to_numpy(dtype=float)
            ax.bar(range(len(periods)), values, bottom=bottom, color=POLARITY_COLOURS[polarity],
                   label=polarity, width=0.8)
            bottom += values
        ax.set_title(issue, fontsize=10)
        ax.set_xticks(range(0, len(periods), step), labels[::step], rotation=45, ha="right")
    for ax in list(axes.flat)[len(issues):]:
        ax.set_visible(False)
    axes.flat[0].legend(frameon=False, fontsize=8)
    fig.suptitle("Issue mentions over time, by polarity")
    fig.tight_layout()
    return fig
