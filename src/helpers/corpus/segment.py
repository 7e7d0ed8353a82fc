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
# The characters at which syntok may end a sentence (its terminal marks) or look for one (its
# opening brackets): a paragraph with none but one terminal mark at its very end is one
# sentence, from its first character to its last, and is not given to syntok at all.
_SYNTOK_TERMINALS = frozenset(mark for mark in SyntokState.terminals if len(mark) == 1)
_SYNTOK_SPLIT_MARKS = _SYNTOK_TERMINALS | SyntokState.opening_brackets


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


def _is_one_sentence(paragraph: str) -> bool:
    """Whether syntok would read ``paragraph`` (a stripped paragraph of
    :func:`paragraphs`) as one sentence spanning all of it, without running it: it ends with
    syntok's only terminal mark in it, holds no opening bracket, and opens with a character
    syntok does not take for space (syntok splits words at spaces and at the zero-width
    space; Python's strip has removed the others)."""
    return (paragraph[-1] in _SYNTOK_TERMINALS and paragraph[0] != "\u200b"
            and _SYNTOK_SPLIT_MARKS.isdisjoint(paragraph[:-1]))


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
        if _is_one_sentence(paragraph):
            body = fold(" ", paragraph).strip()
            if has_word(body):
                rows.append((index, p_start, p_end, body, count(body)))
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
