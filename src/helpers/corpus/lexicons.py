"""Read the editable lexicon files and compile their phrases into regular expressions.

Every lexicon is a CSV file whose first lines may be ``#`` comments explaining it. Columns
that hold phrases separate them with ``;``. A phrase is matched case-insensitively on word
boundaries, with these conveniences so that users need not write regular expressions:

- a space or hyphen in a phrase matches any run of spaces, hyphens or dashes
  (``one-China`` matches "one China", "One-China", "one–China");
- a straight apostrophe matches a curly one (``China's`` matches "China’s");
- ``*`` at the end of a word matches any word ending (``pledg*`` matches "pledged");
- a phrase that starts with ``re:`` is taken as a raw regular expression.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import pandas as pd

_SEPARATOR = r"[\s\-\u2010-\u2015]+"
_APOSTROPHE = "['\u2019\u2018`]"


def read_lexicon(path: str | Path) -> pd.DataFrame:
    """Read a lexicon CSV, skipping its leading ``#`` comment lines.

    Args:
        path: the CSV file.

    Returns:
        The rows as a DataFrame of strings, with empty cells as "".
    """
    text = Path(path).read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    first = next(
        (i for i, line in enumerate(lines) if not line.lstrip().startswith("#")), len(lines)
    )
    body = "\n".join(lines[first:])
    if not body.strip():
        raise ValueError(f"{path}: the lexicon has no header row")
    table = pd.read_csv(io.StringIO(body), dtype=str, keep_default_na=False, skipinitialspace=True)
    table.columns = [c.strip() for c in table.columns]
    return table


def split_phrases(cell: str) -> list[str]:
    """Split a ``;``-separated cell into its non-empty, stripped phrases."""
    return [p.strip() for p in str(cell).split(";") if p.strip()]


def phrase_regex(phrase: str) -> str:
    """Translate one lexicon phrase into a regular-expression fragment (no boundaries)."""
    if phrase.startswith("re:"):
        return phrase[3:]
    words = [w for w in re.split(r"[\s\-\u2010-\u2015]+", phrase.strip()) if w]
    parts = []
    for word in words:
        wildcard = word.endswith("*")
        core = word.rstrip("*")
        piece = re.escape(core).replace("'", _APOSTROPHE).replace("\\'", _APOSTROPHE)
        parts.append(piece + (r"\w*" if wildcard else ""))
    return _SEPARATOR.join(parts)


@lru_cache(maxsize=512)
def _compile(fragments: tuple[str, ...]) -> re.Pattern[str]:
    body = "|".join(f"(?:{f})" for f in sorted(fragments, key=len, reverse=True))
    return re.compile(rf"(?<![\w]){'(?:' + body + ')'}(?![\w])", re.IGNORECASE)


def compile_phrases(phrases: Iterable[str]) -> re.Pattern[str]:
    """Compile phrases into one case-insensitive pattern that matches whole words.

    Longer phrases are tried first, so "community with a shared future for mankind" wins
    over "community with a shared future" at the same position.
    """
    fragments = tuple(phrase_regex(p) for p in phrases if p.strip())
    if not fragments:
        raise ValueError("no phrases to compile")
    return _compile(fragments)
