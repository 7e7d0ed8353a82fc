"""Interactive exploration in JupyterLab: a term box that updates a concordance and a timeline.

Used by ``notebooks/explore.ipynb``. :func:`term_timeline` counts a term's occurrences per
time bin, :func:`plot_term_timeline` draws them (with the events overlay), and
:func:`term_explorer` wires both to an ``ipywidgets`` text box together with a
keyword-in-context table (``helpers.analysis.rhetoric.kwic``).

The explorer never captures output through the ``Output`` widget's context manager: it renders
each view with IPython's ``capture_output`` and sets the widget's ``outputs``. Under papermill,
nbclient answers a capturing ``Output`` widget by sending comm messages on the shell channel
while it awaits the cell's reply on that same socket, and about one run in five never saw the
reply (measured: 12 hangs in 39 runs of notebooks/explore.ipynb, always in this cell).
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd
from IPython.utils.capture import capture_output

from helpers.analysis.rhetoric import kwic
from helpers.analysis.timeline import bin_start, time_bin
from helpers.report.display import note, show_table
from helpers.report.events import mark_events
from helpers.report.session import Selection


def term_timeline(hits: pd.DataFrame, documents: pd.DataFrame, *, freq: str) -> pd.DataFrame:
    """Occurrences of a term per time bin, per 1,000 words of the documents of that bin.

    Args:
        hits: occurrences, as :func:`helpers.analysis.rhetoric.kwic` returns them.
        documents: the documents searched (``doc_id``, ``date``, ``n_words``).
        freq: time bins: year, quarter or month.

    Returns:
        One row per bin with dated documents: bin, start (first day), documents, words,
        hits, per_1000_words. Empty when no document is dated.
    """
    dated = documents.dropna(subset=["date"])
    columns = ["bin", "start", "documents", "words", "hits", "per_1000_words"]
    if dated.empty:
        return pd.DataFrame(columns=columns)
    bins = time_bin(dated["date"], freq)
    totals = dated.groupby(bins).agg(documents=("doc_id", "nunique"), words=("n_words", "sum"))
    counted = hits.dropna(subset=["date"])
    per_bin = counted.groupby(time_bin(counted["date"], freq)).size() if len(counted) else {}
    table = totals.rename_axis("bin").reset_index()
    table["hits"] = table["bin"].map(per_bin).fillna(0).astype(int)
    table["per_1000_words"] = (table["hits"] / table["words"].clip(lower=1) * 1000).round(3)
    table["start"] = bin_start(table["bin"])
    return table[columns]


def plot_term_timeline(
    counts: pd.DataFrame, *, term: str, events: pd.DataFrame | None = None
) -> plt.Figure:
    """Line chart of a term's rate per 1,000 words over time, with events marked."""
    fig, ax = plt.subplots(figsize=(9, 3.5))
    ax.plot(counts["start"], counts["per_1000_words"], marker="o")
    ax.set_ylabel("occurrences per 1,000 words")
    ax.set_xlabel("period start")
    ax.set_title(f"\u201c{term}\u201d over time")
    ax.set_ylim(bottom=0)
    if events is not None and len(counts):
        mark_events(ax, events)
    return fig


def show_term(
    selection: Selection, term: str, *, freq: str, events: pd.DataFrame | None = None,
    max_rows: int = 25,
) -> pd.DataFrame:
    """Show the concordance and the timeline of one term; returns the concordance.

    Args:
        selection: from :func:`helpers.report.session.open_corpus`.
        term: a word, a phrase (``ironclad*``, ``one-China``) or a ``re:`` regex.
        freq: time bins for the timeline.
        events: events to mark on the timeline.
        max_rows: concordance lines shown.
    """
    hits = kwic(selection.sentences, selection.analysable, term)
    if hits.empty:
        note(f"No occurrence of {term!r} in the {len(selection.analysable)} documents.")
        return hits
    lines = hits.assign(date=hits["date"].dt.strftime("%Y-%m-%d"))
    show_table(lines, caption=f"{len(hits)} occurrence(s) of {term!r}", max_rows=max_rows,
               interactive=True)
    counts = term_timeline(hits, selection.analysable, freq=freq)
    if counts.empty:
        note("No document is dated: no timeline.")
    else:
        fig = plot_term_timeline(counts, term=term, events=events)
        selection.report.figure(fig, "explore-term",
                                caption=f"Occurrences of {term!r} per 1,000 words, by {freq}.")
    return hits


def rendered_outputs(show: Callable[[], object]) -> tuple[dict, ...]:
    """What ``show()`` displays and prints, as the output dicts of an ``Output`` widget."""
    with capture_output(display=True) as captured:
        show()
    outputs: list[dict] = []
    for stream, text in (("stdout", captured.stdout), ("stderr", captured.stderr)):
        if text:
            outputs.append({"output_type": "stream", "name": stream, "text": text})
    outputs += [{"output_type": "display_data", "data": shown.data,
                 "metadata": shown.metadata or {}} for shown in captured.outputs]
    return tuple(outputs)


def term_explorer(
    selection: Selection, *, freq: str, events: pd.DataFrame | None = None, term: str = ""
) -> widgets.VBox:
    """A text box; pressing Enter shows the term's concordance and timeline below it.

    Args:
        selection: from :func:`helpers.report.session.open_corpus`.
        freq: time bins for the timeline.
        events: events to mark on the timeline.
        term: the term shown first.

    Returns:
        The widget (display it, or leave it as the cell's last value).
    """
    box = widgets.Text(value=term, description="Term:", placeholder="a word, phrase or re:regex",
                       continuous_update=False)
    output = widgets.Output()

    def update(_change: object = None) -> None:
        term = box.value.strip()
        output.outputs = rendered_outputs(
            lambda: show_term(selection, term, freq=freq, events=events)) if term else ()

    box.observe(update, names="value")
    update()
    return widgets.VBox([box, output])
