"""Validate document measures against a researcher's own codes (hand-coded stance or tone).

Dictionary measures are trusted only after they are checked against hand-coding on the corpus
they are used on. A researcher codes 30-50 of their articles in a CSV file (columns ``file`` and
``label``): either an ordered category (critical < neutral < warm) or a number. For each measure
this module reports how well it ranks the coded documents:

- with categories, the AUC between the lowest and the highest category (the probability that a
  randomly drawn highest-category document, e.g. warm, scores above a randomly drawn
  lowest-category one, e.g. critical; ties count half: the Mann-Whitney U over the product of
  the group sizes), and the Spearman correlation over all coded documents;
- with numbers, the Spearman correlation;

each with a bootstrap percentile interval over documents, the number of documents it rests on,
and the documents where measure and code disagree most. The codes are only read here, after the
measures are computed: they never feed a measure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import numpy as np
import pandas as pd

from helpers.analysis.sentiment import sentence_weights
from helpers.corpus.lexicons import read_lexicon

# Common names of ordered codes, from the lowest tier to the highest; a label in none of them
# needs an explicit order.
ORDER_TIERS = (
    ("critical", "negative", "hostile", "cold", "unfavourable", "unfavorable"),
    ("neutral", "mixed", "balanced", "ambivalent"),
    ("warm", "positive", "friendly", "favourable", "favorable", "supportive"),
)
AUC = "AUC"
SPEARMAN = "Spearman"
N_BOOT = 1000
LEVEL = 0.95
# Below this many coded documents a validation is too small to trust.
MIN_CODED = 20


@dataclass(frozen=True)
class Codes:
    """A researcher's codes.

    Attributes:
        table: one row per coded file: file, label and code (the label's rank in
            ``categories``, or its number).
        categories: the labels in order, lowest first, or None for numeric codes.
    """

    table: pd.DataFrame
    categories: tuple[str, ...] | None

    @property
    def numeric(self) -> bool:
        """Whether the codes are numbers rather than ordered categories."""
        return self.categories is None


def infer_order(labels: Sequence[str]) -> tuple[str, ...]:
    """The labels in order, lowest first, from the common names of :data:`ORDER_TIERS`.

    Raises:
        ValueError: a label in none of the tiers, or two labels in one tier.
    """
    distinct = list(dict.fromkeys(labels))
    tier_of = {name: i for i, names in enumerate(ORDER_TIERS) for name in names}
    unknown = [label for label in distinct if label.lower() not in tier_of]
    if unknown:
        raise ValueError(f"cannot tell the order of the labels {unknown}: give it, lowest "
                         "first (e.g. order=['critical', 'neutral', 'warm'])")
    tiers = [tier_of[label.lower()] for label in distinct]
    if len(set(tiers)) < len(tiers):
        raise ValueError(f"the labels {distinct} hold two names of one tier: give the order")
    return tuple(label for _, label in sorted(zip(tiers, distinct, strict=True)))


def read_codes(path: str | Path, *, order: Sequence[str] | None = None) -> Codes:
    """Read a codes CSV (columns file and label; leading ``#`` lines are comments).

    Args:
        path: the CSV file.
        order: the category labels, lowest first (default: inferred from common names, see
            :data:`ORDER_TIERS`); ignored when every label is a number.

    Raises:
        ValueError: a missing column, a file coded twice, a label not in ``order``, or fewer
            than two distinct codes.
    """
    table = read_lexicon(path)
    missing = [c for c in ("file", "label") if c not in table.columns]
    if missing:
        raise ValueError(f"{path}: the codes have no {missing} column")
    table = table.assign(file=table["file"].str.strip(), label=table["label"].str.strip())
    table = table[(table["file"] != "") & (table["label"] != "")][["file", "label"]]
    repeated = sorted(set(table["file"][table["file"].duplicated()]))
    if repeated:
        raise ValueError(f"{path}: files coded more than once: {repeated}")
    numbers = pd.to_numeric(table["label"], errors="coerce")
    if numbers.notna().all():
        categories = None
        table["code"] = numbers.astype(float)
    else:
        categories = tuple(order) if order is not None else infer_order(list(table["label"]))
        rank = {label.lower(): i for i, label in enumerate(categories)}
        unknown = sorted({label for label in table["label"] if label.lower() not in rank})
        if unknown:
            raise ValueError(f"{path}: labels {unknown} are not in the order {list(categories)}")
        table["code"] = table["label"].str.lower().map(rank).astype(float)
    if table["code"].nunique() < 2:
        raise ValueError(f"{path}: the codes need at least two different labels")
    return Codes(table.reset_index(drop=True), categories)


def auc(scores: Sequence[float] | np.ndarray, positive: Sequence[bool] | np.ndarray) -> float:
    """The area under the ROC curve by the Mann-Whitney formula (ties count half).

    Args:
        scores: one score per document.
        positive: whether each document is of the positive (highest) class.

    Returns:
        (sum of the positives' ranks - n1 (n1 + 1) / 2) / (n1 n0), ranks averaged over ties;
        NaN when a class is empty.
    """
    values = np.asarray(scores, dtype=float)
    is_positive = np.asarray(positive, dtype=bool)
    n1, n0 = int(is_positive.sum()), int((~is_positive).sum())
    if n1 == 0 or n0 == 0:
        return float("nan")
    ranks = pd.Series(values).rank(method="average").to_numpy()
    u = ranks[is_positive].sum() - n1 * (n1 + 1) / 2
    return float(u / (n1 * n0))


def spearman(x: Sequence[float] | np.ndarray, y: Sequence[float] | np.ndarray) -> float:
    """Spearman's rank correlation: Pearson's correlation of average ranks (NaN if constant)."""
    rx = pd.Series(np.asarray(x, dtype=float)).rank(method="average").to_numpy()
    ry = pd.Series(np.asarray(y, dtype=float)).rank(method="average").to_numpy()
    if len(rx) < 2 or rx.std() == 0 or ry.std() == 0:
        return float("nan")
    return float(np.corrcoef(rx, ry)[0, 1])


def match_codes(documents: pd.DataFrame, codes: Codes) -> tuple[pd.DataFrame, list[str]]:
    """The documents that are coded, with their label and code.

    A code's file matches a document's file exactly, or else by file name alone when that name
    is unique among the documents.

    Returns:
        The coded documents (their columns plus label and code) and the coded files that match
        no document.
    """
    names = documents["file"].astype(str).map(lambda f: PurePosixPath(f).name)
    unique = names[~names.duplicated(keep=False)]
    by_name = dict(zip(unique, documents.loc[unique.index, "file"], strict=True))
    exact = set(documents["file"].astype(str))
    target = [f if f in exact else by_name.get(PurePosixPath(f).name) for f in
              codes.table["file"]]
    table = codes.table.assign(_file=target)
    unmatched = table.loc[table["_file"].isna(), "file"].tolist()
    labelled = table.dropna(subset=["_file"])[["_file", "label", "code"]]
    coded = documents.merge(labelled.rename(columns={"_file": "file"}), on="file")
    return coded.reset_index(drop=True), unmatched


@dataclass(frozen=True)
class Validation:
    """The agreement of each measure with the codes.

    Attributes:
        table: one row per measure: measure, statistic (the lead one: AUC for categories,
            Spearman for numbers), value, low, high, n_docs (the documents it rests on), then
            auc, auc_low, auc_high, n_auc and spearman, spearman_low, spearman_high, n_ranked.
        disagreements: per measure the documents where measure and code disagree most.
        categories: the ordered labels (None for numeric codes).
        n_coded: coded files; unmatched: the coded files found in no document.
    """

    table: pd.DataFrame
    disagreements: pd.DataFrame
    categories: tuple[str, ...] | None
    n_coded: int
    unmatched: list[str]


def _interval(replicates: np.ndarray, level: float) -> tuple[float, float]:
    kept = replicates[~np.isnan(replicates)]
    if len(kept) == 0:
        return float("nan"), float("nan")
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(kept, [tail, 100 - tail])
    return float(low), float(high)


def _disagreements(coded: pd.DataFrame, measure: str, *, n: int) -> pd.DataFrame:
    frame = coded.dropna(subset=[measure])
    measure_rank = frame[measure].rank(pct=True, method="average")
    code_rank = frame["code"].rank(pct=True, method="average")
    gap = measure_rank - code_rank
    table = pd.DataFrame({
        "measure": measure, "doc_id": frame.get("doc_id"), "file": frame["file"],
        "label": frame["label"], "value": frame[measure],
        "measure_rank": measure_rank, "code_rank": code_rank, "gap": gap,
        "direction": np.where(gap > 0, "measure ranks it above its code",
                              "measure ranks it below its code"),
    })
    order = table["gap"].abs().sort_values(ascending=False, kind="stable").index
    return table.loc[order].head(n)


def validate_measures(
    documents_table: pd.DataFrame,
    codes: Codes,
    *,
    measures: Sequence[str],
    n_boot: int = N_BOOT,
    level: float = LEVEL,
    seed: int = 0,
    n_disagreements: int = 3,
) -> Validation:
    """How well each document measure ranks the coded documents.

    Args:
        documents_table: one row per document with ``file`` and the measure columns.
        codes: from :func:`read_codes` (only read here: the measures are computed before).
        measures: the measure columns to validate.
        n_boot: bootstrap replicates (documents drawn with replacement; a replicate without
            both extreme categories is skipped for the AUC).
        level: the interval's coverage.
        seed: the random seed.
        n_disagreements: documents listed per measure.

    Returns:
        A :class:`Validation`.
    """
    coded, unmatched = match_codes(documents_table, codes)
    rng = np.random.default_rng(seed)
    rows, disagreements = [], []
    for measure in measures:
        frame = coded.dropna(subset=[measure])
        values, code = frame[measure].to_numpy(float), frame["code"].to_numpy(float)
        draws = rng.integers(0, len(frame), size=(n_boot, len(frame))) if len(frame) else None
        row: dict[str, object] = {"measure": measure}
        rho = spearman(values, code)
        rho_boot = (np.array([spearman(values[i], code[i]) for i in draws])
                    if draws is not None else np.array([]))
        row.update(spearman=rho, n_ranked=len(frame))
        row["spearman_low"], row["spearman_high"] = _interval(rho_boot, level)
        if codes.categories is None:
            row.update(auc=np.nan, auc_low=np.nan, auc_high=np.nan, n_auc=0)
        else:
            extreme = np.isin(code, [code.min(), code.max()]) if len(code) else code.astype(bool)
            ends, top = values[extreme], code[extreme] == code.max()
            boot = (np.array([auc(ends[i], top[i]) for i in
                              rng.integers(0, len(ends), size=(n_boot, len(ends)))])
                    if len(ends) else np.array([]))
            row.update(auc=auc(ends, top), n_auc=int(extreme.sum()))
            row["auc_low"], row["auc_high"] = _interval(boot, level)
        lead = SPEARMAN if codes.categories is None else AUC
        key = lead.lower()
        row.update(statistic=lead, value=row[key], low=row[f"{key}_low"],
                   high=row[f"{key}_high"],
                   n_docs=row["n_ranked"] if lead == SPEARMAN else row["n_auc"])
        rows.append(row)
        disagreements.append(_disagreements(coded, measure, n=n_disagreements))
    columns = ["measure", "statistic", "value", "low", "high", "n_docs", "auc", "auc_low",
               "auc_high", "n_auc", "spearman", "spearman_low", "spearman_high", "n_ranked"]
    table = pd.DataFrame(rows, columns=columns)
    disagreed = (pd.concat(disagreements, ignore_index=True) if disagreements
                 else pd.DataFrame())
    return Validation(table, disagreed, codes.categories, len(codes.table), unmatched)


@dataclass(frozen=True)
class Recommendation:
    """Which measure to lead with, and how far to trust the choice.

    Attributes:
        measure: the measure with the highest lower interval bound (ties: the higher value).
        statistic, value, low, high, n_docs: its validation figures.
        too_small: fewer than ``min_docs`` coded documents were matched to the measure: the
            check is too small to trust.
        runner_up: the next measure, or "" if there is none.
    """

    measure: str
    statistic: str
    value: float
    low: float
    high: float
    n_docs: int
    too_small: bool
    runner_up: str


def recommend_measure(validation: Validation, *, min_docs: int = MIN_CODED,
                      among: Sequence[str] | None = None) -> Recommendation:
    """The measure to lead with: the highest lower bound of the lead statistic.

    Args:
        validation: from :func:`validate_measures`.
        min_docs: below this many coded documents behind the measure, ``too_small`` is set.
        among: the measures a report can lead with (default: every measure validated).

    Raises:
        ValueError: no measure has a value.
    """
    table = validation.table.dropna(subset=["value"])
    if among is not None:
        table = table[table["measure"].isin(list(among))]
    if table.empty:
        raise ValueError("no measure could be validated against the codes")
    ranked = table.assign(_low=table["low"].fillna(-np.inf)).sort_values(
        ["_low", "value"], ascending=False, kind="stable")
    best = ranked.iloc[0]
    return Recommendation(
        measure=str(best["measure"]), statistic=str(best["statistic"]),
        value=float(best["value"]), low=float(best["low"]), high=float(best["high"]),
        n_docs=int(best["n_docs"]), too_small=int(best["n_ranked"]) < min_docs,
        runner_up=str(ranked.iloc[1]["measure"]) if len(ranked) > 1 else "",
    )


def lead_measure(recommendation: Recommendation | None, *, default: str) -> str:
    """The measure a report leads with: the recommended one when the check can be trusted
    (enough coded documents), else ``default``."""
    if recommendation is None or recommendation.too_small:
        return default
    return recommendation.measure


def disagreement_evidence(
    disagreements: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    columns: Mapping[str, str],
) -> pd.DataFrame:
    """The sentence behind each disagreement: the one that pulled the document's measure most in
    the direction of the disagreement (up when the measure ranks the document above its code,
    down when below). A sentence's pull is its score times its words, its weight in the
    document's mean.

    Args:
        disagreements: :attr:`Validation.disagreements` (measure, doc_id, gap...).
        sentences: scored sentences with doc_id, sent_idx, text, n_words and the sentence
            columns named in ``columns``.
        columns: document measure -> the sentence column it averages (measures not named
            here get no evidence).

    Returns:
        ``disagreements`` with sent_idx, sentence (its text) and sentence_score ("" and NaN
        where no sentence pulls that way).
    """
    weights = sentence_weights(sentences)
    rows = []
    for row in disagreements.itertuples(index=False):
        column = columns.get(row.measure)
        found = {"sent_idx": np.nan, "sentence": "", "sentence_score": np.nan}
        if column is not None:
            own = sentences["doc_id"] == row.doc_id
            pull = (sentences.loc[own, column] * weights[own]).dropna()
            pull = pull[pull > 0] if row.gap > 0 else -pull[pull < 0]
            if len(pull):
                best = sentences.loc[pull.idxmax()]
                found = {"sent_idx": best["sent_idx"], "sentence": best["text"],
                         "sentence_score": float(best[column])}
        rows.append(found)
    extra = pd.DataFrame(rows, columns=["sent_idx", "sentence", "sentence_score"],
                         index=disagreements.index)
    return pd.concat([disagreements, extra], axis=1).reset_index(drop=True)
