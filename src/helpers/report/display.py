"""Show findings and tables in a notebook without ever turning corpus text into live HTML.

Corpus text is untrusted: every string shown through these functions is HTML-escaped, and
values are recorded for tests and the report index under a private MIME type that HTML
exporters ignore.
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path
from typing import Any

import pandas as pd
from IPython.display import HTML, display

RECORD_MIME = "application/vnd.communique.record+json"


def escape(value: Any) -> str:
    """Escape any value for HTML, including ``$`` so no maths renderer picks it up."""
    return html.escape(str(value), quote=True).replace("$", "&#36;")


def finding(text: str) -> None:
    """Show one sentence or paragraph of computed prose, escaped."""
    display(HTML(f'<p class="communique-finding">{escape(text)}</p>'))


def findings(lines: list[str]) -> None:
    """Show computed findings as an escaped bullet list (nothing is shown for no lines)."""
    if not lines:
        return
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    display(HTML(f'<ul class="communique-findings">{items}</ul>'))


def note(text: str) -> None:
    """Show a caveat (thin data, what a chart cannot show), escaped and set apart."""
    display(HTML(f'<p class="communique-note"><em>Note:</em> {escape(text)}</p>'))


def notes(lines: list[str]) -> None:
    """Show each non-empty caveat of ``lines`` with :func:`note`."""
    for line in lines:
        if line:
            note(line)


def relative_link(path: Path, *, base: Path | None = None) -> str:
    """A link to ``path`` relative to ``base`` (default: the working directory, which is the
    report's folder when the builder runs a notebook)."""
    start = (base or Path.cwd()).resolve()
    return Path(os.path.relpath(Path(path).resolve(), start)).as_posix()


def links_html(paths: dict[str, Path], *, base: Path | None = None) -> str:
    """Escaped relative links to written files, labelled ("PNG", "SVG", "CSV"...)."""
    return " · ".join(f'<a href="{escape(relative_link(p, base=base))}">{escape(label)}</a>'
                      for label, p in paths.items())


INTERACTIVE_MIN_ROWS = 10  # smaller tables stay static: nothing to sort, search or page
INTERACTIVE_MAX_ROWS = 2000  # beyond this the report would get heavy; the CSV has every row


def table_html(
    frame: pd.DataFrame,
    *,
    max_rows: int = 50,
    float_format: str = "{:.3f}",
    classes: str = "communique-table",
) -> str:
    """Render a DataFrame as escaped HTML, cut to ``max_rows`` with a line saying so."""
    shown = frame.head(max_rows)
    # pandas ignores na_rep for pd.NA (nullable Int64 or string columns): it prints "<NA>".
    for column, kind in shown.dtypes.items():
        if isinstance(kind, pd.api.extensions.ExtensionDtype) and shown[column].isna().any():
            shown[column] = shown[column].astype(object).where(shown[column].notna(), "")
    body = shown.to_html(
        escape=True,
        index=False,
        na_rep="",
        float_format=float_format.format,
        classes=classes,
        border=0,
    ).replace("$", "&#36;")
    if len(frame) > max_rows:
        body += (f"<p><em>Showing {max_rows} of {len(frame)} rows; the full table is in "
                 "the CSV.</em></p>")
    return body


def table_block(
    frame: pd.DataFrame,
    *,
    caption: str = "",
    max_rows: int = 50,
    interactive: bool = False,
    csv: Path | None = None,
) -> str:
    """The escaped HTML of a table: caption, table and a link to its CSV when given."""
    head = f"<p><strong>{escape(caption)}</strong></p>" if caption else ""
    if interactive and len(frame) > INTERACTIVE_MIN_ROWS:
        table = table_html(frame, max_rows=INTERACTIVE_MAX_ROWS,
                           classes="communique-table communique-interactive")
        table = f'<div class="communique-scroll">{table}</div>'
    else:
        table = table_html(frame, max_rows=max_rows)
    link = f'<p class="communique-download">Download: {links_html({"CSV": csv})}</p>' if csv else ""
    return head + table + link


def show_table(
    frame: pd.DataFrame, *, caption: str = "", max_rows: int = 50, interactive: bool = False
) -> None:
    """Show a DataFrame as an escaped HTML table with an optional caption (to also write it as
    CSV and link it, use ``helpers.report.publish.Report.table``).

    Args:
        frame: the table.
        caption: a line shown above it.
        max_rows: rows shown in a static table.
        interactive: in the HTML report, let readers sort, search and page the table
            (up to ``INTERACTIVE_MAX_ROWS`` rows, no row limit otherwise); tables of at most
            ``INTERACTIVE_MIN_ROWS`` rows stay static.
    """
    display(HTML(table_block(frame, caption=caption, max_rows=max_rows, interactive=interactive)))


def _jsonable(value: Any) -> Any:
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if isinstance(value, pd.Period):
        return str(value)
    if hasattr(value, "item"):
        return value.item()
    return str(value)


def record(key: str, value: Any) -> None:
    """Record a value computed by the notebook, for tests and the report index.

    The value is written as JSON under a private MIME type: it is kept in the executed
    notebook and never shown in the HTML report.
    """
    payload = json.loads(json.dumps({key: value}, default=_jsonable))
    display({RECORD_MIME: payload}, raw=True)


def recorded(notebook: dict) -> dict[str, Any]:
    """Collect every value a notebook recorded with :func:`record` (later values win)."""
    values: dict[str, Any] = {}
    for cell in notebook.get("cells", []):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if RECORD_MIME in data:
                values.update(data[RECORD_MIME])
    return values
