"""The rhetoric report's figures (helpers.report.plots.rhetoric) draw what their tables hold."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.patches import Rectangle

from helpers.report.plots import rhetoric as plots


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def timeline() -> pd.DataFrame:
    """Two formulas over three years: "old" from 2019, "new" from 2021; 2020 has no documents."""
    rows = [("old", "2019", 2, 4.0, 3, True), ("old", "2020", 0, math.nan, 0, False),
            ("old", "2021", 1, 2.0, 1, False), ("new", "2019", 0, 0.0, 3, False),
            ("new", "2020", 0, math.nan, 0, False), ("new", "2021", 3, 6.0, 1, True)]
    return pd.DataFrame(rows, columns=["formula", "period", "count", "rate", "n_docs", "first"])


def test_formula_timeline_orders_by_first_appearance_and_outlines_it() -> None:
    fig = plots.plot_formula_timeline(timeline(), min_docs=2)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["old", "new"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2019", "2020*", "2021*"]
    outlined = [p.get_xy() for p in ax.patches if isinstance(p, Rectangle)]
    assert outlined == [(-0.5, -0.5), (1.5, 0.5)]


@pytest.mark.parametrize(("top", "shown"), [(1, ["old"]), (25, ["old", "new"])])
def test_formula_timeline_shows_the_most_widespread(top: int, shown: list[str]) -> None:
    ax = plots.plot_formula_timeline(timeline(), top=top).axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == shown


def test_rates_over_time_one_line_per_column_with_gaps() -> None:
    table = pd.DataFrame({"n_words": [100, 200], "firm": [1.0, 2.0], "hedge": [0.5, 0.0]},
                         index=pd.Index(["2019", "2021"], name="period"))
    ax = plots.plot_rates_over_time(table, periods=["2019", "2020", "2021"], title="T").axes[0]
    assert [line.get_label() for line in ax.get_lines()] == ["firm", "hedge"]
    assert math.isnan(ax.get_lines()[0].get_ydata()[1])
    assert ax.get_title() == "T"


@pytest.mark.parametrize("horizontal", [False, True])
def test_stacked_one_segment_per_cell(horizontal: bool) -> None:
    table = pd.DataFrame({"narration": [3, 1, 0], "China": [1, 2, 5]},
                         index=["a", "b", "c"])
    ax = plots.plot_stacked(table, title="T", label="n", horizontal=horizontal).axes[0]
    assert len(ax.patches) == table.size
    ticks = ax.get_yticklabels() if horizontal else ax.get_xticklabels()
    expected = ["c", "b", "a"] if horizontal else ["a", "b", "c"]
    assert [t.get_text() for t in ticks] == expected


def issue_counts() -> pd.DataFrame:
    rows = [("naval base", "China", 1, 4, 0), ("naval base", "narration", 2, 0, 3),
            ("naval base", "United States", 2, 0, 1), ("canal", "Cambodia", 3, 1, 0)]
    table = pd.DataFrame(rows, columns=["issue", "side", "asserted", "denied", "reported"])
    return table.assign(mentions=table[["asserted", "denied", "reported"]].sum(axis=1))


@pytest.mark.parametrize(("top_sides", "n_bars", "other"), [(6, 4, False), (2, 4, True)])
def test_issue_sides_one_bar_per_issue_and_side_stacked_by_polarity(
    top_sides: int, n_bars: int, other: bool
) -> None:
    fig = plots.plot_issue_sides(issue_counts(), top_sides=top_sides)
    ax = fig.axes[0]
    assert len(ax.patches) == 3 * n_bars
    assert sum(p.get_width() for p in ax.patches) == issue_counts()["mentions"].sum()
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0].startswith("naval base")
    assert ("canal \u2014 other" in labels) == other
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["asserted", "denied",
                                                                   "reported"]


def test_issue_timeline_one_panel_per_issue() -> None:
    rows = [(issue, period, 1, 1, 0, 2, 1, docs) for issue in ("canal", "naval base", "scams",
                                                                "aid")
            for period, docs in (("2020", 1), ("2021", 3))]
    table = pd.DataFrame(rows, columns=["issue", "period", "asserted", "denied", "reported",
                                        "mentions", "n_docs", "docs_in_period"])
    fig = plots.plot_issue_timeline(table, min_docs=2)
    shown = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in shown] == ["canal", "naval base", "scams", "aid"]
    assert [t.get_text() for t in shown[-1].get_xticklabels()] == ["2020*", "2021"]
    assert sum(p.get_height() for p in shown[0].patches) == 4
