"""Score sentences with two offline sentiment lexicons: TextBlob's pattern analyser and VADER.

This is the per-document scoring the analysis pipeline runs (and caches); it is kept apart
from :mod:`helpers.analysis.sentiment`, which aggregates and plots the scores, so that the pipeline
loads no plotting library and a change to the report code does not invalidate the cache.

Most sentences of news have no word of one lexicon or the other, and an analyser scores such a
sentence exactly neutral. Each analyser is therefore called only when a quick, conservative
test on the sentence (see :class:`_Gates`) says that it may find something; the test never
skips a sentence the analyser would score, so the scores are the analysers' own.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat

import pandas as pd

SCORE_COLUMNS = [
    "tb_polarity", "tb_subjectivity", "tb_assessments",
    "vader_compound", "vader_pos", "vader_neu", "vader_neg",
]
ScoreRow = tuple[float, float, str, float, float, float, float]
# What each analyser returns for a sentence with none of its words (nor any emoticon or
# emoji): pattern's (polarity, subjectivity, assessments); VADER's (compound, pos, neu, neg).
PATTERN_NEUTRAL = (0.0, 0.0, "")
VADER_NEUTRAL = (0.0, 0.0, 1.0, 0.0)
# Runs of letters and digits: the pieces a word of the pattern lexicon is made of.
_RUN = re.compile(r"[^\W_]+")


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


@dataclass(frozen=True)
class _Gates:
    """What a sentence must hold for an analyser to score it other than neutral.

    Pattern (``textblob._text.Sentiment``) scores only its tokens that are lexicon words,
    the sarcasm mark "(!)" and emoticons: with none, it returns (0.0, 0.0, []). Its tokens
    are pieces of the sentence cut at spaces, quotes and punctuation, and before the "n't"
    of a contraction; so the last run of letters and digits of a lexicon word that is a
    token is a whole run of the lower-cased sentence, or that run less the "n" of "n't", and
    the word itself is part of the lower-cased sentence.
    VADER gives a word a valence only when the word (its token, less leading and trailing
    punctuation when more than two characters remain) is in its lexicon, after replacing
    emoji by their descriptions: with none, every valence is 0 and the scores are
    (0.0, 0.0, 1.0, 0.0).
    """

    pattern_runs: frozenset[str]  # the lexicon's words of one run, and each + "n"
    pattern_compounds: dict[str, tuple[str, ...]]  # its other words by last run (and + "n")
    pattern_marks: re.Pattern[str]  # emoticons and "(!)", in lower case
    vader_words: frozenset[str]
    vader_emoji: frozenset[str]  # the characters VADER replaces by a description

    def pattern_may_score(self, lower: str) -> bool:
        """Whether pattern may score the sentence whose lower-cased text is ``lower``."""
        runs = _RUN.findall(lower)
        return (not self.pattern_runs.isdisjoint(runs)
                or any(word in lower for run in self.pattern_compounds.keys() & runs
                       for word in self.pattern_compounds[run])
                or self.pattern_marks.search("".join(lower.split())) is not None)

    def vader_may_score(self, text: str, lower: str) -> bool:
        """Whether VADER may score ``text`` (``lower`` is it in lower case)."""
        tokens = lower.split()
        return (not tokens or not self.vader_emoji.isdisjoint(text)
                or not self.vader_words.isdisjoint(tokens)
                or not self.vader_words.isdisjoint(map(str.strip, tokens,
                                                       repeat(string.punctuation))))


@lru_cache(maxsize=1)
def _gates() -> _Gates:
    from textblob._text import EMOTICONS, EOS

    words = [word for word in _pattern().keys() if not any(c.isspace() for c in word)]
    one_run = {word for word in words if _RUN.fullmatch(word)}
    by_last_run: dict[str, list[str]] = {}
    for word in words:
        runs = _RUN.findall(word)
        if runs and word not in one_run:
            by_last_run.setdefault(runs[-1], []).append(word)
            by_last_run.setdefault(runs[-1] + "n", []).append(word)
    marks = {mark.lower() for group in EMOTICONS.values() for mark in group} | {"(!)"}
    marks_pattern = "|".join(map(re.escape, sorted(marks, key=len, reverse=True)))
    if "n" in one_run | by_last_run.keys() or EOS.lower() in words or any(
            not _RUN.search(word) for word in words):
        marks_pattern = ""  # a lexicon the reasoning does not cover: "" finds every sentence
    vader = _vader()
    return _Gates(
        pattern_runs=frozenset(one_run | {word + "n" for word in one_run}),
        pattern_compounds={run: tuple(words) for run, words in by_last_run.items()},
        pattern_marks=re.compile(marks_pattern),
        vader_words=frozenset(vader.lexicon),
        vader_emoji=frozenset(emoji for emoji in vader.emojis if len(emoji) == 1),
    )


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


def score_rows(texts: Iterable[str]) -> list[ScoreRow]:
    """Score each sentence with TextBlob (pattern analyser) and VADER: one row of
    :data:`SCORE_COLUMNS` per text, in order (see :func:`score_sentences`). An analyser is
    not called on a sentence that its gate (:class:`_Gates`) shows it would score neutral."""
    pattern, vader, gates = _pattern(), _vader().polarity_scores, _gates()
    rows = []
    for text in texts:
        lower = text.lower()
        if gates.pattern_may_score(lower):
            result = pattern(text)
            polarity, subjectivity = result
            pattern_scores = (polarity, subjectivity, format_assessments(result.assessments))
        else:
            pattern_scores = PATTERN_NEUTRAL
        if gates.vader_may_score(text, lower):
            scores = vader(text)
            vader_scores = (scores["compound"], scores["pos"], scores["neu"], scores["neg"])
        else:
            vader_scores = VADER_NEUTRAL
        rows.append(pattern_scores + vader_scores)
    return rows


def score_sentences(texts: Sequence[str]) -> pd.DataFrame:
    """Score each sentence with TextBlob (pattern analyser) and VADER.

    Args:
        texts: sentences (never whole articles: long texts saturate the scores).

    Returns:
        One row per text, in order, with the columns of :data:`SCORE_COLUMNS`.
    """
    return pd.DataFrame(score_rows(texts), columns=SCORE_COLUMNS)
