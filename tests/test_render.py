"""Rendering an executed notebook as HTML (helpers.build.render): corpus text is never live
HTML, and a report's title is its first heading."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from helpers.build.render import notebook_title
from tests.conftest import build
from tests.synthetic import Article, article_text


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
                hostile,  # the same text as the title metadata.csv gives
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
    ("markdown", "title"),
    [
        (["# Corpus overview\nWhat the corpus holds."], "Corpus overview"),
        (["Some text first", "## A section\n#  Spaced title "], "Spaced title"),
        (["## Only a section"], "fallback"),
        ([], "fallback"),
    ],
)
def test_a_report_is_titled_by_its_first_heading(markdown: list[str], title: str) -> None:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("# a comment, not a heading"),
                      *(nbformat.v4.new_markdown_cell(text) for text in markdown)]
    assert notebook_title(notebook, "fallback") == title
