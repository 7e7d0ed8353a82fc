"""The common opening of every notebook: load the corpus, apply the period, pick the texts.

A notebook calls :func:`open_corpus` with its parameters and gets a :class:`Selection`:
every document in the period (dated or not), the English documents the lexicon analyses
use, their sentences with document metadata joined, and counts for the caveats a report must
state (undated documents, documents left out as non-English or duplicates).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from helpers import config
from helpers.analysis.timeline import filter_period
from helpers.corpus.load import Corpus, load_corpus
from helpers.report.figures import FigureSource, use_style
from helpers.report.publish import Report


@dataclass
class Selection:
    """The documents and sentences a notebook analyses."""

    corpus: Corpus
    documents: pd.DataFrame  # every document in the period, dated or not
    analysable: pd.DataFrame  # the English, non-dropped documents among them
    sentences: pd.DataFrame  # sentences of the analysable documents, with their metadata
    group_by: str  # the grouping column, "" for none
    report: Report  # where the notebook publishes its tables and figures

    @property
    def n_undated(self) -> int:
        """Analysable documents without a date (left out of time charts)."""
        return int(self.analysable["date"].isna().sum())

    @property
    def n_left_out(self) -> int:
        """Documents in the period left out of the lexicon analyses."""
        return len(self.documents) - len(self.analysable)


def check_group_by(documents: pd.DataFrame, group_by: str) -> str:
    """Validate a ``group_by`` parameter against the documents' columns ("" means none)."""
    column = (group_by or "").strip()
    if not column or column.lower() == "none":
        return ""
    if column not in documents.columns:
        usable = [c for c in documents.columns if documents[c].dtype == object
                  and c not in ("raw_text", "clean_text", "doc_id", "file", "title", "content_hash")
                  and not c.endswith("_source")]
        raise ValueError(f"group_by={column!r} is not a document column; use one of: "
                         f"{', '.join(usable)}, or '' for none")
    return column


def group_labels(values: pd.Series, *, top: int = 8, missing: str = "(unknown)") -> pd.Series:
    """Group labels with empty values named and all but the ``top`` largest groups as "other"."""
    labels = values.fillna("").astype(str).str.strip().replace("", missing)
    largest = labels.value_counts().index[:top]
    return labels.where(labels.isin(largest), "other")


def open_corpus(
    corpus_dir: str = "",
    *,
    start: str = "",
    end: str = "",
    group_by: str = "",
    drop_duplicates: bool = False,
    reports_dir: str = "",
) -> Selection:
    """Load the corpus and select the period; also applies the figure style.

    Figures saved afterwards carry a source line naming the corpus fingerprint, the number
    of documents in the period and their date range.

    Args:
        corpus_dir: folder of articles ("" for the default corpus, ``config.CORPUS_DIR``).
        start, end: period bounds ("2019", "2019-06", "2019-06-30"; "" for open).
        group_by: a document column to group by ("" for none); checked here.
        drop_duplicates: leave flagged near-duplicates out of the analyses.
        reports_dir: where ``selection.report`` writes tables and figures ("" for nowhere).
    """
    use_style()
    corpus = load_corpus(corpus_dir or config.CORPUS_DIR, drop_duplicates=drop_duplicates)
    documents = filter_period(corpus.documents, start=start, end=end)
    column = check_group_by(documents, group_by)
    if column:
        documents["group"] = group_labels(documents[column])
    analysable = documents[documents["analysable"]].copy()
    sentences = corpus.sentences_of(analysable)
    dates = documents["date"].dropna()
    source = FigureSource(corpus.fingerprint, len(documents),
                          f"{dates.min():%Y-%m-%d}" if len(dates) else "",
                          f"{dates.max():%Y-%m-%d}" if len(dates) else "")
    return Selection(corpus, documents, analysable, sentences, column,
                     Report(reports_dir, source=source))
