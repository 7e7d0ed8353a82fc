"""Every HTML report and the index, opened in headless Chromium: it loads with no console
error, nothing is requested from outside the machine, every image decodes, every link leads
to a file, and no dialog or script from corpus text runs. Checked on the seeds build and on
the build of the messy corpus, whose titles, outlets, sentences, quotes, metadata columns and
file names carry HTML, script, markdown links and ``$...$`` maths.

A full-page screenshot of each page is saved under ``test-output/screenshots/``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.build.parameters import report_notebooks
from tests import test_bad_input
from tests.browser import Visit, visit
from tests.conftest import TEST_OUTPUT

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("bad_input")]

SCREENSHOTS = TEST_OUTPUT / "screenshots"
PAGES = ["index", *(p.stem for p in report_notebooks())]
# Fixtures shared with the bad-input tests: the messy corpus is built once per worker.
messy_corpus = test_bad_input.messy_corpus
messy_reports = test_bad_input.messy_reports
# Corpus text that must be shown as text, never run or rendered.
HOSTILE = [test_bad_input.HOSTILE_SCRIPT, test_bad_input.HOSTILE_IMG, test_bad_input.HOSTILE_PWN,
           test_bad_input.HOSTILE_PIXEL, test_bad_input.HOSTILE_LINK, test_bad_input.HOSTILE_MATHS,
           test_bad_input.HOSTILE_OUTLET, test_bad_input.HOSTILE_COUNTRY,
           test_bad_input.HOSTILE_FILE]


@pytest.fixture(scope="module")
def chromium(launch_chromium):
    """One headless Chromium for the module."""
    with launch_chromium() as launched:
        yield launched


def open_page(chromium, out: Path, page: str, build: str) -> Visit:
    """Visit one built page, saving its screenshot, and check what every page must satisfy."""
    path = out / f"{page}.html"
    assert path.is_file(), f"{path.name} was not built"
    seen = visit(chromium, path, screenshot=SCREENSHOTS / build / f"{page}.png")
    assert not seen.console_errors, seen.console_errors
    assert not seen.page_errors, seen.page_errors
    assert not seen.external_requests, seen.external_requests
    assert not seen.dialogs, seen.dialogs
    assert not seen.broken_images, seen.broken_images
    assert not seen.missing_link_targets(), seen.missing_link_targets()
    assert not seen.foreign_scripts and not seen.handlers, (seen.foreign_scripts, seen.handlers)
    assert seen.pwned is None
    assert seen.headings and seen.screenshot.stat().st_size > 0
    return seen


@pytest.mark.parametrize("page", PAGES)
def test_seeds_reports_in_a_browser(chromium, seeds_reports: Path, page: str) -> None:
    seen = open_page(chromium, seeds_reports, page, "seeds")
    if page == "index":
        for stem in PAGES[1:]:
            assert f"{stem}.html" in seen.links
    else:
        assert len(seen.headings) >= 3 and seen.images


@pytest.mark.parametrize("page", PAGES)
def test_hostile_corpus_text_never_runs(chromium, messy_reports: Path, page: str) -> None:
    seen = open_page(chromium, messy_reports, page, "hostile")
    if page.startswith("00_"):  # titles, outlets and file names are listed there
        for fragment in (test_bad_input.HOSTILE_SCRIPT, test_bad_input.HOSTILE_OUTLET,
                         test_bad_input.HOSTILE_FILE):
            assert fragment in seen.text


def test_hostile_corpus_text_is_shown_as_text(chromium, messy_reports: Path) -> None:
    shown: set[str] = set()
    for page in PAGES:
        text = visit(chromium, messy_reports / f"{page}.html").text
        shown |= {fragment for fragment in HOSTILE if fragment in text}
    assert shown == set(HOSTILE), f"never shown: {set(HOSTILE) - shown}"
