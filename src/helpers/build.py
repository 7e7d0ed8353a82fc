"""Execute the notebooks with papermill and render them as self-contained HTML reports.

``build_reports`` analyses the corpus once (filling the cache), runs every report notebook
into ``<out>/<name>.ipynb``, renders ``<out>/<name>.html`` with code hidden and no external
script, and writes ``<out>/index.html`` (one card per report) and ``<out>/build.json`` (the
provenance record: corpus fingerprint, parameters, versions, timings). A failing notebook
does not stop the others; its partial report is kept and marked failed.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import nbformat
import papermill as pm
from jinja2 import Environment, FileSystemLoader, select_autoescape
from nbconvert import HTMLExporter
from tqdm.auto import tqdm

from helpers import config
from helpers.corpus import load_corpus
from helpers.display import RECORD_MIME, recorded

KEY_PACKAGES = ["communique", "pandas", "textblob", "vadersentiment", "syntok", "textstat",
                "scikit-learn", "matplotlib", "seaborn", "papermill", "nbconvert"]


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


def render_html(notebook_path: Path, html_path: Path) -> None:
    """Render an executed notebook as self-contained HTML with code hidden."""
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
    body, _resources = exporter.from_notebook_node(notebook)
    html_path.write_text(body, encoding="utf-8")


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


def run_notebook(source: Path, out_dir: Path, parameters: dict[str, object]) -> ReportResult:
    """Execute one notebook with papermill and render it; a failure is recorded, not raised."""
    output = out_dir / source.name
    html = out_dir / f"{source.stem}.html"
    started = time.perf_counter()
    error = ""
    try:
        pm.execute_notebook(str(source), str(output), parameters=parameters,
                            kernel_name="python3", progress_bar=False, cwd=str(out_dir))
    except pm.PapermillExecutionError as failure:
        error = f"cell {failure.exec_count} ({failure.ename}: {failure.evalue})"
    except Exception as failure:  # noqa: BLE001 - a kernel crash must not stop the build
        error = f"{type(failure).__name__}: {failure}"
    seconds = time.perf_counter() - started
    executed = nbformat.read(output, as_version=4) if output.exists() else {"cells": []}
    if output.exists():
        render_html(output, html)
    values = recorded(executed)
    return ReportResult(
        name=source.stem,
        title=_title(executed, source.stem),
        status="failed" if error else "ok",
        html=html.name if html.exists() else "",
        notebook=output.name,
        seconds=round(seconds, 1),
        summary=str(values.get("summary", "")),
        error=error,
        parameters=parameters,
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
) -> list[ReportResult]:
    """Analyse a corpus and build every report notebook into ``out_dir``.

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
    drop = str(given.get("drop_duplicates", "false")).lower() in ("true", "1", "yes")
    corpus = load_corpus(corpus_path, engine=engine, scheduler=scheduler,
                         drop_duplicates=drop, progress=progress)
    analysis_seconds = time.perf_counter() - started
    out.mkdir(parents=True, exist_ok=True)
    results = []
    bar = tqdm(chosen, desc="building reports", unit="notebook", disable=not progress)
    for notebook in bar:
        bar.set_postfix_str(notebook.stem)
        declared = declared_parameters(notebook)
        params = {**per_notebook[notebook], "corpus_dir": str(corpus_path)}
        if "reports_dir" in declared:
            params["reports_dir"] = str(out)
        results.append(run_notebook(notebook, out, params))
    write_index(out, results, corpus_path=corpus_path, fingerprint=corpus.fingerprint,
                n_documents=len(corpus.documents), parameters=given,
                seconds={"analysis": round(analysis_seconds, 1),
                         "total": round(time.perf_counter() - started, 1)},
                engine=engine)
    return results


def write_index(
    out: Path, results: list[ReportResult], *, corpus_path: Path, fingerprint: str,
    n_documents: int, parameters: dict[str, str], seconds: dict[str, float], engine: str,
) -> Path:
    """Write ``index.html`` (one card per report) and ``build.json`` (the provenance record)."""
    record = {
        "built_at": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "corpus_dir": str(corpus_path),
        "corpus_fingerprint": fingerprint,
        "n_documents": n_documents,
        "parameters": parameters,
        "engine": engine,
        "seconds": seconds,
        "versions": package_versions(),
        "reports": [asdict(r) for r in results],
    }
    (out / "build.json").write_text(json.dumps(record, indent=2, default=str), encoding="utf-8")
    environment = Environment(
        loader=FileSystemLoader(str(config.TEMPLATES_DIR)),
        autoescape=select_autoescape(["html", "j2"], default=True),
    )
    page = environment.get_template("index.html.j2").render(**record)
    path = out / "index.html"
    path.write_text(page, encoding="utf-8")
    return path
