"""Publish a report's tables and figures: write each next to the report and show it with its links.

A notebook makes one :class:`Report` and calls :meth:`Report.table` and :meth:`Report.figure`.
The object holds what the report wrote (no module state), and records that list in the
executed notebook, where the builder reads it back as the files the report wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML, display

from helpers.report.display import escape, links_html, record, table_block
from helpers.report.figures import FigureSource, stamp_source
from helpers.report.spreadsheet import safe_for_spreadsheet

# The key under which a notebook records the files it wrote (relative to its reports folder).
WRITTEN_FILES = "written_files"


def slug(text: str) -> str:
    """A file-name-safe version of a label."""
    return re.sub(r"[^a-z0-9_]+", "-", text.lower()).strip("-_") or "figure"


@dataclass
class Report:
    """Where one report writes its tables and figures, and what it has written.

    Args:
        out_dir: the reports folder ("" or None: show only, write nothing).
        source: what the source line under every figure says about the data.
    """

    out_dir: str | Path | None = None
    source: FigureSource | None = None
    written: list[str] = field(default_factory=list)

    def _folder(self, kind: str) -> Path:
        folder = Path(self.out_dir) / kind
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def _wrote(self, path: Path) -> None:
        relative = f"{path.parent.name}/{path.name}"
        if relative not in self.written:
            self.written.append(relative)
        from IPython import get_ipython

        if get_ipython() is not None:
            record(WRITTEN_FILES, list(self.written))

    def heading(self, text: str) -> None:
        """Show a section heading (escaped) for a section only some builds have, such as the
        validation against the user's codes."""
        display(HTML(f"<h2>{escape(text)}</h2>"))

    def record_file(self, path: Path) -> None:
        """List a file another writer put in ``<out_dir>/<kind>/`` (the sentence export) among
        the files the report wrote, so that the builder lists it too."""
        self._wrote(Path(path))

    def write_csv(self, frame: pd.DataFrame, name: str) -> Path | None:
        """Write ``frame`` to ``<out_dir>/tables/<name>.csv`` (UTF-8, dates as YYYY-MM-DD, text
        cells neutralised for spreadsheets, CRLF line ends as RFC 4180 has them, so a cell
        holding a line break is quoted); nothing when there is no reports folder."""
        if not self.out_dir:
            return None
        path = self._folder("tables") / f"{slug(name)}.csv"
        safe_for_spreadsheet(frame).to_csv(path, index=False, date_format="%Y-%m-%d",
                                           lineterminator="\r\n")
        self._wrote(path)
        return path

    def table(
        self,
        frame: pd.DataFrame,
        name: str = "",
        *,
        caption: str = "",
        max_rows: int = 50,
        interactive: bool = False,
    ) -> Path | None:
        """Show a table, escaped; with a ``name`` also write it as CSV and link it underneath.

        Args:
            frame: the table.
            name: the CSV's stable file name ("" shows without writing).
            caption: a line shown above it.
            max_rows: rows shown in a static table.
            interactive: let readers sort, search and page the table in the HTML report.

        Returns:
            The CSV written, or None.
        """
        path = self.write_csv(frame, name) if name else None
        display(HTML(table_block(frame, caption=caption, max_rows=max_rows,
                                 interactive=interactive, csv=path)))
        return path

    def figure(
        self,
        fig: plt.Figure,
        name: str,
        *,
        caption: str = "",
        data: pd.DataFrame | None = None,
    ) -> list[Path]:
        """Stamp the source line, save, show and caption a figure, then close it.

        Writes ``<out_dir>/figures/<name>.png`` and ``.svg``, and ``data`` (the table behind
        the figure) as ``<out_dir>/tables/<name>.csv``. The caption (default: the title) and
        links to the files are shown under the figure.

        Returns:
            The paths written.
        """
        stamp_source(fig, self.source)
        title = caption or next((ax.get_title() for ax in fig.axes if ax.get_title()), "")
        paths: list[Path] = []
        if self.out_dir:
            folder = self._folder("figures")
            description = self.source.line() if self.source else ""
            for ext in ("png", "svg"):
                path = folder / f"{slug(name)}.{ext}"
                metadata = {"Title": title, "Description": description}
                if ext == "svg":
                    metadata["Date"] = None
                fig.savefig(path, metadata=metadata)
                self._wrote(path)
                paths.append(path)
            if data is not None:
                csv = self.write_csv(data, name)
                if csv is not None:
                    paths.append(csv)
        display(fig)
        plt.close(fig)
        labels = {p.suffix[1:].upper() if p.suffix != ".csv" else "data (CSV)": p for p in paths}
        parts = [f"<strong>Figure.</strong> {escape(title)}" if title else ""]
        if paths:
            parts.append(f"Download: {links_html(labels)}")
        display(HTML(f'<p class="communique-figure">{" ".join(p for p in parts if p)}</p>'))
        return paths
