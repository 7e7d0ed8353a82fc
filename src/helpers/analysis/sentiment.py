"""Score the sentiment of sentences and aggregate it to documents, time bins, voices and targets.

Every sentence is scored by two offline lexicons: TextBlob's pattern analyser (polarity -1..1,
subjectivity 0..1, and the words that drove the score) and VADER (compound -1..1 and the
shares of positive, neutral and negative wording). A document is never scored as one string:
long texts saturate VADER's compound at +/-1, so documents, time bins and groups are scored by
aggregating their sentences (mean weighted by sentence length, and shares of clearly positive
and negative sentences). A document's own interval resamples its sentences; every interval over
a group of documents (a period, an outlet, a voice, a speaker's side, a target) resamples whole
documents (:func:`helpers.analysis.statistics.cluster_bootstrap`), and the trend is the slope of
documents' scores against their dates with an interval from the same bootstrap over documents.

VADER's zero is not neutral for diplomatic prose, which is written in a polite, positive
register: levels are read relative to the corpus (each document's percentile and z-score,
each group's difference from the corpus mean), and findings compare groups and periods.

Tone is one of two document measures the sentiment report shows: the other is the stance index
of :mod:`helpers.analysis.stance`, which reads the relationship's own vocabulary and who asserts
or denies which frame. Neither is validated on a user's corpus until the user codes some of
its articles (the report's ``labels_file`` parameter and its "Validation against your codes"
section); ``make validate`` rebuilds the figures on the coded set in ``tests/gold/stance/``.
TextBlob is kept beside VADER as a second opinion and for its word-level evidence.

This module computes tables only: the sentences that state the report's findings are in
``helpers.report.findings.sentiment`` and its figures in ``helpers.report.plots.sentiment``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from re import Pattern

import numpy as np
import pandas as pd

from helpers.analysis.statistics import (
    MIN_DOCS,
    Bootstrap,
    Estimate,
    TimeEvidence,
    cluster_bootstrap,
    direction_of,
    group_differences,
    percentile_rank,
    slope_estimates,
    time_evidence,
    years_since,
    z_scores,
)
from helpers.analysis.timeline import bin_start, time_bin
from helpers.corpus.lexicons import compile_phrases, read_lexicon, split_phrases
from helpers.corpus.scoring import parse_assessments

# Numeric sentence scores that documents and groups average (weighted by sentence length).
MEAN_MEASURES = ["vader_compound", "vader_pos", "vader_neu", "vader_neg",
                 "tb_polarity", "tb_subjectivity"]
LEAD_MEASURE = "vader_compound"
SECOND_MEASURE = "tb_polarity"
# A sentence is "clearly" positive / negative beyond these scores. VADER's +/-0.05 is the
# convention of its authors (Hutto & Gilbert 2014); TextBlob gives 0 to sentences without an
# opinion word and small values to one mild word, so it needs a wider neutral band.
VADER_CUTOFF = 0.05
TEXTBLOB_CUTOFF = 0.1
N_BOOT = 1000
LEVEL = 0.95
# Bootstrap replicates are drawn in chunks of about this many numbers (bounds memory).
_CHUNK_DRAWS = 1_000_000


# --- aggregation ---------------------------------------------------------------------------

def sentence_weights(sentences: pd.DataFrame) -> pd.Series:
    """The weight of each sentence in a mean: its number of words (at least 1)."""
    return sentences["n_words"].clip(lower=1).astype(float)


def document_scores(
    sentences: pd.DataFrame,
    *,
    vader_cutoff: float = VADER_CUTOFF,
    textblob_cutoff: float = TEXTBLOB_CUTOFF,
) -> pd.DataFrame:
    """Score documents by aggregating their sentences.

    Args:
        sentences: scored sentences with doc_id and n_words.
        vader_cutoff: a sentence is clearly positive at VADER compound >= this, clearly
            negative at <= minus this.
        textblob_cutoff: the same for TextBlob polarity.

    Returns:
        One row per doc_id: n_sentences, n_words, the length-weighted mean of each of
        :data:`MEAN_MEASURES` (same column names), and the shares of clearly positive and
        negative sentences (vader_share_positive, vader_share_negative, tb_share_positive,
        tb_share_negative).
    """
    weights = sentence_weights(sentences)
    frame = sentences[MEAN_MEASURES].mul(weights, axis=0)
    frame["_weight"] = weights
    frame["doc_id"] = sentences["doc_id"].to_numpy()
    sums = frame.groupby("doc_id", sort=False).sum()
    table = sums[MEAN_MEASURES].div(sums["_weight"], axis=0)
    grouped = sentences.groupby("doc_id", sort=False)
    table.insert(0, "n_words", grouped["n_words"].sum())
    table.insert(0, "n_sentences", grouped.size())
    classes = pd.DataFrame({
        "doc_id": sentences["doc_id"].to_numpy(),
        "vader_share_positive": sentences["vader_compound"].to_numpy() >= vader_cutoff,
        "vader_share_negative": sentences["vader_compound"].to_numpy() <= -vader_cutoff,
        "tb_share_positive": sentences["tb_polarity"].to_numpy() >= textblob_cutoff,
        "tb_share_negative": sentences["tb_polarity"].to_numpy() <= -textblob_cutoff,
    })
    table = table.join(classes.groupby("doc_id", sort=False).mean())
    return table.reset_index()


def bootstrap_weighted_means(
    values: np.ndarray,
    weights: np.ndarray,
    groups: np.ndarray,
    *,
    n_boot: int = N_BOOT,
    level: float = LEVEL,
    seed: int = 0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Weighted means per group with bootstrap percentile intervals over the items.

    This is the Bayesian bootstrap (Rubin 1981): each replicate reweights the items of a
    group with random Dirichlet weights instead of drawing them with replacement. Its
    intervals match the classical bootstrap's for practical purposes, and it needs no random
    indexing, so all groups are resampled at once (vectorised, in chunks that bound memory)
    and 200,000 sentences take seconds. A group of one item has a zero-width interval.

    Args:
        values: one row per item (sentence), one column per measure (or a 1-D array).
        weights: one positive weight per item (its length in words).
        groups: one integer group code per item, 0..n_groups-1, every code used.
        n_boot: bootstrap replicates.
        level: coverage of the interval (0.95 for 95%).
        seed: seed of the random generator (same inputs, same intervals).

    Returns:
        means, low, high: arrays of shape (n_groups, n_measures).
    """
    values = np.asarray(values, dtype=np.float64).reshape(len(groups), -1)
    weights = np.asarray(weights, dtype=np.float64)
    order = np.argsort(np.asarray(groups), kind="stable")
    # Columns: weight x value for each measure, then the weight itself.
    stacked = np.column_stack([values[order] * weights[order, None], weights[order]])
    starts = np.flatnonzero(np.r_[True, np.diff(np.asarray(groups)[order]) != 0])
    totals = np.add.reduceat(stacked, starts, axis=0)
    means = totals[:, :-1] / totals[:, -1:]
    rng = np.random.default_rng(seed)
    columns = stacked.T.astype(np.float32)  # one contiguous row per column: fast products
    replicates = np.empty((n_boot, *means.shape), dtype=np.float32)
    chunk = max(1, min(n_boot, _CHUNK_DRAWS // max(1, len(order))))
    draws = np.empty((chunk, len(order)), dtype=np.float32)
    products = np.empty_like(draws)
    for begin in range(0, n_boot, chunk):
        count = min(chunk, n_boot - begin)
        rng.standard_exponential(out=draws, dtype=np.float32)
        sums = []
        for column in columns:
            np.multiply(draws, column, out=products)
            sums.append(np.add.reduceat(products, starts, axis=1)[:count])
        for i, total in enumerate(sums[:-1]):
            replicates[begin:begin + count, :, i] = total / sums[-1]
    tail = (1 - level) / 2
    low, high = np.quantile(replicates, [tail, 1 - tail], axis=0)
    # Intervals always contain the point estimate (float32 rounding aside).
    return means, np.minimum(low, means), np.maximum(high, means)


def interval_table(
    sentences: pd.DataFrame,
    *,
    by: Sequence[str],
    measures: Sequence[str] = (LEAD_MEASURE, SECOND_MEASURE),
    n_boot: int = N_BOOT,
    level: float = LEVEL,
    seed: int = 0,
) -> pd.DataFrame:
    """Length-weighted mean sentence scores per group, with bootstrap intervals.

    Grouped by document (``by`` includes doc_id), an interval resamples the document's
    sentences (:func:`bootstrap_weighted_means`); over any other groups it resamples whole
    documents (:func:`helpers.analysis.statistics.cluster_bootstrap`), and a group of one
    document has no interval (NaN bounds).

    Args:
        sentences: scored sentences with doc_id, n_words and the ``by`` columns.
        by: the grouping columns (e.g. ["doc_id"], ["speech"], ["bin", "group"]).
        measures: sentence score columns to average.
        n_boot, level, seed: replicates, coverage and seed.

    Returns:
        One row per group, sorted by the ``by`` columns: the ``by`` columns, then for each
        measure ``<m>``, ``<m>_low``, ``<m>_high``, then n_docs, n_sentences and n_words.
    """
    table, _ = _intervals(sentences, by=by, measures=measures, n_boot=n_boot, level=level,
                          seed=seed)
    return table


def _intervals(
    sentences: pd.DataFrame,
    *,
    by: Sequence[str],
    measures: Sequence[str],
    n_boot: int,
    level: float,
    seed: int,
) -> tuple[pd.DataFrame, Bootstrap | None]:
    """:func:`interval_table` and, over groups of documents, its bootstrap replicates."""
    by, measures = list(by), list(measures)
    usable = sentences.dropna(subset=[*by, *measures])
    grouped = usable.groupby(by, sort=True, observed=True)
    table = grouped.agg(n_docs=("doc_id", "nunique"), n_sentences=("doc_id", "size"),
                        n_words=("n_words", "sum")).reset_index()
    columns = by + [f"{m}{s}" for m in measures for s in ("", "_low", "_high")]
    if usable.empty:
        return pd.DataFrame(columns=[*columns, "n_docs", "n_sentences", "n_words"]), None
    values, weights = usable[measures].to_numpy(), sentence_weights(usable).to_numpy()
    codes = grouped.ngroup().to_numpy()
    boot = None
    if "doc_id" in by:
        means, low, high = bootstrap_weighted_means(values, weights, codes, n_boot=n_boot,
                                                    level=level, seed=seed)
    else:
        boot = cluster_bootstrap(values, weights, codes, usable["doc_id"].to_numpy(),
                                 n_boot=n_boot, seed=seed)
        means, (low, high) = boot.means, boot.interval(level)
    for i, measure in enumerate(measures):
        table[measure], table[f"{measure}_low"], table[f"{measure}_high"] = (
            means[:, i], low[:, i], high[:, i])
    return table[[*columns, "n_docs", "n_sentences", "n_words"]], boot


def differences(
    sentences: pd.DataFrame,
    *,
    by: str,
    measure: str = LEAD_MEASURE,
    min_docs: int = MIN_DOCS,
    n_boot: int = N_BOOT,
    level: float = LEVEL,
    seed: int = 0,
) -> pd.DataFrame:
    """Differences between the groups that have at least ``min_docs`` documents, with
    simultaneous intervals from the bootstrap over documents
    (:func:`helpers.analysis.statistics.group_differences`).

    Args:
        sentences: scored sentences with doc_id, n_words and the ``by`` column.
        by: the group column (group, speech, speaker_side...).
        measure: the score compared.
        min_docs: groups with fewer documents are left out of every comparison.
        n_boot, level, seed: replicates, joint coverage and seed.

    Returns:
        One row per pair of eligible groups: a, b, difference (a minus b), low, high, differ,
        n_docs_a, n_docs_b, n_groups (eligible groups compared together).
    """
    usable = sentences.dropna(subset=[by, measure])
    docs = usable.groupby(by)["doc_id"].nunique()
    eligible = docs[docs >= min_docs].index
    usable = usable[usable[by].isin(eligible)]
    columns = ["a", "b", "difference", "low", "high", "differ", "n_docs_a", "n_docs_b",
               "n_groups"]
    if len(eligible) < 2:
        return pd.DataFrame(columns=columns)
    table, boot = _intervals(usable, by=[by], measures=[measure], n_boot=n_boot, level=level,
                             seed=seed)
    pairs = group_differences(table[by].tolist(), boot.means[:, 0], boot.replicates[:, :, 0],
                              n_effective=boot.n_effective, level=level)
    pairs["n_docs_a"] = pairs["a"].map(docs).astype(int)
    pairs["n_docs_b"] = pairs["b"].map(docs).astype(int)
    pairs["n_groups"] = len(eligible)
    return pairs[columns]


def relative_to_corpus(
    table: pd.DataFrame, documents: pd.DataFrame, *, measure: str = LEAD_MEASURE
) -> pd.DataFrame:
    """Add each row's position relative to the corpus: ``<m>_vs_corpus`` (its mean minus the
    corpus mean, documents weighted by words) and ``<m>_percentile`` (the share of documents
    whose mean is below it, 0-100).

    Args:
        table: rows with ``measure`` (groups, bins, targets...).
        documents: document scores (:func:`document_scores` or :func:`documents_table`).
        measure: the measure placed.
    """
    centre = corpus_mean(documents, measure=measure) if len(documents) else float("nan")
    reference = np.sort(documents[measure].dropna().to_numpy())
    values = table[measure].to_numpy(dtype=float)
    below = np.searchsorted(reference, values, side="left")
    ties = np.searchsorted(reference, values, side="right") - below
    percentile = (below + ties / 2) / max(len(reference), 1) * 100
    known = ~np.isnan(values) & (len(reference) > 0)
    return table.assign(**{f"{measure}_vs_corpus": values - centre,
                           f"{measure}_percentile": np.where(known, percentile, np.nan)})


def scores_over_time(
    sentences: pd.DataFrame,
    *,
    freq: str,
    group: str = "",
    measures: Sequence[str] = (LEAD_MEASURE, SECOND_MEASURE),
    min_docs: int = MIN_DOCS,
    min_docs_per_bin: int | None = None,
    n_boot: int = N_BOOT,
    level: float = LEVEL,
    seed: int = 0,
) -> pd.DataFrame:
    """Mean sentence scores per time bin (and group), with intervals over documents and a
    thinness flag.

    Args:
        sentences: scored sentences with their document's ``date`` (undated ones are left out).
        freq: time bins: "year", "quarter", "month" (see
            :func:`helpers.analysis.timeline.time_bin`).
        group: a column to split each bin by ("" for none).
        measures: sentence score columns to average.
        min_docs: a point backed by fewer documents is flagged ``thin``.
        min_docs_per_bin: the former name of ``min_docs`` (used instead when given).
        n_boot, level, seed: see :func:`interval_table`.

    Returns:
        One row per bin (and group), in time order: bin (a pandas Period), bin_start, the
        group column when given, the columns of :func:`interval_table`, and thin.
    """
    with_dates = sentences[sentences["date"].notna()].copy()
    with_dates["bin"] = time_bin(with_dates["date"], freq)
    keys = ["bin", group] if group else ["bin"]
    table = interval_table(with_dates, by=keys, measures=measures, n_boot=n_boot, level=level,
                           seed=seed)
    if table.empty:
        table["bin_start"] = pd.Series(dtype="datetime64[ns]")
        table["thin"] = pd.Series(dtype=bool)
        return table
    table.insert(1, "bin_start", bin_start(table["bin"]))
    table["thin"] = table["n_docs"] < (min_docs if min_docs_per_bin is None else min_docs_per_bin)
    return table


def group_scores(
    sentences: pd.DataFrame,
    *,
    column: str = "group",
    measures: Sequence[str] = (LEAD_MEASURE, SECOND_MEASURE),
    min_docs: int = MIN_DOCS,
    n_boot: int = N_BOOT,
    seed: int = 0,
) -> pd.DataFrame:
    """Mean sentence scores per group (all periods together), with a thinness flag.

    Args:
        sentences: scored sentences with doc_id, n_words and the ``column`` to group by.
        column: the group column.
        measures: sentence score columns to average (the stance index too, when scored).
        min_docs: a group backed by fewer documents is flagged ``thin``.
        n_boot, seed: see :func:`interval_table` (intervals over documents).

    Returns:
        The columns of :func:`interval_table` by ``column``, and thin.
    """
    table = interval_table(sentences, by=[column], measures=measures, n_boot=n_boot, seed=seed)
    table["thin"] = table["n_docs"] < min_docs
    return table


@dataclass
class Trend:
    """The change of a measure over time: the slope of documents' scores against their dates,
    with its interval from a bootstrap over documents, and the binned values it summarises."""

    measure: str
    n_bins: int
    slope_per_year: float  # NaN without two distinct dates
    direction: str  # "up", "down", "flat" (no detectable change) or "none" (too few documents)
    first_bin: str
    last_bin: str
    first_value: float
    last_value: float
    intervals_overlap: bool = True  # do the first and last bins' intervals overlap?
    slope_low: float = float("nan")
    slope_high: float = float("nan")
    evidence: TimeEvidence | None = None  # dated documents, halves and the minimum asked for

    @property
    def enough(self) -> bool:
        """Whether enough documents are dated for a claim about time."""
        return self.evidence is not None and self.evidence.enough


def trend(
    table: pd.DataFrame,
    *,
    binned: pd.DataFrame | None = None,
    measure: str = LEAD_MEASURE,
    min_docs: int = MIN_DOCS,
    n_boot: int = N_BOOT,
    level: float = LEVEL,
    seed: int = 0,
) -> Trend:
    """The change of ``measure`` over time, estimated on documents.

    The slope is the least-squares fit of documents' scores (each document's length-weighted
    mean, one point per document) against their dates, in units per year; its interval comes
    from a bootstrap over documents. The direction is "up" or "down" only when the interval
    excludes zero and at least ``min_docs`` dated documents fall before and from the median
    date (:func:`helpers.analysis.statistics.time_evidence`); "flat" means no detectable
    change; "none" too few dated documents.

    Args:
        table: one row per document with ``date`` (datetime, or "" / NaT when undated) and
            ``measure`` (:func:`documents_table`).
        binned: the same measure per time bin (:func:`scores_over_time`, no group), for the
            first and last bins' values; None: not reported.
        measure: the measure column.
        min_docs: the fewest dated documents each half of the dates needs.
        n_boot, level, seed: replicates, coverage and seed.

    Returns:
        A :class:`Trend`.
    """
    if binned is not None and binned["bin"].duplicated().any():
        raise ValueError("trend() needs one row per bin: compute the bins without a group")
    dates = pd.to_datetime(table["date"].replace("", pd.NaT), errors="coerce")
    evidence = time_evidence(dates, min_docs=min_docs)
    known = dates.notna() & table[measure].notna()
    estimate = slope_estimates(years_since(dates[known]), table.loc[known, measure].to_numpy(),
                               n_boot=n_boot, level=level, seed=seed)[0] if known.sum() else \
        Estimate(float("nan"), float("nan"), float("nan"), 0)
    direction = direction_of(estimate, enough=evidence.enough)
    first_bin = last_bin = ""
    first_value = last_value = float("nan")
    n_bins, overlap = 0, True
    if binned is not None and len(binned):
        rows = binned.sort_values("bin_start")
        first, last = rows.iloc[0], rows.iloc[-1]
        n_bins = len(rows)
        first_bin, last_bin = str(first["bin"]), str(last["bin"])
        first_value, last_value = float(first[measure]), float(last[measure])
        overlap = overlaps(first, last, measure)
    return Trend(measure, n_bins, estimate.value, direction, first_bin, last_bin, first_value,
                 last_value, overlap, estimate.low, estimate.high, evidence)


def overlaps(a: pd.Series, b: pd.Series, measure: str = LEAD_MEASURE) -> bool:
    """Do two rows' intervals of ``measure`` overlap? (True when either has none.)"""
    return not bool(a[f"{measure}_low"] > b[f"{measure}_high"]
                    or b[f"{measure}_low"] > a[f"{measure}_high"])


# --- targets -------------------------------------------------------------------------------

def read_targets(path: str | Path) -> dict[str, Pattern[str]]:
    """Read a targets file (columns target, aliases) into one compiled pattern per target."""
    table = read_lexicon(path)
    missing = {"target", "aliases"} - set(table.columns)
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
    targets = {}
    for row in table.itertuples(index=False):
        targets[row.target.strip()] = compile_phrases(split_phrases(row.aliases))
    return targets


def target_mentions(sentences: pd.DataFrame, targets: dict[str, Pattern[str]]) -> pd.DataFrame:
    """The sentences that mention each target (a sentence mentioning two appears twice).

    Returns:
        The matching sentence rows with a ``target`` column added.
    """
    parts = []
    for name, pattern in targets.items():
        hits = sentences[sentences["text"].str.contains(pattern, na=False)]
        parts.append(hits.assign(target=name))
    if not parts:
        return sentences.iloc[0:0].assign(target="")
    return pd.concat(parts, ignore_index=True)


def target_scores(
    sentences: pd.DataFrame,
    targets: dict[str, Pattern[str]],
    *,
    n_boot: int = N_BOOT,
    seed: int = 0,
) -> pd.DataFrame:
    """Sentiment of the sentences that mention each target, with intervals over documents.

    Returns:
        One row per target (every target, mentioned or not), as :func:`interval_table`.
    """
    mentions = target_mentions(sentences, targets)
    table = interval_table(mentions, by=["target"], n_boot=n_boot, seed=seed)
    table = pd.DataFrame({"target": list(targets)}).merge(table, on="target", how="left")
    counts = ["n_docs", "n_sentences", "n_words"]
    table[counts] = table[counts].fillna(0).astype(int)
    return table


# --- agreement and evidence ----------------------------------------------------------------

def lexicon_agreement(
    sentences: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    vader_cutoff: float = VADER_CUTOFF,
    textblob_cutoff: float = TEXTBLOB_CUTOFF,
) -> dict[str, float]:
    """How far TextBlob and VADER agree, over sentences and over documents.

    Args:
        sentences: scored sentences.
        documents: document scores from :func:`document_scores`.
        vader_cutoff, textblob_cutoff: the bands of :func:`document_scores`.

    Returns:
        spearman_sentences, spearman_documents (Spearman rank correlations, NaN with fewer
        than three items or no variation), same_class_share (share of sentences both call
        positive, both neutral or both negative), n_sentences, n_documents.
    """
    def rank_correlation(frame: pd.DataFrame) -> float:
        if len(frame) < 3:
            return float("nan")
        return float(frame[LEAD_MEASURE].corr(frame[SECOND_MEASURE], method="spearman"))

    vader_class = np.sign(sentences[LEAD_MEASURE].where(
        sentences[LEAD_MEASURE].abs() >= vader_cutoff, 0))
    tb_class = np.sign(sentences[SECOND_MEASURE].where(
        sentences[SECOND_MEASURE].abs() >= textblob_cutoff, 0))
    return {
        "spearman_sentences": rank_correlation(sentences),
        "spearman_documents": rank_correlation(documents),
        "same_class_share": float((vader_class == tb_class).mean()) if len(sentences) else
        float("nan"),
        "n_sentences": len(sentences),
        "n_documents": len(documents),
    }


def disagreements(
    sentences: pd.DataFrame,
    *,
    n: int = 10,
    vader_cutoff: float = VADER_CUTOFF,
    textblob_cutoff: float = TEXTBLOB_CUTOFF,
) -> pd.DataFrame:
    """The sentences on which the two lexicons disagree most.

    Sentences they score with opposite signs (each beyond its cutoff) come first, then the
    largest gaps between the two scores.

    Returns:
        Up to ``n`` rows: doc_id, sent_idx, text, vader_compound, tb_polarity, tb_assessments,
        opposite (bool) and gap (absolute difference of the two scores).
    """
    vader, tb = sentences[LEAD_MEASURE], sentences[SECOND_MEASURE]
    opposite = ((vader >= vader_cutoff) & (tb <= -textblob_cutoff)) | (
        (vader <= -vader_cutoff) & (tb >= textblob_cutoff))
    table = sentences.assign(opposite=opposite, gap=(vader - tb).abs())
    table = table.sort_values(["opposite", "gap"], ascending=False).head(n)
    return table[["doc_id", "sent_idx", "text", LEAD_MEASURE, SECOND_MEASURE, "tb_assessments",
                  "opposite", "gap"]].reset_index(drop=True)


def extremes(sentences: pd.DataFrame, *, measure: str = LEAD_MEASURE, n: int = 1) -> pd.DataFrame:
    """For each document, its ``n`` most positive and ``n`` most negative sentences.

    Returns:
        Rows with doc_id, extreme ("most positive" / "most negative"), sent_idx, text, both
        lexicons' scores and tb_assessments, in document order.
    """
    columns = ["doc_id", "sent_idx", "text", LEAD_MEASURE, SECOND_MEASURE, "tb_assessments"]
    ordered = sentences.sort_values([measure, "sent_idx"], ascending=[False, True])
    top = ordered.groupby("doc_id", sort=False).head(n)[columns].assign(extreme="most positive")
    ordered = sentences.sort_values([measure, "sent_idx"], ascending=[True, True])
    bottom = ordered.groupby("doc_id", sort=False).head(n)[columns].assign(extreme="most negative")
    table = pd.concat([top, bottom], ignore_index=True)
    order = {doc: i for i, doc in enumerate(pd.unique(sentences["doc_id"]))}
    table["_doc"] = table["doc_id"].map(order)
    table = table.sort_values(["_doc", "extreme", measure], ascending=[True, False, False])
    return table[["doc_id", "extreme", *columns[1:]]].reset_index(drop=True)


def textblob_drivers(sentences: pd.DataFrame, *, top: int = 5) -> pd.DataFrame:
    """The words that drove TextBlob's score in each document.

    Each assessed phrase ("generous", "not very bad") is summed over the document's
    sentences; the phrases with the largest positive and negative totals are listed.

    Returns:
        One row per doc_id: positive_words and negative_words, as "phrase +0.40 (x2)" lists.
    """
    rows = []
    for doc_id, texts in sentences.groupby("doc_id", sort=False)["tb_assessments"]:
        totals: dict[str, list[float]] = {}
        for text in texts:
            for phrase, polarity in parse_assessments(text):
                totals.setdefault(phrase, []).append(polarity)
        ranked = sorted(((sum(v), len(v), k) for k, v in totals.items()), reverse=True)

        def listing(items: list[tuple[float, int, str]]) -> str:
            return ", ".join(f"{k} {s:+.2f}" + (f" (x{c})" if c > 1 else "") for s, c, k in items)

        positive = [item for item in ranked if item[0] > 0][:top]
        negative = [item for item in reversed(ranked) if item[0] < 0][:top]
        rows.append({"doc_id": doc_id, "positive_words": listing(positive),
                     "negative_words": listing(negative)})
    return pd.DataFrame(rows, columns=["doc_id", "positive_words", "negative_words"])


# --- report tables ----------------------------------------------------------------------------

SPEECH_LABELS = {"narration": "narration", "quote": "quoted speech", "reported": "reported speech"}
DOCUMENT_COLUMNS = ["file", "title", "date", "outlet"]


def documents_table(
    documents: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    extra_columns: Sequence[str] = (),
    vader_cutoff: float = VADER_CUTOFF,
    textblob_cutoff: float = TEXTBLOB_CUTOFF,
    n_boot: int = N_BOOT,
    seed: int = 0,
) -> pd.DataFrame:
    """One row per scored document: its metadata, every score and the lead measures' intervals.

    Args:
        documents: document rows (doc_id, file, title, date, outlet and ``extra_columns``).
        sentences: their scored sentences.
        extra_columns: further document columns to keep (e.g. the group_by column).
        vader_cutoff, textblob_cutoff: see :func:`document_scores`.
        n_boot, seed: see :func:`bootstrap_weighted_means`.

    Returns:
        Rows in date then file order (undated last), date as "YYYY-MM-DD" or "". Beside the
        lead measure: its interval over the document's sentences, and the document's position
        among the documents (``vader_compound_percentile``, 0-100, and ``vader_compound_z``,
        standard deviations of document means from the word-weighted corpus mean).
    """
    scores = document_scores(sentences, vader_cutoff=vader_cutoff, textblob_cutoff=textblob_cutoff)
    intervals = interval_table(sentences, by=["doc_id"], n_boot=n_boot, seed=seed)
    bounds = [f"{m}_{s}" for m in (LEAD_MEASURE, SECOND_MEASURE) for s in ("low", "high")]
    scores = scores.merge(intervals[["doc_id", *bounds]], on="doc_id")
    meta = [c for c in dict.fromkeys([*DOCUMENT_COLUMNS, *extra_columns]) if c in documents]
    table = documents[["doc_id", *meta]].merge(scores, on="doc_id")
    table = table.sort_values(["date", "file"], na_position="last").reset_index(drop=True)
    table["date"] = table["date"].dt.strftime("%Y-%m-%d").fillna("")
    table = place_among_documents(table, measure=LEAD_MEASURE)
    order = ["doc_id", *meta, "n_sentences", "n_words",
             LEAD_MEASURE, f"{LEAD_MEASURE}_low", f"{LEAD_MEASURE}_high",
             f"{LEAD_MEASURE}_percentile", f"{LEAD_MEASURE}_z",
             "vader_share_positive", "vader_share_negative", "vader_pos", "vader_neu", "vader_neg",
             SECOND_MEASURE, f"{SECOND_MEASURE}_low", f"{SECOND_MEASURE}_high",
             "tb_share_positive", "tb_share_negative", "tb_subjectivity"]
    return table[order]


def place_among_documents(table: pd.DataFrame, *, measure: str) -> pd.DataFrame:
    """Add each document's position among the documents: ``<m>_percentile`` (0-100) and
    ``<m>_z`` (standard deviations of document means from the word-weighted corpus mean).

    Args:
        table: one row per document with n_words and ``measure``.
        measure: the document measure placed.
    """
    centre = corpus_mean(table, measure=measure) if len(table) else float("nan")
    spread = float(table[measure].std()) if len(table) > 1 else float("nan")
    return table.assign(**{f"{measure}_percentile": percentile_rank(table[measure]),
                           f"{measure}_z": z_scores(table[measure], centre=centre,
                                                    spread=spread)})


def with_document_measure(
    table: pd.DataFrame,
    sentences: pd.DataFrame,
    components: pd.DataFrame,
    *,
    measure: str,
    n_boot: int = N_BOOT,
    seed: int = 0,
) -> pd.DataFrame:
    """The documents table with a further sentence measure: its length-weighted mean per
    document, the interval over the document's sentences, its position among the documents,
    and the columns of ``components`` (e.g. the parts of the stance index).

    Args:
        table: :func:`documents_table`.
        sentences: sentences with doc_id, n_words and ``measure``.
        components: one row per doc_id with the columns to add beside the measure.
        measure: the sentence column averaged (e.g. "stance").
        n_boot, seed: see :func:`bootstrap_weighted_means`.

    Returns:
        ``table`` (same rows and order) with ``<m>``, ``<m>_low``, ``<m>_high``,
        ``<m>_percentile``, ``<m>_z`` and the components' columns appended.
    """
    means = interval_table(sentences, by=["doc_id"], measures=[measure], n_boot=n_boot,
                           seed=seed)[["doc_id", measure, f"{measure}_low", f"{measure}_high"]]
    extra = components.drop(columns=[c for c in components.columns
                                     if c != "doc_id" and (c in table or c in means)])
    joined = table.drop(columns=[c for c in means.columns if c != "doc_id" and c in table])
    joined = joined.merge(means, on="doc_id", how="left").merge(extra, on="doc_id", how="left")
    return place_among_documents(joined, measure=measure)


def corpus_mean(table: pd.DataFrame, *, measure: str = LEAD_MEASURE) -> float:
    """The mean of a document measure over the corpus, each document weighted by its words.

    Args:
        table: document scores (:func:`document_scores` or :func:`documents_table`).
        measure: the measure averaged.
    """
    return float(np.average(table[measure], weights=table["n_words"].clip(lower=1)))


def voice_chart(voices: pd.DataFrame, sides: pd.DataFrame) -> pd.DataFrame:
    """Voices (by speech) and speakers' sides in one table with a ``voice`` label column."""
    return pd.concat([
        voices.assign(voice=voices["speech"].map(lambda v: SPEECH_LABELS.get(v, v))),
        sides.assign(voice=sides["speaker_side"].map(
            lambda side: "speakers of unknown side" if side == "unknown"
            else f"speakers from {side}")),
    ], ignore_index=True)


def with_files(frame: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Replace a table's doc_id column by the documents' file names (for readers)."""
    files = documents.set_index("doc_id")["file"]
    named = frame.assign(doc_id=frame["doc_id"].map(files)).rename(columns={"doc_id": "file"})
    return named.reset_index(drop=True)
