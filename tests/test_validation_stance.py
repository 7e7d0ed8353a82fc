"""helpers.validation.stance on a small subset of the coded stance set: the measures are
computed without the codes, the AUC reported equals scikit-learn's on the same codes, and the
rows have the shape ``make validate`` prints."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from sklearn.metrics import roc_auc_score

from helpers.validation import stance as validation

GOLD = Path(__file__).resolve().parent / "gold" / "stance"
# Two registers each way, including the hard cases (a raid report, an embassy denial).
SUBSET = ["s01.txt", "s02.txt", "s03.txt", "s04.txt", "s05.txt", "s07.txt", "s11.txt",
          "s24.txt", "s26.txt", "s35.txt"]


@pytest.fixture(scope="module")
def subset(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("stance_subset")
    for name in SUBSET:
        shutil.copy(GOLD / name, folder / name)
    codes = pd.read_csv(GOLD / "codes.csv", comment="#")
    codes[codes["file"].isin(SUBSET)].to_csv(folder / "codes.csv", index=False)
    return folder


def test_the_gold_set_is_complete_and_coded() -> None:
    codes = pd.read_csv(GOLD / "codes.csv", comment="#")
    articles = sorted(p.name for p in GOLD.glob("*.txt"))
    assert sorted(codes["file"]) == articles and len(articles) == 40
    assert set(codes["label"]) == {"critical", "neutral", "warm"}
    words = [len((GOLD / name).read_text(encoding="utf-8").split()) for name in articles]
    assert min(words) >= 120 and max(words) <= 250


def test_measures_do_not_depend_on_the_codes(subset: Path, tmp_path: Path) -> None:
    without = tmp_path / "no_codes"
    shutil.copytree(subset, without)
    (without / "codes.csv").unlink()
    with_codes, _ = validation.measure_documents(subset)
    no_codes, _ = validation.measure_documents(without)
    pd.testing.assert_frame_equal(with_codes, no_codes)


def test_reported_auc_equals_an_independent_computation(subset: Path) -> None:
    result, documents = validation.stance_validation(subset, n_boot=100)
    codes = pd.read_csv(subset / "codes.csv")
    ends = documents.merge(codes, on="file").query("label != 'neutral'")
    table = result.table.set_index("measure")
    for measure in ("tone", "stance"):
        expected = roc_auc_score(ends["label"] == "warm", ends[measure])
        assert abs(table.loc[measure, "auc"] - expected) <= 0.01
        assert table.loc[measure, "n_auc"] == len(ends)


def test_report_rows(subset: Path) -> None:
    result, _ = validation.stance_validation(subset, n_boot=100)
    rows = validation.stance_report(result)
    assert [row[0].strip() for row in rows][:2] == ["tone AUC warm vs critical",
                                                    "stance AUC warm vs critical"]
    assert all(len(row) == 4 for row in rows)
    stance_row = rows[1]
    assert stance_row[2] == ">= 0.95" and isinstance(stance_row[3], bool)
