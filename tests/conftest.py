"""Shared fixtures: an isolated cache, corpus writers, a report builder and the system Chromium
for the tests."""

from __future__ import annotations

import atexit
import fcntl
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

# Every test run (and every kernel papermill starts from it) uses its own cache folder, made
# by the process that starts the run (test workers inherit it) and removed when it exits.
if "COMMUNIQUE_CACHE" not in os.environ:
    os.environ["COMMUNIQUE_CACHE"] = tempfile.mkdtemp(prefix="communique-cache-")
    atexit.register(shutil.rmtree, os.environ["COMMUNIQUE_CACHE"], ignore_errors=True)

import nbformat  # noqa: E402
import pytest  # noqa: E402

from helpers import config  # noqa: E402
from helpers.build.parameters import report_notebooks  # noqa: E402
from helpers.build.reports import build_reports  # noqa: E402
from helpers.report.display import recorded  # noqa: E402
from tests.synthetic import Article, write_corpus  # noqa: E402

TEST_OUTPUT = Path(__file__).resolve().parents[1] / "test-output"
# A link or source that leaves the machine: reports and the index must have none.
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.IGNORECASE)
# Headless, and none of Chromium's background network features: pages must work offline.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture
def make_corpus(tmp_path: Path):
    """Write a corpus of :class:`Article` into a fresh folder and return the folder."""

    def _make(articles: list[Article], *, metadata: bool = True, name: str = "corpus") -> Path:
        return write_corpus(tmp_path / name, articles, metadata=metadata)

    return _make


def build(corpus_dir: Path, out_dir: Path, *, notebooks: list[str] | None = None,
          parameters: dict[str, str] | None = None):
    """Build reports (all, or the notebooks whose stem starts with a given prefix)."""
    chosen = None
    if notebooks:
        chosen = [p for p in report_notebooks() if any(p.stem.startswith(n) for n in notebooks)]
    return build_reports(corpus_dir=corpus_dir, out_dir=out_dir, parameters=parameters,
                         notebooks=chosen, progress=False)


def headings(html: str) -> list[str]:
    """The text of a report's h1/h2 headings (its sections)."""
    found = re.findall(r"<h[12][^>]*>(.*?)</h[12]>", html, re.S)
    return [re.sub(r"<[^>]+>|¶", "", h).strip() for h in found]


def values_of(out_dir: Path, name: str) -> dict:
    """The values a built notebook recorded with ``helpers.report.display.record``."""
    return recorded(nbformat.read(out_dir / f"{name}.ipynb", as_version=4))


@pytest.fixture(scope="session")
def seeds_reports(tmp_path_factory) -> Path:
    """Every report built once on the project's seeds/, shared by all test workers."""
    base = tmp_path_factory.getbasetemp()
    # Under xdist each worker's base folder sits in the run's folder, which they share.
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    out = shared / "seeds-reports"
    with open(shared / "seeds-reports.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (out / "build.json").is_file():
            results = build(config.SEEDS_DIR, out)
            failed = [f"{r.name}: {r.error}" for r in results if r.status != "ok"]
            assert not failed, failed
        fcntl.flock(lock, fcntl.LOCK_UN)
    return out


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    """The system Chromium (Debian's ``chromium``): Playwright's own browser downloads are
    never used. A missing Chromium fails the test in CI (``CI=true``) and skips it elsewhere."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path:
        return path
    reason = "Chromium is not installed (apt-get install chromium); the browser checks need it"
    if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        pytest.fail(f"{reason}: in CI they must run, not be skipped")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def launch_chromium(chromium_executable: str) -> Callable[[], AbstractContextManager]:
    """Start the system Chromium headless: ``with launch_chromium() as browser:`` gives a
    Playwright ``Browser``, closed on exit."""

    @contextmanager
    def launch() -> Iterator[object]:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_executable,
                                                 args=CHROMIUM_ARGS)
            try:
                yield browser
            finally:
                browser.close()

    return launch
