"""Metadata inferred from text, dates parsed, and metadata.csv merged with named problems."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from helpers.corpus.metadata import (
    infer_from_filename,
    infer_from_text,
    known_outlet,
    outlet_identity,
    parse_date,
)
from helpers.corpus.metadata_file import read_metadata

INFERENCE = [
    (
        "Title\n\nSource: Xinhua| 2019-04-19 15:33:24|Editor: ZX\nBody text here.",
        {"date": "2019-04-19", "outlet": "Xinhua"},
    ),
    (
        "Headline\nBeijing, 25 May 2024 (TDI): On Friday, the ministers met.",
        {"date": "2024-05-25", "outlet": "The Diplomatic Insight", "place": "Beijing"},
    ),
    (
        "PHNOM PENH, April 19 (Xinhua) -- Cambodia and China agreed.",
        {"outlet": "Xinhua", "place": "Phnom Penh"},
    ),
    (
        "BANGKOK (Reuters) - Thailand said on Monday it would host talks.",
        {"outlet": "Reuters", "place": "Bangkok"},
    ),
    ("Story title\nPublished: March 3, 2023\nThe text begins.", {"date": "2023-03-03"}),
    (
        "Story title\nby Mao Pengfei, Nguon Sovan\nThe text begins.",
        {"author": "Mao Pengfei, Nguon Sovan"},
    ),
    ("Story\nWednesday, 24 April 2024\nText.", {"date": "2024-04-24"}),
    ("The text begins.\nMore text.\n© 2023 Khmer Times", {"outlet": "Khmer Times"}),
    ("However, the ministers met in June.", {}),
]


@pytest.mark.parametrize(("text", "expected"), INFERENCE)
def test_inference_from_text(text: str, expected: dict[str, str]) -> None:
    found = infer_from_text(text)
    values = {
        k: (v.strftime("%Y-%m-%d") if isinstance(v, pd.Timestamp) else v)
        for k, v in found.values.items()
    }
    assert {k: values.get(k) for k in expected} == expected
    if not expected:
        assert "date" not in values and "outlet" not in values
    for key in expected:
        assert found.sources[key].startswith("text:")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019-04-19 15:33:24", "2019-04-19"),
        ("25 May 2024", "2024-05-25"),
        ("May 25, 2024", "2024-05-25"),
        ("Sept. 4th, 2021", "2021-09-04"),
        ("2024-13-45", None),
        ("April 19", None),
        ("no date here", None),
    ],
)
def test_parse_date(text: str, expected: str | None) -> None:
    parsed = parse_date(text)
    assert (parsed.strftime("%Y-%m-%d") if parsed is not None else None) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2021-06-10_talks.txt", "2021-06-10"),
        ("20210610.txt", "2021-06-10"),
        ("story_2021.txt", None),
        ("2021-13-40.txt", None),
    ],
)
def test_date_from_file_name(name: str, expected: str | None) -> None:
    parsed = infer_from_filename(name)
    assert (parsed.strftime("%Y-%m-%d") if parsed is not None else None) == expected


@pytest.mark.parametrize(
    ("cell", "kept", "fragment"),
    [
        # The cell is read by helpers.corpus.dates (tested in test_dates.py); here: a bad cell
        # is an error naming the row and column, and is dropped so the text's date is used.
        ("2024-05-25", "2024-05-25", None),
        ("2024-5", "2024-5", None),
        ("2024", "2024", None),
        ("Saturday, 25 May 2024", "Saturday, 25 May 2024", None),
        ("", "", None),
        ("2024-13-45", "", "row 2, column date: '2024-13-45' is not a valid date"),
        ("12/05/2024", "", "row 2, column date: '12/05/2024' is not a date format"),
        ("05-12-2024", "", "ambiguous"),
        ("13/45/2024", "", "write YYYY-MM-DD"),
        ("last Tuesday", "", "row 2, column date: 'last Tuesday' is not a date format"),
    ],
)
def test_metadata_date_cells(tmp_path: Path, cell: str, kept: str, fragment: str | None) -> None:
    path = tmp_path / "metadata.csv"
    path.write_text(f'file,date\na.txt,"{cell}"\n', encoding="utf-8")
    given, problems = read_metadata(path, ["a.txt"])
    errors = [p for p in problems if p["severity"] == "error"]
    assert given.at["a.txt", "date"] == kept
    if fragment is None:
        assert not errors
    else:
        assert len(errors) == 1 and fragment in errors[0]["message"]
        assert (errors[0]["line"], errors[0]["column"]) == (2, "date")


def test_metadata_rows_with_problems_are_named(tmp_path: Path) -> None:
    path = tmp_path / "metadata.csv"
    path.write_text(
        "file,date,outlet,stance\n"
        "a.txt,2024-13-45,Xinhua,warm\n"
        "missing.txt,2024-01-01,AFP,critical\n"
        "b.txt,last Tuesday,,neutral\n",
        encoding="utf-8",
    )
    given, problems = read_metadata(path, ["a.txt", "b.txt", "c.txt"])
    messages = [p["message"] for p in problems]
    assert any("row 2, column date" in m and "2024-13-45" in m for m in messages)
    assert any("row 3" in m and "missing.txt" in m for m in messages)
    assert any("row 4, column date" in m for m in messages)
    assert any(p["file"] == "c.txt" and "no row" in p["message"] for p in problems)
    assert given.at["a.txt", "stance"] == "warm"
    assert given.at["a.txt", "date"] == ""


def test_metadata_without_file_column_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "metadata.csv"
    path.write_text("name,date\na.txt,2024-01-01\n", encoding="utf-8")
    given, problems = read_metadata(path, ["a.txt"])
    assert given.empty
    assert problems[0]["severity"] == "error" and "'file' column" in problems[0]["message"]


def test_metadata_in_windows_1252_is_read(tmp_path: Path) -> None:
    path = tmp_path / "metadata.csv"
    path.write_bytes("file,outlet\na.txt,Le Monde – édition\n".encode("cp1252"))
    given, problems = read_metadata(path, ["a.txt"])
    assert given.at["a.txt", "outlet"] == "Le Monde – édition"
    assert any("not UTF-8" in p["message"] for p in problems)


# An outlet's label as a person writes it (a gold label, a metadata.csv value) -> the outlets
# table's name: any alias, dash or edition word, a shared alias qualified by its country.
@pytest.mark.parametrize(("label", "expected"), [
    ("ANTARA", "Antara News Agency"),
    ("Antara News Agency", "Antara News Agency"),
    ("NHK World-Japan", "NHK World"),
    ("NHK World – Japan", "NHK World"),
    ("Kampuchea Thmey Daily", "Kampuchea Thmey"),
    ("VnExpress International", "VnExpress"),
    ("ISEAS-Yusof Ishak Institute", "ISEAS – Yusof Ishak Institute"),
    ("Ministry of Foreign Affairs of China", "Ministry of Foreign Affairs of the People's "
     "Republic of China"),
    ("Central News Agency", "Focus Taiwan"),
    ("ABC News (Australia)", "ABC Australia"),
    ("ABC News (United States)", "ABC News (United States)"),
    ("The Star (Kuala Lumpur)", "The Star (Malaysia)"),
    # a shared alias left unqualified, a qualifier naming no place, an unknown name: as written
    ("CNA", "cna"),
    ("ABC News", "abc news"),
    ("ABC News (evening bulletin)", "abc news (evening bulletin)"),
    ("Mekong  Review", "mekong review"),
])
def test_an_outlets_label_is_the_tables_name(label: str, expected: str) -> None:
    assert outlet_identity(label) == expected


# A paragraph of article prose, to stand under the stamp lines.
PROSE = ("The two governments agreed on Tuesday to widen cooperation on trade, farming and "
         "roads, officials said after the talks in the capital ended late in the evening.")
MORE_PROSE = ("Analysts said the deal followed a long pattern of close ties, although the terms "
              "of the loans behind it were not published by either side this week.")


# Stamps in another language or calendar on English pages, a weekday settling a numeric
# date's order, dates in web addresses (a day, a year and month); look-alikes stay undated.
@pytest.mark.parametrize(("stamp", "expected"), [
    ("Selasa, 13 Agustus 2024 18:05 WIB", "2024-08-13"),
    ("Kamis, 3 Okt 2024 | 09:12 WIB", "2024-10-03"),
    ("Isnin, 5 Ogos 2024", "2024-08-05"),
    ("Jumaat, 6 Disember 2024 10:00 MYT", "2024-12-06"),
    ("Hulyo 12, 2024 - 11:30 AM", "2024-07-12"),
    ("mardi 6 août 2024, 14:05", "2024-08-06"),
    ("ថ្ងៃអង្គារ ទី៦ ខែសីហា ឆ្នាំ២០២៤ ម៉ោង ១០:២០ ព្រឹក", "2024-08-06"),
    ("ថ្ងៃទី១៣ ខែមករា ឆ្នាំ២០២៥", "2025-01-13"),
    ("ngày 6 tháng 8 năm 2024 14:25", "2024-08-06"),
    ("11 มิ.ย. 2568 14:30 น.", "2025-06-11"),
    ("วันอังคารที่ ๖ สิงหาคม ๒๕๖๗", "2024-08-06"),
    ("ថ្ងៃទី១៣ ខែមករា ឆ្នាំ២៥៦៨", None),  # Cambodia's Buddhist era: a year apart, unread
    ("Thứ Ba, 06/08/2024 14:25 (GMT+7)", "2024-08-06"),
    ("Tue, 06/08/2024 - 14:25", "2024-08-06"),
    ("Saturday 06/08/2024", "2024-06-08"),
    # the weekday fits neither reading, or there is none: both readings stay open, no date
    ("Wed, 06/08/2024 - 14:25", None),
    ("06/08/2024 - 14:25", None),
    # words of those languages that are not a stamp
    ("Minggu ini 12 orang ditahan", None),
    ("Des Moines, 5 2024", None),
    ("Sabtu 13", None),
])
def test_stamps_in_other_languages_and_weekday_orders(stamp: str, expected: str | None) -> None:
    found = infer_from_text(f"Canal talks resume\n{stamp}\n\n{PROSE}\n{MORE_PROSE}")
    date = found.values.get("date")
    assert (None if date is None else f"{date:%Y-%m-%d}") == expected


@pytest.mark.parametrize(("address", "expected", "outlet"), [
    ("https://www3.nhk.or.jp/nhkworld/en/news/20240805_21/", "2024-08-05", "NHK World"),
    ("http://en.people.cn/n3/2024/0805/c90000-20201234.html", "2024-08-05", "People's Daily"),
    ("https://example.org/news_20240805.html", "2024-08-05", ""),
    ("In full: https://english.kyodonews.net/news/2022/08/5c1a9e27-talks.html", "2022-08-01",
     "Kyodo News"),
    ("Read the full story at https://www.rfa.org/english/news/2023/05/ream-pier.html",
     "2023-05-01", "Radio Free Asia"),
    ("https://www.economist.com/asia/2025/04/03/cambodias-canal 1/3", "2025-04-03",
     "The Economist"),
    # an item number, a year alone, a month-less path: no date
    ("https://example.org/item/202408051234/", None, ""),
    ("https://example.org/archive/2022/report-on-ports.html", None, ""),
])
def test_dates_and_outlets_in_web_addresses(address: str, expected: str | None,
                                            outlet: str) -> None:
    found = infer_from_text(f"Canal talks resume\n\n{PROSE}\n{MORE_PROSE}\n{address}")
    date = found.values.get("date")
    assert (None if date is None else f"{date:%Y-%m-%d}") == expected
    assert found.values.get("outlet", "") == outlet


def test_a_quoted_articles_link_names_its_outlet_and_the_site_stays_the_publisher() -> None:
    text = (f"The Cambodia Daily\nPolitics | Business\n\nJapan and Cambodia hold talks\n\n{PROSE}"
            f"\n{MORE_PROSE}\nIn full: https://english.kyodonews.net/news/2022/08/5c1a-talks.html"
            "\n\n© 2022 The Cambodia Daily. All rights reserved.")
    found = infer_from_text(text)
    assert found.values["outlet"] == "Kyodo News"
    assert found.values["published_by"] == "The Cambodia Daily"


# A desk's credit under the headline is a byline: its outlet credited when named; the headline
# above it stays the title's line. Look-alikes: a site's service desk, a sentence about a desk.
@pytest.mark.parametrize(("credit", "outlet", "byline"), [
    ("Thai PBS World's Regional Desk", "Thai PBS World", True),
    ("Khmer Times Business Desk", "Khmer Times", True),
    ("Xinhua Desk", "Xinhua", True),
    ("Reuters Newsroom", "Reuters", True),
    ("Web Desk", "", True),
    ("INTERNATIONAL DESK", "", True),
    ("Help Desk", "", False),
    ("Customer Service Desk", "", False),
    ("He sat at the desk", "", False),
])
def test_a_desks_credit_is_a_byline(credit: str, outlet: str, byline: bool) -> None:
    found = infer_from_text(f"Navy drill begins near the border\n{credit}\n11th Jun 2025\n\n"
                            f"{PROSE}\n{MORE_PROSE}")
    assert found.values.get("outlet", "") == outlet
    assert (found.metadata_lines.get(1) == "metadata: byline") is byline


# Official press offices: their names with the state's initials written either way, and their
# statements' mastheads.
@pytest.mark.parametrize(("name", "expected"), [
    ("U.S. Embassy Phnom Penh", "US Embassy in Cambodia"),
    ("US Embassy in Phnom Penh", "US Embassy in Cambodia"),
    ("U.S. Department of State", "US Department of State"),
    ("Ministry of Foreign Affairs of Japan", "Ministry of Foreign Affairs of Japan"),
    ("https://www.mofa.go.jp/s_sa/sea1/kh/page1e_000812.html",
     "Ministry of Foreign Affairs of Japan"),
    # no state named, or not an office
    ("Embassy", ""),
    ("Ministry of Foreign Affairs", ""),
    ("U.S. troops", ""),
])
def test_official_press_offices(name: str, expected: str) -> None:
    assert known_outlet(name) == expected


# An outlet's name with a kind of outlet or its home country after it is the outlet; a bare
# word before such a tail, or two names joined by a dash, is none.
@pytest.mark.parametrize(("name", "expected"), [
    ("Kampuchea Thmey Daily", "Kampuchea Thmey"),
    ("Nhan Dan Newspaper", "Nhan Dan"),
    ("Rappler News", "Rappler"),
    ("Thai PBS World News", "Thai PBS World"),
    ("Khmer Times Media", "Khmer Times"),
    ("NHK World-Japan", "NHK World"),
    ("Fresh News-Cambodia", "Fresh News"),
    ("Khmer Daily", ""),
    ("Asia News", ""),
    ("Channel News", ""),
    ("Xinhua-Reuters", ""),
    ("Reuters-Japan", ""),
])
def test_a_kind_or_country_after_an_outlets_name(name: str, expected: str) -> None:
    assert known_outlet(name) == expected


def test_an_embassy_statement_forwarded_by_e_mail() -> None:
    text = ("From: Sophea Kong <skong@example.org>\nSent: Tuesday, August 6, 2024 9:12 AM\n"
            "To: desk@example.org\nSubject: FW: Statement by the Embassy Spokesperson\n\n"
            "FYI - see below.\n\nU.S. Embassy Phnom Penh\nFOR IMMEDIATE RELEASE\nAugust 5, 2024"
            f"\n\nStatement by the Embassy Spokesperson on the Canal\n\n{PROSE}\n{MORE_PROSE}")
    found = infer_from_text(text)
    assert found.values["outlet"] == "US Embassy in Cambodia"
    assert f"{found.values['date']:%Y-%m-%d}" == "2024-08-05"


# A stamp with its time first: the time's minutes are never the day ("11:42 October 18": 18).
@pytest.mark.parametrize(("stamp", "expected"), [
    ("All News 11:42 October 18, 2025", "2025-10-18"),
    ("Published 11:30 AM, July 12, 2024", "2024-07-12"),
    ("14:05 12 March 2024", "2024-03-12"),
    ("10:20 6 August 2024 | Sok Dara", "2024-08-06"),
    ("Updated 09:05 5 May 2024", None),
    ("11:42 October", None),
    # a publication line's "on ... at" is no reader's comment; a bare offset after the time
    ("Published on 5 Aug 2024 at 09:38", "2024-08-05"),
    ("05 Aug, 2024 09:38 AM +07", "2024-08-05"),
    ("05 Aug, 2024 09:38 AM +0700", "2024-08-05"),
])
def test_time_first_stamps_and_their_words(stamp: str, expected: str | None) -> None:
    found = infer_from_text(f"Canal talks resume\n{stamp}\n\n{PROSE}\n{MORE_PROSE}")
    date = found.values.get("date")
    assert (None if date is None else f"{date:%Y-%m-%d}") == expected


def test_a_year_less_agency_dateline_takes_the_year_of_a_time_first_stamp() -> None:
    text = (f"Yonhap News Agency\nAll News 11:42 October 18, 2025\nKoreans return home\n"
            f"By Kim Do-hyun\nSEOUL, Oct. 18 (Yonhap) -- {PROSE}\n{MORE_PROSE}")
    assert f"{infer_from_text(text).values['date']:%Y-%m-%d}" == "2025-10-18"


# A forwarded e-mail's own stamps are the day it was sent, never the date of what it carries;
# a "Date:" line on a page without e-mail headers is still the page's date.
@pytest.mark.parametrize(("text", "expected"), [
    ("From: Sophea Kong <skong@example.org>\nSent: Tuesday, August 6, 2024 9:12 AM\n"
     "To: desk@example.org\nSubject: FW: Statement on the canal\n\nStatement on the canal\n\n"
     f"{PROSE}\n{MORE_PROSE}", None),
    ("From: Sophea Kong <skong@example.org>\nDate: Tue, 6 Aug 2024 09:12:40 +0700\n"
     "Subject: Fwd: Statement on the canal\nTo: desk@example.org\n\nStatement on the canal\n"
     f"Phnom Penh, 5 August 2024\n\n{PROSE}\n{MORE_PROSE}", "2024-08-05"),
    ("Statement on the canal\n\nOn Tue, 6 Aug 2024 at 09:12, Sophea Kong <skong@example.org> "
     f"wrote:\nFrom: Lina Tan\nTo: Sophea Kong\n\n{PROSE}\n{MORE_PROSE}", None),
    (f"Statement on the canal\nDate: 5 August 2024\n\n{PROSE}\n{MORE_PROSE}", "2024-08-05"),
])
def test_an_e_mails_own_stamps_are_not_the_date(text: str, expected: str | None) -> None:
    date = infer_from_text(text).values.get("date")
    assert (None if date is None else f"{date:%Y-%m-%d}") == expected


# A government office's statement under its masthead is the office's, whether or not the
# outlets table knows it; an office without its state, or prose about one, names nobody.
@pytest.mark.parametrize(("masthead", "outlet"), [
    ("Embassy of India, Phnom Penh", "Embassy of India, Phnom Penh"),
    ("MINISTRY OF FOREIGN AFFAIRS, KINGDOM OF THAILAND",
     "Ministry of Foreign Affairs, Kingdom of Thailand"),
    ("Delegation of the European Union to Cambodia",
     "Delegation of the European Union to Cambodia"),
    ("Australian Embassy Cambodia", "Australian Embassy Cambodia"),
    ("Ministry of Foreign Affairs", ""),
    ("Japanese Embassy", ""),
    ("The ministry in Phnom Penh said", ""),
])
def test_a_government_offices_masthead_names_its_statement(masthead: str, outlet: str) -> None:
    text = (f"{masthead}\nPRESS RELEASE\n\nStatement on the canal project\n\n{PROSE}\n"
            f"{MORE_PROSE}")
    assert infer_from_text(text).values.get("outlet", "") == outlet


def test_a_wire_story_on_an_offices_page_credits_the_wire() -> None:
    text = (f"Embassy of India, Phnom Penh\n\nCanal talks resume\n\nPHNOM PENH, May 3 (Xinhua) -- "
            f"{PROSE}\n{MORE_PROSE}")
    found = infer_from_text(text)
    assert found.values["outlet"] == "Xinhua"
    assert found.values["published_by"] == "Embassy of India, Phnom Penh"


# Readers' comments keep their stamps out of the date, whatever a publication line looks like.
def test_a_readers_comment_stamp_is_still_a_comment() -> None:
    text = (f"Canal talks resume\nPhnom Penh, 5 August 2024\n\n{PROSE}\n{MORE_PROSE}\n"
            "Comments\nSok Dara on August 9, 2024 at 9:38 am\nGood news for the province.")
    assert f"{infer_from_text(text).values['date']:%Y-%m-%d}" == "2024-08-05"


# More credit forms: a labelled credit, an RFA-style tail of credits, a wire with its network
# after the text, a staff line without "By"; look-alikes name nobody.
@pytest.mark.parametrize(("head", "tail", "outlet"), [
    ("Story: AFP", "", "Agence France-Presse"),
    ("Credit: Kyodo", "", "Kyodo News"),
    ("", "Reported by RFA Khmer. Translated by Jane Doe. Edited by John Smith.",
     "Radio Free Asia"),
    ("", "Khmer Times/ANN", "Khmer Times"),
    ("Nikkei staff writers", "", "Nikkei Asia"),
    ("Khmer Times Staff", "", "Khmer Times"),
    ("Story: how the canal was planned", "", ""),
    ("", "Reported by Sok Dara. Translated by Jane Doe.", ""),
    ("", "Xinhua/Li Ming", ""),
    ("Our staff", "", ""),
])
def test_more_credit_forms(head: str, tail: str, outlet: str) -> None:
    found = infer_from_text(f"Canal talks resume\n{head}\n\n{PROSE}\n{MORE_PROSE}\n{tail}")
    assert found.values.get("outlet", "") == outlet


# A stamp under the headline without a year takes it from a year and month in the page's
# address when the months agree; otherwise, or with nothing to give it, it stays undated.
@pytest.mark.parametrize(("stamp", "address", "expected"), [
    ("Aug. 5, 20:21 JST", "https://example.org/news/2024/08/canal-talks/", "2024-08-05"),
    ("Aug. 25", "https://example.org/news/2024/08/canal-talks/", "2024-08-25"),
    ("Aug. 5, 20:21 JST", "", None),
    ("Jan. 3, 09:10", "https://example.org/news/2023/12/canal-talks/", None),
    ("Aug. 5, 20:21 JST", "Related\nCanal work resumes\nJuly 30, 2024", None),
])
def test_a_year_less_stamp_and_the_address_month(stamp: str, address: str,
                                                 expected: str | None) -> None:
    date = infer_from_text(f"Canal talks resume\n{stamp}\n\n{PROSE}\n{MORE_PROSE}\n{address}"
                           ).values.get("date")
    assert (None if date is None else f"{date:%Y-%m-%d}") == expected
