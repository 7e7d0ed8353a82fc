"""Tests for helpers.analysis.keyness: log-likelihood G2, log ratio, and the periods and groups
compared."""

from __future__ import annotations

import math

import numpy as np
import pytest

from helpers.analysis import keyness, terms
from helpers.analysis.keyness import Comparison
from tests.test_terms import corpus


def test_keyness_matches_hand_computed_g2() -> None:
    # Corpus A: 1,000 words, "troops" 20 times; corpus B: 1,000 words, "troops" twice.
    # "ports" is absent from A and 15 times in B; "harbour" fills the rest.
    docs = corpus(
        {
            "a": "troops " * 20 + "harbour " * 980,
            "b": "troops " * 2 + "ports " * 15 + "harbour " * 983,
        }
    )
    counts = terms.count_terms(docs, ngram_range=(1, 1))
    comparison = Comparison("A", "B", np.array([True, False]), np.array([False, True]))
    table = keyness.compare(counts, comparison, min_term_docs=1).set_index("term")
    # G2 = 2 * sum(O * ln(O / E)), E = size * (a + b) / (size_a + size_b).
    troops = 2 * (20 * math.log(20 / 11) + 2 * math.log(2 / 11))
    ports = 2 * (15 * math.log(15 / 7.5))
    harbour = 2 * (980 * math.log(980 / 981.5) + 983 * math.log(983 / 981.5))
    assert table.loc["troops", "g2"] == pytest.approx(troops)  # 17.094...
    assert table.loc["ports", "g2"] == pytest.approx(ports)  # 20.794...
    assert table.loc["harbour", "g2"] == pytest.approx(harbour)
    assert table.loc["troops", "log_ratio"] == pytest.approx(math.log2(10))
    assert table.loc["ports", "log_ratio"] == pytest.approx(math.log2(0.5 / 15))
    assert table.loc["troops", "over_used_in"] == "A"
    assert table.loc["ports", "over_used_in"] == "B"
    # One document a side: G2 on word counts is small, but no document test can be passed.
    assert table.loc["troops", "p_value"] < 0.001
    assert not table["significant"].any()
    assert (table["doc_p_value"] == 1.0).all() and (table["q_value"] == 1.0).all()
    assert table.loc["troops", "docs_a"] == 1 and table.loc["ports", "docs_a"] == 0
    assert table.index[0] == "ports"  # sorted by G2


def test_keyness_with_unequal_sizes_and_corrected_word_tests() -> None:
    # a = 12 in 2,000 words, b = 3 in 500 words: same rate, so G2 = 0.
    terms = ["even", "skewed"]
    table = keyness.keyness(terms, np.array([12, 30]), np.array([3, 1]), size_a=2000, size_b=500)
    rows = table.set_index("term")
    assert rows.loc["even", "g2"] == pytest.approx(0.0, abs=1e-12)
    expected_a, expected_b = 2000 * 31 / 2500, 500 * 31 / 2500
    skewed = 2 * (30 * math.log(30 / expected_a) + 1 * math.log(1 / expected_b))
    assert rows.loc["skewed", "g2"] == pytest.approx(skewed)
    # Without document counts, G2's p-values are corrected by Benjamini-Hochberg.
    assert rows.loc["skewed", "q_value"] == pytest.approx(2 * rows.loc["skewed", "p_value"])
    strict = keyness.keyness(terms, np.array([12, 30]), np.array([3, 1]), size_a=2000,
                             size_b=500, alpha=1e-30)
    assert not strict["significant"].any()
    few = keyness.keyness(terms, np.array([1, 30]), np.array([1, 1]), size_a=2000, size_b=500)
    assert few["term"].tolist() == ["skewed"]  # "even" has fewer than min_count occurrences


@pytest.mark.parametrize(
    ("split_date", "expected_a", "expected_b", "label_b"),
    [
        (
            "",
            [True, True, False, False, False],
            [False, False, True, True, False],
            "from 2021-01-01",
        ),
        (
            "2020-06-01",
            [True, False, False, False, False],
            [False, True, True, True, False],
            "from 2020-06-01",
        ),
        (
            "2021",
            [True, True, False, False, False],
            [False, False, True, True, False],
            "from 2021-01-01",
        ),
        (
            "June 2020",
            [True, False, False, False, False],
            [False, True, True, True, False],
            "from 2020-06-01",
        ),
    ],
)
def test_split_periods(split_date, expected_a, expected_b, label_b) -> None:
    docs = corpus(
        dict.fromkeys("abcde", "x"),
        dates=["2019-01-01", "2020-06-01", "2021-01-01", "2022-01-01", None],
    )
    comparison = keyness.split_periods(docs, split_date=split_date)
    assert comparison.in_a.tolist() == expected_a
    assert comparison.in_b.tolist() == expected_b
    assert comparison.label_b == label_b
    assert comparison.reason == ""


@pytest.mark.parametrize("split_date", ["12/05/2024", "2024-13-01", "next spring"])
def test_split_periods_refuses_what_is_not_a_clear_date(split_date: str) -> None:
    docs = corpus({"a": "x", "b": "y"}, dates=["2019-01-01", "2020-01-01"])
    with pytest.raises(ValueError, match="split_date"):
        keyness.split_periods(docs, split_date=split_date)


def test_split_periods_explains_when_impossible() -> None:
    docs = corpus({"a": "x", "b": "y"}, dates=["2019-01-01", "2020-01-01"])
    assert "one side" in keyness.split_periods(docs, split_date="2030-01-01").reason
    assert "fewer than two" in keyness.split_periods(corpus({"a": "x"})).reason
    same_day = corpus({"a": "x", "b": "y"}, dates=["2019-01-01", "2019-01-01"])
    assert "one date" in keyness.split_periods(same_day).reason


@pytest.mark.parametrize(
    ("groups", "expected", "reason"),
    [
        ((), ("China", "Cambodia"), ""),
        (("Cambodia", "Pakistan"), ("Cambodia", "Pakistan"), ""),
        (("Cambodia", "Japan"), ("Cambodia", "Japan"), "Japan"),
    ],
)
def test_split_groups(groups, expected, reason) -> None:
    docs = corpus(
        dict.fromkeys("abcdef", "x"),
        outlet_country=["China", "China", "China", "Cambodia", "Cambodia", "Pakistan"],
    )
    comparison = keyness.split_groups(docs, column="outlet_country", groups=groups)
    assert (comparison.label_a, comparison.label_b) == expected
    assert reason in comparison.reason if reason else comparison.reason == ""


def test_split_groups_needs_a_column_and_two_groups() -> None:
    docs = corpus({"a": "x"}, outlet_country=["China"])
    assert "no column" in keyness.split_groups(docs, column="outlet").reason
    assert "two groups" in keyness.split_groups(docs, column="outlet_country").reason


def one_sided_corpus(n_per_side: int):
    """Documents of China use "troops", of Cambodia "ports"; both use "harbour"."""
    docs = {f"c{i}": "troops troops harbour " * 10 for i in range(n_per_side)}
    docs |= {f"k{i}": "ports ports harbour " * 10 for i in range(n_per_side)}
    return corpus(docs, outlet_country=["China"] * n_per_side + ["Cambodia"] * n_per_side)


@pytest.mark.parametrize(
    ("column", "n_per_side", "reason"),
    [
        ("", 8, "no column to group by was given"),
        ("outlet_country", 8, ""),
        ("outlet_country", 4,
         "keyness needs at least 5 documents on each side; China has 4, Cambodia has 4"),
    ],
    ids=["no-column", "eight-a-side", "four-a-side"],
)
def test_key_terms_tests_only_comparable_sides(column: str, n_per_side: int, reason: str) -> None:
    docs = one_sided_corpus(n_per_side)
    counts = terms.count_terms(docs, ngram_range=(1, 1))
    key = keyness.key_terms(counts, keyness.split_groups(docs, column=column), per_side=1)
    assert key.comparison.reason == reason
    assert key.compared == (not reason)
    if reason:
        assert key.table.empty and key.top.empty and key.n_significant == 0
    else:
        assert key.n_significant == 2
        assert key.top["term"].tolist() == ["troops", "ports"]
        assert "count: China" in key.top.columns and "count: Cambodia" in key.top.columns
        harbour = key.table.set_index("term").loc["harbour"]
        assert not harbour["significant"] and harbour["q_value"] == 1.0


@pytest.mark.parametrize(
    ("docs_a", "docs_b", "min_term_docs", "significant"),
    [
        (6, 0, 3, True),  # in every document of A, none of B
        (2, 0, 3, False),  # too few documents on its side, however lopsided
        (0, 0, 1, False),  # never a term with zero rate on both sides (not even tested)
        (3, 3, 3, False),  # same share of documents on both sides
    ],
)
def test_keyness_decides_on_documents(docs_a, docs_b, min_term_docs, significant) -> None:
    table = keyness.keyness(["term"], np.array([docs_a * 5]), np.array([docs_b * 5]),
                            size_a=6000, size_b=6000, docs_a=np.array([docs_a]),
                            docs_b=np.array([docs_b]), n_docs_a=6, n_docs_b=6,
                            min_term_docs=min_term_docs)
    assert bool(table["significant"].any()) == significant
    assert (table["count_a"] + table["count_b"] > 0).all()
