"""The themes report (notebooks/03_themes.ipynb) built on seeds/, on a synthetic corpus whose
agenda shifts from security to trade, and on corpora too small or undated to show change."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.analysis import themes
from tests.conftest import build, headings, values_of
from tests.synthetic import Article, article_text

REPORT = "03_themes"
SECTIONS = [
    "Summary",
    "Theme heat map by period",
    "Theme profile by group",
    "Evidence: the terms matched",
    "Discovered topics",
    "Keyness between periods",
    "Keyness between groups",
    "Emerging and fading terms",
    "Theme x sentiment",
]
SECURITY = "security and defence"
TRADE = "trade and investment"

SECURITY_SENTENCES = [
    "The two armies held joint military exercises near the border.",
    "Defence ministers discussed upgrades to the naval base and new warships.",
    "Troops from both countries trained together in counter-terrorism drills.",
    "The navy received patrol boats and missile systems under a defence cooperation deal.",
    "Military officers toured the naval base and reviewed security cooperation.",
    "Soldiers and armed forces commanders met to plan further military drills.",
]
TRADE_SENTENCES = [
    "Bilateral trade rose sharply as exports of garments and rubber grew.",
    "Investors announced new factories in the special economic zone.",
    "The free trade agreement cut tariffs on manufactured exports.",
    "Chinese companies pledged more investment in the garment industry.",
    "Trade officials said imports of machinery and exports of garments both increased.",
    "Business leaders expect investment and trade volume to keep growing.",
]


def shifting_agenda() -> list[Article]:
    """Security-heavy articles in 2018-2019, trade-heavy articles in 2022-2023."""
    articles = []
    for i, year in enumerate([2018, 2018, 2019, 2019, 2022, 2022, 2023, 2023]):
        bank = SECURITY_SENTENCES if year < 2021 else TRADE_SENTENCES
        body = [bank[(i + k) % len(bank)] for k in range(4)]
        outlet = "Daily Monitor" if i % 2 else "State Herald"
        articles.append(
            Article(
                f"a{i}.txt", article_text(body, title=f"Report {i}"), f"{year}-05-{10 + i}", outlet
            )
        )
    return articles


def test_themes_report_on_seeds(seeds_reports: Path) -> None:
    html = (seeds_reports / f"{REPORT}.html").read_text(encoding="utf-8")
    assert set(SECTIONS) <= set(headings(html))
    assert "With 5 documents" in html
    values = values_of(seeds_reports, REPORT)
    assert values["n_documents"] == 5
    assert values["n_topics"] == 2
    assert values["summary"].startswith("Most talked-about themes:")
    assert set(values["theme_rates"]) == {theme.name for theme in themes.load_themes()}
    assert sorted(values["theme_rates_by_bin"]) == ["2019", "2021", "2022", "2024"]
    assert values["theme_rates"]["regional and multilateral bodies"] > 0


@pytest.mark.notebook
def test_themes_report_shows_a_shift_from_security_to_trade(make_corpus, tmp_path: Path) -> None:
    folder = make_corpus(shifting_agenda())
    out = tmp_path / "out"
    [result] = build(
        folder,
        out,
        notebooks=["03"],
        parameters={"n_topics": 2, "compare_groups": "State Herald;Daily Monitor", "n_boot": 200},
    )
    assert result.status == "ok", result.error
    values = values_of(out, REPORT)
    assert values["theme_trend"][SECURITY] < 0 < values["theme_trend"][TRADE]
    early, late = values["theme_rates_by_bin"]["2018"], values["theme_rates_by_bin"]["2023"]
    assert early[SECURITY] > early[TRADE] and late[TRADE] > late[SECURITY]
    topics = [set(terms) for terms in values["topic_terms"].values()]
    assert len(topics) == 2
    security_words = set(" ".join(SECURITY_SENTENCES).lower().replace(".", "").split())
    trade_words = set(" ".join(TRADE_SENTENCES).lower().replace(".", "").split())

    def leaning(terms: set[str]) -> str:
        words = {w for term in terms for w in term.split()}
        return "security" if len(words & security_words) > len(words & trade_words) else "trade"

    assert {leaning(t) for t in topics} == {"security", "trade"}
    # Four documents a side: below min_docs (5), so no keyness and no emerging term is claimed,
    # and the report says what it would need (this was "significant" on G2 before issue 13).
    assert values["keyness_periods_significant"] == 0
    assert values["emerging_terms"] == [] and set(values["theme_directions"].values()) == {"none"}
    html = (out / f"{REPORT}.html").read_text(encoding="utf-8")
    assert "keyness needs at least 5 documents on each side" in html
    assert "time comparisons need at least 5 dated documents in each of two periods" in html


@pytest.mark.notebook
@pytest.mark.parametrize(
    ("articles", "metadata", "expected_notes"),
    [
        (
            [
                Article(
                    "only.txt",
                    article_text(SECURITY_SENTENCES + TRADE_SENTENCES),
                    "2021-03-01",
                    "Herald",
                )
            ],
            True,
            [
                "With one document, NMF cannot discover topics",
                "All dated documents fall in one period",
            ],
        ),
        (
            [
                Article(
                    f"d{i}.txt",
                    article_text(SECURITY_SENTENCES[i:] + TRADE_SENTENCES[:i]),
                    "2021-03-01",
                    "Herald",
                )
                for i in range(3)
            ],
            True,
            ["all dated documents share one date", "All dated documents fall in one period",
             "time comparisons need at least 5 dated documents"],
        ),
        (
            [
                Article(f"n{i}.txt", article_text(TRADE_SENTENCES[i:] + SECURITY_SENTENCES[:2]))
                for i in range(3)
            ],
            False,
            ["No document has a date", "fewer than two dated documents"],
        ),
    ],
    ids=["one-document", "one-date", "no-dates"],
)
def test_themes_report_says_what_a_small_corpus_cannot_show(
    make_corpus, tmp_path: Path, articles, metadata, expected_notes
) -> None:
    folder = make_corpus(articles, metadata=metadata)
    out = tmp_path / "out"
    [result] = build(folder, out, notebooks=["03"])
    assert result.status == "ok", result.error
    html = (out / f"{REPORT}.html").read_text(encoding="utf-8")
    assert set(SECTIONS) <= set(headings(html))
    for expected in expected_notes:
        assert expected in html
    values = values_of(out, REPORT)
    assert values["theme_rates"][SECURITY] > 0 and values["theme_rates"][TRADE] > 0
