"""The corpus overview's figures (helpers.report.plots.overview) draw what their tables hold."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers.analysis import overview
from helpers.report.plots import overview as plots
from tests.test_overview import documents


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.mark.parametrize(
    ("group", "heights", "legend"),
    [("", [1, 1], False), ("outlet", [1, 1], True)],
)
def test_timeline_one_bar_per_period(group: str, heights: list[int], legend: bool) -> None:
    counts = overview.documents_per_bin(documents(), freq="year", group=group)
    ax = plots.plot_timeline(counts, group=group, title="Documents per year").axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2020", "2021"]
    assert [p.get_height() for p in ax.patches] == heights
    assert (ax.get_legend() is not None) is legend
    assert ax.get_title() == "Documents per year"


def test_timeline_stacks_groups() -> None:
    counts = pd.DataFrame({"bin": pd.PeriodIndex(["2020", "2020", "2021"], freq="Y"),
                           "group": ["a", "b", "a"], "documents": [2, 1, 3]})
    ax = plots.plot_timeline(counts, group="group", legend_title="outlet", title="T").axes[0]
    assert [p.get_height() for p in ax.patches] == [2, 3, 1, 0]  # group a, then group b
    assert ax.get_legend().get_title().get_text() == "outlet"


def test_timeline_without_dates_says_so() -> None:
    counts = overview.documents_per_bin(documents().assign(date=pd.NaT), freq="year")
    ax = plots.plot_timeline(counts, title="T").axes[0]
    assert [t.get_text() for t in ax.texts] == ["No dated documents"]
    assert not ax.patches


def test_lengths_histogram_counts_every_document() -> None:
    ax = plots.plot_lengths(documents()).axes[0]
    assert sum(p.get_height() for p in ax.patches) == len(documents())
    assert ax.get_title() == "Article lengths"
