"""Tests for helpers.analysis.themes: the themes dictionary, its matching and aggregation."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import config
from helpers.analysis import themes

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


@pytest.mark.parametrize(
    ("rates", "expected"),
    [
        ({"2019": (1.0, 3.0), "2020": (2.0, 0.5)}, {"2019": SECURITY, "2020": TRADE}),
        ({"2019": (0.0, 0.0), "2020": (0.0, 2.0)}, {"2019": TRADE, "2020": SECURITY}),  # tie: first
    ],
)
def test_leading_themes_gives_each_group_its_top_theme(rates, expected) -> None:
    profile = pd.DataFrame(
        [
            {"group": group, "theme": theme, "n_docs": 1, "rate_per_1000": rate}
            for group, pair in rates.items()
            for theme, rate in zip([TRADE, SECURITY], pair, strict=True)
        ]
    )
    leaders = themes.leading_themes(profile)
    assert dict(zip(leaders["group"], leaders["theme"], strict=True)) == expected


def test_themed_documents_keeps_hits_densest_first() -> None:
    doc_themes = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b", "b"],
            "theme": [TRADE, SECURITY, TRADE, SECURITY],
            "n_words": 100,
            "hits": [1, 0, 3, 2],
            "rate_per_1000": [10.0, 0.0, 30.0, 20.0],
            "sentence_share": [0.1, 0.0, 0.3, 0.2],
            "terms": ["trade (1)", "", "trade (3)", "troops (2)"],
        }
    )
    table = themes.themed_documents(doc_themes)
    assert list(zip(table["doc_id"], table["theme"], strict=True)) == [
        ("b", TRADE), ("b", SECURITY), ("a", TRADE)
    ]
    assert "n_words" not in table.columns
