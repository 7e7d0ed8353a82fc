"""Who speaks in each document (helpers.analysis.speakers), from attributed sentences."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis import speakers
from helpers.corpus import attribution, segment


def attributed(*sentences: str, doc_id: str = "d") -> pd.DataFrame:
    """One document of one paragraph, with word counts and its attribution columns."""
    frame = pd.DataFrame({"doc_id": doc_id, "sent_idx": range(len(sentences)), "paragraph": 0,
                          "text": list(sentences)})
    frame["n_words"] = frame["text"].map(segment.count_words)
    return pd.concat([frame, attribution.attribute_quotes(frame)], axis=1)


def test_speaker_table():
    table = speakers.speaker_table(attributed(
        "Chinese Foreign Minister Wang Yi arrived.",
        "“We are friends,” he said.",
        "Wang said that aid would continue.",
        "Hun Sen said that Cambodia is grateful."))
    assert table["speaker"].tolist() == ["Wang Yi", "Hun Sen"]
    wang = table.iloc[0]
    assert (wang["n_sentences"], wang["n_quote"], wang["n_reported"]) == (2, 1, 1)
    assert wang["quoted_words"] == 3
    assert wang["speaker_side"] == "China"


def test_speaker_table_without_speech():
    table = speakers.speaker_table(attributed("Nothing was said."))
    assert table.empty and "speaker_side" in table.columns


def test_speaker_table_one_block_per_document_and_unknown_speakers():
    sentences = pd.concat([
        attributed("Hun Sen said that Cambodia is grateful.", doc_id="b"),
        attributed("According to sources, the talks went well.",
                   "Wang Yi said that aid would continue.", doc_id="a"),
    ], ignore_index=True)
    unattributed = sentences["text"].str.startswith("According")
    sentences.loc[unattributed, ["speech", "speaker", "speaker_side"]] = ["reported", "", "unknown"]
    table = speakers.speaker_table(sentences)
    assert table["doc_id"].tolist() == ["a", "a", "b"]
    assert "(unknown)" in table.loc[table["doc_id"] == "a", "speaker"].tolist()


@pytest.mark.parametrize(("top", "expected"), [
    (5, ["Jon Pek", "provincial office"]),
    (1, ["Jon Pek"]),
])
def test_unknown_side_speakers(top: int, expected: list[str]):
    sentences = pd.concat([
        attributed("Jon Pek said that the port would open.", "Jon Pek said that it was late.",
                   "Hun Sen said that Cambodia is grateful.", doc_id="a"),
        attributed("The provincial office said that roads were closed.",
                   "Jon Pek said that prices rose.", doc_id="b"),
    ], ignore_index=True)
    table = speakers.unknown_side_speakers(sentences, top=top)
    assert table["speaker"].tolist() == expected
    first = table.iloc[0]
    assert (first["n_sentences"], first["n_documents"]) == (3, 2)
    assert first["actors_row"] == "Jon Pek,,,,person"
    assert first["example"] == "Jon Pek said that the port would open."


def test_unknown_side_speakers_none():
    table = speakers.unknown_side_speakers(attributed("Hun Sen said that Cambodia is grateful."))
    assert table.empty and "actors_row" in table.columns
