"""Keyness: the terms used significantly more in one set of documents than in another.

Two periods (:func:`split_periods`) or two groups (:func:`split_groups`) are compared term by
term (:func:`key_terms`) with Dunning's log-likelihood G2 (Rayson's 2x2 formulation) for
significance and Hardie's log ratio for effect size.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.stats import chi2

from helpers.analysis.terms import TermCounts, per_1000
from helpers.corpus.dates import parse_user_date

# G2 at or above this is significant at p < 0.001 with one degree of freedom (Rayson).
G2_CUTOFF_001 = 10.83
KEYNESS_COLUMNS = ["term", "count_a", "count_b", "per_1000_a", "per_1000_b", "g2", "p_value",
                   "log_ratio", "over_used_in", "significant"]


def log_likelihood(
    count_a: np.ndarray | float, count_b: np.ndarray | float, size_a: float, size_b: float
) -> np.ndarray:
    """Dunning's log-likelihood G2 of a term's counts in two corpora (Rayson's 2x2 form).

    G2 = 2 * (a ln(a/E1) + b ln(b/E2)) with E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d), where a, b
    are the term's counts and c, d the corpus sizes; a zero count contributes 0.
    """
    a = np.asarray(count_a, dtype=float)
    b = np.asarray(count_b, dtype=float)
    expected_a = size_a * (a + b) / (size_a + size_b)
    expected_b = size_b * (a + b) / (size_a + size_b)
    with np.errstate(divide="ignore", invalid="ignore"):
        part_a = np.where(a > 0, a * np.log(a / expected_a), 0.0)
        part_b = np.where(b > 0, b * np.log(b / expected_b), 0.0)
    return 2.0 * (part_a + part_b)


def log_ratio(
    count_a: np.ndarray | float, count_b: np.ndarray | float, size_a: float, size_b: float
) -> np.ndarray:
    """Hardie's log ratio: log2 of the ratio of relative frequencies (a zero count taken as 0.5).

    +1 means twice as frequent in corpus A; -1 twice as frequent in corpus B.
    """
    a = np.where(np.asarray(count_a, dtype=float) > 0, count_a, 0.5)
    b = np.where(np.asarray(count_b, dtype=float) > 0, count_b, 0.5)
    return np.log2((a / size_a) / (b / size_b))


def keyness(
    terms: Sequence[str] | np.ndarray,
    count_a: np.ndarray,
    count_b: np.ndarray,
    *,
    size_a: int,
    size_b: int,
    labels: tuple[str, str] = ("A", "B"),
    min_count: int = 3,
    alpha: float = 0.001,
    bonferroni: bool = False,
) -> pd.DataFrame:
    """Terms over-used in one corpus against another, by log-likelihood with effect size.

    Args:
        terms: the term of each count.
        count_a, count_b: each term's count in corpus A and corpus B.
        size_a, size_b: the corpora's sizes in words.
        labels: names of A and B, used in the ``over_used_in`` column.
        min_count: terms with fewer occurrences in A and B together are not tested.
        alpha: significance level; the default 0.001 is the cutoff G2 >= 10.83.
        bonferroni: divide ``alpha`` by the number of terms tested.

    Returns:
        One row per term tested, by G2 descending: term, count_a, count_b, per_1000_a,
        per_1000_b, g2, p_value, log_ratio, over_used_in, significant.
    """
    a = np.asarray(count_a, dtype=float)
    b = np.asarray(count_b, dtype=float)
    tested = ((a + b) >= min_count) & (size_a > 0) & (size_b > 0)
    a, b = a[tested], b[tested]
    g2 = log_likelihood(a, b, size_a, size_b) if tested.any() else np.array([])
    table = pd.DataFrame(
        {
            "term": np.asarray(terms, dtype=object)[tested],
            "count_a": a.astype(int),
            "count_b": b.astype(int),
            "per_1000_a": per_1000(a, size_a),
            "per_1000_b": per_1000(b, size_b),
            "g2": g2,
            "p_value": chi2.sf(g2, df=1),
            "log_ratio": log_ratio(a, b, size_a, size_b) if tested.any() else np.array([]),
        }
    )
    level = alpha / max(len(table), 1) if bonferroni else alpha
    table["over_used_in"] = np.where(
        table["per_1000_a"] >= table["per_1000_b"], labels[0], labels[1]
    )
    table["significant"] = table["p_value"] < level
    return table.sort_values(["g2", "term"], ascending=[False, True], ignore_index=True)


@dataclass
class Comparison:
    """Two sets of documents to compare, or the reason they cannot be compared."""

    label_a: str
    label_b: str
    in_a: np.ndarray
    in_b: np.ndarray
    reason: str = ""


def split_periods(documents: pd.DataFrame, *, split_date: str = "") -> Comparison:
    """Documents dated before ``split_date`` against those dated on or after it.

    Args:
        documents: a table with a date column (undated documents are in neither set).
        split_date: the first day of the later period, as a user types it (read strictly by
            :func:`helpers.corpus.dates.parse_user_date`: ``2021`` starts on 1 January 2021,
            ``2021-06`` on 1 June); empty means the median document's date (the later one
            when the count is even), so each side has about half.

    Returns:
        A :class:`Comparison`; its reason says why not when either side is empty.

    Raises:
        ValueError: ``split_date`` is not a date, or an ambiguous one such as ``12/05/2024``.
    """
    chosen = str(split_date).strip()
    given = parse_user_date(chosen, what="split_date").first_day if chosen else None
    dates = pd.to_datetime(documents["date"])
    empty = np.zeros(len(documents), dtype=bool)
    if dates.notna().sum() < 2:
        return Comparison(
            "", "", empty, empty, "fewer than two dated documents: no periods to compare"
        )
    known = dates.dropna().sort_values()
    split = given if given is not None else known.iloc[len(known) // 2]
    if given is None and split == known.iloc[0]:
        # Many documents share the earliest date: split after it instead.
        split = known[known > split].min()
        if pd.isna(split):
            return Comparison("", "", empty, empty, "all dated documents share one date")
    day = split.strftime("%Y-%m-%d")
    in_a = (dates < split).to_numpy()
    in_b = (dates >= split).to_numpy()
    reason = ""
    if not in_a.any() or not in_b.any():
        reason = f"no dated document on one side of the split date {day}"
    return Comparison(f"before {day}", f"from {day}", in_a, in_b, reason)


def split_groups(documents: pd.DataFrame, *, column: str, groups: Sequence[str] = ()) -> Comparison:
    """Documents of one group against those of another (by default the two largest groups).

    Args:
        documents: a table with the grouping column.
        column: the grouping column (e.g. outlet_country); empty: no grouping was asked for.
        groups: the two group values to compare; empty means the two most frequent values.

    Returns:
        A :class:`Comparison`; its reason says why not when the groups cannot be formed.
    """
    empty = np.zeros(len(documents), dtype=bool)
    if not column:
        return Comparison("", "", empty, empty, "no column to group by was given")
    if column not in documents.columns:
        return Comparison("", "", empty, empty, f"there is no column {column!r} to group by")
    values = documents[column].fillna("").astype(str).str.strip()
    chosen = [str(g).strip() for g in groups if str(g).strip()]
    if not chosen:
        chosen = values[values != ""].value_counts().index[:2].tolist()
    if len(chosen) != 2:
        return Comparison(
            "", "", empty, empty, f"{column!r} needs two groups to compare, found {len(chosen)}"
        )
    in_a, in_b = (values == chosen[0]).to_numpy(), (values == chosen[1]).to_numpy()
    absent = [g for g, mask in zip(chosen, (in_a, in_b), strict=True) if not mask.any()]
    reason = f"no document has {column} = {', '.join(absent)}" if absent else ""
    return Comparison(chosen[0], chosen[1], in_a, in_b, reason)


def compare(
    counts: TermCounts,
    comparison: Comparison,
    *,
    min_count: int = 3,
    alpha: float = 0.001,
    bonferroni: bool = False,
) -> pd.DataFrame:
    """Keyness between the two sides of a :class:`Comparison` (see :func:`keyness`)."""
    count_a, size_a = counts.counts(comparison.in_a)
    count_b, size_b = counts.counts(comparison.in_b)
    return keyness(
        counts.terms,
        count_a,
        count_b,
        size_a=size_a,
        size_b=size_b,
        labels=(comparison.label_a, comparison.label_b),
        min_count=min_count,
        alpha=alpha,
        bonferroni=bonferroni,
    )


def keyness_top(table: pd.DataFrame, comparison: Comparison, *, per_side: int = 15) -> pd.DataFrame:
    """The strongest terms of each side (by G2), with columns named after the two sides."""
    top = pd.concat(
        [
            table[table["over_used_in"] == comparison.label_a].head(per_side),
            table[table["over_used_in"] == comparison.label_b].head(per_side),
        ],
        ignore_index=True,
    )
    return top.rename(
        columns={
            "count_a": f"count: {comparison.label_a}",
            "count_b": f"count: {comparison.label_b}",
            "per_1000_a": f"per 1,000: {comparison.label_a}",
            "per_1000_b": f"per 1,000: {comparison.label_b}",
        }
    )


@dataclass
class KeyTerms:
    """The keyness of one comparison: every term tested and the strongest of each side."""

    comparison: Comparison
    table: pd.DataFrame  # from keyness(), by G2 descending; empty when not compared
    top: pd.DataFrame  # from keyness_top()

    @property
    def compared(self) -> bool:
        """Whether both sides had documents (otherwise ``comparison.reason`` says why)."""
        return not self.comparison.reason

    @property
    def n_significant(self) -> int:
        """How many terms are significantly over-used on either side."""
        return int(self.table["significant"].sum())


def key_terms(
    counts: TermCounts,
    comparison: Comparison,
    *,
    per_side: int = 15,
    min_count: int = 3,
    alpha: float = 0.001,
    bonferroni: bool = False,
) -> KeyTerms:
    """Compare the two sides of ``comparison`` term by term, and keep the strongest of each.

    Args:
        counts: from :func:`helpers.analysis.terms.count_terms`.
        comparison: from :func:`split_periods` or :func:`split_groups`; when it has a reason,
            nothing is tested and both tables are empty.
        per_side: how many of the strongest terms of each side the ``top`` table keeps.
        min_count, alpha, bonferroni: as for :func:`keyness`.

    Returns:
        A :class:`KeyTerms`.
    """
    if comparison.reason:
        table = pd.DataFrame(columns=KEYNESS_COLUMNS)
        return KeyTerms(comparison, table, keyness_top(table, comparison, per_side=per_side))
    table = compare(counts, comparison, min_count=min_count, alpha=alpha, bonferroni=bonferroni)
    return KeyTerms(comparison, table, keyness_top(table, comparison, per_side=per_side))
