"""Read a corpus's optional ``metadata.csv`` and merge it with what the text states.

``metadata.csv`` has a ``file`` column naming each article and any of ``date``, ``title``,
``outlet``, ``url``, ``author``, ``language``; every other column is kept as a document
variable for grouping. Values given there win over values inferred from the text; each
value's source is kept in a ``<name>_source`` column. Bad rows are reported as problems that
name the row and column, never turned silently into missing values.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd

from helpers.corpus.dates import parse_user_date
from helpers.corpus.pipeline import problem
from helpers.corpus.reading import decode, sniff_binary

STANDARD_FIELDS = ["title", "date", "outlet", "author", "url", "language"]


def _given_day(value: str) -> pd.Timestamp | None:
    """The first day a date value names; None for a value inferred from a page that is not a
    real date (a page stating ``2024-02-31``: the article stays undated, as without it)."""
    try:
        return parse_user_date(value).first_day
    except ValueError:
        return None


def _delimiter(header: str) -> str:
    """The delimiter of a CSV header line: a comma, or the semicolon or tab that spreadsheet
    programs in many locales write instead."""
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _file_key(value: str) -> str:
    """A file cell as a corpus-relative path (``./a.txt`` and ``sub\\a.txt`` are accepted)."""
    key = value.strip().replace("\\", "/")
    while key.startswith("./"):
        key = key[2:]
    return key


def _did_you_mean(file: str, files: list[str]) -> str:
    """A hint naming the article a mistyped file cell probably means (case or suffix)."""
    wanted = file.lower()
    for candidate in files:
        if wanted in (candidate.lower(), str(Path(candidate).with_suffix("")).lower()):
            return f" (did you mean '{candidate}'?)"
    return ""


def _rows(
    text: str, name: str, problems: list[dict[str, object]]
) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Split CSV text into its header and (line number, cells) rows, reporting ragged rows."""
    lines = text.splitlines()
    if not lines:
        return [], []
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(lines[0]))
    header: list[str] = []
    rows: list[tuple[int, list[str]]] = []
    end_of_previous = 0
    for cells in reader:
        line, end_of_previous = end_of_previous + 1, reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if not header:
            header = [cell.strip() for cell in cells]
            continue
        extra = [cell for cell in cells[len(header):] if cell.strip()]
        if extra:
            problems.append(problem("error", name, f"row {line} has {len(cells)} cells but the "
                                    f"header has {len(header)} columns (a stray comma or an "
                                    "unquoted comma inside a cell?); the row is ignored",
                                    line=line))
            continue
        if len(cells) < len(header):
            problems.append(problem("warning", name, f"row {line} has {len(cells)} cells but the "
                                    f"header has {len(header)} columns; the missing cells are "
                                    "taken as empty", line=line))
        cells = [*cells, *[""] * (len(header) - len(cells))]
        rows.append((line, [cell.strip() for cell in cells[:len(header)]]))
    return header, rows


def read_metadata(
    path: Path, files: list[str], *, analysed: list[str] | None = None
) -> tuple[pd.DataFrame, list[dict[str, object]]]:
    """Read and check ``metadata.csv``.

    Args:
        path: the metadata file (a missing file gives an empty table and no problem).
        files: every article file in the corpus folder (relative paths).
        analysed: the articles that need a row (default: all of ``files``); a file that could
            not be read at all has its own problem already.

    Returns:
        One row per known file (index: file) with the given values as strings, and the
        problems found (each naming the row and column).
    """
    name = path.name
    problems: list[dict[str, object]] = []
    if not path.is_file():
        return pd.DataFrame(), problems
    data = path.read_bytes()
    kind = sniff_binary(data)
    if kind:
        problems.append(problem("error", name, f"is {kind}, not a CSV text file (save it as CSV "
                                "UTF-8); it is ignored"))
        return pd.DataFrame(), problems
    decoded = decode(data)
    if decoded.encoding not in ("utf-8", "utf-8 (with BOM)", "ascii"):
        problems.append(problem("warning", name, f"not UTF-8: read as {decoded.encoding}; "
                                "save it as UTF-8 to be sure of accented names"))
    try:
        header, rows = _rows(decoded.text, name, problems)
    except csv.Error as error:
        problems.append(problem("error", name, f"cannot be read as CSV ({error}); it is ignored"))
        return pd.DataFrame(), problems
    if not header:
        problems.append(problem("error", name, "is empty; it is ignored"))
        return pd.DataFrame(), problems
    standard = {field: field for field in ["file", *STANDARD_FIELDS]}
    columns = [standard.get(c.lower(), c) for c in header]
    if "file" not in columns:
        found = ", ".join(c for c in columns if c) or "none"
        problems.append(problem("error", name, "has no 'file' column naming each article "
                                f"(columns found: {found}); it is ignored", column="file"))
        return pd.DataFrame(), problems
    for position, column in enumerate(columns):
        if column in columns[:position]:
            problems.append(problem("error", name, f"column '{column}' appears twice; the first "
                                    "is used", column=column))
        elif not column and any(cells[position] for _line, cells in rows):
            problems.append(problem("warning", name, f"column {position + 1} has no name in the "
                                    "header; its values are ignored"))
    known = set(files)
    given: dict[str, dict[str, str]] = {}
    for line, cells in rows:
        row: dict[str, str] = {}
        for column, cell in zip(columns, cells, strict=True):
            if column and column not in row:
                row[column] = cell
        file = _file_key(row.pop("file"))
        if not file:
            problems.append(problem("error", name, f"row {line} has an empty 'file' cell",
                                    line=line, column="file"))
            continue
        if file not in known:
            hint = _did_you_mean(file, files)
            problems.append(problem("warning", name, f"row {line} names '{file}', which is not "
                                    f"an article file in the corpus folder{hint}",
                                    line=line, column="file"))
            continue
        if file in given:
            problems.append(problem("error", name, f"row {line} repeats '{file}'; the first row "
                                    "is used", line=line, column="file"))
            continue
        if row.get("date"):
            try:
                parse_user_date(row["date"], what=f"row {line}, column date:")
            except ValueError as error:
                problems.append(problem("error", name, f"{error}; the date is taken from the "
                                        "text if it states one", line=line, column="date"))
                row["date"] = ""
        given[file] = row
    for file in files if analysed is None else analysed:
        if file not in given:
            problems.append(problem("info", file, f"no row in {name}: its metadata is inferred "
                                    "from the text"))
    return pd.DataFrame.from_dict(given, orient="index"), problems


def merge_metadata(
    analysed: pd.DataFrame, files: list[str], metadata_path: Path
) -> tuple[pd.DataFrame, list[dict[str, object]]]:
    """Combine analysed documents with ``metadata.csv`` and the metadata inferred from text.

    Returns:
        The documents table (standard fields, their sources, extra metadata columns, counts,
        raw and clean text) and the metadata problems.
    """
    analysed_files = list(analysed["file"]) if len(analysed) else []
    given, problems = read_metadata(metadata_path, files, analysed=analysed_files)
    if not len(analysed):
        return pd.DataFrame(columns=["doc_id", "file", *STANDARD_FIELDS, "date_source"]), problems
    docs = analysed.copy()
    inferred = [json.loads(cell) for cell in docs["inferred"]]
    sources = [json.loads(cell) for cell in docs["inferred_sources"]]
    detected_language = docs["language"].tolist()
    rows = given.to_dict(orient="index") if len(given) else {}
    files_given = [rows.get(file, {}) for file in docs["file"]]
    for field in STANDARD_FIELDS:
        values, origins = [], []
        for row, found, found_sources, language in zip(files_given, inferred, sources,
                                                       detected_language, strict=True):
            given_value = row.get(field, "")
            if given_value:
                values.append(given_value)
                origins.append("metadata.csv")
            elif field == "language":
                values.append(language)
                origins.append("detected from the text")
            elif field in found:
                values.append(found[field])
                origins.append(found_sources[field])
            else:
                values.append("")
                partial = found_sources.get(f"{field}_partial")
                origins.append(f"missing ({partial})" if partial else "missing")
        docs[field] = values
        docs[f"{field}_source"] = origins
    docs["date"] = docs["date"].map(lambda v: _given_day(v) if v else None)
    docs["date"] = pd.to_datetime(docs["date"])
    docs["place"] = [found.get("place", "") for found in inferred]
    extra = [c for c in given.columns if c not in STANDARD_FIELDS]
    for column in extra:
        docs[column] = docs["file"].map(given[column]).fillna("")
    docs = docs.drop(columns=["inferred", "inferred_sources"])
    ordered = ["doc_id", "file", "title", "date", "date_source", "outlet", "outlet_source",
               "author", "url", "language", "place", "n_words", "n_sentences", "n_chars",
               "encoding", *extra]
    rest = [c for c in docs.columns if c not in ordered]
    return docs[ordered + rest].reset_index(drop=True), problems
