"""What produced a report: the record the builder keeps and shows with every report.

For each executed notebook the builder assembles a record (:func:`report_record`): the
corpus fingerprint, document count and date range, every parameter the notebook ran with
(its defaults and the values the build passed), the SHA-256 of the lexicon files it could
read, the package versions, the files it wrote, and the time it took. The record goes into
``build.json`` and, as an escaped "Provenance" section (:func:`provenance_html`), at the end
of the report; ``communique build --from-record build.json`` rebuilds from it.
"""

from __future__ import annotations

import ast
import hashlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import papermill as pm

from helpers import config
from helpers.build.lockfile import lock_record
from helpers.report.display import escape, links_html

# Parameters that locate things rather than change results: the builder sets them.
LOCATION_PARAMETERS = ("corpus_dir", "reports_dir")
NO_FILE = ("", "none", "no", "off", "false")


def sha256_of(path: str | Path) -> str:
    """The SHA-256 hex digest of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def notebook_defaults(notebook: str | Path) -> dict[str, Any]:
    """The defaults declared in a notebook's ``parameters`` cell, as Python values."""
    defaults = {}
    for name, declared in pm.inspect_notebook(str(notebook)).items():
        try:
            defaults[name] = ast.literal_eval(declared["default"])
        except (ValueError, SyntaxError):
            defaults[name] = declared["default"]
    return defaults


def resolved_parameters(executed: Mapping[str, Any], source: str | Path) -> dict[str, Any]:
    """Every parameter an executed notebook ran with: its defaults, then the values passed.

    Args:
        executed: the executed notebook (papermill keeps the values passed in
            ``metadata.papermill.parameters``).
        source: the notebook as committed, for its defaults.
    """
    passed = executed.get("metadata", {}).get("papermill", {}).get("parameters", {}) or {}
    return {**notebook_defaults(source), **passed}


SHIPPED_DATA_DIRS = (config.DATA_DIR, config.CORPUS_DATA_DIR)


def lexicon_files(
    parameters: Mapping[str, Any], *, data_dirs: Sequence[Path] = SHIPPED_DATA_DIRS
) -> list[Path]:
    """The lexicon files a report could read: the shipped data files (the reports' and the
    per-document stage's) and ``*_file`` parameters."""
    files = sorted((p for folder in data_dirs for p in folder.iterdir()
                    if p.is_file() and not p.name.startswith(".")), key=lambda p: p.name)
    for name, value in sorted(parameters.items()):
        if name.endswith("_file") and str(value).strip().lower() not in NO_FILE:
            path = Path(str(value)).expanduser()
            if path.is_file() and path.resolve() not in {f.resolve() for f in files}:
                files.append(path)
    return files


def lexicon_hashes(
    parameters: Mapping[str, Any], *, data_dirs: Sequence[Path] = SHIPPED_DATA_DIRS
) -> dict[str, str]:
    """SHA-256 of each lexicon file (shipped files by name, others by their path)."""
    hashes = {}
    shipped = {folder.resolve() for folder in data_dirs}
    for path in lexicon_files(parameters, data_dirs=data_dirs):
        key = path.name if path.parent.resolve() in shipped else str(path.resolve())
        hashes[key] = sha256_of(path)
    return hashes


def corpus_summary(documents: pd.DataFrame) -> dict[str, Any]:
    """Documents, dated documents and the date range of a corpus' documents table."""
    dates = documents["date"].dropna()
    return {
        "n_documents": len(documents),
        "n_dated": len(dates),
        "first_date": f"{dates.min():%Y-%m-%d}" if len(dates) else "",
        "last_date": f"{dates.max():%Y-%m-%d}" if len(dates) else "",
    }


def report_record(
    *,
    corpus: Mapping[str, Any],
    parameters: Mapping[str, Any],
    passed: Mapping[str, Any],
    versions: Mapping[str, str],
    seconds: float,
    built_at: str,
    files: list[str],
) -> dict[str, Any]:
    """The provenance record of one report.

    Args:
        corpus: the corpus directory, fingerprint and :func:`corpus_summary` values.
        parameters: every parameter the notebook ran with (:func:`resolved_parameters`).
        passed: the parameters the build passed (the others are the notebook's defaults).
        versions: package versions.
        seconds: the time the notebook took to run.
        built_at: when it was built ("YYYY-MM-DD HH:MM UTC").
        files: the figures and tables it wrote, relative to the reports folder.
    """
    return {
        "corpus": dict(corpus),
        "parameters": dict(parameters),
        "passed": sorted(passed),
        "lexicons": lexicon_hashes(parameters),
        "versions": dict(versions),
        "lock": lock_record(),
        "seconds": seconds,
        "built_at": built_at,
        "files": list(files),
    }


def _rows(pairs: list[tuple[str, str]], *, code: bool = False) -> str:
    wrap = (lambda v: f"<code>{v}</code>") if code else (lambda v: v)
    return "".join(f"<tr><th>{escape(k)}</th><td>{wrap(escape(v))}</td></tr>" for k, v in pairs)


def provenance_html(record: Mapping[str, Any], *, report_dir: Path | None = None) -> str:
    """The escaped HTML "Provenance" section shown at the end of a report."""
    corpus = record["corpus"]
    lexicons = _rows(list(record["lexicons"].items()), code=True)
    versions = _rows(list(record["versions"].items()))
    span = (f"dated from {corpus['first_date']} to {corpus['last_date']}"
            if corpus.get("first_date") else "no dated document")
    passed = set(record.get("passed", []))
    parameters = [(name, f"{value!r}" + ("" if name in passed else "  (default)"))
                  for name, value in record["parameters"].items()]
    lock = record.get("lock", {})
    lock_html = (f"<p>Installed from <code>{escape(lock['file'])}</code>, SHA-256 "
                 f"<code>{escape(lock['sha256'])}</code>.</p>" if lock.get("sha256") else "")
    files = record.get("files", [])
    file_links = ""
    if files:
        base = report_dir or Path.cwd()
        file_links = ("<p>Files written by this report: "
                      + links_html({name: base / name for name in files}, base=base) + "</p>")
    return (
        '<section class="communique-provenance">'
        '<h2 id="Provenance">Provenance</h2>'
        f"<p>Built {escape(record['built_at'])}; the notebook ran in "
        f"{escape(record['seconds'])} s. "
        f"Corpus <code>{escape(corpus.get('corpus_dir', ''))}</code>, "
        f"fingerprint <code>{escape(corpus.get('fingerprint', ''))}</code>: "
        f"{escape(corpus.get('n_documents', ''))} documents, {escape(span)}.</p>"
        "<h3>Parameters</h3>"
        f'<table class="communique-table">{_rows(parameters, code=True)}</table>'
        "<h3>Lexicon files (SHA-256)</h3>"
        f'<table class="communique-table">{lexicons}</table>'
        "<h3>Package versions</h3>"
        f'<table class="communique-table">{versions}</table>'
        f"{lock_html}"
        f"{file_links}"
        "<p>Rebuild: <code>communique build --from-record build.json</code> in the reports "
        "folder re-runs this report with the same corpus and parameters.</p>"
        "</section>"
    )
