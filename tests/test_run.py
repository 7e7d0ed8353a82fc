"""Running notebooks (helpers.build.run): a failing notebook is recorded and does not stop the
others, a notebook runs directly with papermill from any folder, and the longest start first."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from helpers import config
from helpers.build.parameters import report_notebooks
from helpers.build.reports import build_reports
from helpers.build.run import longest_first
from tests.conftest import values_of


@pytest.mark.notebook
def test_a_failing_notebook_does_not_stop_the_build(tmp_path: Path) -> None:
    failing = nbformat.v4.new_notebook()
    failing.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    failing.cells = [
        nbformat.v4.new_markdown_cell("# Broken"),
        nbformat.v4.new_code_cell(
            'corpus_dir: str = ""  # folder', metadata={"tags": ["parameters"]}
        ),
        nbformat.v4.new_code_cell("print('before')"),
        nbformat.v4.new_code_cell("raise RuntimeError('boom')"),
    ]
    path = tmp_path / "99_broken.ipynb"
    nbformat.write(failing, path)
    out = tmp_path / "out"
    results = build_reports(
        corpus_dir=config.SEEDS_DIR,
        out_dir=out,
        progress=False,
        notebooks=[path, report_notebooks()[0]],
    )
    assert [r.status for r in results] == ["failed", "ok"]
    assert "RuntimeError: boom" in results[0].error and "cell" in results[0].error
    assert (out / "99_broken.html").is_file()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'class="card failed"' in index and "boom" in index


@pytest.mark.notebook
def test_papermill_runs_a_notebook_directly_from_any_folder(tmp_path: Path) -> None:
    notebook = config.NOTEBOOKS_DIR / "00_corpus_overview.ipynb"
    papermill = Path(sys.executable).with_name("papermill")
    completed = subprocess.run(
        [str(papermill), str(notebook), "out.ipynb", "-p", "corpus_dir", str(config.SEEDS_DIR)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert values_of(tmp_path, "out")["n_documents"] == 5


@pytest.mark.parametrize(
    ("last", "order"),
    [
        ({}, [0, 1, 2]),  # no earlier build: as given
        ({"00_a": 1.0, "01_b": 5.0, "02_c": 3.0}, [1, 2, 0]),
        ({"00_a": 1.0, "02_c": 3.0}, [1, 2, 0]),  # one the last build did not time: first
        ({"00_a": 2.0, "01_b": 2.0, "02_c": 2.0, "99_gone": 50.0}, [0, 1, 2]),
    ],
)
def test_the_longest_notebooks_start_first(last: dict[str, float], order: list[int]) -> None:
    assert longest_first(["00_a", "01_b", "02_c"], last) == order
