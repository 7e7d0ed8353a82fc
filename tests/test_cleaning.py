"""Cleaning: debris lines go, article sentences stay, on tables of real-world page lines."""

from __future__ import annotations

import pytest

from helpers.corpus.cleaning import (
    clean_article,
    debris_reason,
    is_page_furniture,
    reads_as_prose,
    script_of,
)

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
