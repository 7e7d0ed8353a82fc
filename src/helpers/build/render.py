"""An executed notebook rendered as one self-contained HTML report: code hidden, no external
resource, a strict Content-Security-Policy, and a last "Provenance" section.

Tables shown with ``show_table(..., interactive=True)`` become sortable, searchable, paged
tables in the HTML: the DataTables bundle shipped with itables is inlined once (offline) and
enhances the escaped static tables in place, so no corpus text ever sits in a script, and
the page's Content-Security-Policy allows that one script by its hash and nothing else.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from pathlib import Path

import itables
import nbformat
from nbconvert import HTMLExporter

from helpers import config
from helpers.build.provenance import provenance_html
from helpers.report.display import RECORD_MIME

INTERACTIVE_MARK = re.compile(r'<table [^>]*class="[\w\s-]*\bcommunique-interactive\b')
NO_SCRIPTS = "script-src 'none'"
PAGE_ROWS = 25  # interactive tables longer than this are paged; shorter ones show every row
# Runs after the DataTables bundle, in the same module: enhances every interactive table.
INTERACTIVE_INIT = """
document.querySelectorAll("table.communique-interactive").forEach(function (table) {
  var scroll = table.closest(".communique-scroll");
  if (scroll) { scroll.classList.add("communique-enhanced"); }
  var paged = table.tBodies.length > 0 && table.tBodies[0].rows.length > %(page_rows)d;
  new %(DataTable)s(table, {paging: paged, pageLength: %(page_rows)d, order: [],
                         lengthMenu: [10, 25, 50, 100], autoWidth: false});
});
"""


@lru_cache(maxsize=1)
def interactive_assets() -> tuple[str, str]:
    """The inline style and module script that make interactive tables work offline.

    Returns:
        The DataTables CSS, and the DataTables bundle (from the itables package) with its
        ``export`` statement replaced by :data:`INTERACTIVE_INIT`.
    """
    folder = Path(itables.__file__).parent / "html"
    bundle = (folder / "dt_bundle.js").read_text(encoding="utf-8")
    exports = list(re.finditer(r"export\s*\{([^}]*)\}\s*;?", bundle))[-1]
    names = dict(reversed(part.strip().split(" as ")) for part in exports.group(1).split(","))
    init = INTERACTIVE_INIT % {"DataTable": names["default"], "page_rows": PAGE_ROWS}
    script = bundle[:exports.start()] + init + bundle[exports.end():]
    return (folder / "dt_bundle.css").read_text(encoding="utf-8"), script


def script_hash(script: str) -> str:
    """The CSP source expression allowing one inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def add_interactive_tables(page: str) -> str:
    """Inline the interactive-table assets into a report that has interactive tables.

    The CSP's ``script-src 'none'`` becomes ``script-src 'sha256-...'``: the one script
    added here runs, any other script (if corpus text ever got through unescaped) does not.
    """
    if not INTERACTIVE_MARK.search(page):
        return page
    style, script = interactive_assets()
    assets = f'<style type="text/css">{style}</style>\n<script type="module">{script}</script>\n'
    page = page.replace(NO_SCRIPTS, f"script-src {script_hash(script)}", 1)
    at = page.rindex("</body>")
    return page[:at] + assets + page[at:]


def provenance_cell(record: dict[str, object], report_dir: Path) -> nbformat.NotebookNode:
    """A code cell (input hidden in the report) whose output is the Provenance section."""
    cell = nbformat.v4.new_code_cell("")
    cell.outputs = [nbformat.v4.new_output(
        "display_data", data={"text/html": provenance_html(record, report_dir=report_dir)})]
    return cell


def notebook_title(notebook: dict, fallback: str) -> str:
    """The text of a notebook's first ``# heading`` (``fallback`` if it has none)."""
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "markdown":
            for line in cell.get("source", "").splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def render_html(
    notebook_path: Path, html_path: Path, *, provenance: dict[str, object] | None = None
) -> None:
    """Render an executed notebook as self-contained HTML with code hidden.

    Args:
        notebook_path: the executed notebook.
        html_path: the HTML file to write.
        provenance: the report's provenance record, shown as a last section.
    """
    exporter = HTMLExporter(
        template_name="communique",
        extra_template_basedirs=[str(config.TEMPLATES_DIR)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )
    notebook = nbformat.read(notebook_path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if RECORD_MIME not in o.get("data", {})]
    if provenance:
        notebook.cells.append(provenance_cell(provenance, html_path.parent))
    resources = {"metadata": {"name": notebook_title(notebook, notebook_path.stem)}}
    body, _resources = exporter.from_notebook_node(notebook, resources=resources)
    html_path.write_text(add_interactive_tables(body), encoding="utf-8")
