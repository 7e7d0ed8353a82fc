"""Sentence splitting and word counting, offline, with offsets into the text."""

from __future__ import annotations

import pytest
import syntok.segmenter as syntok_segmenter

from helpers.corpus import segment
from helpers.corpus.segment import count_words, split_sentences

SPLITS = [
    (
        "Mr. Wang met Dr. Li at 3 p.m. in the U.S. on Monday. They agreed.",
        ["Mr. Wang met Dr. Li at 3 p.m. in the U.S. on Monday.", "They agreed."],
    ),
    ("“It is good,” he said. “We agree.”", ["“It is good,” he said.", "“We agree.”"]),
    (
        "First paragraph without a stop\n\nSecond paragraph.",
        ["First paragraph without a stop", "Second paragraph."],
    ),
    (
        "A line that is hard-wrapped\nin the middle of a sentence. Next one.",
        ["A line that is hard-wrapped in the middle of a sentence.", "Next one."],
    ),
    (
        "Line one ends here.\nLine two is a paragraph.",
        ["Line one ends here.", "Line two is a paragraph."],
    ),
    ("", []),
    # a section heading in capitals is no sentence, and does not run into the next line
    ("EXECUTIVE SUMMARY\n• Cambodia has deepened its ties.", ["• Cambodia has deepened its ties."]),
    ("1. INTRODUCTION\n\nThe text goes on.", ["The text goes on."]),
    ("KEY FINDINGS:\nTrade grew.", ["Trade grew."]),
    # a text typed in capitals, a dateline and a short shout with a stop stay sentences
    ("THE MINISTER SAID ON MONDAY\nTHAT TALKS WOULD RESUME.",
     ["THE MINISTER SAID ON MONDAY THAT TALKS WOULD RESUME."]),
    ("PHNOM PENH --\nThe talks resumed.", ["PHNOM PENH -- The talks resumed."]),
    ("NO MORE LOANS!", ["NO MORE LOANS!"]),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text)["text"].tolist() == expected


def test_offsets_point_into_the_text() -> None:
    text = "Intro line.\n\nCambodia and China met. They signed   three deals."
    table = split_sentences(text)
    for row in table.itertuples():
        assert " ".join(text[row.start : row.end].split()) == row.text
    assert table["paragraph"].tolist() == [0, 1, 1]


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("Cambodia-China ties", 2),
        ("China's role, in 2024.", 4),
        ("— ... !", 0),
    ],
)
def test_count_words(text: str, n: int) -> None:
    assert count_words(text) == n


# (paragraph, read as one sentence without syntok): only a paragraph whose one terminal mark
# is its last character and that holds no opening bracket; syntok reads each the same way.
ONE_SENTENCE = [
    ("Cambodia and China signed three deals on Monday.", True),
    ("\u201cWe agree,\u201d he said!", True),
    ("It was iPhone time, said the McDonald\u2019s chief?", True),
    ("A line that is hard-wrapped\nin the middle of a sentence.", True),
    ("The talks \u2014 long awaited \u2014 ended\u3002", True),
    ("\u2014 They met.", True),
    ("\u200bThey met.", False),
    ("They met \u201cin good faith.\u201d", False),
    ("Mr. Wang met Dr. Li.", False),
    ("They met (again) today.", False),
    ("They met; they agreed.", False),
    ("They met... today.", False),
    ("They met end.Start of the day.", False),
    ("No stop at the end", False),
]


@pytest.mark.parametrize(("paragraph", "shortcut"), ONE_SENTENCE)
def test_one_sentence_paragraphs_match_syntok(paragraph: str, shortcut: bool) -> None:
    assert segment._is_one_sentence(paragraph) is shortcut
    spans = [(sentence[0].offset, sentence[-1].offset + len(sentence[-1].value))
             for sentences in syntok_segmenter.analyze(paragraph) for sentence in sentences]
    if shortcut:
        assert spans == [(0, len(paragraph))]
    rows = segment.sentence_rows(paragraph)
    assert [(start, end) for _, start, end, *_ in rows] == spans
