"""Score sentences with two offline sentiment lexicons: TextBlob's pattern analyser and VADER.

This is the per-document scoring the analysis pipeline runs (and caches); it is kept apart
from :mod:`helpers.analysis.sentiment`, which aggregates and plots the scores, so that the pipeline
loads no plotting library and a change to the report code does not invalidate the cache.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

import pandas as pd

SCORE_COLUMNS = [
    "tb_polarity", "tb_subjectivity", "tb_assessments",
    "vader_compound", "vader_pos", "vader_neu", "vader_neg",
]


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=1)
def _pattern():
    # The analyser behind TextBlob(text).sentiment_assessments, called once per sentence:
    # TextBlob's wrapper runs it twice (once for the scores, once for the assessments).
    from textblob.en import sentiment

    return sentiment


def format_assessments(assessments: Iterable[tuple]) -> str:
    """Write TextBlob's assessments compactly: ``"strong:+0.43; not very bad:+0.27"``.

    Args:
        assessments: (words, polarity, subjectivity, label) tuples from the pattern analyser.

    Returns:
        One ``phrase:polarity`` item per assessment, ``"; "``-separated ("" for none).
    """
    return "; ".join([f"{' '.join(words).replace(';', ',')}:{polarity:+.2f}"
                      for words, polarity, *_ in assessments])


def parse_assessments(text: str) -> list[tuple[str, float]]:
    """Read back a string written by :func:`format_assessments` as (phrase, polarity) pairs."""
    pairs = []
    for item in str(text).split("; "):
        phrase, _, value = item.rpartition(":")
        if phrase:
            pairs.append((phrase, float(value)))
    return pairs


def score_rows(texts: Iterable[str]) -> list[tuple[float, float, str, float, float, float, float]]:
    """Score each sentence with TextBlob (pattern analyser) and VADER: one row of
    :data:`SCORE_COLUMNS` per text, in order (see :func:`score_sentences`)."""
    pattern, vader = _pattern(), _vader().polarity_scores
    rows = []
    for text in texts:
        result = pattern(text)
        polarity, subjectivity = result
        scores = vader(text)
        rows.append((polarity, subjectivity, format_assessments(result.assessments),
                     scores["compound"], scores["pos"], scores["neu"], scores["neg"]))
    return rows


def score_sentences(texts: Sequence[str]) -> pd.DataFrame:
    """Score each sentence with TextBlob (pattern analyser) and VADER.

    Args:
        texts: sentences (never whole articles: long texts saturate the scores).

    Returns:
        One row per text, in order, with the columns of :data:`SCORE_COLUMNS`.
    """
    return pd.DataFrame(score_rows(texts), columns=SCORE_COLUMNS)
