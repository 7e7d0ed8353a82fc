"""Project-level contracts: conda and pip agree on packages; the README's two commands."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import tomllib

from helpers import config


def package_name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_matches_pyproject() -> None:
    project = tomllib.loads((config.PROJECT_DIR / "pyproject.toml").read_text())["project"]
    wanted = {package_name(r) for r in project["dependencies"]}
    wanted |= {
        package_name(r) for group in project["optional-dependencies"].values() for r in group
    }
    text = (config.PROJECT_DIR / "environment.yml").read_text()
    listed = {
        package_name(line.strip()[2:])
        for line in text.splitlines()
        if line.strip().startswith("- ")
        and not line.strip().startswith("- -e")
        and line.startswith("      ")
    }
    assert listed == wanted


def test_readme_gives_the_two_commands() -> None:
    readme = (config.PROJECT_DIR / "README.md").read_text()
    assert "make reports" in readme and "make test" in readme


def test_code_passes_ruff() -> None:
    ruff = Path(sys.executable).with_name("ruff")
    checked = subprocess.run([str(ruff), "check", "src", "tests", "benchmarks"],
                             cwd=config.PROJECT_DIR, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout[-3000:]
