"""Provenance: the record of what produced each report, shown in it and in the index, and a
rebuild from that record that gives the same data."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from helpers import config
from helpers.build import provenance
from helpers.build.cli import main
from helpers.build.parameters import declared_parameters, report_notebooks
from tests.conftest import build, values_of
from tests.synthetic import several_years_corpus


def notebook_with(parameters: str, tmp_path: Path) -> Path:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    notebook.cells = [nbformat.v4.new_code_cell(parameters, metadata={"tags": ["parameters"]})]
    path = tmp_path / "nb.ipynb"
    nbformat.write(notebook, path)
    return path


def test_notebook_defaults_are_python_values(tmp_path):
    path = notebook_with('freq: str = "year"  # bins\nn: int = 3  # n\nflag: bool = False  # f',
                         tmp_path)
    assert provenance.notebook_defaults(path) == {"freq": "year", "n": 3, "flag": False}


def test_resolved_parameters_are_defaults_then_values_passed(tmp_path):
    path = notebook_with('freq: str = "year"  # bins\nstart: str = ""  # first', tmp_path)
    executed = {"metadata": {"papermill": {"parameters": {"freq": "month"}}}}
    assert provenance.resolved_parameters(executed, path) == {"freq": "month", "start": ""}
    assert provenance.resolved_parameters({}, path) == {"freq": "year", "start": ""}


@pytest.mark.parametrize(
    ("value", "extra"),
    [("", False), ("none", False), ("MINE", True), (str(config.FORMULAS_FILE), False)],
)
def test_lexicon_hashes_cover_shipped_files_and_file_parameters(tmp_path, value, extra):
    mine = tmp_path / "my_formulas.csv"
    mine.write_text("formula,category,patterns\nx,y,z\n", encoding="utf-8")
    parameters = {"formulas_file": str(mine) if value == "MINE" else value, "freq": "year"}
    hashes = provenance.lexicon_hashes(parameters)
    shipped = {p.name for p in config.DATA_DIR.iterdir() if p.is_file()}
    assert shipped <= set(hashes) and "events.csv" in hashes
    assert (str(mine.resolve()) in hashes) is extra
    assert all(re.fullmatch(r"[0-9a-f]{64}", digest) for digest in hashes.values())
    assert hashes["events.csv"] == provenance.sha256_of(config.EVENTS_FILE)


def test_provenance_html_escapes_everything():
    record = provenance.report_record(
        corpus={"corpus_dir": "/tmp/<b>x</b>", "fingerprint": "f00", "n_documents": 2,
                "first_date": "2020-01-01", "last_date": "2021-01-01"},
        parameters={"start": "<script>alert(1)</script>"}, passed={"start": ""},
        versions={"pandas": "2"}, seconds=1.5, built_at="2026-01-01 00:00 UTC",
        files=["tables/a<b>.csv"])
    html = provenance.provenance_html(record, report_dir=Path("/r"))
    assert "<script>" not in html and "<b>x" not in html
    assert "&lt;script&gt;" in html and "dated from 2020-01-01 to 2021-01-01" in html
    assert 'href="tables/a&lt;b&gt;.csv"' in html and "1.5 s" in html


def provenance_section(html: str) -> str:
    return html[html.index('<h2 id="Provenance"'):]


def test_reports_state_their_provenance(seeds_reports: Path):
    record = json.loads((seeds_reports / "build.json").read_text(encoding="utf-8"))
    assert record["corpus"]["n_documents"] == 5
    assert (record["corpus"]["first_date"], record["corpus"]["last_date"]) == (
        "2019-04-19", "2024-05-25")
    names = {r["name"] for r in record["reports"]}
    assert names == {p.stem for p in report_notebooks()}
    for report in record["reports"]:
        source = config.PROJECT_DIR / report["source"]
        proof = report["provenance"]
        # every declared parameter, with the value it ran with
        assert set(proof["parameters"]) == set(declared_parameters(source))
        assert proof["parameters"]["corpus_dir"] == str(config.SEEDS_DIR)
        assert proof["parameters"]["reports_dir"] == str(seeds_reports)
        assert proof["lexicons"]["events.csv"] == provenance.sha256_of(config.EVENTS_FILE)
        assert proof["versions"]["pandas"] == pd.__version__
        html = provenance_section((seeds_reports / report["html"]).read_text(encoding="utf-8"))
        assert f"fingerprint <code>{record['corpus_fingerprint']}</code>" in html
        assert "5 documents, dated from 2019-04-19 to 2024-05-25" in html
        assert f"the notebook ran in {report['seconds']} s" in html
        for name, value in proof["parameters"].items():
            shown = rf"<th>{name}</th><td><code>{re.escape(repr(value))}"
            assert re.search(shown, unescape(html)), name
        for name, digest in proof["lexicons"].items():
            assert digest in html, name
        for path in proof["files"]:
            assert (seeds_reports / path).is_file()
    # The notebooks run side by side, yet each names exactly the files it wrote.
    written = [path for report in record["reports"] for path in report["provenance"]["files"]]
    on_disk = [p.relative_to(seeds_reports).as_posix()
               for sub in ("figures", "tables") for p in (seeds_reports / sub).iterdir()]
    assert sorted(written) == sorted(on_disk)  # and no file is claimed by two reports
    assert "figures/sentiment-over-time.png" in record["reports"][1]["provenance"]["files"]
    index = (seeds_reports / "index.html").read_text(encoding="utf-8")
    assert "dated from 2019-04-19 to 2024-05-25" in index
    assert "events.csv" in index and record["lexicons"]["events.csv"] in index
    assert "Provenance" in index or "provenance" in index


@pytest.mark.notebook
def test_a_rebuild_from_the_record_gives_the_same_data(make_corpus, tmp_path: Path):
    folder = make_corpus(several_years_corpus())
    first = tmp_path / "first"
    [result] = build(folder, first, notebooks=["00"],
                     parameters={"freq": "quarter", "events_file": "none"})
    assert result.status == "ok", result.error
    second = tmp_path / "second"
    assert main(["build", "--from-record", str(first / "build.json"), "--out", str(second),
                 "--quiet"]) == 0
    record = json.loads((second / "build.json").read_text(encoding="utf-8"))
    assert record["parameters"] == {"freq": "quarter", "events_file": "none"}
    assert record["corpus_dir"] == str(folder.resolve())
    tables = sorted(p.name for p in (first / "tables").glob("*.csv"))
    assert tables and tables == sorted(p.name for p in (second / "tables").glob("*.csv"))
    for name in tables:
        assert (first / "tables" / name).read_bytes() == (second / "tables" / name).read_bytes()
    assert values_of(first, "00_corpus_overview") == values_of(second, "00_corpus_overview")
    assert values_of(second, "00_corpus_overview")["bins"][0] == "2019Q1"
    figures = sorted(p.name for p in (first / "figures").iterdir())
    assert figures == sorted(p.name for p in (second / "figures").iterdir())


def test_from_record_refuses_other_build_options(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["build", "--from-record", str(tmp_path / "build.json"), "--corpus", "x"])
    assert main(["build", "--from-record", str(tmp_path / "missing.json"), "--quiet"]) == 2
    assert "cannot rebuild" in capsys.readouterr().err
