"""JupyterLab, as a user would use it: start a server on loopback, open notebooks/explore.ipynb
in headless Chromium, run all cells with the project kernel, and see the outputs appear."""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import config

WAIT_MS = 120_000
KERNEL = "Python 3 (communique)"  # the display name `make lab` registers
NOTEBOOK = config.NOTEBOOKS_DIR / "explore.ipynb"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """A JupyterLab server on loopback serving a copy of the notebooks; yields (url, token)."""
    root = tmp_path / "root"
    root.mkdir()
    shutil.copy(NOTEBOOK, root / NOTEBOOK.name)
    port, token = free_port(), secrets.token_hex(16)
    # The project kernel, registered as `make lab` does, but in a private prefix.
    subprocess.run([sys.executable, "-m", "ipykernel", "install", "--prefix", str(tmp_path / "k"),
                    "--name", "python3", "--display-name", KERNEL], check=True,
                   capture_output=True, timeout=60)
    env = {**os.environ,
           "JUPYTER_PATH": str(tmp_path / "k" / "share" / "jupyter"),
           "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
           "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "settings"),
           "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "workspaces")}
    jupyter = Path(sys.executable).with_name("jupyter")
    log = (tmp_path / "lab.log").open("w")
    server = subprocess.Popen(
        [str(jupyter), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
         "--LabApp.news_url=None", "--LabApp.extension_manager=readonly",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
         *(["--allow-root"] if os.geteuid() == 0 else [])],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + WAIT_MS / 1000
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("JupyterLab did not start:\n"
                                + (tmp_path / "lab.log").read_text()[-3000:])
                time.sleep(0.5)
        yield url, token
    finally:
        stop(server)
        log.close()


def stop(server: subprocess.Popen) -> None:
    """Shut the server (and the kernels it started, in its process group) down."""
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)


@pytest.mark.notebook
@pytest.mark.browser
def test_explore_notebook_runs_in_jupyterlab(launch_chromium, lab) -> None:
    from playwright.sync_api import expect

    url, token = lab
    with launch_chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(WAIT_MS)
        page.goto(f"{url}/lab/tree/{NOTEBOOK.name}?token={token}")
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=WAIT_MS)
        status = page.locator(".jp-StatusBar-Widget", has_text=KERNEL)
        accept = page.locator(".jp-Dialog .jp-mod-accept")
        deadline = time.monotonic() + WAIT_MS / 1000
        while not status.filter(has_text="Idle").count() and time.monotonic() < deadline:
            if accept.count():  # "Select Kernel", if Lab asks: keep the notebook's kernel
                accept.first.click()
            page.wait_for_timeout(500)
        expect(status.filter(has_text="Idle").first).to_be_visible(timeout=1000)
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
        outputs = page.locator(".jp-OutputArea-output")
        # the corpus loads, the itables table and the concordance appear...
        expect(outputs.filter(has_text="analysable").first).to_be_visible(timeout=WAIT_MS)
        expect(page.locator(".jp-OutputArea-output table.dataTable").first).to_be_attached(
            timeout=WAIT_MS)
        expect(outputs.filter(has_text="occurrence(s) of 'cooperation'").first).to_be_attached(
            timeout=WAIT_MS)
        expect(outputs.filter(has_text="Themes per document").first).to_be_attached(
            timeout=WAIT_MS)
        # ...and the term box works: a new term updates the concordance below it
        box = page.locator(".jp-OutputArea-output .widget-text input").first
        expect(box).to_have_value("cooperation", timeout=WAIT_MS)
        box.fill("China")
        box.press("Enter")
        expect(outputs.filter(has_text="occurrence(s) of 'China'").first).to_be_attached(
            timeout=WAIT_MS)
        errors = page.locator(".jp-OutputArea-output[data-mime-type*='stderr'], "
                              ".jp-RenderedText[data-mime-type='application/vnd.jupyter.error']")
        assert errors.count() == 0, errors.first.inner_text()
