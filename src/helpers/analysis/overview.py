"""What is in a corpus: documents over time and by group, lengths, what cleaning removed,
where each metadata value came from, and the problems met while loading."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import MaxNLocator

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
        "author",
        "language",
        "n_words",
        "n_sentences",
        "encoding",
        "duplicate_of",
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


def plot_timeline(
    counts: pd.DataFrame, *, group: str = "", legend_title: str = "", title: str
) -> plt.Figure:
    """Bar chart of documents per time bin, stacked by group."""
    fig, ax = plt.subplots()
    if counts.empty:
        ax.text(0.5, 0.5, "No dated documents", ha="center", va="center", transform=ax.transAxes)
    else:
        wide = (
            counts.pivot_table(
                index="bin", columns=group or None, values="documents", aggfunc="sum", fill_value=0
            )
            if group
            else counts.set_index("bin")[["documents"]]
        )
        wide.index = wide.index.astype(str)
        wide.plot(kind="bar", stacked=True, ax=ax, width=0.8, legend=bool(group))
        if group:
            ax.legend(
                title=legend_title or group,
                bbox_to_anchor=(1.01, 1),
                loc="upper left",
                frameon=False,
            )
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("period")
    ax.set_ylabel("documents")
    ax.set_title(title)
    ax.tick_params(axis="x", rotation=0)
    return fig


def plot_lengths(documents: pd.DataFrame) -> plt.Figure:
    """Histogram of article lengths in words."""
    fig, ax = plt.subplots(figsize=(9, 3.5))
    ax.hist(documents["n_words"], bins=min(30, max(5, len(documents))), color="#0072B2")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("words per article (after cleaning)")
    ax.set_ylabel("documents")
    ax.set_title("Article lengths")
    return fig


def overview_findings(
    documents: pd.DataFrame, analysable: pd.DataFrame, audit: pd.DataFrame, problems: pd.DataFrame
) -> list[str]:
    """Sentences stating what the corpus holds, computed from the tables."""
    lines = []
    with_dates, undated = dated(documents)
    total = len(documents)
    span = ""
    if len(with_dates):
        first, last = with_dates["date"].min(), with_dates["date"].max()
        span = f", dated from {first:%d %B %Y} to {last:%d %B %Y}"
    lines.append(
        f"The corpus holds {total} document{'s' if total != 1 else ''}{span}; "
        f"{len(analysable)} are analysed by the English lexicon notebooks."
    )
    if undated:
        lines.append(
            f"{undated} document{'s have' if undated != 1 else ' has'} no date: kept in "
            "every analysis that needs none, left out of time charts."
        )
    outlets = documents["outlet"].replace("", pd.NA).dropna()
    if len(outlets):
        top = outlets.value_counts()
        lines.append(
            f"{top.size} outlet{'s' if top.size != 1 else ''} named; the most frequent is "
            f"{top.index[0]} with {top.iloc[0]} document{'s' if top.iloc[0] != 1 else ''}."
        )
    if len(audit):
        share = (audit["end"] - audit["start"]).sum() / max(1, documents["n_chars"].sum())
        lines.append(
            f"Cleaning removed {len(audit)} pieces of page debris and metadata from "
            f"{audit['doc_id'].nunique()} documents ({share:.1%} of the raw characters)."
        )
    errors = int((problems["severity"] == "error").sum()) if len(problems) else 0
    warnings = int((problems["severity"] == "warning").sum()) if len(problems) else 0
    lines.append(
        f"Loading met {errors} error{'s' if errors != 1 else ''} and {warnings} "
        f"warning{'s' if warnings != 1 else ''} (listed under Problems)."
    )
    return lines
