"""Tests for helpers.analysis.issues: issue mentions with polarity and side, and their tables."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis import issues, rhetoric
from tests.test_rhetoric import sentences


def mentions_in(text: str, *, speech: str = "reported") -> list[tuple[str, str]]:
    found = issues.find_issues(sentences([text], speech=[speech], sides=["China"]))
    return list(zip(found["issue"], found["polarity"], strict=True))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China is building a naval base at Ream.", [("naval base", "asserted")]),
        ("China is not creating a debt trap for Cambodia.", [("debt trap", "denied")]),
        ("There is no Chinese military base in Cambodia.", [("naval base", "denied")]),
        ("Hun Sen denied a report that China would use the naval base.",
         [("naval base", "denied")]),
        ("Critics say the loans will burden the country.", [("debt trap", "reported")]),
        ("Chinese warships have reportedly docked there.", [("naval base", "reported")]),
        ("The Funan Techo canal will open in 2028.", [("canal", "asserted")]),
        ("Police raided three scam compounds and a casino.", [("scams", "asserted")]),
        ("Japan funds demining and other development assistance.", [("aid", "asserted")]),
        ("ASEAN must keep its unity in the South China Sea.",
         [("south china sea", "asserted")]),
        ("Cambodia will never sacrifice its sovereignty.", [("sovereignty", "asserted")]),
        ("The government jailed journalists and opposition activists.",
         [("human rights", "asserted")]),
        ("Human Rights Watch published a report.", []),
        ("Rising household debt worries economists.", []),
        ("Cambodia denied the base, but critics say it hosts Chinese warships.",
         [("naval base", "denied")]),
    ],
)
def test_issue_mentions_and_polarity(text: str, expected: list[tuple[str, str]]) -> None:
    assert mentions_in(text) == expected


def test_one_mention_per_sentence_and_issue_denied_wins() -> None:
    found = issues.find_issues(sentences(
        ["The naval base is real, critics say, though the embassy calls the base groundless."]))
    assert found[["issue", "polarity"]].values.tolist() == [["naval base", "denied"]]


def test_side_is_the_voice_of_the_sentence() -> None:
    found = issues.find_issues(sentences(
        ["China is not creating a debt trap.", "Loans rose again this year."],
        speech=["reported", "narration"], sides=["China", ""]))
    assert found["side"].tolist() == ["China", "narration"]


def example_mentions() -> tuple[pd.DataFrame, pd.DataFrame]:
    texts = ["China denied reports of a naval base.", "Critics say the naval base is Chinese.",
             "The naval base opened.", "Loans rose.", "The naval base was visited."]
    prepared = sentences(texts, dates=["2020-01-01", "2020-05-01", "2021-01-01",
                                       "2021-02-01", "2021-03-01"],
                         speech=["reported", "narration", "narration", "narration",
                                 "reported"],
                         sides=["China", "", "", "", "Cambodia"])
    return issues.find_issues(prepared), prepared


def test_issue_table_counts_by_side_and_polarity() -> None:
    mentions, _ = example_mentions()
    table = issues.issue_table(mentions)
    assert table["issue"].tolist() == ["naval base"] * 3 + ["debt trap"]
    base = table[table["issue"] == "naval base"].set_index("side")
    assert base.loc["narration", ["asserted", "denied", "reported", "mentions"]].tolist() == [
        1, 0, 1, 2]
    assert base.loc["China", "denied"] == 1
    assert base["speakers"].loc["China"] == "Someone 1"


def test_issue_polarity_columns_are_side_and_polarity() -> None:
    mentions, _ = example_mentions()
    table = issues.issue_polarity(mentions)
    assert table.index.tolist() == ["naval base", "debt trap"]
    assert table.loc["naval base", "China: denied"] == 1
    assert table.sum().sum() == len(mentions)


def test_issue_timeline_has_every_period_and_issue() -> None:
    mentions, prepared = example_mentions()
    timeline = issues.issue_timeline(mentions, prepared, freq="year")
    assert timeline[["issue", "period"]].values.tolist() == [
        ["debt trap", "2020"], ["debt trap", "2021"], ["naval base", "2020"],
        ["naval base", "2021"]]
    base_2020 = timeline[(timeline["issue"] == "naval base") & (timeline["period"] == "2020")]
    assert base_2020[["denied", "reported", "mentions", "docs_in_period"]].values.tolist() == [
        [1, 1, 2, 2]]


def test_empty_tables_without_mentions() -> None:
    prepared = sentences(["Nothing to see here."])
    mentions = issues.find_issues(prepared)
    assert mentions.empty
    assert issues.issue_table(mentions).empty
    assert issues.issue_timeline(mentions, prepared).empty


def test_shipped_issues_lexicon_names_the_disputes() -> None:
    lexicon = issues.load_issues()
    assert set(lexicon.entries["issue"]) == {
        "naval base", "debt trap", "belt and road", "canal", "scams", "south china sea", "aid",
        "sovereignty", "human rights"}
    assert rhetoric.POLARITIES == ("asserted", "denied", "reported")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # naval base and military presence: names, ships, facilities, access
        ("A PLA Navy task group visited the port.", ["naval base"]),
        ("Dredging at the new pier went on for months.", ["naval base"]),
        ("The frigates sailed into the Gulf of Thailand.", ["naval base"]),
        ("Beijing wants priority access to the harbour.", ["naval base"]),
        ("Satellite photos show a naval facility taking shape.", ["naval base"]),
        # debt and lending
        ("The kingdom's debt burden keeps rising.", ["debt trap"]),
        ("Most lending from Beijing is concessional.", ["debt trap"]),
        ("The Exim Bank extended a new credit line.", ["debt trap"]),
        ("Repayments fall due in 2030.", ["debt trap"]),
        # Belt and Road
        ("The BRI flagship expressway opened to traffic.", ["belt and road"]),
        ("Officials toured the Sihanoukville Special Economic Zone.", ["belt and road"]),
        # the canal
        ("Farmers in the Mekong Delta worry about water.", ["canal"]),
        ("Hanoi fears the Funan Techo project will cut dry-season flows.", ["canal"]),
        # scams and casinos
        ("Police broke up an online scam ring.", ["scams"]),
        ("Pig-butchering syndicates moved across the border.", ["scams"]),
        ("The bank was accused of money laundering for crime syndicates.", ["scams"]),
        # South China Sea and ASEAN unity
        ("Talks on a code of conduct stalled again.", ["south china sea"]),
        ("Diplomats praised ASEAN centrality.", ["south china sea"]),
        ("Manila protested the use of water cannon near a reef.", ["south china sea"]),
        ("Beijing was accused of trying to split ASEAN.", ["south china sea"]),
        # aid
        ("Tokyo donated ambulances to provincial hospitals.", ["aid"]),
        ("Canberra funds scholarships for young engineers.", ["aid"]),
        ("A Chinese medical team treated villagers.", ["aid"]),
        # sovereignty and interference
        ("The minister warned against foreign interference.", ["sovereignty"]),
        ("The embassy reaffirmed the one China policy.", ["sovereignty"]),
        ("Critics fear a growing dependence on Beijing.", ["sovereignty"]),
        ("Leaders of sovereign states met in Bali.", []),
        # democracy, human rights and press freedom
        ("The opposition crackdown drew international criticism.", ["human rights"]),
        ("Press freedom has declined sharply.", ["human rights"]),
        ("Two activists were jailed for incitement.", ["human rights"]),
        ("Families were evicted to make way for a resort.", ["human rights"]),
        ("Freedom of assembly is guaranteed by the constitution.", ["human rights"]),
        ("Critics say the courts ignore the rule of law.", ["human rights"]),
        ("They back an international order based on the rule of law.", []),
        ("Dual-use technology faces export controls.", []),
        ("Analysts call the pier a dual-use facility.", ["naval base"]),
        # organisations named after an issue and household debt are not mentions
        ("Human Rights Watch published a report.", []),
        ("Microfinance loans burden rural families.", []),
        ("Human rights groups say the figures are low.", []),
        ("A human rights investigator visited the prison.", []),
        ("Human rights defenders were harassed.", ["human rights"]),
        ("The Cambodian Center for Human Rights counted 40 complaints.", []),
        ("The Phnom Penh Human Rights Development Association filed a case.", []),
        ("The UN envoy spoke on human rights for an hour.", ["human rights"]),
        ("Cambodia Rejects Human Rights Criticism From Brussels", ["human rights"]),
        # names and frameworks that hold an issue's words
        ("He voiced support for China's Global Development Initiative.", []),
        ("Japan gives support for rural development.", ["aid"]),
        ("China will invest in the Industrial Development Corridor.", []),
        # aid named by what was provided or by who funded it
        ("Tokyo has provided patrol boats and training to the police.", ["aid"]),
        ("Deminers trained with Japanese funding cleared the field.", ["aid"]),
        ("The hotel provided rooms for the delegates.", []),
        ("Funding for the festival came from ticket sales.", []),
        ("The Chinese ships may stay at the pier after the handover.", ["naval base"]),
        # naval base: a base with its adjectives, plural bases, the navy, military use
        ("Talk of a secret Chinese base is fabricated.", ["naval base"]),
        ("The constitution bans foreign bases.", ["naval base"]),
        ("China's growing military footprint worries Hanoi.", ["naval base"]),
        ("Japan's navy came last month.", ["naval base"]),
        ("The party has a new voter base.", []),
        ("A secret base of loyal supporters backs him.", []),
        ("She wore a navy blue jacket.", []),
        # debt: who owes whom, Chinese-financed projects, the terms of loans
        ("Countries that owe Beijing money cannot hedge.", ["debt trap"]),
        ("Several Chinese-financed projects stalled.", ["debt trap"]),
        ("The loan terms were never published.", ["debt trap"]),
        ("She owes her success to her teachers.", []),
        # aid: funded by any donor, conditions, support for development, training
        ("A China-funded clinic opened in the province.", ["aid"]),
        ("The help comes without any conditions.", ["aid"]),
        ("Tokyo's support for Cambodia's economic development is valued.", ["aid"]),
        ("Australia trained more than 300 Cambodian midwives.", ["aid"]),
        ("The support for the ruling party is broad.", []),
        ("Weather conditions delayed the flight.", []),
        ("The team trained hard for the match.", []),
        # scams: gangs, their havens and hubs, confiscated passports, resold workers
        ("Cambodia is a victim of these gangs.", ["scams"]),
        ("The country is not a haven for criminals.", ["scams"]),
        ("Rescued workers came back from Myawaddy.", ["scams"]),
        ("They took our passports on the first day.", ["scams"]),
        ("They sold him to another company.", ["scams"]),
        ("The firm sold its shares to another investor.", []),
        ("The hotel took their passports for check-in.", []),
        # human rights: protesters, arrests of activists, torture, beatings, land
        ("Police detained three villagers who protested the eviction.", ["human rights"]),
        ("Protesters gathered outside the embassy.", ["human rights"]),
        ("He was convicted in absentia.", ["human rights"]),
        ("Guards beat workers who missed quotas.", ["human rights"]),
        ("Customs officers checked their passports.", []),
        ("Bosses confiscated their passports.", ["scams"]),
        ("Families lost their land to the project.", ["human rights"]),
        ("The embassy lodged a protest with the ministry.", []),
        ("Police detained 200 foreigners at the casino.", ["scams"]),
        ("The champions were beaten 2-1.", []),
        # South China Sea: disputes settled peacefully by the parties directly concerned
        ("The disputes should be resolved by the countries directly concerned.",
         ["south china sea"]),
        ("The disputes should be settled peacefully under international law.",
         ["south china sea"]),
        ("The border disputes should be settled peacefully.", []),
        ("Labour disputes are handled by the arbitration council.", []),
    ],
)
def test_issue_terms_cover_common_variants(text: str, expected: list[str]) -> None:
    assert [issue for issue, _ in mentions_in(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # drills, raids, foreigners detained, liabilities, financing that falls through
        ("Cambodian and Chinese soldiers held joint military drills.", ["naval base"]),
        ("Students did fire drills at school.", []),
        ("Police raided three buildings in Sihanoukville.", ["scams"]),
        ("Police detained more than 200 foreigners at the site.", ["scams"]),
        ("The government announced a crackdown on online crime.", ["scams"]),
        ("Analysts warn of contingent liabilities from the port.", ["debt trap"]),
        ("If the financing falls through, work will stop.", ["debt trap"]),
        ("The plan fell through.", []),
        # a crackdown is a human-rights frame only on people or rights
        ("The government announced a crackdown.", []),
        ("The crackdown on the opposition intensified.", ["human rights"]),
        # sovereign countries and monuments are not the sovereignty frame
        ("Cambodia and China are sovereign countries.", []),
        ("A crowd gathered at the Independence Monument.", []),
        ("Cambodia defends its independence.", ["sovereignty"]),
        ("The kingdom guards its sovereign right to choose partners.", ["sovereignty"]),
        # aid: donor-aided works, friendship hospitals and bridges, funding a construction
        ("Cambodia inaugurated a China-aided hospital.", ["aid"]),
        ("The Cambodia-China Friendship Hospital has 300 beds.", ["aid"]),
        ("He thanked China for funding their construction.", ["aid"]),
        ("He was taken to hospital after the crash.", []),
        # debt: a burden on the budget; indebted but not trapped denies the trap
        ("The port is a heavy burden on the state budget.", ["debt trap"]),
        ("The new rule is a burden on farmers.", []),
        ("The workers were trapped in the building.", []),
        ("The friendship between the two hospitals is old.", []),
    ],
)
def test_issue_terms_round_two(text: str, expected: list[str]) -> None:
    assert [issue for issue, _ in mentions_in(text)] == expected


@pytest.mark.parametrize("text", ["Cambodia is indebted but not trapped.",
                                  "Cambodia is in debt, but not trapped."])
def test_indebted_but_not_trapped_denies_the_trap(text: str) -> None:
    assert mentions_in(text) == [("debt trap", "denied")]


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # a sentence that refers back continues the issue of the one before, with its polarity
        (["RFA reported that Chinese warships use the naval base.",
          "The ministry denied the report."],
         [(0, "naval base", "reported"), (1, "naval base", "denied")]),
        (["Satellite images show a new pier at Ream.", "The images were taken in May."],
         [(0, "naval base", "asserted"), (1, "naval base", "asserted")]),
        (["The Funan Techo canal will cost $1.7 billion.", "Critics call that figure low.",
          "Nobody has published the contracts."],
         [(0, "canal", "asserted"), (1, "canal", "reported"), (2, "canal", "asserted")]),
        (["Hanoi worries about the canal.", "Phnom Penh dismissed such concerns."],
         [(0, "canal", "asserted"), (1, "canal", "denied")]),
        # a bare negation before the referring phrase denies nothing of the issue
        (["Residents were offered land beside the canal.",
          "The payments would not cover the costs of new homes."],
         [(0, "canal", "asserted"), (1, "canal", "asserted")]),
        (["The canal will open in 2028.", "The issue of land was raised in May."],
         [(0, "canal", "asserted")]),
        (["The canal will open in 2028.", "Figures from the bank show growth."],
         [(0, "canal", "asserted")]),
        # no carry-over without a phrase that refers back, or from a sentence of two issues
        (["Satellite images show a new pier at Ream.", "The minister left for Tokyo."],
         [(0, "naval base", "asserted")]),
        (["The canal may add to the debt.", "The report was published in May."],
         [(0, "canal", "asserted"), (0, "debt trap", "asserted")]),
        # "a report ..., the report" refers to its own sentence
        (["Warships docked at Ream.", "Asked about a report on loans, he said the report was "
          "wrong."],
         [(0, "naval base", "asserted"), (1, "debt trap", "reported")]),
    ],
)
def test_a_sentence_that_refers_back_continues_the_issue(
        texts: list[str], expected: list[tuple[int, str, str]]) -> None:
    frame = sentences(texts, doc_ids=["d"] * len(texts))
    found = issues.find_issues(frame)
    assert list(zip(found["sent_idx"], found["issue"], found["polarity"], strict=True)) == \
        expected
