"""The themes report's figures (helpers.report.plots.themes) draw what their tables hold."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from helpers.analysis.keyness import Comparison, KeyTerms
from helpers.report.plots import themes as plots


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_keyness_bars_hatch_terms_that_are_not_significant() -> None:
    side = np.zeros(2, dtype=bool)
    top = pd.DataFrame(
        [("troops", 2.0, "early", True), ("rice", 0.5, "early", False),
         ("ports", -1.5, "late", True)],
        columns=["term", "log_ratio", "over_used_in", "significant"],
    )
    ax = plots.plot_keyness(KeyTerms(Comparison("early", "late", side, side), top, top)).axes[0]
    assert ax.get_title() == "Key terms: early vs late"
    bars = {label.get_text(): bar for label, bar in zip(ax.get_yticklabels(), ax.patches,
                                                           strict=True)}
    assert list(bars) == ["ports", "rice", "troops"]  # by log ratio
    assert {term: bool(bar.get_hatch()) for term, bar in bars.items()} == {
        "ports": False, "rice": True, "troops": False
    }
    colour = {term: bar.get_facecolor()[:3] for term, bar in bars.items()}  # alpha apart
    assert colour["troops"] == colour["rice"] != colour["ports"]
    assert bars["rice"].get_alpha() == 0.5


def test_heatmap_keeps_theme_order_and_one_column_per_group() -> None:
    profile = pd.DataFrame(
        {
            "group": ["2019", "2019", "2020", "2020"],
            "theme": ["trade", "security", "trade", "security"],
            "rate_per_1000": [1.0, 2.0, 3.0, 4.0],
        }
    )
    ax = plots.plot_theme_heatmap(profile, title="T", xlabel="year").axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["trade", "security"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2019", "2020"]
    assert ax.get_xlabel() == "year"


@pytest.mark.parametrize(
    ("draw", "n_bars"),
    [
        (lambda: plots.plot_term_trends(
            pd.DataFrame({"term": ["scam", "vaccine"], "slope": [0.5, -0.3]}), title="T"), 2),
        (lambda: plots.plot_theme_sentiment(
            pd.DataFrame({"theme": ["all sentences", "trade", "security"],
                          "n_sentences": [10, 4, 3], "vader_compound": [0.2, 0.5, -0.1]}),
            column="vader_compound", title="T"), 2),
        (lambda: plots.plot_topic_timeline(
            pd.DataFrame({"group": ["2019", "2019", "2020", "2020"],
                          "topic": ["1: a", "2: b", "1: a", "2: b"],
                          "weight": [0.7, 0.3, 0.2, 0.8]}), title="T"), 4),
    ],
    ids=["term-trends", "theme-sentiment", "topic-timeline"],
)
def test_bar_charts_draw_one_bar_per_row(draw, n_bars: int) -> None:
    ax = draw().axes[0]
    assert len(ax.patches) == n_bars
    assert ax.get_title() == "T"
