"""The report notebooks and their parameters: which notebooks there are, what each declares
in its ``parameters`` cell, and the values a build passes them (typed from the command line;
an unknown parameter is an error, not a warning)."""

from __future__ import annotations

from pathlib import Path

import papermill as pm

from helpers import config


class ParameterError(ValueError):
    """A parameter passed to the build that no notebook declares, or of the wrong type."""


def report_notebooks(notebooks_dir: Path = config.NOTEBOOKS_DIR) -> list[Path]:
    """The report notebooks, in order: ``NN_name.ipynb`` files."""
    return sorted(notebooks_dir.glob("[0-9][0-9]_*.ipynb"))


def declared_parameters(notebook: Path) -> dict[str, dict[str, str]]:
    """The parameters a notebook declares in its ``parameters`` cell, with their types."""
    return {p["name"]: p for p in pm.inspect_notebook(str(notebook)).values()}


def coerce(value: str, type_name: str, name: str) -> object:
    """Convert a command-line value to a parameter's declared type."""
    kind = (type_name or "").lower()
    try:
        if kind == "int":
            return int(value)
        if kind == "float":
            return float(value)
        if kind == "bool":
            if value.lower() in ("true", "1", "yes"):
                return True
            if value.lower() in ("false", "0", "no"):
                return False
            raise ValueError(value)
        if kind.startswith("list"):
            return [v.strip() for v in value.split(",") if v.strip()]
    except ValueError as error:
        raise ParameterError(f"parameter {name}: {value!r} is not a valid {kind}") from error
    return value


def resolve_parameters(
    notebooks: list[Path], given: dict[str, str]
) -> dict[Path, dict[str, object]]:
    """Give each notebook the parameters it declares; an unknown parameter is an error."""
    declared = {nb: declared_parameters(nb) for nb in notebooks}
    known = sorted({name for params in declared.values() for name in params})
    unknown = [name for name in given if name not in known]
    if unknown:
        raise ParameterError(
            f"unknown parameter(s): {', '.join(unknown)}; the notebooks declare: {', '.join(known)}"
        )
    return {
        nb: {name: coerce(str(value), params[name].get("inferred_type_name", ""), name)
             for name, value in given.items() if name in params}
        for nb, params in declared.items()
    }
