"""Build the reports: analyse a corpus once (filling the cache), run every report notebook
into ``<out>/<name>.ipynb``, render ``<out>/<name>.html`` with code hidden, no external script
and a "Provenance" section, and write ``<out>/index.html`` and ``<out>/build.json``. A failing
notebook does not stop the others; its partial report is kept and marked failed."""

from __future__ import annotations

import os
import time
from pathlib import Path

from helpers import config
from helpers.build.index import last_seconds, write_index
from helpers.build.parameters import declared_parameters, report_notebooks, resolve_parameters
from helpers.build.provenance import corpus_summary
from helpers.build.run import ReportResult, run_notebooks
from helpers.corpus.load import load_corpus


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
    results = run_notebooks(runs, out, about, jobs=jobs or os.cpu_count() or 1,
                            progress=progress, last_seconds=last_seconds(out))
    write_index(out, results, corpus=about, parameters=given,
                seconds={"analysis": round(analysis_seconds, 1),
                         "total": round(time.perf_counter() - started, 1)},
                engine=engine)
    return results
