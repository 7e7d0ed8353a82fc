"""Tests for helpers.analysis.topics: NMF topics, their number, and their shares over time."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers.analysis import topics
from tests.test_terms import corpus

SECURITY_WORDS = (
    "troops missile navy warship defence drills soldiers artillery patrol border".split()
)
TRADE_WORDS = "exports tariffs investment market rice customs factory shipping prices bank".split()


def two_subject_corpus(n: int = 12) -> pd.DataFrame:
    rng = np.random.default_rng(1)
    docs = {}
    for i in range(n):
        words = SECURITY_WORDS if i % 2 == 0 else TRADE_WORDS
        docs[f"d{i}"] = " ".join(rng.choice(words, 80))
    return corpus(docs)


def test_nmf_recovers_two_distinct_topics() -> None:
    docs = two_subject_corpus()
    model = topics.fit_topics(docs, n_topics=2)
    assert model.n_topics == 2
    tops = [set(g["term"].head(5)) for _, g in model.top_terms.groupby("topic")]
    assert any(t <= set(SECURITY_WORDS) for t in tops)
    assert any(t <= set(TRADE_WORDS) for t in tops)
    winner = model.doc_topics.to_numpy().argmax(axis=1)
    assert len(set(winner[::2])) == 1 and len(set(winner[1::2])) == 1
    assert winner[0] != winner[1]
    assert model.doc_topics.sum(axis=1).to_numpy() == pytest.approx(1.0)


@pytest.mark.parametrize(("n_docs", "expected"), [(1, 1), (2, 1), (5, 2), (12, 3)])
def test_automatic_topic_count_on_small_corpora(n_docs: int, expected: int) -> None:
    model = topics.fit_topics(two_subject_corpus(n_docs))
    assert model.n_topics == expected
    assert "automatic" in model.rule
    assert model.n_docs == n_docs


def test_automatic_topic_count_by_stability_on_larger_corpora() -> None:
    model = topics.fit_topics(two_subject_corpus(40))
    assert "stability" in model.rule
    assert set(model.stability) >= {2, 4}
    assert all(0 <= score <= 1 for score in model.stability.values())
    assert model.n_topics in model.stability


def test_requested_topics_are_capped_and_empty_text_gives_none() -> None:
    model = topics.fit_topics(two_subject_corpus(3), n_topics=10)
    assert model.n_topics == 3 and "capped" in model.rule
    empty = topics.fit_topics(corpus({"a": "", "b": "the of and"}))
    assert empty.n_topics == 0 and empty.labels == []


def test_topic_profile_by_period() -> None:
    docs = two_subject_corpus(4)
    model = topics.fit_topics(docs, n_topics=2)
    labels = pd.Series(
        pd.PeriodIndex(["2020", "2020", "2021", None], freq="Y"), index=docs["doc_id"]
    )
    profile = topics.topic_profile(model.doc_topics, labels)
    assert set(profile["n_docs"]) == {2, 1}
    assert profile.groupby("group")["weight"].sum().to_numpy() == pytest.approx(1.0)


def test_label_skips_overlapping_terms() -> None:
    assert (
        topics._label(["free trade", "trade", "rice", "tariffs"]) == "free trade / rice / tariffs"
    )


def test_topic_terms_table_one_row_per_topic() -> None:
    model = topics.fit_topics(two_subject_corpus(), n_topics=2)
    table = topics.topic_terms_table(model, n=3)
    assert table["topic"].tolist() == model.labels
    assert table["documents_led"].sum() == model.n_docs
    assert all(len(terms.split(", ")) == 3 for terms in table["top_terms"])
    empty = topics.topic_terms_table(topics.fit_topics(corpus({"a": ""})))
    assert empty.empty
