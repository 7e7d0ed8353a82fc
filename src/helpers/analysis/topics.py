"""Discovered topics: NMF on TF-IDF of words and two-word phrases.

Useful once a corpus has dozens of documents; on a handful it only groups articles. The number
of topics is given or chosen from the corpus size (:func:`choose_n_topics`), and each document
is a mix of topics whose shares sum to 1.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.optimize import linear_sum_assignment
from sklearn.decomposition import NMF
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer

from helpers.analysis.terms import STOP_WORDS, TOKEN_PATTERN

# Auto topic choice: corpora smaller than this get round(sqrt(n_docs)) topics.
SMALL_CORPUS_DOCS = 30
# Auto topic choice on larger corpora: the stability check uses at most this many documents.
STABILITY_SAMPLE_DOCS = 500


@dataclass
class TopicModel:
    """An NMF topic model of a corpus, summarised for reports."""

    n_topics: int
    labels: list[str]
    top_terms: pd.DataFrame  # topic, label, rank, term, weight
    doc_topics: pd.DataFrame  # index doc_id, one column per topic label; rows sum to 1 (or 0)
    n_docs: int
    n_terms: int
    rule: str  # how the number of topics was chosen
    stability: dict[int, float] = field(default_factory=dict)  # k -> stability, when computed


def vectorizer_settings(n_docs: int) -> dict[str, float | int]:
    """TF-IDF document-frequency bounds adapted to corpus size.

    Terms must appear in 1 document below 20 documents, 2 below 500 and 5 from there on;
    terms in more than 90% of documents are dropped (80% from 100 documents), except with
    one or two documents where nothing could remain.
    """
    min_df = 1 if n_docs < 20 else 2 if n_docs < 500 else 5
    max_df = 1.0 if n_docs <= 2 else 0.9 if n_docs < 100 else 0.8
    return {"min_df": min_df, "max_df": max_df}


def _tfidf(
    texts: pd.Series, *, ngram_range: tuple[int, int], max_terms: int
) -> tuple[sparse.csr_matrix, np.ndarray]:
    for settings in (vectorizer_settings(len(texts)), {"min_df": 1, "max_df": 1.0}):
        vectorizer = TfidfVectorizer(
            token_pattern=TOKEN_PATTERN,
            stop_words=STOP_WORDS,
            ngram_range=ngram_range,
            sublinear_tf=True,
            max_features=max_terms,
            **settings,
        )
        try:
            return vectorizer.fit_transform(texts), vectorizer.get_feature_names_out()
        except ValueError:  # pruning left no terms: retry unpruned
            continue
    return sparse.csr_matrix((len(texts), 0)), np.array([], dtype=object)


def _nmf(matrix: sparse.csr_matrix, n_topics: int, random_state: int) -> NMF:
    """Fit NMF from a deterministic NNDSVDa start; an unconverged fit is kept as it stands.

    Stops when the error improves by less than 0.1% (or after 300 iterations): finer
    convergence does not change the top terms a report shows. Warnings are silenced for the
    same reason, and for rounding noise in the error of a one-document fit.
    """
    model = NMF(
        n_components=n_topics, init="nndsvda", random_state=random_state, tol=1e-3, max_iter=300
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        warnings.simplefilter("ignore", RuntimeWarning)
        model.fit(matrix)
    return model


def _top_term_sets(components: np.ndarray, terms: np.ndarray, n: int = 10) -> list[set[str]]:
    return [set(terms[np.argsort(row)[::-1][:n]]) for row in components]


def topic_stability(
    matrix: sparse.csr_matrix,
    terms: np.ndarray,
    n_topics: int,
    *,
    random_state: int = 0,
    runs: int = 2,
) -> float:
    """How reproducible ``n_topics`` topics are (Greene, O'Callaghan & Cunningham, 2014).

    The model fitted on all documents is compared with models fitted on random 80% samples:
    topics are paired by the Hungarian method on the Jaccard overlap of their top 10 terms,
    and the mean overlap of the pairs is averaged over the runs (1 = identical topics).
    """
    reference = _top_term_sets(_nmf(matrix, n_topics, random_state).components_, terms)
    rng = np.random.default_rng(random_state)
    scores = []
    for _ in range(runs):
        rows = rng.choice(
            matrix.shape[0], size=max(n_topics, int(0.8 * matrix.shape[0])), replace=False
        )
        sample = _top_term_sets(
            _nmf(matrix[np.sort(rows)], n_topics, random_state).components_, terms
        )
        overlap = np.array([[len(r & s) / len(r | s) for s in sample] for r in reference])
        pair_rows, pair_cols = linear_sum_assignment(-overlap)
        scores.append(float(overlap[pair_rows, pair_cols].mean()))
    return float(np.mean(scores))


def choose_n_topics(
    matrix: sparse.csr_matrix, terms: np.ndarray, *, random_state: int = 0
) -> tuple[int, str, dict[int, float]]:
    """The automatic number of topics, the rule used, and the stability of each candidate.

    Below 30 documents: round(sqrt(n_docs)), at least 1 (2 topics for 5 documents), since a
    topic needs several documents to mean anything. From 30 documents: candidates from 2 to
    min(12, n_docs // 10) are scored by :func:`topic_stability` on up to 500 documents, and
    the largest k whose stability is at least 90% of the best is chosen (finer topics are
    preferred as long as they are about as reproducible as the most stable choice).
    """
    n_docs = matrix.shape[0]
    limit = max(1, min(n_docs, matrix.shape[1]))
    if n_docs < SMALL_CORPUS_DOCS:
        k = min(limit, max(1, round(np.sqrt(n_docs))))
        return k, f"automatic: round(sqrt({n_docs} documents)) = {k}", {}
    k_max = max(2, min(12, n_docs // 10, limit))
    candidates = sorted({int(k) for k in np.linspace(2, k_max, num=min(5, k_max - 1)).round()})
    sample = matrix
    if n_docs > STABILITY_SAMPLE_DOCS:
        rows = np.random.default_rng(random_state).choice(
            n_docs, size=STABILITY_SAMPLE_DOCS, replace=False
        )
        sample = matrix[np.sort(rows)]
    stability = {
        k: topic_stability(sample, terms, k, random_state=random_state) for k in candidates
    }
    best = max(stability.values())
    k = max(c for c, score in stability.items() if score >= 0.9 * best)
    rule = (
        f"automatic: most topics among {candidates} whose stability on resamples is within 90% "
        f"of the best ({best:.2f})"
    )
    return k, rule, stability


def _label(terms: Sequence[str], *, n: int = 3) -> str:
    """Up to ``n`` top terms, skipping a term that shares a word with one already chosen."""
    chosen: list[str] = []
    seen: set[str] = set()
    for term in terms:
        words = set(term.split())
        if words & seen:
            continue
        chosen.append(term)
        seen |= words
        if len(chosen) == n:
            break
    return " / ".join(chosen)


def fit_topics(
    documents: pd.DataFrame,
    *,
    text_column: str = "clean_text",
    n_topics: int = 0,
    top_terms: int = 10,
    ngram_range: tuple[int, int] = (1, 2),
    max_terms: int = 20_000,
    random_state: int = 0,
) -> TopicModel:
    """Discover topics with NMF on TF-IDF of words and phrases.

    Args:
        documents: a table with doc_id and the text column.
        text_column: which text to model.
        n_topics: number of topics; 0 chooses automatically (see :func:`choose_n_topics`).
            Never more than the number of documents.
        top_terms: how many terms to keep per topic.
        ngram_range: phrase lengths, in words.
        max_terms: vocabulary size limit (most frequent terms kept).
        random_state: seed for the resampling; NMF itself starts deterministically (NNDSVDa).

    Returns:
        A :class:`TopicModel` (with no topics when the documents have no content words).
    """
    texts = documents[text_column].fillna("").astype(str).reset_index(drop=True)
    doc_ids = pd.Index(documents["doc_id"], name="doc_id")
    matrix, terms = _tfidf(texts, ngram_range=ngram_range, max_terms=max_terms)
    n_docs = len(texts)
    if n_docs == 0 or matrix.shape[1] == 0 or matrix.nnz == 0:
        return TopicModel(
            0,
            [],
            pd.DataFrame(columns=["topic", "label", "rank", "term", "weight"]),
            pd.DataFrame(index=doc_ids),
            n_docs,
            0,
            "no topics: the documents have no content words",
        )
    stability: dict[int, float] = {}
    if n_topics > 0:
        k = min(n_topics, n_docs, matrix.shape[1])
        rule = f"set by the n_topics parameter ({n_topics})"
        if k < n_topics:
            rule += f", capped at {k} by the number of documents or terms"
    else:
        k, rule, stability = choose_n_topics(matrix, terms, random_state=random_state)
    model = _nmf(matrix, k, random_state)
    rows, labels = [], []
    for topic, weights in enumerate(model.components_, start=1):
        order = np.argsort(weights)[::-1][:top_terms]
        label = f"{topic}: {_label(terms[order])}"
        labels.append(label)
        rows.extend(
            {
                "topic": topic,
                "label": label,
                "rank": rank,
                "term": terms[i],
                "weight": float(weights[i]),
            }
            for rank, i in enumerate(order, start=1)
        )
    weights = model.transform(matrix)
    totals = weights.sum(axis=1, keepdims=True)
    shares = np.divide(weights, totals, out=np.zeros_like(weights), where=totals > 0)
    doc_topics = pd.DataFrame(shares, index=doc_ids, columns=labels)
    return TopicModel(
        k,
        labels,
        pd.DataFrame(rows),
        doc_topics,
        n_docs,
        len(terms),
        rule,
        stability,
    )


def topic_profile(doc_topics: pd.DataFrame, labels: pd.Series) -> pd.DataFrame:
    """Mean topic share of the documents in each label (a time bin or a group).

    Args:
        doc_topics: :attr:`TopicModel.doc_topics` (index doc_id).
        labels: a label per doc_id; documents labelled NA are left out.

    Returns:
        One row per label and topic: group, topic, weight (mean share), n_docs.
    """
    groups = labels.reindex(doc_topics.index)
    keep = groups.notna().to_numpy()
    if not keep.any() or doc_topics.shape[1] == 0:
        return pd.DataFrame(columns=["group", "topic", "weight", "n_docs"])
    frame = doc_topics[keep].assign(group=groups[keep].to_numpy())
    grouped = frame.groupby("group")
    means = (
        grouped.mean().reset_index().melt(id_vars="group", var_name="topic", value_name="weight")
    )
    sizes = grouped.size().rename("n_docs")
    return means.join(sizes, on="group").sort_values(["group", "topic"], ignore_index=True)


def topic_terms_table(model: TopicModel, *, n: int = 8) -> pd.DataFrame:
    """One row per topic: its label, top terms and mean share of the documents."""
    if model.n_topics == 0:
        return pd.DataFrame(columns=["topic", "top_terms", "mean_share", "documents_led"])
    leader = model.doc_topics.to_numpy().argmax(axis=1)
    rows = []
    for topic, group in model.top_terms.groupby("topic"):
        label = group["label"].iloc[0]
        rows.append(
            {
                "topic": label,
                "top_terms": ", ".join(group.sort_values("rank")["term"].head(n)),
                "mean_share": float(model.doc_topics[label].mean()),
                "documents_led": int((leader == topic - 1).sum()),
            }
        )
    return pd.DataFrame(rows)
