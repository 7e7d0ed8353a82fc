"""Content words and phrases counted per document, their rates, and how the rates move.

Shared by keyness (:mod:`helpers.analysis.keyness`) and discovered topics
(:mod:`helpers.analysis.topics`): the token pattern and stop words; per-document counts
(:func:`count_terms`); rates per 1,000 words and their least-squares slope across time bins;
and the emerging and fading terms (:func:`term_trends`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

# Words of two or more letters (no digits): "Covid-19" counts as "covid".
TOKEN_PATTERN = r"(?u)\b[^\W\d_]{2,}\b"
# News-reporting words that carry no subject, added to scikit-learn's English stop words.
NEWS_STOP_WORDS = frozenset(
    {"said", "says", "say", "saying", "told", "mr", "ms", "mrs", "according"}
)
STOP_WORDS = sorted(ENGLISH_STOP_WORDS | NEWS_STOP_WORDS)


def per_1000(count: pd.Series | np.ndarray, words: pd.Series | np.ndarray | float) -> np.ndarray:
    """Occurrences per 1,000 words (0 where there are no words)."""
    count = np.asarray(count, dtype=float)
    words = np.asarray(words, dtype=float)
    return np.divide(count * 1000, words, out=np.zeros_like(count), where=words > 0)


def rate_slopes(periods: pd.PeriodIndex, rates: np.ndarray) -> np.ndarray:
    """Least-squares slope of each column of ``rates`` (bins x items) against the period axis.

    The x axis is the periods' ordinal, so a gap of empty bins counts as time passing.
    Returns zeros when there are fewer than two bins.
    """
    x = np.asarray(periods.asi8, dtype=float)
    if len(x) < 2:
        return np.zeros(rates.shape[1])
    centred = x - x.mean()
    return centred @ (rates - rates.mean(axis=0)) / float(centred @ centred)


@dataclass
class TermCounts:
    """Counts of content words and phrases per document, with each document's size in words."""

    doc_ids: pd.Index
    terms: np.ndarray
    matrix: sparse.csr_matrix  # documents x terms
    n_words: np.ndarray  # word tokens per document, stop words included

    def counts(self, mask: np.ndarray) -> tuple[np.ndarray, int]:
        """Total count of each term, and total words, over the documents selected by ``mask``."""
        selected = np.asarray(mask, dtype=bool)
        return np.asarray(self.matrix[selected].sum(axis=0)).ravel(), int(
            self.n_words[selected].sum()
        )


def count_terms(
    documents: pd.DataFrame,
    *,
    text_column: str = "clean_text",
    ngram_range: tuple[int, int] = (1, 2),
    max_terms: int = 50_000,
) -> TermCounts:
    """Count content words and phrases (English and news stop words removed) per document.

    Terms seen in one document only are dropped once the corpus has 50 documents or more.

    Args:
        documents: a table with doc_id and the text column.
        text_column: which text to count.
        ngram_range: phrase lengths counted, in words.
        max_terms: keep at most this many terms (the most frequent).

    Returns:
        A :class:`TermCounts`.
    """
    texts = documents[text_column].fillna("").astype(str)
    vectorizer = CountVectorizer(
        token_pattern=TOKEN_PATTERN,
        stop_words=STOP_WORDS,
        ngram_range=ngram_range,
        min_df=1 if len(texts) < 50 else 2,
        max_features=max_terms,
        dtype=np.int64,
    )
    try:
        matrix = vectorizer.fit_transform(texts)
        terms = vectorizer.get_feature_names_out()
    except ValueError:  # no content words at all
        matrix, terms = (
            sparse.csr_matrix((len(texts), 0), dtype=np.int64),
            np.array([], dtype=object),
        )
    token = re.compile(TOKEN_PATTERN)
    n_words = np.array([len(token.findall(text)) for text in texts], dtype=np.int64)
    return TermCounts(pd.Index(documents["doc_id"]), terms, sparse.csr_matrix(matrix), n_words)


def term_trends(
    counts: TermCounts,
    periods: pd.Series,
    *,
    min_count: int = 5,
    min_docs: int = 2,
    top: int = 10,
) -> pd.DataFrame:
    """The terms whose rate per 1,000 words rises (emerging) or falls (fading) most over time.

    Args:
        counts: from :func:`count_terms`.
        periods: each document's time bin, indexed by doc_id (NaT documents are left out).
        min_count: a term needs at least this many occurrences in the dated documents...
        min_docs: ...and to appear in at least this many documents.
        top: how many emerging and how many fading terms to return.

    Returns:
        Up to ``top`` emerging then ``top`` fading terms: term, trend, slope (rate per 1,000
        words per bin), rate_first, rate_last (in the first and last bins), count, n_docs.
    """
    columns = ["term", "trend", "slope", "rate_first", "rate_last", "count", "n_docs"]
    bins = periods.reindex(counts.doc_ids)
    has_bin = bins.notna().to_numpy()
    if not has_bin.any() or bins[has_bin].nunique() < 2 or counts.matrix.shape[1] == 0:
        return pd.DataFrame(columns=columns)
    codes, uniques = pd.factorize(bins[has_bin], sort=True)
    matrix = counts.matrix[has_bin]
    membership = sparse.csr_matrix(
        (np.ones(len(codes)), (codes, np.arange(len(codes)))), shape=(len(uniques), len(codes))
    )
    per_bin = np.asarray((membership @ matrix).todense(), dtype=float)
    words = membership @ counts.n_words[has_bin].astype(float)
    total = np.asarray(matrix.sum(axis=0)).ravel()
    n_docs = np.asarray((matrix > 0).sum(axis=0)).ravel()
    eligible = (total >= min_count) & (n_docs >= min_docs)
    if not eligible.any():
        return pd.DataFrame(columns=columns)
    rates = per_bin[:, eligible] / np.maximum(words, 1)[:, None] * 1000
    table = pd.DataFrame(
        {
            "term": counts.terms[eligible],
            "slope": rate_slopes(pd.PeriodIndex(uniques), rates),
            "rate_first": rates[0],
            "rate_last": rates[-1],
            "count": total[eligible],
            "n_docs": n_docs[eligible],
        }
    )
    emerging = table[table["slope"] > 0].nlargest(top, ["slope", "count"]).assign(trend="emerging")
    fading = table[table["slope"] < 0].nsmallest(top, ["slope"]).assign(trend="fading")
    return pd.concat([emerging, fading], ignore_index=True)[columns]
