"""Dates and outlets inferred from what an article's page states (helpers.corpus.metadata).

The texts are written for these tests in the shapes saved pages take: wire datelines, agency
stamps, publication lines, bylines, closing credits, mastheads, copyright lines, forum and
blog furniture, readers' comments. Each table varies casing, punctuation, dashes and order.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.corpus.metadata import (
    DATE_KINDS,
    NEVER_KINDS,
    canonical_outlet,
    infer_from_text,
    known_outlet,
    parse_date,
)
from helpers.corpus.reading import PageFacts

# A paragraph of article prose, to stand for the body under the metadata lines.
BODY = ("The two governments agreed on Tuesday to expand cooperation in trade, agriculture "
        "and infrastructure, officials said after the meeting in the capital.")
MORE = ("Analysts said the agreement reflected a long pattern of close ties, although "
        "details of the financing were not published by either side.")

# (text, expected date, expected kind of the date's source; None: no date)
DATES = [
    (f"Headline\nSource: Xinhua| 2019-04-19 15:33:24|Editor: ZX\n"
     f"PHNOM PENH, April 19 (Xinhua) -- {BODY}", "2019-04-19", "agency stamp"),
    (f"PHNOM PENH, May 3 (Xinhua) -- {BODY}\n{MORE}", None, None),
    (f"Title here\nPhnom Penh, 12 March 2024 (AKP) – {BODY}", "2024-03-12", "dateline"),
    (f"Title\n(Xinhua) 15:04, March 12, 2024\nBEIJING, March 11 (Xinhua) -- {BODY}",
     "2024-03-11", "dateline"),
    (f"Title\nPublication date 12 March 2024 | 19:45 ICT\n{BODY}", "2024-03-12",
     "publication line"),
    (f"Title\nFirst Published: 10:15 IST(3/4/2024)\n{BODY}", "2024-04-03", "publication line"),
    (f"Title\nPublished on: 3/4/2024\n{BODY}", None, None),  # day/month or month/day?
    (f"Title\npublished 04/13/2024\n{BODY}", "2024-04-13", "publication line"),
    (f"Title\nPUBLISHED : 22 Feb 2024 at 10:12\n{BODY}", "2024-02-22", "publication line"),
    (f"Ministers sign new trade pact, March 3, 2024\n{BODY}", "2024-03-03", "headline date"),
    (f"PM thanks China for congratulations (30 July 2018)\nPosted on August 2, 2018 by admin\n"
     f"Source: FN {BODY}", "2018-07-30", "headline date"),
    (f"Cambodia and China review progress of new airport – 28/3/2023\n{BODY}", "2023-03-28",
     "headline date"),
    (f"Title\nBy Jane Doe | March 3, 2024\n{BODY}", "2024-03-03", "byline stamp"),
    (f"Title\nAgence France-Presse, Oct. 5, 2022\n{BODY}", "2022-10-05", "agency stamp"),
    (f"Title\nKYODO NEWS - Apr 19, 2025 - 18:40\n{BODY}", "2025-04-19", "agency stamp"),
    (f"Title\n14:20, June 2, 2023\n{BODY}", "2023-06-02", "date line"),
    (f"Title\nWednesday, 24 April 2024\n{BODY}", "2024-04-24", "date line"),
    (f"Title\nJuly 25, 2016 6:12 PM GMT+7 Updated 8 years ago\nVIENTIANE (Reuters) - {BODY}",
     "2016-07-25", "date line"),
    (f"Title\nPublished: 6:00am, 19 Jan, 2023\nUpdated: 9:14am, 20 Jan, 2023\n{BODY}",
     "2023-01-19", "publication line"),
    (f"Title\nBy Li Wen | China Daily | Updated: 2017-09-06 07:41\n{BODY}\n{MORE}\n"
     "(China Daily 09/06/2017 page 11)", "2017-09-06", "print credit"),
    (f"Title\n{BODY}\n{MORE}\nPhnom Penh, 21 April 2024", "2024-04-21", "closing date line"),
    (f"Title\nhttps://www.example-news.com/world/2024/03/12/cambodia-china-talks/\n{BODY}",
     "2024-03-12", "url"),
    (f"Archives: June 2019\nTitle\nPhnom Penh (FN), June 14 – {BODY}", "2019-06-14", "dateline"),
    (f"Cambodia Notes\nFriday, 2 January 2015\nTitle\nPHNOM PENH, Dec 30 (Reuters) - {BODY}",
     "2014-12-30", "dateline"),
    (f"Title\nPhnom Penh, Apr 3 (PTI) {BODY}\nLast Updated : Apr 03 2024 | 10:15 AM IST",
     "2024-04-03", "dateline"),
    (f"WASHINGTON, Sept. 4th, 2021 (AP) — {BODY}", "2021-09-04", "dateline"),
    (f"Forum index\nPosted by kh_user » Mon Jan 05, 2015 8:14 am\nJoined: Tue Mar 04, 2014\n"
     f"PHNOM PENH, April 19, 2019 (Reuters) - {BODY}", "2019-04-19", "dateline"),
    # never a date: comments, updated stamps, joined, relative, copyright, today, body prose
    (f"Title\n{BODY}\n{MORE}\n3 Comments\nJohn says:\nAugust 18, 2018 at 6:12 AM\nGreat read.",
     None, None),
    (f"Title\nUpdated: 5 May 2024\n{BODY}", None, None),
    (f"Title\nLast modified 2024.12.15\n{BODY}", None, None),
    (f"Title\nMember since June 3, 2012\n{BODY}", None, None),
    (f"Title\n3 hours ago\n{BODY}", None, None),
    (f"Title\n{BODY}\n© 2024 Khmer Times. All rights reserved.", None, None),
    (f"Today is Tuesday, 14 May 2024\nTitle\n{BODY}", None, None),
    (f"Title\nOn March 3, 2024, the ministers met in Beijing and agreed to many new things.\n"
     f"{MORE}", None, None),
    (f"Paris Peace Agreements, 23 October 1991 – never forget\nTitle\n{BODY}", None, None),
    (f"Why the crackdown of June 4, 1989 still matters\n{BODY}", None, None),
    (f"Remembering the events of June 4, 1989\n{BODY}", None, None),
    (f"Latest\nPM meets Xi in Beijing, May 3, 2024\nNew bridge opens in Kratie, May 2, 2024\n"
     f"Title\n{BODY}", None, None),  # a run of dated headlines is a ticker
    (f"Title\n{BODY}\n{MORE}\nRelated\nNew port opens in Kampot\nMarch 2, 2024", None, None),
    # a repost's own date lines are the reposting, not the article
    (f"Mekong Notes\nMonday, August 27, 2018\nTitle\n{BODY}\n{MORE}\nSource: RFA\n"
     "Posted by Mekong Notes at 9:02 AM\nNo comments:", None, None),
    (f"Expat Forum\nPosts 15,427\nJoined 2012\nPosted July 3, 2023\n{BODY}\nSource: Khmer Times",
     None, None),
    # a repost's note gives the original's date, which beats the repost's own stamps
    (f"Global Notes\nTitle\nPosted 22 March 2023\nThis story by Sok Dara was originally "
     f"published by Tonle Wire on 21 March 2023. An edited version is republished here under a "
     f"partnership.\n"
     f"{BODY}\n{MORE}", "2023-03-21", "original publication"),
    (f"Title\nWritten by Sok Dara\nPosted 22 March 2023\n{BODY}\n{MORE}\nThis article was "
     "originally published on 21 March 2023 by CamboJA News and is republished here under a "
     "content partnership.", "2023-03-21", "original publication"),
    (f"Mekong Notes\n07/03/2024\nTitle\n{BODY}\n{MORE}\nThis article first appeared on the website "
     "of The Diplomat on 5 March 2024.", "2024-03-05", "original publication"),
    (f"Mekong Notes\nThursday, March 7, 2024\nTitle\n{BODY}\n{MORE}\nFirst appeared in Khmer "
     "Times, March 5.", "2024-03-05", "original publication"),
    (f"Title\nPosted 22 March 2023\n{BODY}\n{MORE}\nThis story is republished under a partnership "
     "with CamboJA News.", None, None),  # the original's date is not stated
    (f"Title\n{BODY}\n{MORE}\nThis story was republished on 22 March 2023 by Global Voices.",
     None, None),  # the reposting's date
    # a headline's date loses to the article's own dateline, whatever its shape
    (f"Cambodia and China sign pact (Mar 6, 2024)\nMarch 5, 2024 – PHNOM PENH: {BODY}",
     "2024-03-05", "dateline"),
    (f"Cambodia and China sign pact, March 6, 2024\n5 March 2024, Siem Reap (AKP) – {BODY}",
     "2024-03-05", "dateline"),
    (f"Cambodia and China sign pact, March 6, 2024\nPHNOM PENH, March 5 — The talks ended early "
     f"today.\n{BODY}", "2024-03-05", "dateline"),
    (f"Pact signed – 6/3/2024\nTuesday, 5 March 2024 | Phnom Penh – {BODY}", "2024-03-05",
     "dateline"),
    # a forum's post stamps are never the date; the quoted article's dateline is, however deep
    (f"Cambodia Expat Forum\nThread starter khuser Start date Mar 10, 2024\nkhuser\nMember\n"
     f"Messages: 1,203\n{BODY}\n{MORE}", None, None),
    (f"Expat Forum\nBoard index » News\nkh_user\nMar 11, 2024\nPosts: 1203\n{BODY}\n{MORE}",
     None, None),
    ("KhmerTalk Forum\nBoard index » News\nWelcome to the board. Please read the forum rules "
     "before you post and be kind to each other.\n"
     + "\n".join(f"Board {n} | Topics {n * 3} | Posts {n * 40}" for n in range(30))
     + f"\nPost subject: Chinese loans\nPosted by kh_user » Mon Mar 11, 2024 8:14 am\nJoined: Tue "
     f"Mar 04, 2014\nFrom today's paper:\nPHNOM PENH, March 9 (Reuters) - {BODY}\n{MORE}",
     "2024-03-09", "dateline"),
    (f"Forum\nQuote: Originally Posted by Sokha on 05-03-2024\n{BODY}\n{MORE}", None, None),
    # a report's title block states a month only
    (f"POLICY BRIEF No. 12\nCambodia and China: Twenty Years of Aid\nSok Dara and Jane Doe\n"
     f"Institute for Mekong Studies\nMarch 2021\n{BODY}\n{MORE}", "2021-03-01", "month line"),
    (f"WORKING PAPER\nDebt and the Belt and Road\nPhnom Penh, NOVEMBER 2019\n{BODY}",
     "2019-11-01", "month line"),
    (f"Title\nPublished: June 2022\n{BODY}", "2022-06-01", "month line"),
    (f"Title\nPublished: June 2022\nPHNOM PENH, 19 June 2022 (AKP) – {BODY}", "2022-06-19",
     "dateline"),
    (f"Mekong Notes\nBlog Archive\nJune 2019\nTitle\n{BODY}\nPosted by admin", None, None),
    (f"Title\n{BODY}\n{MORE}\nMarch 2021", None, None),  # after the text: a page's stamp
    (f"Archives\nMarch 2021\nFebruary 2021\nJanuary 2021\nTitle\n{BODY}", None, None),
]


@pytest.mark.parametrize(("text", "expected", "kind"), DATES)
def test_dates_are_read_as_a_person_reads_the_page(text: str, expected: str | None,
                                                    kind: str | None) -> None:
    found = infer_from_text(text)
    day = found.values.get("date")
    assert (day.strftime("%Y-%m-%d") if day is not None else None) == expected
    if kind is not None:
        assert found.values["date_kind"] == kind
        assert found.sources["date"].startswith(f"text: {kind}")


# Classes met on held-out pages, each with look-alikes that must not give a date.
# (text, expected date, expected kind; None: no date)
STAMP_CLASSES = [
    # "Update", "Last update", "Upd." and "Modified" stamps beside the publication date
    (f"Title\nLim Chan and Dara Sok | 17.04.2025 - Update : 18.04.2025\n{BODY}", "2025-04-17",
     "byline stamp"),
    (f"Title\nPhnom Penh | 17.04.2025 - Last update: 19.04.2025\n{BODY}", "2025-04-17",
     "date line"),
    (f"Title\nPublished 3 May 2024 | Upd. 4 May 2024\n{BODY}", "2024-05-03", "publication line"),
    (f"Title\nLast update: 18 April 2025\n{BODY}", None, None),
    (f"Title\nUpdate : 18.04.2025\n{BODY}", None, None),
    (f"Title\nUpd. 18 April 2025 10:02\n{BODY}", None, None),
    (f"Title\nModified on 18 April 2025\n{BODY}", None, None),
    # two or three people and a date under the headline are a byline stamp
    (f"Title\nSok Dara, Jane Doe | March 3, 2024\n{BODY}", "2024-03-03", "byline stamp"),
    # a pasted article's own date line, next to its byline, inside a forum post
    (f"Expat Board\nBoard index » News\nPostby kh_user » Tue Mar 12, 2024 8:14 am\n"
     f"Joined: Sun Mar 16, 2008 4:02 pm\nKHMER TIMES\nA headline of several words here\n"
     f"Monday, 11 March 2024\nWritten by Sok Dara\n{BODY}\n{MORE}", "2024-03-11",
     "byline stamp"),
    (f"Expat Board\nBoard index » News\nA headline of several words here\nWritten by Sok Dara\n"
     f"Monday, 11 March 2024\n{BODY}\n{MORE}", "2024-03-11", "byline stamp"),
    (f"Expat Board\nBoard index » News\nPostby kh_user » Tue Mar 12, 2024 8:14 am\n"
     f"KHMER TIMES\nA headline of several words here\nMonday, 11 March 2024\n{BODY}\n{MORE}",
     "2024-03-11", "byline stamp"),
    # ... but outside a forum a date under a masthead and a motto stays a plain date line (a
    # newsletter's send date), and a forum's date line with no byline or masthead is the post's
    (f"View this email in your browser\nEAST ASIA FORUM\nEconomics and Politics in East Asia\n"
     f"Sunday, 9 March 2025\nIn this issue\nTitle of the essay\n{BODY}\n{MORE}", "2025-03-09",
     "date line"),
    (f"Expat Board\nBoard index » News\nA headline of several words here\n"
     f"Monday, 11 March 2024\n{BODY}\n{MORE}", None, None),
    # an aggregator's page: its date header is the reposting's, whoever wrote the text
    (f"KI Media | Home | Archives | Contact\nThursday, June 11, 2009\nVillagers lose their land "
     f"to a coastal project\n{BODY}\n{MORE}\nPosted by KI-Media at 3:12 AM", None, None),
    (f"KI Media | Home | Archives | Contact\nThursday, June 11, 2009\nTitle\n"
     f"PHNOM PENH, June 10 (Reuters) - {BODY}\n{MORE}", "2009-06-10", "dateline"),
    # day/month order: read the way the page writes its unambiguous numeric dates
    (f"Title\nIssued on: 05/03/2024 - 11:03\nModified: 16/03/2024 - 12:00\n{BODY}",
     "2024-03-05", "publication line"),
    (f"Title\nPublished 04/05/2024\nLast updated 04/13/2024\n{BODY}", "2024-04-05",
     "publication line"),
    # ... and no guess when the page does not say, or says it both ways, or the reading would
    # put the update before the publication
    (f"Title\nSok Dara and Jane Doe | 05.03.2024 - Update : 06.03.2024\n{BODY}", None, None),
    (f"Title\nPublished: 05/03/2024\nUpdated: 03/16/2024\n{BODY}", None, None),
    (f"Title\nPublished: 05/03/2024\n{BODY}\n{MORE}\n3 Comments\nAlan says: 17/03/2024\n"
     "Bo says: 03/18/2024", None, None),
    # a time zone beside a numeric date says where the page writes from
    (f"Title\nTuesday, 5/3/2024, 10:12 (GMT+7)\n{BODY}", "2024-03-05", "date line"),
    (f"Title\nPosted 05/03/2024 09:14 PM MYT\n{BODY}", "2024-03-05", "posted stamp"),
    (f"Title\nPublished 05/03/2024 10:00 EST\n{BODY}", "2024-05-03", "publication line"),
    (f"Title\n05/03/2024 10:12 GMT+8\n{BODY}", None, None),  # China, or the Philippines?
    (f"Title\n05/03/2024 10:12 GMT\n{BODY}", None, None),
    (f"Title\nDate: 05-03-2024\n{BODY}", None, None),
    # other separators and scripts of a stamp line
    (f"Title\nJakarta ● Tue, March 5, 2024\n{BODY}", "2024-03-05", "date line"),
    (f"Title\n2024年3月5日 10:12\n{BODY}", "2024-03-05", "date line"),
    (f"Title\n2024년 3월 5일\n{BODY}", "2024-03-05", "date line"),
    (f"Title\n{BODY}\n{MORE}\nThis article appeared in the print edition on March 6, 2024.",
     None, None),  # a print edition's day is not the article's
    # labels, reading times and counts around a stamp's date and names
    (f"Title\nFrom: Xinhua | Time: 2024-03-05 10:12\n{BODY}", "2024-03-05", "agency stamp"),
    (f"Title\n2024-03-05 10:12:33 | Source: Xinhua\n{BODY}", "2024-03-05", "agency stamp"),
    (f"Title\nin News · March 5, 2024 · by Sok Dara\n{BODY}", "2024-03-05", "byline stamp"),
    (f"Title\nSok Dara • 5 March 2024 • 4 min read\n{BODY}", "2024-03-05", "date line"),
    (f"Title\nSok Dara – 05 March 2024 – Comments (3)\n{BODY}", "2024-03-05", "date line"),
    (f"Title\nPublish Date : 2024-03-05 10:12\n{BODY}", "2024-03-05", "publication line"),
    (f"Title\nSource: China Daily | Updated: 2024-03-05 10:12\n{BODY}", None, None),
    (f"Title\nJoined Mar 2012 · 5 Mar 2024\n{BODY}", None, None),
    # a sentence about another text's publication is no note about this article
    (f"Title\n{BODY}\nThe report was published on 4 March 2023 by the ministry, which later "
     f"withdrew it.\n{MORE}", None, None),
    (f"Title\n{BODY}\n{MORE}\nThe study is published in the journal on 4 March 2023 and "
     "reviewed by the agency's own economists and three outside experts.", None, None),
    (f"Title\n{BODY}\n{MORE}\nThis story was published by CamboJA News on 21 March 2023.",
     "2023-03-21", "original publication"),
    # the date of something else on a stamp-like line
    (f"Title\nEvent date: 12 April 2024\n{BODY}", None, None),
    (f"Title\nPrint edition: March 6, 2024\n{BODY}", None, None),
    (f"Title\nDeadline: 5 March 2024\n{BODY}", None, None),
    (f"Title\nOpen until 5 March 2024\n{BODY}", None, None),
    (f"Title\nHun Sen (born 5 August 1952)\n{BODY}", None, None),
    (f"Title\nTalks began on 5 March 2024 in Beijing, officials said.\n{BODY}", None, None),
    (f"Title\nHun Manet meets Xi in Beijing on March 5, 2024. Photo: Xinhua\n{BODY}", None, None),
    (f"Title\nClosing date: 15 March 2024\n{BODY}", None, None),
    (f"Title\nDate of the meeting: 15 March 2024\n{BODY}", None, None),
    (f"Title\nDate: 15 March 2024\n{BODY}", "2024-03-15", "publication line"),
    # a dateline's year never comes from a reader's comment, a related story or a today bar
    (f"Title\nPHNOM PENH, Nov 3 (Xinhua) -- {BODY}\n{MORE}\n2 Comments\nSokha says:\n"
     "March 2, 2021 at 8:14 am", None, None),
    (f"Today is Tuesday, 14 May 2024\nTitle\nPHNOM PENH, Nov 3 (Xinhua) -- {BODY}", None, None),
    (f"Title\nPHNOM PENH, Nov 3 (Xinhua) -- {BODY}\n{MORE}\nRelated\nNew port opens\n"
     "March 2, 2021", None, None),
    # two of the article's own stamps that disagree by more than a few days: no guess
    (f"Title\nPublished: 2 May 2024\nPHNOM PENH, 19 April 2024 (AKP) – {BODY}", None, None),
    (f"Title\nBy Sok Dara | 3 March 2024\nSource: Xinhua | 2024-03-12 10:00\n{BODY}", None,
     None),
    # ... but a day or two apart (time zones, a wire's stamp the next morning) they agree
    (f"Title\n13/10/2020 09:14 PM\nPHNOM PENH, Oct 12 (Bernama) -- {BODY}", "2020-10-12",
     "dateline"),
    (f"Title\nPublished: 20 April 2024\nPHNOM PENH, 19 April 2024 (AKP) – {BODY}",
     "2024-04-19", "dateline"),
    (f"Title\nMarch 12, 2024\nApril 20, 2024\n{BODY}", None, None),
    (f"Title\nMarch 12, 2024\nMarch 13, 2024\n{BODY}", "2024-03-13", "date line"),
    # a repost's own "Published" line never argues with the original's date it notes
    (f"Global Notes\nTitle\nPublished: 4 April 2023\nThis story by Sok Dara was originally "
     f"published by Tonle Wire on 21 March 2023.\n{BODY}\n{MORE}", "2023-03-21",
     "original publication"),
    # a date closing a headline after a weekday, with the reposting blog's own posted stamp
    (f"Officials create a club to watch the talks – Monday, 26.4.2010\nPosted on 27 April 2010. "
     f"Filed under: Week 662 | Tags: , , ,\n{BODY}\n{MORE}", "2010-04-26", "headline date"),
]


@pytest.mark.parametrize(("text", "expected", "kind"), STAMP_CLASSES)
def test_stamp_classes_of_unseen_pages(text: str, expected: str | None, kind: str | None) -> None:
    found = infer_from_text(text)
    day = found.values.get("date")
    assert (day.strftime("%Y-%m-%d") if day is not None else None) == expected
    assert found.values.get("date_kind") == kind


def test_an_aggregators_page_names_the_site_never_the_outlet() -> None:
    found = infer_from_text(f"KI Media | Home | Archives | Contact\nThursday, June 11, 2009\n"
                            f"KI Media: Villagers lose their land to a coastal project\n{BODY}\n"
                            f"{MORE}")
    assert "outlet" not in found.values
    assert found.values["published_by"] == "KI Media"
    assert found.values["date_candidates"].startswith("repost stamp:2009-06-11")
    credited = infer_from_text(f"KI Media\nTitle\n{BODY}\n{MORE}\nSource: RFA")
    assert (credited.values["outlet"], credited.values["published_by"]) == (
        "Radio Free Asia", "KI Media")


def test_an_ambiguous_numeric_date_is_reported_as_read_either_way() -> None:
    found = infer_from_text(f"Title\nSok Dara | 05.03.2024 - Update : 06.03.2024\n{BODY}")
    assert "date" not in found.values
    assert "read either way" in found.sources["date_partial"]
    assert "2024-03-05 or 2024-05-03" in found.values["date_candidates"]


@pytest.mark.parametrize(("text", "expected_problem", "rejected"), [
    (f"Posted by kh_user » Mon Jan 05, 2015 8:14 am\nPHNOM PENH, April 19, 2019 (Reuters) - "
     f"{BODY}", "forum stamp 2015-01-05", "forum stamp:2015-01-05"),
    (f"Title\n(People's Daily Online) 13:54, April 01, 2021\nPHNOM PENH, March 31 (Xinhua) -- "
     f"{BODY}", None, "agency stamp:2021-04-01"),
    (f"Title\nPublished: 2 May 2024\nPHNOM PENH, 19 April 2024 (AKP) – {BODY}",
     "publication line 2024-05-02", "publication line:2024-05-02"),
    (f"Title\nPublished: 6:00am, 19 Jan, 2023\nUpdated: 9:14am, 20 Feb, 2023\n{BODY}", None,
     "updated stamp:2023-02-20"),
])
def test_rejected_dates_are_listed_and_disagreements_reported(
        text: str, expected_problem: str | None, rejected: str) -> None:
    found = infer_from_text(text)
    assert rejected in found.values["date_candidates"]
    if expected_problem is None:
        assert found.problems == []
    else:
        assert len(found.problems) == 1 and expected_problem in found.problems[0]
        assert found.problems[0].startswith("dates disagree")


def test_a_month_day_without_any_year_on_the_page_stays_undated() -> None:
    found = infer_from_text(f"Headline\n{BODY}\nPHNOM PENH, Nov. 2 (Xinhua) -- {MORE}\n"
                            "© 2024 Xinhua")
    assert "date" not in found.values
    assert found.sources["date_partial"].startswith("text: dateline without a year")


@pytest.mark.parametrize(("page", "file_name", "expected", "kind"), [
    (PageFacts(date="2024-05-19", date_source="html: meta article:published_time",
               site_name="South China Morning Post"), "", "2024-05-19", "page metadata"),
    # a blog's own publication date is the repost's, not the credited article's
    (PageFacts(date="2023-09-16", date_source="html: meta article:published_time",
               site_name="Mekong Watcher"), "", None, None),
    (None, "2021-06-10_talks.txt", "2021-06-10", "file name"),
])
def test_page_and_file_dates_are_weakest(page: PageFacts | None, file_name: str,
                                         expected: str | None, kind: str | None) -> None:
    text = f"Title\nPHNOM PENH (AP) — {BODY}\n{MORE}"
    found = infer_from_text(text, file_name=file_name, page=page)
    day = found.values.get("date")
    assert (day.strftime("%Y-%m-%d") if day is not None else None) == expected
    assert found.values.get("date_kind") == kind


def test_a_stated_date_beats_the_file_name() -> None:
    found = infer_from_text(f"Title\nPublished: 26 April 2019\n{BODY}",
                            file_name="Xinhua_20190419.txt")
    assert found.values["date"].strftime("%Y-%m-%d") == "2019-04-26"
    assert "file name:2019-04-19" in found.values["date_candidates"]
    assert found.problems and "file name 2019-04-19" in found.problems[0]


def test_every_kind_is_ranked_or_never() -> None:
    assert not set(DATE_KINDS) & set(NEVER_KINDS)


# (text, expected outlet, expected published_by)
OUTLETS = [
    (f"Title\nBy Jane Doe / Reuters\n{BODY}", "Reuters", ""),
    (f"Title\nby Sok Dara, AFP\n{BODY}", "Agence France-Presse", ""),
    (f"Title\nBy Khmer Times Staff\n{BODY}", "Khmer Times", ""),
    (f"Title\nBY RFA STAFF\n{BODY}", "Radio Free Asia", ""),
    (f"Title\nBy Hul Sokha, VOA Khmer\n{BODY}", "Voice of America", ""),
    (f"Title\nBy Neou Vannarin THE CAMBODIA DAILY\n{BODY}", "The Cambodia Daily", ""),
    (f"Title\nThou Vireak | The Phnom Penh Post\n{BODY}", "The Phnom Penh Post", ""),
    (f"Title\nSok Dara in Siem Reap for Nikkei Asia\n{BODY}", "Nikkei Asia", ""),
    (f"Title\nSource: Xinhua| 2019-04-19 15:33:24|Editor: ZX\n{BODY}", "Xinhua", ""),
    (f"Title\n{BODY}\n{MORE}\nSource: RFA", "Radio Free Asia", ""),
    (f"Title\nSOURCE CGTN\n{BODY}", "CGTN", ""),
    (f"Title\nSource: FN {BODY}", "Fresh News", ""),
    (f"Title\n{BODY}\n{MORE}\n(The Straits Times)", "The Straits Times", ""),
    (f"Title\n{BODY}\n{MORE}\n— Xinhua", "Xinhua", ""),
    (f"Title\n{BODY}\n{MORE}\n--AKP", "Agence Kampuchea Presse", ""),
    (f"Title\n{BODY}\n{MORE}\n==Kyodo", "Kyodo News", ""),
    (f"Title\n{BODY}\n{MORE}\n-- BERNAMA", "Bernama", ""),
    (f"Title\n{BODY}\n{MORE}\nVNA", "Vietnam News Agency", ""),
    (f"Title\nBernama News Agency, Phnom Penh – {BODY}", "Bernama", ""),
    (f"Title\nLao News Agency, Vientiane – {BODY}", "Lao News Agency", ""),
    (f"BANGKOK (Reuters) - {BODY}", "Reuters", ""),
    (f"PHNOM PENH, Cambodia (AP) — {BODY}", "Associated Press", ""),
    (f"PHNOM PENH, April 1, Kyodo - {BODY}", "Kyodo News", ""),
    (f"Beijing, 25 May 2024 (TDI): {BODY}", "The Diplomatic Insight", ""),
    (f"THE PHNOM PENH POST\nTitle\n{BODY}", "The Phnom Penh Post", ""),
    (f"Title\n{BODY}\n{MORE}\n© 2024 The Phnom Penh Post", "The Phnom Penh Post", ""),
    (f"Title\n{BODY}\n{MORE}\nCopyright © 2023 South China Morning Post Publishers Ltd. All "
     "rights reserved.", "South China Morning Post", ""),
    (f"Title\n{BODY}\n{MORE}\nVOD English | Voice of Democracy", "VOD", ""),
    (f"CGTN: China and Cambodia mark 65 years of ties\n{BODY}", "CGTN", ""),
    (f"Title\n{BODY}\n{MORE}\nThis article first appeared in The Diplomat.", "The Diplomat", ""),
    (f"Title\n{BODY}\n{MORE}\nThis article was originally published by Tonle Sap Review.",
     "Tonle Sap Review", ""),
    (f"Title\nBy Jane Doe / Mekong Review\n{BODY}", "Mekong Review", ""),
    (f"Title\n(Mekong Wire) 09:30, 4 July 2022\n{BODY}", "Mekong Wire", ""),
    # a repost: the credited wire is the outlet, the site it was saved from published_by
    (f"Khmer Times\nNational | Business | World\nChinese premier meets Senate President\nXinhua\n"
     f"2 years ago\n{BODY}", "Xinhua", "Khmer Times"),
    (f"Title\nSource: Xinhua\n{BODY}\n{MORE}\nCopyright © 2024 Khmer Times. All rights reserved.",
     "Xinhua", "Khmer Times"),
    (f"Title\n(People's Daily Online) 16:40, October 14, 2016\nPHNOM PENH, Oct. 13 (Xinhua) -- "
     f"{BODY}", "Xinhua", "People's Daily"),
    (f"Cambodia Business Notes\nFriday, 2 January 2015\nTitle\nPHNOM PENH, Dec 30 (Reuters) - "
     f"{BODY}\nPosted by CBN at 10:20\nNewer Post Older Post Home", "Reuters",
     "Cambodia Business Notes"),
    # a paper carrying wire copy: the wire's credit beats the paper's masthead and copyright
    (f"The Japan Times\nWORLD / POLITICS\nCambodia and China hold talks\nKYODO\nShare\n"
     f"Mar 5, 2024\nPHNOM PENH – {BODY}\n{MORE}\n© The Japan Times", "Kyodo News",
     "The Japan Times"),
    (f"Cambodia and China hold talks | The Japan Times\nMar 5, 2024\n{BODY}\n{MORE}\nThe talks "
     "resume next month. — Kyodo\n© 2024 The Japan Times Ltd.", "Kyodo News", "The Japan Times"),
    (f"Bangkok Post\nCambodia and China hold talks\nPUBLISHED : 5 Mar 2024 at 10:12\n{BODY}\n"
     f"{MORE} (AFP)\n© Bangkok Post PCL. All rights reserved.", "Agence France-Presse",
     "Bangkok Post"),
    (f"Bangkok Post\nTitle\n{BODY}\n{MORE}\nTalks resume soon. (Reuters)\n© Bangkok Post PCL",
     "Reuters", "Bangkok Post"),
    (f"Cambodia and China hold talks - Khmer Times\nXinhua\nShare this\n{BODY}\n{MORE}",
     "Xinhua", "Khmer Times"),
    (f"Khmer Times\nTitle\n{BODY}\n{MORE}\nHome | Xinhua | Reuters\n© Khmer Times",
     "Khmer Times", ""),  # a menu of outlets is no credit
    (f"Khmer Times\nKhmer Times\nA headline of several words\nKhmer Times\n{BODY}",
     "Khmer Times", ""),
    # a repost's note names the original outlet; "republished on X" names the reposting site
    (f"Global Voices\nTitle\nThis story by Sok Dara was originally published by CamboJA News on "
     "21 March 2023. An edited version is republished on Global Voices under a content "
     f"partnership agreement.\n{BODY}\n{MORE}", "CamboJA News", "Global Voices"),
    (f"Title\n{BODY}\n{MORE}\nThis story is republished under a partnership with CamboJA News.",
     "CamboJA News", ""),
    (f"Title\n{BODY}\n{MORE}\nThis article is republished on Global Voices from Kiripost.",
     "Kiripost", ""),
    (f"Title\n{BODY}\n{MORE}\nRepublished with permission from the Lowy Institute's The "
     "Interpreter.", "Lowy Institute", ""),
    (f"Title\n{BODY}\n{MORE}\nThis piece first ran in Tonle Sap Review on 2 May 2024.",
     "Tonle Sap Review", ""),
    (f"Title\n{BODY}\n{MORE}\nPhoto courtesy of Xinhua", "", ""),
    (f"Forum\nQuote: Originally Posted by Sokha\n{BODY}\n{MORE}", "", ""),
    (f"Title\n{BODY}\nThe story was first published by a local paper, which later corrected the "
     f"figures it gave for the loan.\n{MORE}", "", ""),
    # agencies named as they style themselves
    (f"Title\nSEOUL, March 5 (Yonhap) -- {BODY}", "Yonhap News Agency", ""),
    (f"Title\nBy Kim Min-ji, Yonhap News\n{BODY}", "Yonhap News Agency", ""),
    (f"Title\nANKARA (AA) - {BODY}", "Anadolu Agency", ""),
    (f"Title\n{BODY}\n{MORE}\nhttps://www.aa.com.tr/en/asia-pacific/cambodia-china/3141592",
     "Anadolu Agency", ""),
    (f"Title\nJakarta (ANTARA) - {BODY}", "Antara News Agency", ""),
    (f"Thai PBS World\nTitle of the story\n5th March 2024\n{BODY}", "Thai PBS World", ""),
    (f"CNA\nLIVE: Cambodia votes in general election\n5 Mar 2024 10:32AM\n{BODY}\n"
     "Copyright© Mediacorp 2024. Mediacorp Pte Ltd. All rights reserved.",
     "Channel NewsAsia", ""),
    # nothing on the page tells which CNA: no outlet
    (f"CNA\nLIVE: Cambodia votes in general election\n5 Mar 2024 10:32AM\n{BODY}", "", ""),
    (f"Title\n{BODY}\n{MORE}\n-- VNA", "Vietnam News Agency", ""),
    # never from loose capitalised text, a place, an unknown lowercase or a non-outlet
    (f"Mekong Daily Herald\nTitle\n{BODY}", "", ""),
    (f"Title\nBy Jane Doe / Phnom Penh\n{BODY}", "", ""),
    (f"BANGKOK (ap) - {BODY}", "", ""),
    (f"BANGKOK (Update 2) - {BODY}", "", ""),
    (f"Title\nSource: interviews and official documents\n{BODY}", "", ""),
    (f"Title\nReporting by Prak Chan; Editing by Jane Doe\n{BODY}", "", ""),
    (f"Title\n{BODY}\n{MORE}\n(Xinhua/Li Ming)\nPhoto: AFP", "", ""),
    (f"Title\nFile photo: Reuters\n{BODY}", "", ""),
    (f"Title\n{BODY}\nThe ministry told Reuters on Monday that it would study the proposal "
     "and respond to the Xinhua report.", "", ""),
]


# Outlets of the region and credit shapes met on unseen pages; people, places and page chrome
# never taken for an outlet. (text, expected outlet)
OUTLET_CLASSES = [
    (f"Title\nBy Sok Dara, Southeast Asia Globe\n{BODY}", "Southeast Asia Globe"),
    (f"Title\n{BODY}\n{MORE}\nSource: Rasmei Kampuchea", "Rasmei Kampuchea"),
    (f"Title\nBy Kim Min-ji, Korea JoongAng Daily\n{BODY}", "Korea JoongAng Daily"),
    (f"Title\nHANOI (VNS) — {BODY}", "Vietnam News Agency"),
    (f"Title\nTOKYO, March 5 (Jiji Press) -- {BODY}", "Jiji Press"),
    (f"Title\nPHNOM PENH, March 5 (Kampuchea Thmey) – {BODY}", "Kampuchea Thmey"),
    (f"Title\nDAP News / March 5, 2024\n{BODY}", "DAP News"),
    (f"Title\nBy Sok Dara | Sabay News\n{BODY}", "Sabay News"),
    (f"Title\n{BODY}\n{MORE}\n© 2024 Malaysiakini. All rights reserved.", "Malaysiakini"),
    (f"Title\n{BODY}\n{MORE}\nCopyright 1998-2024, RFA. Used with the permission of Radio Free "
     "Asia, 2025 M St. NW, Suite 300, Washington DC 20036.", "Radio Free Asia"),
    (f"Title\n{BODY}\n{MORE}\n/ Xinhua", "Xinhua"),
    (f"Title\n{BODY}\n{MORE}\nSource: Agence Kampuchea Presse (AKP)", "Agence Kampuchea Presse"),
    (f"Title\n{BODY}\n{MORE}\nSource: Tonle Sap Times (TST)", "Tonle Sap Times"),
    (f"Title\nPhnom Penh, February 25, 2011 AKP – {BODY}", "Agence Kampuchea Presse"),
    (f"Title\nSEOUL, March 5 (Yonhap) -- {BODY}\n{MORE}\n(END)", "Yonhap News Agency"),
    # people, places, offices and page chrome in the same slots
    (f"Title\nBy Sok Dara / Hun Sen\n{BODY}", ""),
    (f"Title\nBy Sok Dara / Kampot Province\n{BODY}", ""),
    (f"Title\nBy Forbes Sokha\n{BODY}", ""),
    (f"Title\nBY LI XINHUA\n{BODY}", ""),  # a person named like an agency
    (f"Title\nBy Li Xinhua\n{BODY}", ""),
    (f"Title\nBy Li Ming XINHUA\n{BODY}", "Xinhua"),
    (f"Title\nSource: Li Xinhua\n{BODY}", ""),
    (f"Title\nSource: Samdech Hun Manet\n{BODY}", ""),
    (f"Title\nSource: Royal Government of Cambodia\n{BODY}", ""),
    (f"Title\n{BODY}\n{MORE}\n© 2024 | Privacy | Terms", ""),
    (f"Title\n{BODY}\n{MORE}\nCopyright 2024, Privacy Policy", ""),
    (f"Title\n{BODY}\nThe land was used with the permission of the Ministry of Interior, the "
     f"governor said on Monday.\n{MORE}", ""),
    (f"Title\n{BODY}\n{MORE}\n/ Photo: Chea Vanny", ""),
    (f"Title\n{BODY}\nThe report was published by the Lowy Institute.\n{MORE}", ""),
    # an unknown name from a strong form: a name of its own or a paper's "The", never a bare
    # word or a generic source
    (f"Title\nSource: Mekong Review\n{BODY}", "Mekong Review"),
    (f"Title\n(Kampot Daily News) 09:30, 4 July 2022\n{BODY}", "Kampot Daily News"),
    (f"NAIROBI, February 25 (The Standard) -- {BODY}", "The Standard"),
    (f"Title\nBy Sok Dara / Post\n{BODY}", ""),
    (f"Title\nSource: Online\n{BODY}", ""),
    (f"Title\nSource: Press release\n{BODY}", ""),
    (f"Title\nSource: Agencies\n{BODY}", ""),
    (f"Title\nSource: Local media\n{BODY}", ""),
    (f"Title\n(Sok Dara) 09:30, 4 July 2022\n{BODY}", ""),
    (f"PHNOM PENH, March 5 (Sok Dara) – {BODY}", ""),
    (f"Title\nSource: Phnom Penh\n{BODY}", ""),
    # a note about "this story" deep inside the text is about something the text discusses
    (f"Title\n{BODY}\n{MORE}\n{BODY}\n{MORE}\nThis story, he said, was first published by "
     f"Tonle Wire before the ministry denied it and asked for a correction.\n{BODY}\n{MORE}", ""),
]


@pytest.mark.parametrize(("text", "outlet"), OUTLET_CLASSES)
def test_outlet_classes_of_unseen_pages(text: str, outlet: str) -> None:
    assert infer_from_text(text).values.get("outlet", "") == outlet


@pytest.mark.parametrize(("name", "country", "kind"), [
    ("Xinhua", "China", ""),
    ("Khmer Times", "Cambodia", ""),
    ("Rasmei Kampuchea", "Cambodia", ""),
    ("Radio Free Asia", "United States", ""),
    ("KI Media", "Cambodia", "aggregator"),
    ("Reddit", "United States", "forum"),
])
def test_the_outlets_table_gives_country_and_kind(name: str, country: str, kind: str) -> None:
    from helpers import config
    from helpers.corpus.lexicons import read_lexicon

    table = read_lexicon(config.OUTLETS_FILE).set_index("outlet")
    assert (table.at[name, "country"], table.at[name, "kind"]) == (country, kind)
    assert table["country"].str.len().gt(0).all()
    assert set(table["kind"]) <= {"", "aggregator", "forum"}


@pytest.mark.parametrize(("text", "outlet", "published_by"), OUTLETS)
def test_outlets_are_the_credited_source_and_the_site_kept_apart(
        text: str, outlet: str, published_by: str) -> None:
    found = infer_from_text(text)
    assert found.values.get("outlet", "") == outlet
    assert found.values.get("published_by", "") == published_by
    if outlet:
        assert found.sources["outlet"].startswith("text: ")


@pytest.mark.parametrize(("site_name", "text_credit", "outlet", "published_by"), [
    ("South China Morning Post", "PHNOM PENH (AP) —", "Associated Press",
     "South China Morning Post"),
    ("Radio Free Asia", "", "Radio Free Asia", ""),
    ("The Interpreter", "", "Lowy Institute", ""),
    ("Mekong Watcher", "", "", ""),
    ("Mekong Watcher", "PHNOM PENH (Reuters) -", "Reuters", "Mekong Watcher"),
])
def test_a_saved_pages_site_name(site_name: str, text_credit: str, outlet: str,
                                 published_by: str) -> None:
    found = infer_from_text(f"Title\n{text_credit} {BODY}".replace("\n ", "\n"),
                            page=PageFacts(site_name=site_name))
    assert found.values.get("outlet", "") == outlet
    assert found.values.get("published_by", "") == published_by


@pytest.mark.parametrize(("file_name", "credit", "outlet", "published_by"), [
    ("Cambodia's China bet - Asia Times.txt", "", "Asia Times", ""),
    ("Cambodia's China bet | Asia Times.html", "", "Asia Times", ""),
    ("Asia Times - Cambodia's China bet.txt", "", "Asia Times", ""),
    ("asiatimes.com_2021_03_cambodia.txt", "", "Asia Times", ""),
    ("Cambodia's China bet - Asia Times.txt", "PHNOM PENH (AP) —", "Associated Press",
     "Asia Times"),
    ("cambodia_daily_briefing.txt", "", "", ""),
    ("notes on reuters coverage.txt", "", "", ""),
    ("page (3).txt", "", "", ""),
])
def test_a_site_named_by_the_file_name(file_name: str, credit: str, outlet: str,
                                       published_by: str) -> None:
    found = infer_from_text(f"Title\n{credit} {BODY}\n{MORE}".replace("\n ", "\n"),
                            file_name=file_name)
    assert found.values.get("outlet", "") == outlet
    assert found.values.get("published_by", "") == published_by
    if outlet and not credit:
        assert found.sources["outlet"] == "file name"


@pytest.mark.parametrize(("name", "expected"), [
    ("Yonhap", "Yonhap News Agency"),
    ("Yonhap News", "Yonhap News Agency"),
    ("aa.com.tr", "Anadolu Agency"),
    ("Anadolu", "Anadolu Agency"),
    ("CNA", "ambiguous:cna"),  # Channel NewsAsia or Taiwan's Central News Agency: the page says
    ("Channel News Asia", "Channel NewsAsia"),
    ("Thai PBS", "Thai PBS World"),
    ("ANTARA", "Antara News Agency"),
    ("Kyodo News Agency", "Kyodo News"),
    ("https://globalvoices.org/2023/03/22/story/", "Global Voices"),
    ("Radio Free Asia", "Radio Free Asia"),
    ("RFA", "Radio Free Asia"),
    ("https://www.rfa.org/english/news/cambodia/", "Radio Free Asia"),
    ("Phnom Penh Post", "The Phnom Penh Post"),
    ("THE PHNOM PENH POST", "The Phnom Penh Post"),
    ("People’s Daily", "People's Daily"),
    ("kh.china-embassy.gov.cn", "Embassy of the People's Republic of China in Cambodia"),
    ("AP", "Associated Press"),
    ("ap", ""),
    ("Kt", ""),
    ("Mekong Watcher", ""),
])
def test_known_outlets_and_their_aliases(name: str, expected: str) -> None:
    assert known_outlet(name) == expected
    assert canonical_outlet(name) == (expected or " ".join(name.split()))


@pytest.mark.parametrize(("text", "day_first", "expected"), [
    ("3/4/2024", True, "2024-04-03"),
    ("3/4/2024", False, None),
    ("13/4/2024", False, "2024-04-13"),
    ("Updated 2023.12.15", False, "2023-12-15"),
    ("12-Mar-2024", False, "2024-03-12"),
    ("Apr 03 2024", False, "2024-04-03"),
    ("20 Jan, 2023", False, "2023-01-20"),
    ("31 June 2024", False, None),
    ("2024年3月5日", False, "2024-03-05"),
    ("2024년 3월 5일", False, "2024-03-05"),
    ("3月5日", False, None),
    ("2024年13月5日", False, None),
])
def test_parse_date_forms(text: str, day_first: bool, expected: str | None) -> None:
    parsed = parse_date(text, day_first=day_first)
    assert (parsed.strftime("%Y-%m-%d") if parsed is not None else None) == expected


def test_metadata_lines_are_only_stamps_and_credits() -> None:
    text = (f"Title\nBy Jane Doe | March 3, 2024\nSource: Xinhua\nPHNOM PENH, March 3 (Xinhua) -- "
            f"{BODY}\n{MORE}\n— Xinhua")
    found = infer_from_text(text)
    assert set(found.metadata_lines) == {1, 2, 5}
    assert found.dateline_prefixes == {3: len("PHNOM PENH, March 3 (Xinhua) --")}
    assert found.values["author"] == "Jane Doe"
    assert found.values["place"] == "Phnom Penh"


def test_a_publication_named_inside_the_text_is_no_credit() -> None:
    text = (f"Title\n{BODY}\nThe findings, first published in Science Weekly Review last year, "
            f"were disputed by officials in the capital.\n{MORE}")
    assert "outlet" not in infer_from_text(text).values


def test_documents_table_keeps_outlet_and_site_apart_and_metadata_csv_wins(tmp_path) -> None:
    from helpers.corpus.load import load_corpus

    repost = (f"Mekong Notes\nMonday, August 27, 2018\nAid comes with no strings, says PM\n"
              f"{BODY}\n{MORE}\nSource: RFA\nPosted by Mekong Notes at 9:02 AM\nNo comments:\n")
    wire = f"Title\nPublished: 2 May 2024\nPHNOM PENH, 19 April 2024 (AKP) – {BODY}\n{MORE}\n"
    (tmp_path / "repost.txt").write_text(repost, encoding="utf-8")
    (tmp_path / "wire.txt").write_text(wire, encoding="utf-8")
    (tmp_path / "given.txt").write_text(wire, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        "file,date,outlet,published_by\nrepost.txt,,,\nwire.txt,,,\n"
        "given.txt,2024-04-20,Khmer Times,Khmer Times\n", encoding="utf-8")
    corpus = load_corpus(tmp_path, cache_dir=None, workers=1)
    docs = corpus.documents.set_index("file")
    assert docs.at["repost.txt", "outlet"] == "Radio Free Asia"
    assert docs.at["repost.txt", "published_by"] == "Mekong Notes"
    assert docs.at["repost.txt", "published_by_source"].startswith("text: masthead")
    assert pd.isna(docs.at["repost.txt", "date"])
    assert docs.at["repost.txt", "date_candidates"] == "repost stamp:2018-08-27"
    # the dateline and the publication line disagree by 13 days: no guess, both listed
    assert pd.isna(docs.at["wire.txt", "date"])
    assert docs.at["wire.txt", "date_candidates"] == ("publication line:2024-05-02; "
                                                      "dateline:2024-04-19")
    assert docs.at["given.txt", "date_source"] == "metadata.csv"
    assert docs.at["given.txt", "published_by_source"] == "metadata.csv"
    assert docs.at["given.txt", "date_candidates"] == ("publication line:2024-05-02; "
                                                       "dateline:2024-04-19")
    disagree = corpus.problems[corpus.problems["message"].str.startswith("dates disagree")]
    assert set(disagree["file"]) == {"wire.txt", "given.txt"}
    assert (disagree["severity"] == "warning").all()


# --- A saved page's date shown only in its visible blocks -------------------------------------

def saved_page(header: str = "", after: str = "") -> str:
    """A saved page whose headline is followed by ``header`` blocks and its text by ``after``."""
    return ("<!DOCTYPE html><html><head><title>Talks end | River Post</title></head><body>"
            "<nav>Home | Asia | World</nav><article><h1>Talks end with a new trade pact</h1>"
            f"{header}<div class='entry-content'><p>{BODY}</p><p>{MORE}</p></div>{after}"
            "</article><footer><p>About | Contact | Privacy</p></footer></body></html>")


@pytest.mark.parametrize(("html", "expected"), [
    (saved_page("<div class='author'>Sok Dara</div><div class='date'>18 Nov 2021</div>"),
     "2021-11-18"),
    (saved_page("<div class='byline'>By Staff</div><div class='dates'>2023.12.14</div>"
                "<div class='dates'>Updated 2023.12.15</div>"), "2023-12-14"),
    (saved_page(after="<p class='dateline'>Phnom Penh, 21 April 2024</p>"), "2024-04-21"),
    (saved_page("<p class='meta'><span>By Jane Doe</span> | <span>March 3, 2024</span></p>"),
     "2024-03-03"),
    (saved_page("<header><time>June 2, 2019</time></header>"), "2019-06-02"),
    (saved_page("<div class='meta'>Published: 2024.05.07 10:12</div>"), "2024-05-07"),
    # never the publication date: an updated stamp, dates of related stories after the text
    (saved_page("<div class='dates'>Updated 2023.12.15</div>"), None),
    (saved_page(after="<aside><h3>Related</h3><ul><li>Port opens | 2 March 2020</li>"
                      "<li>Loan signed | 9 May 2021</li></ul></aside>"), None),
])
def test_a_saved_pages_visible_date_is_read_but_never_analysed(tmp_path, html: str,
                                                                expected: str | None) -> None:
    from helpers.corpus.pipeline import analyse_document

    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    result = analyse_document(path, "page.html", max_bytes=100_000)
    day = result.document["inferred"].get("date")
    assert (day[:10] if day else None) == expected
    clean = result.document["clean_text"]
    assert clean.split("\n")[0] == BODY
    assert not any(word in clean for word in ("Updated", "Related", "Home", "About |", "Sok Dara"))


# One outlet's names as pages write them: dash kinds and spacing, long official forms, edition
# suffixes, and credits' words after the name.
@pytest.mark.parametrize(("name", "expected"), [
    ("ISEAS-Yusof Ishak Institute", "ISEAS – Yusof Ishak Institute"),
    ("ISEAS — Yusof Ishak Institute", "ISEAS – Yusof Ishak Institute"),
    ("ISEAS -Yusof Ishak Institute", "ISEAS – Yusof Ishak Institute"),
    ("Agence France Presse", "Agence France-Presse"),
    ("Agence France – Presse", "Agence France-Presse"),
    ("Ministry of Foreign Affairs of the People’s Republic of China",
     "Ministry of Foreign Affairs of the People's Republic of China"),
    ("Ministry of Foreign Affairs, the People's Republic of China",
     "Ministry of Foreign Affairs of the People's Republic of China"),
    ("Ministry of Foreign Affairs of the PRC",
     "Ministry of Foreign Affairs of the People's Republic of China"),
    ("Ministry of Foreign Affairs of People's Republic of China",
     "Ministry of Foreign Affairs of the People's Republic of China"),
    ("Chinese Ministry of Foreign Affairs",
     "Ministry of Foreign Affairs of the People's Republic of China"),
    ("Embassy of China in the Kingdom of Cambodia",
     "Embassy of the People's Republic of China in Cambodia"),
    ("Ministry of Foreign Affairs of the Republic of Korea", ""),
    ("VnExpress International", "VnExpress"),
    ("Bangkok Post Online", "Bangkok Post"),
    ("Al Jazeera and news agencies", "Al Jazeera"),
    ("Al Jazeera and agencies", "Al Jazeera"),
    ("Khmer Times with wires", "Khmer Times"),
    ("PTI with agency inputs", "Press Trust of India"),
    ("Khmer Times/ANN", "Khmer Times"),
    ("The Straits Times / ANN", "The Straits Times"),
    ("CNA/ag", "ambiguous:cna"),
    ("Channel NewsAsia/kg", "Channel NewsAsia"),
    ("Khmer Times (with AFP)", "Khmer Times"),
    ("Reuters/Bernama", "Reuters"),
    ("VNA/VNS", "Vietnam News Agency"),
    ("Xinhua/Li Ming", ""),
    ("AFP/Getty Images", ""),
    ("Reuters, with additional reporting", "Reuters"),
    # look-alikes: a suffix on a name that is no outlet, an office, a person
    ("Sok Dara and agencies", ""),
    ("Ministry of Foreign Affairs", ""),
    ("Phnom Penh International", ""),
    ("Amnesty International", ""),
    ("Hun Manet (with Xi)", ""),
])
def test_one_outlets_name_variants_are_merged(name: str, expected: str) -> None:
    assert known_outlet(name) == expected


# Credits and ambiguous aliases on whole pages (round 2 classes).
@pytest.mark.parametrize(("text", "file_name", "outlet", "published_by"), [
    (f"Ports deal signed\n\nBy Jane Doe, Al Jazeera and news agencies\n\n{BODY}", "",
     "Al Jazeera", ""),
    (f"Ports deal signed\n\nAl Jazeera and news agencies\n\n{BODY}", "", "Al Jazeera", ""),
    (f"Ports deal signed\n\nSource: Khmer Times/ANN\n\n{BODY}", "", "Khmer Times", ""),
    (f"Ports deal signed\n\nSource: VnExpress International\n\n{BODY}", "", "VnExpress", ""),
    # a wire's credit fused to the last sentence beats the site the file name shows
    (f"Ports deal signed\n\n{BODY}\n{MORE}- Bernama", "thestar.com.my_ports.txt", "Bernama",
     "The Star (Malaysia)"),
    (f"Ports deal signed\n\n{BODY}\n{MORE} - Bernama", "", "Bernama", ""),
    (f"Ports deal signed\n\n{BODY}\n{MORE} -Xinhua", "", "Xinhua", ""),
    (f"Ports deal signed\n\n{BODY}\n{MORE}\" - AFP", "", "Agence France-Presse", ""),
    # look-alikes: a hyphenated word or a name after a dash inside a sentence
    (f"Ports deal signed\n\n{BODY}\n{MORE} The route runs Phnom Penh-Bangkok", "", "", ""),
    (f"Ports deal signed\n\n{BODY}\nHe said the plan, which officials in both capitals have "
     "discussed since the spring, was the best option - Reuters", "", "", ""),
    # CNA: the Taiwanese agency from Taipei, Singapore's CNA from its site or copyright
    (f"Ports deal signed\n\nTAIPEI, March 12 (CNA) -- {BODY}", "", "Focus Taiwan", ""),
    (f"Ports deal signed\n\nSource: CNA\n\n{BODY}", "Ports deal - Focus Taiwan.txt",
     "Focus Taiwan", ""),
    (f"Ports deal signed\n\nSource: CNA\n\n{BODY}", "channelnewsasia.com_ports.txt",
     "Channel NewsAsia", ""),
    (f"Ports deal signed\n\n{BODY}\nSource: CNA/ag", "", "", ""),
    (f"Ports deal signed\n\nPHNOM PENH, March 12 (CNA) -- {BODY}", "", "", ""),
    (f"Focus Taiwan App\nFocus Taiwan中央通訊社\nSearch\nHeadline news\n\nParis, Sept. 23 (CNA) "
     f"{BODY}\nEnditem/ls", "", "Focus Taiwan", ""),
    (f"Headline news\n\nParis, Sept. 23 (CNA) {BODY}\nEnditem/ls", "", "", ""),
    # "The Nation" (Bangkok or Lahore), "The Star" (Kuala Lumpur or Nairobi)
    (f"Ports deal signed\n\nBANGKOK, March 12 (The Nation) -- {BODY}", "",
     "The Nation (Thailand)", ""),
    (f"Ports deal signed\n\nSource: The Nation\n\n{BODY}", "", "", ""),
    (f"Ports deal signed\n\nKUALA LUMPUR, March 12 -- {BODY}\nSource: The Star/ANN", "",
     "The Star (Malaysia)", ""),
    (f"Ports deal signed\n\nSource: The Star/ANN\n\n{BODY}", "", "", ""),
])
def test_credit_suffixes_wire_credits_and_ambiguous_aliases(
        text: str, file_name: str, outlet: str, published_by: str) -> None:
    found = infer_from_text(text, file_name=file_name)
    assert found.values.get("outlet", "") == outlet
    assert found.values.get("published_by", "") == published_by


# Round 2 date classes: print-edition stamps with a page number, numeric stamps in Korean and
# bracketed forms, "Mar.12,2024"; look-alikes stay undated.
@pytest.mark.parametrize(("stamp", "expected"), [
    ("Sat, Aug 20, 2022 - Page 8", "2022-08-20"),
    ("Sat, Aug 20, 2022 - Page A8", "2022-08-20"),
    ("Thursday, March 5, 2024, p. 3", "2024-03-05"),
    ("Page 8 | Sat, Aug 20, 2022", "2022-08-20"),
    ("Mon, Mar 04, 2024 page2", "2024-03-04"),
    ("Posted on : Mar.12,2024 17:05 KST", "2024-03-12"),
    ("Mar.12,2024 17:05 KST", "2024-03-12"),
    ("2024. 3. 12", "2024-03-12"),
    ("[2024.03.12]", "2024-03-12"),
    ("(2024/03/12 10:00 KST)", "2024-03-12"),
    ("Input 2024.03.12 14:30", "2024-03-12"),
    # the date of something else, or no date
    ("Print edition: March 6, 2024", None),
    ("Updated : 2024.03.12 14:30", None),
    ("Page 8", None),
    ("2024. 3 people were hurt", None),
])
def test_print_page_and_numeric_stamps_under_the_headline(stamp: str, expected: str | None
                                                          ) -> None:
    found = infer_from_text(f"Ports deal signed\n{stamp}\n{BODY}\n{MORE}")
    day = found.values.get("date")
    assert (day.strftime("%Y-%m-%d") if day is not None else None) == expected


# A saved page's metadata in UTC a day from the stamp the page shows in local time.
@pytest.mark.parametrize(("stamp", "meta", "written", "expected"), [
    ("Posted Mon 7 Apr 2025 at 4:13am", "2025-04-06", "2025-04-06T18:13:00Z", "2025-04-07"),
    ("Posted Mon 7 Apr 2025 at 4:13am", "2025-04-06", "2025-04-06T18:13:00+00:00", "2025-04-07"),
    ("April 6, 2025 8:30 PM EDT", "2025-04-07", "2025-04-07T00:30:00.000Z", "2025-04-06"),
    ("7 April 2025", "2025-04-06", "2025-04-06T23:30:00+07:00", "2025-04-07"),
    # the metadata stands: its UTC time cannot reach the next day, it has no time or no offset,
    # the page shows only an update, or the days are further apart
    ("Posted Mon 7 Apr 2025 at 4:13am", "2025-04-06", "2025-04-06T03:13:00Z", "2025-04-06"),
    ("Posted Mon 7 Apr 2025 at 4:13am", "2025-04-06", "2025-04-06", "2025-04-06"),
    ("Posted Mon 7 Apr 2025 at 4:13am", "2025-04-06", "2025-04-06T18:13:00", "2025-04-06"),
    ("Updated 7 Apr 2025", "2025-04-06", "2025-04-06T18:13:00Z", "2025-04-06"),
    ("Posted Mon 7 Apr 2025 at 4:13am", "2025-04-05", "2025-04-05T18:13:00Z", "2025-04-05"),
])
def test_the_visible_local_day_over_a_utc_metadata_day(stamp: str, meta: str, written: str,
                                                        expected: str) -> None:
    page = PageFacts(date=meta, date_stamp=written, date_source="html: meta article:published_time")
    found = infer_from_text(f"Ports deal signed\n{stamp}\n{BODY}\n{MORE}", page=page)
    assert found.values["date"].strftime("%Y-%m-%d") == expected


# A broadcaster's saved page (by its address), a post by an embassy's account.
@pytest.mark.parametrize(("text", "page", "outlet"), [
    (f"Ports deal signed\nPosted Mon 7 Apr 2025 at 4:13am\n{BODY}",
     PageFacts(site_name="ABC News", url="https://www.abc.net.au/news/2025-04-07/ports/1051"),
     "ABC Australia"),
    (f"Ports deal signed\nBy Jane Doe\n{BODY}",
     PageFacts(site_name="ABC News", url="https://abcnews.go.com/International/story?id=1"),
     "ABC News (United States)"),
    (f"Ports deal signed\nSYDNEY, March 12 (ABC) -- {BODY}", None, "ABC Australia"),
    (f"Ports deal signed\nBy Jane Doe\n{BODY}", PageFacts(site_name="ABC News"), ""),
    (f"Ports deal signed\nBy Jane Doe\n{BODY}",
     PageFacts(site_name="Focus Taiwan - CNA English News"), "Focus Taiwan"),
    (f"Ports deal signed\nBy Jane Doe\n{BODY}",
     PageFacts(site_name="VnExpress International – Latest news, business, travel and analysis"),
     "VnExpress"),
    (f"Chinese Embassy in Cambodia @ChinaEmbCambodia · Apr 3\n{BODY}", None,
     "Embassy of the People's Republic of China in Cambodia"),
    (f"Chinese Embassy in Cambodia ✔\nApril 3 at 10:15 AM ·\n{BODY}",
     PageFacts(site_name="Facebook"), "Embassy of the People's Republic of China in Cambodia"),
    (f"Chinese Embassy in Cambodia 中国驻柬埔寨大使馆\nApril 3, 2024\n{BODY}", None,
     "Embassy of the People's Republic of China in Cambodia"),
    # look-alikes: the embassy named in a line of the text, a person's account
    (f"Ports deal signed\n{BODY}\nStaff at the Chinese Embassy in Cambodia @ the event", None,
     ""),
    (f"Sok Dara @sokdara · Apr 3\n{BODY}", None, ""),
])
def test_a_broadcasters_page_and_an_accounts_post_name_their_outlet(
        text: str, page: PageFacts | None, outlet: str) -> None:
    assert infer_from_text(text, page=page).values.get("outlet", "") == outlet


# A year-less agency dateline takes its year from the agency's stamp, in the forms agencies
# print it: bracketed, dotted, with a zone, under the headline or right under the last paragraph.
@pytest.mark.parametrize(("above", "below", "expected"), [
    ("【2024.03.12】", "", "2024-03-12"),
    ("Release time：2024-03-12 15:33:24", "", "2024-03-12"),
    ("[Xinhua 2024-03-12 15:33]", "", "2024-03-12"),
    ("", "[2024.03.12]", "2024-03-12"),
    ("", "(END)\n2024/03/12 14:30 KST", "2024-03-12"),
    ("", "/End/\n[2024-03-12 14:30]", "2024-03-12"),
    ("", "(Editor: Li Ming)\n2024.03.12", "2024-03-12"),
    # not the agency's: a related story's date over its headline, a date in the comments, a
    # date after another paragraph of notes
    ("", "2019.03.12\nCambodia opens new airport to flights from China", None),
    ("", "Comments\n2019.03.12", None),
    ("", "Related stories and more from the region today\n2019.03.12", None),
])
def test_an_agency_dateline_takes_the_year_of_its_stamp(above: str, below: str,
                                                         expected: str | None) -> None:
    found = infer_from_text(f"Ports deal signed\n{above}\nPHNOM PENH, March 12 (Xinhua) -- "
                            f"{BODY}\n{MORE}\n{below}\n")
    day = found.values.get("date")
    assert (day.strftime("%Y-%m-%d") if day is not None else None) == expected


def test_a_broadcasters_saved_page_gives_its_local_day_and_its_outlet(tmp_path) -> None:
    from helpers.corpus.pipeline import analyse_document

    html = ("<!DOCTYPE html><html><head><title>Talks end - ABC News</title>"
            '<meta property="og:site_name" content="ABC News">'
            '<link rel="canonical" href="https://www.abc.net.au/news/2025-04-07/talks-end/105">'
            '<meta property="article:published_time" content="2025-04-06T18:13:00Z"></head><body>'
            "<nav>Home | Asia | World</nav><article><h1>Talks end with a new trade pact</h1>"
            "<div class='byline'>By Jane Doe</div>"
            "<div class='date'>Posted Mon 7 Apr 2025 at 4:13am</div>"
            f"<div class='entry-content'><p>{BODY}</p><p>{MORE}</p></div>"
            "</article><footer><p>About | Contact | Privacy</p></footer></body></html>")
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    inferred = analyse_document(path, "page.html", max_bytes=100_000).document["inferred"]
    assert inferred["date"][:10] == "2025-04-07"
    assert inferred["outlet"] == "ABC Australia"
