"""Build the reports of a ``build.json`` again (same corpus, notebooks and parameters), and say
what differs from the record in ways that can change the results."""

from __future__ import annotations

from pathlib import Path

from helpers import config
from helpers.build.index import RecordError, read_record, record_file
from helpers.build.lockfile import lock_record
from helpers.build.parameters import ParameterError
from helpers.build.provenance import LOCATION_PARAMETERS
from helpers.build.reports import build_reports
from helpers.build.run import ReportResult, package_versions


def record_notebook(source: str) -> Path:
    """The notebook a record names (relative names are inside the project)."""
    path = Path(source)
    return path if path.is_absolute() else config.PROJECT_DIR / path


def check_record(record: dict[str, object], file: Path) -> None:
    """Refuse a record that does not say what to rebuild.

    Raises:
        RecordError: no corpus folder, or no list of reports each with its name.
    """
    reports = record.get("reports")
    if not isinstance(record.get("corpus_dir"), str):
        raise RecordError(f"{file} is not a build record: it names no corpus folder")
    if not isinstance(reports, list) or not all(
            isinstance(r, dict) and isinstance(r.get("name"), str) for r in reports):
        raise RecordError(f"{file} is not a build record: it lists no reports by name")


def rebuild_from_record(
    record_path: str | Path, *, out_dir: str | Path | None = None, progress: bool = True,
    jobs: int | None = None,
) -> tuple[list[ReportResult], list[str]]:
    """Build the reports of a ``build.json`` again: same corpus, notebooks and parameters.

    Args:
        record_path: the ``build.json`` (or the folder holding it).
        out_dir: where to write (default: the record's folder).
        progress: show progress bars.
        jobs: notebooks run at the same time (see :func:`build_reports`).

    Returns:
        The results, and the differences from the record that can change the results
        (corpus fingerprint, lexicon files, package versions), one sentence each.

    Raises:
        RecordError: the record cannot be read, or is not a build record.
        ParameterError: the record names notebooks that are not here.
        CorpusError: the corpus folder it names cannot be analysed (gone, emptied).
    """
    file = record_file(Path(record_path).expanduser().resolve())
    record = read_record(file)
    check_record(record, file)
    reports = record["reports"]
    notebooks = [record_notebook(r.get("source") or f"notebooks/{r['name']}.ipynb")
                 for r in reports]
    missing = [str(n) for n in notebooks if not n.is_file()]
    if missing:
        raise ParameterError(f"the record names notebooks that are not here: {', '.join(missing)}")
    exact = {r["name"]: {k: v for k, v in r.get("provenance", {}).get("parameters", {}).items()
                         if k not in LOCATION_PARAMETERS} for r in reports}
    results = build_reports(
        corpus_dir=record["corpus_dir"], out_dir=out_dir or file.parent,
        parameters=dict(record.get("parameters", {})), notebooks=notebooks,
        engine=str(record.get("engine", "local")), progress=progress, exact=exact, jobs=jobs,
    )
    return results, record_differences(record, results)


def record_differences(record: dict[str, object], results: list[ReportResult]) -> list[str]:
    """What differs between a record and a rebuild, in ways that can change the results."""
    differences = []
    fingerprint = next((r.provenance.get("corpus", {}).get("fingerprint") for r in results), None)
    if fingerprint and fingerprint != record.get("corpus_fingerprint"):
        differences.append(f"the corpus changed: fingerprint {fingerprint}, recorded "
                           f"{record.get('corpus_fingerprint')}")
    old_lexicons = record.get("lexicons", {})
    for result in results:
        for name, digest in result.provenance.get("lexicons", {}).items():
            if name in old_lexicons and old_lexicons[name] != digest:
                differences.append(f"lexicon {name} changed since the record")
    old_lock, lock = record.get("lock", {}).get("sha256", ""), lock_record()["sha256"]
    if old_lock and old_lock != lock:
        differences.append(f"requirements.lock differs from the one recorded "
                           f"({lock[:12] or 'none'}, recorded {old_lock[:12]}): packages may "
                           "have other versions")
    old_versions = record.get("versions", {})
    for name, value in package_versions().items():
        if name in old_versions and old_versions[name] != value:
            differences.append(f"{name} is {value}, recorded {old_versions[name]}")
    return sorted(set(differences))
