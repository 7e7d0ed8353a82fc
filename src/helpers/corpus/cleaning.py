"""Remove web-page debris from a scraped article while keeping every sentence of it.

Cleaning works line by line on the raw text, which is never modified: each line is kept,
removed whole (with a reason), or has a dateline prefix cut. Rules come from the editable
``data/debris.csv`` (page furniture, social links, newsletter prompts, navigation...) plus a few
structural rules no single-line pattern can express: a headline, a repeated line such as an
image caption, and an author box at the end. Every removed piece goes to the audit, so the
raw text is always the clean text plus the audit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from helpers import config
from helpers.corpus.lexicons import read_lexicon
from helpers.corpus.segment import count_words

_SENTENCE_END = re.compile(r"[.!?…][\"'\u201d\u2019)\]]*\s*$")
_NAME_LINE = re.compile(r"^(?:[A-Z][a-zA-Z.'\-]+)(?:\s+[A-Z][a-zA-Z.'\-]+){1,3}$")
_BIO_CUES = re.compile(
    r"\b(graduate|graduated|degree|journalist|writer|reporter|correspondent|editor|researcher|"
    r"analyst|columnist|contributor|intern|internships?|holds an?|studied|is an?|works as|based in|"
    r"his|her) ",
    re.IGNORECASE,
)
_ABOUT_AUTHOR = re.compile(r"^(about the author|about the writer|à propos de l'auteur)\s*:?$", re.I)


@dataclass(frozen=True)
class DebrisRule:
    """One line pattern from the debris lexicon."""

    reason: str
    pattern: re.Pattern[str]
    max_words: int | None


@dataclass
class Removal:
    """A piece of raw text left out of the clean text."""

    line: int  # 1-based line number in the raw text
    start: int  # character offset of the piece in the raw text
    end: int
    reason: str
    text: str


@dataclass
class CleanResult:
    """The clean text of one article, its headline if found, and what was removed."""

    text: str
    title: str = ""
    author: str = ""
    removed: list[Removal] = field(default_factory=list)


@lru_cache(maxsize=4)
def load_debris_rules(path: str = str(config.DEBRIS_FILE)) -> tuple[DebrisRule, ...]:
    """Read and compile the debris lexicon."""
    rules = []
    for row in read_lexicon(Path(path)).itertuples():
        max_words = int(row.max_words) if str(row.max_words).strip() else None
        rules.append(DebrisRule(row.reason, re.compile(row.pattern), max_words))
    return tuple(rules)


def debris_reason(line: str, rules: tuple[DebrisRule, ...] | None = None) -> str | None:
    """The reason ``line`` is debris, or None if it may be article text."""
    stripped = line.strip()
    n_words = count_words(stripped)
    for rule in rules if rules is not None else load_debris_rules():
        if rule.max_words is not None and n_words > rule.max_words:
            continue
        if rule.pattern.fullmatch(stripped):
            return rule.reason
    return None


def is_headline(line: str) -> bool:
    """A short line with words and no sentence-final punctuation: a headline or a heading."""
    stripped = line.strip()
    return 2 <= count_words(stripped) <= 30 and not _SENTENCE_END.search(stripped)


def clean_article(
    raw: str,
    *,
    metadata_lines: dict[int, str] | None = None,
    dateline_prefixes: dict[int, int] | None = None,
    rules: tuple[DebrisRule, ...] | None = None,
) -> CleanResult:
    """Clean one article.

    Args:
        raw: the raw text, as read from the file.
        metadata_lines: 0-based line indices that hold only metadata (stamps, bylines), with
            the audit reason; from :func:`helpers.metadata.infer_from_text`.
        dateline_prefixes: 0-based line index -> length of a dateline prefix to cut.
        rules: debris rules (default: the shipped lexicon).

    Returns:
        The clean text (kept lines, one blank line between paragraphs), the headline, and
        every removed piece with its reason.
    """
    metadata_lines = metadata_lines or {}
    dateline_prefixes = dateline_prefixes or {}
    lines = raw.splitlines(keepends=True)
    offsets = []
    position = 0
    for line in lines:
        offsets.append(position)
        position += len(line)
    contents = [line.rstrip("\r\n") for line in lines]
    reasons: dict[int, str] = {}
    content_indices = [i for i, c in enumerate(contents) if c.strip()]

    for i in content_indices:
        if i in metadata_lines:
            reasons[i] = metadata_lines[i]
        else:
            reason = debris_reason(contents[i], rules)
            if reason:
                reasons[i] = reason

    _mark_repeats(contents, content_indices, reasons)
    author = _mark_author_box(contents, content_indices, reasons)

    title = ""
    remaining = [i for i in content_indices if i not in reasons]
    if len(remaining) > 1 and is_headline(contents[remaining[0]]):
        title = contents[remaining[0]].strip()
        reasons[remaining[0]] = "headline (kept as the title)"

    kept: list[str] = []
    removed: list[Removal] = []
    for i, content in enumerate(contents):
        if not content.strip():
            if kept and kept[-1] != "":
                kept.append("")
            continue
        if i in reasons:
            removed.append(
                Removal(i + 1, offsets[i], offsets[i] + len(content), reasons[i], content)
            )
            continue
        cut = dateline_prefixes.get(i, 0)
        if cut:
            removed.append(Removal(i + 1, offsets[i], offsets[i] + cut, "dateline", content[:cut]))
        kept.append(content[cut:].strip())
    while kept and kept[-1] == "":
        kept.pop()
    return CleanResult(text="\n".join(kept), title=title, author=author, removed=removed)


def _mark_repeats(contents: list[str], indices: list[int], reasons: dict[int, str]) -> None:
    """Mark repeated lines: a short line repeated at once is a caption or a name box (both go);
    a later repeat of any earlier line goes, the first occurrence stays."""
    seen: dict[str, int] = {}
    previous: int | None = None
    for i in indices:
        key = " ".join(contents[i].split()).lower()
        if previous is not None and key == " ".join(contents[previous].split()).lower():
            if is_headline(contents[i]):
                reasons.setdefault(previous, "repeated line (image caption or name box)")
            reasons.setdefault(i, "repeated line (image caption or name box)")
        elif key in seen and count_words(key) >= 2:
            reasons.setdefault(i, "repeated line")
        seen.setdefault(key, i)
        previous = i


def _mark_author_box(contents: list[str], indices: list[int], reasons: dict[int, str]) -> str:
    """Mark an author box in the last third of the article: an 'About the author' heading or a
    name line, followed by a paragraph that describes a person. Returns the name, if any."""
    if len(indices) < 4:
        return ""
    tail_start = indices[len(indices) * 2 // 3]
    for position, i in enumerate(indices):
        if i < tail_start or position + 1 >= len(indices):
            continue
        line = contents[i].strip()
        following = indices[position + 1]
        bio = contents[following]
        named = _NAME_LINE.match(line) and any(
            token in bio for token in line.split() if len(token) > 2
        )
        if _ABOUT_AUTHOR.match(line) or (named and _BIO_CUES.search(bio)):
            reasons.setdefault(i, "author box")
            reasons[following] = "author biography"
            return line if named else ""
    return ""
