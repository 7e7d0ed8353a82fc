"""Analyse documents one by one: read, infer metadata, clean, split, attribute quotes, score.

This is everything a report needs that depends on one document's content only, so its
results can be cached per document and computed in parallel (see :mod:`helpers.corpus`).
A file that cannot be analysed yields a problem, never an exception, so one bad file never
stops the others.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from helpers import cleaning, dedup, metadata, segment
from helpers.reading import UnreadableFile, read_article

# Below this many words a language guess is unreliable; such texts are marked "unknown".
MIN_WORDS_FOR_LANGUAGE = 8
# The language is identified on the text's first characters: a few sentences are enough, and
# the identifier's cost grows with the length it reads.
LANGUAGE_SAMPLE_CHARS = 2000
_WARM_UP = ('"Both sides agreed to deepen their cooperation," the foreign minister told reporters '
            "in the capital on Monday, according to a statement.")


@dataclass
class DocumentResult:
    """The analysed tables of one document (or the problem that stopped it)."""

    document: dict[str, object] | None
    sentences: pd.DataFrame | None = None
    audit: list[dict[str, object]] = field(default_factory=list)
    problems: list[dict[str, object]] = field(default_factory=list)


@lru_cache(maxsize=1)
def _language_identifier():
    import py3langid

    return py3langid


def detect_language(text: str) -> str:
    """ISO 639-1 code of the language of ``text`` ("unknown" when too short to tell)."""
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    if segment.count_words(sample) < MIN_WORDS_FOR_LANGUAGE:
        return "unknown"
    code, _score = _language_identifier().classify(sample)
    return code


def doc_id_for(relative: str) -> str:
    """A stable id for a document: its path in the corpus without the suffix."""
    return str(Path(relative).with_suffix("")).replace("\\", "/")


def problem(severity: str, file: str, message: str, *, line: int | None = None,
            column: str | None = None) -> dict[str, object]:
    """One row of the problems table."""
    return {"severity": severity, "file": file, "line": line, "column": column, "message": message}


def attribute_and_score(sentences: pd.DataFrame) -> pd.DataFrame:
    """The sentences of one English document with quote attribution and sentiment columns."""
    # Imported here so that notebooks reading cached tables never load the scorers.
    from helpers import quotes, scoring

    attributed = quotes.attribute_quotes(sentences)
    scores = scoring.score_sentences(sentences["text"].tolist())
    return pd.concat(
        [sentences, attributed.reset_index(drop=True), scores.reset_index(drop=True)], axis=1
    )


def load_analysers() -> None:
    """Load the language model, the scorers and their lexicons now (by analysing a warm-up
    sentence), so that worker processes forked afterwards share them instead of each loading
    its own copy."""
    detect_language(_WARM_UP)
    sentences = segment.split_sentences(_WARM_UP)
    sentences.insert(0, "doc_id", "warm-up")
    sentences.insert(1, "sent_idx", range(len(sentences)))
    attribute_and_score(sentences)


def analyse_document(path: Path, relative: str, *, max_bytes: int) -> DocumentResult:
    """Read and analyse one article file.

    Args:
        path: the file.
        relative: its path relative to the corpus folder (used as its name in every table).
        max_bytes: files larger than this are refused with a problem.

    Returns:
        The document's row, sentences, cleaning audit and problems.
    """
    try:
        data, decoded = read_article(path, max_bytes=max_bytes)
    except UnreadableFile as error:
        return DocumentResult(None, problems=[problem("error", relative, f"skipped: {error}")])
    doc_id = doc_id_for(relative)
    raw = decoded.text
    inferred = metadata.infer_from_text(raw)
    cleaned = cleaning.clean_article(
        raw, metadata_lines=inferred.metadata_lines, dateline_prefixes=inferred.dateline_prefixes
    )
    if cleaned.title:
        inferred.set("title", cleaned.title, "text: headline line")
    if cleaned.author:
        inferred.set("author", cleaned.author, "text: author box")
    file_date = metadata.infer_from_filename(relative)
    if file_date is not None:
        inferred.set("date", file_date, "file name")
    sentences = segment.split_sentences(cleaned.text)
    language = detect_language(cleaned.text)
    problems = []
    if sentences.empty:
        problems.append(problem("warning", relative, "no article text left after cleaning "
                                "(the file holds only web-page debris)"))
    elif language != "en":
        problems.append(problem("warning", relative, f"language detected as '{language}', not "
                                "English: kept in the corpus tables, left out of the English "
                                "lexicon analyses"))
    if decoded.encoding not in ("utf-8", "ascii"):
        problems.append(problem("info", relative, f"read as {decoded.encoding} (not UTF-8)"))
    sentences.insert(0, "doc_id", doc_id)
    sentences.insert(1, "sent_idx", range(len(sentences)))
    if language == "en" and not sentences.empty:
        sentences = attribute_and_score(sentences)
    document = {
        "doc_id": doc_id,
        "file": relative,
        "content_hash": hashlib.sha256(data).hexdigest(),
        "encoding": decoded.encoding,
        "language": language,
        "n_chars": len(raw),
        "n_words": int(sentences["n_words"].sum()) if not sentences.empty else 0,
        "n_sentences": len(sentences),
        "raw_text": raw,
        "clean_text": cleaned.text,
        "inferred": {key: str(value) for key, value in inferred.values.items()},
        "inferred_sources": dict(inferred.sources),
        "minhash": dedup.signature(cleaned.text),
    }
    audit = [
        {"doc_id": doc_id, "file": relative, "line": r.line, "start": r.start, "end": r.end,
         "reason": r.reason, "text": r.text}
        for r in cleaned.removed
    ]
    return DocumentResult(document, sentences, audit, problems)


def analyse_safely(path: Path, relative: str, *, max_bytes: int) -> DocumentResult:
    """:func:`analyse_document`, with an unexpected failure on one document turned into an
    error naming it, so that it never stops the analysis of the others."""
    try:
        return analyse_document(path, relative, max_bytes=max_bytes)
    except Exception as error:  # noqa: BLE001 - one document must not stop the corpus
        return DocumentResult(None, problems=[problem(
            "error", relative, f"skipped: its analysis failed ({type(error).__name__}: "
            f"{str(error)[:200]}); this is a bug in communique, please report it")])


def analyse_batch(items: list[tuple[str, str]], *, max_bytes: int) -> list[DocumentResult]:
    """Analyse a batch of (path, relative name) pairs; the unit of work sent to a worker."""
    return [analyse_safely(Path(path), relative, max_bytes=max_bytes) for path, relative in items]
