"""Who speaks in each document: a table of the speakers that
:mod:`helpers.corpus.attribution` found, with how often and how (quoted or reported) each
speaks; and the most frequent speakers whose side is unknown, to add to actors.csv."""

from __future__ import annotations

import pandas as pd


def speaker_table(sentences: pd.DataFrame) -> pd.DataFrame:
    """Who speaks in each document: one row per doc_id and speaker.

    Args:
        sentences: attributed sentences (columns doc_id, speech, speaker, speaker_side,
            speaker_role, quoted_chars, text, n_words), of one or many documents.

    Returns:
        Columns doc_id, speaker, speaker_side, speaker_role, n_sentences, n_quote,
        n_reported and quoted_words (the words inside quotation marks, estimated from each
        sentence's share of quoted characters), sorted by document and most sentences.
        Sentences whose speaker is unknown ("") are counted under speaker "(unknown)".
    """
    columns = ["doc_id", "speaker", "speaker_side", "speaker_role", "n_sentences", "n_quote",
               "n_reported", "quoted_words"]
    spoken = sentences[sentences["speech"] != "narration"]
    if spoken.empty:
        return pd.DataFrame(columns=columns)
    lengths = spoken["text"].str.len().clip(lower=1)
    n_words = spoken["n_words"] if "n_words" in spoken else spoken["text"].str.split().str.len()
    table = spoken.assign(
        speaker=spoken["speaker"].replace("", "(unknown)"),
        is_quote=spoken["speech"] == "quote",
        is_reported=spoken["speech"] == "reported",
        quoted_words=(n_words * spoken["quoted_chars"] / lengths).round(),
    ).groupby(["doc_id", "speaker"], sort=False).agg(
        speaker_side=("speaker_side", "first"),
        speaker_role=("speaker_role", "first"),
        n_sentences=("speech", "size"),
        n_quote=("is_quote", "sum"),
        n_reported=("is_reported", "sum"),
        quoted_words=("quoted_words", "sum"),
    ).reset_index()
    for column in ("n_sentences", "n_quote", "n_reported", "quoted_words"):
        table[column] = table[column].astype(int)
    return table.sort_values(["doc_id", "n_sentences"], ascending=[True, False],
                             kind="stable").reset_index(drop=True)[columns]


def unknown_side_speakers(sentences: pd.DataFrame, *, top: int = 20) -> pd.DataFrame:
    """The most frequent named speakers whose side is unknown, to add to actors.csv.

    Args:
        sentences: attributed sentences (columns doc_id, speech, speaker, speaker_side,
            speaker_role, text), of one or many documents.
        top: how many speakers to keep.

    Returns:
        Columns speaker, speaker_role, n_sentences, n_documents, example (the speaker's
        first sentence) and actors_row (a line for actors.csv with the side left to fill:
        ``name,aliases,side,role,kind``), most sentences first. Speakers of a known side
        and unnamed speech ("") are left out.
    """
    columns = ["speaker", "speaker_role", "n_sentences", "n_documents", "example",
               "actors_row"]
    unknown = sentences[(sentences["speech"] != "narration") & (sentences["speaker"] != "")
                        & (sentences["speaker_side"] == "unknown")]
    if unknown.empty:
        return pd.DataFrame(columns=columns)
    table = unknown.groupby("speaker", sort=False).agg(
        speaker_role=("speaker_role", "first"),
        n_sentences=("speech", "size"),
        n_documents=("doc_id", "nunique"),
        example=("text", "first"),
    ).reset_index()
    table = table.sort_values(["n_sentences", "n_documents"], ascending=False,
                              kind="stable").head(top).reset_index(drop=True)
    role = table["speaker_role"].where(table["speaker_role"] != "unknown", "")
    kind = table["speaker"].str.contains(r"^[A-Z][\w'\-]+(?: [A-Z][\w'\-]+){1,3}$",
                                         regex=True).map({True: "person", False: "body"})
    table["actors_row"] = table["speaker"].str.replace(",", " ", regex=False) + ",,," + role \
        + "," + kind
    return table[columns]
