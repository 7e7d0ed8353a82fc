"""The lock file that pins every package, and the conda environment generated from it.

``requirements.lock`` is compiled from ``pyproject.toml`` (``make lock``: ``uv pip compile``,
universal, with the test extra); ``make reports`` and ``make test`` install from it, so a
rebuild from a provenance record a year from now runs the same scorers. ``environment.yml``
is generated from the same lock (``python -m helpers.build.lockfile``), and the provenance
record names the lock's SHA-256.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

from helpers import config

LOCK_FILE = config.PROJECT_DIR / "requirements.lock"
ENVIRONMENT_FILE = config.PROJECT_DIR / "environment.yml"
CONDA_PYTHON = "3.11"
_PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==(?P<version>[^\s;]+)"
                  r"(?:\s*;\s*(?P<marker>.+))?$")


def lock_record(path: Path = LOCK_FILE) -> dict[str, str]:
    """The lock file's name and SHA-256 (empty when the project runs without one)."""
    if not path.is_file():
        return {"file": "", "sha256": ""}
    return {"file": path.name, "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}


def pinned_requirements(lock_text: str) -> list[str]:
    """The pins of a lock file (``name==version`` with any environment marker), in order."""
    pins = []
    for line in lock_text.splitlines():
        match = _PIN.match(line.strip())
        if match:
            marker = f" ; {match['marker'].strip()}" if match["marker"] else ""
            pins.append(f"{match['name']}=={match['version']}{marker}")
    return pins


def environment_yml(lock_text: str, *, python: str = CONDA_PYTHON) -> str:
    """The conda environment: Python and pip, then every pin of the lock, then the project."""
    lines = [
        "# Conda environment for communique, generated from requirements.lock by",
        "# `make lock` (python -m helpers.build.lockfile): edit pyproject.toml, not this file.",
        "# conda env create -f environment.yml && conda activate communique",
        "name: communique",
        "channels:",
        "  - conda-forge",
        "dependencies:",
        f"  - python={python}",
        "  - pip",
        "  - pip:",
    ]
    lines += [f'      - "{pin}"' for pin in pinned_requirements(lock_text)]
    lines.append("      - -e .")
    return "\n".join(lines) + "\n"


def main() -> int:
    """Write environment.yml from requirements.lock."""
    ENVIRONMENT_FILE.write_text(environment_yml(LOCK_FILE.read_text(encoding="utf-8")),
                                encoding="utf-8")
    print(f"wrote {ENVIRONMENT_FILE.name} from {LOCK_FILE.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
