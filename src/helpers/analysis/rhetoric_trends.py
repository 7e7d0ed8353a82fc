"""Rates of the rhetoric report's lexicons (formulas, speech acts, stance markers, issues) over
documents: their trends in time, their levels by period or voice with intervals, the
differences between voices, and when a formula first appears.

The rules are those of :mod:`helpers.analysis.statistics`. A document is the unit: a trend is
the slope of documents' rates per 1,000 words against their dates, with a 95% interval from a
bootstrap over documents, and a direction only when that interval excludes zero, the
Benjamini-Hochberg q-value over the items tried is below ``alpha``, at least ``min_docs``
dated documents fall on each side of the median date and the item is used in at least
``min_docs`` dated documents. Levels of a group of documents (a period, a voice) have
intervals from a cluster bootstrap over documents. Every rate divides by one word count:
:func:`helpers.analysis.terms.document_words` for a document, and for a part of it (the
sentences of a voice) the same words summed over those sentences.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.analysis.statistics import (
    MIN_DOCS,
    N_BOOT,
    Estimate,
    benjamini_hochberg,
    cluster_bootstrap,
    group_differences,
    slope_estimates,
    time_evidence,
    years_since,
)
from helpers.analysis.terms import document_words, per_1000

TREND_COLUMNS = ["item", "n_docs_using", "n_dated_using", "n_undated_using", "n_dated",
                 "slope_per_year", "slope_low", "slope_high", "p_value", "q_value", "direction"]
GROUP_COLUMNS = ["group", "item", "count", "n_words", "n_docs", "rate", "low", "high"]
APPEARANCE_COLUMNS = ["item", "first_date", "n_dated_using", "n_undated_using", "n_before",
                      "supported"]


def _counted(hits: pd.DataFrame) -> pd.DataFrame:
    """The matches that count: negated speech acts are left out."""
    return hits[~hits["negated"].astype(bool)] if "negated" in hits.columns else hits


def documents_of(sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per document of the sentences: doc_id, date and n_words (the sum of its
    sentences' words, which is the documents' ``n_words``)."""
    grouped = sentences.groupby("doc_id", sort=False)
    return pd.DataFrame({
        "date": grouped["date"].first() if "date" in sentences.columns else pd.NaT,
        "n_words": grouped["n_words"].sum(),
    }).rename_axis("doc_id").reset_index()


def document_rates(
    hits: pd.DataFrame, documents: pd.DataFrame, *, column: str, values: list[str] | None = None
) -> pd.DataFrame:
    """Matches per 1,000 words of each document (:func:`~helpers.analysis.terms.document_words`),
    for each value of ``column``; negated speech acts are left out.

    Args:
        hits: matches from one of the ``find_*`` functions (with doc_id and ``column``).
        documents: one row per document searched (doc_id, n_words).
        column: the hit column whose values become columns.
        values: the columns, in order (default: the values found, most frequent first).

    Returns:
        One row per document (index doc_id), one rate column per value.
    """
    counted = _counted(hits)
    if values is None:
        values = counted[column].value_counts().index.tolist() if len(counted) else []
    counts = (counted.groupby(["doc_id", column]).size().unstack(fill_value=0)
              if len(counted) else pd.DataFrame())
    counts = counts.reindex(index=documents["doc_id"], columns=values, fill_value=0)
    words = document_words(documents)
    table = pd.DataFrame(per_1000(counts.to_numpy(dtype=float), words[:, None]),
                         index=pd.Index(documents["doc_id"], name="doc_id"), columns=values)
    table.columns.name = None
    return table


def rate_trends(
    hits: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    column: str,
    values: list[str] | None = None,
    min_docs: int = MIN_DOCS,
    alpha: float = 0.05,
    n_boot: int = N_BOOT,
    seed: int = 0,
) -> pd.DataFrame:
    """The trend of each item's rate over dated documents, and whether it may be stated.

    Args:
        hits: matches from one of the ``find_*`` functions.
        documents: one row per document searched (doc_id, date, n_words).
        column: the hit column naming the items (formula, family, category, issue).
        values: the items tried (default: those found).
        min_docs: fewest dated documents on each side of the median date, and fewest dated
            documents using an item, for a direction.
        alpha: false discovery rate over the items tested (Benjamini-Hochberg).
        n_boot, seed: bootstrap replicates over documents, and seed.

    Returns:
        One row per item: item, n_docs_using, n_dated_using, n_undated_using, n_dated (dated
        documents, the points of the slope), slope_per_year (of documents' rates per 1,000
        words), slope_low, slope_high (95% interval from a bootstrap over documents), p_value,
        q_value (over the items tested) and direction: "rising" or "falling" (interval
        excluding zero and q < ``alpha``), "flat" (no detectable change), "none" (too few
        dated documents, or the item is used in fewer than ``min_docs`` of them). Sorted by
        slope. ``attrs["evidence"]`` holds the :class:`~helpers.analysis.statistics.TimeEvidence`.
    """
    rates = document_rates(hits, documents, column=column, values=values)
    when = pd.to_datetime(documents.set_index("doc_id")["date"]).reindex(rates.index)
    evidence = time_evidence(when, min_docs=min_docs)
    known = when.notna().to_numpy()
    used = rates.to_numpy(dtype=float) > 0
    if rates.shape[1] == 0:
        table = pd.DataFrame(columns=TREND_COLUMNS)
        table.attrs["evidence"] = evidence
        return table
    estimates = (slope_estimates(years_since(when[known]), rates.to_numpy(dtype=float)[known],
                                 n_boot=n_boot, seed=seed) if known.any()
                 else [Estimate(np.nan, np.nan, np.nan, 0)] * rates.shape[1])
    table = pd.DataFrame({
        "item": rates.columns,
        "n_docs_using": used.sum(axis=0),
        "n_dated_using": used[known].sum(axis=0),
        "n_undated_using": used[~known].sum(axis=0),
        "n_dated": int(known.sum()),
        "slope_per_year": [e.value for e in estimates],
        "slope_low": [e.low for e in estimates],
        "slope_high": [e.high for e in estimates],
        "p_value": [e.p_value for e in estimates],
    })
    tested = evidence.enough & (table["n_dated_using"] >= min_docs) \
        & table["slope_per_year"].notna()
    table["q_value"] = benjamini_hochberg(table["p_value"].where(tested).to_numpy())
    detected = ((table["slope_low"] > 0) | (table["slope_high"] < 0)) \
        & (table["q_value"] < alpha)
    table["direction"] = np.where(
        ~tested, "none",
        np.where(~detected, "flat", np.where(table["slope_per_year"] > 0, "rising", "falling")))
    table = table.sort_values("slope_per_year", ascending=False, ignore_index=True,
                              na_position="last")[TREND_COLUMNS]
    table.attrs["evidence"] = evidence
    return table


def _cells(
    hits: pd.DataFrame, sentences: pd.DataFrame, *, column: str, by: str, values: list[str]
) -> pd.DataFrame:
    """One row per (document, group) with words: doc_id, group, n_words, then one count column
    per value."""
    words = sentences.groupby(["doc_id", by])["n_words"].sum()
    counted = _counted(hits)
    counted = counted[counted[column].isin(values)]
    counts = (counted.groupby(["doc_id", by, column]).size().unstack(fill_value=0)
              if len(counted) else pd.DataFrame(index=words.index))
    counts = counts.reindex(index=words.index, columns=values, fill_value=0)
    cells = pd.concat([words.rename("n_words"), counts], axis=1)
    cells = cells[cells["n_words"] > 0].reset_index()
    return cells.rename(columns={by: "group"})


def group_rates(
    hits: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    column: str,
    by: str,
    values: list[str],
    n_boot: int = N_BOOT,
    seed: int = 0,
) -> pd.DataFrame:
    """Matches per 1,000 words in each group of sentences (a period, a voice), with 95%
    intervals from a cluster bootstrap over documents (a document's sentences stay together).

    Args:
        hits: matches from one of the ``find_*`` functions (negated acts are left out).
        sentences: the sentences searched (doc_id, n_words and ``by``).
        column: the hit column naming the items.
        by: the sentence column to group by ("period", "voice").
        values: the items, in order.
        n_boot, seed: bootstrap replicates over documents, and seed.

    Returns:
        One row per group and item: group, item, count, n_words (the group's words), n_docs
        (documents with words in the group), rate, low, high (NaN for a group of one
        document: one document shows no spread between documents).
    """
    cells = _cells(hits, sentences, column=column, by=by, values=values)
    if cells.empty or not values:
        return pd.DataFrame(columns=GROUP_COLUMNS)
    codes, labels = pd.factorize(cells["group"], sort=True)
    counts = cells[values].to_numpy(dtype=float)
    words = cells["n_words"].to_numpy(dtype=float)
    boot = cluster_bootstrap(per_1000(counts, words[:, None]), words, codes,
                             cells["doc_id"].to_numpy(), n_boot=n_boot, seed=seed)
    low, high = boot.interval()
    group_words = np.bincount(codes, weights=words, minlength=len(labels))
    rows = []
    for g, label in enumerate(labels):
        in_group = codes == g
        for i, item in enumerate(values):
            rows.append((label, item, int(counts[in_group, i].sum()), int(group_words[g]),
                         int(boot.n_docs[g]), boot.means[g, i], low[g, i], high[g, i]))
    return pd.DataFrame(rows, columns=GROUP_COLUMNS)


def group_rate_differences(
    hits: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    column: str,
    value: str,
    by: str,
    min_docs: int = MIN_DOCS,
    n_boot: int = N_BOOT,
    seed: int = 0,
) -> pd.DataFrame:
    """Every pairwise difference in one item's rate per 1,000 words between the groups that
    have at least ``min_docs`` documents, with simultaneous 95% intervals from a bootstrap over
    documents (:func:`helpers.analysis.statistics.group_differences`).

    Args:
        hits, sentences, column, by: as for :func:`group_rates`.
        value: the item compared ("formulas", "firm").
        min_docs: groups with fewer documents are not compared.
        n_boot, seed: bootstrap replicates over documents, and seed.

    Returns:
        One row per pair: a, b, rate_a, rate_b, difference (a minus b), low, high, differ.
        Empty when fewer than two groups have ``min_docs`` documents.
    """
    columns = ["a", "b", "rate_a", "rate_b", "difference", "low", "high", "differ"]
    cells = _cells(hits, sentences, column=column, by=by, values=[value])
    n_docs = cells.groupby("group")["doc_id"].nunique()
    cells = cells[cells["group"].isin(n_docs[n_docs >= min_docs].index)]
    if cells["group"].nunique() < 2:
        return pd.DataFrame(columns=columns)
    codes, labels = pd.factorize(cells["group"], sort=True)
    words = cells["n_words"].to_numpy(dtype=float)
    rates = per_1000(cells[value].to_numpy(dtype=float), words)
    boot = cluster_bootstrap(rates, words, codes, cells["doc_id"].to_numpy(), n_boot=n_boot,
                             seed=seed)
    pairs = group_differences(list(labels), boot.means[:, 0], boot.replicates[:, :, 0],
                              n_effective=boot.n_effective)
    level = dict(zip(labels, boot.means[:, 0], strict=True))
    pairs.insert(2, "rate_a", pairs["a"].map(level))
    pairs.insert(3, "rate_b", pairs["b"].map(level))
    return pairs[columns]


def first_appearances(
    hits: pd.DataFrame, documents: pd.DataFrame, *, column: str = "formula",
    min_docs: int = MIN_DOCS,
) -> pd.DataFrame:
    """When each item first appears among dated documents, and whether that may be stated.

    A first appearance is stated (``supported``) only when at least ``min_docs`` dated
    documents come before it (none of which uses the item) and at least ``min_docs`` dated
    documents use the item; undated documents using it are counted, since any of them may be
    older.

    Args:
        hits: matches (doc_id and ``column``).
        documents: one row per document searched (doc_id, date).
        column: the hit column naming the items.
        min_docs: the fewest documents on each side of the first appearance.

    Returns:
        One row per item found: item, first_date (NaT when only undated documents use it),
        n_dated_using, n_undated_using, n_before (dated documents before first_date) and
        supported; sorted by first date (latest first).
    """
    if hits.empty:
        return pd.DataFrame(columns=APPEARANCE_COLUMNS)
    dates = pd.to_datetime(documents.set_index("doc_id")["date"])
    used = hits[["doc_id", column]].drop_duplicates()
    used = used.assign(date=used["doc_id"].map(dates))
    grouped = used.groupby(column, sort=False)
    table = pd.DataFrame({
        "first_date": grouped["date"].min(),
        "n_dated_using": grouped["date"].count(),
        "n_undated_using": grouped["date"].size() - grouped["date"].count(),
    }).rename_axis("item").reset_index()
    known = np.sort(dates.dropna().to_numpy())
    table["n_before"] = np.searchsorted(known, table["first_date"].to_numpy(), side="left")
    table.loc[table["first_date"].isna(), "n_before"] = 0
    table["supported"] = (table["n_before"] >= min_docs) & (table["n_dated_using"] >= min_docs)
    table = table.sort_values(["first_date", "item"], ascending=[False, True],
                              na_position="last", ignore_index=True)
    return table[APPEARANCE_COLUMNS]
