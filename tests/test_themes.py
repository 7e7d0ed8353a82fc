"""Tests for helpers.themes: theme matching, aggregation, keyness, trends and NMF topics."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from helpers import config
from helpers.analysis import themes
from helpers.analysis.themes import Comparison

THEMES = themes.load_themes()
BY_NAME = {theme.name: theme for theme in THEMES}
TRADE = "trade and investment"
SECURITY = "security and defence"


def sentences_of(texts: list[str], *, doc_id: str = "d1") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": doc_id,
            "sent_idx": range(len(texts)),
            "text": texts,
            "n_words": [len(t.split()) for t in texts],
        }
    )


def terms_found(text: str, theme: str) -> list[str]:
    matches = themes.match_themes(sentences_of([text]), THEMES)
    return matches.loc[matches["theme"] == theme, "term"].tolist()


@pytest.mark.parametrize(
    ("text_in", "theme", "expected"),
    [
        # phrases, longest first
        ("They ratified the free trade agreement.", TRADE, ["free trade agreement"]),
        (
            "Both sides hailed the Belt and Road Initiative.",
            "infrastructure and connectivity",
            ["belt and road initiative"],
        ),
        (
            "More people-to-people exchanges are planned.",
            "culture, education and people-to-people ties",
            ["people to people exchanges"],
        ),
        (
            "Talks on the South China Sea Code of Conduct resumed.",
            "maritime disputes",
            ["south china sea", "code of conduct"],
        ),
        # plurals and word endings
        (
            "China donated vaccines and vaccinated workers.",
            "health and pandemic",
            ["vaccines", "vaccinated"],
        ),
        ("Exports and imports both grew.", TRADE, ["exports", "imports"]),
        ("Farmers sold mangoes and bananas.", "agriculture", ["farmers", "mangoes", "bananas"]),
        (
            "Taiwanese officials protested.",
            "sovereignty, Taiwan and non-interference",
            ["taiwanese"],
        ),
        # case, hyphens and curly apostrophes
        ("COVID-19 and Covid 19 cases fell.", "health and pandemic", ["covid 19", "covid 19"]),
        (
            "The People’s Liberation Army held drills.",
            SECURITY,
            ["people's liberation army", "drills"],
        ),
        ("The US and the U.S. Navy", "great-power rivalry and geopolitics", ["us", "u.s."]),
        (
            "The UN Security Council met.",
            "regional and multilateral bodies",
            ["un", "security council"],
        ),
        (
            "Police broke up an online scam compound.",
            "transnational crime",
            ["police", "scam compound"],
        ),
        # near misses that must not match
        ("The trademark case was dropped.", TRADE, []),
        ("It is important to support the port.", TRADE, []),
        ("They support the passport reform.", "infrastructure and connectivity", []),
        ("Food security and energy security matter.", SECURITY, []),
        ("Let us talk about it.", "great-power rivalry and geopolitics", []),
        ("Who said that?", "health and pandemic", []),
        ("They enjoy a healthy relationship.", "health and pandemic", []),
        ("He sat in an armchair.", SECURITY, []),
        ("C'est un accord.", "regional and multilateral bodies", []),
        ("A remarkable visitor centre.", "political ties and high-level exchanges", []),
        ("The fundamental principle.", "development aid and debt", []),
    ],
)
def test_theme_matching(text_in: str, theme: str, expected: list[str]) -> None:
    assert terms_found(text_in, theme) == expected


def test_screen_keeps_every_match() -> None:
    """The fast screen must never hide a match that the exact pattern finds."""
    texts = [
        "Security forces and the PLA met; food security was discussed.",
        "China’s one-China policy and ASEAN-China FTA talks on e-commerce and R&D.",
        "The U.S., the UN, WHO and NGOs spoke about COVID-19 and AI.",
        "Agro-industrial parks, agri-food exports and 5G networks.",
        *[
            line
            for line in (config.SEEDS_DIR / "003_824b66e2eee9d91a.txt").read_text().splitlines()
            if line
        ],
    ]
    sentences = sentences_of(texts)
    screened = themes.match_themes(sentences, THEMES)
    exact = [
        (i, theme.name, themes.normalise_term(m.group(0)))
        for theme in THEMES
        for i, text in enumerate(texts)
        for m in theme.pattern.finditer(text)
    ]
    got = sorted(zip(screened["sent_idx"], screened["theme"], screened["term"], strict=True))
    assert got == sorted(exact)
    assert len(exact) > 20


def test_shipped_dictionary_is_complete() -> None:
    assert len(THEMES) >= 11
    assert all(theme.description for theme in THEMES)
    names = {theme.name for theme in THEMES}
    assert {TRADE, SECURITY, "health and pandemic", "transnational crime"} <= names


@pytest.mark.parametrize(
    ("csv_text", "message"),
    [
        ("# header\ntheme,description\nx,y\n", "missing column"),
        ("theme,description,terms\na,d,trade\na,d,port\n", "appears twice"),
        ("theme,description,terms\na,d, \n", "no terms"),
    ],
)
def test_load_themes_rejects_bad_files(tmp_path, csv_text: str, message: str) -> None:
    path = tmp_path / "themes.csv"
    path.write_text(csv_text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        themes.load_themes(path)


def test_theme_by_document_rates_shares_and_evidence() -> None:
    sentences = pd.concat(
        [
            sentences_of(["Trade grew and trade deficits fell here.", "Nothing else to say now."]),
            sentences_of(["Troops and warships held drills today.", "Quiet."], doc_id="d2"),
        ],
        ignore_index=True,
    )
    matches = themes.match_themes(sentences, THEMES)
    table = themes.theme_by_document(sentences, matches, themes=[TRADE, SECURITY]).set_index(
        ["doc_id", "theme"]
    )
    assert len(table) == 4
    d1 = table.loc[("d1", TRADE)]
    assert d1["hits"] == 2
    assert d1["rate_per_1000"] == pytest.approx(2 / 12 * 1000)
    assert d1["sentence_share"] == pytest.approx(0.5)
    assert d1["terms"] == "trade (1); trade deficits (1)"
    assert table.loc[("d1", SECURITY), "hits"] == 0
    assert table.loc[("d2", SECURITY), "hits"] == 3


def test_theme_profile_and_trend_show_a_shift() -> None:
    texts = {
        "a": ["Troops and missiles at the naval base.", "Military drills."],
        "b": ["Troops patrolled.", "Exports rose and investment grew."],
        "c": ["Trade and investment, tariffs and exports.", "Companies invest."],
    }
    sentences = pd.concat([sentences_of(t, doc_id=d) for d, t in texts.items()], ignore_index=True)
    matches = themes.match_themes(sentences, THEMES)
    per_doc = themes.theme_by_document(sentences, matches, themes=[TRADE, SECURITY])
    periods = pd.Series(pd.PeriodIndex(["2019", "2020", "2021"], freq="Y"), index=["a", "b", "c"])
    profile = themes.theme_profile(per_doc, periods)
    assert profile["group"].astype(str).tolist()[:2] == ["2019", "2019"]
    trends = themes.theme_trends(profile).set_index("theme")
    assert trends.loc[TRADE, "slope"] > 0 > trends.loc[SECURITY, "slope"]
    assert trends.loc[TRADE, "rate_first"] == 0


def test_theme_sentiment_orders_themes() -> None:
    sentences = sentences_of(
        ["Trade boomed.", "Troops attacked.", "Troops and trade.", "Nothing."]
    ).assign(vader_compound=[0.8, -0.6, 0.0, 0.1], tb_polarity=[0.5, -0.4, 0.0, 0.0])
    matches = themes.match_themes(sentences, THEMES)
    table = themes.theme_sentiment(sentences, matches, themes=[TRADE, SECURITY]).set_index("theme")
    assert table.loc["all sentences", "n_sentences"] == 4
    assert table.loc[TRADE, "vader_compound"] > table.loc[SECURITY, "vader_compound"]
    assert table.loc[TRADE, "vader_compound_vs_all"] > 0 > table.loc[SECURITY, "tb_polarity_vs_all"]
    with pytest.raises(ValueError, match="sentiment columns"):
        themes.theme_sentiment(sentences[["doc_id", "sent_idx", "text"]], matches, themes=[TRADE])


# ---------------------------------------------------------------------------------- keyness


def corpus(docs: dict[str, str], dates: list[str] | None = None, **columns) -> pd.DataFrame:
    frame = pd.DataFrame({"doc_id": list(docs), "clean_text": list(docs.values()), **columns})
    frame["date"] = pd.to_datetime(dates) if dates else pd.NaT
    return frame


def test_keyness_matches_hand_computed_g2() -> None:
    # Corpus A: 1,000 words, "troops" 20 times; corpus B: 1,000 words, "troops" twice.
    # "ports" is absent from A and 15 times in B; "harbour" fills the rest.
    docs = corpus(
        {
            "a": "troops " * 20 + "harbour " * 980,
            "b": "troops " * 2 + "ports " * 15 + "harbour " * 983,
        }
    )
    counts = themes.count_terms(docs, ngram_range=(1, 1))
    comparison = Comparison("A", "B", np.array([True, False]), np.array([False, True]))
    table = themes.compare(counts, comparison).set_index("term")
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
    assert table.loc["troops", "significant"] and table.loc["ports", "significant"]
    assert not table.loc["harbour", "significant"]
    assert table.loc["troops", "p_value"] < 0.001
    assert table.index[0] == "ports"  # sorted by G2


def test_keyness_with_unequal_sizes_and_bonferroni() -> None:
    # a = 12 in 2,000 words, b = 3 in 500 words: same rate, so G2 = 0.
    terms = ["even", "skewed"]
    table = themes.keyness(terms, np.array([12, 30]), np.array([3, 1]), size_a=2000, size_b=500)
    rows = table.set_index("term")
    assert rows.loc["even", "g2"] == pytest.approx(0.0, abs=1e-12)
    expected_a, expected_b = 2000 * 31 / 2500, 500 * 31 / 2500
    skewed = 2 * (30 * math.log(30 / expected_a) + 1 * math.log(1 / expected_b))
    assert rows.loc["skewed", "g2"] == pytest.approx(skewed)
    strict = themes.keyness(
        terms,
        np.array([12, 30]),
        np.array([3, 1]),
        size_a=2000,
        size_b=500,
        alpha=1e-30,
        bonferroni=True,
    )
    assert not strict["significant"].any()
    few = themes.keyness(terms, np.array([1, 30]), np.array([1, 1]), size_a=2000, size_b=500)
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
    ],
)
def test_split_periods(split_date, expected_a, expected_b, label_b) -> None:
    docs = corpus(
        dict.fromkeys("abcde", "x"),
        dates=["2019-01-01", "2020-06-01", "2021-01-01", "2022-01-01", None],
    )
    comparison = themes.split_periods(docs, split_date=split_date)
    assert comparison.in_a.tolist() == expected_a
    assert comparison.in_b.tolist() == expected_b
    assert comparison.label_b == label_b
    assert comparison.reason == ""


def test_split_periods_explains_when_impossible() -> None:
    docs = corpus({"a": "x", "b": "y"}, dates=["2019-01-01", "2020-01-01"])
    assert "one side" in themes.split_periods(docs, split_date="2030-01-01").reason
    assert "fewer than two" in themes.split_periods(corpus({"a": "x"})).reason
    same_day = corpus({"a": "x", "b": "y"}, dates=["2019-01-01", "2019-01-01"])
    assert "one date" in themes.split_periods(same_day).reason


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
    comparison = themes.split_groups(docs, column="outlet_country", groups=groups)
    assert (comparison.label_a, comparison.label_b) == expected
    assert reason in comparison.reason if reason else comparison.reason == ""


def test_split_groups_needs_a_column_and_two_groups() -> None:
    docs = corpus({"a": "x"}, outlet_country=["China"])
    assert "no column" in themes.split_groups(docs, column="outlet").reason
    assert "two groups" in themes.split_groups(docs, column="outlet_country").reason


# ------------------------------------------------------------------------------ term trends


def test_term_trends_finds_emerging_and_fading_terms() -> None:
    docs = corpus(
        {
            "a": "vaccine vaccine vaccine harbour " * 5,
            "b": "vaccine vaccine scam harbour " * 5,
            "c": "vaccine scam scam harbour " * 5,
            "d": "scam scam scam harbour " * 5,
        },
        dates=["2020-03-01", "2021-03-01", "2022-03-01", "2023-03-01"],
    )
    counts = themes.count_terms(docs, ngram_range=(1, 1))
    periods = themes.doc_periods(docs, freq="year")
    trends = themes.term_trends(counts, periods, top=3).set_index("term")
    assert trends.loc["scam", "trend"] == "emerging"
    assert trends.loc["vaccine", "trend"] == "fading"
    assert trends.loc["scam", "slope"] == pytest.approx(-trends.loc["vaccine", "slope"])
    assert trends.loc["scam", "rate_last"] > trends.loc["scam", "rate_first"]
    assert "harbour" not in trends.index  # flat


def test_term_trends_needs_two_bins() -> None:
    docs = corpus({"a": "scam scam", "b": "scam"}, dates=["2020-01-01", "2020-02-01"])
    counts = themes.count_terms(docs)
    assert themes.term_trends(counts, themes.doc_periods(docs, freq="year")).empty


# ----------------------------------------------------------------------------------- topics

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
    model = themes.fit_topics(docs, n_topics=2)
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
    model = themes.fit_topics(two_subject_corpus(n_docs))
    assert model.n_topics == expected
    assert "automatic" in model.rule
    assert ("one document" in model.limits) == (n_docs == 1)


def test_automatic_topic_count_by_stability_on_larger_corpora() -> None:
    model = themes.fit_topics(two_subject_corpus(40))
    assert "stability" in model.rule
    assert set(model.stability) >= {2, 4}
    assert all(0 <= score <= 1 for score in model.stability.values())
    assert model.n_topics in model.stability


def test_requested_topics_are_capped_and_empty_text_gives_none() -> None:
    model = themes.fit_topics(two_subject_corpus(3), n_topics=10)
    assert model.n_topics == 3 and "capped" in model.rule
    empty = themes.fit_topics(corpus({"a": "", "b": "the of and"}))
    assert empty.n_topics == 0 and empty.labels == []


def test_topic_profile_by_period() -> None:
    docs = two_subject_corpus(4)
    model = themes.fit_topics(docs, n_topics=2)
    labels = pd.Series(
        pd.PeriodIndex(["2020", "2020", "2021", None], freq="Y"), index=docs["doc_id"]
    )
    profile = themes.topic_profile(model.doc_topics, labels)
    assert set(profile["n_docs"]) == {2, 1}
    assert profile.groupby("group")["weight"].sum().to_numpy() == pytest.approx(1.0)


def test_label_skips_overlapping_terms() -> None:
    assert (
        themes._label(["free trade", "trade", "rice", "tariffs"]) == "free trade / rice / tariffs"
    )


@pytest.mark.parametrize(
    ("rates", "expected"),
    [
        (
            {"2019": 2.0, "2020": 4.0, "2021": 6.0},
            "Rising: trade and investment (fitted change +4.0",
        ),
        (
            {"2019": 6.0, "2020": 4.0, "2021": 2.0},
            "Falling: trade and investment (fitted change -4.0",
        ),
        ({"2019": 4.0, "2020": 4.2, "2021": 4.1}, "No theme's rate changes by more than 25%"),
    ],
)
def test_theme_findings_state_only_material_shifts(rates: dict[str, float], expected: str) -> None:
    profile = pd.DataFrame(
        {
            "group": pd.PeriodIndex(list(rates), freq="Y"),
            "theme": TRADE,
            "rate_per_1000": list(rates.values()),
        }
    )
    overall = pd.DataFrame(
        {
            "theme": [TRADE],
            "docs_with_theme": [3],
            "n_docs": [3],
            "hits": [12],
            "rate_per_1000": [4.0],
            "sentence_share": [0.2],
        }
    )
    lines = themes.theme_findings(overall, themes.theme_trends(profile))
    assert lines[0].startswith("Most talked-about themes: trade and investment (4.0 per 1,000")
    assert any(line.startswith(expected) for line in lines), lines
