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


# (paragraph, its sentences found without syntok: end offsets, or None for syntok's work);
# syntok finds the same sentences in each.
PLAIN_SENTENCES = [
    ("Cambodia and China signed three deals on Monday.", [48]),
    ("\u201cWe agree,\u201d he said!", [20]),
    ("It was iPhone time, said the McDonald\u2019s chief?", [46]),
    ("A line that is hard-wrapped\nin the middle of a sentence.", [56]),
    ("The talks \u2014 long awaited \u2014 ended\u3002", [33]),
    ("\u2014 They met.", [11]),
    # sentences that end for certain: a word of two letters or more, a terminal mark (and a
    # closing quote), spaces and a word in letters opening with a capital
    ("They met on Monday. The talks ended.", [19, 36]),
    ("They met in 2024! However, no deal was signed.\nIt ended.", [17, 46, 56]),
    ("They met. Hun Sen spoke.", [9, 24]),
    ("He said \u201cno.\u201d The end.", [13, 22]),
    ("The talks ended.\u201d Hun Sen, the premier, left.", [17, 45]),
    # left to syntok: look-alikes of an end, or no end
    ("\u200bThey met.", None),
    ("They met \u201cin good faith.\u201d", None),
    ("Mr. Wang met Dr. Li.", None),
    ("Hun Sen met Mr. Li today.", None),
    ("They met at No. Ten.", None),
    ("It fell on 5. Jan was there.", None),
    ("They met (again) today.", None),
    ("They met; they agreed.", None),
    ("They met... today.", None),
    ("They met end.Start of the day.", None),
    ("No stop at the end", None),
    ("They met. iPhone sales rose.", None),
    ("They met in 2024. 2025 will differ.", None),
    ("They met.\u2019\u201d Hun Sen left.", None),
    ("It was World War II. The end.", None),
    ("Ask McX. The end.", None),
    ("Plan B. The end.", None),
    ("They met China\u2019s. The end.", None),
]


@pytest.mark.parametrize(("paragraph", "ends"), PLAIN_SENTENCES)
def test_plain_sentences_match_syntok(paragraph: str, ends: list[int] | None) -> None:
    spans = segment._plain_sentence_spans(paragraph)
    assert (None if spans is None else [end for _, end in spans]) == ends
    syntok_spans = [(sentence[0].offset, sentence[-1].offset + len(sentence[-1].value))
                    for sentences in syntok_segmenter.analyze(paragraph)
                    for sentence in sentences]
    if spans is not None:
        assert spans == syntok_spans
    rows = segment.sentence_rows(paragraph)
    assert [(start, end) for _, start, end, *_ in rows] == syntok_spans
