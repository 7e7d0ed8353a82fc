"""Cleaning: debris lines go, article sentences stay, on tables of real-world page lines."""

from __future__ import annotations

import pytest

from helpers.corpus.cleaning import (
    clean_article,
    debris_reason,
    debris_rule,
    is_article_sentence,
    is_page_furniture,
    is_title_candidate,
    load_debris_rules,
    metadata_line_reason,
    page_title_headline,
    reads_as_prose,
    required_text,
    script_of,
    words_in_piece,
)
from helpers.corpus.segment import count_words

DEBRIS = [
    ("top of page", "page furniture"),
    ("bottom of page", "page furniture"),
    ("Ancre 1", "page furniture"),
    ("Skip to main content", "page furniture"),
    ("Video PlayerClose", "media player"),
    ("ADVERTISEMENT", "advertising"),
    ("  • Instagram", "social network"),
    ("  • Facebook Social Icône", "social network"),
    ("Twitter | Facebook | WhatsApp | Email", "social network"),
    ("Follow us", "social network"),
    ("Follow us on Telegram!", "social network"),
    ("Share this article", "social network"),
    ("Merci pour votre envoi !", "newsletter prompt"),
    ("Subscribe to our newsletter for the latest news", "newsletter prompt"),
    ("Inscrivez-vous à notre newsletter", "newsletter prompt"),
    ("Most Popular", "navigation"),
    ("Related Articles", "navigation"),
    ("READ MORE: Hun Manet meets Xi in Beijing", "navigation"),
    ("Mots-clés :", "navigation"),
    ("Tags:", "navigation"),
    ("HomeNewsDiplomatic NewsChina-Cambodian bilateral dialogue enhances relations", "breadcrumb"),
    ("Home > World > Asia", "breadcrumb"),
    ("© 2024 Khmer Times. All rights reserved.", "copyright"),
    ("Photo: Xinhua", "image caption"),
    ("We use cookies to improve your experience. Accept all", "cookie notice"),
    ("(Reporting by Prak Chan Thul; Editing by Ed Davies)", "wire credits"),
    ("https://www.example.com/news/123", "link"),
    ("* * *", "no words"),
    # comment forms
    ("Your email address will not be published. Required fields are marked *", "comment form"),
    ("Leave a Reply", "comment form"),
    ("Post a Comment Newer Post Older Post Home", "comment form"),
    ("Required fields are marked with an asterisk and your details stay private", "comment form"),
    ("Posted by River Notes at 7:15 PM", "blog footer"),
    # promotions and newsletters
    ("Get our morning briefing delivered to your inbox", "promotion"),
    ("Follow the River Post on its WhatsApp channel for the latest news", "promotion"),
    ("Download now!", "promotion"),
    ("Sign up for our weekly Mekong digest", "newsletter prompt"),
    # cookie notices
    ("This website uses cookies so that we can offer you the best reading experience.",
     "cookie notice"),
    ("We use cookies. By continuing to browse the site you agree to our policy.",
     "cookie notice"),
    # share and social rows
    ("Share | Tweet | Pin", "social network"),
    ("Print Email Comment", "social network"),
    ("Delta Herald | Follow us on Facebook and Telegram", "social network"),
    # standalone timestamps
    ("3 hours ago", "timestamp"),
    ("10:45 AM", "timestamp"),
    ("Updated 12:00 GMT", "timestamp"),
    ("Wednesday, 14 February 2018", "timestamp"),
    ("Posted on March 2, 2022 by editor", "timestamp"),
    ("2023-08-01 09:30", "timestamp"),
    # photo captions and credits
    ("IMG_2034.jpg", "image file"),
    ("river_bank-2019.PNG", "image file"),
    ("(Xinhua/Li Ming)", "image caption"),
    ("Photo: AFP", "image caption"),
    ("Photo by Sok Dara", "image caption"),
    ("File photo", "image caption"),
    ("Farmers load rice onto a barge in Kampong Cham, May 2, 2020. (Photo by Chea Vannak/Agency)",
     "image caption"),
    ("A delegate poses for a photo at the forum venue. Picture: Lina Tan, Wire Service",
     "image caption"),
    ("Ministers walk to the signing ceremony in the capital, June 4, 2021. /CNTV", "image caption"),
    ("The governor speaks to villagers near the dam, Aug. 3, 2019. AP photo.", "image caption"),
    # menus, language menus, section labels, banners, adverts
    ("Home | Politics | Business | Opinion | Sport", "menu"),
    ("中文 | English | Français", "language menu"),
    ("ខ្មែរ | English", "language menu"),
    ("World News", "section label"),
    ("ASIA PACIFIC", "section label"),
    ("Breaking: Floods close the national road to Kampot", "breaking-news banner"),
    ("ADVERTISEMENT", "advertising"),
    ("Advertisement — Sea-view apartments from $95,000, visit our showroom", "advertising"),
    ("Cheap Cloud VPS in Singapore – 40% Off All Plans", "hosting advert"),
    ("Reliable web hosting from $2.49/mo with free domain", "hosting advert"),
    ("Reading Time: 5 mins", "page furniture"),
    ("About Us Contact Us Privacy", "footer links"),
    ("More Stories: Port volumes grow | Election body names new chief", "navigation"),
    ("« Previous Post | Next Post »", "navigation"),
    ("Follow Us | Share | Listen to This Article", "menu"),
    # forum chrome
    ("Senior Member", "forum chrome"),
    ("Posts: 2,341", "forum chrome"),
    ("Joined: Tue Mar 04, 2014 6:20 pm", "forum chrome"),
    ("Re: Bridge over the Mekong finished?", "forum chrome"),
    ("Create an account or sign in to comment", "comment form"),
    ("Log in to reply", "comment form"),
    # contact footers, print buttons, page-top links
    ("Address: No. 12 Norodom Blvd, Phnom Penh | Tel: +855 23 123 456", "contact footer"),
    ("Tel.: (023) 880 880 | Fax: (023) 880 881", "contact footer"),
    ("Newsroom hotline +855 12 345 678", "contact footer"),
    ("E-mail: desk@example.org", "contact footer"),
    ("【Print】 【Close】", "page furniture"),
    ("[ Print ] [ Close window ]", "page furniture"),
    ("↑ Back to top", "page furniture"),
    ("Return to the top ▲", "page furniture"),
    # blog and syndication furniture, credits, copyright stamps, labels
    ("Posted in: ASIA-PACIFIC", "blog footer"),
    ("Posted in Cambodia, Trade | Tagged rice", "blog footer"),
    ("View original content to download multimedia: https://www.example.com/release",
     "syndication notice"),
    ("Staff writer Lina Tan in Bangkok contributed to this report.", "wire credits"),
    ("Additional reporting by Sok Dara", "wire credits"),
    ("River Daily Khmer © 2016", "copyright"),
    ("Copyright 1995 - 2019. All rights reserved. The content published in this site belongs to "
     "the River Daily and may not be used without its written authorisation, whether for "
     "commercial or other purposes.", "copyright"),
    # legal and CMS footers: copyright lines in any form, even when long; site and theme
    # credits, licensing links, market-data and terms-of-use notices
    ("© Example Wire. All rights reserved. No reproduction or republication without written "
     "permission.", "copyright"),
    ("Copyright Example Wire. All rights reserved.", "copyright"),
    ("(c) 2024 Example Media Group Ltd", "copyright"),
    ("Copyright © 2025 The Example Post", "copyright"),
    ("Example Daily News. All Rights Reserved. Reproduction in whole or in part of any article "
     "or photograph on this website is forbidden.", "copyright"),
    ("The material herein, unless otherwise noted to be in the public domain, belongs to the "
     "publisher and its partners in every edition.", "terms of use"),
    ("All sites are published in Singapore and are subject exclusively to Singapore law.",
     "terms of use"),
    ("Use of this website constitutes acceptance of our User Agreement.", "terms of use"),
    ("Proudly powered by WordPress | Theme: Coastline by ExampleThemes.", "site footer"),
    ("Powered by Blogger", "site footer"),
    ("© Phnom Example 2024 | Theme by Demo Studio", "copyright"),
    ("Theme: Daybreak News by Sample Works", "site footer"),
    ("Site designed by Mekong Web Studio", "site footer"),
    ("Designed & Developed by Sample Digital", "site footer"),
    ("Example Daily 2024 | Design and development by Demo Co", "site footer"),
    ("Example Media Inc. No reproduction without permission.", "reproduction notice"),
    ("This material may not be published, broadcast, rewritten or redistributed without "
     "permission.", "reproduction notice"),
    ("Purchase Licensing Rights, opens new tab", "licensing link"),
    ("Reprints & Permissions", "licensing link"),
    ("Market data are delayed by at least 20 minutes.", "market data notice"),
    ("Stock quotes delayed up to 15 min. Sources: exchanges listed on our data page.",
     "market data notice"),
    ("See here for a full list of exchanges and delays.", "market data notice"),
    ("No republication or redistribution without prior written permission.",
     "reproduction notice"),
    ("In Brief", "section label"),
    ("EXECUTIVE SUMMARY", "section label"),
    ("Key points:", "section label"),
]

ARTICLE_LINES = [
    "Cambodia reaffirmed its unwavering support for China on the issue of Taiwan.",
    "Follow-up talks on the Funan Techo canal are planned for next month, the ministry said.",
    "The two sides agreed to share more photos and data from the joint survey of the Mekong.",
    "Readers of the Phnom Penh Post may recall that the agreement was first signed in 2019.",
    "Officials said the home ministry would lead the anti-scam campaign.",
    "China will continue to support Cambodia's development, Wang said.",
    "The newsletter of the embassy, published monthly since 2010, praised the new road and "
    "described in detail the financing terms agreed by both governments last year.",
    # prose that looks like debris: kept by the prose guard
    "Photo albums of the 1970s were shown to the visiting delegation, which thanked the "
    "archive staff for their work.",
    "Photos: the ministry said on Tuesday that it had released images of the new terminal to "
    "the press.",
    "The spokesman did not reply to questions about the loan, and the embassy said it would "
    "comment later in the week.",
    "Several readers asked to subscribe to the ministry's bulletin after the minister said it "
    "would be published in Khmer and English.",
    "Updated figures released on Monday showed that exports to China rose by 12 percent in the "
    "first quarter of the year.",
    "Share prices of the developer fell sharply after the government said the project would be "
    "reviewed by a committee.",
    "Related talks between the two navies are planned for next year, officials in both "
    "capitals said on Friday.",
    "Breaking with tradition, the prime minister travelled to Beijing before visiting any "
    "neighbouring capital, aides said.",
    "He said the company offered 40% off the first year of service to attract customers in "
    "the provinces.",
    "The copyright law passed in 2003 was amended last year to cover online news, officials "
    "said.",
    "Several agencies contributed to this report, which the ministry published in March.",
    "Residents can call the hotline at +855 23 720 920 to report abuse, the ministry said in "
    "a statement on Monday.",
    "Posted in the province since 2019, the envoy has overseen the new school and the clinic.",
    # look-alikes of copyright, site, licensing, market-data and terms-of-use footers
    "Copyright law was amended in 2023, officials said.",
    "(c) The government shall inform the other party of any change within thirty days of the "
    "request.",
    "Copyright Office officials said on Monday they would review the registration of the works.",
    "The prime minister said villagers had all rights reserved under the 2001 land law.",
    "The company is subject to Cambodian law and its accounts are published in the gazette, "
    "the minister said.",
    "Unless otherwise agreed, the loan is subject to Chinese law, the contract says.",
    "Trading was delayed by 15 minutes after a power outage at the exchange, officials said.",
    "Quotes from the minister were delayed for hours by the censors, the reporters said.",
    "The museum said no reproduction of the relics would be allowed without permission.",
    "Powered by Chinese loans, the port has grown quickly since 2018.",
    "The theme of the forum was connectivity, organisers said.",
    "Theme: Belt and Road at ten",
    "The site, designed by Chinese engineers, opened on Monday, the ministry said.",
    "The firm will purchase licensing rights for the vaccine from a Chinese maker, he said.",
    "Designed and developed by Chinese engineers, the satellite was launched from Hainan on "
    "Monday.",
    "The court ruled that the material may not be published until the trial ends, lawyers said.",
]

PROSE = [
    ("Cambodia and China signed agreements on trade and health on Monday.",
     False),  # eleven words: too short to be protected
    ("Officials said the two governments had agreed to expand cooperation in agriculture, "
     "tourism and infrastructure this year.", True),
    ("Cheap Cloud VPS In Singapore With Forty Percent Off All Plans For New Customers Today.",
     False),  # mostly capitalised words
    ("the ministry said the figures would be published later in the year after a full review",
     False),  # no closing punctuation
]


@pytest.mark.parametrize(("line", "reason"), DEBRIS)
def test_debris_lines_are_removed_with_their_reason(line: str, reason: str) -> None:
    assert debris_reason(line) == reason


@pytest.mark.parametrize(("line", "prose"), PROSE)
def test_what_reads_as_prose(line: str, prose: bool) -> None:
    assert reads_as_prose(line) is prose


@pytest.mark.parametrize("line", ARTICLE_LINES)
def test_article_sentences_are_kept(line: str) -> None:
    assert debris_reason(line) is None


def test_headline_repeated_caption_and_author_box() -> None:
    raw = "\n".join([
        "Talks deepen ties between the two kingdoms",
        "",
        "The foreign ministers met on Monday and agreed to expand trade.",
        "Minister arrives in the capital",
        "Minister arrives in the capital",
        "They also signed three memorandums on agriculture and health.",
        "Both sides praised the ironclad friendship of their peoples.",
        "Officials expect the next meeting to take place in the spring.",
        "Jane Doe",
        "Jane Doe is a journalist based in Phnom Penh who covers regional diplomacy.",
    ])
    result = clean_article(raw)
    assert result.title == "Talks deepen ties between the two kingdoms"
    assert "Minister arrives" not in result.text
    assert "Jane Doe" not in result.text
    assert result.author == "Jane Doe"
    for sentence in ("The foreign ministers met", "three memorandums", "ironclad friendship",
                     "next meeting"):
        assert sentence in result.text
    reasons = {r.reason for r in result.removed}
    assert {"headline (kept as the title)", "author biography"} <= reasons


LEGAL_FOOTERS = [
    ("© Example Wire. All rights reserved. No reproduction or republication without written "
     "permission.", "copyright"),
    ("The material herein, unless otherwise noted to be in the public domain, belongs to the "
     "publisher. All sites are published in Singapore and are solely subject to Singapore law.",
     "terms of use"),
    ("All quotes delayed a minimum of 15 minutes. See here for a full list of exchanges and "
     "delays.", "market data notice"),
    ("Proudly powered by WordPress | Theme: Coastline by ExampleThemes.", "site footer"),
]


@pytest.mark.parametrize(("footer", "reason"), LEGAL_FOOTERS)
def test_legal_footers_go_even_when_they_read_as_prose(footer: str, reason: str) -> None:
    body = ("The foreign ministers met in the capital on Monday and agreed to expand trade in "
            "rice, rubber and cassava, officials said.")
    result = clean_article("\n".join([body, footer]))
    assert result.text == body
    assert [r.reason for r in result.removed] == [reason]


def test_a_lede_sentence_is_not_taken_for_a_headline() -> None:
    raw = "The ministers met on Monday.\nThey agreed to expand trade."
    result = clean_article(raw)
    assert result.title == ""
    assert result.text == raw


def test_dateline_prefix_is_cut_and_audited() -> None:
    raw = "PHNOM PENH, April 19 (Xinhua) -- Cambodia and China agreed to deepen ties."
    result = clean_article(raw, dateline_prefixes={0: len("PHNOM PENH, April 19 (Xinhua) -- ")})
    assert result.text == "Cambodia and China agreed to deepen ties."
    assert result.removed[0].reason == "dateline"
    assert result.removed[0].text == "PHNOM PENH, April 19 (Xinhua) -- "


def test_every_non_space_character_is_in_clean_text_or_audit() -> None:
    raw = "top of page\nHeadline of the story here\n\nBody sentence one.\n  • Instagram\nBody two."
    result = clean_article(raw)
    kept = "".join(result.text.split())
    removed = "".join("".join(r.text.split()) for r in result.removed)
    assert sorted(kept + removed) == sorted("".join(raw.split()))


BODY = [
    "The foreign ministers of the two countries met in the capital on Monday and agreed to "
    "expand trade in rice, rubber and cassava over the next five years.",
    "Officials said the talks also covered the financing of a new expressway and the "
    "reconstruction of several bridges damaged by floods last autumn.",
]


@pytest.mark.parametrize(("lines", "title"), [
    (["Khmer Daily Digest", "News from the kingdom, collected every morning",
      "Ministers Agree to Expand Rice Trade Between the Two Countries", "March 4, 2019", *BODY],
     "Ministers Agree to Expand Rice Trade Between the Two Countries"),
    (["Best Cloud VPS in Asia – 50% Off Your First Year", "Home | News | Asia | World | Video",
      "Ministers agree to expand rice trade", *BODY], "Ministers agree to expand rice trade"),
    (["中文 | ខ្មែរ | English", "国际新闻", "ព័ត៌មានជាតិ", "Ministers agree to expand rice trade",
      *BODY], "Ministers agree to expand rice trade"),
    (["World News", "Ministers agree to expand rice trade", "Share | Tweet | Email", *BODY],
     "Ministers agree to expand rice trade"),
    (["Breaking: Heavy rain expected in the north through Friday",
      "Ministers Agree to Expand Rice Trade", "Sok Dara and Lina Tan", "June 8, 2022", *BODY],
     "Ministers Agree to Expand Rice Trade"),
    (["Ministers Agree to Expand Rice Trade", "Chan Vuthy, Senior Correspondent",
      "June 8, 2022", *BODY], "Ministers Agree to Expand Rice Trade"),
])
def test_the_title_is_never_page_furniture(lines: list[str], title: str) -> None:
    result = clean_article("\n".join(lines))
    assert result.title == title
    for sentence in BODY:
        assert sentence in result.text


@pytest.mark.parametrize("line", [
    "Home | Politics | Business | Opinion", "中文 | English", "Advertisement", "World",
    "Share | Print", "Sponsored: Fast VPS from $3.99/mo",
])
def test_page_furniture_is_named(line: str) -> None:
    assert is_page_furniture(line)


@pytest.mark.parametrize(("tail", "removed"), [
    (["Related", "Port traffic doubles at the deep-sea terminal",
      "New bridge opens over the Tonle Sap"], 2),
    (["Most read", "Rice exporters seek new markets", "Garment orders fall again"], 2),
    (["Exports hit a record in the first quarter", "Airport passes final flight checks",
      "Election body names a new chief"], 3),
])
def test_related_story_headlines_are_removed(tail: list[str], removed: int) -> None:
    result = clean_article("\n".join(["Ministers agree to expand rice trade", *BODY, *tail]))
    assert all(line not in result.text for line in tail)
    ticker = [r for r in result.removed if r.reason == "related-story headlines"]
    assert len(ticker) == removed
    assert all(sentence in result.text for sentence in BODY)


@pytest.mark.parametrize(("raw", "clean", "reason"), [
    ("The plan was devel- oped with help from abroad.",
     "The plan was developed with help from abroad.", "hyphenated"),
    ("The plan was devel-\noped with help from abroad.",
     "The plan was developed with help from abroad.", "hyphenated"),
    ("The deal deepened the long-stand-\ning ties.", "The deal deepened the long-standing ties.",
     "hyphenated"),
    ("It praised the well-\nknown Sino-Cambodian friendship.",
     "It praised the well-known Sino-Cambodian friendship.", None),
    ("Both pre- and post-war plans were shown.", "Both pre- and post-war plans were shown.", None),
    ("They praised the cooperation.3 Talks went on.",
     "They praised the cooperation. Talks went on.", "footnote"),
    ("Aid rose sharply [2] in that year.", "Aid rose sharply in that year.", "footnote"),
    ("He cited it.1 Then he left.", "He cited it. Then he left.", "footnote"),
    ("It cost aboutÂ $880 million.", "It cost about $880 million.", "mojibake"),
    ("The ministerâ€™s plan was â€œironcladâ€\x9d.", "The minister’s plan was “ironclad”.",
     "mojibake"),
    ("It was signed in 2019.3 million people attended.",
     "It was signed in 2019.3 million people attended.", None),
])
def test_in_line_repairs_are_made_and_audited(raw: str, clean: str, reason: str | None) -> None:
    result = clean_article(raw)
    assert " ".join(result.text.split()) == " ".join(clean.split())
    repairs = [r for r in result.removed if r.reason.startswith("repaired")]
    if reason is None:
        assert not repairs
    else:
        assert repairs and all(reason in r.reason for r in repairs)
        assert all(r.text in raw.replace("\n", "\n") or "\n" in r.text for r in repairs)


def test_footnote_lines_go_with_their_markers() -> None:
    raw = "\n".join([*BODY[:1], "Aid rose in that year.[1] Loans followed.[2]", BODY[1],
                     "[1] Author's count from official announcements.",
                     "[2] Interviews with officials in three provinces."])
    result = clean_article(raw)
    assert "Author's count" not in result.text and "Interviews with" not in result.text
    assert [r.reason for r in result.removed].count("footnote") == 2


@pytest.mark.parametrize(("line", "script"), [
    ("ព័ត៌មានជាតិ", "Khmer"), ("国际新闻 | 中柬关系", "Chinese"),
    ("The minister met Hun Manet (ហ៊ុន ម៉ាណែត) on Monday.", "Latin"), ("* * *", ""),
])
def test_script_of_a_line(line: str, script: str) -> None:
    assert script_of(line) == script


def test_lines_in_another_script_are_kept_out_and_counted() -> None:
    raw = "\n".join(["ព័ត៌មានជាតិ", "国际新闻", "Ministers agree to expand rice trade", *BODY,
                     "ការវិនិយោគរបស់ចិនបានកើនឡើងនៅឆ្នាំនេះ"])
    result = clean_article(raw)
    assert result.other_script_lines == {"Khmer": 2, "Chinese": 1}
    assert "ព័ត៌មាន" not in result.text and "国际" not in result.text
    assert result.title == "Ministers agree to expand rice trade"


def test_a_body_in_another_script_is_kept_whole() -> None:
    raw = "ការវិនិយោគរបស់ចិនបានកើនឡើងនៅឆ្នាំនេះ។\nរដ្ឋមន្ត្រីបាននិយាយថា ទំនាក់ទំនងល្អណាស់។"
    result = clean_article(raw)
    assert result.other_script_lines == {}
    assert result.text == raw


def test_hard_wrapped_body_lines_are_not_taken_for_captions() -> None:
    raw = "\n".join(["The delegation was shown the photo by the",
                     "archivist, who said it dated from 1965.", *BODY])
    result = clean_article(raw)
    assert "shown the photo by the" in result.text


def test_readers_comments_under_a_blog_post_are_removed() -> None:
    comments = ["3 comments:", "Anonymous said...", "Good news for the farmers if the water comes.",
                "May 2, 2019 at 7:01 AM", "Sok Dara said...",
                "The canal was promised ten years ago and we are still waiting for it, he wrote."]
    result = clean_article("\n".join(["Ministers agree to expand rice trade", *BODY, *comments]))
    assert all(line not in result.text for line in comments)
    assert all(sentence in result.text for sentence in BODY)


# --- Lines around the text: bylines, stamps, credits, standfirsts, footers --------------------

@pytest.mark.parametrize(("line", "reason"), [
    ("By Sok Dara", "byline"),
    ("(By MEAS Sokunthea)", "byline"),
    ("Written by Lina Tan", "byline"),
    ("Sok Dara and Vann Piseth | The Phnom Penh Post", "byline"),
    ("Neou Sokha, VOA Khmer", "byline"),
    ("Chan Vuthy, Senior Correspondent", "byline"),
    ("KENJI MORITA, Nikkei staff writer", "byline"),
    ("Reuters | Phnom Penh", "byline"),
    ("Mech Dara and Danielle Keeton", "byline"),
    ("Lim Sopheap and Daniel Ho*", "byline"),
    ("The Associated Press", "credit"),
    ("Agence France-Presse", "credit"),
    ("--AKP", "credit"),
    ("— Xinhua", "credit"),
    ("(Khmer Times)", "credit"),
    ("Source: Xinhua", "credit"),
    ("VOD English | Voice of Democracy", "credit"),
    ("March 3, 2024", "date stamp"),
    ("2023.12.14 | 10:15", "date stamp"),
    ("Updated 9:14am", "date stamp"),
    ("BEIJING (AP) --", "dateline"),
    # no metadata
    ("Developer says the resort will serve tourists; officials are not so sure", ""),
    ("Kiripost — independent journalism for a new generation", ""),
    ("Thida Ngin", ""),
    ("", ""),
])
def test_metadata_line_reasons(line: str, reason: str) -> None:
    assert metadata_line_reason(line) == reason


def removed_reasons(raw: str) -> dict[str, str]:
    """Each removed line's text and its reason."""
    return {r.text.strip(): r.reason for r in clean_article(raw).removed}


@pytest.mark.parametrize(("under", "expected"), [
    (["By Sok Dara", "March 3, 2024"], {"By Sok Dara": "byline", "March 3, 2024": "timestamp"}),
    (["Neou Sokha, VOA Khmer", "January 21, 2019 11:32 AM"],
     {"Neou Sokha, VOA Khmer": "byline", "January 21, 2019 11:32 AM": "timestamp"}),
    (["River Post staff | 3 March 2024"], {"River Post staff | 3 March 2024": "date stamp"}),
    (["The Associated Press"], {"The Associated Press": "credit"}),
    (["Farm ministry hopes the canals allow a second harvest; farmers want compensation first",
      "Reuters | Phnom Penh"],
     {"Farm ministry hopes the canals allow a second harvest; farmers want compensation first":
      "under the headline (standfirst, caption or label)", "Reuters | Phnom Penh": "byline"}),
    (["A farmer walks along a new canal in the province last month. Lina Tan",
      "Sok Dara and Vann Piseth | The River Post"],
     {"A farmer walks along a new canal in the province last month. Lina Tan":
      "image caption",
      "Sok Dara and Vann Piseth | The River Post": "byline"}),
])
def test_short_lines_under_the_headline_are_metadata_or_furniture(under: list[str],
                                                                  expected: dict) -> None:
    raw = "\n".join(["Ministers agree to expand rice trade", *under, "", BODY[0], "", BODY[1]])
    result = clean_article(raw)
    assert removed_reasons(raw).items() >= expected.items()
    assert result.title == "Ministers agree to expand rice trade"
    assert all(sentence in result.text for sentence in BODY)


@pytest.mark.parametrize("opening", [
    # a short opening sentence, a hard-wrapped first paragraph (broken before a capital too)
    ["Cambodia has a new prime minister."],
    ["PHNOM PENH -- The foreign ministers of the two countries met in",
     "Phnom Penh on Monday and agreed to expand trade in rice and",
     "rubber over the next five years, officials said."],
    ["The foreign ministers of Cambodia and Laos met in the capital",
     "on Monday and agreed to expand trade, officials said."],
])
def test_the_texts_opening_lines_are_kept(opening: list[str]) -> None:
    raw = "\n".join(["Ministers agree to expand rice trade", "By Sok Dara", *opening, "",
                     BODY[1]])
    result = clean_article(raw)
    assert all(line in result.text for line in opening)
    assert "Sok Dara" not in result.text


@pytest.mark.parametrize(("tail", "removed", "kept"), [
    (["— Xinhua", "VOD English | Voice of Democracy"], 2, []),
    (["River Post — independent journalism for a new generation",
      "River News Agency – 79 Ly Thuong Kiet, Hanoi", "ISSUE: 2021 No. 59"], 3, []),
    (["Construction is scheduled to begin later this year. --AKP", "(By MEAS Sokunthea)"], 1,
     ["Construction is scheduled to begin later this year."]),
    (["Talks resume next month.", "Phnom Penh, 21 April 2024"], 1, ["Talks resume next month."]),
    # a line that opens a list or a quotation, or a list item, is the article's
    (["The loans cover three projects, the ministry said:"], 0,
     ["The loans cover three projects, the ministry said:"]),
    (["• a new ring road around the capital"], 0, ["a new ring road around the capital"]),
])
def test_short_lines_after_the_last_sentence_are_metadata_or_footer(
        tail: list[str], removed: int, kept: list[str]) -> None:
    raw = "\n".join(["Ministers agree to expand rice trade", BODY[0], BODY[1], *tail])
    result = clean_article(raw)
    around = [r for r in result.removed if r.line > 3 and not r.reason.startswith("repaired")]
    assert len(around) == removed
    assert all(line in result.text for line in [*BODY, *kept])


@pytest.mark.parametrize(("note", "removed"), [
    ("Sok Dara is a visiting fellow at the Mekong Institute.", True),
    ("* Lina Tan is a Research Officer and Chan Vuthy is a Senior Fellow at the Institute.", True),
    ("Chea Vannak is a farmer in Kampot who lost land to the canal.", False),
])
def test_an_author_note_after_the_text(note: str, removed: bool) -> None:
    raw = "\n".join(["Ministers agree to expand rice trade", BODY[0], BODY[1], note])
    reasons = removed_reasons(raw)
    assert (reasons.get(note) == "author note") is removed
    assert (note in clean_article(raw).text) is not removed


@pytest.mark.parametrize(("lines", "caption", "removed"), [
    (["IMG_2034.jpg", "Suspects are escorted to a bus at the airport before their deportation.",
      ""], "Suspects are escorted to a bus at the airport before their deportation.", True),
    (["Dancers greet tourists at the airport on March 3, 2023.", "Photo: AFP", ""],
     "Dancers greet tourists at the airport on March 3, 2023.", True),
    (["A farmer walks along the canal.", "(River Post/Lina Tan)", ""],
     "A farmer walks along the canal.", True),
])
def test_captions_next_to_an_image_file_or_a_photo_credit(lines: list[str], caption: str,
                                                          removed: bool) -> None:
    raw = "\n".join(["Ministers agree to expand rice trade", *lines, BODY[0], "", BODY[1]])
    assert (removed_reasons(raw).get(caption) == "image caption") is removed
    assert all(sentence in clean_article(raw).text for sentence in BODY)


def test_prose_next_to_a_photo_credit_or_an_image_inside_the_text_is_kept() -> None:
    middle = ("Farmers in the province said the canals would allow a second harvest each year, "
              "though some worried about the land taken.")
    raw = "\n".join(["Ministers agree to expand rice trade", BODY[0], "IMG_0001.jpg", middle,
                     "Photo: AFP", BODY[1]])
    assert middle in clean_article(raw).text


PHPBB_THREAD = [
    "Mekong Talk Forum",
    "Board index ‹ News & Politics",
    "Rice deal with China?",
    "Posted by riverrat » Mon Jan 05, 2015 8:14 am",
    "Heard the ministry is about to sign something big on rice. Anyone know more?",
    "riverrat",
    "Posts: 1204",
    "Joined: Sat Mar 08, 2014 6:20 pm",
    "Re: Rice deal with China?",
    "Posted by delta_dan » Tue Jul 23, 2019 6:40 pm",
    "Here it is, from the wire:",
    "Ministers agree to expand rice trade",
    "",
    BODY[0],
    "",
    BODY[1],
    "Told you so. We will see if the price holds.",
    "delta_dan",
    "Posts: 388",
    "Joined: Wed Nov 12, 2014 11:02 am",
    "Re: Rice deal with China?",
    "Posted by riverrat » Wed Jul 24, 2019 7:15 am",
    "Good for the farmers. Watch the small print though.",
]
MEMBER_POST = [
    "Jump to content",
    "Ministers agree to expand rice trade",
    "delta_dan",
    "Advanced Member",
    "Posts 15,427",
    "Joined 2012",
    "Posted July 3, 2023",
    "",
    BODY[0],
    "",
    BODY[1],
    "Source: River Post",
    "Quote",
    "Posted July 3, 2023",
    "The mills will be glad of it. Prices were low all year.",
    "Posted July 4, 2023",
    "Still waiting for the new road to the port though.",
]


@pytest.mark.parametrize(("lines", "replies"), [
    (PHPBB_THREAD, ["Heard the ministry", "Told you so", "Good for the farmers", "riverrat",
                    "Rice deal with China?", "from the wire"]),
    (MEMBER_POST, ["The mills will be glad", "Still waiting", "delta_dan"]),
])
def test_a_forum_threads_replies_go_and_the_quoted_article_stays(lines: list[str],
                                                                 replies: list[str]) -> None:
    result = clean_article("\n".join(lines))
    assert result.title == "Ministers agree to expand rice trade"
    assert all(sentence in result.text for sentence in BODY)
    assert not any(reply in result.text for reply in replies)


def test_a_blog_page_is_no_forum() -> None:
    raw = "\n".join(["River Notes", "Ministers agree to expand rice trade", BODY[0],
                     "Posted by River Notes at 7:15 PM", "Quote", BODY[1]])
    assert all(sentence in clean_article(raw).text for sentence in BODY)


@pytest.mark.parametrize(("lines", "title"), [
    # a headline and its standfirst, right under it and longer, in sentence case
    (["Empty towers, locked gates: the scam economy goes underground",
      "Police raids have pushed some operations out of the city, but residents say many "
      "compounds changed their signboards", "Sok Dara in Sihanoukville for River Post", *BODY],
     "Empty towers, locked gates: the scam economy goes underground"),
    # a kicker above the headline is shorter: the headline stays
    (["The Big Read Today", "Ministers agree to expand rice trade between the two kingdoms",
      "By Sok Dara", *BODY], "Ministers agree to expand rice trade between the two kingdoms"),
    # a headline in title case is no standfirst
    (["Rice Trade Talks End", "Ministers Agree to Expand Rice Trade Between the Two Kingdoms",
      "By Sok Dara", *BODY], "Ministers Agree to Expand Rice Trade Between the Two Kingdoms"),
    # a byline or an outlet's name right above the text is no headline
    (["Ministers agree to expand rice trade", "Sok Dara and Lina Tan", *BODY],
     "Ministers agree to expand rice trade"),
    (["Ministers agree to expand rice trade", "The Associated Press", *BODY],
     "Ministers agree to expand rice trade"),
    # page furniture set apart by a blank line is no headline
    (["Font size A A A", "", "Ministers agree to expand rice trade between the two kingdoms",
      "", *BODY], "Ministers agree to expand rice trade between the two kingdoms"),
])
def test_the_headline_over_its_standfirst(lines: list[str], title: str) -> None:
    result = clean_article("\n".join(lines))
    assert result.title == title
    assert all(sentence in result.text for sentence in BODY)


# Debris classes of pages nobody tuned for: several shapes of each.
UNSEEN_DEBRIS = [
    # page tools (article, AMP and print versions)
    ("Font size: A A A", "page furniture"),
    ("Text size A- A+", "page furniture"),
    ("Listen to this article 6 min", "page furniture"),
    ("Print  Email  Save", "social network"),
    ("Reading time: 4 minutes", "page furniture"),
    ("Close window", "page tools"),
    ("View the full version of this page", "page tools"),
    ("Back to article", "page tools"),
    ("Tap to unmute", "page tools"),
    ("Printed from www.example-news.com", "page tools"),
    # PDF copies: browser print headers, download notes, page numbers
    ("3/14/24, 9:05 AM Ties with Beijing deepen - Example Post", "pdf page header"),
    ("Downloaded from https://journal.example.org on 2 May 2024", "pdf page header"),
    ("- 7 -", "page number"),
    ("[12]", "page number"),
    ("Page 4 of 9", "page number"),
    # live blogs
    ("Key event", "live blog"),
    ("Pinned post", "live blog"),
    ("Show key events only", "live blog"),
    ("3 new updates", "live blog"),
    ("12m ago", "live blog"),
    ("Updated 2h ago | Phnom Penh", "live blog"),
    # newsletters sent by e-mail
    ("View this email in your browser", "newsletter chrome"),
    ("View online", "newsletter chrome"),
    ("You are receiving this email because you signed up for the Mekong Briefing.",
     "newsletter chrome"),
    ("You received this message because you are a subscriber.", "newsletter chrome"),
    ("Update your preferences or unsubscribe from this list", "newsletter chrome"),
    ("Was this email forwarded to you? Sign up here", "newsletter chrome"),
    ("Unsubscribe", "newsletter chrome"),
    # credits
    ("With reporting by Chea Sokha in Siem Reap", "wire credits"),
    ("With additional reporting by Lina Tan", "wire credits"),
    ("Additional reporting: Sok Dara; editing: John Smith", "wire credits"),
    # syndication notes
    ("This article was originally published on Mekong Review.", "syndication notice"),
    ("This commentary first appeared in the Lowy Interpreter.", "syndication notice"),
    ("Republished with permission from East Asia Daily.", "syndication notice"),
    ("Originally published by River Post", "syndication notice"),
    # image credits without "Photo"
    ("AFP via Getty Images", "image credit"),
    ("Getty Images / Stringer", "image credit"),
    ("Image: Reuters/Ann Wang", "image credit"),
    ("Credit: Shutterstock", "image credit"),
    ("Prime Minister Hun Manet (R) greets Wang Yi at the Peace Palace", "image caption"),
    ("Delegates from left to right: Sok Dara, Lina Tan and Chan Vuthy", "image caption"),
    # forums and Reddit-style pages
    ("Post Reply", "forum chrome"),
    ("4 posts • Page 1 of 1", "forum chrome"),
    ("Display posts from previous: All posts", "forum chrome"),
    ("Return to Board index", "forum chrome"),
    ("Posted by u/mekong_reader 7 hours ago", "reddit chrome"),
    ("submitted 3 hours ago by riverwatcher", "reddit chrome"),
    ("r/cambodia • Posted by u/someone", "reddit chrome"),
    ("level 2", "reddit chrome"),
    ("Reply Share Report Save Follow", "reddit chrome"),
    ("1.2k points", "reddit chrome"),
    ("Sort by: best", "reddit chrome"),
    ("▲ 154 ▼", "vote arrows"),
    ("↑ 12 ↓", "vote arrows"),
    ("37 comments", "comment count"),
    ("128 shares", "comment count"),
    ("Comments [5]", "comment count"),
]

# Prose that mentions the same things: kept.
UNSEEN_ARTICLE_LINES = [
    "The ministry said it would print the new textbooks in Khmer and send them to schools "
    "in the provinces by June.",
    "Subscribers to the government's newsletter received the notice on Monday, a week "
    "before the port opened to foreign ships.",
    "The print edition of the paper, which once sold 20,000 copies a day, closed in 2017 "
    "after advertisers left.",
    "The report was first published in 2019 and has since been cited by officials in both "
    "capitals.",
    "Residents said they were receiving messages from officials urging them to leave the "
    "area before the rains.",
    "The minister, pictured left to right with his deputies in a photo released by the "
    "ministry, declined to comment.",
    "Live updates from the summit were posted by the foreign ministry on its website and "
    "shared by the embassy.",
    "Vote counts from the provinces showed the ruling party winning 120 of 125 seats, "
    "officials said.",
    "Reporting by local journalists has been restricted since 2017, rights groups said in a "
    "statement on Friday.",
    "The canal would let barges reach the sea without passing through Vietnam, the company "
    "said in a reply to questions.",
    "Getty Images and other agencies were refused accreditation for the ceremony, the "
    "organisers said on Friday.",
]


@pytest.mark.parametrize(("line", "reason"), UNSEEN_DEBRIS)
def test_unseen_debris_classes_are_removed(line: str, reason: str) -> None:
    assert debris_reason(line) == reason


@pytest.mark.parametrize("line", UNSEEN_ARTICLE_LINES)
def test_prose_that_mentions_page_tools_is_kept(line: str) -> None:
    assert debris_reason(line) is None


@pytest.mark.parametrize(("lines", "title"), [
    # page tools above or under the headline
    (["Font size: A A A", "Ministers agree to expand rice trade", "By Sok Dara", *BODY],
     "Ministers agree to expand rice trade"),
    (["Ministers agree to expand rice trade", "Listen to this article", "4 min read", *BODY],
     "Ministers agree to expand rice trade"),
    (["Text size", "Print", "Ministers Agree to Expand Rice Trade", "March 4, 2019", *BODY],
     "Ministers Agree to Expand Rice Trade"),
    # a question or an exclamation for a headline, under a photo caption
    (["Workers load rice at the port in Sihanoukville (R)",
      "Can the rice deal survive the drought?", "By Sok Dara", *BODY],
     "Can the rice deal survive the drought?"),
    (["Is Beijing now Phnom Penh's biggest lender?", "June 8, 2022", *BODY],
     "Is Beijing now Phnom Penh's biggest lender?"),
    # a photo's caption (over an agency's credit) above the headline is no headline
    (["Prime Minister Hun Manet Meets Foreign Minister Wang Yi in Phnom Penh",
      "AFP via Getty Images", "Ministers agree to expand rice trade", "By Sok Dara", *BODY],
     "Ministers agree to expand rice trade"),
    (["Rice Farmers Harvest Their Crop Near Battambang", "Xinhua/Li Ming",
      "Ministers agree to expand rice trade", "June 8, 2022", *BODY],
     "Ministers agree to expand rice trade"),
    # an author with an affiliation is no headline
    (["Ministers agree to expand rice trade", "Sok Dara, Royal University of Phnom Penh",
      *BODY], "Ministers agree to expand rice trade"),
    (["Why the rice deal matters for both kingdoms", "Lina Tan (Institute of Asian Studies)",
      *BODY], "Why the rice deal matters for both kingdoms"),
    # a forum's topic line and a Reddit-style link line are no headline
    (["Mekong Forum • View topic - rice deal news", "Post by riverman » 3 March 2019",
      "Ministers agree to expand rice trade", *BODY], "Ministers agree to expand rice trade"),
    (["r/cambodia", "Posted by u/riverman 5 hours ago", "Rice deal signed (riverpost.com)",
      "Ministers agree to expand rice trade", *BODY], "Ministers agree to expand rice trade"),
    # a blog's name before the headline goes
    (["River Notes", "River Notes: Ministers agree to expand rice trade", *BODY],
     "Ministers agree to expand rice trade"),
    (["Mekong Blog: Ministers agree to expand rice trade", *BODY],
     "Ministers agree to expand rice trade"),
    # a place or topic before a colon stays
    (["Cambodia: Ministers agree to expand rice trade", *BODY],
     "Cambodia: Ministers agree to expand rice trade"),
    # a standfirst run into the headline's line goes
    (["Ministers agree to expand rice trade – The deal covers rice, rubber and cassava and "
      "runs for five years", *BODY], "Ministers agree to expand rice trade"),
    # a headline with a dash in it stays whole
    (["Rice Trade – A New Chapter for the Two Kingdoms", *BODY],
     "Rice Trade – A New Chapter for the Two Kingdoms"),
])
def test_the_title_on_unseen_page_shapes(lines: list[str], title: str) -> None:
    result = clean_article("\n".join(lines))
    assert result.title == title
    assert all(sentence in result.text for sentence in BODY)


@pytest.mark.parametrize("chrome", [
    ["View this email in your browser", "Unsubscribe | Update your preferences"],
    ["Key event", "10:45 GMT", "Pinned post"],
    ["▲ 154 ▼", "37 comments", "Reply Share Report Save Follow"],
    ["AFP via Getty Images", "With reporting by Chea Sokha in Siem Reap"],
])
def test_unseen_chrome_around_an_article_is_removed(chrome: list[str]) -> None:
    raw = "\n".join(["Ministers agree to expand rice trade", chrome[0], BODY[0], *chrome[1:],
                     BODY[1]])
    result = clean_article(raw)
    assert all(line not in result.text for line in chrome)
    assert all(sentence in result.text for sentence in BODY)


@pytest.mark.parametrize(("title", "headline"), [
    ("Ministers agree to expand rice trade | River Post", "Ministers agree to expand rice trade"),
    ("Mekong Blog: Ministers agree to expand rice trade", "Ministers agree to expand rice trade"),
    ("Mekong Forum • View topic - rice deal news", ""),
    ("Rice deal signed (riverpost.com) : r/cambodia", ""),
    ("World News", ""),
    ("Can the rice deal survive the drought?", "Can the rice deal survive the drought?"),
])
def test_a_saved_pages_own_title(title: str, headline: str) -> None:
    assert page_title_headline(title) == headline


@pytest.mark.parametrize(("middle", "removed"), [
    # a list of other stories between two paragraphs, without a heading
    (["Port traffic doubles at the deep-sea terminal", "New bridge opens over the Tonle Sap",
      "Garment orders fall for a third month"], True),
    # a list the text opens with a colon stays
    (["The agreement covers three areas:", "Rice and cassava exports to the north",
      "Rubber processing plants in the east", "Joint checks at the border crossings"], False),
    # a hard-wrapped paragraph stays
    (["The ministers also discussed the new expressway and", "the bridges damaged by the",
      "floods, officials said after the meeting."], False),
])
def test_a_related_story_list_inside_the_text(middle: list[str], removed: bool) -> None:
    raw = "\n".join(["Ministers agree to expand rice trade", BODY[0], *middle, BODY[1]])
    text = clean_article(raw).text
    assert all(sentence in text for sentence in BODY)
    assert all((line in text) is not removed for line in middle[-2:])


def test_a_printed_copys_running_header_and_footer_go() -> None:
    page = ["Rice Trade Policy Brief 1", BODY[0], "Mekong Institute", "Rice Trade Policy Brief 2",
            BODY[1], "Mekong Institute", "Rice Trade Policy Brief 3",
            BODY[0].replace("Monday", "Tuesday"), "Mekong Institute"]
    result = clean_article("\n".join(["Ministers agree to expand rice trade", *page]))
    assert "Policy Brief" not in result.text and "Mekong Institute" not in result.text
    assert sum("running header" in r.reason for r in result.removed) >= 3
    assert result.title == "Ministers agree to expand rice trade"
    assert all(sentence in result.text for sentence in BODY)


REQUIRED_TEXT = [
    (r"(?i)(ancre|anchor|anker)\s*\d*", ("cre", "chor", "ker")),  # a common prefix is split off
    (r"(?i).*\b(contributed|contributing)( reporting)? to this (report|story)\.?",
     ("contribut",)),  # the longest piece (the first of equals)
    (r"(?i)\d+ min(ute)?s?( read)?", (" min",)),
    (r"(?i)(cookies?|privacy policy)|accept all", ("cookie", "privacy policy", "accept all")),
    (r"(?i)(cookies?|\d+ items)|accept all", ("cookie", " items", "accept all")),
    (r"(?i)(cookies?|\d+)|accept all", ()),  # an alternative without literal text
    (r"(?i)[\W_]*", ()),
    (r"(?i)(?:Photo|IMAGE)s?:.*", ("photo", "image")),  # case-folded
]


@pytest.mark.parametrize(("pattern", "pieces"), REQUIRED_TEXT)
def test_the_text_a_rule_needs_is_read_from_its_pattern(pattern: str,
                                                       pieces: tuple[str, ...]) -> None:
    assert required_text(pattern) == pieces


def test_the_quick_test_never_rejects_a_line_its_rule_matches() -> None:
    lines = [line for line, _ in DEBRIS + UNSEEN_DEBRIS] + ARTICLE_LINES + UNSEEN_ARTICLE_LINES
    for rule in load_debris_rules():
        for line in lines:
            stripped = line.strip()
            found = rule.pattern.search(stripped) if rule.contained else \
                rule.pattern.fullmatch(stripped)
            assert rule.matches(stripped) == bool(found), (rule.pattern.pattern, line)


# Notes a site adds after (or before) the article, appeals, editors' notes, credits, captions
# with their credit on the same line, a reposter's notes and comment prompts.
NOTES_DEBRIS = [
    ("The Mekong Daily is not responsible for the content of external sites.", "site notice"),
    ("Only part of the stories distributed to our subscribers appear on this website. Contact "
     "us for licensing options.", "site notice"),
    ("Except where noted, text is licensed under Creative Commons Attribution 4.0.",
     "site notice"),
    ("The views expressed in this commentary are the author's own and do not necessarily "
     "reflect the position of the institute.", "site notice"),
    ("The opinions expressed are those of the writer.", "site notice"),
    ("About Sponsored Content: This content was produced by our commercial team.",
     "site notice"),
    ("Partner content: Travel in the Mekong delta", "advertising"),
    ("About branded content", "site notice"),
    ("Support independent journalism in Cambodia.", "support appeal"),
    ("Support our journalism. Become a member of River Post today.", "support appeal"),
    ("Donate today!", "support appeal"),
    ("If you value our reporting, please consider making a donation to keep it free for "
     "everyone.", "support appeal"),
    ("Your support helps us keep our reporting free and independent for readers across the "
     "region.", "support appeal"),
    ("This story has been edited for length and clarity.", "editor's note"),
    ("Edited for style.", "editor's note"),
    ("(Condensed and edited for clarity)", "editor's note"),
    ("Editor's note: The author is a former adviser to the ministry.", "editor's note"),
    ("An earlier version of this article misstated the length of the canal; it is 180 "
     "kilometres.", "editor's note"),
    ("Lisa Grant contributed reporting from Washington.", "wire credits"),
    ("Sok Dara in Phnom Penh and Jane Doe contributed reporting.", "wire credits"),
    ("Mey Sothea contributed additional reporting.", "wire credits"),
    ("This article appeared in the print edition of The Mekong Daily on March 3, 2024.",
     "syndication notice"),
    ("A version of this article appears in print on May 4, 2023, Section A, Page 8.",
     "syndication notice"),
    ("This article by Chan Dara was published by River Post and is republished here under a "
     "content-sharing agreement.", "syndication notice"),
    ("Pasting the text since most people can't open it. Didn't save the link, sorry.",
     "reposter's note"),
    ("Article on the port deal (text below, it's paywalled)", "reposter's note"),
    ("Full text in the comments", "reposter's note"),
    ("What are your thoughts? Log in to comment", "comment form"),
    ("What do you think?", "comment form"),
    ("Authors, please log in »", "comment form"),
    ("Be the first to comment", "comment form"),
    ("47 comments | Share | Save | Hide | Report", "comment count"),
    ("1.2k comments Share Award", "comment count"),
    ("Farmers plant rice near the new canal in Kandal province, Cambodia, May 2, 2024. (Photo "
     "by Sok Dara/River Post)", "image caption"),
    ("Students wave flags along the riverside in Phnom Penh on Friday. (AP Photo/Chan Vuthy",
     "image caption"),
    ("The two leaders meet at the palace in Phnom Penh, Cambodia, April 17, 2025. (Mekong "
     "Agency/Lina Tan)", "image caption"),
]

# Article sentences that say the same words: kept.
NOTES_ARTICLE_LINES = [
    "The ministry said it was not responsible for the content of leaflets handed out by the "
    "protesters outside the court.",
    "The views of farmers along the route were not sought before the plan was approved, the "
    "report said.",
    "The grant will support independent journalism and media training in three provinces, the "
    "embassy said.",
    "Cambodia applied to become a member of the group in 2019 and was admitted two years later.",
    "Become a member of the group, he urged.",
    "Make a donation to the flood fund, the prime minister urged.",
    "Support independent media, the minister told reporters.",
    "Donors were asked to make a donation to the fund at a dinner in Phnom Penh on Friday.",
    "The draft was edited for clarity by lawyers before it was sent to parliament, officials "
    "said.",
    "Three agencies contributed reporting equipment to the new press centre, the ministry said.",
    "The contract appeared in the printed edition of the royal gazette on Monday, officials "
    "said.",
    "Officials said the full text of the agreement was below the standard expected of a treaty.",
    "Readers posted comments about the canal on the ministry's page, and some shared their "
    "photos.",
    "The minister said he wanted to know what farmers think about the canal before work begins.",
    "Support for the project is strong among younger voters, according to a survey by the "
    "institute.",
    "Sponsored content on social media promoted the casino towers for years, researchers said.",
    "Paid content drove the campaign.",
    "The survey was carried out by two firms and the results were published on Monday by the "
    "ministry (Ipsos/Reuters).",
]


@pytest.mark.parametrize(("line", "reason"), NOTES_DEBRIS)
def test_site_notes_appeals_and_credits_are_removed(line: str, reason: str) -> None:
    assert debris_reason(line) == reason


@pytest.mark.parametrize("line", NOTES_ARTICLE_LINES)
def test_prose_that_mentions_support_views_or_editing_is_kept(line: str) -> None:
    assert debris_reason(line) is None


@pytest.mark.parametrize(("lines", "caption", "removed"), [
    # a caption in the present tense right above its credit, even when it reads as prose
    (["Workers load bags of rice onto a barge at the port in Phnom Penh on Monday.",
      "(Photo: Mekong Agency)"], 0, True),
    (["Officials attend the opening of the new terminal at the airport, Nov. 30, 2023.",
      "(River Post/Sok Dara)"], 0, True),
    # an article sentence above a credit: a quotation or a reporting verb, kept
    (["Thousands of people lined the road to the port, officials said on Monday.",
      "(Photo: Mekong Agency)"], 0, False),
    (['"We will finish it," the minister told the crowd at the riverbank on Monday.',
      "Photo: AFP"], 0, False),
])
def test_a_caption_over_its_credit(lines: list[str], caption: int, removed: bool) -> None:
    raw = "\n".join(["Ministers agree to expand rice trade", "", BODY[0], "", *lines, "",
                     BODY[1]])
    result = clean_article(raw)
    assert (lines[caption] not in result.text) is removed
    assert all(sentence in result.text for sentence in BODY)


def test_a_caption_with_its_agency_credit_above_the_dateline() -> None:
    raw = "\n".join([
        "China hands over new hospital in Kampong Speu",
        "Xinhua / Mekong Daily Share:",
        "Officials cut the ribbon at the new hospital in Kampong Speu province. Xinhua",
        "",
        "PHNOM PENH (Xinhua) -- A China-funded hospital was handed over to the government on "
        "Friday in a province west of the capital, officials said.",
        "",
        BODY[1],
    ])
    result = clean_article(raw, dateline_prefixes={4: len("PHNOM PENH (Xinhua) -- ")})
    assert result.title == "China hands over new hospital in Kampong Speu"
    assert "Officials cut the ribbon" not in result.text
    assert BODY[1] in result.text


def test_a_comment_section_with_commenters_stamps_goes_to_the_end() -> None:
    raw = "\n".join([
        "Who will pay for the new canal?",
        BODY[0], "", BODY[1],
        "47 comments | Share | Save | Hide | Report",
        "u/river_reader · 7 hr. ago",
        "So the money was never really there? Wild that it took this long.",
        "u/kampot_local · 5 hr. ago",
        "My uncle's land is on the route. They measured twice.",
    ])
    result = clean_article(raw)
    assert result.text.split("\n\n") == BODY


@pytest.mark.parametrize(("lines", "title"), [
    # a headline of two sentences over a byline in lower case
    (["Mekong Post | Home | News", "The new pier is finished. Who may use it is not",
      "by Sok Dara and Lina Tan", *BODY], "The new pier is finished. Who may use it is not"),
    # the headline right above its author's name and affiliation, not a tagline above it
    (["MEKONG FORUM", "Politics, Economics and Society in Mainland Southeast Asia",
      "Sunday, 9 March 2025", "In this issue", "Rice trade and the river",
      "The canal and the limits of foreign money",
      "Sok Dara, Royal University of Phnom Penh", *BODY],
     "The canal and the limits of foreign money"),
])
def test_the_headline_over_its_byline(lines: list[str], title: str) -> None:
    result = clean_article("\n".join(lines))
    assert result.title == title
    assert all(sentence in result.text for sentence in BODY)


# Page tools, prompts and credits in the shapes sites word them.
TOOLS_DEBRIS = [
    ("3-minute read", "page furniture"),
    ("Listen to article", "share tools"),
    ("Gift article", "share tools"),
    ("Copy link to clipboard", "share tools"),
    ("Click to share on Twitter (Opens in new window)", "share tools"),
    ("Like this:", "share tools"),
    ("Keywords: Ream, navy, China", "navigation"),
    ("Recommended Stories", "navigation"),
    ("Read the full story", "navigation"),
    ("Continue reading the main story", "advertising"),
    ("Get the Mekong Briefing in your inbox every morning", "newsletter prompt"),
    ("Enter your email address", "newsletter prompt"),
    ("Sign up", "newsletter prompt"),
    ("Go to Main Menu", "page furniture"),
    ("(END)", "page furniture"),
    ("Story continues below advertisement", "advertising"),
    ("Advertisement - Scroll to continue", "advertising"),
    ("Follow River Post on Facebook and X", "social network"),
    ("Download the River Post app", "promotion"),
    ("Send us your news tips", "contact footer"),
    ("Report an error", "contact footer"),
    ("5 min read · Mar 3, 2024", "timestamp"),
    ("Last modified on Thu 14 Mar 2024 10.05 GMT", "timestamp"),
    ("Email this article", "share tools"),
    ("Save for later", "share tools"),
    ("Read in app", "share tools"),
    ("Translate this page", "share tools"),
    ("This article is also available in Khmer", "share tools"),
    ("Read this article in Chinese", "share tools"),
    ("The article reflects the author's opinions.", "site notice"),
    ("Xinhua/Li Xueren", "image credit"),
    ("MEKONG AGENCY/SOK DARA", "image credit"),
]

TOOLS_ARTICLE_LINES = [
    "Supporters follow Hun Sen on Facebook and TikTok, the survey found.",
    "Sign-ups for the scheme were slow, officials said.",
    "Feedback from farmers was mostly positive.",
    "The end of the talks was announced on Friday.",
    "Phnom Penh / Sihanoukville",  # a dateline's places, no photo credit
    "By Sok Dara/Mekong Agency",  # a byline, no photo credit
    "US/China Rivalry Reaches Ream",  # a headline with a slash
    "Readers can listen to the article on the ministry's website, the spokesman added.",
    "Officials said they would report an error in the census to parliament next week.",
    "The report is also available in Khmer, officials said.",
    "The data is available in Khmer and English.",
    "Translate the law into Khmer, he said.",
]


@pytest.mark.parametrize(("line", "reason"), TOOLS_DEBRIS)
def test_page_tools_prompts_and_credits_are_removed(line: str, reason: str) -> None:
    assert debris_reason(line) == reason


@pytest.mark.parametrize("line", TOOLS_ARTICLE_LINES)
def test_lines_that_name_page_tools_in_passing_are_kept(line: str) -> None:
    assert debris_reason(line) != "image credit"
    if len(line.split()) >= 6:
        assert debris_reason(line) is None


# Whole pages in the shapes of a blogging platform, a newsletter platform, a Cambodian paper, a
# Hong Kong paper (a promotion under the byline), a live blog and a think tank's PDF: the body
# stays, every other line goes, and the headline is the title.
PAGES = {
    'medium': (
        [
            'Open in app',
            'Sign up',
            'Sign in',
            'Write',
            "Cambodia's bet on the canal",
            'Why a waterway to the sea matters more than its cost',
            'Sok Dara',
            'Follow',
            '6 min read',
            '·',
            'Mar 3, 2024',
            '128',
            '3',
            'Listen',
            'Share',
            ('When the government announced the canal in 2023, few outside Cambodia paid '
             'attention. The plan was to cut a waterway from the Mekong to the Gulf of '
             'Thailand so that barges could reach the sea without passing through Vietnam.'),
            ('Officials say the project will cost about 1.7 billion dollars and create '
             'thousands of jobs. Critics worry about debt and about the farmers whose land '
             'lies on the route.'),
            ('The financing has changed several times since the launch, and the role of '
             'Chinese companies is now smaller than first announced.'),
            'For now, the diggers keep working, and the question of who pays remains open.',
            'Cambodia',
            'China',
            'Infrastructure',
            '128',
            '3',
            'Written by Sok Dara',
            '214 Followers',
            'Writer on Mekong politics and development. Former reporter in Phnom Penh.',
            'More from Sok Dara',
            'Rice, rubber and the road to Beijing',
            '5 min read·Feb 12, 2024',
            'Help',
            'Status',
            'About',
            'Careers',
            'Blog',
            'Privacy',
            'Terms',
        ],
        "Cambodia's bet on the canal",
        [
            ('When the government announced the canal in 2023, few outside Cambodia paid '
             'attention. The plan was to cut a waterway from the Mekong to the Gulf of '
             'Thailand so that barges could reach the sea without passing through Vietnam.'),
            ('Officials say the project will cost about 1.7 billion dollars and create '
             'thousands of jobs. Critics worry about debt and about the farmers whose land '
             'lies on the route.'),
            ('The financing has changed several times since the launch, and the role of '
             'Chinese companies is now smaller than first announced.'),
            'For now, the diggers keep working, and the question of who pays remains open.',
        ],
    ),
    'substack': (
        [
            'Mekong Letters',
            'Subscribe',
            'Sign in',
            'The port that nobody visits',
            'A new terminal at the coast is finished, but the ships have not come',
            'Lina Tan',
            'Apr 12, 2024',
            '12',
            '4',
            'Share',
            ('The new terminal on the coast was finished last month, two years ahead of '
             'schedule, and it is already quiet. Port officials say only three ships have '
             'called since the opening ceremony.'),
            ('The terminal was built by a Chinese state contractor and financed with a loan '
             'that the government says is on generous terms. Opposition figures have '
             'questioned those terms in parliament.'),
            ('Shipping agents in the capital said the fees at the new terminal were higher '
             'than at the older port and that the access road was still unfinished.'),
            ('Thanks for reading Mekong Letters! Subscribe for free to receive new posts and '
             'support my work.'),
            'Type your email…',
            'Subscribe',
            '12',
            '4',
            'Share',
            'Discussion about this post',
            'Comments',
            'Restacks',
            'Sok Dara',
            'Apr 13',
            'Great piece. The road is the real problem.',
            'Like (2)',
            'Reply',
            'Share',
            'Chan Vuthy',
            'Apr 13',
            'Has anyone asked the shipping lines directly?',
            'Like',
            'Reply',
            'Share',
            'Top',
            'Latest',
            'Discussion',
            'No posts',
            'Ready for more?',
            'Subscribe',
            '© 2024 Lina Tan',
            'Privacy ∙ Terms ∙ Collection notice',
            'Start Writing',
            'Get the app',
            'Substack is the home for great culture',
        ],
        'The port that nobody visits',
        [
            ('The new terminal on the coast was finished last month, two years ahead of '
             'schedule, and it is already quiet. Port officials say only three ships have '
             'called since the opening ceremony.'),
            ('The terminal was built by a Chinese state contractor and financed with a loan '
             'that the government says is on generous terms. Opposition figures have '
             'questioned those terms in parliament.'),
            ('Shipping agents in the capital said the fees at the new terminal were higher '
             'than at the older port and that the access road was still unfinished.'),
        ],
    ),
    'ppp': (
        [
            'Phnom Penh Post',
            'National',
            'Politics',
            'Business',
            'Sport',
            'Cambodia and China sign rice deal worth $400 million',
            'Sok Dara | Publication date 14 March 2024 | 10:05 ICT',
            'SHARE THIS POST',
            ('Commerce minister Cham Prasidh, right, shakes hands with a Chinese official at '
             'the signing in Phnom Penh on Wednesday. Heng Chivoan'),
            ('Cambodia and China on Wednesday signed an agreement under which Chinese '
             'importers will buy 400,000 tonnes of milled rice over the next two years, the '
             'commerce ministry said.'),
            ('The deal, worth about $400 million, was signed in the capital in the presence of '
             'senior officials from both countries.'),
            ('Exporters welcomed the news but warned that transport costs and quality checks '
             'at the border could slow shipments.'),
            '"This gives our farmers a stable market," the minister said at the ceremony.',
            'Please enter your email address',
            'Subscribe',
            'Most Viewed',
            'Hun Manet heads to Tokyo for talks on investment',
            'Siem Reap airport sees record arrivals in February',
            'Rice prices fall as harvest nears',
            'Phnom Penh Post',
            'Copyright © 2024 Post Media Co Ltd. All rights reserved.',
        ],
        'Cambodia and China sign rice deal worth $400 million',
        [
            ('Cambodia and China on Wednesday signed an agreement under which Chinese '
             'importers will buy 400,000 tonnes of milled rice over the next two years, the '
             'commerce ministry said.'),
            ('The deal, worth about $400 million, was signed in the capital in the presence of '
             'senior officials from both countries.'),
            ('Exporters welcomed the news but warned that transport costs and quality checks '
             'at the border could slow shipments.'),
            '"This gives our farmers a stable market," the minister said at the ceremony.',
        ],
    ),
    'scmp': (
        [
            'South China Morning Post',
            'Asia / Southeast Asia',
            "Why Cambodia's canal worries Vietnam",
            'Hanoi fears the waterway will reduce water flows to the Mekong Delta',
            'Why you can trust SCMP',
            'Lina Tan',
            'Published: 10:05pm, 3 Mar, 2024',
            'Updated: 11:15pm, 3 Mar, 2024',
            'Get more with myNEWS',
            'A personalised news feed of stories that matter to you',
            'Learn more',
            ('Vietnam has asked Cambodia to share more data about the planned Funan Techo '
             'canal, citing concerns over water flows to the Mekong Delta, where millions of '
             'farmers depend on the river.'),
            ('Cambodian officials insist the canal will be used for transport, not irrigation, '
             'and will not divert significant amounts of water.'),
            ("Analysts say the dispute reflects wider unease in Hanoi over China's role in "
             'financing and building the project.'),
            'Additional reporting by Reuters',
            'Lina Tan is a correspondent covering Southeast Asian politics.',
            'Advertisement',
            'More on this story',
            'Cambodia says Chinese firm will build canal',
            'Vietnam urges transparency on Mekong projects',
            'Sign up for our newsletters',
            'By registering, you agree to our T&C and Privacy Policy',
        ],
        "Why Cambodia's canal worries Vietnam",
        [
            ('Vietnam has asked Cambodia to share more data about the planned Funan Techo '
             'canal, citing concerns over water flows to the Mekong Delta, where millions of '
             'farmers depend on the river.'),
            ('Cambodian officials insist the canal will be used for transport, not irrigation, '
             'and will not divert significant amounts of water.'),
            ("Analysts say the dispute reflects wider unease in Hanoi over China's role in "
             'financing and building the project.'),
        ],
    ),
    'live': (
        [
            'LIVE: Xi Jinping in Phnom Penh',
            'Key events',
            'Show key events only',
            'Please turn on JavaScript to use this feature',
            'Live updates',
            '14:32 ICT',
            'Xi arrives at the palace',
            ('The Chinese president has arrived at the Royal Palace, where he was greeted by '
             'King Norodom Sihamoni and senior officials.'),
            '13:50 ICT',
            'Crowds line the boulevard',
            ('Thousands of students waving Chinese and Cambodian flags have lined the road '
             'from the airport to the city centre.'),
            '13:05 ICT',
            'Xi lands in Phnom Penh',
            ("Xi's plane landed at the capital's airport shortly after 1pm local time, state "
             'television showed.'),
            'Share',
            'Updated at 14:40 ICT',
        ],
        'LIVE: Xi Jinping in Phnom Penh',
        [
            ('The Chinese president has arrived at the Royal Palace, where he was greeted by '
             'King Norodom Sihamoni and senior officials.'),
            ('Thousands of students waving Chinese and Cambodian flags have lined the road '
             'from the airport to the city centre.'),
            ("Xi's plane landed at the capital's airport shortly after 1pm local time, state "
             'television showed.'),
        ],
    ),
    'pdf': (
        [
            'ISSUE: 2021 No. 59',
            'ISSN 2335-6677',
            'RESEARCHERS AT ISEAS – YUSOF ISHAK INSTITUTE ANALYSE CURRENT EVENTS',
            'Singapore | 5 May 2021',
            "Cambodia's Balancing Act Between China and the United States",
            'Sok Dara*',
            'EXECUTIVE SUMMARY',
            ('• Cambodia has deepened its ties with China over the past decade, relying on '
             'Chinese loans, investment and diplomatic support.'),
            ('• Relations with the United States have worsened since 2017, but Phnom Penh has '
             'tried to keep channels open.'),
            ('* Sok Dara is a Visiting Fellow at the Institute. The author thanks two '
             'reviewers for their comments.'),
            'ISEAS Perspective 2021/59',
            'INTRODUCTION',
            ("Cambodia's foreign policy has shifted markedly since the dissolution of the main "
             'opposition party in 2017.1 The government has drawn closer to Beijing while '
             'seeking to limit the damage to its relations with Washington and Brussels.'),
            '1',
            'ISEAS Perspective 2021/59',
            ('Chinese investment now accounts for a large share of new capital in the country, '
             'especially in Sihanoukville and in the construction of roads and bridges.2'),
            '2',
            'ISEAS Perspective 2021/59',
            '1 For an account of the dissolution, see Sok (2019).',
            '2 Figures from the Council for the Development of Cambodia.',
            '3',
        ],
        "Cambodia's Balancing Act Between China and the United States",
        [
            ('• Cambodia has deepened its ties with China over the past decade, relying on '
             'Chinese loans, investment and diplomatic support.'),
            ('• Relations with the United States have worsened since 2017, but Phnom Penh has '
             'tried to keep channels open.'),
            ("Cambodia's foreign policy has shifted markedly since the dissolution of the main "
             'opposition party in 2017. The government has drawn closer to Beijing while '
             'seeking to limit the damage to its relations with Washington and Brussels.'),
            ('Chinese investment now accounts for a large share of new capital in the country, '
             'especially in Sihanoukville and in the construction of roads and bridges.'),
        ],
    ),
}


@pytest.mark.parametrize("page", sorted(PAGES))
def test_whole_pages_keep_their_body_only(page: str) -> None:
    lines, title, body = PAGES[page]
    result = clean_article("\n".join(lines))
    assert result.title == title
    assert [line for line in result.text.split("\n") if line] == body



@pytest.mark.parametrize(("line", "candidate"), [
    ("Home News Cambodia World Business Sport", False),  # a menu without separators
    ("The Diplomat – Asia-Pacific current affairs magazine", False),  # a site and its tagline
    ("Cambodia News China Business World Politics", False),
    ("Xinhua: China and Cambodia sign new rice deal", True),
    ("China, Cambodia news: ministers meet in Beijing", True),
    ("World News: Asia markets rally as China eases rules", True),
    ("Cambodia, China sign 37 deals as Xi visits Phnom Penh", True),
])
def test_menus_and_mastheads_are_no_headline(line: str, candidate: bool) -> None:
    assert is_title_candidate(line) is candidate


@pytest.mark.parametrize(("line", "reason"), [
    ("Enjoying this article? Click here to subscribe for full access. Just $5 a month.",
     "paywall prompt"),
    ("To continue reading, please log in or subscribe.", "newsletter prompt"),
    ("This article is available to subscribers only.", "newsletter prompt"),
    ("The rest of this story is reserved for paying members. Log in or join today to read "
     "it in full.", "paywall prompt"),
    # short sentences of reported speech that name page things: article text
    ("The paper was for subscribers only until 2019, the editor said.", None),
    ("Officials said the newsletter would be printed in Khmer.", None),
    ("The service will cost just $5 a month, the company said.", None),
    ("Comments were closed after the vote, the ministry told reporters.", None),
])
def test_paywall_prompts_go_and_short_reported_sentences_stay(line: str,
                                                              reason: str | None) -> None:
    assert debris_reason(line) == reason


@pytest.mark.parametrize("credit", [
    "Photo: Khmer Times", "Photo by Sok Dara", "Supplied", "(Supplied)", "Handout",
    "KT/Chor Sokunthea", "(Photo: Facebook)", "File photo: AFP", "MEKONG/Lina Tan",
    "AFP PHOTO / SOK DARA", "Credit: Mekong Agency", "Picture: AFP",
])
def test_the_caption_over_each_shape_of_photo_credit_goes(credit: str) -> None:
    caption = "Farmers harvest rice in a paddy field in Battambang province."
    raw = "\n".join(["Ministers agree to expand rice trade", "", BODY[0], "", caption, credit, "",
                     BODY[1]])
    result = clean_article(raw)
    assert caption not in result.text and credit not in result.text
    assert all(sentence in result.text for sentence in BODY)


@pytest.mark.parametrize("comments", [
    # a blog's comments: a heading, then each commenter's name and the date on its own line
    ["3 thoughts on “Ministers agree to expand rice trade”", "Sok Dara",
     "March 3, 2024 at 10:15 am", "Good news for farmers at last, I think.", "Reply", "Lina",
     "March 4, 2024 at 8:00 am", "We will see if the money arrives this time around.", "Reply",
     "Leave a Reply"],
    # a discussion under a newsletter post
    ["Discussion about this post", "Comments", "Chan Vuthy", "Apr 13",
     "Has anyone asked the farmers directly?", "Like (2)", "Reply"],
])
def test_a_blogs_comments_under_the_text_go(comments: list[str]) -> None:
    raw = "\n".join(["Ministers agree to expand rice trade", "", BODY[0], "", BODY[1], "",
                     *comments])
    assert clean_article(raw).text.split("\n\n") == BODY


def test_a_date_under_a_comment_heading_inside_the_text_opens_no_comments() -> None:
    raw = "\n".join(["Ministers agree to expand rice trade", "", BODY[0], "", "37 comments",
                     "March 3, 2024", "", BODY[1], "", BODY[0].replace("Monday", "Tuesday")])
    result = clean_article(raw)
    assert BODY[1] in result.text


def test_the_outlets_notice_after_its_sign_off_goes() -> None:
    notice = ("BERNAMA provides up-to-date news and information which are disseminated via "
              "BERNAMA Wires and BERNAMA TV on several channels.")
    raw = "\n".join(["Ministers agree to expand rice trade", "", BODY[0], "", BODY[1], "",
                     "-- BERNAMA", "", notice, "Follow us on social media :"])
    result = clean_article(raw)
    assert result.text.split("\n\n") == BODY
    # without a sign-off, a sentence that names the outlet is the article's
    raw = "\n".join(["Ministers agree to expand rice trade", "", BODY[0], "", BODY[1], "",
                     "Xinhua reported that the two sides would meet again in May to sign the "
                     "final agreement on rice exports."])
    assert "Xinhua reported" in clean_article(raw).text


def test_a_live_blogs_share_rows_and_entry_stamps_open_no_comment_section() -> None:
    late = ("The delegation arrived at the airport shortly after noon and was greeted by "
            "officials, state media said.")
    raw = "\n".join(["LIVE: Ministers meet in Phnom Penh", "Key events", "14:32 ICT",
                     "Talks begin", BODY[0], "Share", "Sok Dara | 13:50", BODY[1], "Share",
                     "Lina Tan | 13:05", late, "Share"])
    result = clean_article(raw)
    assert [line for line in result.text.split("\n") if line] == [*BODY, late]


# Round 2: app and feature promotions, reading-list and account prompts, subscription prices,
# newsletter consent, author's own notes and comment-thread chrome, in the shapes several sites
# print them; each with prose that mentions the same things and must stay.
PROMPTS_DEBRIS = [
    ("Read a summary of this article on FAST.", "app promotion"),
    ("Get bite-sized, up-to-date news via our new cards interface. Give it a try.",
     "app promotion"),
    ("Give it a try.", "app promotion"),
    ("Click here to return to FAST", "app promotion"),
    ("Find out what's new on ST website and app.", "app promotion"),
    ("Scan the QR code to download the River Post app", "promotion"),
    ("Get it on Google Play", "app promotion"),
    ("Available on the App Store and Google Play", "app promotion"),
    ("Enjoy more audio and podcasts on iOS or Android.", "app promotion"),
    ("Continue reading in our app", "app promotion"),
    ("A personalised news feed of stories that matter to you", "app promotion"),
    ("Swipe. Select. Stay informed.", "slogan"),
    ("Save articles to read later and create your own reading list.", "account prompt"),
    ("Add this article to your reading list", "account prompt"),
    ("Sign in to continue reading", "account prompt"),
    ("Log in with Google", "account prompt"),
    ("Already a subscriber? Log in", "newsletter prompt"),
    ("Create a free account to unlock this article", "account prompt"),
    ("You have 5 gift articles left this month.", "account prompt"),
    ("Members can gift 10 articles each month.", "account prompt"),
    ("Share full article", "account prompt"),
    ("Monthly plan RM 9.90/month", "subscription offer"),
    ("Annual plan RM 99.00/year", "subscription offer"),
    ("$1 for 4 weeks", "subscription offer"),
    ("Then $75 per month", "subscription offer"),
    ("S$0.99/month for the first 3 months", "subscription offer"),
    ("Digital access for S$9.90 a month. Cancel anytime.", "subscription offer"),
    ("Best value", "subscription offer"),
    ("Only S$0.99 for the first month", "subscription offer"),
    ("RM 99.00 billed annually", "subscription offer"),
    ("Save to myFT", "account prompt"),
    ("Cancel anytime", "subscription offer"),
    ("By providing an email address. I agree to the Terms of Use and acknowledge that I have "
     "read the Privacy Policy.", "newsletter consent"),
    ("By submitting your email, you consent to receive marketing emails from Mekong Media.",
     "newsletter consent"),
    ("You may opt out at any time.", "newsletter consent"),
    ("This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service "
     "apply.", "newsletter consent"),
    ("Opinions my own.", "author note"),
    ("Views expressed are personal.", "author note"),
    ("Most relevant", "comment form"),
    ("Newest first", "comment form"),
    ("Write a comment...", "comment form"),
    ("Write a response", "comment form"),
    ("Responses (2)", "comment form"),
    ("View more comments", "reddit chrome"),
]

PROMPTS_ARTICLE_LINES = [
    "Rents have risen to $300 a month in the district.",
    "Garment workers earn $204 a month",  # a headline
    "The app is available on iOS and Android, the company said.",
    "Farmers pay about $20 per month for the water, according to the survey.",
    "Officials urged investors to give it a try.",
    "Visitors must sign in to the register at the gate, the guard said.",
    "I agree to the terms, but not to the timetable.",
    "By signing the agreement, Cambodia accepted the terms of the loan.",
    "The plan costs $1.2 billion.",
    "The annual subscription fee rose to $50, the ministry said.",
    "Most relevant to the talks was the question of debt.",
    "Monthly wages rose to $250 in 2023.",
    "The loan of $1 billion for 20 years was signed on Monday in Phnom Penh by both ministers.",
    "Readers can now save articles to read later, the publisher said in a statement on Monday.",
]


@pytest.mark.parametrize(("line", "reason"), PROMPTS_DEBRIS)
def test_promotions_prompts_prices_and_consent_lines_are_removed(line: str, reason: str) -> None:
    assert debris_reason(line) == reason


@pytest.mark.parametrize("line", PROMPTS_ARTICLE_LINES)
def test_prose_about_prices_apps_and_sign_ins_is_kept(line: str) -> None:
    assert debris_reason(line) is None


@pytest.mark.parametrize("thread", [
    # a social network's comment plugin: a count, a sort menu, names, comments, stamps
    ["12 Comments", "Most relevant", "Sok Dara", "Great news for our farmers, I hope prices go up!",
     "1d Like Reply", "Lina Tan", "Why do we always sell raw rice to them?", "2d Like Reply",
     "Write a comment..."],
    # the same with each comment glued to its stamp
    ["Most relevant", "1d Like Reply Sok Dara Great news for our farmers!",
     "3d Like Reply Lina Tan who will pay for the trucks?"],
    # a blogging platform's responses
    ["Responses (2)", "Write a response", "What are your thoughts?",
     "Sok Dara Mar 4 Thanks for this, very clear.", "Lina Tan Mar 5",
     "I think the border checks are the real story here.", "Reply"],
    # readers' short comments under a bare heading
    ["Comments", "nice article", "You are right, the trucks are the problem!",
     "where can I read the full deal?"],
])
def test_a_platforms_comment_thread_after_the_text_goes(thread: list[str]) -> None:
    raw = "\n".join(["Ministers agree to expand rice trade", "", BODY[0], "", BODY[1], "", *thread])
    assert clean_article(raw).text.split("\n\n") == BODY


def test_a_reports_discussion_section_with_questions_is_no_comment_thread() -> None:
    questions = ["Discussion", "What do you make of the loan terms?",
                 "I think the terms are fair for a project of this size.",
                 "Would you advise the government to borrow more?"]
    raw = "\n".join(["Ministers agree to expand rice trade", "", BODY[0], "", BODY[1], "",
                     *questions])
    assert all(line in clean_article(raw).text for line in questions[1:])


def test_a_comments_heading_inside_the_text_removes_no_reported_speech() -> None:
    quote = "\u201cWe are ready,\u201d the minister told reporters."
    raw = "\n".join(["Ministers agree to expand rice trade", "", BODY[0], "", "Comments", quote,
                     "", BODY[1]])
    result = clean_article(raw)
    assert quote in result.text and BODY[1] in result.text


@pytest.mark.parametrize(("closing", "removed"), [
    (["Sok Dara is a researcher based in Phnom Penh who writes about Mekong politics and "
      "Chinese investment in the region.", "Opinions my own."], True),
    (["Lina Tan writes about trade and agriculture in Southeast Asia for the Mekong Review.",
      "Follow her on X @linatan"], True),
    (["The author is a visiting fellow at the Institute of Asian Studies and a former "
      "correspondent in Hanoi."], True),
    (["About the author: Lina Tan is an independent journalist based in Phnom Penh who covers "
      "land and labour."], True),
    (["\u2014 Chan Vuthy is a PhD candidate at the University of Hong Kong, where his research "
      "focuses on Mekong dams."], True),
    # the article's own closing sentences about a person stay
    (["Sok Dara is a journalist who was jailed in 2019 for his reporting on land disputes in "
      "the province."], False),
    (["Chan Vuthy, a researcher based in Phnom Penh, said the deal would help farmers in the "
      "north."], False),
])
def test_author_notes_that_close_the_page_go_even_as_prose(closing: list[str],
                                                         removed: bool) -> None:
    raw = "\n".join(["Ministers agree to expand rice trade", "By Sok Dara", "", BODY[0], "",
                     BODY[1], "", *closing])
    result = clean_article(raw)
    assert all(sentence in result.text for sentence in BODY)
    assert (closing[0] not in result.text) is removed


def test_a_replacement_character_at_a_lines_end_hides_no_sentence_end() -> None:
    raw = "\n".join(["Ministers agree to expand rice trade", "", BODY[0] + "\ufffd", "", BODY[1]])
    result = clean_article(raw)
    assert result.title == "Ministers agree to expand rice trade"
    assert result.text.split("\n\n") == BODY
    assert any(r.reason.startswith("repaired: replacement character") for r in result.removed)


@pytest.mark.parametrize(("lines", "title"), [
    # a byline that says where the reporter is, under the headline
    (["Cambodia's canal gamble worries its neighbours", "Sok Dara in Phnom Penh",
      "Mon 4 Mar 2024 10.00 GMT"], "Cambodia's canal gamble worries its neighbours"),
    (["Opinion", "China and Cambodia Seal a New Rice Pact",
      "Sok Dara in Phnom Penh and Lina Tan in Beijing"], "China and Cambodia Seal a New Rice Pact"),
    # a headline of that shape alone is the headline
    (["Xi Jinping in Phnom Penh", "By Sok Dara"], "Xi Jinping in Phnom Penh"),
    # a kicker glued to the headline, the bare headline on its own line too (either order)
    (["Commentary: Cambodia's canal gamble worries its neighbours", "Commentary",
      "Cambodia's canal gamble worries its neighbours", "By Sok Dara"],
     "Cambodia's canal gamble worries its neighbours"),
    (["Home", "Cambodia's canal gamble worries its neighbours",
      "Commentary: Cambodia's canal gamble worries its neighbours"],
     "Cambodia's canal gamble worries its neighbours"),
    # a prefix that is part of the headline stays when the bare headline is nowhere else
    (["CGTN: China and Cambodia open new rice corridor", "By Sok Dara"],
     "CGTN: China and Cambodia open new rice corridor"),
])
def test_the_headline_over_a_place_byline_and_without_its_kicker(lines: list[str],
                                                                 title: str) -> None:
    raw = "\n".join([*lines, "", BODY[0], "", BODY[1]])
    result = clean_article(raw)
    assert result.title == title
    assert result.text.split("\n\n") == BODY


@pytest.mark.parametrize(("closing", "removed"), [
    # a report's endnotes whose markers the copy lost, one wrapped, a running footer after them
    (["4 Interviews with officials, Phnom Penh, May 2024.",
      "5 See Sok Dara, The Canal and the Sea (Phnom Penh: Mekong Press, 2023), p. 14.",
      "6 Figures from the Council for the Development of Cambodia, accessed 3 June", "2024.",
      "Mekong Perspective 2024/12", "7"], True),
    (["1 Ibid.", "2 Author's interview with a port official, Sihanoukville, March 2024."], True),
    # numbered points that close the text are the article's
    (["1 Both sides agreed to expand trade in rice and rubber over the next five years.",
      "2 Both sides agreed to deepen cooperation on the expressway."], False),
    (["3 Chinese companies won the contracts in 2023, the ministry said.",
      "The rest went to local firms."], False),
])
def test_a_block_of_numbered_notes_closing_the_page(closing: list[str], removed: bool) -> None:
    raw = "\n".join(["Ministers agree to expand rice trade", "", BODY[0], "", BODY[1], "",
                     *closing])
    result = clean_article(raw)
    assert all(sentence in result.text for sentence in BODY)
    assert (closing[0] not in result.text) is removed


@pytest.mark.parametrize(("under", "removed"), [
    # a picture's caption without a credit under the byline: a noun phrase or a participle
    ("Cranes over the seafront in Sihanoukville, where Chinese investment has transformed the "
     "city.", True),
    ("Workers loading rice onto a cargo ship at the port of Sihanoukville on Monday.", True),
    # ledes have a finite verb (regular, irregular, a plural subject's) or a dateline
    ("Cambodia and China on Wednesday signed an agreement to build a new port near the border.",
     False),
    ("Thousands of workers in Phnom Penh, angry at unpaid wages, marched on the ministry.", False),
    ("The Funan Techo canal, which China agreed to fund in 2023, remains unfinished.", False),
    ("On Friday, Chinese Foreign Minister Wang Yi met his Cambodian counterpart in Beijing.",
     False),
    ("Beijing, 25 May 2024 (TDI): On Friday, the two ministers toured the new port together.",
     False),
])
def test_a_caption_without_credit_under_the_byline(under: str, removed: bool) -> None:
    raw = "\n".join(["Ministers agree to expand rice trade", "By Sok Dara", under, "", BODY[0],
                     "", BODY[1]])
    result = clean_article(raw)
    assert all(sentence in result.text for sentence in BODY)
    assert (under not in result.text) is removed


# Whole pages in the shapes of a Singapore paper (feature promotions, a caption without credit,
# reading-list and gift prompts), a Malaysian paper (subscription plans, consent), a blogging
# platform (kicker, author note, responses), a British paper (a place byline, a comment plugin)
# and a think tank's PDF (headings, an asterisk note, endnotes without markers).
THREE = [
    "Cambodia and China on Monday signed an agreement to expand rice exports, the commerce "
    "ministry said in a statement.",
    "The deal covers 400,000 tonnes of milled rice over two years and includes new quality "
    "checks at the border.",
    "Exporters welcomed the news but warned that transport costs could slow shipments to "
    "Chinese ports this year.",
]
ROUND2_PAGES = {
    "st": [
        "Asia",
        "Cambodia, China sign deal to expand rice exports",
        "Read a summary of this article on FAST.",
        "Get bite-sized, up-to-date news via our new cards interface. Give it a try.",
        "Click here to return to FAST",
        "Lina Tan",
        "Indochina Correspondent",
        "Updated Mar 4, 2024, 05:10 PM",
        "Published Mar 4, 2024, 04:20 PM",
        ("Cranes over the seafront in Sihanoukville, where Chinese investment has "
         "transformed the city."),
        *THREE,
        "Join ST's Telegram channel and get the latest breaking news delivered to you.",
        "Save articles to read later and create your own reading list.",
        "Gift this article: subscribers can share 10 articles a month",
        "Top stories",
        "Swipe. Select. Stay informed.",
    ],
    "star": [
        "Cambodia, China sign deal to expand rice exports",
        "ASEAN+",
        "Monday, 04 Mar 2024",
        "Subscribe to continue reading",
        "Monthly plan",
        "RM 9.90/month",
        "Best Value",
        "Annual plan",
        "RM 8.33/month",
        "RM 99.00 billed annually",
        *THREE,
        ("By providing an email address. I agree to the Terms of Use and acknowledge that "
         "I have read the Privacy Policy."),
    ],
    "medium": [
        "Commentary: Cambodia's rice bet on China",
        "Cambodia's rice bet on China",
        "Sok Dara",
        "Follow",
        "5 min read",
        "Mar 3, 2024",
        *THREE,
        ("Sok Dara is a researcher based in Phnom Penh who writes about trade and Chinese "
         "investment in the Mekong region."),
        "Opinions my own.",
        "Responses (2)",
        "Write a response",
        "What are your thoughts?",
        "Lina Tan",
        "Mar 4",
        "Thanks for this, I had no idea the checks were so strict!",
        "Reply",
        "Chan Vuthy",
        "Mar 5",
        "great read",
        "Reply",
    ],
    "guardian": [
        "Cambodia, China sign deal to expand rice exports",
        "Sok Dara in Phnom Penh",
        "Mon 4 Mar 2024 10.00 GMT",
        "Share",
        *THREE,
        "Most relevant",
        "1d Like Reply Lina Tan Good for farmers, I hope!",
        "2d Like Reply Chan Vuthy why only rice?",
    ],
    "pdf": [
        "Mekong Perspective 2024/12",
        "Cambodia's Rice Diplomacy with China",
        "Sok Dara*",
        "EXECUTIVE SUMMARY",
        *THREE,
        "* Sok Dara is Senior Fellow at the Cambodian Institute for Rice Studies.",
        "1 INTRODUCTION",
        THREE[0].replace("Monday", "Tuesday"),
        "4 Interviews with officials, Phnom Penh, May 2024.",
        "5 See Ministry of Commerce, Annual Report 2023, p. 12.",
    ],
}
ROUND2_TITLES = {"st": "Cambodia, China sign deal to expand rice exports",
                 "star": "Cambodia, China sign deal to expand rice exports",
                 "medium": "Cambodia's rice bet on China",
                 "guardian": "Cambodia, China sign deal to expand rice exports",
                 "pdf": "Cambodia's Rice Diplomacy with China"}


@pytest.mark.parametrize("page", sorted(ROUND2_PAGES))
def test_round2_pages_keep_their_body_only(page: str) -> None:
    result = clean_article("\n".join(ROUND2_PAGES[page]))
    kept = [line for line in result.text.split("\n") if line]
    assert result.title == ROUND2_TITLES[page]
    assert [line for line in kept if "Tuesday" not in line] == THREE


@pytest.mark.parametrize("placeholder", ["Image", "[Photo]", "Image 2 of 5", "Enlarge this image"])
def test_the_caption_under_an_image_placeholder_goes(placeholder: str) -> None:
    caption = "Trucks queue at the border crossing in Bavet on Monday."
    reported = "Officials said the trucks had waited for two days at the border crossing."
    for under, removed in ((caption, True), (reported, False)):
        raw = "\n".join(["Ministers agree to expand rice trade", "", BODY[0], "", placeholder,
                         under, "", BODY[1]])
        result = clean_article(raw)
        assert (under not in result.text) is removed
        assert placeholder not in result.text and all(s in result.text for s in BODY)


# Platform chrome, publisher boilerplate, chat and e-mail chrome (blind set C's classes, each
# as a family of the shapes real pages give it), with prose look-alikes that must stay.
FAMILY_DEBRIS = [
    ("#Cambodia #Mekong #Trade", "platform chrome"),
    ("#ASEAN2025, #Laos, #Diplomacy", "platform chrome"),
    ("…see more", "platform chrome"),
    ("... see more", "platform chrome"),
    ("Show less", "platform chrome"),
    ("👍❤️ 1,204", "platform chrome"),
    ("🔥 12  👏 3", "platform chrome"),
    ("❤️ 2.4K", "platform chrome"),
    ("Home My Network Jobs Messaging Notifications", "platform chrome"),
    ("Home Explore Notifications Messages Bookmarks Profile More", "platform chrome"),
    ("38 comments · 12 reposts", "comment count"),
    ("View Comments (12)", "comment count"),
    ("Show all 38 comments", "comment count"),
    ("How does this make you feel?", "reaction widget"),
    ("What's your reaction?", "reaction widget"),
    ("Was this article helpful?", "reaction widget"),
    ("Did you find this story useful?", "reaction widget"),
    ("Rate this article:", "reaction widget"),
    ("DFA photo", "image credit"),
    ("Malacañang photo", "image credit"),
    ("Xinhua file photo", "image credit"),
    ("PCO Photo", "image credit"),
    ("Reuters screengrab", "image credit"),
    ("Summary is AI-generated, newsroom-reviewed", "summary box"),
    ("AI-generated summary", "summary box"),
    ("This summary was generated with AI and checked by our editors", "summary box"),
    ("AI Summary", "summary box"),
    ("Mekong Briefs is produced by the Delta Policy Centre, a private, non-profit institution "
     "based in Bangkok.", "publisher notice"),
    ("Its research is nonpartisan and nonproprietary.", "publisher notice"),
    ("The Institute does not take institutional positions on policy issues.",
     "publisher notice"),
    ("Accordingly, all views, positions, and conclusions expressed in this brief should be "
     "understood to be solely those of the authors.", "publisher notice"),
    ("Transcripts are prepared by a transcription vendor and may be revised.",
     "transcript disclaimer"),
    ("This is a rush transcript. Copy may not be in its final form.", "transcript disclaimer"),
    ("This transcript was automatically generated and may contain errors.",
     "transcript disclaimer"),
    ("Please review the episode audio before quoting from this transcript.",
     "transcript disclaimer"),
    ("Messages and calls are end-to-end encrypted. No one outside of this chat can read them.",
     "chat app notice"),
    ("Messages to this group are now secured with end-to-end encryption. Tap for more info.",
     "chat app notice"),
    ("Forwarded", "chat app notice"),
    ("This message was deleted", "chat app notice"),
    ("Dilarang mengutip atau menyalin berita ini tanpa izin tertulis dari redaksi.",
     "reproduction notice"),
    ("No part of this article may be reproduced without the publisher's permission.",
     "reproduction notice"),
    ("本文未经授权禁止转载", "reproduction notice"),
    ("Toute reproduction interdite sans l'accord de la rédaction.", "reproduction notice"),
    ("Automated crawling and text and data mining of this site are prohibited without written "
     "permission.", "reproduction notice"),
    ("The Morning Brief. Our daily newsletter with the region's top stories, straight to your "
     "inbox. Sign up now.", "newsletter box"),
    ("Mekong Weekly is a free newsletter that lands in your inbox every Friday with the week's "
     "river news and analysis.", "newsletter box"),
    ("FOR IMMEDIATE RELEASE", "press release"),
    ("Embargoed until 00:01 GMT, 5 May 2025", "press release"),
    ("- ENDS -", "press release"),
    ("Media contact: press@example.org", "press release"),
    ("Notes to editors:", "press release"),
    ("---------- Forwarded message ---------", "e-mail forward"),
    ("Begin forwarded message:", "e-mail forward"),
    ("Sent from my iPhone", "e-mail forward"),
    ("Subject: Fwd: Canal statement", "e-mail forward"),
    ("Cc: desk@example.org", "e-mail forward"),
    ("From: Dara Sok <dara@example.org>", "e-mail forward"),
    ("FYI, see below.", "e-mail forward"),
    ("Fwd: statement from the ministry, arrived this morning", "e-mail forward"),
    ("Please see the statement below.", "e-mail forward"),
    ("https://www.example.com/asia/2025/04/canal-plan 2/4", "link"),
    ("https://example.org/news/item Page 3 of 5", "link"),
    ("Like Comment Repost Send", "platform chrome"),
    ("Report this post", "platform chrome"),
    ("+ Follow", "platform chrome"),
    ("See translation", "platform chrome"),
    ("All reactions:", "platform chrome"),
    ("Top fan", "platform chrome"),
    ("<Media omitted>", "chat app notice"),
    ("Tap to view photo", "chat app notice"),
    ("Open in Telegram", "chat app notice"),
    ("Channel photo updated", "chat app notice"),
    ("On Tue, 6 Aug 2024 at 08:30, Lina Tan <lina@example.org> wrote:", "e-mail forward"),
    ("Get Outlook for Android", "e-mail forward"),
    ("If you are not the intended recipient, please delete this message.", "e-mail disclaimer"),
    ("CAUTION: This email originated from outside the organisation.", "e-mail disclaimer"),
    ("(SOUNDBITE OF PROTEST CHANTING)", "broadcast chrome"),
    ("(LAUGHTER)", "broadcast chrome"),
    ("Play Live Radio", "broadcast chrome"),
    ("Listen to article (4 min)", "broadcast chrome"),
    ("Courtesy: Ministry of National Defence", "image credit"),
    ("Was this helpful?", "reaction widget"),
    ("The Key Points at the top of this article were created with the assistance of Artificial "
     "Intelligence (AI) and reviewed by a journalist.", "AI disclosure"),
    ("This story was produced using generative AI and checked by an editor.", "AI disclosure"),
]
FAMILY_LOOKALIKES = [
    "Signal's messages are end-to-end encrypted, experts say, so police cannot read them.",
    "Messages from the ministry were forwarded to police, who said they would investigate.",
    '"How does this make you feel?" the reporter asked a farmer in Kandal province.',
    "The report was produced by the Lowy Institute, an independent think tank in Sydney, and "
    "found that aid rose.",
    "Its research is widely cited by officials in Phnom Penh and Beijing.",
    "The ministry said the documents must not be reproduced without approval from the cabinet.",
    "He urged migrant workers to sign up today for the new registration scheme.",
    "The transcript was released by the court on Monday.",
    "Police said the photo was taken in Sihanoukville.",
    "Group photo shows ministers at the summit in Phnom Penh on Monday.",
    "The minister said the press release would follow on Friday.",
    "Media contacts in Phnom Penh said the talks were postponed.",
    "Hun Sen said he would see more of his counterpart this year.",
    "Home ministry officials met on Monday.",
    "Cambodia is the #1 rice exporter in the region, officials said.",
    "The party's newsletter, which lands in your inbox every week, criticised the plan, "
    "officials said.",
    "Forward planning is key, the minister said.",
    "Embargo on arms sales to Cambodia lifted",
    "Sok Dara: We will never accept a foreign base.",
    "On Monday, the minister wrote:",
    "2024",
    "Follow the money",
    "Save the Mekong",
    "Officials said the message was forwarded to the embassy in Phnom Penh on Friday.",
    "If you are a farmer near the canal, the ministry said, you will be paid.",
    "Police said the fake video of the minister was created with the help of artificial "
    "intelligence.",
]


@pytest.mark.parametrize(("line", "reason"), FAMILY_DEBRIS)
def test_platform_publisher_chat_and_mail_chrome_is_removed(line: str, reason: str) -> None:
    assert debris_reason(line) == reason


@pytest.mark.parametrize("line", FAMILY_LOOKALIKES)
def test_prose_that_looks_like_platform_or_publisher_chrome_is_kept(line: str) -> None:
    assert debris_reason(line) is None


HEADLINE = "Ministers agree to expand rice trade"


@pytest.mark.parametrize(("thread", "removed"), [
    # a news site's comments: a count, then "name: text" entries
    (["View Comments (2)", "Dara Sok: Good. Now do the recruiters too.",
      "riverwatcher: The real number is higher."], True),
    # a social post's comments: a form, the commenter's header, an action bar
    (["412 reactions · 38 comments", "Add a comment…", "Lina Tan • 2nd Trade economist",
      "Point 3 matters most. Happy to share the tariff data.", "Like · Reply · 3d"], True),
    # a thread with no heading: commenters' dated stamps, its form after it
    (["Vuthy Chan · 18 February 2025 at 7:41 am", "They will just move the trade elsewhere.",
      "Mey Lin · 19 February 2025 at 10:03 pm", "Who pays for the trucks? Ask that.",
      "Leave a Reply Cancel reply"], True),
    # an interview's answers after the text: names and colons, but no comment heading
    (["Sok Dara: We will keep both markets open and sell where the price is best.",
      "Lina Tan: Then the new quota matters less than the freight rates."], False),
    # dated stamps over long paragraphs: a page's own sections, not comments
    (["Vuthy Chan · 18 February 2025", " ".join(BODY * 2),
      "Mey Lin · 19 February 2025", " ".join(BODY * 2)], False),
])
def test_comment_threads_of_many_platforms(thread: list[str], removed: bool) -> None:
    result = clean_article("\n".join([HEADLINE, "", BODY[0], "", BODY[1], "", *thread]))
    assert all(line in result.text for line in BODY)
    last = thread[-2] if thread[-1].startswith("Leave") else thread[-1]
    assert (last not in result.text) is removed


@pytest.mark.parametrize(("box", "removed"), [
    (["Summary is AI-generated, newsroom-reviewed", "Ministers agreed to expand rice trade.",
      "Both sides will review quotas next year."], True),
    (["AI summary", "Rice exports will grow under the deal."], True),
    # a report's own summary under a plain heading stays
    (["Key points", "Rice exports will grow under the deal."], False),
])
def test_a_story_summary_box_goes_with_its_points(box: list[str], removed: bool) -> None:
    result = clean_article("\n".join([HEADLINE, "", *box, "", BODY[0], "", BODY[1]]))
    assert (box[-1] not in result.text) is removed
    assert all(line in result.text for line in BODY)


@pytest.mark.parametrize(("line", "dateline"), [
    ("Bangkok CNN —", True),
    ("PHNOM PENH, Cambodia (AP) —", True),
    ("Phnom Penh (FN), April 18 –", True),
    ("The Big Picture -", False),
])
def test_a_dateline_alone_over_the_first_paragraph_is_audited_as_the_texts(
        line: str, dateline: bool) -> None:
    result = clean_article("\n".join([HEADLINE, "", "By Sok Dara", line, BODY[0], "", BODY[1]]))
    reasons = {removal.text: removal.reason for removal in result.removed}
    assert (reasons.get(line) == "dateline") is dateline
    assert all(sentence in result.text for sentence in BODY)


def test_endnotes_run_on_from_notes_whose_markers_were_found() -> None:
    raw = "\n".join([HEADLINE, "", BODY[0] + "3", "", BODY[1], "",
                     "3 Ministry of Commerce, trade bulletin, various issues.",
                     "4 Interviews with exporters, Battambang, May 2024."])
    result = clean_article(raw)
    assert "Interviews with exporters" not in result.text and "trade bulletin" not in result.text


@pytest.mark.parametrize(("caption", "removed"), [
    ("Cranes over the new port in Kampot, where dozens of warehouses have opened since 2020.",
     True),
    ("Officials said the port had handled more cargo than expected this year.", False),
])
def test_a_caption_with_a_relative_clause_over_its_credit(caption: str, removed: bool) -> None:
    raw = "\n".join([HEADLINE, "By Sok Dara", caption, "Photograph: Lina Tan/AFP/Getty Images",
                     BODY[0], BODY[1]])
    result = clean_article(raw)
    assert (caption not in result.text) is removed
    assert all(line in result.text for line in BODY)


def test_a_bio_under_a_closing_byline_that_says_what_the_author_writes_about() -> None:
    raw = "\n".join([HEADLINE, "", BODY[0], "", BODY[1], "", "Written by Sok Dara",
                     "Writes about rice, rivers and trade. Opinions my own."])
    result = clean_article(raw)
    assert "Writes about" not in result.text and all(line in result.text for line in BODY)


@pytest.mark.parametrize(("lines", "title"), [
    # a chat's bold headline
    (["Forwarded many times", "", "*Ministers agree to expand rice trade*", "", *BODY],
     "*Ministers agree to expand rice trade*"),
    # a post's headline in capitals, with only the author's name above it
    (["Sok Dara", "3d • Edited", "", "MINISTERS AGREE TO EXPAND RICE TRADE", "", *BODY],
     "MINISTERS AGREE TO EXPAND RICE TRADE"),
    # a short headline over a deck of two sentences
    (["Asia | Trade", "Rice diplomacy", "A new deal expands exports to China. It may not last",
      "", *BODY], "Rice diplomacy"),
    # a press release under its issuer, whose first sentence ends with a note's marker
    (["Embassy of Cambodia", "FOR IMMEDIATE RELEASE", "August 5, 2024", "",
      "Statement on the Rice Trade Agreement", "", BODY[0] + "1", "", BODY[1]],
     "Statement on the Rice Trade Agreement"),
])
def test_the_headline_of_chat_post_deck_and_release_pages(lines: list[str], title: str) -> None:
    assert clean_article("\n".join(lines)).title == title


def test_the_first_rule_found_is_the_first_in_order_that_matches() -> None:
    """The cleaner looks for all needed pieces at once and tries only the rules whose piece
    it found: the rule it reports is the first of the lexicon, in order, that may apply to the
    line (its word bound, its guard) and matches it."""
    rules = load_debris_rules()
    lines = [line for line, _ in DEBRIS + UNSEEN_DEBRIS + FAMILY_DEBRIS + NOTES_DEBRIS] \
        + ARTICLE_LINES + UNSEEN_ARTICLE_LINES + FAMILY_LOOKALIKES
    for line in lines:
        stripped = line.strip()
        prose = is_article_sentence(stripped)
        n_words = count_words(stripped)
        expected = next((rule for rule in rules
                         if (rule.max_words is None or n_words <= rule.max_words)
                         and not (prose and rule.guarded) and rule.matches(stripped)), None)
        assert debris_rule(stripped, rules, prose=prose) is expected, line


@pytest.mark.parametrize(("piece", "words"), [
    ("does not take ", 3), ("end-to-end encrypt", 2), (" your inbox", 2), ("#", 0),
    ("转载", 1), ("x. y", 1),
])
def test_the_fewest_words_a_needed_piece_holds(piece: str, words: int) -> None:
    assert words_in_piece(piece) == words
