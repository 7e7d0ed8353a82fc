"""Read a corpus's optional ``metadata.csv`` and merge it with what the text states.

``metadata.csv`` has a ``file`` column naming each article and any of ``date``, ``title``,
``outlet``, ``url``, ``author``, ``language``; every other column is kept as a document
variable for grouping. Values given there win over values inferred from the text; each
value's source is kept in a ``<name>_source`` column. Bad rows are reported as problems that
name the row and column, never turned silently into missing values.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pandas as pd

from helpers.metadata import parse_date
from helpers.pipeline import problem
from helpers.reading import decode

STANDARD_FIELDS = ["title", "date", "outlet", "author", "url", "language"]
_ISO_PARTIAL = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{1,2}))?(?:-(?P<d>\d{1,2}))?$")


def parse_metadata_date(value: str) -> tuple[pd.Timestamp | None, str | None]:
    """Parse a date cell: ISO (``2024-05-25``, ``2024-05``, ``2024``) or a written date.

    Returns:
        The date (None if empty or invalid) and an error message for an invalid cell.
    """
    text = value.strip()
    if not text:
        return None, None
    iso = _ISO_PARTIAL.match(text)
    if iso:
        year, month, day = int(iso["y"]), int(iso["m"] or 1), int(iso["d"] or 1)
        try:
            return pd.Timestamp(year=year, month=month, day=day), None
        except ValueError:
            return None, f"'{text}' is not a valid date"
    parsed = parse_date(text)
    if parsed is not None and len(text) <= 40:
        return parsed, None
    return None, f"'{text}' is not a date format communique reads (use YYYY-MM-DD)"


def read_metadata(path: Path, files: list[str]) -> tuple[pd.DataFrame, list[dict[str, object]]]:
    """Read and check ``metadata.csv``.

    Returns:
        One row per known file (index: file) with the given values as strings, and the
        problems found (each naming the row and column).
    """
    name = path.name
    problems: list[dict[str, object]] = []
    if not path.is_file():
        return pd.DataFrame(), problems
    decoded = decode(path.read_bytes())
    if decoded.encoding not in ("utf-8", "utf-8 (with BOM)", "ascii"):
        problems.append(problem("warning", name, f"not UTF-8: read as {decoded.encoding}; "
                                "save it as UTF-8 to be sure of accented names"))
    try:
        table = pd.read_csv(io.StringIO(decoded.text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        problems.append(problem("error", name, f"cannot be read as CSV ({error}); it is ignored"))
        return pd.DataFrame(), problems
    table.columns = [str(c).strip() for c in table.columns]
    if "file" not in table.columns:
        found = ", ".join(table.columns) or "none"
        problems.append(problem("error", name, "has no 'file' column naming each article "
                                f"(columns found: {found}); it is ignored", column="file"))
        return pd.DataFrame(), problems
    known = set(files)
    rows = {}
    for position, row in enumerate(table.to_dict("records")):
        line = position + 2  # the header is line 1
        file = str(row["file"]).strip()
        if not file:
            problems.append(problem("error", name, f"row {line} has an empty 'file' cell",
                                    line=line, column="file"))
            continue
        if file not in known:
            problems.append(problem("warning", name, f"row {line} names '{file}', which is not "
                                    "an article file in the corpus folder", line=line, column="file"))
            continue
        if file in rows:
            problems.append(problem("error", name, f"row {line} repeats '{file}'; the first row "
                                    "is used", line=line, column="file"))
            continue
        if "date" in row:
            _date, error = parse_metadata_date(str(row["date"]))
            if error:
                problems.append(problem("error", name, f"row {line}, column date: {error}; the "
                                        "date is taken from the text if it states one",
                                        line=line, column="date"))
                row["date"] = ""
        rows[file] = {k: str(v).strip() for k, v in row.items() if k != "file"}
    given = pd.DataFrame.from_dict(rows, orient="index")
    for file in files:
        if file not in rows:
            problems.append(problem("info", file, f"no row in {name}: its metadata is inferred "
                                    "from the text"))
    return given, problems


def merge_metadata(
    analysed: pd.DataFrame, files: list[str], metadata_path: Path
) -> tuple[pd.DataFrame, list[dict[str, object]]]:
    """Combine analysed documents with ``metadata.csv`` and the metadata inferred from text.

    Returns:
        The documents table (standard fields, their sources, extra metadata columns, counts,
        raw and clean text) and the metadata problems.
    """
    analysed_files = list(analysed["file"]) if len(analysed) else []
    given, problems = read_metadata(metadata_path, analysed_files)
    if not len(analysed):
        return pd.DataFrame(columns=["doc_id", "file", *STANDARD_FIELDS, "date_source"]), problems
    docs = analysed.copy()
    inferred = docs["inferred"].map(json.loads)
    sources = docs["inferred_sources"].map(json.loads)
    detected_language = docs["language"]
    for field in STANDARD_FIELDS:
        values, origins = [], []
        for i, file in enumerate(docs["file"]):
            given_value = given.at[file, field] if field in given.columns and file in given.index else ""
            if given_value:
                values.append(given_value)
                origins.append("metadata.csv")
            elif field == "language":
                values.append(detected_language.iloc[i])
                origins.append("detected from the text")
            elif field in inferred.iloc[i]:
                values.append(inferred.iloc[i][field])
                origins.append(sources.iloc[i][field])
            else:
                values.append("")
                partial = sources.iloc[i].get(f"{field}_partial")
                origins.append(f"missing ({partial})" if partial else "missing")
        docs[field] = values
        docs[f"{field}_source"] = origins
    docs["date"] = docs["date"].map(lambda v: parse_metadata_date(v)[0] if v else None)
    docs["date"] = pd.to_datetime(docs["date"])
    docs["place"] = inferred.map(lambda d: d.get("place", ""))
    extra = [c for c in given.columns if c not in STANDARD_FIELDS]
    for column in extra:
        docs[column] = docs["file"].map(given[column]).fillna("")
    docs = docs.drop(columns=["inferred", "inferred_sources"])
    ordered = ["doc_id", "file", "title", "date", "date_source", "outlet", "outlet_source",
               "author", "url", "language", "place", "n_words", "n_sentences", "n_chars",
               "encoding", *extra]
    rest = [c for c in docs.columns if c not in ordered]
    return docs[ordered + rest].reset_index(drop=True), problems
