"""The reports folder's front page and record: ``index.html`` (one card per report) and
``build.json`` (the provenance record of the whole build: corpus fingerprint and date range,
every parameter, lexicon hashes, versions, the lock, files written, timings), and reading
that record back."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from helpers import config
from helpers.build.lockfile import lock_record
from helpers.build.run import ReportResult, package_versions

RECORD_NAME = "build.json"


class RecordError(ValueError):
    """A build record that cannot be read, or that is not a build record."""


def parameter_table(results: list[ReportResult]) -> list[dict[str, str]]:
    """Every parameter value the reports ran with, and which reports used it."""
    used: dict[tuple[str, str], list[str]] = {}
    for result in results:
        for name, value in result.provenance.get("parameters", {}).items():
            used.setdefault((name, repr(value)), []).append(result.name)
    everyone = len(results)
    return [{"name": name, "value": value,
             "reports": "all" if len(names) == everyone else ", ".join(names)}
            for (name, value), names in sorted(used.items())]


def write_index(
    out: Path, results: list[ReportResult], *, corpus: dict[str, object],
    parameters: dict[str, str], seconds: dict[str, float], engine: str,
) -> Path:
    """Write ``index.html`` (one card per report) and ``build.json`` (the provenance record)."""
    lexicons: dict[str, str] = {}
    for result in results:
        lexicons.update(result.provenance.get("lexicons", {}))
    record = {
        "built_at": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "corpus_dir": corpus["corpus_dir"],
        "corpus_fingerprint": corpus["fingerprint"],
        "n_documents": corpus["n_documents"],
        "corpus": corpus,
        "parameters": parameters,
        "engine": engine,
        "seconds": seconds,
        "versions": package_versions(),
        "lock": lock_record(),
        "lexicons": dict(sorted(lexicons.items())),
        "reports": [asdict(r) for r in results],
    }
    (out / RECORD_NAME).write_text(json.dumps(record, indent=2, default=str), encoding="utf-8")
    environment = Environment(
        loader=FileSystemLoader(str(config.TEMPLATES_DIR)),
        autoescape=select_autoescape(["html", "j2"], default=True),
    )
    page = environment.get_template("index.html.j2").render(
        **record, parameter_rows=parameter_table(results))
    path = out / "index.html"
    path.write_text(page, encoding="utf-8")
    return path


def record_file(path: str | Path) -> Path:
    """The ``build.json`` a path names: the file itself, or the one in the folder it names."""
    path = Path(path).expanduser()
    return path / RECORD_NAME if path.is_dir() else path


def read_record(path: str | Path) -> dict[str, object]:
    """Read a ``build.json`` provenance record (a file, or the reports folder holding it).

    Raises:
        RecordError: the file cannot be read (its path and the system's reason), is not JSON,
            or does not hold a JSON object.
    """
    file = record_file(path)
    try:
        record = json.loads(file.read_text(encoding="utf-8"))
    except OSError as error:
        raise RecordError(f"{file}: {error.strerror or error}") from error
    except ValueError as error:  # not JSON, or not UTF-8
        raise RecordError(f"{file} is not a build record: {error}") from error
    if not isinstance(record, dict):
        raise RecordError(f"{file} is not a build record: it holds no JSON object")
    return record


def last_seconds(out: Path) -> dict[str, float]:
    """How long each notebook took in the build recorded in ``out`` (none if unreadable)."""
    try:
        return {r["name"]: float(r["seconds"]) for r in read_record(out)["reports"]}
    except (KeyError, TypeError, ValueError):  # a RecordError is a ValueError
        return {}
