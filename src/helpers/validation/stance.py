"""Score tone and the stance index against the coded stance set (``tests/gold/stance/``).

The set is 40 short articles about the Cambodia-China relationship written for this project in
the registers of official readouts, wire copy, broadcasters, analysis, editorials and blogs,
each coded warm, neutral or critical toward the relationship in ``codes.csv`` (the coding rule
is in the set's README). It is analysed as a user's corpus would be, the measures are computed
without the codes, and :func:`helpers.analysis.validation_codes.validate_measures` compares
them with the codes: the AUC of warm against critical articles for tone (the document's
word-weighted mean VADER compound, as the sentiment report computes it), for the stance index
and for each of its components, with a bootstrap interval over documents.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.analysis import issues, rhetoric, stance
from helpers.analysis.sentiment import document_scores
from helpers.analysis.validation_codes import Validation, read_codes, validate_measures
from helpers.corpus.load import load_corpus

STANCE_TARGET = 0.95
MEASURES = ("tone", "stance", "lexicon", "frames", "formulas")
CODES_FILE = "codes.csv"


def measure_documents(corpus_dir: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Tone, stance and its components for every analysable document of a folder.

    Returns:
        The documents (doc_id, file, tone and the stance columns) and the scored sentences.
    """
    corpus = load_corpus(corpus_dir, cache_dir=None)
    documents = corpus.analysable()
    sentences = rhetoric.prepare_sentences(corpus.sentences_of(documents))
    scored = stance.sentence_stance(sentences, frames=issues.find_issues(sentences),
                                    formulas=rhetoric.find_formulas(sentences))
    tone = document_scores(sentences)[["doc_id", "vader_compound"]].rename(
        columns={"vader_compound": "tone_mean"})
    table = documents[["doc_id", "file"]].merge(tone, on="doc_id").merge(
        stance.document_stance(scored).drop(columns="tone"), on="doc_id")
    return table.rename(columns={"tone_mean": "tone"}), scored


def stance_validation(gold_dir: str | Path, *, n_boot: int = 1000,
                      seed: int = 0) -> tuple[Validation, pd.DataFrame]:
    """The validation of every measure against the set's codes, and the measured documents."""
    documents, _ = measure_documents(gold_dir)
    codes = read_codes(Path(gold_dir) / CODES_FILE)
    return validate_measures(documents, codes, measures=list(MEASURES), n_boot=n_boot,
                             seed=seed), documents


def stance_report(validation: Validation) -> list[tuple[str, str, str, bool | None]]:
    """(figure, value, target, met) rows: AUC warm vs critical of each measure, with intervals."""
    rows: list[tuple[str, str, str, bool | None]] = []
    for row in validation.table.itertuples():
        figure = (f"{row.measure} AUC warm vs critical" if row.measure in ("tone", "stance")
                  else f"  component {row.measure}")
        value = f"{row.auc:.3f} [{row.auc_low:.3f}, {row.auc_high:.3f}] on {row.n_auc} docs"
        if row.measure == "stance":
            rows.append((figure, value, f">= {STANCE_TARGET}", bool(row.auc >= STANCE_TARGET)))
        else:
            rows.append((figure, value, "", None))
    if validation.unmatched:
        rows.append(("coded files not found", str(len(validation.unmatched)), "0", False))
    return rows


def validate_stance(gold_dir: str | Path, *, n_boot: int = 1000
                    ) -> list[tuple[str, str, str, bool | None]]:
    """The rows ``make validate`` prints for the coded stance set (see :func:`stance_report`)."""
    validation, _ = stance_validation(gold_dir, n_boot=n_boot)
    return stance_report(validation)
