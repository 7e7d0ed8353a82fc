"""Cleaning: debris lines go, article sentences stay, on tables of real-world page lines."""

from __future__ import annotations

import pytest

from helpers.corpus.cleaning import clean_article, debris_reason

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
]


@pytest.mark.parametrize(("line", "reason"), DEBRIS)
def test_debris_lines_are_removed_with_their_reason(line: str, reason: str) -> None:
    assert debris_reason(line) == reason


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
