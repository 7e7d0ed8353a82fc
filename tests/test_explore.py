"""The explore notebook and its helpers (helpers.report.explore): executed by papermill as CI
runs every notebook, twenty times under load (it used to hang one run in five), and the term
timeline and rendering of the term explorer."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from helpers import config
from helpers.report.display import finding

NOTEBOOK = config.NOTEBOOKS_DIR / "explore.ipynb"
STRESS_RUNS = 20
STRESS_AT_ONCE = 2  # two kernels side by side, beside the rest of the suite on the other worker


def run_explore(folder: Path, *, cache: Path, timeout: int = 300) -> subprocess.CompletedProcess:
    papermill = Path(sys.executable).with_name("papermill")
    folder.mkdir(parents=True, exist_ok=True)
    return subprocess.run(
        [str(papermill), str(NOTEBOOK), "out.ipynb", "--no-progress-bar", "-p", "term",
         "re:\\bChin\\w+", "-p", "freq", "quarter", "-p", "events_file", "none"],
        cwd=folder, capture_output=True, text=True, timeout=timeout,
        env={**os.environ, "COMMUNIQUE_CACHE": str(cache)},
    )


@pytest.mark.notebook
def test_explore_notebook_executes_with_papermill(tmp_path: Path) -> None:
    completed = run_explore(tmp_path, cache=tmp_path / "cache")  # a cold cache
    assert completed.returncode == 0, completed.stderr[-2000:]
    executed = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    shown = "".join(str(o.get("data", {}).get("text/html", "")) for c in executed.cells
                    if c.cell_type == "code" for o in c.outputs)
    assert re.search(r"\d+ occurrence\(s\) of &#x27;re:", shown)
    assert "Sentiment per document" in shown and "Diplomatic formulas" in shown
    widgets = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs
               if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert widgets


def test_term_timeline_counts_occurrences_per_1000_words() -> None:
    from helpers.report.explore import term_timeline

    dates = pd.to_datetime(["2020-02-01", "2020-09-01", "2022-01-01", None])
    documents = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "date": dates,
                              "n_words": [500, 1500, 1000, 800]})
    hits = pd.DataFrame({"doc_id": ["a", "a", "c", "d"],
                         "date": pd.to_datetime(["2020-02-01", "2020-02-01", "2022-01-01", None])})
    table = term_timeline(hits, documents, freq="year")
    assert [str(b) for b in table["bin"]] == ["2020", "2022"]
    assert table["hits"].tolist() == [2, 1] and table["documents"].tolist() == [2, 1]
    assert table["per_1000_words"].tolist() == [1.0, 1.0]
    assert term_timeline(hits, documents.assign(date=pd.NaT), freq="year").empty


@pytest.mark.notebook
@pytest.mark.xdist_group("explore_stress")
def test_explore_notebook_never_hangs_in_twenty_runs_under_load(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert run_explore(tmp_path / "warm", cache=cache).returncode == 0
    with ThreadPoolExecutor(STRESS_AT_ONCE) as pool:
        runs = list(pool.map(lambda i: run_explore(tmp_path / f"run{i}", cache=cache, timeout=120),
                             range(STRESS_RUNS)))
    failed = [f"run {i}: {run.stderr[-300:]}" for i, run in enumerate(runs) if run.returncode]
    assert not failed, failed


def test_rendered_outputs_are_output_widget_dicts() -> None:
    from IPython.core.interactiveshell import InteractiveShell

    from helpers.report.explore import rendered_outputs

    def show() -> None:
        print("counted")
        finding("<b>bold</b> text")

    InteractiveShell.instance()  # display() publishes rich output only inside a shell
    try:
        stream, shown = rendered_outputs(show)
    finally:
        InteractiveShell.clear_instance()
    assert stream == {"output_type": "stream", "name": "stdout", "text": "counted\n"}
    assert shown["output_type"] == "display_data"
    assert shown["data"]["text/html"].endswith("&lt;b&gt;bold&lt;/b&gt; text</p>")
