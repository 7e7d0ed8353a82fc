"""Split clean article text into paragraphs, sentences and words, offline.

Sentences come from syntok (a rule-based segmenter shipped as a package: no model or corpus to
download). Each sentence keeps its character offsets into the text it was cut from, so any
finding can be traced back to the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pandas as pd
import syntok.segmenter as syntok_segmenter
from syntok._segmentation_states import State as SyntokState

_WORD = re.compile(r"\w", re.UNICODE)
_WORD_TOKEN = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*", re.UNICODE)
_SPACE = re.compile(r"\s+")
# A line ending like this closes its paragraph even without a blank line after it.
_PARAGRAPH_END = re.compile(r"[.!?:;\"\u201d\u2019')\]]\s*$")

SENTENCE_COLUMNS = ["paragraph", "start", "end", "text", "n_words"]
# A section heading in capitals ("EXECUTIVE SUMMARY", "2. BACKGROUND") has at most this many
# words; it is a paragraph of its own and no sentence.
MAX_HEADING_WORDS = 8
_SENTENCE_STOP = re.compile(r"[.!?][\"\u201d\u2019')\]]*\s*$")
# A paragraph whose sentences end where syntok certainly ends them is cut without running
# syntok (see _plain_sentence_spans): syntok looks for a sentence's end only at its terminal
# marks and opening brackets, and always ends it at a terminal mark closing a word of two
# letters or more (no abbreviation or roman numeral of its lists), with at most one closing
# quote after it, followed by spaces and a word in letters that opens with a capital.
_SYNTOK_TERMINALS = frozenset(mark for mark in SyntokState.terminals if len(mark) == 1)
_SYNTOK_TERMINAL_CLASS = "[" + re.escape("".join(sorted(_SYNTOK_TERMINALS))) + "]"
_SYNTOK_TERMINAL = re.compile(_SYNTOK_TERMINAL_CLASS)
_SYNTOK_SPACE = "[ \t\n\r\u00a0]"  # characters both syntok and Python take for spaces
_SYNTOK_BOUNDARY = re.compile(
    rf"(?<![^\W_])([^\W_]{{2,}}){_SYNTOK_TERMINAL_CLASS}"
    rf"[{re.escape(''.join(sorted(SyntokState.closing_quotes)))}]?()"
    rf"{_SYNTOK_SPACE}+(?=([^\W\d_]+),?{_SYNTOK_SPACE})")


def is_caps_heading(line: str) -> bool:
    """Whether ``line`` is a section heading in capitals: upper-case letters, a few words, no
    sentence-final punctuation (a colon may close it)."""
    stripped = line.strip()
    return stripped.isupper() and not _SENTENCE_STOP.search(stripped) \
        and not stripped.endswith(("-", "\u2013", "\u2014")) \
        and count_words(stripped) <= MAX_HEADING_WORDS


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) offsets of the paragraphs of ``text``.

    A paragraph ends at a blank line, or at a line break after sentence-final punctuation, so
    both one-paragraph-per-line files and hard-wrapped files are read correctly. A section
    heading in capitals that opens a paragraph is a paragraph of its own (unless the next line
    is in capitals too: a text typed in capitals).
    """
    start = None
    position = 0
    lines = text.splitlines(keepends=True)
    for number, line in enumerate(lines):
        content = line.rstrip("\r\n")
        if content.strip():
            heading = start is None and is_caps_heading(content) and not (
                number + 1 < len(lines) and lines[number + 1].strip()
                and lines[number + 1].strip().isupper())
            if start is None:
                start = position + (len(content) - len(content.lstrip()))
            end = position + len(content.rstrip())
            if heading or _PARAGRAPH_END.search(content):
                yield start, end
                start = None
        elif start is not None:
            yield start, end
            start = None
        position += len(line)
    if start is not None:
        yield start, end


def count_words(text: str) -> int:
    """Number of words (runs of letters or digits, with inner apostrophes and hyphens)."""
    return len(_WORD_TOKEN.findall(text))


def words(text: str) -> list[str]:
    """The words of ``text`` in lower case, as counted by :func:`count_words`."""
    return [w.lower() for w in _WORD_TOKEN.findall(text)]


def _plain_sentence_spans(paragraph: str) -> list[tuple[int, int]] | None:
    """The (start, end) offsets of the sentences syntok would find in ``paragraph`` (a
    stripped paragraph of :func:`paragraphs`), found without running it, or None when that
    takes syntok. They are found when the paragraph ends with a terminal mark, opens with a
    character syntok does not take for space (it splits words at spaces and at the zero-width
    space; Python's strip has removed the others), holds no opening bracket, and each of its
    other terminal marks ends a sentence for certain: it closes a word of two letters or more
    (the token syntok sees before it: none of its abbreviations or roman numerals, no case
    change inside, as in 'McX'), at most one closing quote follows it, then spaces and the
    next sentence's first word: in letters, opening with a capital (no month's
    abbreviation after a number: '5. Jan').
    """
    if (paragraph[-1] not in _SYNTOK_TERMINALS or paragraph[0] == "\u200b"
            or not SyntokState.opening_brackets.isdisjoint(paragraph)):
        return None
    boundaries = list(_SYNTOK_BOUNDARY.finditer(paragraph))
    if len(boundaries) != len(_SYNTOK_TERMINAL.findall(paragraph)) - 1:
        return None
    spans, start = [], 0
    for boundary in boundaries:
        word, after = boundary.group(1, 3)
        if (word in SyntokState.roman_numerals or word in SyntokState.abbreviations
                or any(a.islower() and b.isupper() for a, b in zip(word, word[1:], strict=False))
                or not after.isalpha() or after[0].islower()
                or any(c.isnumeric() for c in word) and any(map(after.startswith,
                                                               SyntokState.months))):
            return None
        spans.append((start, boundary.end(2)))
        start = boundary.end()
    spans.append((start, len(paragraph)))
    return spans


def sentence_rows(text: str) -> list[tuple[int, int, int, str, int]]:
    """The sentences of ``text`` as rows of :data:`SENTENCE_COLUMNS`: paragraph index, start
    and end (offsets into ``text``), text (internal line breaks folded to spaces), n_words.
    A section heading in capitals is no sentence."""
    rows = []
    analyze, fold, has_word, count = (syntok_segmenter.analyze, _SPACE.sub, _WORD.search,
                                      count_words)
    for index, (p_start, p_end) in enumerate(paragraphs(text)):
        paragraph = text[p_start:p_end]
        if "\n" not in paragraph and is_caps_heading(paragraph):
            continue
        spans = _plain_sentence_spans(paragraph)
        if spans is not None:
            for start, end in spans:
                body = fold(" ", paragraph[start:end]).strip()
                if has_word(body):
                    rows.append((index, p_start + start, p_start + end, body, count(body)))
            continue
        for sentences in analyze(paragraph):
            for sentence in sentences:
                if not sentence:
                    continue
                first, last = sentence[0], sentence[-1]
                start = p_start + first.offset
                end = p_start + last.offset + len(last.value)
                body = fold(" ", text[start:end]).strip()
                if has_word(body):
                    rows.append((index, start, end, body, count(body)))
    return rows


def split_sentences(text: str) -> pd.DataFrame:
    """Split ``text`` into sentences with their paragraph index and character offsets.

    Returns:
        One row per sentence: paragraph, start, end (offsets into ``text``), text (with
        internal line breaks folded to spaces) and n_words.
    """
    return pd.DataFrame(sentence_rows(text), columns=SENTENCE_COLUMNS)
