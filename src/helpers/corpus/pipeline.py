"""Analyse documents one by one: read, infer metadata, clean, split, attribute quotes, score.

This is everything a report needs that depends on one document's content only, so its
results can be cached per document and computed in parallel (see :mod:`helpers.corpus`).
A file that cannot be analysed yields a problem, never an exception, so one bad file never
stops the others.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.corpus import attribution, cleaning, duplicates, metadata, scoring, segment
from helpers.corpus.reading import (
    PageFacts,
    UnreadableFile,
    encoding_note,
    page_context,
    read_article,
)

# Below this many words a language guess is unreliable; such texts are marked "unknown".
MIN_WORDS_FOR_LANGUAGE = 8
# The language is identified on the clean body's first characters (lines in another script
# than the body already set aside by cleaning): a few sentences are enough, and the
# identifier's cost grows with the length it reads.
LANGUAGE_SAMPLE_CHARS = 600
# A saved page's title is the headline only when written in the script of the body's first
# this many characters.
BODY_SCRIPT_SAMPLE_CHARS = 2000
_MONTH_ONLY = re.compile(r"(?i)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?")
_WARM_UP = ('"Both sides agreed to deepen their cooperation," the foreign minister told reporters '
            "in the capital on Monday, according to a statement.")


# The sentences table: one row per sentence; the attribution and score columns are empty
# (NaN) for the sentences of documents left out of the English analyses.
SENTENCE_TABLE_COLUMNS = ["doc_id", "sent_idx", *segment.SENTENCE_COLUMNS,
                          *attribution.ATTRIBUTION_COLUMNS, *scoring.SCORE_COLUMNS]
_SENTENCE_DTYPES = {
    **dict.fromkeys(SENTENCE_TABLE_COLUMNS, "float64"),
    **dict.fromkeys(["sent_idx", "paragraph", "start", "end", "n_words"], "int64"),
    **dict.fromkeys(["doc_id", "text", "speech", "speaker", "speaker_side", "speaker_role",
                     "tb_assessments"], "str"),
}
_NOT_ANALYSED = (None,) * (len(attribution.ATTRIBUTION_COLUMNS) + len(scoring.SCORE_COLUMNS))


@dataclass
class DocumentResult:
    """The analysed rows of one document (or the problem that stopped it)."""

    document: dict[str, object] | None
    sentences: list[tuple] = field(default_factory=list)  # rows of SENTENCE_TABLE_COLUMNS
    audit: list[dict[str, object]] = field(default_factory=list)
    problems: list[dict[str, object]] = field(default_factory=list)


@lru_cache(maxsize=1)
def _language_identifier():
    import py3langid

    return py3langid


def detect_language(text: str) -> str:
    """ISO 639-1 code of the language of ``text`` ("unknown" when too short to tell): give it
    the article's clean body, not its header lines. It is read on the body's paragraphs of a
    sentence's length (8 words or more), so that short lines left over in another language
    (labels, a menu, a caption) do not decide it; on the whole text when it has none."""
    paragraphs: list[str] = []
    length = 0
    for line in text.split("\n"):
        if length >= LANGUAGE_SAMPLE_CHARS:
            break
        if segment.count_words(line) >= MIN_WORDS_FOR_LANGUAGE:
            paragraphs.append(line)
            length += len(line) + 1
    sample = ("\n".join(paragraphs) if paragraphs else text)[:LANGUAGE_SAMPLE_CHARS]
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


def sentence_table(rows: list[tuple]) -> pd.DataFrame:
    """The sentences table built from rows of :data:`SENTENCE_TABLE_COLUMNS`, with the same
    column types whatever the rows (an English document or not, or none)."""
    columns = zip(*rows, strict=True) if rows else [()] * len(SENTENCE_TABLE_COLUMNS)
    data = {}
    for name, values in zip(SENTENCE_TABLE_COLUMNS, columns, strict=True):
        dtype = _SENTENCE_DTYPES[name]
        data[name] = (pd.array(values, dtype=dtype) if dtype == "str"
                      else np.array(values, dtype=dtype))
    return pd.DataFrame(data, copy=False)


def analysed_rows(doc_id: str, sentences: list[tuple], *, english: bool) -> list[tuple]:
    """Rows of :data:`SENTENCE_TABLE_COLUMNS` for a document's sentences (rows of
    ``segment.SENTENCE_COLUMNS``): quote attribution and scores for an English document."""
    if not english or not sentences:
        return [(doc_id, i, *sentence, *_NOT_ANALYSED) for i, sentence in enumerate(sentences)]
    texts = [sentence[3] for sentence in sentences]
    attributed = attribution.attribute_texts(texts, [sentence[0] for sentence in sentences])
    scores = scoring.score_rows(texts)
    return [(doc_id, i, *sentence, *attribution, *score)
            for i, (sentence, attribution, score)
            in enumerate(zip(sentences, attributed, scores, strict=True))]


def load_analysers() -> None:
    """Load the language model, the scorers and their lexicons now (by analysing a warm-up
    sentence), so that worker processes forked afterwards share them instead of each loading
    its own copy."""
    detect_language(_WARM_UP)
    analysed_rows("warm-up", segment.sentence_rows(_WARM_UP), english=True)


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
        article = read_article(path, max_bytes=max_bytes)
    except UnreadableFile as error:
        return DocumentResult(None, problems=[problem("error", relative, f"skipped: {error}")])
    doc_id = doc_id_for(relative)
    raw = article.text
    inferred = infer_metadata(raw, file_name=relative, page=article.page)
    cleaned = cleaning.clean_article(
        raw, metadata_lines=inferred.metadata_lines, dateline_prefixes=inferred.dateline_prefixes
    )
    if cleaned.title:
        inferred.set("title", cleaned.title, "text: headline line")
    if cleaned.author:
        inferred.set("author", cleaned.author, "text: author box")
    if article.page is not None:
        add_page_facts(inferred, article.page, body=cleaned.text)
    sentences = segment.sentence_rows(cleaned.text)
    language = detect_language(cleaned.text)
    problems = [problem("warning", relative, message) for message in inferred.problems]
    if not sentences:
        problems.append(problem("warning", relative, "no article text left after cleaning "
                                "(the file holds only web-page debris)"))
    elif language != "en":
        problems.append(problem("warning", relative, f"language detected as '{language}', not "
                                "English: kept in the corpus tables, left out of the English "
                                "lexicon analyses"))
    for script, count in cleaned.other_script_lines.items():
        problems.append(problem("info", relative, f"{count} line{'s' * (count > 1)} in another "
                                f"script ({script}) kept out of the analysis"))
    note = encoding_note(article.encoding)
    if note:
        problems.append(problem("info", relative, note))
    document = {
        "doc_id": doc_id,
        "file": relative,
        "file_type": article.file_type,
        "content_hash": hashlib.sha256(article.data).hexdigest(),
        "encoding": article.encoding,
        "language": language,
        "n_chars": len(raw),
        "n_words": sum(sentence[4] for sentence in sentences),
        "n_sentences": len(sentences),
        "raw_text": raw,
        "clean_text": cleaned.text,
        "inferred": {key: str(value) for key, value in inferred.values.items()},
        "inferred_sources": dict(inferred.sources),
        "minhash": duplicates.signature(cleaned.text),
    }
    audit = [
        {"doc_id": doc_id, "file": relative, "line": r.line, "start": r.start, "end": r.end,
         "reason": r.reason, "text": r.text}
        for r in cleaned.removed
    ]
    rows = analysed_rows(doc_id, sentences, english=language == "en")
    return DocumentResult(document, rows, audit, problems)


def infer_metadata(text: str, *, file_name: str, page: PageFacts | None) -> metadata.Inferred:
    """:func:`helpers.corpus.metadata.infer_from_text` on an article's text, read with a saved
    page's short blocks around it (its date or byline under the headline, its sign-off after
    the text); the metadata lines and dateline prefixes it returns are the article text's."""
    context, origin = page_context(text, page)
    inferred = metadata.infer_from_text(context, file_name=file_name, page=page)
    if context is not text:
        inferred.metadata_lines = {origin[i]: reason for i, reason
                                   in inferred.metadata_lines.items() if origin[i] is not None}
        inferred.dateline_prefixes = {origin[i]: end for i, end
                                      in inferred.dateline_prefixes.items()
                                      if origin[i] is not None}
    return inferred


def add_page_facts(inferred: metadata.Inferred, page: PageFacts, *, body: str = "") -> None:
    """Add a saved page's title (its headline, none when it is page chrome or in another script
    than the article's ``body``) and author to the values inferred from its text, which keep
    precedence (sources start with "html"). Its date and site name are weighed with the text's
    own by :func:`helpers.corpus.metadata.infer_from_text`."""
    headline = cleaning.page_title_headline(page.title)
    if headline and body and cleaning.script_of(headline) not in (
            "", cleaning.script_of(body[:BODY_SCRIPT_SAMPLE_CHARS])):
        headline = ""  # a page title in Khmer or Chinese over an English article
    inferred.set("title", headline, "html: page title")
    inferred.set("author", page_author(page.author), "html: page author")


def page_author(names: str) -> str:
    """The people among a page's author names ("Sok Dara; August" -> "Sok Dara"): a date
    word or an outlet's name is not an author."""
    parts = [name.strip() for name in names.split(";")]
    return "; ".join(name for name in parts if name and not metadata.known_outlet(name)
                     and not metadata.DATE_PATTERN.search(name) and not _MONTH_ONLY.fullmatch(name))


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
