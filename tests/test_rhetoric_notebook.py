"""The rhetoric report (notebooks/02_rhetoric.ipynb) built on seeds/, on a synthetic corpus
whose formulas appear at known dates, and on corpora too small or undated to show change."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import build, headings, values_of
from tests.synthetic import NEUTRAL, Article, article_text

REPORT = "02_rhetoric"
SECTIONS = [
    "Summary",
    "Formula timeline",
    "Who uses which formula",
    "Issue frames",
    "Commitments and stance over time",
    "Voices",
    "Style",
    "Concordance",
    "Evidence",
]


def test_rhetoric_report_on_seeds(seeds_reports: Path) -> None:
    html = (seeds_reports / f"{REPORT}.html").read_text(encoding="utf-8")
    assert set(SECTIONS) <= set(headings(html))
    values = values_of(seeds_reports, REPORT)
    assert values["n_documents"] == 5
    assert re.match(r"\d+ distinct diplomatic formulas occur \d+ times in 5 article",
                    values["summary"])
    first = values["first_appearance"]
    assert first["community with a shared future"] == "2019-04-19"
    assert first["ironclad friendship"] == "2021-06-10"
    assert first["Diamond Hexagon"] == "2024-04-24"
    assert values["formula_counts"]["community with a shared future"] >= 5
    assert values["speech_acts"]["reaffirm"] >= 5
    assert values["kwic_counts"]["ironclad*"] >= 1
    assert set(values["flesch"]) == set(values["quoted_share"])
    assert "outlined: first appearance" in html
    # five dated articles (2 and 3 either side of the median date): no trend is stated
    assert "No formula is said to rise or fall: time comparisons need at least 5 dated " \
        "documents in each of two periods" in html
    assert set(values["trend_directions"]["formula"].values()) == {"none"}


def report_html(out: Path) -> str:
    return (out / f"{REPORT}.html").read_text(encoding="utf-8")


def formula_years() -> list[Article]:
    """Formulas entering a synthetic relationship at known dates, and one negated agreement."""
    texts = {
        2018: ["The ministers praised the Belt and Road Initiative and its new ports.",
               "Officials signed a trade deal in the capital."],
        2019: ["Both sides pledged to deepen their ironclad friendship.",
               "The Belt and Road was discussed again.",
               "The defence minister denied reports of a Chinese naval base."],
        2021: ["\u201cWe will build a community with a shared future,\u201d the Chinese "
               "ambassador said.",
               "The two sides did not agree on a date for the next meeting.",
               "Critics say the loans are a trap for the poorest provinces."],
        2022: ["Leaders reaffirmed the community of shared future for mankind.",
               "The Diamond Hexagon framework may be extended."],
    }
    articles = []
    for i, (year, body) in enumerate(texts.items()):
        articles.append(Article(f"a{i}.txt", article_text(body + NEUTRAL, title=f"Report {i}"),
                                f"{year}-03-1{i}", "Daily Monitor" if i % 2 else "State Herald"))
    articles.append(Article("undated.txt", article_text(
        ["An undated note on the one-China policy."] + NEUTRAL), "", ""))
    return articles


@pytest.mark.notebook
def test_rhetoric_on_a_synthetic_corpus(make_corpus, tmp_path: Path) -> None:
    folder = make_corpus(formula_years())
    out = tmp_path / "reports"
    [result] = build(folder, out, notebooks=["02"],
                     parameters={"kwic_terms": "Diamond Hexagon; re:communit\\w+", "freq": "year"})
    assert result.status == "ok", result.error
    values = values_of(out, REPORT)
    first = values["first_appearance"]
    assert first["Belt and Road Initiative"] == "2018-03-10"
    assert first["ironclad friendship"] == "2019-03-11"
    assert first["community with a shared future"] == "2021-03-12"
    assert first["Diamond Hexagon"] == "2022-03-13"
    assert first["one-China principle"] == ""
    assert values["formula_counts"]["community with a shared future"] == 2
    assert values["n_negated_acts"] == 1
    assert "agree" not in values["speech_acts"] or values["speech_acts"]["agree"] == 0
    assert values["speech_acts"]["pledge"] == 1
    assert values["kwic_counts"] == {"Diamond Hexagon": 1, "re:communit\\w+": 2}
    # four dated articles and one undated: time claims withheld, the undated one counted
    assert (values["min_docs"], values["n_undated"]) == (5, 1)
    assert set(values["trend_directions"]["issue"].values()) == {"none"}
    assert "No formula is called the latest to appear" in report_html(out)
    assert values["issue_mentions"]["naval base"]["denied"] == 1
    assert values["issue_mentions"]["debt trap"]["reported"] == 1
    assert values["issue_mentions"]["belt and road"]["asserted"] == 2
    html = (out / f"{REPORT}.html").read_text(encoding="utf-8")
    assert set(SECTIONS) <= set(headings(html))
    assert "1 undated document(s) are counted in the summary but are not in this chart." in html
    assert (out / "tables" / "rhetoric-formulas.csv").is_file()
    assert (out / "figures" / "rhetoric-formula-timeline.png").is_file()
    assert (out / "figures" / "rhetoric-issue-sides.png").is_file()
    assert (out / "figures" / "rhetoric-issue-timeline.png").is_file()
    assert (out / "tables" / "rhetoric-issue-evidence.csv").is_file()


@pytest.mark.notebook
@pytest.mark.parametrize(
    ("articles", "metadata", "expected_note"),
    [
        # one document: one period, no change over time
        ([Article("only.txt", article_text(
            ["China and Cambodia hailed their ironclad friendship."] + NEUTRAL),
            "2023-01-05", "State Herald")], True,
         "Fewer than two dated periods"),
        # no dates anywhere: nothing can be placed in time
        ([Article(f"n{i}.txt", article_text(
            [f"Item {i} on the Belt and Road Initiative."] + NEUTRAL)) for i in range(2)],
         False, "No analysed document has a date"),
    ],
)
def test_rhetoric_on_corpora_that_cannot_show_change(
    make_corpus, tmp_path: Path, articles: list[Article], metadata: bool, expected_note: str
) -> None:
    folder = make_corpus(articles, metadata=metadata)
    out = tmp_path / "reports"
    [result] = build(folder, out, notebooks=["02"])
    assert result.status == "ok", result.error
    html = (out / f"{REPORT}.html").read_text(encoding="utf-8")
    assert expected_note in html
    assert set(SECTIONS) <= set(headings(html))
    assert values_of(out, REPORT)["n_formula_hits"] >= 1
