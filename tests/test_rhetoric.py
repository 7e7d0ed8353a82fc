"""Tests for helpers.analysis.rhetoric: formulas, speech acts, stance, voices, style and
concordance."""

from __future__ import annotations

import dataclasses
import math

import pandas as pd
import pytest

from helpers import config
from helpers.analysis import rhetoric, rhetoric_trends, terms
from helpers.corpus.lexicons import read_lexicon


def sentences(texts: list[str], *, doc_ids: list[str] | None = None,
              dates: list[str] | None = None, speech: list[str] | None = None,
              sides: list[str] | None = None) -> pd.DataFrame:
    """A prepared sentence table built by hand (one document per sentence unless told)."""
    n = len(texts)
    frame = pd.DataFrame({
        "doc_id": doc_ids or [f"d{i}" for i in range(n)],
        "sent_idx": list(range(n)),
        "text": texts,
        "n_words": [len(t.split()) for t in texts],
        "date": pd.to_datetime(dates or ["2020-01-01"] * n),
        "speech": speech or ["narration"] * n,
        "speaker": ["" if s == "narration" else "Someone" for s in (speech or ["narration"] * n)],
        "speaker_side": sides or [""] * n,
        "quoted_chars": [0] * n,
    })
    return rhetoric.prepare_sentences(frame, freq="year")


def formulas_in(text: str) -> list[str]:
    return rhetoric.find_formulas(sentences([text]))["formula"].tolist()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They will build a community with a shared future.", "community with a shared future"),
        ("a China-Cambodia community of shared future in the new era",
         "community with a shared future"),
        ("the community of common future for mankind", "community with a shared future"),
        ("a community with a shared future for all humanity", "community with a shared future"),
        ("a community of common destiny", "community with a shared future"),
        ("their ironclad friendship", "ironclad friendship"),
        ("the two are ironclad brothers", "ironclad friendship"),
        ("Pakistan and China are iron brothers", "ironclad friendship"),
        ("a comprehensive strategic partnership of cooperation",
         "comprehensive strategic partnership of cooperation"),
        ("a comprehensive strategic cooperative partnership",
         "comprehensive strategic partnership of cooperation"),
        ("upgraded to a comprehensive strategic partnership",
         "comprehensive strategic partnership"),
        ("an all-weather strategic cooperative partnership", "all-weather friendship"),
        ("adheres to the one-China policy", "one-China principle"),
        ("the One China principle", "one-China principle"),
        ("the one\u2013China principle", "one-China principle"),
        ("non-interference in internal affairs", "non-interference in internal affairs"),
        ("must not interfere in Cambodia\u2019s internal affairs",
         "non-interference in internal affairs"),
        ("its independence, sovereignty and territorial integrity",
         "sovereignty and territorial integrity"),
        ("China's core interests and major concerns", "core interests"),
        ("win-win cooperation", "win-win cooperation"),
        ("mutually beneficial projects", "win-win cooperation"),
        ("under the Belt and Road Initiative", "Belt and Road Initiative"),
        ("BRI projects", "Belt and Road Initiative"),
        ("high-quality Belt and Road cooperation", "high-quality Belt and Road cooperation"),
        ("the Global Development Initiative", "Global Development Initiative"),
        ("the Global Security Initiative (GSI)", "Global Security Initiative"),
        ("the Global Civilisation Initiative", "Global Civilization Initiative"),
        ("the Diamond Hexagon framework", "Diamond Hexagon"),
        ("the Mekong-Lancang Cooperation", "Lancang-Mekong Cooperation"),
        ("the Lancang Mekong mechanism", "Lancang-Mekong Cooperation"),
        ("the Five Principles of Peaceful Coexistence", "Five Principles of Peaceful Coexistence"),
        ("accused of debt-trap diplomacy", "debt-trap diplomacy"),
        ("a Cold War mentality", "Cold War mentality"),
        ("ASEAN centrality", "ASEAN centrality"),
        ("peace, stability and prosperity in the region", "peace and stability"),
        # typographic quotes and hyphens inside a formula
        ("an \u201call\u2011weather\u201d community", "all-weather friendship"),
        ("their Iron-clad Friendship", "ironclad friendship"),
        ("the friendship between them is not ironclad", "ironclad friendship"),
        ("a \u201chigh-quality, high-level and high-standard\u201d partnership",
         "high-quality, high-level and high-standard"),
        ("follow a development path suited to its national conditions",
         "development path suited to national conditions"),
        ("a path of development suitable to their national conditions",
         "development path suited to national conditions"),
        ("to guard against \u201ccolour revolutions\u201d", "colour revolution"),
        ("opposes interference by external forces", "external interference"),
        ("has never stopped meddling in the internal affairs of Cambodia",
         "non-interference in internal affairs"),
        ("no interest in forcing Cambodia to choose sides", "Cold War mentality"),
        ("We do not choose sides", "neutrality"),
        ("the bloc would stay neutral", "neutrality"),
        ("Asia's affairs should be handled by Asians", "Asian values"),
        ("the voice of the Asian Century and the Asian family", "Asian values"),
        ("its unity and centrality", "ASEAN centrality"),
        ("does not seek spheres of influence", "client state"),
        ("warned against outside meddling", "external interference"),
        ("to deliver on the leaders' consensus", "leaders' consensus"),
        ("implement the consensus reached between the two leaders", "leaders' consensus"),
        ("warned against attempts to draw lines along ideological fault lines",
         "Cold War mentality"),
        ("a world divided into rival camps", "Cold War mentality"),
        ("those who divide the region into blocs", "Cold War mentality"),
    ],
)
def test_formula_variants_match(text: str, expected: str) -> None:
    assert set(formulas_in(text)) == {expected}


@pytest.mark.parametrize(
    "text",
    [
        "a community that shares its future",
        "a shared future for our children",
        "one China-funded road and one Japanese one",
        "an ironclad guarantee from the bank",
        "the iron ore trade",
        "wear a seat belt and road users must slow down",
        "core interest rates rose",
        "accused of foreign interference in the election",
        "the Mekong River fell",
        "global security was discussed",
        "a strategic location",
        "a bridal shop in Bristol",
        # near-miss contexts of formulas
        "human rights abuses in Cambodia",
        "the rule of law",
        "the voice of the Asian Century",
        "whether Cambodia will choose sides",
        "a proxy war between the powers",
        "the Cambodian Institute for Strategic Dialogue",
        "however ironclad the promise",
        "the project brought tangible benefits to farmers",
        "security forces in the capital",
        "external debt rose",
        "the leaders met without reaching consensus",
        "a consensus among economists",
        "analysts are divided into two camps over the canal",
        "draw lines on the map",
        "an ideological debate at the university",
        "outside forces of nature",
    ],
)
def test_formula_near_misses_do_not_match(text: str) -> None:
    assert formulas_in(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an external-interference formula inside a non-interference one: both are found
        ("opposes any external interference in Cambodia's internal affairs",
         ["external interference", "non-interference in internal affairs"]),
        ("opposes interference by external forces in Cambodia's internal affairs",
         ["external interference", "non-interference in internal affairs"]),
        ("never interferes in the internal affairs of others",
         ["non-interference in internal affairs"]),
        ("opposes any external forces meddling in its internal affairs",
         ["external interference", "non-interference in internal affairs"]),
        ("the Year of People-to-People Exchanges",
         ["year of exchanges", "people-to-people exchanges"]),
    ],
)
def test_nested_formulas_are_both_found(text: str, expected: list[str]) -> None:
    assert formulas_in(text) == expected


def test_longest_variant_wins_and_is_the_evidence() -> None:
    hits = rhetoric.find_formulas(
        sentences(["China's vision of a community of shared future for mankind was cited."]))
    assert hits["match"].tolist() == ["community of shared future for mankind"]


def acts_in(text: str) -> list[tuple[str, bool]]:
    """The acts in a quoted sentence (narration holds no first-person acts)."""
    hits = rhetoric.find_speech_acts(sentences([text], speech=["quote"], sides=["China"]))
    return list(zip(hits["act"], hits["negated"], strict=True))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China pledged to build more roads.", [("pledge", False)]),
        ("Both sides reaffirmed their commitment.", [("reaffirm", False)]),
        ("The minister vowed to press ahead.", [("vow", False)]),
        ("The two ministers agreed to speed up the talks.", [("agree", False)]),
        ("Cambodia firmly supports the one-China policy.", [("support", False)]),
        ("China strongly opposes any interference.", [("oppose", False)]),
        ("He urged Japan to act.", [("urge", False)]),
        ("Sokhonn thanked China for the vaccines.", [("thank", False)]),
        ("Yang praised the Prime Minister's efforts.", [("praise", False)]),
        ("China promised to import more rice.", [("promise", False)]),
        ("They called on other states to join.", [("call on", False)]),
        ("China is committed to the partnership.", [("commit", False)]),
        ("Hun Manet welcomed the investors.", [("welcome", False)]),
        # negation: kept and marked, never counted as the act
        ("The ministers did not agree on a date.", [("agree", True)]),
        ("The ministers didn\u2019t agree on a date.", [("agree", True)]),
        ("Beijing has never pledged any funds.", [("pledge", True)]),
        ("Phnom Penh refused to support the resolution.", [("support", True)]),
        ("The party no longer supports the project.", [("support", True)]),
        ("The ministers have not yet formally agreed.", [("agree", True)]),
        ("Cambodia decided not to endorse the statement.", [("support", True)]),
        ("Thailand cannot accept it and will not oppose it.", [("oppose", True)]),
        # "not only" and a negation after the verb are not negations of the act
        ("China not only supports the plan but funds it.", [("support", False)]),
        ("They agreed not to raise the issue.", [("agree", False)]),
        # nouns are not acts
        ("Thanks to China's support, the road was built.", []),
        ("The pledge was repeated.", []),
        ("He spoke of strong support and a firm promise.", []),
        ("A China-backed project opened.", []),
        ("The talks were held in the capital.", []),
        # noun and verb readings of support, welcome, call and back
        ("Cambodia thanked China for its firm support.", [("thank", False)]),
        ("He welcomed the support of Japan.", [("welcome", False)]),
        ("Hun Sen received a warm welcome.", []),
        ("There was a call for calm.", []),
        ("China supports Cambodia.", [("support", False)]),
        ("Officials called on Japan to help.", [("call on", False)]),
        ("Thailand backs the plan.", [("support", False)]),
        ("They voiced their support for the plan.", []),
        ("The raids are welcome.", []),
        # acts asked of others, by third parties, or under denial
        ("He urged all parties to respect international law.", [("urge", False)]),
        ("Cambodia is accused of blocking the statement.", []),
        ("Vietnam fears it, a claim Phnom Penh denies.", []),
        ("We welcome every friend who respects our sovereignty.", [("welcome", False)]),
        ("Hun Sen denied a report that Cambodia had agreed to host a base.",
         [("deny", False), ("agree", True)]),
        ("A spokesman, who asked not to be named, dismissed the claim.", [("dismiss", False)]),
        ("Mao rejected claims that China is building a base.", [("reject", False)]),
        ("He refuted the allegations.", [("refute", False)]),
        ("He noted that trade grew and warned of risks.", [("note", False), ("warn", False)]),
    ],
)
def test_speech_acts_and_negation(text: str, expected: list[tuple[str, bool]]) -> None:
    assert acts_in(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China has not agreed.", "denied"),
        ("Hun Sen denied that he had agreed.", "denied"),
        ("He reportedly agreed.", "reported"),
        ("He agreed.", "asserted"),
    ],
)
def test_speech_act_polarity(text: str, expected: str) -> None:
    hits = rhetoric.find_speech_acts(sentences([text]))
    assert hits.loc[hits["act"] == "agree", "polarity"].tolist() == [expected]


def test_rejective_acts_are_denials_that_were_performed() -> None:
    hits = rhetoric.find_speech_acts(sentences(["The embassy dismissed the report."]))
    assert hits[["act", "family", "negated", "polarity"]].values.tolist() == [
        ["dismiss", "rejective", False, "denied"]]


def polarity_of_formula(text: str, *, speech: str = "reported") -> list[tuple[str, str]]:
    hits = rhetoric.find_formulas(sentences([text], speech=[speech]))
    return list(zip(hits["formula"], hits["polarity"], strict=True))


@pytest.mark.parametrize(
    ("text", "speech", "expected"),
    [
        ("China is not creating a debt trap for Cambodia.", "reported",
         [("debt-trap diplomacy", "denied")]),
        ("There is no so-called Chinese military base in Cambodia.", "quote",
         [("military base", "denied")]),
        ("It has never included any military base, and it never will.", "quote",
         [("military base", "denied")]),
        ("Mao dismissed reports that China is building a military base.", "reported",
         [("military base", "denied")]),
        ("Cambodia rejected claims of a military base.", "reported",
         [("military base", "denied")]),
        ("The ministry called the naval base story groundless.", "reported",
         [("military base", "denied")]),
        ("Critics say Cambodia is a client state.", "reported", [("client state", "reported")]),
        ("China reportedly sought a military base.", "narration", [("military base", "reported")]),
        ("According to two sources, a military base is planned.", "narration",
         [("military base", "reported")]),
        ("Allegedly, the loans are a debt trap.", "narration",
         [("debt-trap diplomacy", "reported")]),
        ("The \u201cdebt trap\u201d label has followed Chinese lending.", "narration",
         [("debt-trap diplomacy", "reported")]),
        ("The debt trap label has followed Chinese lending.", "narration",
         [("debt-trap diplomacy", "asserted")]),
        ("Cambodia will never forget China's support for peace and stability.", "reported",
         [("peace and stability", "asserted")]),
        ("China will not sacrifice its sovereignty and territorial integrity.", "reported",
         [("sovereignty and territorial integrity", "asserted")]),
        ("Cambodia denied the claim, but the military base is real.", "narration",
         [("military base", "asserted")]),
        ("The base is not a secret; the naval base hosts drills.", "narration",
         [("military base", "asserted")]),
        ("China is not only a friend but an ironclad friend.", "reported",
         [("ironclad friendship", "asserted")]),
        ("There is no ironclad friendship.", "reported", [("ironclad friendship", "denied")]),
    ],
)
def test_formula_polarity(text: str, speech: str, expected: list[tuple[str, str]]) -> None:
    assert polarity_of_formula(text, speech=speech) == expected


def test_shipped_polarity_cues_have_a_header_and_every_kind() -> None:
    assert config.POLARITY_FILE.read_text(encoding="utf-8").startswith("#")
    assert set(rhetoric.load_polarity().kinds.values()) == set(rhetoric.POLARITY_KINDS)


def test_polarity_cue_kinds_must_be_known() -> None:
    table = pd.DataFrame({"cue": ["x"], "kind": ["maybe"], "patterns": ["x"]})
    with pytest.raises(ValueError, match="unknown polarity cue kinds"):
        rhetoric.compile_polarity(table)


def test_polarity_negation_reaches_only_the_window() -> None:
    cues = rhetoric.load_polarity()
    text = "Nobody in the government of the kingdom ever planned a naval base."
    start = text.index("naval base")
    end = start + len("naval base")
    assert rhetoric.match_polarity(text, start, end, cues=cues) == "asserted"
    narrow = dataclasses.replace(cues, window=20)
    assert rhetoric.match_polarity(text, start, end, cues=narrow) == "denied"


def test_negated_acts_are_not_counted() -> None:
    sents = sentences(["They agreed on the plan.", "They did not agree on the plan."],
                      doc_ids=["a", "a"])
    hits = rhetoric.find_speech_acts(sents)
    table = rhetoric.act_table(hits, by="voice").set_index("act")
    assert table.loc["agree", "total"] == 1
    assert table.loc["agree", "negated"] == 1
    assert rhetoric.rates(hits, sents, column="act", by="doc_id").loc["a", "agree"] == \
        pytest.approx(1000 / 12)


def test_act_table_lists_acts_that_were_only_negated() -> None:
    hits = rhetoric.find_speech_acts(sentences(["They never pledged anything."]))
    table = rhetoric.act_table(hits, by="voice").set_index("act")
    assert table.loc["pledge", "negated"] == 1
    assert table.loc["pledge", "total"] == 0


def stance_counts(text: str) -> dict[str, int]:
    hits = rhetoric.find_stance(sentences([text]))
    return hits["category"].value_counts().to_dict()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China will and must defend it; we shall see.", {"firm": 3, "we": 1}),
        ("It may rain, it might not, it could possibly clear.", {"hedge": 4}),
        ("The visit was in May and the talks in June.", {}),
        ("The US and us.", {"we": 1}),
        ("The will of the people and political will.", {}),
        ("Military might is not the point.", {}),
        ("Their ironclad and unwavering friendship, firmly rooted.", {"intensifier": 3}),
        ("We'll see what our partners say.", {"firm": 1, "we": 1}),
        ("The talks reportedly seemed to go well.", {"hedge": 2}),
    ],
)
def test_stance_markers(text: str, expected: dict[str, int]) -> None:
    assert stance_counts(text) == expected


def test_rates_are_per_thousand_words_of_each_group() -> None:
    sents = sentences(
        ["We will go.", "It may rain today, it might.", "Nothing here at all today."],
        doc_ids=["a", "a", "b"], speech=["quote", "narration", "narration"],
        sides=["China", "", ""],
    )
    hits = rhetoric.find_stance(sents)
    by_doc = rhetoric.rates(hits, sents, column="category", by="doc_id")
    assert by_doc.loc["a", "n_words"] == 9
    assert by_doc.loc["a", "hedge"] == pytest.approx(2 / 9 * 1000)
    assert by_doc.loc["b", "hedge"] == 0
    by_voice = rhetoric.rates(hits, sents, column="category", by="voice")
    assert by_voice.loc["China", "firm"] == pytest.approx(1000 / 3)
    assert by_voice.loc["narration", "firm"] == 0


@pytest.mark.parametrize(
    ("texts", "find", "column", "expected"),
    [
        (["We will go.", "It may rain today, it might."], rhetoric.find_stance, "category",
         {"hedge": 2000 / 9, "firm": 1000 / 9, "we": 1000 / 9}),
        # negated acts are not counted
        (["They agreed on the plan.", "They did not agree on the plan."],
         rhetoric.find_speech_acts, "act", {"agree": 1000 / 12}),
        (["Nothing here."], rhetoric.find_stance, "category", {}),
    ],
)
def test_overall_rates_per_thousand_words_of_all_sentences(texts, find, column,
                                                           expected) -> None:
    sents = sentences(texts)
    found = rhetoric.overall_rates(find(sents), sents, column=column)
    assert found.to_dict() == pytest.approx(expected)
    assert list(found) == sorted(found, reverse=True)


@pytest.mark.parametrize(
    ("texts", "doc_ids"),
    [
        (["We will go.", "It may rain today, it might."], ["a", "b"]),
        (["We will go.", "It may rain today, it might.", "Nothing."], ["a", "a", "b"]),
        # a document without words has no rate (NaN), never a division by zero
        (["We will go.", ""], ["a", "b"]),
    ],
)
def test_rates_divide_by_the_one_word_count(texts: list[str], doc_ids: list[str]) -> None:
    """Every rate per 1,000 words divides by terms.document_words (documents' n_words)."""
    sents = sentences(texts, doc_ids=doc_ids)
    hits = rhetoric.find_stance(sents)
    documents = rhetoric_trends.documents_of(sents)
    words = dict(zip(documents["doc_id"], terms.document_words(documents), strict=True))
    by_doc = rhetoric.rates(hits, sents, column="category", by="doc_id", values=["firm"])
    firm = hits[hits["category"] == "firm"].groupby("doc_id").size()
    for doc_id, n_words in words.items():
        expected = terms.per_1000(firm.get(doc_id, 0), n_words)
        assert by_doc.loc[doc_id, "n_words"] == n_words
        assert (by_doc.loc[doc_id, "firm"] == pytest.approx(float(expected))
                if n_words else math.isnan(by_doc.loc[doc_id, "firm"]))
    overall = rhetoric.overall_rates(hits, sents, column="category")
    assert overall["firm"] == pytest.approx(
        float(terms.per_1000(firm.sum(), sum(words.values()))))


@pytest.mark.parametrize(
    ("speech", "side", "voice"),
    [("narration", "", "narration"), ("quote", "China", "China"),
     ("reported", "unknown", "unknown"), ("quote", "", "unknown")],
)
def test_sentence_voices(speech: str, side: str, voice: str) -> None:
    assert sentences(["x"], speech=[speech], sides=[side])["voice"].iloc[0] == voice


def test_formula_summary_first_appearance_and_voices() -> None:
    sents = sentences(
        ["They hailed the Belt and Road.", "The Belt and Road grows.", "BRI loans rose.",
         "Nothing here."],
        doc_ids=["late", "early", "early", "other"],
        dates=["2023-05-01", "2019-02-01", "2019-02-01", "2018-01-01"],
        speech=["quote", "narration", "narration", "narration"],
        sides=["Cambodia", "", "", ""],
    )
    summary = rhetoric.formula_summary(rhetoric.find_formulas(sents)).set_index("formula")
    row = summary.loc["Belt and Road Initiative"]
    assert row["count"] == 3
    assert row["n_docs"] == 2
    assert row["first_date"] == pd.Timestamp("2019-02-01")
    assert row["first_doc"] == "early"
    assert row["last_date"] == pd.Timestamp("2023-05-01")
    assert row["voices"] == "narration 2; Cambodia 1"
    assert row["example"] == "The Belt and Road grows."


def test_formula_timeline_marks_first_period_and_keeps_empty_periods() -> None:
    sents = sentences(
        ["Nothing.", "The Diamond Hexagon.", "The Diamond Hexagon again.", "Undated BRI."],
        dates=["2019-01-01", "2021-01-01", "2022-01-01", None],
    )
    timeline = rhetoric.formula_timeline(rhetoric.find_formulas(sents), sents, freq="year")
    rows = timeline[timeline["formula"] == "Diamond Hexagon"].set_index("period")
    assert rows.index.tolist() == ["2019", "2020", "2021", "2022"]
    assert rows["first"].tolist() == [False, False, True, False]
    assert rows.loc["2019", "count"] == 0
    assert rows.loc["2019", "rate"] == 0
    assert math.isnan(rows.loc["2020", "rate"])
    assert rows.loc["2020", "n_docs"] == 0
    assert rows.loc["2021", "rate"] == pytest.approx(1000 / 3)
    assert "Belt and Road Initiative" not in set(timeline["formula"])


@pytest.mark.parametrize(
    ("dates", "freq", "expected"),
    [
        (["2019-05-01", "2021-02-01"], "year", ["2019", "2020", "2021"]),
        (["2021-11-30", "2022-01-01", None], "month", ["2021-11", "2021-12", "2022-01"]),
        (["2021-02-01", "2021-08-01"], "quarter", ["2021Q1", "2021Q2", "2021Q3"]),
        ([None], "year", []),
    ],
)
def test_all_periods(dates: list[str | None], freq: str, expected: list[str]) -> None:
    sents = sentences(["x"] * len(dates), dates=dates)
    assert rhetoric.all_periods(sents, freq=freq) == expected


def test_compile_lexicon_prefers_raw_and_longer_phrases() -> None:
    table = pd.DataFrame({
        "name": ["short", "long", "raw"],
        "patterns": ["strategic partnership", "comprehensive strategic partnership",
                     "re:strategic\\s+partner\\w+\\s+of\\s+\\w+"],
    })
    lexicon = rhetoric.compile_lexicon(table, key="name")
    found = rhetoric.scan(pd.Series([
        "a comprehensive strategic partnership", "a strategic partnership of trust",
        "a strategic partnership",
    ]), lexicon)
    assert found["name"].tolist() == ["long", "raw", "short"]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (pd.DataFrame({"name": ["a", "a"], "patterns": ["x", "y"]}), "repeats"),
        (pd.DataFrame({"name": ["a"], "patterns": [" ; "]}), "has no patterns"),
        (pd.DataFrame({"label": ["a"], "patterns": ["x"]}), "no 'name' column"),
    ],
)
def test_compile_lexicon_rejects_bad_tables(table: pd.DataFrame, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        rhetoric.compile_lexicon(table, key="name")


@pytest.mark.parametrize(
    ("path", "columns"),
    [
        (config.FORMULAS_FILE, ["formula", "category", "patterns"]),
        (config.SPEECH_ACTS_FILE, ["act", "family", "patterns"]),
        (config.STANCE_FILE, ["marker", "category", "patterns"]),
    ],
)
def test_shipped_lexicons_have_a_header_and_compile(path, columns: list[str]) -> None:
    assert path.read_text(encoding="utf-8").startswith("#")
    assert read_lexicon(path).columns.tolist() == columns
    key = columns[0]
    assert len(rhetoric.load_lexicon(path, key=key).entries) > 10


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        # never falls to 0.72: the text's own length
        ([f"w{i}" for i in range(120)], 120.0),
        # "a b" repeated: TTR reaches 2/3 at the third token, so 40 factors in 120 tokens
        (["a", "b"] * 60, 3.0),
    ],
)
def test_mtld_known_values(tokens: list[str], expected: float) -> None:
    assert rhetoric.mtld(tokens) == pytest.approx(expected)


def test_mtld_is_nan_for_short_texts_and_higher_for_varied_ones() -> None:
    assert math.isnan(rhetoric.mtld(["a", "b", "c"]))
    varied = [f"w{i % 60}" for i in range(200)]
    repetitive = [f"w{i % 10}" for i in range(200)]
    assert rhetoric.mtld(varied) > rhetoric.mtld(repetitive)


def test_flesch_orders_plain_above_dense_prose() -> None:
    plain = ["The cat sat on the mat.", "It was a good day."]
    dense = ["Comprehensive strategic cooperation necessitates institutionalised "
             "multilateral coordination mechanisms."]
    assert rhetoric.flesch_reading_ease(plain) > rhetoric.flesch_reading_ease(dense)
    assert math.isnan(rhetoric.flesch_reading_ease(["..."]))


def test_style_table_one_row_per_document() -> None:
    sents = sentences(["The cat sat on the mat.", "It was a good day.", "Another one."],
                      doc_ids=["a", "a", "b"])
    style = rhetoric.style_table(sents).set_index("doc_id")
    assert style.loc["a", "n_sentences"] == 2
    assert style.loc["a", "n_words"] == 11
    assert math.isnan(style.loc["a", "mtld"])


def test_voices_table_and_mix() -> None:
    sents = sentences(["\u201cWe agree,\u201d Wang said.", "The talks ended.", "Kin Phea said so."],
                      doc_ids=["a", "a", "a"], speech=["quote", "narration", "reported"],
                      sides=["China", "", "Cambodia"])
    sents.loc[0, "quoted_chars"] = 11
    sents["speaker"] = ["Wang Yi", "", "Kin Phea"]
    table = rhetoric.voices_table(sents).set_index("doc_id")
    assert table.loc["a", "quoted_share"] == pytest.approx(11 / sents["text"].str.len().sum())
    assert table.loc["a", "attributed_share"] == pytest.approx(8 / 11)
    assert table.loc["a", "speakers"] in ("Wang Yi (China); Kin Phea (Cambodia)",
                                          "Kin Phea (Cambodia); Wang Yi (China)")
    mix = rhetoric.voice_mix(sents)
    assert mix.loc["2020"].sum() == pytest.approx(1.0)
    assert mix.columns[0] == "narration"


def test_kwic_context_and_order() -> None:
    docs = pd.DataFrame({
        "doc_id": ["new", "old"],
        "date": pd.to_datetime(["2024-01-01", "2019-01-01"]),
        "outlet": ["Khmer Times", "Xinhua"],
        "clean_text": ["Before. Their ironclad friendship grew. After.",
                       "An ironclad bond."],
    })
    sents = pd.DataFrame({
        "doc_id": ["new", "old"], "sent_idx": [1, 0],
        "text": ["Their ironclad friendship grew.", "An ironclad bond."],
        "start": [8, 0], "end": [39, 17],
    })
    table = rhetoric.kwic(sents, docs, "ironclad*", window=20)
    assert table["doc_id"].tolist() == ["old", "new"]
    assert table["match"].tolist() == ["ironclad", "ironclad"]
    new = table.iloc[1]
    assert new["left"] == "Before. Their"
    assert new["right"] == "friendship grew. Aft"
    assert new["outlet"] == "Khmer Times"
    assert rhetoric.kwic(sents, docs, "re:iron\\w+ bond")["match"].tolist() == ["ironclad bond"]
    assert rhetoric.kwic(sents, docs, "steel").empty


def polarity_at(text: str, target: str, *, narration: bool = False) -> str:
    """The polarity of the first occurrence of ``target`` in ``text``."""
    start = text.index(target)
    return rhetoric.match_polarity(text, start, start + len(target),
                                   cues=rhetoric.load_polarity(), narration=narration)


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        # negation words and their reach
        ("Beijing says the port is hardly a foreign outpost.", "outpost", "denied"),
        ("The deal is far from a debt trap, the minister argued.", "debt trap", "denied"),
        ("Officials called the kingdom a partner rather than a vassal.", "vassal", "denied"),
        ("Phnom Penh chose Japanese grants instead of Chinese loans.", "loans", "denied"),
        ("The grant came without strings attached.", "strings attached", "denied"),
        ("Neither the port nor the airstrip will host a warship.", "warship", "denied"),
        ("No country will ever be given any exclusive access.", "exclusive access", "denied"),
        ("The island has never had a naval base.", "naval base", "denied"),
        ("The minister, who did not attend, spoke about the naval base.", "naval base",
         "asserted"),
        ("Our partner is not only a lender but also a friend.", "lender", "asserted"),
        ("It is not just about loans.", "loans", "asserted"),
        ("The canal is nothing but a debt trap.", "debt trap", "asserted"),
        ("The kingdom is no more than a pawn of Beijing.", "pawn", "asserted"),
        # denial verbs and dismissals
        ("The ministry ruled out a permanent foreign presence.", "foreign presence", "denied"),
        ("Officials brushed off talk of a debt trap.", "debt trap", "denied"),
        ("The spokesman played down fears of a Chinese outpost.", "outpost", "denied"),
        ("Reports of a secret naval base were denied by the navy.", "naval base", "denied"),
        ("The talk of a military base is a smear campaign.", "military base", "denied"),
        ("There is no truth in stories about warships at the pier.", "warships", "denied"),
        ("The embassy called the debt trap story fake news.", "debt trap", "denied"),
        ("The casino has nothing to do with the government.", "casino", "denied"),
        ("Such a naval base does not exist.", "naval base", "denied"),
        # double negation and cancellers
        ("Nobody can deny that the loans are large.", "loans", "asserted"),
        ("There is no denying that warships docked there.", "warships", "asserted"),
        ("The minister did not deny the naval base plan.", "naval base", "asserted"),
        ("The town did not become a casino hub by chance.", "casino", "asserted"),
        ("There is no doubt that the loans helped.", "loans", "asserted"),
        # negation that attaches to another word
        ("Villagers are not happy with Chinese influence.", "Chinese influence", "asserted"),
        ("The statement did not mention the canal.", "canal", "asserted"),
        ("The report does not explain why the loans grew.", "loans", "asserted"),
        ("It is not clear whether the naval base will open.", "naval base", "asserted"),
        ("The kingdom will never compromise its sovereignty.", "sovereignty", "asserted"),
        ("We will not let any outside power divide ASEAN unity.", "ASEAN unity", "asserted"),
        ("The law does not allow foreign military bases.", "military bases", "denied"),
        ("Cambodia would never let itself become a pawn.", "pawn", "denied"),
        # hedged and relayed claims
        ("Environmental campaigners say the canal will harm fisheries.", "canal", "reported"),
        ("Chinese warships are believed to have docked there.", "warships", "reported"),
        ("It is feared that the loans cannot be repaid.", "loans", "reported"),
        ("The tycoon has been accused of running scam compounds.", "scam", "reported"),
        ("Police raided a suspected scam compound.", "scam", "reported"),
        ("The purported naval facility lies near the coast.", "naval facility", "reported"),
        ("Satellite images show dredging, according to leaked documents.", "dredging",
         "reported"),
        ("According to media reports, a naval base is planned.", "naval base", "reported"),
        ("Some diplomats in the region view the pier as a military outpost.", "military outpost",
         "reported"),
        ("The ministry, citing its own survey, described the canal.", "canal", "asserted"),
        ("According to the ministry's annual report, loans fell.", "loans", "asserted"),
        # directives: what others are asked to do is not the speaker's denial
        ("He urged neighbours to reject external interference.", "interference", "asserted"),
        ("She called on Cambodia to ensure that no navy has exclusive access.",
         "exclusive access", "asserted"),
        # a clause boundary stops every cue
        ("The navy denied the story, but the naval base keeps growing.", "naval base",
         "asserted"),
        # denial without a denial verb: words that call the claim untrue
        ("A spokesman said the story of a naval base was inaccurate.", "naval base", "denied"),
        ("Officials called talk of a debt trap pure speculation.", "debt trap", "denied"),
        ("The envoy said the warships story was a red herring.", "warships", "denied"),
        ("The report of a naval base has no basis in fact.", "naval base", "denied"),
        ("The embassy strongly disagrees with the claim of a debt trap.", "debt trap",
         "denied"),
        ("Speculation about the loans grew.", "loans", "reported"),
        ("Talk of a debt trap ignores the fact that most loans are cheap.", "debt trap",
         "denied"),
        ("Fears of a Chinese outpost are overblown.", "outpost", "denied"),
        ("The ministry ignored the loans for years.", "loans", "asserted"),
        ("Misplaced fears of a debt trap drive the debate.", "debt trap", "denied"),
        ("The clerk misplaced the loans file.", "loans", "asserted"),
        ("The spokesman called the debt trap remarks groundless smears.", "debt trap", "denied"),
        ("Claims of a naval base are not supported by facts.", "naval base", "denied"),
        ("The friendship can never be undermined by outside powers.", "outside powers",
         "asserted"),
        ("Outside powers undermined the friendship.", "Outside powers", "asserted"),
        # a negated harm denies the harm claim about its subject
        ("The canal will not harm the river, the minister said.", "canal", "denied"),
        ("The loans pose no threat to the kingdom.", "loans", "denied"),
        ("Chinese investment is not a threat to anyone.", "Chinese investment", "denied"),
        ("The pier doesn't affect anyone's security.", "pier", "denied"),
        ("Officials said the canal will not impact the river's flow.", "canal", "denied"),
        ("The canal won't disrupt the river, the minister said.", "canal", "denied"),
        ("The canal will impact the river's flow.", "canal", "asserted"),
        ("Experts assert that the canal will cut flows.", "canal", "reported"),
        ("The minister asserted that the canal will cut flows.", "canal", "asserted"),
        ("The canal will harm the river, critics fear.", "canal", "reported"),
        ("We will not allow anyone to harm our sovereignty.", "sovereignty", "asserted"),
        # a restricted purpose denies the wider claim
        ("Chinese personnel at the pier were there only to help with training.", "pier",
         "denied"),
        ("The upgrade serves only the Cambodian navy.", "Cambodian navy", "denied"),
        ("The canal purely serves economic needs.", "canal", "denied"),
        ("The pier was built not only for training but for warships.", "warships", "asserted"),
        ("Only the navy uses the pier.", "pier", "asserted"),
        # an anonymous source with a parenthetical description
        ("One of the sources, a navy officer, said Chinese staff ran the pier.", "pier",
         "reported"),
        # straw men: "those who talk of X" reject X
        ("Those who talk about a debt trap should check the figures.", "debt trap", "denied"),
        ("Anyone who claims there is a naval base is lying.", "naval base", "denied"),
        ("Those who lost land to the canal want compensation.", "canal", "asserted"),
        ("Those who cling to a Cold War mentality should stop.", "Cold War mentality",
         "asserted"),
        # a modal or hedged negation leaves the claim open
        ("Ream does not have to be a naval base.", "naval base", "asserted"),
        ("The port need not become a military outpost.", "military outpost", "asserted"),
        ("The loans are not necessarily a burden.", "loans", "asserted"),
        ("The port does not have a naval base.", "naval base", "denied"),
        # protective negations: the negation belongs to a verb of harm or surrender
        ("Cambodia would not permit its soil to be used against a neighbour.", "its soil",
         "asserted"),
        ("The kingdom will never sell its sovereignty for a loan.", "sovereignty", "asserted"),
        ("The friends will not be divided by outside powers.", "outside powers", "asserted"),
        ("It will never serve the interests of any foreign power.", "foreign power",
         "asserted"),
        ("The constitution does not permit foreign military bases.", "military bases",
         "denied"),
        # an outcome "without" is no denial
        ("The summit ended without a joint communique.", "joint communique", "asserted"),
        ("The grant came without a joint communique.", "joint communique", "denied"),
        # adjectives that look like denial verbs
        ("A new pier overlooks contested waters near the naval base.", "naval base",
         "asserted"),
        ("The minister contested the claims of a naval base.", "naval base", "denied"),
        # relayed: reports of, a trailing "X reported", generic sources, editorial hearsay
        ("We remain concerned by reports of exclusive access at the port.", "exclusive access",
         "reported"),
        ("Police raided a casino on Friday, the outlet Fresh News reported.", "casino",
         "reported"),
        ("Police raided a casino on Friday, the ministry said.", "casino", "asserted"),
        ("The casino reported higher profits this year.", "casino", "asserted"),
        ("Journalists who reported on the casino were harassed.", "casino", "asserted"),
        ("Xinhua reported on Monday that the casino had closed.", "casino", "reported"),
        ("Environmental groups say the canal will cut flows.", "canal", "reported"),
        ("Villagers were detained near the canal, relatives told reporters.", "canal",
         "reported"),
        ("Defence officials, for their part, insist the pier is open.", "pier", "reported"),
        ("Rights groups have accused the government of jailing activists.", "activists",
         "reported"),
        ("For years we have been told that a naval base was coming.", "naval base",
         "reported"),
        ("We told them the naval base was Cambodian.", "naval base", "asserted"),
        ("Washington has long suspected that the pier will host warships.", "warships",
         "reported"),
        ("Washington, long suspecting a deal, watched the warships.", "warships", "reported"),
        ("Police arrested a suspect at the casino.", "casino", "asserted"),
        # anonymity, in the ways wires write it
        ("A worker, who asked that his name be withheld, said guards ran the casino.", "casino",
         "reported"),
        ("An official who was not authorised to speak said the naval base was ready.",
         "naval base", "reported"),
        ("The naval base opened, Deputy Prime Minister Hun Many, said on Monday.", "naval base",
         "asserted"),
        # a negation inside a relative clause describes, it denies nothing
        ("It is a luxury for countries that do not owe money on loans.", "loans", "asserted"),
        ("A naval base that does not exist cannot host ships.", "naval base", "denied"),
        # the negation on a placard or banner is not the outlet's denial (in narration, a
        # short slogan in quotation marks is then relayed as a scare quote)
        ("A man holds a placard reading \u201cNo Debt Trap\u201d outside the embassy.",
         "Debt Trap", "asserted"),
        ("The embassy said there is no debt trap.", "debt trap", "denied"),
        ("The reading of the debt trap report took an hour.", "debt trap", "asserted"),
        ("Signs of a debt trap are not visible.", "debt trap", "asserted"),
        # a reporter's question relays only what it asks about
        ("The minister, asked whether Cambodia would host warships, said ASEAN unity mattered.",
         "ASEAN unity", "asserted"),
        ("The minister, asked whether Cambodia would host warships, said no.", "warships",
         "reported"),
    ],
)
def test_polarity_classes(text: str, target: str, expected: str) -> None:
    assert polarity_at(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        # a question put to a speaker relays the whole sentence, across its clauses; an
        # answer, a statement after a label and a question inside a sentence do not
        ("Q: Will the frigates stay at the naval base after the drills?", "naval base",
         "reported"),
        ("Question: Does the loan, which runs for 20 years, add to the debt?", "debt",
         "reported"),
        ("Reporter: Some say the pier is for warships; what is your response?", "warships",
         "reported"),
        ("HOST: Is the canal a threat to the delta?", "canal", "reported"),
        ("Is the canal, as villagers fear, a threat to farms?", "canal", "reported"),
        ("A: The pier serves the navy of Cambodia.", "navy", "asserted"),
        ("SOK DARA: The canal will be finished in 2028.", "canal", "asserted"),
        ("The minister asked: is this a debt trap?", "debt trap", "asserted"),
        ("Queue: the canal workers waited for hours.", "canal", "asserted"),
        # an outlet's own findings and a claim others want believed are relayed
        ("Farmers have been told little about land taken for the canal, the radio has learned.",
         "canal", "reported"),
        ("The ministry wants farmers to believe the canal will bring water.", "canal",
         "reported"),
        ("Officials would have us believe the loans are cheap.", "loans", "reported"),
        ("She learned to swim in the canal.", "canal", "asserted"),
        ("The ministry wants farmers to use the canal.", "canal", "asserted"),
        # labels that call a claim invented, and straw men that "say" it, deny it
        ("The minister called the naval base claim pure fantasy.", "naval base", "denied"),
        ("He called the debt trap a story cooked up in Washington.", "debt trap", "denied"),
        ("The envoy said talk of warships was psychological warfare.", "warships", "denied"),
        ("Those who say the pier hosts warships should come and look.", "warships", "denied"),
        ("Anyone who thinks the loans are a trap has not read the terms.", "loans", "denied"),
        ("Many families say the canal has taken their land.", "canal", "reported"),
        ("A story told in the museum shows warships of the old navy.", "warships",
         "asserted"),
        ("Those who work at the pier saw two warships.", "warships", "asserted"),
        # a negated discourse referent is no denial of the frame in its sentence
        ("None of this means the loans are harmless.", "loans", "asserted"),
        ("None of the loans is a debt trap.", "debt trap", "denied"),
        ("None of it proves a naval base exists.", "naval base", "asserted"),
        # freedom from interference protects sovereignty; freedom from strings denies them
        ("Talks must go on free from external interference.", "interference", "asserted"),
        ("The treaty keeps the kingdom free of foreign influence.", "foreign influence",
         "asserted"),
        ("The grant came free of political conditions and strings attached.",
         "strings attached", "denied"),
        ("The port is free of warships.", "warships", "denied"),
        # generic critics who "point to" a fact relay it; a warning to someone to act does not
        ("Critics point to the expressway tolls as a burden on the budget.", "expressway",
         "reported"),
        ("Officials warned villagers not to speak to reporters about the canal.", "canal",
         "asserted"),
        ("Officials warned that the canal could flood farms.", "canal", "reported"),
        # a negation on settling or answering a question leaves its subject asserted
        ("Neither view settles the question of the naval base.", "naval base", "asserted"),
        ("The report has not resolved the dispute over the loans.", "loans", "asserted"),
        ("Neither view supports a naval base.", "naval base", "denied"),
        # a negated pronoun that stands for the claim denies it
        ("The law bans foreign bases, and China has never asked for one.", "foreign bases",
         "denied"),
        ("Visitors who look for a Chinese base will not find one.", "Chinese base",
         "denied"),
        ("The naval base opened, and no one from Tokyo came.", "naval base", "asserted"),
        ("The naval base has one pier, not one of which is new.", "naval base", "asserted"),
        ("Warships docked at the base, and not one of them left.", "Warships", "asserted"),
        # a negated disclosure leaves what was not disclosed asserted
        ("Nobody has published the loan contracts.", "loan", "asserted"),
        ("The ministry did not confirm the terms of the loans.", "loans", "asserted"),
        ("The ministry has no loans from Beijing.", "loans", "denied"),
    ],
)
def test_polarity_of_relayed_questions_labels_and_protective_negations(
        text: str, target: str, expected: str) -> None:
    assert polarity_at(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("A man holds a placard reading \u201cNo Debt Trap\u201d outside the embassy.",
         "Debt Trap", "reported"),
        ("A banner reading \"Long live the ironclad friendship between our two peoples "
         "forever\" hangs over the road.", "ironclad friendship", "asserted"),
    ],
)
def test_slogans_in_narration(text: str, target: str, expected: str) -> None:
    assert polarity_at(text, target, narration=True) == expected


def test_the_kind_listed_first_wins_at_one_place_whatever_the_row_order() -> None:
    rows = pd.DataFrame({"cue": ["short", "long"], "kind": ["negation", "dismissal"],
                         "patterns": ["not", r"re:not\s+aimed\s+at"]})
    for table in (rows, rows.iloc[::-1]):
        cues = rhetoric.compile_polarity(table.reset_index(drop=True))
        text = "The loans are not aimed at anyone."
        assert rhetoric.match_polarity(text, 4, 9, cues=cues) == "denied"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # noun and adjective readings
        ("Actors from both countries played supporting roles.", []),
        ("The summit ended with calls for unity and support.", []),
        ("Support is growing among younger voters.", []),
        ("A welcoming ceremony was held at the airport.", []),
        # acts named, not performed
        ("Slogans became a way for officials to dismiss every complaint.", []),
        ("The envoy flew in to praise the new bridge.", []),
        ("Japan pledged to support the demining programme.", [("pledge", False),
                                                               ("support", False)]),
        ("Tokyo will continue to support the clinics.", [("pledge", False),
                                                         ("support", False)]),
        ("The minister would like to thank the donors.", [("thank", False)]),
        # acts asked of others under a directive
        ("He called on both navies to exercise restraint and respect the ruling.",
         [("call on", False)]),
        ("She urged the parties to respect the law and thanked Japan.",
         [("urge", False), ("thank", False)]),
        ("They asked Beijing to reject the plan.", [("ask", False)]),
        ("We urge the police to act, and we stand ready to help.",
         [("urge", False), ("stand ready", False)]),
        # expressions of thanks and requests with an object
        ("He expressed his profound gratitude to the donors.", [("thank", False)]),
        ("The minister conveyed sincere thanks to Tokyo.", [("thank", False)]),
        ("She expressed concern about the raids.", []),
        ("Tokyo requested the Cambodian side's further cooperation.", [("ask", False)]),
        ("The police requested that the reporters leave.", [("ask", False)]),
        ("A request for comment went unanswered.", []),
        # a form that opens the sentence has no subject; plural forms before "of" are nouns
        ("Calls for restraint grew louder.", []),
        ("Pledges of aid were announced.", []),
        ("Support staff were evacuated.", []),
        ("\u201cThank you for your help,\u201d he said.", [("thank", False)]),
        ("The bank's promises of aid were kept.", []),
        ("Japan promises to fund the clinic.", [("promise", False)]),
        # back: a phrasal "backed away" is no support; a base "back" only after to/will/would
        ("The two sides backed away from the deal.", []),
        ("He came back from Beijing.", []),
        ("He promised to back the canal.", [("promise", False), ("support", False)]),
        ("Tokyo would back the resolution.", [("support", False)]),
        ("China backs the plan.", [("support", False)]),
        # a reporter's question: what it asks about is not performed
        ("The minister, asked whether Cambodia would back the plan, said it would.", []),
        ("Asked if Japan supports the plan, she nodded and thanked him.", [("thank", False)]),
        # a negated subject: nobody performs the act
        ("No Cambodian leader is willing to risk that.", [("stand ready", True)]),
        ("None of the members agreed.", [("agree", True)]),
        ("No doubt China supports the plan.", [("support", False)]),
    ],
)
def test_speech_act_readings(text: str, expected: list[tuple[str, bool]]) -> None:
    assert acts_in(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an act named inside an indirect question or a free relative is not performed
        ("Much depends on how far the members are willing to go.", []),
        ("It is unclear whether Tokyo will support the plan.", []),
        ("What the critics oppose is the secrecy.", []),
        ("The members are willing to go further.", [("stand ready", False)]),
        ("He said that, whatever happens, China supports the plan.", [("support", False)]),
        # a gerund after a preposition names the act
        ("Tokyo has been cautious about criticising the deal.", []),
        ("The envoy refrained from condemning the raid.", []),
        ("Tokyo criticised the deal.", [("condemn", False)]),
        # a thing cannot speak: a place, an instrument or data as the subject
        ("He told the crowd the port would welcome ships from any country.", []),
        ("The new law guarantees the right to vote.", []),
        ("The figures point to a slowdown.", []),
        ("The port authority welcomed the ships.", [("welcome", False)]),
        ("Port officials welcomed the ships.", [("welcome", False)]),
        ("Analysts point to the tolls.", [("note", False)]),
        # another party's act that the speaker says happened is not the speaker's
        ("She said local officials had warned villagers not to speak.", []),
        ("He said police had accused the families.", []),
        ("She said she had warned the villagers.", [("warn", False)]),
        ("Wang said China would continue to support Cambodia.",
         [("pledge", False), ("support", False)]),
        # light verbs of expression before the noun perform the act
        ("He also voiced support for the initiative.", [("support", False)]),
        ("The minister expressed strong support for the talks.", [("support", False)]),
        ("The two ministers shared the view that talks should resume.", [("agree", False)]),
        ("They shared their views on the canal.", []),
        ("The ministers exchanged views and shared concerns about the sea.", []),
        ("She described the support for the canal.", []),
    ],
)
def test_speech_acts_named_not_performed_and_light_verbs(
        text: str, expected: list[tuple[str, bool]]) -> None:
    assert acts_in(text) == expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["Hun Manet welcomes Wang Yi as he arrives in Phnom Penh. (Xinhua/Li Ming)"], []),
        (["Hun Manet welcomes Wang Yi as he arrives in Phnom Penh.", "(Xinhua/Li Ming)"], []),
        (["Photo: The minister thanks volunteers at the clinic."], []),
        (["Hun Manet welcomed the visit (the third this year).", "He thanked China."],
         ["welcome", "thank"]),
        # a past act after "where he" reports what was said on the occasion pictured
        (["The spokesman speaks to reporters, where he denied that troops were there. "
          "(VOD/Chan Dara)"], ["deny"]),
        (["The spokesman speaks to reporters at the ministry. (VOD/Chan Dara)"], []),
        (["Students welcome Xi where he arrives. (Xinhua)"], []),
    ],
)
def test_captions_hold_no_speech_acts(texts: list[str], expected: list[str]) -> None:
    prepared = sentences(texts, doc_ids=["d"] * len(texts), speech=["reported"] * len(texts))
    assert rhetoric.find_speech_acts(prepared)["act"].tolist() == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("The new pier lies near the naval base.", "naval base", "asserted"),
        ("The story of a naval base is a lie.", "naval base", "denied"),
        ("Officials said the claims of a naval base were outright lies.", "naval base",
         "denied"),
    ],
)
def test_lie_is_a_dismissal_only_as_a_noun(text: str, target: str, expected: str) -> None:
    assert polarity_at(text, target) == expected


@pytest.mark.parametrize(
    ("phrases", "text", "expected"),
    [
        # a phrase opening with alternatives is found whatever letter it starts with
        (["re:(?:is|was)\\s+said\\s+to", "said"], "It was said to be large.", "was said to"),
        # an optional opening group does not hide the letters after it
        (["re:(?:big\\s+)?path"], "a path", "path"),
        (["re:(?:big\\s+)?path"], "a big path", "big path"),
        # look-behinds and a case-sensitive group do not hide the first letter
        (["re:(?<!household\\s)debts?", "household"], "household debt and public debt",
         "household"),
        (["re:(?<!household\\s)debts?"], "household debt and public debt", "debt"),
        (["re:(?-i:BRI|OBOR)\\b", "bridge"], "a bridge for the BRI", "bridge"),
        (["re:(?-i:BRI|OBOR)\\b"], "the bri and the OBOR", "OBOR"),
    ],
)
def test_compile_lexicon_groups_phrases_by_their_possible_first_letters(
        phrases: list[str], text: str, expected: str) -> None:
    table = pd.DataFrame({"key": [f"k{i}" for i in range(len(phrases))], "patterns": phrases})
    assert rhetoric.compile_lexicon(table, key="key").pattern.search(text).group() == expected


def test_compile_lexicon_rank_decides_between_entries_at_one_place() -> None:
    table = pd.DataFrame({"key": ["short", "long"], "patterns": ["not", "not aimed at"]})
    lexicon = rhetoric.compile_lexicon(table, key="key", rank={"short": 0, "long": 1})
    found = lexicon.pattern.search("It is not aimed at anyone.")
    assert lexicon.group_keys[found.lastgroup] == "short"


@pytest.mark.parametrize("text", ["Such a naval base doesn't exist.",
                                  "The naval base does not exist.",
                                  "The naval base never existed."])
def test_nonexistence_denies_what_comes_before(text: str) -> None:
    assert polarity_at(text, "naval base") == "denied"


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        # a wish or a sought assurance: the negated harm is the outcome hoped for
        ("He said he hoped the canal would not harm fisheries on the Mekong.", "canal",
         "asserted"),
        ("The minister expressed hope that the project would not affect water flows.",
         "water flows", "asserted"),
        ("Vietnam wants assurances that the canal will not harm the delta.", "canal",
         "asserted"),
        ("The spokesman said the canal will not harm the Mekong.", "canal", "denied"),
        ("Officials said they trusted the waterway would not reduce river flows.",
         "river flows", "denied"),
        # a concession after the main claim concedes a point, it denies nothing
        ("Images show a new pier at Ream, though no destroyer has yet been seen there.",
         "destroyer", "asserted"),
        ("Warships have docked at the base, although no Chinese troops are stationed there.",
         "Chinese troops", "asserted"),
        ("Although there is no Chinese base in Cambodia, the pier is new.", "Chinese base",
         "denied"),
        # a record and a refusal to be lectured are not denials of the frame
        ("Cambodia has never missed a repayment on its loans, the minister said.", "repayment",
         "asserted"),
        ("The kingdom has not defaulted on a single loan.", "loan", "asserted"),
        ("The government has never been late on its debt payments.", "debt", "asserted"),
        ("Cambodia will not be lectured about sovereignty by anyone.", "sovereignty",
         "asserted"),
        ("Cambodia will not take lessons on democracy from the West.", "democracy",
         "asserted"),
        ("Cambodia has not taken new loans this year.", "loans", "denied"),
        # a prohibition states a rule, it denies no claim
        ("Its constitution forbids foreign troops on Cambodian soil.", "foreign troops",
         "asserted"),
        ("The law bans foreign military bases.", "military bases", "asserted"),
        ("There is no foreign military base in Cambodia.", "military base", "denied"),
        # exclusive 'only' for the host's own people denies a foreign presence
        ("Only Cambodian personnel live on the base, the general said.", "base", "denied"),
        ("The base is used only by the Cambodian navy.", "base", "denied"),
        ("Only two Chinese warships have docked at Ream so far.", "warships", "asserted"),
        ("The Ream Naval Base is not for the Chinese, the minister said.", "Naval Base",
         "denied"),
        ("The naval base is not for sale.", "naval base", "asserted"),
        ("Only Chinese companies bid for the canal contract.", "canal", "asserted"),
        # comparative rejection and contrast
        ("The tie is closer to a marriage of convenience than to a vassal state.", "vassal",
         "denied"),
        ("Cambodia is more a partner than a pawn.", "pawn", "denied"),
        ("Cambodia is more of a client state than a partner.", "client state", "asserted"),
        ("More than 20 warships have docked at the pier.", "warships", "asserted"),
        ("Cambodia is a victim of these gangs, not their host.", "gangs", "denied"),
        ("Cambodia is a victim of these gangs, and their numbers grow.", "gangs", "asserted"),
        # relaying: a rhetorical question, talk of, media claims, labels
        ("Has Phnom Penh become a client state of Beijing?", "client state", "reported"),
        ("Will Ream become a Chinese naval base?", "naval base", "reported"),
        ("Why does Cambodia keep borrowing from China?", "borrowing", "asserted"),
        ("Ream has become a Chinese naval base, has it not.", "naval base", "asserted"),
        ("Talk of a Chinese debt trap has become a staple of commentary.", "debt trap",
         "reported"),
        ("Claims of a secret naval base have circulated for years.", "naval base",
         "reported"),
        ("The talks on the canal went well.", "canal", "asserted"),
        ("China claims that the canal is commercial.", "canal", "asserted"),
        ("Western media regularly announce that Cambodia is a Chinese outpost.", "outpost",
         "reported"),
        ("Foreign newspapers keep insisting that the canal is a Chinese project.", "canal",
         "reported"),
        ("Chinese state media said the canal was a Belt and Road project.", "canal",
         "asserted"),
        ("Washington likes to call Cambodia a client state of China.", "client state",
         "reported"),
        ("What some call a debt trap is in fact a development loan.", "debt trap",
         "reported"),
        ("The EU acted over what it called violations of political rights.",
         "political rights", "asserted"),
        ("Many projects described as BRI were financed privately.", "BRI", "asserted"),
        ("Manalo urged ASEAN to unite, warning that silence would embolden bullies in the "
         "South China Sea.", "South China Sea", "asserted"),
        # a country that should not be forced to choose complains (asserted); the power
        # accused of forcing it denies doing so
        ("No country should be forced to choose between partners.", "choose between",
         "asserted"),
        ("Tokyo had no interest in forcing Cambodia to choose sides.", "choose sides",
         "denied"),
        ("The EU is not asking anyone to choose between Beijing and Washington.",
         "choose between", "denied"),
        # brushing aside questions evades them, it denies no claim
        ("The kingdom has brushed aside questions about the canal.", "canal", "asserted"),
        ("The spokesman dismissed concerns about the naval base.", "naval base", "denied"),
        ("The ministry waved away reports of Chinese warships.", "warships", "denied"),
        # a slogan's own "No" is the protesters', a contrast inside it is a denial
        ("A demonstrator holds a placard reading \u201cNo Debt Trap, No Foreign Base\u201d.",
         "Foreign Base", "asserted"),
        ("A placard reads \u201cWe are victims, not scammers\u201d.", "scammers", "denied"),
    ],
)
def test_polarity_round_two_classes(text: str, target: str, expected: str) -> None:
    assert polarity_at(text, target) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A banner with the slogan \u201cironclad friendship\u201d hangs over the road.",
         "asserted"),
        ("Officials keep repeating the \u201cironclad friendship\u201d line.", "reported"),
    ],
)
def test_an_official_display_shows_its_slogan(text: str, expected: str) -> None:
    hits = rhetoric.find_formulas(sentences([text]))
    assert hits["polarity"].tolist() == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # predicative negation of the formula: the negation stays outside the match
        ("A friendship that cannot survive questions is not ironclad at all.",
         [("ironclad friendship", "denied")]),
        ("The ties are no longer ironclad.", [("ironclad friendship", "denied")]),
        ("The friendship remains ironclad.", [("ironclad friendship", "asserted")]),
        ("The gate is ironclad.", []),
        # the Taiwan question without the word "question"
        ("Taiwan is an inalienable part of China's territory.",
         [("Taiwan question", "asserted")]),
        ("Cambodia regards Taiwan as an integral part of China.",
         [("Taiwan question", "asserted")]),
        ("Cambodia and Taiwan are not part of the talks.", []),
        # theme years
        ("2023 was the China-Cambodia Year of People-to-People Exchanges.",
         [("year of exchanges", "asserted"), ("people-to-people exchanges", "asserted")]),
        ("They agreed to make 2024 a year of people-to-people exchanges.",
         [("year of exchanges", "asserted"), ("people-to-people exchanges", "asserted")]),
        ("The China-Cambodia Friendship Year opened in January.",
         [("year of exchanges", "asserted")]),
        ("After a year of talks, the deal was signed.", []),
        ("The navies held a year of exchanges before the drills.", []),
        # choosing between two powers
        ("Washington is not asking anyone to choose between Beijing and Washington.",
         [("Cold War mentality", "denied")]),
        ("Voters will choose between two parties.", []),
        # a formula's name says what matched
        ("The government faces hidden debt from provincial projects.", []),
        ("Both sides oppose protectionism.", [("unilateralism and protectionism", "asserted")]),
        ("Both sides oppose hegemonism.", [("hegemonism and power politics", "asserted")]),
        ("The two countries signed a bilateral free trade agreement.",
         [("free trade agreement", "asserted")]),
        ("RCEP entered into force in 2022.", [("regional free trade", "asserted")]),
        ("China is Cambodia's most trustworthy friend.", [("trustworthy friend", "asserted")]),
        ("China is a true friend of Cambodia.", [("true friends", "asserted")]),
        ("They see China as their most reliable partner.", []),
    ],
)
def test_formula_wordings_and_names(text: str, expected: list[tuple[str, str]]) -> None:
    hits = rhetoric.find_formulas(sentences([text], speech=["reported"], sides=["China"]))
    assert list(zip(hits["formula"], hits["polarity"], strict=True)) == expected


@pytest.mark.parametrize(
    ("text", "speech", "expected"),
    [
        # a possessive and adjectives before the form make it a noun
        ("Hun Manet thanked China for its long-term support.", "reported", ["thank"]),
        ("He thanked China for its long-term and unconditional support to Cambodia.",
         "reported", ["thank"]),
        ("Cambodia and its regional partners support the code.", "reported", ["support"]),
        ("The official urged Cambodia to stay neutral.", "reported", ["urge"]),
        ("The embassy issued a statement rejecting the claims.", "reported", ["reject"]),
        # adhering to a principle is not the act of respecting
        ("Cambodia firmly adheres to the one-China principle.", "reported", []),
        ("Cambodia respects China's sovereignty.", "reported", ["respect"]),
        # continuing to act is a pledge
        ("He said China would continue to stand with Cambodia.", "reported",
         ["pledge", "support"]),
        ("Tokyo will keep supporting demining, she said.", "reported", ["pledge", "support"]),
        ("Prices will continue to rise, he said.", "reported", []),
        ("He said bilateral ties will continue to deepen and expand.", "reported", []),
        ("He said China will continue to deepen cooperation.", "reported", ["pledge"]),
        # acts of third parties after a generic source's verb of saying
        ("Rights groups say police often warn workers not to talk.", "reported", []),
        ("Analysts say China will support the canal.", "reported", []),
        ("Critics say they will oppose the canal.", "reported", ["oppose"]),
        ("Chinese officials say Beijing will support the canal.", "reported", ["support"]),
        # the outlet's own first person in narration is no quoted act
        ("We welcome Japanese ships at Ream.", "narration", []),
        ("The spokesman dismissed questions about the base.", "reported", []),
        ("The spokesman dismissed the report.", "reported", ["dismiss"]),
        ("Cambodia welcomed Japanese ships at Ream.", "narration", ["welcome"]),
    ],
)
def test_speech_act_readings_round_two(text: str, speech: str, expected: list[str]) -> None:
    hits = rhetoric.find_speech_acts(sentences([text], speech=[speech]))
    assert hits.loc[~hits["negated"], "act"].tolist() == expected


@pytest.mark.parametrize(
    ("text", "speaker", "expected"),
    [
        ("Tycoon Chen Zhi was charged with fraud, a charge he denies.", "Chen Zhi", ["deny"]),
        ("Cambodia was accused by some members of blocking a statement, a charge it has "
         "denied.", "some ASEAN members", []),
        ("Vietnam fears the canal will cut flows, which Phnom Penh denies.",
         "Government of Vietnam", []),
    ],
)
def test_a_trailing_denial_is_the_speakers_when_the_speaker_opens_the_sentence(
        text: str, speaker: str, expected: list[str]) -> None:
    frame = sentences([text], speech=["reported"]).assign(speaker=speaker)
    assert rhetoric.find_speech_acts(frame)["act"].tolist() == expected


@pytest.mark.parametrize(
    ("text", "size", "expected"),
    [
        ("China's ", 32, "China's "),
        ("the government of the kingdom said its ", 12, "said its "),
        ("the government of the kingdom said its ", 9, "said its "),
        ("the government of the kingdom said its ", 8, "its "),
        ("supercalifragilistic ", 5, ""),
    ],
)
def test_tail_starts_at_a_words_edge(text: str, size: int, expected: str) -> None:
    assert rhetoric._tail(text, size) == expected


@pytest.mark.parametrize(("n_speakers", "top", "expected_tail"), [
    (2, 5, ""),
    (5, 5, ""),
    (7, 5, "; +2 more"),
    (3, 1, "; +2 more"),
])
def test_voices_table_names_the_most_quoted_and_counts_the_rest(
        n_speakers: int, top: int, expected_tail: str) -> None:
    names = [f"Speaker {chr(65 + i)}" for i in range(n_speakers)]
    # Speaker A is quoted most, then B...: each speaker i speaks n_speakers - i sentences.
    spoken = [name for i, name in enumerate(names) for _ in range(n_speakers - i)]
    sents = sentences([f"{name} said so." for name in spoken], doc_ids=["a"] * len(spoken),
                      speech=["reported"] * len(spoken), sides=["China"] * len(spoken))
    sents["speaker"] = spoken
    row = rhetoric.voices_table(sents, top_speakers=top).set_index("doc_id").loc["a"]
    assert row["n_speakers"] == n_speakers
    shown = [f"{name} (China)" for name in names[:top]]
    assert row["speakers"] == "; ".join(shown) + expected_tail
