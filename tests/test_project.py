"""Project-level contracts: conda and pip agree on packages; the README's two commands."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import tomllib

from helpers import config
from helpers.build import lockfile


def package_name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_the_lock_pins_every_dependency_of_pyproject() -> None:
    project = tomllib.loads((config.PROJECT_DIR / "pyproject.toml").read_text())["project"]
    wanted = {package_name(r) for r in project["dependencies"]}
    wanted |= {
        package_name(r) for group in project["optional-dependencies"].values() for r in group
    }
    pins = lockfile.pinned_requirements(lockfile.LOCK_FILE.read_text(encoding="utf-8"))
    pinned = {package_name(pin) for pin in pins}
    assert wanted <= pinned, sorted(wanted - pinned)
    assert all("==" in pin for pin in pins)


def test_environment_yml_is_generated_from_the_lock() -> None:
    lock = lockfile.LOCK_FILE.read_text(encoding="utf-8")
    assert lockfile.ENVIRONMENT_FILE.read_text(encoding="utf-8") == lockfile.environment_yml(lock)


def test_make_installs_from_the_lock() -> None:
    makefile = (config.PROJECT_DIR / "Makefile").read_text()
    assert "pip install --quiet -r $(LOCK)" in makefile and "--no-deps -e ." in makefile


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("pandas==3.1.1 ; python_full_version >= '3.11'",
         "pandas==3.1.1 ; python_full_version >= '3.11'"),
        ("dask[distributed]==2026.1.0", "dask==2026.1.0"),
        ("    # via jupyterlab", None),
        ("-e .", None),
    ],
)
def test_lock_lines_are_read_as_pins(line: str, expected: str | None) -> None:
    assert lockfile.pinned_requirements(line) == ([expected] if expected else [])


def test_readme_gives_the_two_commands() -> None:
    readme = (config.PROJECT_DIR / "README.md").read_text()
    assert "make reports" in readme and "make test" in readme


def test_code_passes_ruff() -> None:
    ruff = Path(sys.executable).with_name("ruff")
    checked = subprocess.run([str(ruff), "check", "src", "tests", "benchmarks"],
                             cwd=config.PROJECT_DIR, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout[-3000:]
