"""Notebook parameters (helpers.build.parameters): every notebook has one typed, commented
parameters cell and is committed clean, values from the command line take the declared type,
and an unknown or ill-typed parameter is an error."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from helpers import config
from helpers.build.cli import main
from helpers.build.parameters import ParameterError, coerce
from helpers.build.reports import build_reports


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("colour", "red", "unknown parameter.*colour"),
        ("drop_duplicates", "maybe", "drop_duplicates.*bool"),
    ],
)
def test_bad_parameter_is_an_error(tmp_path: Path, name: str, value: str, message: str) -> None:
    with pytest.raises(ParameterError, match=message):
        build_reports(
            corpus_dir=config.SEEDS_DIR, out_dir=tmp_path, parameters={name: value}, progress=False
        )
    command = ["build", "--corpus", str(config.SEEDS_DIR), "--out", str(tmp_path), "--quiet"]
    assert main([*command, "-p", name, value]) == 2


@pytest.mark.parametrize(
    ("value", "type_name", "expected"),
    [
        ("3", "int", 3),
        ("2.5", "float", 2.5),
        ("Yes", "bool", True),
        ("0", "bool", False),
        ("Hun Sen, Xi Jinping,, ", "list[str]", ["Hun Sen", "Xi Jinping"]),
        ("2019-01-01", "str", "2019-01-01"),
        ("as given", "", "as given"),  # an untyped parameter keeps its text
    ],
)
def test_a_value_takes_its_declared_type(value: str, type_name: str, expected: object) -> None:
    assert coerce(value, type_name, "x") == expected


@pytest.mark.parametrize(("value", "type_name"), [("three", "int"), ("1,5", "float"),
                                                  ("maybe", "bool")])
def test_a_value_of_the_wrong_type_is_an_error(value: str, type_name: str) -> None:
    with pytest.raises(ParameterError, match=f"parameter x: '{value}' is not a valid {type_name}"):
        coerce(value, type_name, "x")


def test_notebooks_are_committed_clean() -> None:
    for path in sorted(config.NOTEBOOKS_DIR.glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        code = [c for c in notebook.cells if c.cell_type == "code"]
        assert all(not c.outputs and c.execution_count is None for c in code), path.name
        tagged = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(tagged) == 1, f"{path.name}: exactly one parameters cell"
        assert notebook.metadata["kernelspec"]["name"] == "python3"
        for line in tagged[0].source.splitlines():
            assert re.match(r"^\w+: \w+ = .+  # \S", line), f"{path.name}: typed, commented: {line}"
