"""The sentence-level export: helpers.analysis.export builds one row per analysed sentence with
documented columns; helpers.report.export writes parquet always and CSV below a size limit,
neutralised for spreadsheets."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis import export, stance
from helpers.report.export import write_sentences
from helpers.report.publish import Report


def corpus_tables() -> tuple[pd.DataFrame, pd.DataFrame]:
    documents = pd.DataFrame({
        "doc_id": ["b", "a"], "file": ["b.txt", "a.txt"],
        "date": pd.to_datetime(["2024-05-01", None]), "outlet": ["Wire", ""],
        "clean_text": ["...", "..."],
    })
    sentences = pd.DataFrame({
        "doc_id": ["a", "b", "b", "b"], "sent_idx": [0, 0, 1, 2], "paragraph": [0, 0, 0, 1],
        "text": ["=Not a formula.", "They hailed the ironclad friendship.",
                 "It is not a debt trap.", "Texto en otra lengua."],
        "n_words": [3, 5, 6, 4],
        "speech": ["narration", "narration", "quote", None],
        "speaker": ["", "", "Ministry", None], "speaker_side": ["", "", "China", None],
        "speaker_role": ["", "", "institution", None],
        "vader_compound": [0.0, 0.6, -0.2, None], "tb_polarity": [0.0, 0.3, 0.0, None],
    })
    return sentences, documents


def test_one_row_per_analysed_sentence_with_documented_columns() -> None:
    sentences, documents = corpus_tables()
    scored = stance.sentence_stance(sentences.dropna(subset=["vader_compound"]))
    formulas = pd.DataFrame({"doc_id": ["b"], "sent_idx": [0],
                             "formula": ["ironclad friendship"], "polarity": ["asserted"]})
    issues = pd.DataFrame({"doc_id": ["b", "b"], "sent_idx": [1, 1],
                           "issue": ["debt trap", "debt trap"], "polarity": ["denied", "denied"]})
    frame = export.sentences_export(sentences, documents,
                                    {"stance": scored, "formulas": formulas, "issues": issues})
    documented = [name for name, _ in export.export_columns(("formulas", "issues"))]
    assert list(frame.columns) == documented
    assert frame[["file", "sent_idx"]].values.tolist() == [["b.txt", 0], ["b.txt", 1],
                                                           ["a.txt", 0]]  # undated last
    assert frame["date"].tolist() == ["2024-05-01", "2024-05-01", ""]
    assert frame["formulas"].tolist() == ["ironclad friendship (asserted)", "", ""]
    assert frame["issues"].tolist() == ["", "debt trap (denied)", ""]
    assert frame.loc[0, "stance"] > 0 and frame.loc[1, "problem_cues"] == ""
    assert frame.loc[1, "tone"] == pytest.approx(-0.2)


def test_without_extra_tables_the_export_keeps_the_corpus_columns() -> None:
    sentences, documents = corpus_tables()
    frame = export.sentences_export(sentences, documents)
    assert "stance" not in frame and {"text", "speaker_side", "tone"} <= set(frame.columns)
    assert len(frame) == 3


@pytest.mark.parametrize(("limit_mb", "csv_written"), [(50.0, True), (0.000001, False)])
def test_write_sentences(tmp_path, limit_mb: float, csv_written: bool) -> None:
    sentences, documents = corpus_tables()
    frame = export.sentences_export(sentences, documents)
    report = Report(tmp_path)
    paths = write_sentences(frame, report, csv_limit_mb=limit_mb)
    assert paths[0] == tmp_path / "tables" / "sentences.parquet"
    assert report.written == [f"tables/{p.name}" for p in paths]  # the builder lists them
    pd.testing.assert_frame_equal(pd.read_parquet(paths[0]), frame)
    csv = tmp_path / "tables" / "sentences.csv"
    assert csv.exists() is csv_written and (len(paths) == 2) is csv_written
    if csv_written:
        back = pd.read_csv(csv, keep_default_na=False)
        assert back.loc[back["file"] == "a.txt", "text"].item() == "'=Not a formula."


def test_the_readme_table_can_be_generated_from_the_column_list() -> None:
    lines = [f"| `{name}` | {text} |" for name, text in export.export_columns()]
    assert len(lines) == len({line.split("|")[1] for line in lines})
    assert all(text for _, text in export.export_columns())


def test_without_a_reports_folder_nothing_is_written() -> None:
    sentences, documents = corpus_tables()
    report = Report("")
    assert write_sentences(export.sentences_export(sentences, documents), report) == []
    assert report.written == []
