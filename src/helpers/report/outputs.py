"""Write the tables behind a report next to it, so they open in a spreadsheet.

:func:`write_table` writes ``<reports>/tables/<name>.csv`` and remembers the table, so that
``helpers.display.show_table`` can put a link to the CSV under the same table in the report.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

# The tables written in this session, newest last: (table, path). Kept short: a table is
# usually shown right after it is written.
_WRITTEN: list[tuple[pd.DataFrame, Path]] = []
_REMEMBERED = 20
# Every figure and table file written in this session, relative to its reports folder; a
# notebook records the list, which the builder reads back as the files the report wrote.
WRITTEN_FILES = "written_files"
_FILES: list[str] = []


def slug(text: str) -> str:
    """A file-name-safe version of a label."""
    return re.sub(r"[^a-z0-9_]+", "-", text.lower()).strip("-_") or "figure"


def write_table(frame: pd.DataFrame, name: str, *, out_dir: str | Path | None) -> Path | None:
    """Write ``frame`` to ``out_dir/tables/<name>.csv`` (UTF-8); nothing when out_dir is empty.

    Returns:
        The path written, or None.
    """
    if not out_dir:
        return None
    folder = Path(out_dir) / "tables"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{slug(name)}.csv"
    frame.to_csv(path, index=False, date_format="%Y-%m-%d")
    _WRITTEN.append((frame, path))
    del _WRITTEN[:-_REMEMBERED]
    note_written(path)
    return path


def note_written(path: Path) -> None:
    """Add a file under ``<reports>/figures`` or ``<reports>/tables`` to the files this session
    wrote, and record the list in the running notebook (no-op outside a kernel)."""
    relative = f"{path.parent.name}/{path.name}"
    if relative not in _FILES:
        _FILES.append(relative)
    from IPython import get_ipython

    if get_ipython() is not None:
        from helpers.report.display import (
            record,  # imported here: helpers.display imports this module
        )

        record(WRITTEN_FILES, list(_FILES))


def written_csv(frame: pd.DataFrame) -> Path | None:
    """The CSV file a table was written to by :func:`write_table` (the same or an equal table)."""
    for table, path in reversed(_WRITTEN):
        if table is frame:
            return path
    for table, path in reversed(_WRITTEN):
        if table.shape == frame.shape and list(table.columns) == list(frame.columns) \
                and table.reset_index(drop=True).equals(frame.reset_index(drop=True)):
            return path
    return None
