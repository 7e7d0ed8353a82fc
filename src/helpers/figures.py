"""One figure style for every report, and saving figures next to the report.

Use :func:`use_style` once per notebook, draw with matplotlib/seaborn, then call
:func:`save_figure` so the figure is written as PNG and SVG under ``<reports>/figures/``
with a stable name, and shown inline.
"""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import seaborn as sns

# Okabe-Ito: distinguishable with the common forms of colour blindness.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
DIVERGING = "RdBu"
SEQUENTIAL = "Blues"


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
            # Corpus text in labels may contain "$": never treat it as mathtext.
            "text.parse_math": False,
        }
    )


def slug(text: str) -> str:
    """A file-name-safe version of a label."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "figure"


def save_figure(fig: plt.Figure, name: str, *, out_dir: str | Path | None) -> list[Path]:
    """Write ``fig`` as PNG and SVG to ``out_dir/figures`` (nothing when out_dir is None).

    Returns:
        The paths written.
    """
    if out_dir is None:
        return []
    folder = Path(out_dir) / "figures"
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"{slug(name)}.{ext}" for ext in ("png", "svg")]
    for path in paths:
        fig.savefig(path, metadata={"Date": None} if path.suffix == ".svg" else None)
    return paths
