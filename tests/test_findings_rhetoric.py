"""The sentences of the rhetoric report (helpers.report.findings.rhetoric), each from its table."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis import issues, rhetoric
from helpers.report.findings import rhetoric as says


def sentences(texts: list[str], *, dates: list[str | None] | None = None,
              sides: list[str] | None = None) -> pd.DataFrame:
    """Prepared sentences, one document each; a side makes the sentence a quote of it."""
    n = len(texts)
    sides = sides or [""] * n
    frame = pd.DataFrame({
        "doc_id": [f"d{i}" for i in range(n)],
        "sent_idx": 0,
        "text": texts,
        "n_words": [len(t.split()) for t in texts],
        "date": pd.to_datetime(dates or ["2020-01-01"] * n),
        "speech": ["quote" if side else "narration" for side in sides],
        "speaker": ["Someone" if side else "" for side in sides],
        "speaker_side": sides,
        "quoted_chars": [len(t) if side else 0 for t, side in zip(texts, sides, strict=True)],
    })
    return rhetoric.prepare_sentences(frame, freq="year")


@pytest.mark.parametrize(
    ("sections", "summary", "rest"),
    [
        ({"a": ["a1", "a2", "a3"], "b": ["b1"]}, ["a1", "b1"], {"a": ["a2", "a3"], "b": []}),
        ({"a": [], "b": ["b1", "b2"]}, ["b1"], {"a": [], "b": ["b2"]}),
        ({}, [], {}),
    ],
)
def test_summary_and_rest(sections: dict[str, list[str]], summary: list[str],
                          rest: dict[str, list[str]]) -> None:
    assert says.summary_and_rest(sections) == (summary, rest)


@pytest.mark.parametrize(
    ("texts", "dates", "expected"),
    [
        ([], [], ["No formula of the lexicon appears in the 4 article(s) analysed."]),
        (["The Belt and Road grows.", "BRI loans and the Diamond Hexagon."],
         ["2019-02-01", "2023-05-01"],
         ["2 distinct diplomatic formulas occur 3 times in 4 article(s); the most widespread is "
          "\u201cBelt and Road Initiative\u201d (2 times in 2 of 4 articles), first seen in "
          "2019-02-01.",
          "The latest to appear: \u201cDiamond Hexagon\u201d (first seen 2023-05-01)."]),
        # one first date: no "latest" sentence
        (["The Belt and Road and the Diamond Hexagon."], ["2019-02-01"],
         ["2 distinct diplomatic formulas occur 2 times in 4 article(s); the most widespread is "
          "\u201cBelt and Road Initiative\u201d (1 times in 1 of 4 articles), first seen in "
          "2019-02-01."]),
        (["The Belt and Road grows."], [None],
         ["1 distinct diplomatic formulas occur 1 times in 4 article(s); the most widespread is "
          "\u201cBelt and Road Initiative\u201d (1 times in 1 of 4 articles), first seen in "
          "an undated article."]),
    ],
)
def test_formula_findings(texts: list[str], dates: list[str | None],
                          expected: list[str]) -> None:
    hits = rhetoric.find_formulas(sentences(texts, dates=dates)) if texts else \
        pd.DataFrame(columns=["formula"])
    summary = rhetoric.formula_summary(hits) if texts else pd.DataFrame(columns=["formula"])
    assert says.formula_findings(summary, n_docs=4) == expected


def test_formula_findings_names_at_most_five_newest() -> None:
    summary = pd.DataFrame({
        "formula": [f"f{i}" for i in range(8)],
        "count": 1, "n_docs": 1,
        "first_date": pd.to_datetime(["2019-01-01"] + ["2020-01-01"] * 7),
    })
    latest = says.formula_findings(summary, n_docs=8)[1]
    assert latest.count("\u201c") == 5
    assert latest.endswith("(first seen 2020-01-01, with 2 more).")


def test_voice_findings_share_of_narration_and_densest_voice() -> None:
    sents = sentences(
        ["The Belt and Road grows " + "and grows " * 60,
         "The Belt and Road and the Diamond Hexagon are good " + "and good " * 50,
         "Nothing here " * 80],
        sides=["", "China", ""])
    lines = says.voice_findings(rhetoric.find_formulas(sents), sents)
    assert lines[0].startswith("1 of 3 formula occurrences (33%) are the outlets' own narration")
    assert lines[1].startswith("Per 1,000 words, formulas are densest in the voice of China")
    assert "sparsest in that of narration" in lines[1]


@pytest.mark.parametrize(("min_words", "n_lines"), [(1_000, 1), (4, 2)])
def test_voice_findings_compares_only_voices_with_enough_words(min_words: int,
                                                              n_lines: int) -> None:
    sents = sentences(["The Belt and Road grows.", "The Diamond Hexagon, they said."],
                      sides=["", "Cambodia"])
    hits = rhetoric.find_formulas(sents)
    assert len(says.voice_findings(hits, sents, min_words=min_words)) == n_lines
    assert says.voice_findings(hits.iloc[:0], sents) == []


def test_commitment_findings_counts_acts_and_firmness() -> None:
    sents = sentences(
        ["China pledged to build roads and will build them " + "and more " * 100,
         "They did not agree on a date but may meet again and might " + "talk " * 100,
         "Cambodia firmly supports it and we must and shall act " + "now " * 100],
        sides=["China", "", "Cambodia"])
    acts = rhetoric.find_speech_acts(sents)
    stance = rhetoric.find_stance(sents)
    lines = says.commitment_findings(acts, stance, sents)
    assert lines[0].startswith("2 speech acts of commitment or position-taking; the commonest "
                               "are ")
    assert "1 negated act(s)" in lines[0]
    assert lines[1].startswith("Stance markers per 1,000 words: firm ")
    assert lines[2].startswith("The firmest voice is Cambodia")


def test_commitment_findings_without_acts_or_stance() -> None:
    sents = sentences(["The talks were held in the capital."])
    lines = says.commitment_findings(rhetoric.find_speech_acts(sents),
                                     rhetoric.find_stance(sents), sents)
    assert lines == ["No speech act of the lexicon is reported in these articles."]


def test_commitment_findings_stance_rate_matches_overall_rates() -> None:
    sents = sentences(["It may rain and it might clear, we will see."])
    stance = rhetoric.find_stance(sents)
    line = says.commitment_findings(rhetoric.find_speech_acts(sents), stance, sents)[1]
    hedge = rhetoric.overall_rates(stance, sents, column="category")["hedge"]
    assert f"hedge {hedge:.1f}" in line


def test_voices_findings() -> None:
    sents = sentences(["\u201cWe agree with the plan today.\u201d", "The talks ended.",
                       "\u201cYes.\u201d"], sides=["China", "", "Cambodia"])
    lines = says.voices_findings(rhetoric.voices_table(sents), sents)
    assert lines[0].startswith("On average ")
    assert lines[1] == "Quoted and reported words come from China (86%), Cambodia (14%)."
    assert says.voices_findings(rhetoric.voices_table(sents).iloc[:0], sents) == []


def test_voices_findings_without_quotes_states_only_the_share() -> None:
    sents = sentences(["The talks ended."])
    lines = says.voices_findings(rhetoric.voices_table(sents), sents)
    assert lines == ["On average 0% of an article is inside quotation marks and 0% of its words "
                     "are quoted or reported speech."]


@pytest.mark.parametrize(
    ("flesch", "mtld", "n_lines", "easiest"),
    [
        ([80.0, 20.0], [float("nan"), 90.0], 3, "The easiest read is a (80), the hardest b (20)."),
        ([50.0], [float("nan")], 1, None),
        ([float("nan")], [float("nan")], 0, None),
    ],
)
def test_style_findings(flesch: list[float], mtld: list[float], n_lines: int,
                        easiest: str | None) -> None:
    style = pd.DataFrame({"doc_id": list("ab")[:len(flesch)], "flesch_reading_ease": flesch,
                          "words_per_sentence": 20.0, "mtld": mtld})
    lines = says.style_findings(style)
    assert len(lines) == n_lines
    if n_lines:
        assert lines[0].startswith("Median Flesch reading ease is ")
    if easiest:
        assert lines[1] == easiest
        assert lines[2] == "Median lexical diversity (MTLD) is 90 over 1 article(s) long enough " \
            "to measure."


def issue_corpus(n_denials: int, n_claims: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Mentions of the naval base: China denies it in n_denials articles, narration relays the
    claim in n_claims; one article on loans."""
    texts = (["China denied reports of a naval base."] * n_denials
             + ["Critics say the naval base is Chinese."] * n_claims + ["Loans rose."])
    sides = ["China"] * n_denials + [""] * (n_claims + 1)
    mentions = issues.find_issues(sentences(texts, sides=sides))
    return issues.issue_table(mentions), mentions


ALL_ISSUES = ["naval base", "debt trap", "canal"]


@pytest.mark.parametrize(
    ("n_denials", "n_claims", "expected"),
    [
        (3, 3, ["The most widely raised issue is \u201cnaval base\u201d (6 mention(s) in 6 "
                "article(s): 0 asserted, 3 denied, 3 reported).",
                "\u201cnaval base\u201d: 6 mention(s) in 6 article(s): 0 asserted, 3 denied, "
                "3 reported; raised most in the voice of China (3), denied most by China (3).",
                "Mentioned in fewer than 5 articles, too few to compare sides or polarity: "
                "\u201cdebt trap\u201d.",
                "Never mentioned: \u201ccanal\u201d."]),
        # four articles: no side is named as raising or denying the issue
        (2, 2, ["The most widely raised issue is \u201cnaval base\u201d (4 mention(s) in 4 "
                "article(s): 0 asserted, 2 denied, 2 reported).",
                "Mentioned in fewer than 5 articles, too few to compare sides or polarity: "
                "\u201cnaval base\u201d and \u201cdebt trap\u201d.",
                "Never mentioned: \u201ccanal\u201d."]),
    ],
)
def test_issue_findings_compare_only_issues_with_five_articles(
    n_denials: int, n_claims: int, expected: list[str]
) -> None:
    table, mentions = issue_corpus(n_denials, n_claims)
    assert says.issue_findings(table, mentions, issues=ALL_ISSUES,
                               n_docs=n_denials + n_claims + 1) == expected


def test_issue_findings_without_mentions() -> None:
    empty = issues.find_issues(sentences(["Nothing here."]))
    assert says.issue_findings(issues.issue_table(empty), empty, issues=ALL_ISSUES,
                               n_docs=1) == [
        "No issue of the issues lexicon is mentioned in the 1 article(s) analysed."]


def timeline_of(per_period: dict[str, tuple[int, int]]) -> pd.DataFrame:
    """An issue timeline of one issue: period -> (mentions, documents in the period)."""
    rows = [("naval base", period, mentions, 0, 0, mentions, mentions, docs)
            for period, (mentions, docs) in per_period.items()]
    return pd.DataFrame(rows, columns=["issue", "period", "asserted", "denied", "reported",
                                       "mentions", "n_docs", "docs_in_period"])


@pytest.mark.parametrize(
    ("per_period", "expected"),
    [
        ({"2020": (1, 5), "2021": (0, 2), "2022": (6, 6)},
         ["Mentions of \u201cnaval base\u201d per article rose from 0.20 in 2020 to 1.00 in "
          "2022 (5 and 6 articles)."]),
        ({"2020": (5, 5), "2021": (1, 10)},
         ["Mentions of \u201cnaval base\u201d per article fell from 1.00 in 2020 to 0.10 in "
          "2021 (5 and 10 articles)."]),
        ({"2020": (1, 4), "2021": (4, 9)},
         ["Fewer than two periods have 5 or more articles: issue mentions are not compared "
          "over time."]),
        ({"2020": (1, 5), "2021": (1, 5)}, []),
    ],
)
def test_issue_trend_findings_need_five_articles_per_period(
    per_period: dict[str, tuple[int, int]], expected: list[str]
) -> None:
    assert says.issue_trend_findings(timeline_of(per_period)) == expected


@pytest.mark.parametrize(("rows", "expected"), [(0, ""), (2, "2 of 9 named speaker(s)")])
def test_unknown_speakers_note(rows: int, expected: str) -> None:
    from helpers.report.findings.rhetoric import unknown_speakers_note

    unknown = pd.DataFrame({"speaker": [f"S{i}" for i in range(rows)]})
    note = unknown_speakers_note(unknown, n_speakers=9)
    assert note.startswith(expected) and (("actors.csv" in note) == bool(rows))
