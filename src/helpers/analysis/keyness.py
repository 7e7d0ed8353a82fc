"""Keyness: the terms used significantly more in one set of documents than in another.

Two periods (:func:`split_periods`) or two groups (:func:`split_groups`) are compared term by
term (:func:`key_terms`). Each term has Dunning's log-likelihood G2 (Rayson's 2x2 formulation,
on word counts) as its strength and Hardie's log ratio as its effect size. Whether it is *key*
is decided on documents, so that one article repeating a word cannot make it key: Fisher's
exact test on the documents of each side that contain the term, with the Benjamini-Hochberg
correction for the number of terms tested, and the term in at least ``min_term_docs``
documents of the side that over-uses it. No comparison is made unless each side has
``min_docs`` documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.stats import chi2

from helpers.analysis.statistics import (
    MIN_DOCS,
    benjamini_hochberg,
    fisher_two_sided,
    median_split,
)
from helpers.analysis.terms import TermCounts, per_1000
from helpers.corpus.dates import parse_user_date

KEYNESS_COLUMNS = ["term", "count_a", "count_b", "per_1000_a", "per_1000_b", "docs_a", "docs_b",
                   "g2", "p_value", "doc_p_value", "q_value", "log_ratio", "over_used_in",
                   "significant"]
# False discovery rate below which a term is key.
ALPHA = 0.05


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
    docs_a: np.ndarray | None = None,
    docs_b: np.ndarray | None = None,
    n_docs_a: int = 0,
    n_docs_b: int = 0,
    labels: tuple[str, str] = ("A", "B"),
    min_count: int = 3,
    min_term_docs: int = 3,
    alpha: float = ALPHA,
) -> pd.DataFrame:
    """Terms over-used in one corpus against another, with effect sizes and corrected tests.

    Args:
        terms: the term of each count.
        count_a, count_b: each term's count in corpus A and corpus B.
        size_a, size_b: the corpora's sizes in words.
        docs_a, docs_b: per term, the documents of A and of B that contain it; None: the test
            falls back to G2 on word counts (which treats every occurrence as independent).
        n_docs_a, n_docs_b: the documents of A and of B.
        labels: names of A and B, used in the ``over_used_in`` column.
        min_count: terms with fewer occurrences in A and B together are not tested...
        min_term_docs: ...nor terms in fewer documents than this on both sides; a key term
            is in at least this many documents of the side that over-uses it.
        alpha: false discovery rate (Benjamini-Hochberg over the terms tested).

    Returns:
        One row per term tested, by G2 descending: term, count_a, count_b, per_1000_a,
        per_1000_b, docs_a, docs_b, g2, p_value (of G2), doc_p_value (Fisher, on documents),
        q_value (Benjamini-Hochberg of the document test, or of G2 without document counts),
        log_ratio, over_used_in, significant.
    """
    a = np.asarray(count_a, dtype=float)
    b = np.asarray(count_b, dtype=float)
    by_documents = docs_a is not None and docs_b is not None
    da = np.asarray(docs_a if by_documents else np.zeros(len(a)), dtype=np.int64)
    db = np.asarray(docs_b if by_documents else np.zeros(len(b)), dtype=np.int64)
    tested = ((a + b) >= min_count) & (size_a > 0) & (size_b > 0)
    if by_documents:
        tested &= np.maximum(da, db) >= min_term_docs
    a, b, da, db = a[tested], b[tested], da[tested], db[tested]
    g2 = log_likelihood(a, b, size_a, size_b) if tested.any() else np.array([])
    g2_p = chi2.sf(g2, df=1)
    doc_p = (fisher_two_sided(da, n_docs_a, db, n_docs_b) if by_documents and tested.any()
             else np.full(len(a), np.nan))
    table = pd.DataFrame(
        {
            "term": np.asarray(terms, dtype=object)[tested],
            "count_a": a.astype(int),
            "count_b": b.astype(int),
            "per_1000_a": per_1000(a, size_a),
            "per_1000_b": per_1000(b, size_b),
            "docs_a": da,
            "docs_b": db,
            "g2": g2,
            "p_value": g2_p,
            "doc_p_value": doc_p,
            "q_value": benjamini_hochberg(doc_p if by_documents else g2_p),
            "log_ratio": log_ratio(a, b, size_a, size_b) if tested.any() else np.array([]),
        }
    )
    table["over_used_in"] = np.where(
        table["per_1000_a"] >= table["per_1000_b"], labels[0], labels[1]
    )
    on_side = np.where(table["over_used_in"] == labels[0], table["docs_a"], table["docs_b"])
    table["significant"] = (table["q_value"] < alpha) & (
        (on_side >= min_term_docs) if by_documents else True)
    return table.sort_values(["g2", "term"], ascending=[False, True], ignore_index=True)[
        KEYNESS_COLUMNS]


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
    split = given if given is not None else median_split(dates)
    if split is None:
        # Many documents share the earliest date: nothing is left to split after it.
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
    min_term_docs: int = 3,
    alpha: float = ALPHA,
) -> pd.DataFrame:
    """Keyness between the two sides of a :class:`Comparison` (see :func:`keyness`), tested on
    the documents of each side."""
    count_a, size_a = counts.counts(comparison.in_a)
    count_b, size_b = counts.counts(comparison.in_b)
    present = counts.matrix.tocsr() > 0
    return keyness(
        counts.terms,
        count_a,
        count_b,
        size_a=size_a,
        size_b=size_b,
        docs_a=np.asarray(present[np.asarray(comparison.in_a, bool)].sum(axis=0)).ravel(),
        docs_b=np.asarray(present[np.asarray(comparison.in_b, bool)].sum(axis=0)).ravel(),
        n_docs_a=int(np.sum(comparison.in_a)),
        n_docs_b=int(np.sum(comparison.in_b)),
        labels=(comparison.label_a, comparison.label_b),
        min_count=min_count,
        min_term_docs=min_term_docs,
        alpha=alpha,
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


def enough_documents(comparison: Comparison, *, min_docs: int = MIN_DOCS) -> Comparison:
    """The comparison, with a reason when either side has fewer than ``min_docs`` documents
    (it says what the comparison would need)."""
    if comparison.reason:
        return comparison
    n_a, n_b = int(np.sum(comparison.in_a)), int(np.sum(comparison.in_b))
    if min(n_a, n_b) >= min_docs:
        return comparison
    reason = (f"keyness needs at least {min_docs} documents on each side; "
              f"{comparison.label_a} has {n_a}, {comparison.label_b} has {n_b}")
    return Comparison(comparison.label_a, comparison.label_b, comparison.in_a, comparison.in_b,
                      reason)


def key_terms(
    counts: TermCounts,
    comparison: Comparison,
    *,
    per_side: int = 15,
    min_docs: int = MIN_DOCS,
    min_count: int = 3,
    min_term_docs: int = 3,
    alpha: float = ALPHA,
) -> KeyTerms:
    """Compare the two sides of ``comparison`` term by term, and keep the strongest of each.

    Args:
        counts: from :func:`helpers.analysis.terms.count_terms`.
        comparison: from :func:`split_periods` or :func:`split_groups`; when it has a reason,
            or a side has fewer than ``min_docs`` documents, nothing is tested and both tables
            are empty.
        per_side: how many of the strongest terms of each side the ``top`` table keeps.
        min_docs: fewest documents on each side.
        min_count, min_term_docs, alpha: as for :func:`keyness`.

    Returns:
        A :class:`KeyTerms`.
    """
    comparison = enough_documents(comparison, min_docs=min_docs)
    if comparison.reason:
        table = pd.DataFrame(columns=KEYNESS_COLUMNS)
        return KeyTerms(comparison, table, keyness_top(table, comparison, per_side=per_side))
    table = compare(counts, comparison, min_count=min_count, min_term_docs=min_term_docs,
                    alpha=alpha)
    return KeyTerms(comparison, table, keyness_top(table, comparison, per_side=per_side))
