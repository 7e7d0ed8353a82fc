"""Infer document metadata that the text itself states, and read a corpus's metadata.csv.

Scraped articles often carry their own facts: an agency stamp (``Source: Xinhua| 2019-04-19
15:33:24``), a dateline (``Beijing, 25 May 2024 (TDI):``, ``PHNOM PENH, April 19 (Xinhua) --``),
a byline (``by Mao Pengfei``), a ``Published:`` line, a copyright line. Every inferred value
records where it came from, so a reader can check it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from helpers import config
from helpers.corpus.lexicons import read_lexicon, split_phrases

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_DATE_FORMS = [
    # 2019-04-19, 2019/04/19, optionally with a time
    r"(?P<iso>\d{4}[-/.]\d{1,2}[-/.]\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?",
    # 25 May 2024, Friday 25 May 2024
    rf"{_WEEKDAY}(?P<dmy>\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}})",
    # May 25, 2024 / May 25 2024
    rf"{_WEEKDAY}(?P<mdy>(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})",
]
DATE_PATTERN = re.compile("|".join(f"(?:{form})" for form in _DATE_FORMS), re.IGNORECASE)
_YEARLESS = re.compile(
    rf"(?P<md>(?:{_MONTHS})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?:{_MONTHS}))", re.IGNORECASE
)

_STAMP = re.compile(
    r"^\s*Source\s*:\s*(?P<outlet>[^|\n]{2,60}?)\s*\|\s*(?P<date>\d{4}-\d{1,2}-\d{1,2})"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*\|.*)?$",
    re.IGNORECASE,
)
_PUBLISHED = re.compile(
    r"^\s*(?:published|posted|updated|last updated|first published|date|publié le|mis à jour)"
    r"(?:\s+on)?\s*:?\s*(?P<rest>.{6,80})$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^\s*(?:[Bb]y|BY|[Ww]ritten by|[Aa]uthor\s*:|[Rr]eporter\s*:)\s+"
    r"(?P<author>[A-Z][\w.'\-]+(?:(?:\s+|,\s*|\s+and\s+|\s*&\s*)[A-Z][\w.'\-]+){0,7})\s*$"
)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'\-]+(?:\s+[A-Z][A-Za-z.'\-]+){0,3})"
    r"(?:\s*,\s*(?P<date>[^()\n]{3,30}?))?"
    r"\s*(?:\((?P<agency>[A-Za-z][\w .&'\-]{1,40})\))?"
    r"\s*(?::|--|—|–|-)\s+"
)
_COPYRIGHT = re.compile(
    r"^\s*(?:©|copyright|\(c\))\s*(?:\d{4}\s*)?(?P<outlet>[A-Z][^|.\n]{2,60}?)\s*\.?\s*"
    r"(?:all rights reserved.*)?$",
    re.IGNORECASE,
)
_FILENAME_DATE = re.compile(r"(?<!\d)(?P<date>(?:19|20)\d{2}-?[01]\d-?[0-3]\d)(?!\d)")


@dataclass
class Inferred:
    """Metadata inferred from one article's text, with where each value came from."""

    values: dict[str, object] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    # Lines (0-based) that hold only metadata, with the reason to give in the audit.
    metadata_lines: dict[int, str] = field(default_factory=dict)
    # Line index -> end offset (in that line) of a dateline prefix to cut from the text.
    dateline_prefixes: dict[int, int] = field(default_factory=dict)

    def set(self, key: str, value: object, source: str) -> None:
        """Keep the first value found for ``key`` (callers try the surest sources first)."""
        if key not in self.values and value not in (None, ""):
            self.values[key] = value
            self.sources[key] = source


def parse_date(text: str) -> pd.Timestamp | None:
    """Parse the first full date (with a year) in ``text``; None if absent or invalid."""
    match = DATE_PATTERN.search(text)
    if not match:
        return None
    raw = next(g for g in (match.group("iso"), match.group("dmy"), match.group("mdy")) if g)
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", raw.replace(",", " ")).replace("/", "-")
    cleaned = re.sub(r"\bSept\b", "Sep", cleaned, flags=re.IGNORECASE).replace(".", " ")
    if match.group("iso"):
        cleaned = cleaned.replace(" ", "-")
    try:
        stamp = pd.Timestamp(cleaned)
    except (ValueError, OverflowError):
        return None
    if not 1900 <= stamp.year <= 2100:
        return None
    return stamp.normalize()


@lru_cache(maxsize=4)
def outlet_aliases(path: str = str(config.OUTLETS_FILE)) -> dict[str, str]:
    """Map each alias (lower case) in the outlets lexicon to its outlet name."""
    table = read_lexicon(path)
    aliases: dict[str, str] = {}
    for row in table.itertuples():
        for alias in [row.outlet, *split_phrases(row.aliases)]:
            aliases[alias.lower()] = row.outlet
    return aliases


def canonical_outlet(name: str) -> str:
    """The outlet name for an alias found in text ("TDI" -> "The Diplomatic Insight")."""
    cleaned = name.strip().strip(".")
    return outlet_aliases().get(cleaned.lower(), cleaned)


def infer_from_text(text: str, *, head_lines: int = 15) -> Inferred:
    """Infer date, outlet, author and metadata lines from the first lines of an article.

    Args:
        text: the raw article text.
        head_lines: how many non-empty lines at the top are searched for stamps and bylines.

    Returns:
        The inferred values, their sources, and the lines that hold only metadata.
    """
    found = Inferred()
    lines = text.splitlines()
    seen = 0
    yearless: tuple[int, str] | None = None
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        seen += 1
        where = f"line {index + 1}"
        if seen > head_lines:
            break
        stamp = _STAMP.match(stripped)
        if stamp:
            date = parse_date(stamp.group("date"))
            found.set("date", date, f"text: agency stamp, {where}: {stripped[:60]!r}")
            found.set(
                "outlet", canonical_outlet(stamp.group("outlet")), f"text: agency stamp, {where}"
            )
            found.metadata_lines[index] = "metadata: agency stamp"
            continue
        published = _PUBLISHED.match(stripped)
        if published and parse_date(published.group("rest")):
            found.set(
                "date", parse_date(published.group("rest")), f"text: {where}: {stripped[:60]!r}"
            )
            found.metadata_lines[index] = "metadata: publication date"
            continue
        byline = _BYLINE.match(stripped)
        if byline and len(stripped.split()) <= 12:
            found.set("author", byline.group("author").strip(), f"text: byline, {where}")
            found.metadata_lines[index] = "metadata: byline"
            continue
        date_only = DATE_PATTERN.fullmatch(stripped.rstrip("."))
        if date_only and parse_date(stripped):
            found.set("date", parse_date(stripped), f"text: date line, {where}: {stripped[:60]!r}")
            found.metadata_lines[index] = "metadata: date line"
            continue
        dateline = _DATELINE.match(stripped)
        if dateline and (dateline.group("agency") or _is_date(dateline.group("date"))):
            date_text = dateline.group("date") or ""
            date = parse_date(date_text)
            prefix = dateline.group(0).strip()
            if date is not None:
                found.set("date", date, f"text: dateline, {where}: {prefix!r}")
            elif _YEARLESS.search(date_text):
                yearless = (index, date_text)
            if dateline.group("agency"):
                found.set(
                    "outlet", canonical_outlet(dateline.group("agency")), f"text: dateline, {where}"
                )
            found.set("place", dateline.group("place").title(), f"text: dateline, {where}")
            found.dateline_prefixes[index] = len(line) - len(line.lstrip()) + dateline.end()
    if yearless and "date" not in found.values:
        found.sources["date_partial"] = f"text: dateline without a year, line {yearless[0] + 1}"
    for index in range(len(lines) - 1, max(-1, len(lines) - 20), -1):
        copyright_line = _COPYRIGHT.match(lines[index].strip())
        if copyright_line:
            found.set(
                "outlet",
                canonical_outlet(copyright_line.group("outlet")),
                f"text: copyright, line {index + 1}",
            )
            break
    return found


def _is_date(text: str | None) -> bool:
    return bool(text) and bool(
        DATE_PATTERN.fullmatch(text.strip()) or _YEARLESS.fullmatch(text.strip())
    )


def infer_from_filename(name: str) -> pd.Timestamp | None:
    """A date written in a file name (``2021-06-10_talks.txt``, ``20210610.txt``), if valid."""
    match = _FILENAME_DATE.search(Path(name).stem)
    if not match:
        return None
    digits = match.group("date").replace("-", "")
    try:
        return pd.Timestamp(f"{digits[:4]}-{digits[4:6]}-{digits[6:]}")
    except ValueError:
        return None
