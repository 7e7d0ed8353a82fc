"""The sentiment report's figures (helpers.report.plots.sentiment) draw what their tables hold."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.container import ErrorbarContainer

from helpers.report.plots import sentiment as plots


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def interval_rows(labels: list[str], means: list[float]) -> pd.DataFrame:
    return pd.DataFrame({"label": labels, "vader_compound": means,
                         "vader_compound_low": [m - 0.1 for m in means],
                         "vader_compound_high": [m + 0.1 for m in means]})


def binned(years: list[int], *, groups: list[str] | None = None,
           thin: list[bool] | None = None) -> pd.DataFrame:
    """Bins of ``scores_over_time``: one row per year (and group), compound 0.1 per row."""
    n = len(years)
    table = interval_rows([""] * n, [0.1 * (i + 1) for i in range(n)]).drop(columns="label")
    table.insert(0, "bin_start", pd.to_datetime([f"{y}-01-01" for y in years]))
    table["thin"] = thin or [False] * n
    if groups:
        table["group"] = groups
    return table


@pytest.mark.parametrize(
    ("n_rows", "max_rows", "shown", "title"),
    [
        (3, 40, ["c", "a", "b"], "Scores"),
        (6, 4, ["f", "e", "a", "b"], "Scores (2 coolest and 2 warmest of 6)"),
    ],
)
def test_intervals_sorts_coolest_first_and_keeps_both_ends(
    n_rows: int, max_rows: int, shown: list[str], title: str
) -> None:
    labels = list("abcdef")[:n_rows]
    means = [0.5, 0.9, -0.2, 0.1, -0.5, -0.6][:n_rows]
    table = interval_rows(labels, means)
    ax = plots.plot_intervals(table, label="label", title="Scores", max_rows=max_rows).axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == shown
    assert ax.get_title() == title
    assert ax.get_xlabel() == plots.MEASURE_LABELS["vader_compound"]


def test_intervals_leave_out_unscored_rows_and_cut_long_labels() -> None:
    table = interval_rows(["x" * 80, "unscored"], [0.2, np.nan])
    ax = plots.plot_intervals(table, label="label", title="T").axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["x" * 60]


@pytest.mark.parametrize(
    ("frame", "group", "with_overall", "n_lines", "legend"),
    [
        (binned([2019, 2020, 2021]), "", False, 1, False),
        (binned([2019, 2019, 2020, 2020], groups=["a", "b", "a", "b"]), "group", True, 3, True),
        (binned([2019, 2019], groups=["a", "b"]), "group", False, 2, True),
    ],
)
def test_over_time_draws_one_line_per_group_and_all_documents(
    frame: pd.DataFrame, group: str, with_overall: bool, n_lines: int, legend: bool
) -> None:
    overall = binned(sorted(set(frame["bin_start"].dt.year))) if with_overall else None
    ax = plots.plot_over_time(frame, group=group, overall=overall, title="T").axes[0]
    lines = [c for c in ax.containers if isinstance(c, ErrorbarContainer)]
    assert len(lines) == n_lines
    assert (ax.get_legend() is not None) is legend
    if with_overall:
        assert lines[-1].get_label() == "all documents"


def test_over_time_draws_thin_points_hollow() -> None:
    ax = plots.plot_over_time(binned([2019, 2020, 2021], thin=[False, True, True]),
                              title="T").axes[0]
    hollow = [line for line in ax.lines if line.get_markerfacecolor() == "white"]
    assert len(hollow) == 1 and len(hollow[0].get_xdata()) == 2


def with_stance(table: pd.DataFrame) -> pd.DataFrame:
    """The table with a stance column the reverse of its compound."""
    return table.assign(stance=-table["vader_compound"],
                        stance_low=-table["vader_compound_high"],
                        stance_high=-table["vader_compound_low"])


@pytest.mark.parametrize("measures", [["stance", "vader_compound"], ["vader_compound"]])
def test_measures_over_time_draw_one_panel_per_measure(measures: list[str]) -> None:
    fig = plots.plot_measures_over_time(with_stance(binned([2019, 2020, 2021])),
                                        measures=measures, title="T")
    assert [ax.get_ylabel() for ax in fig.axes] == [plots.MEASURE_LABELS[m] for m in measures]
    assert fig.axes[0].get_title() == "T"
    ys = [list(ax.containers[0].lines[0].get_ydata()) for ax in fig.axes]
    assert ys[0] == pytest.approx([-0.1, -0.2, -0.3] if measures[0] == "stance"
                                  else [0.1, 0.2, 0.3])


def test_measures_by_row_share_the_rows_ordered_by_the_first_measure() -> None:
    table = with_stance(interval_rows(["a", "b", "c"], [0.5, -0.2, 0.1]))
    fig = plots.plot_measures_by_row(table, label="label", measures=["stance", "vader_compound"],
                                     title="T")
    assert len(fig.axes) == 2 and fig.get_suptitle() == "T"
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["a", "c", "b"]
    assert [ax.get_xlabel() for ax in fig.axes] == [plots.MEASURE_LABELS["stance"],
                                                     plots.MEASURE_LABELS["vader_compound"]]


def test_measures_by_row_draws_at_most_max_rows() -> None:
    from helpers.report.plots.sentiment import plot_measures_by_row

    n = 300
    values = np.linspace(-1, 1, n)
    table = pd.DataFrame({"file": [f"d{i}" for i in range(n)], "a": values, "a_low": values - 0.1,
                          "a_high": values + 0.1, "b": values, "b_low": values - 0.1,
                          "b_high": values + 0.1})
    fig = plot_measures_by_row(table, label="file", measures=["a", "b"], title="T", max_rows=40)
    assert len(fig.axes[0].get_yticks()) == 40 and "20 lowest and 20 highest of 300" in \
        fig._suptitle.get_text()
    plt.close(fig)
