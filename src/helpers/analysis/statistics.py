"""Uncertainty with documents as the unit: the cluster bootstrap, slopes over time with
intervals, simultaneous intervals of group differences, and the Benjamini-Hochberg correction.

Sentences of one article are not independent observations: a long article would otherwise
count as forty. Every interval over a group of documents (a period, an outlet, a voice, a
target, a theme) therefore resamples whole documents with replacement, keeping their sentences
together, and recomputes the weighted means (:func:`cluster_bootstrap`). A trend is the slope
of documents' values against their dates, with an interval from the same bootstrap over
documents (:func:`slope_estimates`). The verdict functions (:func:`direction_of`,
:func:`group_differences`, :func:`benjamini_hochberg`) are the rules the reports use to decide
whether a change or a difference may be stated; ``tests/test_calibration.py`` checks how often
they claim one on corpora where there is none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.stats import hypergeom, norm, t

from helpers.config import MIN_DOCS

N_BOOT = 1000
LEVEL = 0.95
# Bootstrap counts are drawn in chunks of about this many numbers (bounds memory).
_CHUNK_DRAWS = 2_000_000
DAYS_PER_YEAR = 365.25


# --- the cluster bootstrap ---------------------------------------------------------------------

def document_draws(
    strata: np.ndarray, *, n_boot: int, rng: np.random.Generator
) -> np.ndarray:
    """How often each document is drawn in each replicate, resampling within each stratum.

    Every stratum of n documents draws n of its documents with replacement.

    Args:
        strata: one integer stratum code per document (all zeros: one pool).
        n_boot: replicates.
        rng: the random generator.

    Returns:
        An int32 array (n_boot, n_documents).
    """
    strata = np.asarray(strata)
    n = len(strata)
    order = np.argsort(strata, kind="stable")
    codes = strata[order]
    starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]]) if n else np.array([], int)
    sizes = np.diff(np.r_[starts, n])
    slot_start = np.repeat(starts, sizes)  # for each slot, the first slot of its stratum
    slot_size = np.repeat(sizes, sizes)
    picks = slot_start + np.floor(rng.random((n_boot, n)) * slot_size).astype(np.int64)
    flat = (picks + np.arange(n_boot)[:, None] * n).ravel()
    counts = np.bincount(flat, minlength=n_boot * n).reshape(n_boot, n).astype(np.int32)
    result = np.empty_like(counts)
    result[:, order] = counts
    return result


@dataclass
class Bootstrap:
    """Weighted means per group and their replicates from a bootstrap over documents."""

    means: np.ndarray  # (n_groups, n_measures)
    replicates: np.ndarray  # (n_boot, n_groups, n_measures); NaN where a group drew nothing
    n_docs: np.ndarray  # documents per group
    n_effective: np.ndarray  # effective documents per group (Kish: long documents weigh more)

    def interval(self, level: float = LEVEL) -> tuple[np.ndarray, np.ndarray]:
        """Percentile interval of each mean (NaN for a group of fewer than two documents:
        one document shows no spread between documents)."""
        tail = (1 - level) / 2
        if not len(self.replicates):
            nan = np.full_like(self.means, np.nan)
            return nan, nan.copy()
        low, high = np.nanquantile(self.replicates, [tail, 1 - tail], axis=0)
        single = self.n_docs < 2
        low[single], high[single] = np.nan, np.nan
        # Intervals always contain the point estimate (rounding aside).
        return np.minimum(low, self.means), np.maximum(high, self.means)


def cluster_bootstrap(
    values: np.ndarray,
    weights: np.ndarray,
    groups: np.ndarray,
    documents: np.ndarray,
    *,
    stratify: bool | None = None,
    n_boot: int = N_BOOT,
    seed: int = 0,
) -> Bootstrap:
    """Weighted means per group, resampling documents with replacement (sentences stay with
    their document).

    When every document falls in one group (periods, outlets), documents are resampled within
    their group, so each group keeps its size. When a document spreads over several groups
    (voices, speakers' sides, targets), documents are resampled from the whole pool, so that
    groups drawn from the same documents vary together (as their difference needs).

    Args:
        values: one row per item (sentence), one column per measure (or a 1-D array).
        weights: one positive weight per item (its length in words).
        groups: one integer group code per item, 0..n_groups-1, every code used.
        documents: one document code per item (any hashable values).
        stratify: resample within groups; None decides as above.
        n_boot: replicates.
        seed: seed of the random generator (same inputs, same intervals).

    Returns:
        A :class:`Bootstrap`.
    """
    groups = np.asarray(groups)
    values = np.asarray(values, dtype=np.float64).reshape(len(groups), -1)
    weights = np.asarray(weights, dtype=np.float64)
    doc_codes, doc_index = pd.factorize(pd.Series(np.asarray(documents)), sort=False)
    n_docs, n_groups = len(doc_index), int(groups.max()) + 1 if len(groups) else 0
    # One cell per (document, group): its weighted sums.
    cells = sparse.coo_matrix((np.ones(len(groups)), (doc_codes, groups)),
                              shape=(n_docs, n_groups)).tocsr()
    cells.data[:] = 1
    docs_per_group = np.asarray(cells.sum(axis=0)).ravel().astype(int)
    sums = [sparse.csr_matrix((values[:, i] * weights, (doc_codes, groups)),
                              shape=(n_docs, n_groups)) for i in range(values.shape[1])]
    total = sparse.csr_matrix((weights, (doc_codes, groups)), shape=(n_docs, n_groups))
    weight_sum = np.asarray(total.sum(axis=0)).ravel()
    squares = np.asarray(total.multiply(total).sum(axis=0)).ravel()
    n_effective = np.divide(weight_sum ** 2, squares, out=np.zeros_like(weight_sum),
                            where=squares > 0)
    means = np.column_stack([np.asarray(s.sum(axis=0)).ravel() / weight_sum for s in sums]) \
        if n_groups else np.empty((0, values.shape[1]))
    if stratify is None:
        stratify = bool((np.diff(cells.indptr) <= 1).all())
    strata = (np.asarray(cells.argmax(axis=1)).ravel() if stratify
              else np.zeros(n_docs, dtype=int))
    rng = np.random.default_rng(seed)
    replicates = np.empty((n_boot, n_groups, values.shape[1]))
    chunk = max(1, min(n_boot, _CHUNK_DRAWS // max(1, n_docs)))
    sums_t, total_t = [s.T.tocsr() for s in sums], total.T.tocsr()
    for begin in range(0, n_boot, chunk):
        count = min(chunk, n_boot - begin)
        draws = document_draws(strata, n_boot=count, rng=rng).T.astype(np.float64)
        denominator = (total_t @ draws).T  # (count, n_groups)
        with np.errstate(invalid="ignore", divide="ignore"):
            for i, weighted in enumerate(sums_t):
                replicates[begin:begin + count, :, i] = (weighted @ draws).T / denominator
    replicates[~np.isfinite(replicates)] = np.nan
    return Bootstrap(means, replicates, docs_per_group, n_effective)


# --- slopes over time --------------------------------------------------------------------------

@dataclass(frozen=True)
class Estimate:
    """A slope (or a difference) with its interval and the documents behind it."""

    value: float
    low: float
    high: float
    n_docs: int
    p_value: float = float("nan")  # two-sided, from the bootstrap standard error

    @property
    def excludes_zero(self) -> bool:
        """Whether the interval lies wholly above or wholly below zero."""
        return bool(self.low > 0 or self.high < 0)


def years_since(dates: pd.Series | np.ndarray, origin: pd.Timestamp | None = None) -> np.ndarray:
    """Dates as years (floats) since ``origin`` (default: the earliest date)."""
    stamps = pd.to_datetime(pd.Series(dates))
    origin = stamps.min() if origin is None else origin
    return ((stamps - origin).dt.days / DAYS_PER_YEAR).to_numpy(dtype=float)


def slope_estimates(
    x: np.ndarray,
    y: np.ndarray,
    *,
    n_boot: int = N_BOOT,
    level: float = LEVEL,
    seed: int = 0,
) -> list[Estimate]:
    """Least-squares slopes of one or more document values against time, with intervals from
    a bootstrap over documents (each replicate redraws the documents with replacement and
    refits every slope on the same draw).

    Args:
        x: one time per document (years).
        y: one value per document (1-D), or one column per series (n_documents x k).
        n_boot, level, seed: replicates, coverage and seed.

    Returns:
        One :class:`Estimate` per series (NaN with fewer than two distinct times).
    """
    x = np.asarray(x, dtype=float)
    ys = np.asarray(y, dtype=float).reshape(len(x), -1)
    nan = Estimate(float("nan"), float("nan"), float("nan"), len(x))
    if len(x) < 2 or np.ptp(x) == 0:
        return [nan] * ys.shape[1]
    x = x - x.mean()
    point = x @ (ys - ys.mean(axis=0)) / float(x @ x)
    rng = np.random.default_rng(seed)
    counts = document_draws(np.zeros(len(x), int), n_boot=n_boot, rng=rng).astype(float)
    s, sx, sxx = counts.sum(axis=1), counts @ x, counts @ (x * x)
    sy, sxy = counts @ ys, counts @ (x[:, None] * ys)
    with np.errstate(invalid="ignore", divide="ignore"):
        slopes = (s[:, None] * sxy - sx[:, None] * sy) / (s * sxx - sx * sx)[:, None]
    slopes[~np.isfinite(slopes)] = np.nan
    tail = (1 - level) / 2
    low, high = np.nanquantile(slopes, [tail, 1 - tail], axis=0)
    spread = np.nanstd(slopes, axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        p_values = np.where(spread > 0, 2 * norm.sf(np.abs(point) / spread),
                            np.where(point == 0, 1.0, 0.0))
    return [Estimate(float(v), float(min(lo, v)), float(max(hi, v)), len(x), float(p))
            for v, lo, hi, p in zip(point, low, high, p_values, strict=True)]


def direction_of(estimate: Estimate, *, enough: bool = True) -> str:
    """The verdict on a slope or difference: "up" or "down" only when its interval excludes
    zero, "flat" (no detectable change) when it does not, "none" without enough evidence."""
    if not enough or estimate.value != estimate.value:
        return "none"
    if not estimate.excludes_zero:
        return "flat"
    return "up" if estimate.value > 0 else "down"


@dataclass(frozen=True)
class TimeEvidence:
    """Whether the dated documents can support a claim about time."""

    n_documents: int
    n_dated: int
    n_early: int  # dated before the median date
    n_late: int  # dated on or after it
    min_docs: int

    @property
    def n_undated(self) -> int:
        """Documents without a date, left out of every claim about time."""
        return self.n_documents - self.n_dated

    @property
    def enough(self) -> bool:
        """At least ``min_docs`` dated documents before and from the median date."""
        return min(self.n_early, self.n_late) >= self.min_docs


def median_split(dates: pd.Series) -> pd.Timestamp | None:
    """The first day of the later half of the dated documents: the median document's date (the
    later one when the count is even), or the next date when the earliest date is the median;
    None when fewer than two distinct dates exist."""
    known = pd.to_datetime(pd.Series(dates)).dropna().sort_values()
    if known.empty:
        return None
    split = known.iloc[len(known) // 2]
    if split == known.iloc[0]:
        later = known[known > split]
        split = later.min() if len(later) else None
    return split


def time_evidence(dates: pd.Series, *, min_docs: int = MIN_DOCS) -> TimeEvidence:
    """How the documents' dates split into an earlier and a later half (at
    :func:`median_split`, as keyness between periods splits them by default).

    Args:
        dates: one date per document (NaT for undated).
        min_docs: the fewest dated documents each half needs.
    """
    known = pd.to_datetime(pd.Series(dates)).dropna()
    split = median_split(known)
    n_late = 0 if split is None else int((known >= split).sum())
    return TimeEvidence(len(dates), len(known), len(known) - n_late, n_late, min_docs)


# --- differences between groups ----------------------------------------------------------------

def group_differences(
    labels: Sequence[str],
    means: np.ndarray,
    replicates: np.ndarray,
    *,
    n_effective: np.ndarray | None = None,
    level: float = LEVEL,
) -> pd.DataFrame:
    """Every pairwise difference between groups, with simultaneous intervals.

    The intervals hold together for all pairs at once (a bootstrap max-t: the critical value is
    the ``level`` quantile, over replicates, of the largest standardised deviation of any
    pair), so picking the most different pair of many groups does not inflate claims. With
    few documents the bootstrap is too narrow; given each group's effective number of
    documents n, each pair's spread is widened by sqrt(n / (n - 1)) of its smaller group and
    the critical value by the ratio of Student's t (n - 1 degrees of freedom) to the normal
    quantile: ``tests/test_calibration.py`` measures the result.

    Args:
        labels: the groups' names.
        means: one mean per group.
        replicates: (n_boot, n_groups) bootstrap replicates of the means.
        n_effective: effective documents per group (:attr:`Bootstrap.n_effective`); None: no
            small-sample correction.
        level: joint coverage of the intervals.

    Returns:
        One row per pair (a, b): a, b, difference (a minus b), low, high, differ (the interval
        excludes zero).
    """
    means = np.asarray(means, dtype=float)
    replicates = np.asarray(replicates, dtype=float)
    k = len(means)
    columns = ["a", "b", "difference", "low", "high", "differ"]
    if k < 2:
        return pd.DataFrame(columns=columns)
    first, second = np.triu_indices(k, 1)
    difference = means[first] - means[second]
    deviations = replicates[:, first] - replicates[:, second] - difference
    spread = np.nanstd(deviations, axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        standardised = np.abs(deviations) / np.where(spread > 0, spread, np.nan)
        largest = np.nanmax(np.where(np.isnan(standardised), -np.inf, standardised), axis=1)
    largest = largest[np.isfinite(largest)]
    critical = float(np.quantile(largest, level)) if len(largest) else float("nan")
    if n_effective is not None:
        smaller = np.minimum(n_effective[first], n_effective[second])
        dof = np.maximum(smaller - 1, 1.0)
        spread = spread * np.sqrt(np.maximum(smaller, 2.0) / dof)
        tail = 1 - (1 - level) / 2
        critical = critical * t.ppf(tail, dof) / norm.ppf(tail)
    low, high = difference - critical * spread, difference + critical * spread
    return pd.DataFrame({
        "a": np.asarray(labels, dtype=object)[first], "b": np.asarray(labels, dtype=object)[second],
        "difference": difference, "low": low, "high": high,
        "differ": (low > 0) | (high < 0),
    })


# --- tests on counts of documents --------------------------------------------------------------

def fisher_two_sided(
    docs_a: np.ndarray, n_a: int, docs_b: np.ndarray, n_b: int
) -> np.ndarray:
    """Fisher's exact test of documents containing a term in A against B, for many terms at
    once (two-sided: twice the smaller tail, at most 1).

    Args:
        docs_a, docs_b: per term, the documents of A and of B that contain it.
        n_a, n_b: the documents of A and of B.
    """
    docs_a = np.asarray(docs_a, dtype=np.int64)
    docs_b = np.asarray(docs_b, dtype=np.int64)
    with_term = docs_a + docs_b
    lower = hypergeom.cdf(docs_b, n_a + n_b, with_term, n_b)
    upper = hypergeom.sf(docs_b - 1, n_a + n_b, with_term, n_b)
    return np.minimum(1.0, 2 * np.minimum(lower, upper))


# --- many tests --------------------------------------------------------------------------------

def benjamini_hochberg(p_values: np.ndarray | Sequence[float]) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values (q-values) for the number of tests tried.

    NaN p-values are left NaN and do not count as tests.
    """
    p = np.asarray(p_values, dtype=float)
    q = np.full_like(p, np.nan)
    tested = np.flatnonzero(~np.isnan(p))
    if not len(tested):
        return q
    order = tested[np.argsort(p[tested], kind="stable")]
    ranked = p[order] * len(order) / np.arange(1, len(order) + 1)
    q[order] = np.minimum(1.0, np.minimum.accumulate(ranked[::-1])[::-1])
    return q


def percentile_rank(values: pd.Series | np.ndarray) -> np.ndarray:
    """Each value's percentile among all (0-100, ties at their mean rank)."""
    series = pd.Series(np.asarray(values, dtype=float))
    if series.count() <= 1:
        return np.where(series.notna(), 50.0, np.nan)
    return ((series.rank(method="average") - 1) / (series.count() - 1) * 100).to_numpy()


def z_scores(values: pd.Series | np.ndarray, *, centre: float, spread: float) -> np.ndarray:
    """(value - centre) / spread; NaN when the spread is zero or unknown."""
    values = np.asarray(values, dtype=float)
    if not spread or spread != spread:
        return np.full_like(values, np.nan)
    return (values - centre) / spread
