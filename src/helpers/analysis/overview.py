"""What is in a corpus: documents over time and by group, lengths, what cleaning removed,
where each metadata value came from, and the problems met while loading.

This module computes tables only: the sentences that state the report's findings are in
``helpers.report.findings.overview`` and its figures in ``helpers.report.plots.overview``.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.timeline import dated, time_bin

PROVENANCE_FIELDS = ["date", "title", "outlet", "author", "language"]


def documents_table(documents: pd.DataFrame) -> pd.DataFrame:
    """The documents as a reader wants them listed (no text columns)."""
    columns = [
        "file",
        "title",
        "date",
        "date_source",
        "outlet",
        "outlet_source",
        "published_by",
        "published_by_source",
        "author",
        "language",
        "n_words",
        "n_sentences",
        "file_type",
        "encoding",
        "duplicate_of",
        "date_candidates",
    ]
    table = documents[[c for c in columns if c in documents.columns]].copy()
    table["date"] = table["date"].dt.strftime("%Y-%m-%d").fillna("")
    return table.sort_values(["date", "file"]).reset_index(drop=True)


def provenance_kind(source: str) -> str:
    """Classify a ``*_source`` value as given, inferred or missing."""
    if source == "metadata.csv":
        return "given in metadata.csv"
    if source.startswith("missing"):
        return "missing"
    return "inferred from the text"


def metadata_provenance(documents: pd.DataFrame) -> pd.DataFrame:
    """For each metadata field, how many documents had it given, inferred, or missing."""
    rows = []
    for field in PROVENANCE_FIELDS:
        kinds = documents[f"{field}_source"].map(provenance_kind).value_counts()
        rows.append(
            {
                "field": field,
                **{
                    k: int(kinds.get(k, 0))
                    for k in ("given in metadata.csv", "inferred from the text", "missing")
                },
            }
        )
    return pd.DataFrame(rows)


def audit_by_reason(audit: pd.DataFrame) -> pd.DataFrame:
    """Removed pieces per reason: count, documents affected, characters, an example."""
    if audit.empty:
        return pd.DataFrame(columns=["reason", "pieces", "documents", "characters", "example"])
    audit = audit.assign(characters=audit["end"] - audit["start"])
    table = (
        audit.groupby("reason")
        .agg(
            pieces=("text", "size"),
            documents=("doc_id", "nunique"),
            characters=("characters", "sum"),
            example=("text", "first"),
        )
        .reset_index()
    )
    table["example"] = table["example"].str.slice(0, 80)
    return table.sort_values("pieces", ascending=False).reset_index(drop=True)


def audit_by_document(documents: pd.DataFrame, audit: pd.DataFrame) -> pd.DataFrame:
    """Per document: pieces removed and the share of raw characters they made up."""
    removed = (
        audit.assign(characters=audit["end"] - audit["start"])
        .groupby("doc_id")
        .agg(pieces_removed=("text", "size"), characters_removed=("characters", "sum"))
    )
    table = documents[["doc_id", "file", "n_chars"]].merge(removed, on="doc_id", how="left")
    table[["pieces_removed", "characters_removed"]] = (
        table[["pieces_removed", "characters_removed"]].fillna(0).astype(int)
    )
    table["share_removed"] = (table["characters_removed"] / table["n_chars"].clip(lower=1)).round(3)
    return table.drop(columns="doc_id").sort_values("share_removed", ascending=False)


def documents_per_bin(documents: pd.DataFrame, *, freq: str, group: str = "") -> pd.DataFrame:
    """Dated documents counted per time bin (and per group when ``group`` is a column)."""
    with_dates, _ = dated(documents)
    with_dates["bin"] = time_bin(with_dates["date"], freq)
    keys = ["bin", group] if group else ["bin"]
    return with_dates.groupby(keys).size().rename("documents").reset_index()


LEFT_OUT_COLUMNS = ["file", "language", "n_sentences", "duplicate_of"]


def left_out_table(documents: pd.DataFrame) -> pd.DataFrame:
    """The documents left out of the English lexicon analyses, with why (language, no
    sentences, or the document they duplicate)."""
    return documents.loc[~documents["analysable"], LEFT_OUT_COLUMNS]
