"""Unit tables for helpers.analysis.statistics: the bootstrap over documents, slopes with
intervals, verdicts, simultaneous group differences, Fisher's test on documents and the
Benjamini-Hochberg correction. How often the verdicts err is measured in test_calibration."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from helpers.analysis import statistics as st


def test_document_draws_keep_each_stratum_size() -> None:
    strata = np.array([0, 1, 0, 2, 1, 0])
    draws = st.document_draws(strata, n_boot=50, rng=np.random.default_rng(0))
    assert draws.shape == (50, 6)
    for code, size in ((0, 3), (1, 2), (2, 1)):
        assert (draws[:, strata == code].sum(axis=1) == size).all()


def test_sentences_stay_with_their_document() -> None:
    # Two documents of constant scores: every replicate mean is a mix of whole documents.
    values = np.array([1.0, 1.0, 1.0, -1.0])
    documents = np.array(["a", "a", "a", "b"])
    boot = st.cluster_bootstrap(values, np.ones(4), np.zeros(4, int), documents, n_boot=300)
    assert boot.means[0, 0] == pytest.approx(0.5)
    # Possible replicates: both a (1.0), both b (-1.0), one of each (3 of 4 sentences: 0.5).
    assert set(np.round(boot.replicates[:, 0, 0], 6)) <= {1.0, -1.0, 0.5}
    assert boot.n_docs.tolist() == [2]


@pytest.mark.parametrize(
    ("groups", "documents", "single_nan"),
    [
        ([0, 0, 1, 1], ["a", "b", "c", "c"], [False, True]),  # group 1 rests on one document
        ([0, 0, 1, 1], ["a", "b", "c", "d"], [False, False]),
    ],
)
def test_groups_of_one_document_have_no_interval(groups, documents, single_nan) -> None:
    boot = st.cluster_bootstrap(np.array([0.1, 0.5, 0.2, 0.4]), np.ones(4), np.array(groups),
                                np.array(documents), n_boot=100)
    low, high = boot.interval()
    assert np.isnan(low[:, 0]).tolist() == single_nan
    assert (np.nan_to_num(low[:, 0], nan=-9) <= boot.means[:, 0]).all()


def test_bootstrap_is_seeded() -> None:
    rng = np.random.default_rng(3)
    values, docs = rng.normal(size=200), np.repeat(np.arange(20), 10)
    first = st.cluster_bootstrap(values, np.ones(200), docs % 2, docs, n_boot=100, seed=4)
    again = st.cluster_bootstrap(values, np.ones(200), docs % 2, docs, n_boot=100, seed=4)
    assert np.array_equal(first.replicates, again.replicates)


@pytest.mark.parametrize(
    ("slope", "noise", "direction"),
    [(0.5, 0.1, "up"), (-0.5, 0.1, "down"), (0.0, 1.0, "flat")],
)
def test_slope_estimates_and_direction(slope: float, noise: float, direction: str) -> None:
    rng = np.random.default_rng(5)
    x = np.linspace(0, 10, 40)
    y = slope * x + rng.normal(0, noise, 40)
    [estimate] = st.slope_estimates(x, y, n_boot=400)
    assert estimate.low <= estimate.value <= estimate.high
    assert estimate.n_docs == 40
    assert st.direction_of(estimate) == direction
    assert st.direction_of(estimate, enough=False) == "none"


def test_slope_needs_two_distinct_times() -> None:
    [estimate] = st.slope_estimates(np.array([2.0, 2.0, 2.0]), np.array([1.0, 2.0, 3.0]))
    assert math.isnan(estimate.value) and st.direction_of(estimate) == "none"


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        ([], (0, 0, 0, 0, False)),
        (["2020-01-01"] * 3 + [None] * 2, (5, 3, 3, 0, False)),  # one date: no later half
        ([f"20{10 + i}-01-01" for i in range(10)], (10, 10, 5, 5, True)),
        ([f"20{10 + i}-01-01" for i in range(6)] + [None] * 34, (40, 6, 3, 3, False)),
    ],
    ids=["none", "one-date", "ten-dated", "six-of-forty"],
)
def test_time_evidence(dates, expected) -> None:
    evidence = st.time_evidence(pd.Series(pd.to_datetime(dates), dtype="datetime64[ns]"),
                                min_docs=5)
    assert (evidence.n_documents, evidence.n_dated, evidence.n_early, evidence.n_late,
            evidence.enough) == expected
    assert evidence.n_undated == expected[0] - expected[1]


@pytest.mark.parametrize(
    ("means", "spread", "differ"),
    [([0.0, 1.0], 0.1, [True]), ([0.0, 0.05], 0.1, [False]), ([0.0], 0.1, [])],
    ids=["apart", "close", "one-group"],
)
def test_group_differences(means, spread, differ) -> None:
    rng = np.random.default_rng(6)
    replicates = np.array(means) + rng.normal(0, spread, (500, len(means)))
    pairs = st.group_differences([f"g{i}" for i in range(len(means))], np.array(means),
                                 replicates)
    assert pairs["differ"].tolist() == differ
    if len(pairs):
        corrected = st.group_differences(["a", "b"], np.array(means), replicates,
                                         n_effective=np.array([4.0, 4.0]))
        assert corrected.loc[0, "high"] - corrected.loc[0, "low"] > (
            pairs.loc[0, "high"] - pairs.loc[0, "low"])  # few documents: wider


@pytest.mark.parametrize(
    ("docs_a", "n_a", "docs_b", "n_b", "expected"),
    [(4, 4, 0, 4, 2 / 70), (0, 4, 4, 4, 2 / 70), (2, 4, 2, 4, 1.0), (1, 1, 0, 1, 1.0)],
)
def test_fisher_two_sided(docs_a, n_a, docs_b, n_b, expected) -> None:
    p = st.fisher_two_sided(np.array([docs_a]), n_a, np.array([docs_b]), n_b)
    assert p[0] == pytest.approx(expected)


@pytest.mark.parametrize(
    ("p_values", "expected"),
    [
        ([0.01, 0.04, 0.03, 0.5], [0.04, 0.16 / 3, 0.16 / 3, 0.5]),
        ([0.01, math.nan], [0.01, math.nan]),
        ([], []),
    ],
)
def test_benjamini_hochberg(p_values, expected) -> None:
    assert st.benjamini_hochberg(p_values) == pytest.approx(np.array(expected), nan_ok=True)


@pytest.mark.parametrize(
    ("values", "expected"),
    [([0.1, 0.3, 0.2], [0.0, 100.0, 50.0]), ([0.4], [50.0]), ([0.1, 0.1], [50.0, 50.0])],
)
def test_percentile_rank(values, expected) -> None:
    assert st.percentile_rank(values).tolist() == expected


def test_z_scores_need_a_spread() -> None:
    assert st.z_scores([1.0, 3.0], centre=2.0, spread=1.0).tolist() == [-1.0, 1.0]
    assert np.isnan(st.z_scores([1.0], centre=1.0, spread=0.0)).all()
