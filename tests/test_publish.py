"""Publishing (helpers.report.publish): figures (source line, PNG/SVG/CSV, links), CSVs linked
under tables and safe in spreadsheets, offline interactive tables, and what reports link."""

from __future__ import annotations

import base64
import hashlib
import re
from html import unescape
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers.build.render import PAGE_ROWS, add_interactive_tables, interactive_assets  # noqa: E402
from helpers.report import figures, publish  # noqa: E402
from helpers.report.display import table_block  # noqa: E402
from tests.conftest import build  # noqa: E402
from tests.synthetic import HOSTILE, NEUTRAL, WARM, Article, article_text  # noqa: E402

HOSTILE_TEXT = ("<script>document.title='PWNED'</script>"
                "<img src=x onerror=\"document.title='PWNED'\">")


@pytest.fixture
def shown(monkeypatch) -> list:
    """What a Report displays, instead of showing it."""
    outputs: list = []
    monkeypatch.setattr(publish, "display", outputs.append)
    return outputs


SOURCE = figures.FigureSource("abc123def456", 7, "2019-04-19", "2024-05-25")


def test_a_figure_is_written_as_png_svg_and_data_with_a_source_line(
    tmp_path, monkeypatch, shown
):
    monkeypatch.chdir(tmp_path)
    fig, ax = plt.subplots()
    ax.plot([1, 2, 3], [3, 1, 2])
    ax.set_title("Tone <over> time")
    data = pd.DataFrame({"x": [1, 2, 3], "y": [3, 1, 2]})
    report = publish.Report(tmp_path, source=SOURCE)
    paths = report.figure(fig, "Sentiment over time", data=data)
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == [
        "figures/sentiment-over-time.png", "figures/sentiment-over-time.svg",
        "tables/sentiment-over-time.csv"]
    assert all(p.stat().st_size > 0 for p in paths)
    svg = paths[1].read_text(encoding="utf-8")
    assert "corpus fingerprint abc123def456" in svg
    assert "7 documents, 2019-04-19 to 2024-05-25" in svg
    pd.testing.assert_frame_equal(pd.read_csv(paths[2]), data)
    caption = shown[-1].data
    assert "Tone &lt;over&gt; time" in caption
    for link in ("figures/sentiment-over-time.png", "figures/sentiment-over-time.svg",
                 "tables/sentiment-over-time.csv"):
        assert f'href="{link}"' in caption
    assert not plt.fignum_exists(fig.number)
    assert report.written == ["figures/sentiment-over-time.png",
                              "figures/sentiment-over-time.svg", "tables/sentiment-over-time.csv"]


def test_a_report_without_a_folder_shows_only(shown):
    fig, _ax = plt.subplots()
    report = publish.Report("", source=SOURCE)
    assert report.figure(fig, "x", caption="A caption") == [] and report.written == []
    assert "A caption" in shown[-1].data and "href" not in shown[-1].data


def test_saved_svg_is_identical_when_saved_again(tmp_path, shown):
    figures.use_style()
    contents = []
    for run in ("a", "b"):
        fig, ax = plt.subplots()
        ax.bar(["2019", "2020"], [1, 2])
        publish.Report(tmp_path / run, source=SOURCE).figure(fig, "bars")
        contents.append((tmp_path / run / "figures" / "bars.svg").read_bytes())
    assert contents[0] == contents[1]


@pytest.mark.parametrize(
    ("rows", "interactive", "expected_class", "shown_rows"),
    [
        (5, True, False, 5),  # small: stays static
        (30, True, True, 30),  # interactive: every row, the browser pages them
        (30, False, False, 20),  # static: cut to max_rows
    ],
)
def test_table_block_interactive_or_static(rows, interactive, expected_class, shown_rows):
    frame = pd.DataFrame({"n": range(rows), "text": [HOSTILE_TEXT] * rows})
    html = table_block(frame, max_rows=20, interactive=interactive)
    assert ("communique-interactive" in html) is expected_class
    assert html.count("<tr>") == shown_rows  # body rows (the header row has a style)
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_a_published_table_is_written_and_links_its_csv(tmp_path, monkeypatch, shown):
    monkeypatch.chdir(tmp_path)
    frame = pd.DataFrame({"file": ["a.txt", "b.txt"], "n_words": [10, 20]})
    report = publish.Report(tmp_path)
    path = report.table(frame, "Documents", caption="Every document")
    assert path == tmp_path / "tables" / "documents.csv"
    assert 'href="tables/documents.csv"' in shown[-1].data and "Every document" in shown[-1].data
    assert report.written == ["tables/documents.csv"]
    assert report.table(frame) is None and "href" not in shown[-1].data  # shown, not written


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('=HYPERLINK("http://x.example","click")', '\'=HYPERLINK("http://x.example","click")'),
        ("+1 555", "'+1 555"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tlead", "'\tlead"),
        ("\rlead", "'\rlead"),
        ("Cambodia = China?", "Cambodia = China?"),
        ("", ""),
    ],
)
def test_text_cells_are_neutralised_for_spreadsheets(tmp_path, cell, expected):
    frame = pd.DataFrame({"text": [cell], "score": [-0.5], "n": [-3]})
    path = publish.Report(tmp_path).write_csv(frame, "cells")
    back = pd.read_csv(path, keep_default_na=False)
    assert back["text"].iloc[0] == expected
    assert back["score"].iloc[0] == -0.5 and back["n"].iloc[0] == -3  # numbers stay numbers


def test_interactive_assets_are_added_only_when_needed_and_allowed_by_hash():
    page = ('<html><head><meta http-equiv="Content-Security-Policy" content="default-src '
            "'none'; script-src 'none'\"></head><body>{}</body></html>")
    static = page.format("<table class=\"dataframe communique-table\"></table>")
    assert add_interactive_tables(static) == static
    rich = add_interactive_tables(page.format(
        '<table border="0" class="dataframe communique-table communique-interactive"></table>'))
    _style, script = interactive_assets()
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in rich and "script-src 'none'" not in rich
    assert rich.count(f'<script type="module">{script}</script>') == 1
    assert "</script" not in script.lower()
    assert "export{" not in script.replace(" ", "")


# --- reports --------------------------------------------------------------------------

def links_in(html: str) -> list[str]:
    return [unescape(h) for h in re.findall(r'href="([^"#]+)"', html)
            if h.startswith(("figures/", "tables/"))]


def html_tables(html: str) -> list[list[list[str]]]:
    """The cell texts of every HTML table (rows of cells)."""
    tables = []
    for body in re.findall(r"<table[^>]*>(.*?)</table>", html, re.S):
        rows = [[unescape(re.sub(r"<[^>]+>", "", c)).strip()
                 for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
                for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)]
        tables.append(rows)
    return tables


def test_every_report_links_figures_and_tables_that_exist(seeds_reports: Path):
    for html_path in sorted(seeds_reports.glob("[0-9][0-9]_*.html")):
        html = html_path.read_text(encoding="utf-8")
        links = links_in(html)
        for link in links:
            assert (seeds_reports / link).is_file(), f"{html_path.name}: {link}"
        figures_linked = {Path(link).stem for link in links if link.startswith("figures/")}
        for stem in figures_linked:
            assert f"figures/{stem}.png" in links and f"figures/{stem}.svg" in links
        # every figure shown inline is a saved one: as many images as figure captions
        assert html.count('class="communique-figure"') == len(figures_linked), html_path.name
        assert html.count("data:image/png;base64") >= len(figures_linked)


def test_documents_csv_matches_the_table_in_the_report(seeds_reports: Path):
    html = (seeds_reports / "00_corpus_overview.html").read_text(encoding="utf-8")
    csv = pd.read_csv(seeds_reports / "tables" / "documents.csv", dtype=str, keep_default_na=False)
    table = next(t for t in html_tables(html) if t and t[0][:3] == ["file", "title", "date"])
    assert table[0] == list(csv.columns)
    assert table[1:] == csv.to_numpy().tolist()
    timeline = pd.read_csv(seeds_reports / "tables" / "overview-documents-over-time.csv")
    assert timeline["documents"].sum() == 5


def hostile_corpus(n: int) -> list[Article]:
    articles = []
    for i in range(n):
        title = HOSTILE_TEXT if i == 3 else f"Article {i} about the relationship"
        text = article_text([WARM[i % 4], NEUTRAL[i % 3], HOSTILE[i % 4]], title=title)
        articles.append(Article(f"a{i:02d}.txt", text, f"20{15 + i % 9}-0{1 + i % 9}-15",
                                "<b>Evil</b> Outlet" if i == 5 else f"Outlet {i % 3}",
                                title))
    return articles


@pytest.mark.notebook
@pytest.mark.browser
def test_interactive_table_works_offline_and_runs_no_corpus_text(launch_chromium, make_corpus,
                                                                 tmp_path: Path):
    out = tmp_path / "out"
    [result] = build(make_corpus(hostile_corpus(30)), out, notebooks=["00"])
    assert result.status == "ok", result.error
    html_path = out / "00_corpus_overview.html"
    html = html_path.read_text(encoding="utf-8")
    assert "communique-interactive" in html and "script-src 'none'" not in html
    # A script that is not the one the CSP allows must not run, even if it got into the page.
    injected = tmp_path / "injected.html"
    injected.write_text(html.replace("</body>", "<script>document.title='PWNED'</script></body>"),
                        encoding="utf-8")
    with launch_chromium() as browser:
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("dialog", lambda dialog: (errors.append(dialog.message), dialog.dismiss()))
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(html_path.as_uri())
        page.wait_for_selector(".dt-container", timeout=15_000)
        rows = page.locator("table.communique-interactive tbody tr")
        assert rows.count() == PAGE_ROWS  # paged
        page.locator(".dt-search input").first.fill("Evil")
        page.wait_for_timeout(300)
        assert rows.count() == 1 and "<b>Evil</b> Outlet" in rows.first.inner_text()
        page.locator(".dt-search input").first.fill("PWNED")
        page.wait_for_timeout(300)
        assert HOSTILE_TEXT in rows.first.inner_text()  # shown as text
        assert "PWNED" not in page.title() and not errors
        assert all(url.startswith(("file:", "data:", "blob:")) for url in requests), requests
        page.goto(injected.as_uri())
        page.wait_for_selector(".dt-container", timeout=15_000)
        assert "PWNED" not in page.title()


TIME_CHARTS = ["overview-documents-over-time", "sentiment-over-time", "rhetoric-formula-timeline",
               "rhetoric-speech-acts-over-time", "rhetoric-stance-over-time",
               "rhetoric-voices-over-time", "themes-topics-over-time"]


def test_time_charts_mark_the_events_of_their_range(seeds_reports: Path):
    inside = "Hun Manet becomes prime minister (Aug 2023)"  # seeds run from 2019 to 2024
    outside = "Uyghur"  # December 2009
    for name in TIME_CHARTS:
        text = (seeds_reports / "figures" / f"{name}.svg").read_text(encoding="utf-8")
        assert inside in text and outside not in text, name
    # the themes heat map carries numbers in its cells: its events are named in the caption
    themes = (seeds_reports / "03_themes.html").read_text(encoding="utf-8")
    assert f"Dashed lines, left to right: {inside}" not in themes
    assert re.search(r"Dashed lines, left to right: [^<]*" + re.escape(inside), themes)


def test_tables_written_without_being_shown_are_there(seeds_reports: Path):
    """Full tables written only as CSV (the report shows their strongest rows). (The full
    keyness tables are written only when a comparison has enough documents; the seeds do not.)"""
    for name in ("sentiment-evidence", "rhetoric-formula-evidence", "sentences"):
        assert (seeds_reports / "tables" / f"{name}.csv").is_file(), name
