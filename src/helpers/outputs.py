"""Write the tables behind a report next to it, so they open in a spreadsheet."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.figures import slug


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
    return path
