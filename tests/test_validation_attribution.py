"""The attribution validation (helpers.validation.attribution): its arithmetic, on a tiny set."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from helpers.corpus.attribution import default_lexicons
from helpers.validation.attribution import (
    attribution_report,
    canonical_speaker,
    gold_spans,
    read_passages,
    side_set,
    validate_attribution,
)

PASSAGES = """### p1 | readout
Chinese Foreign Minister Wang Yi arrived on Monday. Wang said that aid would continue.

The weather was fine.

### p2 | wire
Hun Sen said that Cambodia is grateful. Jon Pek said that the visit mattered.
"""
# Deliberate errors in the gold: p1 #3 is labelled reported (a miss), p2 #1 has the wrong
# side (China for Hun Sen), p2 #2 another speaker (a wrong speaker, and Jon Pek's side is
# unknown to the analysis).
GOLD = [
    ("p1", 1, "Chinese Foreign Minister Wang Yi arrived on Monday.", "narration", "", ""),
    ("p1", 2, "Wang said that aid would continue.", "reported", "Wang Yi", "China"),
    ("p1", 3, "The weather was fine.", "reported", "nobody", "unknown"),
    ("p2", 1, "Hun Sen said that Cambodia is grateful.", "reported", "Hun Sen", "China"),
    ("p2", 2, "Jon Pek said that the visit mattered.", "reported", "Marcus Reyes", "analyst"),
]


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    (tmp_path / "passages.txt").write_text(PASSAGES, encoding="utf-8")
    pd.DataFrame(GOLD, columns=["passage_id", "sentence_no", "text", "speech", "speaker",
                                "side"]).to_csv(tmp_path / "sentences.csv", index=False)
    return tmp_path


def test_validate_attribution_counts(gold_dir: Path):
    scores = validate_attribution(gold_dir)
    assert (scores.n_passages, scores.n_sentences) == (2, 5)
    assert (scores.speakers_given, scores.speakers_right) == (3, 2)
    assert (scores.speech_gold, scores.speech_found) == (4, 3)
    assert (scores.sides_given, scores.sides_right, scores.sides_unknown) == (2, 1, 1)
    assert scores.speaker_precision == pytest.approx(2 / 3)
    assert scores.unknown_share == pytest.approx(1 / 3)
    assert sorted(scores.errors["field"]) == ["side", "speaker", "speech"]


def test_attribution_report_rows(gold_dir: Path):
    rows = attribution_report(validate_attribution(gold_dir))
    assert [row[0] for row in rows] == ["speaker precision", "reported-speech recall",
                                        "side accuracy (sides given)",
                                        "side unknown (attributed sentences)"]
    assert rows[0][1] == "2 / 3 (67%)" and rows[0][3] is False
    assert rows[1][1] == "3 / 4 (75%)" and rows[1][3] is False
    assert rows[2][1] == "1 / 2 (50%)"
    assert rows[3][1] == "1 / 3 (33%)" and rows[3][3] is False


def test_read_passages_and_gold_spans(gold_dir: Path):
    passages = read_passages(gold_dir / "passages.txt")
    assert list(passages) == ["p1", "p2"]
    texts = [row[2] for row in GOLD if row[0] == "p1"]
    spans = gold_spans(passages["p1"], texts)
    assert [passages["p1"][a:b] for a, b in spans] == texts


@pytest.mark.parametrize(("found", "gold", "same"), [
    ("Hun Manet", "hun manet", True),
    ("Prime Minister Hun Manet", "Hun Manet", True),  # an alias of actors.csv
    ("Samdech Techo Hun Sen", "Hun Sen", True),
    ("Hun Sen", "Hun Manet", False),
    ("critics", "Critics", True),
])
def test_canonical_speaker(found: str, gold: str, same: bool):
    actors = default_lexicons()[1]
    assert (canonical_speaker(found, actors) == canonical_speaker(gold, actors)) is same


@pytest.mark.parametrize(("side", "expected"), [
    ("China", {"China"}),
    ("China;Cambodia", {"China", "Cambodia"}),
    ("analyst", {"independent"}),
    ("media", {"independent"}),
    ("civil society", {"civil society"}),
])
def test_side_set(side: str, expected: set[str]):
    assert side_set(side) == expected
