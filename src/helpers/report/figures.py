"""One figure style for every report, and saving figures next to the report.

Use :func:`use_style` once per notebook (``helpers.session.open_corpus`` does it, and also
calls :func:`set_source` so every figure names the corpus it was drawn from), draw with
matplotlib/seaborn, then call :func:`save_figure`. It stamps the source line on the figure,
writes it as PNG and SVG under ``<reports>/figures/`` with a stable name (and the table
behind it as CSV under ``<reports>/tables/``), shows it inline, and shows its caption with
relative links to the files under it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from IPython.display import HTML, display

from helpers.report.display import escape, links_html
from helpers.report.outputs import note_written, slug, write_table

# Okabe-Ito: distinguishable with the common forms of colour blindness.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
DIVERGING = "RdBu"
SEQUENTIAL = "Blues"
SOURCE_COLOUR = "#555555"


@dataclass(frozen=True)
class FigureSource:
    """What the source line under every figure says about the data."""

    fingerprint: str
    n_documents: int
    first_date: str = ""  # "YYYY-MM-DD", "" when no document is dated
    last_date: str = ""

    def line(self) -> str:
        """The source line drawn on figures."""
        plural = "s" if self.n_documents != 1 else ""
        span = f", {self.first_date} to {self.last_date}" if self.first_date else ""
        return (f"Source: communique analysis of {self.n_documents} document{plural}{span}; "
                f"corpus fingerprint {self.fingerprint}")


_source: FigureSource | None = None


def set_source(source: FigureSource | None) -> None:
    """Set (or clear, with None) the source line drawn by :func:`save_figure` from now on."""
    global _source
    _source = source


def current_source() -> FigureSource | None:
    """The source line set by :func:`set_source`, if any."""
    return _source


def use_style() -> None:
    """Apply the project's figure style (also turns off maths parsing of corpus text)."""
    sns.set_theme(context="notebook", style="whitegrid", palette=PALETTE)
    matplotlib.rcParams.update(
        {
            "figure.figsize": (9, 4.5),
            "figure.dpi": 100,
            "savefig.dpi": 150,
            "savefig.bbox": "tight",
            "axes.titlesize": 13,
            "axes.titleweight": "bold",
            "axes.labelsize": 11,
            "font.size": 11,
            "svg.fonttype": "none",
            "svg.hashsalt": "communique",  # stable SVG ids, so a rebuild writes identical files
            "date.autoformatter.month": "%b %Y",
            "date.autoformatter.day": "%d %b %Y",
            # Corpus text in labels may contain "$": never treat it as mathtext.
            "text.parse_math": False,
        }
    )


def stamp_source(fig: plt.Figure, source: FigureSource | None = None) -> None:
    """Draw the source line under everything else on ``fig`` (once; nothing without a source)."""
    source = source or _source
    if source is None or any(t.get_gid() == "communique-source" for t in fig.texts):
        return
    renderer = fig.canvas.get_renderer()
    bottom = fig.get_tightbbox(renderer).y0 / fig.get_figheight()  # inches -> figure fraction
    left = fig.get_tightbbox(renderer).x0 / fig.get_figwidth()
    fig.text(left, bottom - 0.02, source.line(), ha="left", va="top", fontsize=8,
             color=SOURCE_COLOUR, gid="communique-source", parse_math=False)


def save_figure(
    fig: plt.Figure,
    name: str,
    *,
    out_dir: str | Path | None,
    caption: str = "",
    data: pd.DataFrame | None = None,
) -> list[Path]:
    """Stamp, save, show and caption a figure.

    Writes ``fig`` as ``out_dir/figures/<name>.png`` and ``.svg`` and ``data`` (the table
    behind the figure) as ``out_dir/tables/<name>.csv``; nothing is written when out_dir is
    empty. The figure is then shown and closed, followed by its caption (default: its title)
    and links to the files, so call this instead of showing the figure yourself.

    Args:
        fig: the figure.
        name: a stable file name, prefixed by the notebook ("sentiment-over-time").
        out_dir: the reports folder ("" or None: show only).
        caption: one sentence saying what the figure shows.
        data: the table the figure is drawn from.

    Returns:
        The paths written.
    """
    stamp_source(fig)
    title = caption or next((ax.get_title() for ax in fig.axes if ax.get_title()), "")
    paths: list[Path] = []
    if out_dir:
        folder = Path(out_dir) / "figures"
        folder.mkdir(parents=True, exist_ok=True)
        source = _source.line() if _source else ""
        for ext in ("png", "svg"):
            path = folder / f"{slug(name)}.{ext}"
            metadata = ({"Title": title, "Description": source, "Date": None} if ext == "svg"
                        else {"Title": title, "Description": source})
            fig.savefig(path, metadata=metadata)
            note_written(path)
            paths.append(path)
        if data is not None:
            paths.append(write_table(data, name, out_dir=out_dir))
    display(fig)
    plt.close(fig)
    labels = {p.suffix[1:].upper() if p.suffix != ".csv" else "data (CSV)": p for p in paths}
    parts = [f"<strong>Figure.</strong> {escape(title)}" if title else ""]
    if paths:
        parts.append(f"Download: {links_html(labels)}")
    display(HTML(f'<p class="communique-figure">{" ".join(p for p in parts if p)}</p>'))
    return paths
