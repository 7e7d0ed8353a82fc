"""Execute the notebooks with papermill and render them as self-contained HTML reports.

``build_reports`` analyses the corpus once (filling the cache), runs every report notebook
into ``<out>/<name>.ipynb``, renders ``<out>/<name>.html`` with code hidden, no external
script and a "Provenance" section, and writes ``<out>/index.html`` (one card per report) and
``<out>/build.json`` (the provenance record: corpus fingerprint and date range, every
parameter, lexicon hashes, versions, files written, timings). A failing notebook does not
stop the others; its partial report is kept and marked failed. ``rebuild_from_record``
builds the same reports again from a ``build.json``.

Tables shown with ``show_table(..., interactive=True)`` become sortable, searchable, paged
tables in the HTML: the DataTables bundle shipped with itables is inlined once (offline) and
enhances the escaped static tables in place, so no corpus text ever sits in a script, and
the page's Content-Security-Policy allows that one script by its hash and nothing else.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import tempfile
import time
import uuid
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from multiprocessing import get_context
from pathlib import Path

import itables
import nbformat
import papermill as pm
from jinja2 import Environment, FileSystemLoader, select_autoescape
from nbconvert import HTMLExporter
from tqdm.auto import tqdm
from traitlets.config import Config

from helpers import config
from helpers.build.lockfile import lock_record
from helpers.build.provenance import (
    LOCATION_PARAMETERS,
    corpus_summary,
    provenance_html,
    report_record,
    resolved_parameters,
)
from helpers.corpus.load import load_corpus
from helpers.report.display import RECORD_MIME, recorded
from helpers.report.publish import WRITTEN_FILES

KEY_PACKAGES = ["communique", "pandas", "textblob", "vadersentiment", "syntok", "pyphen",
                "scikit-learn", "matplotlib", "seaborn", "papermill", "nbconvert", "itables"]
INTERACTIVE_MARK = re.compile(r'<table [^>]*class="[\w\s-]*\bcommunique-interactive\b')
NO_SCRIPTS = "script-src 'none'"
# Runs after the DataTables bundle, in the same module: enhances every interactive table.
PAGE_ROWS = 25  # interactive tables longer than this are paged; shorter ones show every row
INTERACTIVE_INIT = """
document.querySelectorAll("table.communique-interactive").forEach(function (table) {
  var scroll = table.closest(".communique-scroll");
  if (scroll) { scroll.classList.add("communique-enhanced"); }
  var paged = table.tBodies.length > 0 && table.tBodies[0].rows.length > %(page_rows)d;
  new %(DataTable)s(table, {paging: paged, pageLength: %(page_rows)d, order: [],
                         lengthMenu: [10, 25, 50, 100], autoWidth: false});
});
"""


class ParameterError(ValueError):
    """A parameter passed to the build that no notebook declares, or of the wrong type."""


@dataclass
class ReportResult:
    """What happened to one notebook in a build."""

    name: str
    title: str
    status: str  # "ok" or "failed"
    html: str
    notebook: str
    seconds: float
    summary: str = ""
    error: str = ""
    parameters: dict[str, object] = field(default_factory=dict)
    source: str = ""  # the notebook built (relative to the project when it is one of its own)
    provenance: dict[str, object] = field(default_factory=dict)


def report_notebooks(notebooks_dir: Path = config.NOTEBOOKS_DIR) -> list[Path]:
    """The report notebooks, in order: ``NN_name.ipynb`` files."""
    return sorted(notebooks_dir.glob("[0-9][0-9]_*.ipynb"))


def declared_parameters(notebook: Path) -> dict[str, dict[str, str]]:
    """The parameters a notebook declares in its ``parameters`` cell, with their types."""
    return {p["name"]: p for p in pm.inspect_notebook(str(notebook)).values()}


def coerce(value: str, type_name: str, name: str) -> object:
    """Convert a command-line value to a parameter's declared type."""
    kind = (type_name or "").lower()
    try:
        if kind == "int":
            return int(value)
        if kind == "float":
            return float(value)
        if kind == "bool":
            if value.lower() in ("true", "1", "yes"):
                return True
            if value.lower() in ("false", "0", "no"):
                return False
            raise ValueError(value)
        if kind.startswith("list"):
            return [v.strip() for v in value.split(",") if v.strip()]
    except ValueError as error:
        raise ParameterError(f"parameter {name}: {value!r} is not a valid {kind}") from error
    return value


def resolve_parameters(
    notebooks: list[Path], given: dict[str, str]
) -> dict[Path, dict[str, object]]:
    """Give each notebook the parameters it declares; an unknown parameter is an error."""
    declared = {nb: declared_parameters(nb) for nb in notebooks}
    known = sorted({name for params in declared.values() for name in params})
    unknown = [name for name in given if name not in known]
    if unknown:
        raise ParameterError(
            f"unknown parameter(s): {', '.join(unknown)}; the notebooks declare: {', '.join(known)}"
        )
    return {
        nb: {name: coerce(str(value), params[name].get("inferred_type_name", ""), name)
             for name, value in given.items() if name in params}
        for nb, params in declared.items()
    }


@lru_cache(maxsize=1)
def interactive_assets() -> tuple[str, str]:
    """The inline style and module script that make interactive tables work offline.

    Returns:
        The DataTables CSS, and the DataTables bundle (from the itables package) with its
        ``export`` statement replaced by :data:`INTERACTIVE_INIT`.
    """
    folder = Path(itables.__file__).parent / "html"
    bundle = (folder / "dt_bundle.js").read_text(encoding="utf-8")
    exports = list(re.finditer(r"export\s*\{([^}]*)\}\s*;?", bundle))[-1]
    names = dict(reversed(part.strip().split(" as ")) for part in exports.group(1).split(","))
    init = INTERACTIVE_INIT % {"DataTable": names["default"], "page_rows": PAGE_ROWS}
    script = bundle[:exports.start()] + init + bundle[exports.end():]
    return (folder / "dt_bundle.css").read_text(encoding="utf-8"), script


def script_hash(script: str) -> str:
    """The CSP source expression allowing one inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def add_interactive_tables(page: str) -> str:
    """Inline the interactive-table assets into a report that has interactive tables.

    The CSP's ``script-src 'none'`` becomes ``script-src 'sha256-...'``: the one script
    added here runs, any other script (if corpus text ever got through unescaped) does not.
    """
    if not INTERACTIVE_MARK.search(page):
        return page
    style, script = interactive_assets()
    assets = f'<style type="text/css">{style}</style>\n<script type="module">{script}</script>\n'
    page = page.replace(NO_SCRIPTS, f"script-src {script_hash(script)}", 1)
    at = page.rindex("</body>")
    return page[:at] + assets + page[at:]


def provenance_cell(record: dict[str, object], report_dir: Path) -> nbformat.NotebookNode:
    """A code cell (input hidden in the report) whose output is the Provenance section."""
    cell = nbformat.v4.new_code_cell("")
    cell.outputs = [nbformat.v4.new_output(
        "display_data", data={"text/html": provenance_html(record, report_dir=report_dir)})]
    return cell


def render_html(
    notebook_path: Path, html_path: Path, *, provenance: dict[str, object] | None = None
) -> None:
    """Render an executed notebook as self-contained HTML with code hidden.

    Args:
        notebook_path: the executed notebook.
        html_path: the HTML file to write.
        provenance: the report's provenance record, shown as a last section.
    """
    exporter = HTMLExporter(
        template_name="communique",
        extra_template_basedirs=[str(config.TEMPLATES_DIR)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )
    notebook = nbformat.read(notebook_path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if RECORD_MIME not in o.get("data", {})]
    if provenance:
        notebook.cells.append(provenance_cell(provenance, html_path.parent))
    resources = {"metadata": {"name": _title(notebook, notebook_path.stem)}}
    body, _resources = exporter.from_notebook_node(notebook, resources=resources)
    html_path.write_text(add_interactive_tables(body), encoding="utf-8")


def package_versions() -> dict[str, str]:
    """Installed versions of the packages that shape the results."""
    versions = {}
    for name in KEY_PACKAGES:
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def _title(notebook: dict, fallback: str) -> str:
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "markdown":
            for line in cell.get("source", "").splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def source_name(notebook: Path) -> str:
    """How build.json names a notebook: relative to the project when it is one of its own."""
    try:
        return notebook.resolve().relative_to(config.PROJECT_DIR).as_posix()
    except ValueError:
        return str(notebook.resolve())


def _kernel_config() -> Config:
    """Where the system has them, a kernel talks to the builder over local sockets of its own
    (files in the temporary folder) rather than TCP ports: kernels started side by side can
    then never pick the same port."""
    if os.name != "posix":
        return Config()
    sockets = Path(tempfile.gettempdir()) / f"communique-{uuid.uuid4().hex[:12]}"
    return Config({"KernelManager": {"transport": "ipc", "ip": str(sockets)}})


def run_notebook(
    source: Path, out_dir: Path, parameters: dict[str, object], *,
    corpus: dict[str, object] | None = None,
) -> ReportResult:
    """Execute one notebook with papermill and render it; a failure is recorded, not raised.

    Args:
        source: the notebook.
        out_dir: the reports folder.
        parameters: the values passed to papermill.
        corpus: the corpus directory, fingerprint and summary, for the provenance record.
    """
    output = out_dir / source.name
    html = out_dir / f"{source.stem}.html"
    started = time.perf_counter()
    error = ""
    try:
        pm.execute_notebook(str(source), str(output), parameters=parameters,
                            kernel_name="python3", progress_bar=False, cwd=str(out_dir),
                            config=_kernel_config())
    except pm.PapermillExecutionError as failure:
        error = f"cell {failure.exec_count} ({failure.ename}: {failure.evalue})"
    except Exception as failure:  # noqa: BLE001 - a kernel crash must not stop the build
        error = f"{type(failure).__name__}: {failure}"
    seconds = round(time.perf_counter() - started, 1)
    executed = nbformat.read(output, as_version=4) if output.exists() else {"cells": []}
    values = recorded(executed)
    record = report_record(
        corpus=corpus or {}, parameters=resolved_parameters(executed, source),
        passed=parameters, versions=package_versions(), seconds=seconds,
        built_at=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        files=sorted(values.get(WRITTEN_FILES, [])),
    )
    if output.exists():
        render_html(output, html, provenance=record)
    return ReportResult(
        name=source.stem,
        title=_title(executed, source.stem),
        status="failed" if error else "ok",
        html=html.name if html.exists() else "",
        notebook=output.name,
        seconds=seconds,
        summary=str(values.get("summary", "")),
        error=error,
        parameters=parameters,
        source=source_name(source),
        provenance=record,
    )


def build_reports(
    *,
    corpus_dir: str | Path = config.CORPUS_DIR,
    out_dir: str | Path = config.REPORTS_DIR,
    parameters: dict[str, str] | None = None,
    notebooks: list[Path] | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    progress: bool = True,
    exact: dict[str, dict[str, object]] | None = None,
    jobs: int | None = None,
) -> list[ReportResult]:
    """Analyse a corpus and build every report notebook into ``out_dir``.

    Args:
        corpus_dir: the folder of articles.
        out_dir: the reports folder.
        parameters: values for the notebooks' parameters, as strings (command line).
        notebooks: the notebooks to build (default: every report notebook).
        engine, scheduler: where the per-document analysis runs.
        progress: show progress bars.
        exact: per notebook stem, typed parameter values passed as they are (a rebuild
            from a record); they win over ``parameters``.
        jobs: notebooks run at the same time, each in its own process and kernel (default:
            the machine's cores); each holds the corpus tables in memory.

    Raises:
        CorpusError: the corpus folder cannot be analysed at all.
        ParameterError: a parameter no notebook declares, or of the wrong type.
    """
    started = time.perf_counter()
    corpus_path = Path(corpus_dir).expanduser().resolve()
    out = Path(out_dir).expanduser().resolve()
    chosen = notebooks or report_notebooks()
    given = dict(parameters or {})
    per_notebook = resolve_parameters(chosen, given)
    drop = str(given.get("drop_duplicates", "false")).lower() in ("true", "1", "yes") or any(
        values.get("drop_duplicates") is True for values in (exact or {}).values())
    corpus = load_corpus(corpus_path, engine=engine, scheduler=scheduler,
                         drop_duplicates=drop, progress=progress)
    about = {"corpus_dir": str(corpus_path), "fingerprint": corpus.fingerprint,
             **corpus_summary(corpus.documents)}
    analysis_seconds = time.perf_counter() - started
    out.mkdir(parents=True, exist_ok=True)
    runs = []
    for notebook in chosen:
        declared = declared_parameters(notebook)
        params = {**per_notebook[notebook], **(exact or {}).get(notebook.stem, {}),
                  "corpus_dir": str(corpus_path)}
        if "reports_dir" in declared:
            params["reports_dir"] = str(out)
        runs.append((notebook, params))
    results = _run_notebooks(runs, out, about, jobs=jobs or os.cpu_count() or 1,
                             progress=progress)
    write_index(out, results, corpus=about, parameters=given,
                seconds={"analysis": round(analysis_seconds, 1),
                         "total": round(time.perf_counter() - started, 1)},
                engine=engine)
    return results


def _run_notebooks(
    runs: list[tuple[Path, dict[str, object]]], out: Path, corpus: dict[str, object], *,
    jobs: int, progress: bool,
) -> list[ReportResult]:
    """Run the notebooks, ``jobs`` at a time in separate processes (papermill changes the
    working directory, so runs share no process); the results come back in ``runs`` order."""
    bar = tqdm(total=len(runs), desc="building reports", unit="notebook", disable=not progress)
    jobs = max(1, min(jobs, len(runs)))
    if jobs == 1:
        results = []
        for notebook, params in runs:
            bar.set_postfix_str(notebook.stem)
            results.append(run_notebook(notebook, out, params, corpus=corpus))
            bar.update(1)
    else:
        # Longest first (by the last build's times; unknown ones first), so that no long
        # notebook starts last. Spawned, not forked: the builder may hold threads.
        last = _last_seconds(out)
        order = sorted(range(len(runs)), key=lambda i: -last.get(runs[i][0].stem, float("inf")))
        with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool:
            futures = {pool.submit(run_notebook, runs[index][0], out, runs[index][1],
                                   corpus=corpus): index for index in order}
            done: dict[int, ReportResult] = {}
            for future in as_completed(futures):
                done[futures[future]] = result = future.result()
                bar.set_postfix_str(result.name)
                bar.update(1)
        results = [done[index] for index in range(len(runs))]
    bar.close()
    return results


def _last_seconds(out: Path) -> dict[str, float]:
    """How long each notebook took in the build recorded in ``out`` (none if unreadable)."""
    try:
        return {r["name"]: float(r["seconds"]) for r in read_record(out)["reports"]}
    except (OSError, KeyError, TypeError, ValueError):
        return {}


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
    (out / "build.json").write_text(json.dumps(record, indent=2, default=str), encoding="utf-8")
    environment = Environment(
        loader=FileSystemLoader(str(config.TEMPLATES_DIR)),
        autoescape=select_autoescape(["html", "j2"], default=True),
    )
    page = environment.get_template("index.html.j2").render(
        **record, parameter_rows=parameter_table(results))
    path = out / "index.html"
    path.write_text(page, encoding="utf-8")
    return path


def read_record(path: str | Path) -> dict[str, object]:
    """Read a ``build.json`` provenance record (a file, or the reports folder holding it)."""
    path = Path(path).expanduser()
    if path.is_dir():
        path = path / "build.json"
    return json.loads(path.read_text(encoding="utf-8"))


def record_notebook(source: str) -> Path:
    """The notebook a record names (relative names are inside the project)."""
    path = Path(source)
    return path if path.is_absolute() else config.PROJECT_DIR / path


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
    """
    path = Path(record_path).expanduser().resolve()
    record = read_record(path)
    folder = path if path.is_dir() else path.parent
    reports = record["reports"]
    notebooks = [record_notebook(r.get("source") or f"notebooks/{r['name']}.ipynb")
                 for r in reports]
    missing = [str(n) for n in notebooks if not n.is_file()]
    if missing:
        raise ParameterError(f"the record names notebooks that are not here: {', '.join(missing)}")
    exact = {r["name"]: {k: v for k, v in r.get("provenance", {}).get("parameters", {}).items()
                         if k not in LOCATION_PARAMETERS} for r in reports}
    results = build_reports(
        corpus_dir=record["corpus_dir"], out_dir=out_dir or folder,
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
