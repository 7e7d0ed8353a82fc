"""The sentence scores: an analyser is skipped only on a sentence it would score neutral, so
the rows are exactly those of calling TextBlob's pattern analyser and VADER on every sentence."""

from __future__ import annotations

import pytest

from helpers.corpus import scoring


def library_row(text: str) -> tuple:
    """The row of :data:`scoring.SCORE_COLUMNS` from calling both analysers on ``text``."""
    result = scoring._pattern()(text)
    vader = scoring._vader().polarity_scores(text)
    return (result[0], result[1], scoring.format_assessments(result.assessments),
            vader["compound"], vader["pos"], vader["neu"], vader["neg"])


# (sentence, pattern called, VADER called): the gates are conservative (a look-alike may
# open one: the row is then the analyser's own), never the other way round.
GATES = [
    ("The delegation arrived in the capital on Tuesday for the talks.", False, False),
    ("Hun Manet met Li Qiang in Beijing on 12 May 2024.", False, False),
    ("The two leaders hailed their excellent, friendly and fruitful partnership.", True, True),
    ("Critics condemned the terrible deal.", True, True),
    ("The board met at the top of the hour.", True, True),
    # pattern cuts a word before the "n't" of a contraction: the word may be scored
    ("The minister wasn't happy.", True, True),
    ("The offer was goodn't at all.", True, False),
    # a lexicon word written with an apostrophe is never one of pattern's tokens; it opens
    # the gate all the same (a look-alike)
    ("It isn't over.", True, False),
    ("They can't.", True, False),
    # words of the pattern lexicon with a hyphen or an inner star, and their look-alikes
    ("The plan is over-the-top.", True, False),
    ("Prices rose across-the-board.", True, False),
    ("The board agreed prices across the board.", False, True),
    ("It is a 13th-century temple.", True, False),
    ("That f*cking deal.", True, False),
    # emoticons and pattern's sarcasm mark, in a sentence without lexicon words
    ("We met them :) in town.", True, True),
    ("We met them : ) in town.", True, False),
    ("They met (!) in town.", True, False),
    ("Trade grew in 2018) and 2019.", True, False),
    ("See https://example.com/page for the text.", True, False),
    # VADER's emoji, a word it reads once punctuation is stripped, a short word kept whole
    ("The delegation arrived \U0001F600 on Tuesday.", False, True),
    ('"Support," he said.', False, True),
    ("\u201cSupport,\u201d he said.", False, False),
    ("NO!", False, True),
    ("Kind of the end.", True, True),
    ("", False, True),
]


@pytest.mark.parametrize(("text", "pattern_called", "vader_called"), GATES)
def test_gates_skip_only_neutral_sentences(text: str, pattern_called: bool,
                                           vader_called: bool) -> None:
    gates = scoring._gates()
    lower = text.lower()
    assert gates.pattern_may_score(lower) is pattern_called
    assert gates.vader_may_score(text, lower) is vader_called
    row = library_row(text)
    if not pattern_called:
        assert row[:3] == scoring.PATTERN_NEUTRAL
    if not vader_called:
        assert row[3:] == scoring.VADER_NEUTRAL
    assert scoring.score_rows([text]) == [row]


def test_rows_equal_the_analysers_on_every_sentence() -> None:
    texts = [text for text, *_ in GATES] + [
        "It was not very bad at all!", "Not a good deal (!) for anyone.",
        "They said: \u201cThis isn't a good deal.\u201d", "A GREAT day, but a sad one.",
        "Never so good.", "At least it isn't a horrible book.", "WELL-OFF families :-)",
    ]
    assert scoring.score_rows(texts) == [library_row(text) for text in texts]
