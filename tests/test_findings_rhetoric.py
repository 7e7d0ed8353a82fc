"""The sentences of the rhetoric report (helpers.report.findings.rhetoric), each from its table."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis import issues, rhetoric, rhetoric_trends
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


def appearance_corpus(
    uses: dict[str, list[int]], *, dates: list[str | None]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Formula summary and first appearances: formula -> the documents (by position) using it."""
    documents = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(dates))],
                              "date": pd.to_datetime(dates), "n_words": 300})
    rows = [(f"d{i}", formula, "x", 0, documents["date"].iloc[i], "narration", "s")
            for formula, used in uses.items() for i in used]
    hits = pd.DataFrame(rows, columns=["doc_id", "formula", "category", "sent_idx", "date",
                                       "voice", "sentence"])
    return (rhetoric.formula_summary(hits),
            rhetoric_trends.first_appearances(hits, documents, min_docs=5))


YEARS = [f"{2010 + i}-01-01" for i in range(12)]


@pytest.mark.parametrize(
    ("uses", "dates", "latest"),
    [
        # "Diamond Hexagon" absent from the first six dated documents, then in five
        ({"Belt and Road Initiative": list(range(12)), "Diamond Hexagon": [7, 8, 9, 10, 11]},
         YEARS, "Among dated documents, the latest formula to appear is \u201cDiamond "
                "Hexagon\u201d: first seen 2017-01-01, absent from the 7 earlier dated "
                "documents, then used in 5 dated documents."),
        # the same, with two undated documents using it: counted, and it may be older
        ({"Belt and Road Initiative": list(range(12)), "Diamond Hexagon": [7, 8, 9, 10, 11, 12,
                                                                            13]},
         [*YEARS, None, None],
         "Among dated documents, the latest formula to appear is \u201cDiamond "
         "Hexagon\u201d: first seen 2017-01-01, absent from the 7 earlier dated documents, "
         "then used in 5 dated documents; 2 undated documents also use it and may be older."),
        # a single article uses the newest formula: no "latest" claim
        ({"Belt and Road Initiative": list(range(12)), "Diamond Hexagon": [11]}, YEARS,
         "No formula is called the latest to appear: a first appearance needs at least 5 "
         "earlier dated documents without the formula and 5 dated documents with it, and none "
         "has both."),
        # single-document periods: two dated documents only
        ({"Belt and Road Initiative": [0], "Diamond Hexagon": [1]}, YEARS[:2],
         "No formula is called the latest to appear: a first appearance needs at least 5 "
         "earlier dated documents without the formula and 5 dated documents with it, and none "
         "has both."),
        # one first date, or no dates: nothing about time
        ({"Belt and Road Initiative": [0], "Diamond Hexagon": [0]}, YEARS[:1], None),
        ({"Belt and Road Initiative": [0, 1]}, [None, None], None),
    ],
)
def test_formula_findings_latest_only_among_dated_documents_with_enough_evidence(
    uses: dict[str, list[int]], dates: list[str | None], latest: str | None
) -> None:
    summary, appearances = appearance_corpus(uses, dates=dates)
    lines = says.formula_findings(summary, appearances, n_docs=len(dates))
    assert lines[0].startswith(f"{len(uses)} distinct diplomatic formulas occur ")
    assert "first seen" not in lines[0]
    assert lines[1:] == ([latest] if latest else [])


def test_formula_findings_without_formulas() -> None:
    empty = pd.DataFrame(columns=["formula"])
    assert says.formula_findings(empty, empty, n_docs=4) == [
        "No formula of the lexicon appears in the 4 article(s) analysed."]


def voice_corpus(n_docs: int, china_text: str) -> pd.DataFrame:
    """n_docs documents, each with a narrated sentence using one formula and a sentence quoting
    China."""
    frame = pd.DataFrame({
        "doc_id": [f"d{i}" for i in range(n_docs) for _ in range(2)],
        "sent_idx": [0, 1] * n_docs,
        "text": ["The Belt and Road grows " + "and grows " * 40, china_text] * n_docs,
        "date": pd.Timestamp("2020-01-01"),
        "speech": ["narration", "quote"] * n_docs,
        "speaker": ["", "Someone"] * n_docs,
        "speaker_side": ["", "China"] * n_docs,
        "quoted_chars": 0,
    })
    frame["n_words"] = frame["text"].str.split().str.len()
    return rhetoric.prepare_sentences(frame, freq="year")


DENSE = "The Belt and Road and the Diamond Hexagon and the Belt and Road today."
SPARSE = "The Belt and Road grows " + "and grows " * 40


@pytest.mark.parametrize(
    ("n_docs", "china_text", "expected"),
    [
        # China's voice is far denser in every one of eight documents
        (8, DENSE, "The voice of China uses formulas detectably more densely than that of "
                   "narration"),
        # the same density in both voices
        (8, SPARSE, "No voice uses formulas detectably more densely than another (2 voices"),
        # n = 1: one document cannot compare voices
        (1, DENSE, "Voices are not compared for formula density: comparisons need at least 5 "
                   "documents in each of two voices; 0 voices have that many"),
    ],
)
def test_voice_findings_compare_voices_through_their_difference(
    n_docs: int, china_text: str, expected: str
) -> None:
    sents = voice_corpus(n_docs, china_text)
    lines = says.voice_findings(rhetoric.find_formulas(sents), sents, n_boot=300)
    assert lines[0].endswith("are the outlets' own narration; the rest are in quoted or "
                             "reported speech.")
    assert lines[1].startswith(expected)
    if "detectably" in lines[1]:
        assert "bootstrap over documents" in lines[1]
    assert says.voice_findings(rhetoric.find_formulas(sents).iloc[:0], sents) == []


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
    # three documents: voices are not compared
    assert lines[2].startswith("Voices are not compared for firmness: comparisons need at "
                               "least 5 documents")


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


def trends_of(uses: list[int], dates: list[str | None]) -> pd.DataFrame:
    """Trends of one issue mentioned uses[i] times in document i of 400 words."""
    documents = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(uses))],
                              "date": pd.to_datetime(dates), "n_words": 400})
    mentions = pd.DataFrame({"doc_id": [f"d{i}" for i, k in enumerate(uses) for _ in range(k)],
                             "issue": "naval base"})
    return rhetoric_trends.rate_trends(mentions, documents, column="issue", n_boot=400)


RISING = [0, 0, 0, 1, 0, 1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 6]
SIXTEEN = [f"{2008 + i}-06-01" for i in range(16)]


@pytest.mark.parametrize(
    ("uses", "dates", "expected"),
    [
        (RISING, SIXTEEN, "Rising issue: naval base (slope of documents' rates +"),
        (RISING[::-1], SIXTEEN, "Falling issue: naval base (slope of documents' rates -"),
        # zero slope: no detectable change, stated with what was tried
        ([2] * 16, SIXTEEN, "No issue's rate per 1,000 words changes detectably over time (1 "
                            "tested, slopes over 16 dated documents with 95% intervals from a "
                            "bootstrap over documents"),
        # two undated documents: counted in the sentence
        ([2] * 18, [*SIXTEEN, None, None], "No issue's rate per 1,000 words changes detectably"),
        # single-document periods: six dated documents, one a year
        (RISING[:6], SIXTEEN[:6], "No issue is said to rise or fall: time comparisons need at "
                                  "least 5 dated documents in each of two periods; 6 of 6 "
                                  "documents are dated (3 before the median date, 3 from it)."),
        # n = 1
        ([3], SIXTEEN[:1], "No issue is said to rise or fall: time comparisons need at least 5 "
                           "dated documents in each of two periods; 1 of 1 document is dated"),
    ],
)
def test_trend_findings_state_a_direction_only_with_its_interval(
    uses: list[int], dates: list[str | None], expected: str
) -> None:
    lines = says.trend_findings(trends_of(uses, dates), noun="issue")
    assert len(lines) == 1
    assert lines[0].startswith(expected)
    undated = sum(date is None for date in dates)
    assert ("undated documents are left out" in lines[0]) == (undated > 1)


def test_trend_findings_say_nothing_without_dates() -> None:
    assert says.trend_findings(trends_of([1, 2], [None, None]), noun="formula") == []


@pytest.mark.parametrize(
    ("docs", "expected"),
    [
        ({"2020": 5, "2021": 0, "2022": 6}, ""),
        ({"2020": 1, "2021": 0, "2022": 6}, "1 of 2 periods with documents rest on fewer than 5"),
        ({"2020": 1}, "1 of 1 period with documents rest on fewer than 5"),
    ],
)
def test_thin_periods_note(docs: dict[str, int], expected: str) -> None:
    assert says.thin_periods_note(pd.Series(docs), min_docs=5).startswith(expected)
    assert bool(says.thin_periods_note(pd.Series(docs), min_docs=5)) == bool(expected)


@pytest.mark.parametrize(("rows", "expected"), [(0, ""), (2, "2 of 9 named speaker(s)")])
def test_unknown_speakers_note(rows: int, expected: str) -> None:
    from helpers.report.findings.rhetoric import unknown_speakers_note

    unknown = pd.DataFrame({"speaker": [f"S{i}" for i in range(rows)]})
    note = unknown_speakers_note(unknown, n_speakers=9)
    assert note.startswith(expected) and (("actors.csv" in note) == bool(rows))
