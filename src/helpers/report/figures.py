"""One figure style for every report, and the source line every figure carries.

A notebook's session applies :func:`use_style`; plots draw with :data:`PALETTE`; publishing a
figure (``helpers.report.publish.Report.figure``) stamps it with :func:`stamp_source`, which
names the corpus fingerprint, the number of documents and their dates.
"""

from __future__ import annotations

from dataclasses import dataclass

import matplotlib
import matplotlib.pyplot as plt
import seaborn as sns

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


def stamp_source(fig: plt.Figure, source: FigureSource | None) -> None:
    """Draw the source line under everything else on ``fig`` (once; nothing without a source)."""
    if source is None or any(t.get_gid() == "communique-source" for t in fig.texts):
        return
    renderer = fig.canvas.get_renderer()
    bottom = fig.get_tightbbox(renderer).y0 / fig.get_figheight()  # inches -> figure fraction
    left = fig.get_tightbbox(renderer).x0 / fig.get_figwidth()
    fig.text(left, bottom - 0.02, source.line(), ha="left", va="top", fontsize=8,
             color=SOURCE_COLOUR, gid="communique-source", parse_math=False)
