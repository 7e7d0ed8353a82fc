"""Tests for helpers.validation.rhetoric: the arithmetic of the scores on a tiny gold set."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from helpers.validation import rhetoric as validation

PASSAGES = """### t01 | wire
China is not creating a debt trap, the embassy said. Critics say the naval base is Chinese.

Cambodia pledged to support the one-China principle.

### t02 | editorial
The weather was fine.
"""
HEADER = ("passage_id,sentence_no,text,speech,speaker,side,polarity,speech_acts,formulas,issues,"
          "notes")
ROWS = [
    't01,1,"China is not creating a debt trap, the embassy said.",reported,Chinese Embassy,China,'
    'denied,,debt-trap diplomacy,debt trap,',
    "t01,2,Critics say the naval base is Chinese.,reported,critics,unknown,reported,,"
    "military base,naval base;sovereignty,",
    "t01,3,Cambodia pledged to support the one-China principle.,reported,Government of Cambodia,"
    "Cambodia,asserted,pledge,one-China principle,sovereignty,",
    "t02,1,The weather was fine.,narration,,,,,,,",
]


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    (tmp_path / "passages.txt").write_text(PASSAGES, encoding="utf-8")
    (tmp_path / "sentences.csv").write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    return tmp_path


def test_read_gold_passages_and_rows(gold_dir: Path) -> None:
    passages, gold = validation.read_gold(gold_dir)
    assert list(passages) == ["t01", "t02"]
    assert passages["t02"] == "The weather was fine."
    assert gold["sentence_no"].tolist() == [1, 2, 3, 1]


def found(rows: list[tuple[str, int, str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["passage_id", "sentence_no", "label", "name", "polarity"])


def test_score_arithmetic_on_made_up_predictions(gold_dir: Path) -> None:
    _, gold = validation.read_gold(gold_dir)
    predicted = found([
        ("t01", 1, "formulas", "debt-trap diplomacy", "denied"),       # right
        ("t01", 1, "issues", "debt trap", "denied"),
        ("t01", 2, "formulas", "military base", "asserted"),           # right name, wrong polarity
        ("t01", 2, "formulas", "Cold War mentality", "asserted"),      # false positive
        ("t01", 2, "issues", "naval base", "reported"),                # sentence: reported wins
        ("t01", 3, "speech_acts", "pledge", "asserted"),               # right
        ("t01", 3, "speech_acts", "support", "asserted"),              # false positive
        ("t02", 1, "issues", "aid", "asserted"),                       # no gold polarity
    ])
    scores = validation.score(gold, predicted)
    assert scores.counts["formulas"] == {"tp": 2, "fp": 1, "fn": 1}
    assert scores.precision("formulas") == pytest.approx(2 / 3)
    assert scores.recall("formulas") == pytest.approx(2 / 3)
    assert scores.counts["speech_acts"] == {"tp": 1, "fp": 1, "fn": 0}
    assert scores.counts["issues"] == {"tp": 2, "fp": 1, "fn": 2}
    # polarity over gold sentences with one that the code marks: #1 denied, #2 reported (the
    # denied > reported > asserted rule), #3 asserted; t02 has no gold polarity
    assert (scores.polarity_scored, scores.polarity_right) == (3, 3)
    assert scores.polarity_accuracy == 1.0
    assert set(scores.errors["field"]) == {"formulas", "speech_acts", "issues"}


@pytest.mark.parametrize(
    ("values", "expected"),
    [([], ""), (["asserted"], "asserted"), (["asserted", "reported"], "reported"),
     (["reported", "denied", "asserted"], "denied")],
)
def test_combine_polarity(values: list[str], expected: str) -> None:
    assert validation.combine_polarity(values) == expected


def test_assign_gives_matches_to_the_sentence_holding_them(gold_dir: Path) -> None:
    _, gold = validation.read_gold(gold_dir)
    matches = pd.DataFrame({"passage_id": ["t01", "t01", "t01", "t02"],
                            "offset": [0, 53, 95, 4], "label": "issues", "name": "x",
                            "polarity": "asserted"})
    assert validation.assign(gold, matches)["sentence_no"].tolist() == [1, 2, 3, 1]


def test_validate_runs_the_pipeline_and_meets_targets_on_the_tiny_set(gold_dir: Path) -> None:
    scores = validation.validate_rhetoric(gold_dir)
    assert scores.n_passages == 2 and scores.n_sentences == 4
    assert scores.aligned == 4
    assert scores.recall("formulas") == 1.0
    assert scores.counts["speech_acts"]["tp"] == 1
    assert scores.polarity_accuracy == 1.0
    rows = validation.rhetoric_report(scores)
    assert [row[0] for row in rows][:3] == ["gold sentences aligned by text",
                                            "formula precision", "formula recall"]
    assert all(len(row) == 4 for row in rows)


def test_empty_scores_are_not_divided_by_zero() -> None:
    gold = pd.DataFrame(columns=["passage_id", "sentence_no", "text", "polarity", "formulas",
                                 "speech_acts", "issues"])
    scores = validation.score(gold, found([]))
    assert scores.precision("formulas") == 1.0 and scores.polarity_accuracy == 1.0
