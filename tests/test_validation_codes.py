"""Unit tables for helpers.analysis.validation_codes: reading codes and their order, the
Mann-Whitney AUC (against hand-computed cases and scikit-learn), Spearman, matching files,
bootstrap intervals, disagreements and the recommended measure."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import roc_auc_score

from helpers.analysis import validation_codes as vc


def write_codes(tmp_path, rows: list[tuple[str, str]], *, comment: str = "") -> str:
    path = tmp_path / "codes.csv"
    body = "".join(f"{f},{label}\n" for f, label in rows)
    path.write_text(comment + "file,label\n" + body, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["warm", "critical", "neutral"], ("critical", "neutral", "warm")),
        (["Positive", "negative"], ("negative", "Positive")),
        (["mixed", "hostile", "favourable"], ("hostile", "mixed", "favourable")),
    ],
)
def test_infer_order(labels: list[str], expected: tuple[str, ...]) -> None:
    assert vc.infer_order(labels) == expected


@pytest.mark.parametrize("labels", [["warm", "lukewarm"], ["warm", "positive"]])
def test_an_order_that_cannot_be_inferred_is_an_error(labels: list[str]) -> None:
    with pytest.raises(ValueError, match="order"):
        vc.infer_order(labels)


def test_read_codes_categories_numbers_and_comments(tmp_path) -> None:
    path = write_codes(tmp_path, [("a.txt", "warm"), ("b.txt", "critical"), ("c.txt", "")],
                       comment="# my codes\n")
    codes = vc.read_codes(path)
    assert codes.categories == ("critical", "warm") and not codes.numeric
    assert codes.table["code"].tolist() == [1.0, 0.0]
    numeric = vc.read_codes(write_codes(tmp_path, [("a.txt", "2"), ("b.txt", "-1.5")]))
    assert numeric.numeric and numeric.table["code"].tolist() == [2.0, -1.5]
    given = vc.read_codes(write_codes(tmp_path, [("a.txt", "hot"), ("b.txt", "cold")]),
                          order=["cold", "tepid", "hot"])
    assert given.table["code"].tolist() == [2.0, 0.0]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([("a.txt", "warm"), ("a.txt", "critical")], "more than once"),
        ([("a.txt", "warm"), ("b.txt", "warm")], "two different"),
    ],
)
def test_bad_codes_are_errors(tmp_path, rows, message) -> None:
    with pytest.raises(ValueError, match=message):
        vc.read_codes(write_codes(tmp_path, rows))


@pytest.mark.parametrize(
    ("scores", "positive", "expected"),
    [
        ([0.9, 0.8, 0.1, 0.2], [1, 1, 0, 0], 1.0),
        ([0.1, 0.2, 0.9, 0.8], [1, 1, 0, 0], 0.0),
        ([0.5, 0.5], [1, 0], 0.5),
        # positives 3, 1; negatives 2, 0: pairs won 3>2, 3>0, 1>0; lost 1<2 -> 3/4
        ([3, 1, 2, 0], [1, 1, 0, 0], 0.75),
        # a tie between a positive and a negative counts half: (1 + 0.5) / 2
        ([2, 1, 1], [1, 0, 1], 0.75),
        ([1, 2], [1, 1], float("nan")),
    ],
)
def test_auc_by_hand(scores, positive, expected) -> None:
    value = vc.auc(scores, positive)
    assert (np.isnan(value) and np.isnan(expected)) or value == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("seed", range(5))
def test_auc_equals_scikit_learn(seed: int) -> None:
    rng = np.random.default_rng(seed)
    scores = np.round(rng.normal(size=60), 1)  # rounded: ties included
    positive = rng.random(60) < 0.4
    assert vc.auc(scores, positive) == pytest.approx(roc_auc_score(positive, scores), abs=1e-9)


@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [([1, 2, 3], [10, 20, 30], 1.0), ([1, 2, 3], [3, 2, 1], -1.0), ([1, 1, 1], [1, 2, 3], None)],
)
def test_spearman(x, y, expected) -> None:
    value = vc.spearman(x, y)
    assert np.isnan(value) if expected is None else value == pytest.approx(expected)


def coded_documents(n: int = 30, *, seed: int = 0):
    """Documents with a perfect measure, a noisy one and a reversed one, and their codes."""
    rng = np.random.default_rng(seed)
    labels = np.array(["critical", "neutral", "warm"])[np.arange(n) % 3]
    code = np.arange(n) % 3
    documents = pd.DataFrame({
        "doc_id": [f"d{i}" for i in range(n)],
        "file": [f"sub/a{i}.txt" for i in range(n)],
        "perfect": code + rng.random(n) * 0.1,
        "noisy": code + rng.normal(scale=1.5, size=n),
        "reversed": -code + rng.random(n) * 0.1,
    })
    codes = vc.Codes(pd.DataFrame({"file": [f"a{i}.txt" for i in range(n)] + ["gone.txt"],
                                   "label": [*labels, "warm"],
                                   "code": [*code.astype(float), 2.0]}),
                     ("critical", "neutral", "warm"))
    return documents, codes


def test_validate_measures_figures_intervals_and_matching() -> None:
    documents, codes = coded_documents()
    before = documents.copy()
    result = vc.validate_measures(documents, codes, measures=["perfect", "noisy", "reversed"],
                                  n_boot=200)
    pd.testing.assert_frame_equal(documents, before)  # the codes never touch the measures
    table = result.table.set_index("measure")
    assert result.unmatched == ["gone.txt"] and result.n_coded == 31
    assert table.loc["perfect", "auc"] == 1.0 and table.loc["reversed", "auc"] == 0.0
    assert (table["statistic"] == "AUC").all() and (table["n_auc"] == 20).all()
    assert (table["n_ranked"] == 30).all()
    extremes = documents[codes.table["code"].iloc[:30].isin([0, 2]).to_numpy()]
    warm = codes.table["code"].iloc[:30][codes.table["code"].iloc[:30].isin([0, 2])] == 2
    assert table.loc["noisy", "auc"] == pytest.approx(
        roc_auc_score(warm.to_numpy(), extremes["noisy"]), abs=1e-9)
    assert table.loc["noisy", "low"] <= table.loc["noisy", "value"] <= table.loc["noisy", "high"]
    assert table.loc["perfect", "spearman"] > 0.8 > table.loc["noisy", "spearman"]


def test_disagreements_name_the_documents_ranked_furthest_from_their_code() -> None:
    documents = pd.DataFrame({"file": ["a", "b", "c", "d"], "m": [0.1, 0.2, 0.9, 0.05]})
    codes = vc.Codes(pd.DataFrame({"file": ["a", "b", "c", "d"],
                                   "label": ["warm", "warm", "critical", "critical"],
                                   "code": [1.0, 1.0, 0.0, 0.0]}), ("critical", "warm"))
    result = vc.validate_measures(documents, codes, measures=["m"], n_boot=50,
                                  n_disagreements=1)
    assert result.disagreements["file"].tolist() == ["c"]
    assert result.disagreements["direction"].iloc[0] == "measure ranks it above its code"


def test_numeric_codes_lead_with_spearman() -> None:
    documents = pd.DataFrame({"file": list("abcde"), "m": [1.0, 2.0, 3.0, 4.0, 5.0]})
    codes = vc.Codes(pd.DataFrame({"file": list("abcde"), "label": list("12345"),
                                   "code": [1.0, 2.0, 3.0, 5.0, 4.0]}), None)
    row = vc.validate_measures(documents, codes, measures=["m"], n_boot=50).table.iloc[0]
    assert row["statistic"] == "Spearman" and row["value"] == pytest.approx(0.9)
    assert np.isnan(row["auc"]) and row["n_docs"] == 5


@pytest.mark.parametrize(("n", "too_small"), [(30, False), (12, True)])
def test_recommend_the_highest_lower_bound(n: int, too_small: bool) -> None:
    documents, codes = coded_documents(n)
    result = vc.validate_measures(documents, codes, measures=["noisy", "perfect", "reversed"],
                                  n_boot=200)
    choice = vc.recommend_measure(result)
    assert choice.measure == "perfect" and choice.runner_up == "noisy"
    assert choice.too_small is too_small


def test_recommend_among_the_measures_a_report_can_lead_with() -> None:
    documents, codes = coded_documents()
    result = vc.validate_measures(documents, codes, measures=["noisy", "perfect", "reversed"],
                                  n_boot=100)
    assert vc.recommend_measure(result, among=["noisy", "reversed"]).measure == "noisy"


@pytest.mark.parametrize(
    ("recommendation", "expected"),
    [
        (None, "stance"),
        (vc.Recommendation("tone", "AUC", 0.9, 0.8, 1.0, 30, False, "stance"), "tone"),
        (vc.Recommendation("tone", "AUC", 0.9, 0.8, 1.0, 12, True, "stance"), "stance"),
    ],
    ids=["no-codes", "validated", "too-small"],
)
def test_lead_measure(recommendation, expected: str) -> None:
    assert vc.lead_measure(recommendation, default="stance") == expected


def test_disagreement_evidence_is_the_sentence_that_pulled_the_measure_that_way() -> None:
    disagreements = pd.DataFrame({"measure": ["m", "m", "other"], "doc_id": ["a", "b", "a"],
                                  "gap": [0.5, -0.5, 0.5]})
    sentences = pd.DataFrame({
        "doc_id": ["a", "a", "a", "b", "b"], "sent_idx": [0, 1, 2, 0, 1],
        "text": ["short warm", "a long and warm sentence here", "cold", "warm", "only warm"],
        "n_words": [2, 6, 1, 1, 2], "score": [0.9, 0.5, -0.9, 0.4, 0.2],
    })
    table = vc.disagreement_evidence(disagreements, sentences, columns={"m": "score"})
    # Above its code: the largest upward pull (0.5 x 6 words beats 0.9 x 2).
    assert table.loc[0, "sentence"] == "a long and warm sentence here"
    # Below its code, but no sentence pulls down: no evidence; a measure not named: none.
    assert table.loc[1, "sentence"] == "" and np.isnan(table.loc[1, "sentence_score"])
    assert table.loc[2, "sentence"] == ""
