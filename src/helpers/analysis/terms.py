"""Content words and phrases counted per document, their rates, and how the rates move.

Shared by keyness (:mod:`helpers.analysis.keyness`) and discovered topics
(:mod:`helpers.analysis.topics`): the token pattern and stop words; per-document counts
(:func:`count_terms`); rates per 1,000 words and their least-squares slope across time bins;
and the emerging and fading terms (:func:`term_trends`).

Every rate per 1,000 words in the reports divides by one word count (:func:`document_words`):
the words of the analysed sentences as ``helpers.corpus.segment.count_words`` counts them
(runs of letters or digits, inner apostrophes and hyphens kept), which is each document's
``n_words`` and the sum of its sentences' ``n_words``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

from helpers.analysis.statistics import (
    MIN_DOCS,
    benjamini_hochberg,
    fisher_two_sided,
    median_split,
    time_evidence,
)
from helpers.analysis.timeline import time_bin
from helpers.corpus.segment import count_words

# Words of two or more letters (no digits): "Covid-19" counts as "covid".
TOKEN_PATTERN = r"(?u)\b[^\W\d_]{2,}\b"
# News-reporting words that carry no subject, added to scikit-learn's English stop words.
NEWS_STOP_WORDS = frozenset(
    {"said", "says", "say", "saying", "told", "mr", "ms", "mrs", "according"}
)
STOP_WORDS = sorted(ENGLISH_STOP_WORDS | NEWS_STOP_WORDS)


def document_words(documents: pd.DataFrame, *, text_column: str = "clean_text") -> np.ndarray:
    """The word count every rate per 1,000 words divides by: each document's ``n_words`` (the
    sum of its analysed sentences' words), or :func:`helpers.corpus.segment.count_words` of
    its text when the table has no ``n_words``."""
    if "n_words" in documents.columns:
        return documents["n_words"].fillna(0).to_numpy(dtype=np.int64)
    texts = documents[text_column].fillna("").astype(str)
    return np.array([count_words(text) for text in texts], dtype=np.int64)


def per_1000(count: pd.Series | np.ndarray, words: pd.Series | np.ndarray | float) -> np.ndarray:
    """Occurrences per 1,000 words (0 where there are no words); the words are those of
    :func:`document_words`."""
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
    n_words: np.ndarray  # words per document (:func:`document_words`), stop words included

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
        A :class:`TermCounts` whose sizes are :func:`document_words`.
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
    return TermCounts(pd.Index(documents["doc_id"]), terms, sparse.csr_matrix(matrix),
                      document_words(documents, text_column=text_column))


TREND_COLUMNS = ["term", "trend", "log_ratio", "rate_early", "rate_late", "docs_early",
                 "docs_late", "p_value", "q_value", "slope", "count", "n_docs"]


def term_trends(
    counts: TermCounts,
    dates: pd.Series,
    *,
    freq: str = "year",
    min_count: int = 5,
    min_docs: int = MIN_DOCS,
    min_term_docs: int = 3,
    alpha: float = 0.05,
    top: int = 10,
) -> pd.DataFrame:
    """The terms used detectably more (emerging) or less (fading) in the later half of the
    dated documents than in the earlier half.

    The dated documents are split at the median date
    (:func:`helpers.analysis.statistics.median_split`). Each term used at least ``min_count``
    times and found in at least ``min_term_docs`` documents of one half is tested: Fisher's
    exact test on the documents that contain it in each half (a document counts once, however
    often it repeats the term), with the Benjamini-Hochberg correction for the number of terms
    tested. A term is emerging when its q-value is below ``alpha``, its rate per 1,000 words is
    higher in the later half and at least ``min_term_docs`` later documents contain it (fading:
    the reverse). Nothing is tested unless each half has ``min_docs`` documents.

    Args:
        counts: from :func:`count_terms`.
        dates: each document's date, indexed by doc_id (undated documents are left out).
        freq: time bins for the descriptive slope column.
        min_count: fewest occurrences in the dated documents for a term to be tested.
        min_docs: fewest dated documents in each half.
        min_term_docs: fewest documents containing the term in the half where it is more
            frequent.
        alpha: false discovery rate.
        top: how many emerging and how many fading terms to return.

    Returns:
        Up to ``top`` emerging then ``top`` fading terms, strongest effect first: term, trend,
        log_ratio (log2 of the later rate over the earlier, a zero count taken as 0.5),
        rate_early, rate_late (per 1,000 words), docs_early, docs_late, p_value, q_value,
        slope (least-squares change in rate per bin across the ``freq`` bins, descriptive),
        count, n_docs. ``attrs["n_tested"]`` holds the number of terms tested.
    """
    empty = pd.DataFrame(columns=TREND_COLUMNS)
    empty.attrs["n_tested"] = 0
    dated = pd.to_datetime(dates.reindex(counts.doc_ids))
    if not time_evidence(dated, min_docs=min_docs).enough or counts.matrix.shape[1] == 0:
        return empty
    split = median_split(dated)
    late = (dated >= split).to_numpy()
    early = (dated < split).to_numpy()
    matrix = counts.matrix.tocsr()
    present = (matrix > 0).astype(np.int64)
    count_e, words_e = counts.counts(early)
    count_l, words_l = counts.counts(late)
    docs_e = np.asarray(present[early].sum(axis=0)).ravel()
    docs_l = np.asarray(present[late].sum(axis=0)).ravel()
    eligible = ((count_e + count_l) >= min_count) & (np.maximum(docs_e, docs_l) >= min_term_docs)
    if not eligible.any():
        return empty
    rate_e = per_1000(count_e[eligible], words_e)
    rate_l = per_1000(count_l[eligible], words_l)
    p_values = fisher_two_sided(docs_e[eligible], int(early.sum()), docs_l[eligible],
                                int(late.sum()))
    q_values = benjamini_hochberg(p_values)
    ratio = np.log2((np.where(count_l[eligible] > 0, count_l[eligible], 0.5) / max(words_l, 1))
                    / (np.where(count_e[eligible] > 0, count_e[eligible], 0.5) / max(words_e, 1)))
    has_date = dated.notna().to_numpy()
    codes, uniques = pd.factorize(time_bin(dated[has_date], freq), sort=True)
    membership = sparse.csr_matrix(
        (np.ones(len(codes)), (codes, np.arange(len(codes)))), shape=(len(uniques), len(codes)))
    per_bin = np.asarray((membership @ matrix[has_date][:, eligible]).todense(), dtype=float)
    words = membership @ counts.n_words[has_date].astype(float)
    table = pd.DataFrame({
        "term": counts.terms[eligible],
        "log_ratio": ratio,
        "rate_early": rate_e,
        "rate_late": rate_l,
        "docs_early": docs_e[eligible],
        "docs_late": docs_l[eligible],
        "p_value": p_values,
        "q_value": q_values,
        "slope": rate_slopes(pd.PeriodIndex(uniques), per_bin / np.maximum(words, 1)[:, None]
                             * 1000),
        "count": (count_e + count_l)[eligible],
        "n_docs": (docs_e + docs_l)[eligible],
    })
    detected = table["q_value"] < alpha
    emerging = table[detected & (table["rate_late"] > table["rate_early"])
                     & (table["docs_late"] >= min_term_docs)]
    fading = table[detected & (table["rate_late"] < table["rate_early"])
                   & (table["docs_early"] >= min_term_docs)]
    result = pd.concat([
        emerging.sort_values(["log_ratio", "term"], ascending=[False, True]).head(top)
        .assign(trend="emerging"),
        fading.sort_values(["log_ratio", "term"]).head(top).assign(trend="fading"),
    ], ignore_index=True)[TREND_COLUMNS]
    result.attrs["n_tested"] = int(eligible.sum())
    return result
