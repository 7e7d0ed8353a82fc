"""Unit tables for helpers.analysis.stance: the relationship-stance cues with their polarity,
each component of the index, the documented formula, aggregation by words and the evidence."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers.analysis import stance
from helpers.corpus.lexicons import read_lexicon


def sentences_of(texts: list[str], *, doc_ids: list[str] | None = None,
                 tone: list[float] | None = None) -> pd.DataFrame:
    """A sentence table as the corpus stage gives it (tone given, not scored)."""
    doc_ids = doc_ids or ["d"] * len(texts)
    return pd.DataFrame({
        "doc_id": doc_ids,
        "sent_idx": pd.Series(doc_ids).groupby(doc_ids).cumcount().to_numpy(),
        "text": texts,
        "n_words": [len(t.split()) for t in texts],
        "vader_compound": tone if tone is not None else [0.0] * len(texts),
    })


def test_the_shipped_lexicon_compiles_with_both_poles() -> None:
    lexicon = stance.load_relationship_stance()
    assert set(lexicon.entries["pole"]) == {"cooperative", "problem"}
    assert not read_lexicon(stance.RELATIONSHIP_STANCE_FILE)["patterns"].eq("").any()


def test_an_unknown_pole_is_an_error(tmp_path) -> None:
    path = tmp_path / "cues.csv"
    path.write_text("cue,pole,category,patterns\nx,hostile,concern,bad\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown poles"):
        stance.load_relationship_stance(path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two sides pledged to deepen cooperation and friendship.", 1.0),
        ("Cambodia thanked China for its generous assistance.", 1.0),
        ("Police raided a scam compound and freed trafficking victims.", -1.0),
        ("The opposition leader was arrested and later sent into exile.", -1.0),
        ("Analysts fear the loans leave the country dependent on Beijing.", -1.0),
        ("The base is capable of advanced military operations.", -1.0),
        ("Officials discussed cooperation and voiced concern about scams.", -1 / 3),
        ("China is not creating a debt trap.", 0.0),
        ("There is no military base and no foreign troops.", 0.0),
        ("The government denied reports of espionage.", 0.0),
        ("Critics say the deal is a debt trap.", -1.0),
        ("The meeting took place on Tuesday.", 0.0),
    ],
)
def test_lexicon_component(text: str, expected: float) -> None:
    scored = stance.sentence_stance(sentences_of([text]))
    assert scored.loc[0, "lexicon"] == pytest.approx(expected)


def test_denied_cues_are_found_but_not_counted() -> None:
    cues = stance.find_stance_cues(sentences_of(["It is not a debt trap, but scams grew."]))
    counted = dict(zip(cues["match"].str.lower(), cues["counts"], strict=True))
    assert counted == {"debt trap": 0.0, "scams": -1.0}


@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        ([], 0.0),
        ([("naval base", "asserted")], -1.0),
        ([("naval base", "reported")], -1.0),
        ([("naval base", "denied")], 0.0),
        ([("debt trap", "asserted"), ("scams", "asserted")], -1.0),
        ([("aid", "asserted")], 0.0),
        ([("debt trap", "denied"), ("aid", "asserted")], 0.0),
    ],
)
def test_frames_component(mentions: list[tuple[str, str]], expected: float) -> None:
    frames = pd.DataFrame([("d", 0, issue, polarity) for issue, polarity in mentions],
                          columns=["doc_id", "sent_idx", "issue", "polarity"])
    scored = stance.sentence_stance(sentences_of(["Any sentence."]), frames=frames)
    assert scored.loc[0, "frames"] == pytest.approx(expected)


@pytest.mark.parametrize(
    ("hits", "expected"),
    [
        ([], 0.0),
        ([("ironclad friendship", "friendship", "asserted")], 1.0),
        ([("ironclad friendship", "friendship", "denied")], 0.0),
        ([("debt-trap diplomacy", "critical", "asserted")], 0.0),
        ([("win-win cooperation", "cooperation", "reported"),
          ("mutual trust", "principles", "asserted")], 1.0),
    ],
)
def test_formulas_component(hits: list[tuple[str, str, str]], expected: float) -> None:
    formulas = pd.DataFrame([("d", 0, *hit) for hit in hits],
                            columns=["doc_id", "sent_idx", "formula", "category", "polarity"])
    scored = stance.sentence_stance(sentences_of(["Any sentence."]), formulas=formulas)
    assert scored.loc[0, "formulas"] == pytest.approx(expected)


def test_formula_categories_come_from_the_formulas_file_when_absent() -> None:
    formulas = pd.DataFrame({"doc_id": ["d", "d"], "sent_idx": [0, 1],
                             "formula": ["ironclad friendship", "debt-trap diplomacy"]})
    scored = stance.sentence_stance(sentences_of(["One.", "Two."]), formulas=formulas)
    assert scored["formulas"].tolist() == [1.0, 0.0]


def test_the_index_is_the_mean_of_the_available_components() -> None:
    frames = pd.DataFrame({"doc_id": ["d"], "sent_idx": [0], "issue": ["scams"],
                           "polarity": ["asserted"]})
    formulas = pd.DataFrame({"doc_id": ["d"], "sent_idx": [0], "formula": ["mutual trust"]})
    text = ["Cooperation against scams."]
    alone = stance.sentence_stance(sentences_of(text, tone=[0.4]))
    full = stance.sentence_stance(sentences_of(text, tone=[0.4]), frames=frames,
                                  formulas=formulas)
    assert np.isnan(alone.loc[0, "frames"]) and np.isnan(alone.loc[0, "formulas"])
    assert alone.loc[0, "stance"] == pytest.approx((0.0 + 0.4) / 2)
    assert full.loc[0, "stance"] == pytest.approx((0.0 - 1.0 + 1.0 + 0.4) / 4)


@pytest.mark.parametrize(
    ("warmer", "cooler"),
    [
        ("The ministers hailed their friendship and signed agreements on cooperation.",
         "Police raided a casino and arrested dozens of suspected scam bosses."),
        ("China is not creating a debt trap, the embassy said, praising the partnership.",
         "Critics warn the country has become dependent on Chinese loans."),
        ("Both sides welcomed the new development projects.",
         "The naval base is fully operational and capable of advanced military operations."),
    ],
)
def test_warm_text_ranks_above_problem_text(warmer: str, cooler: str) -> None:
    scored = stance.sentence_stance(sentences_of([warmer, cooler]))
    assert scored.loc[0, "stance"] > scored.loc[1, "stance"]


def test_documents_and_groups_weight_sentences_by_their_words() -> None:
    texts = ["Friendship.", "Police arrested the scam gang leaders in a night raid.",
             "Cooperation and friendship."]
    sents = sentences_of(texts, doc_ids=["a", "a", "b"]).assign(period=["2020", "2020", "2021"])
    scored = stance.sentence_stance(sents)
    docs = stance.document_stance(scored).set_index("doc_id")
    a = scored[scored["doc_id"] == "a"]
    assert docs.loc["a", "stance"] == pytest.approx(np.average(a["stance"], weights=a["n_words"]))
    assert docs.loc["a", "n_problem"] > 0 and docs.loc["b", "stance"] > docs.loc["a", "stance"]
    groups = stance.group_stance(scored, by="period").set_index("period")
    assert groups.loc["2020", "stance"] == pytest.approx(docs.loc["a", "stance"])
    assert groups["n_docs"].tolist() == [1, 1]
    outlets = stance.group_stance(scored, by="outlet", documents=pd.DataFrame(
        {"doc_id": ["a", "b"], "outlet": ["X", "X"]}))
    assert outlets["n_docs"].tolist() == [2]


def test_evidence_names_the_sentences_that_pulled_each_way() -> None:
    texts = ["The meeting was on Tuesday.", "They praised the friendship and cooperation.",
             "Critics fear a debt trap."]
    scored = stance.sentence_stance(sentences_of(texts))
    evidence = stance.stance_evidence(scored, n=2)
    assert evidence[["direction", "sent_idx"]].values.tolist() == [
        ["cooperative", 1], ["problem", 2]]
    assert evidence.loc[1, "problem_cues"] == "critics; fear; debt trap"


def test_score_sentences_prepares_and_scores_with_frames_and_formulas() -> None:
    sentences = sentences_of(["They hailed the ironclad friendship and cooperation.",
                              "Critics warned of a debt trap and a secret naval base.",
                              "It is not a debt trap, the embassy said."],
                             doc_ids=["a", "b", "c"], tone=[0.5, -0.3, -0.2])
    sentences["date"] = pd.to_datetime(["2020-01-01", "2021-01-01", None])
    scored = stance.score_sentences(sentences)
    table = scored.sentences.set_index("doc_id")
    assert {"voice", "period", *stance.COMPONENTS, "stance"} <= set(scored.sentences.columns)
    assert table.loc["a", "stance"] > 0 > table.loc["b", "stance"]
    assert table.loc["b", "frames"] < 0 == table.loc["c", "frames"]  # a denied frame counts 0
    assert set(scored.frames["doc_id"]) >= {"b", "c"} and "a" in set(scored.formulas["doc_id"])
    components = stance.document_components(scored.sentences)
    assert list(components.columns) == ["doc_id", "n_cooperative", "n_problem",
                                        "stance_lexicon", "stance_frames", "stance_formulas"]
    assert set(stance.SENTENCE_COLUMN_OF.values()) == {"stance", "lexicon", "frames", "formulas"}
