"""The report builder: papermill execution, self-contained escaped HTML, index, parameters,
failures, and running a notebook directly with papermill from anywhere."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from helpers import config
from helpers.build.build import ParameterError, build_reports, report_notebooks
from helpers.build.cli import main
from tests.conftest import build, headings, values_of
from tests.synthetic import Article, article_text, several_years_corpus

OVERVIEW_SECTIONS = [
    "Summary",
    "Documents",
    "Documents over time",
    "Lengths",
    "What cleaning removed",
    "Metadata: given, inferred or missing",
    "Problems",
]
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.IGNORECASE)


def test_overview_report_on_seeds(seeds_reports: Path) -> None:
    html = (seeds_reports / "00_corpus_overview.html").read_text(encoding="utf-8")
    assert set(OVERVIEW_SECTIONS) <= set(headings(html))
    assert "The corpus holds 5 documents, dated from 19 April 2019 to 25 May 2024" in html
    assert not EXTERNAL.search(html), EXTERNAL.search(html)
    assert "<script" not in html.lower()
    assert "data:image/png;base64" in html
    table = pd.read_csv(seeds_reports / "tables" / "documents.csv")
    assert len(table) == 5 and {"file", "title", "date", "date_source", "outlet", "n_words"} <= set(
        table.columns
    )
    values = values_of(seeds_reports, "00_corpus_overview")
    assert values["n_documents"] == 5 and values["n_undated"] == 0
    assert values["bins"] == ["2019", "2021", "2022", "2024"]


def test_index_links_every_report(seeds_reports: Path) -> None:
    index = (seeds_reports / "index.html").read_text(encoding="utf-8")
    for notebook in report_notebooks():
        assert f'href="{notebook.stem}.html"' in index
        assert (seeds_reports / f"{notebook.stem}.html").is_file()
    assert not EXTERNAL.search(index)
    assert re.search(r"fingerprint <code>[0-9a-f]{12}</code>", index)
    assert "papermill" in index and "textblob" in index


@pytest.mark.notebook
def test_overview_on_a_synthetic_corpus_with_an_undated_document(
    make_corpus, tmp_path: Path
) -> None:
    folder = make_corpus(several_years_corpus())
    out = tmp_path / "out"
    [result] = build(folder, out, notebooks=["00"], parameters={"freq": "quarter"})
    assert result.status == "ok", result.error
    values = values_of(out, "00_corpus_overview")
    assert values["n_documents"] == 8 and values["n_undated"] == 1
    assert values["bins"][0] == "2019Q1"
    html = (out / "00_corpus_overview.html").read_text(encoding="utf-8")
    assert "1 undated document(s) are not in this chart." in html


@pytest.mark.notebook
def test_corpus_text_is_never_live_html(make_corpus, tmp_path: Path) -> None:
    hostile = (
        "<script>alert(1)</script> and <img src=x onerror=alert(1)> with "
        "[a link](https://example.com) and $x^2$ maths"
    )
    folder = make_corpus(
        [
            Article(
                "evil.txt",
                article_text(
                    ["The minister spoke about ties.", "Another sentence follows here."],
                    title=hostile,
                ),
                "2022-01-01",
                "<b>Outlet</b>",
            )
        ]
    )
    out = tmp_path / "out"
    [result] = build(folder, out, notebooks=["00"])
    assert result.status == "ok", result.error
    html = (out / "00_corpus_overview.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>Outlet" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;Outlet&lt;/b&gt;" in html


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("colour", "red", "unknown parameter.*colour"),
        ("drop_duplicates", "maybe", "drop_duplicates.*bool"),
    ],
)
def test_bad_parameter_is_an_error(tmp_path: Path, name: str, value: str, message: str) -> None:
    with pytest.raises(ParameterError, match=message):
        build_reports(
            corpus_dir=config.SEEDS_DIR, out_dir=tmp_path, parameters={name: value}, progress=False
        )
    command = ["build", "--corpus", str(config.SEEDS_DIR), "--out", str(tmp_path), "--quiet"]
    assert main([*command, "-p", name, value]) == 2


def test_missing_corpus_exits_non_zero(tmp_path: Path, capsys) -> None:
    assert (
        main(["build", "--corpus", str(tmp_path / "nope"), "--out", str(tmp_path), "--quiet"]) == 2
    )
    assert "corpus folder not found" in capsys.readouterr().err


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


def test_notebooks_are_committed_clean() -> None:
    for path in sorted(config.NOTEBOOKS_DIR.glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        code = [c for c in notebook.cells if c.cell_type == "code"]
        assert all(not c.outputs and c.execution_count is None for c in code), path.name
        tagged = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(tagged) == 1, f"{path.name}: exactly one parameters cell"
        assert notebook.metadata["kernelspec"]["name"] == "python3"
        for line in tagged[0].source.splitlines():
            assert re.match(r"^\w+: \w+ = .+  # \S", line), f"{path.name}: typed, commented: {line}"


def test_the_last_build_times_order_the_next_build(tmp_path: Path) -> None:
    from helpers.build import build as builder

    (tmp_path / "build.json").write_text(
        '{"reports": [{"name": "00_a", "seconds": 3}, {"name": "03_b", "seconds": 9.5}]}',
        encoding="utf-8")
    assert builder._last_seconds(tmp_path) == {"00_a": 3.0, "03_b": 9.5}
    assert builder._last_seconds(tmp_path / "no-build-here") == {}
    (tmp_path / "build.json").write_text("{not json", encoding="utf-8")
    assert builder._last_seconds(tmp_path) == {}
