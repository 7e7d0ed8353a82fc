"""The package's layout contracts: the cache key covers everything the per-document stage
runs, and no module imports one that imports it back."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import config
from helpers.corpus import load

PACKAGE = config.PACKAGE_DIR


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def helpers_modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts}


def imported_helpers(path: Path, modules: dict[str, Path]) -> set[str]:
    """The helpers modules a file imports, at module level or inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name in modules}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module in modules:
                found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names
                      if f"{node.module}.{alias.name}" in modules}
    return found


def test_no_module_imports_one_that_imports_it_back() -> None:
    modules = helpers_modules()
    graph = {name: imported_helpers(path, modules) - {name} for name, path in modules.items()}
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str], on_path: set[str], done: set[str]) -> None:
        for target in sorted(graph.get(node, ())):
            if target in on_path:
                cycles.append([*path[path.index(target):], target])
            elif target not in done:
                visit(target, [*path, target], on_path | {target}, done)
        done.add(node)

    done: set[str] = set()
    for start in sorted(graph):
        if start not in done:
            visit(start, [start], {start}, done)
    assert not cycles, cycles[:5]


def test_stages_import_only_earlier_stages() -> None:
    """corpus → analysis → report → build: a stage never imports a later one."""
    order = ["corpus", "analysis", "report", "build"]
    modules = helpers_modules()
    wrong = []
    for name, path in modules.items():
        parts = name.split(".")
        if len(parts) < 3 or parts[1] not in order:
            continue
        rank = order.index(parts[1])
        for target in imported_helpers(path, modules):
            target_parts = target.split(".")
            if len(target_parts) > 1 and target_parts[1] in order \
                    and order.index(target_parts[1]) > rank:
                wrong.append(f"{name} imports {target}")
    assert not wrong, wrong


def test_cache_key_covers_every_module_the_per_document_stage_runs(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Cambodia and China signed a trade deal on Monday.\n\n"
        '"We welcome the agreement," Foreign Minister Wang Yi said in Phnom Penh.\n',
        encoding="utf-8")
    script = (
        "import json, sys\n"
        "from helpers.corpus.load import load_corpus\n"
        f"load_corpus({str(corpus)!r}, workers=1, progress=False)\n"
        "print(json.dumps(sorted(m.__file__ for n, m in sys.modules.items()\n"
        "    if n == 'helpers' or n.startswith('helpers.'))))\n")
    env = {"COMMUNIQUE_CACHE": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    ran = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         env=env, check=True)
    used = {Path(f).resolve() for f in json.loads(ran.stdout.splitlines()[-1])}
    hashed = {p.resolve() for p in load.analysis_inputs()}
    assert used, "the pipeline imported no helpers module"
    assert used <= hashed, sorted(str(p) for p in used - hashed)


def test_cache_key_changes_with_any_file_of_the_stage(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    stage = tmp_path / "corpus"
    (stage / "data").mkdir(parents=True)
    (stage / "pipeline.py").write_text("x = 1\n")
    (stage / "data" / "debris.csv").write_text("pattern,reason\n")
    monkeypatch.setattr(config, "CORPUS_STAGE_DIR", stage)
    keys = []
    for change in (None, stage / "data" / "debris.csv", stage / "new_module.py"):
        if change is not None:
            change.write_text(change.read_text() + "# edited\n" if change.exists() else "y = 2\n")
        load.analysis_version.cache_clear()
        keys.append(load.analysis_version())
    load.analysis_version.cache_clear()
    assert len(set(keys)) == 3
