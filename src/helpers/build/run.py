"""Running report notebooks with papermill: one notebook in its own kernel (a failure is
recorded, not raised), several side by side in a pool of processes, the longest first."""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from multiprocessing import get_context
from pathlib import Path

import nbformat
import papermill as pm
from tqdm.auto import tqdm
from traitlets.config import Config

from helpers import config
from helpers.build.provenance import report_record, resolved_parameters
from helpers.build.render import notebook_title, render_html
from helpers.report.display import recorded
from helpers.report.publish import WRITTEN_FILES

KEY_PACKAGES = ["communique", "pandas", "textblob", "vadersentiment", "syntok", "pyphen",
                "scikit-learn", "matplotlib", "seaborn", "papermill", "nbconvert", "itables"]


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


def package_versions() -> dict[str, str]:
    """Installed versions of the packages that shape the results."""
    versions = {}
    for name in KEY_PACKAGES:
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def source_name(notebook: Path) -> str:
    """How build.json names a notebook: relative to the project when it is one of its own."""
    try:
        return notebook.resolve().relative_to(config.PROJECT_DIR).as_posix()
    except ValueError:
        return str(notebook.resolve())


def kernel_config() -> Config:
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
                            config=kernel_config())
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
        title=notebook_title(executed, source.stem),
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


def longest_first(stems: list[str], last_seconds: dict[str, float]) -> list[int]:
    """The order to start notebooks in, as indices into ``stems``: the longest by the last
    build's times first, those it did not time before them all, ties in the given order (so
    that no long notebook starts last)."""
    return sorted(range(len(stems)), key=lambda i: -last_seconds.get(stems[i], float("inf")))


def run_notebooks(
    runs: list[tuple[Path, dict[str, object]]], out: Path, corpus: dict[str, object], *,
    jobs: int, progress: bool, last_seconds: dict[str, float],
) -> list[ReportResult]:
    """Run the notebooks, ``jobs`` at a time in separate processes (papermill changes the
    working directory, so runs share no process); the results come back in ``runs`` order.

    Args:
        runs: each notebook with the parameters it runs with.
        out: the reports folder.
        corpus: the corpus directory, fingerprint and summary, for the provenance record.
        jobs: notebooks run at the same time.
        progress: show a progress bar.
        last_seconds: how long each notebook (by stem) took in the last build, to start the
            longest first.
    """
    bar = tqdm(total=len(runs), desc="building reports", unit="notebook", disable=not progress)
    jobs = max(1, min(jobs, len(runs)))
    if jobs == 1:
        results = []
        for notebook, params in runs:
            bar.set_postfix_str(notebook.stem)
            results.append(run_notebook(notebook, out, params, corpus=corpus))
            bar.update(1)
    else:
        # Spawned, not forked: the builder may hold threads.
        order = longest_first([notebook.stem for notebook, _params in runs], last_seconds)
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
