"""The figures of the themes report, drawn from the tables of :mod:`helpers.analysis.themes`,
:mod:`~helpers.analysis.topics`, :mod:`~helpers.analysis.keyness` and
:mod:`~helpers.analysis.terms`."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

from helpers.analysis.keyness import KeyTerms
from helpers.report.figures import PALETTE, SEQUENTIAL


def plot_theme_heatmap(profile: pd.DataFrame, *, title: str, xlabel: str) -> plt.Figure:
    """Heat map of theme rates per 1,000 words: themes down, periods or groups across."""
    wide = profile.pivot(index="theme", columns="group", values="rate_per_1000")
    wide = wide.reindex(list(dict.fromkeys(profile["theme"])))
    wide.columns = [str(c) for c in wide.columns]
    width = min(16, 5 + 0.55 * wide.shape[1])
    fig, ax = plt.subplots(figsize=(width, 0.38 * len(wide) + 1.8))
    sns.heatmap(
        wide,
        ax=ax,
        cmap=SEQUENTIAL,
        annot=wide.shape[1] <= 16,
        fmt=".1f",
        linewidths=0.5,
        cbar_kws={"label": "mentions per 1,000 words"},
    )
    ax.set_xlabel(xlabel)
    ax.set_ylabel("")
    ax.set_title(title)
    crowded = wide.shape[1] > 8 or max(len(c) for c in wide.columns) * wide.shape[1] > 60
    ax.tick_params(axis="x", rotation=30 if crowded else 0)
    if crowded:
        plt.setp(ax.get_xticklabels(), ha="right", rotation_mode="anchor")
    return fig


def plot_topic_timeline(profile: pd.DataFrame, *, title: str) -> plt.Figure:
    """Mean topic share per time bin, as stacked bars (a bin's shares sum to 1)."""
    wide = profile.pivot(index="group", columns="topic", values="weight").sort_index()
    wide.index = [str(i) for i in wide.index]
    fig, ax = plt.subplots()
    wide.plot(kind="bar", stacked=True, ax=ax, width=0.8, color=PALETTE * 3)
    ax.set_ylim(0, 1)
    ax.set_xlabel("period")
    ax.set_ylabel("mean share of documents")
    ax.set_title(title)
    ax.tick_params(axis="x", rotation=0 if len(wide) <= 8 else 45)
    ax.legend(title="topic", bbox_to_anchor=(1.01, 1), loc="upper left", frameon=False)
    return fig


def plot_keyness(key: KeyTerms, *, title: str = "") -> plt.Figure:
    """Bars of log ratio for the strongest terms of each side, hatched when not significant.

    Args:
        key: from :func:`helpers.analysis.keyness.key_terms`.
        title: the figure's title; empty: "Key terms: <side A> vs <side B>".
    """
    comparison = key.comparison
    title = title or f"Key terms: {comparison.label_a} vs {comparison.label_b}"
    shown = key.top.sort_values("log_ratio")
    fig, ax = plt.subplots(figsize=(9, max(3.0, 0.28 * len(shown) + 1.5)))
    colours = [
        PALETTE[0] if side == comparison.label_a else PALETTE[1] for side in shown["over_used_in"]
    ]
    bars = ax.barh(shown["term"].astype(str), shown["log_ratio"], color=colours)
    for bar, significant in zip(bars, shown["significant"], strict=True):
        if not significant:
            bar.set_hatch("//")
            bar.set_alpha(0.5)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel(
        f"log2 ratio of rates: right, more in {comparison.label_a}; "
        f"left, more in {comparison.label_b}"
    )
    ax.set_title(title)
    return fig


def plot_term_trends(trends: pd.DataFrame, *, title: str) -> plt.Figure:
    """Horizontal bars of each emerging or fading term's slope."""
    shown = trends.sort_values("slope")
    fig, ax = plt.subplots(figsize=(9, max(3.0, 0.28 * len(shown) + 1.5)))
    colours = [PALETTE[2] if slope > 0 else PALETTE[3] for slope in shown["slope"]]
    ax.barh(shown["term"].astype(str), shown["slope"], color=colours)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel("change in mentions per 1,000 words per period (least-squares slope)")
    ax.set_title(title)
    return fig


def plot_theme_sentiment(table: pd.DataFrame, *, column: str, title: str) -> plt.Figure:
    """Bars of each theme's mean sentiment, with the all-sentence mean as a line."""
    themed = table[table["theme"] != "all sentences"].sort_values(column)
    base = float(table.loc[table["theme"] == "all sentences", column].iloc[0])
    fig, ax = plt.subplots(figsize=(9, max(3.0, 0.35 * len(themed) + 1.5)))
    colours = [PALETTE[2] if value >= base else PALETTE[3] for value in themed[column]]
    ax.barh(
        themed["theme"] + " (" + themed["n_sentences"].astype(str) + ")",
        themed[column],
        color=colours,
    )
    ax.axvline(base, color="black", linewidth=1, linestyle="--", label="all sentences")
    ax.axvline(0, color="grey", linewidth=0.6)
    ax.set_xlabel(f"mean {column} of the theme's sentences (number of sentences in brackets)")
    ax.set_title(title)
    ax.legend(loc="lower right", frameon=False)
    return fig
