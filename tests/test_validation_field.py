"""The field-corpus scoring of make validate (helpers.validation.field): its rules on a tiny
field corpus whose right answers are known."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from helpers.validation.field import field_report, kept_in, normalise, same_date, same_outlet

BODY = ("Cambodia and China signed an agreement on Monday to build a new road in the north of "
        "the country, officials said. The road will link two provincial towns and cost about "
        "120 million dollars, the ministry said in a statement. Work is due to start next year "
        "and end three years later, according to the plan published by the ministry.")


def write_field(folder: Path) -> Path:
    articles = folder / "articles"
    articles.mkdir(parents=True)
    (articles / "a.txt").write_text(
        "Home | World | Business\nRoad deal signed\nBy Dara Sok / Reuters\n\n"
        f"PHNOM PENH, May 3, 2024 (Reuters) - {BODY}\n\nShare on Facebook\n", encoding="utf-8")
    (articles / "b.txt").write_text(f"Road deal, again\n\n{BODY}\n", encoding="utf-8")
    pd.DataFrame([
        {"file": "a.txt", "date": "2024-05-03", "date_stated": "true", "outlet": "Reuters",
         "outlet_named": "true", "published_by": "", "title": "Road deal signed",
         "language": "en", "notes": ""},
        {"file": "b.txt", "date": "", "date_stated": "false", "outlet": "",
         "outlet_named": "false", "published_by": "", "title": "Road deal, again",
         "language": "en", "notes": ""},
    ]).to_csv(folder / "gold.csv", index=False)
    pd.DataFrame([
        {"file": "a.txt", "kind": "debris", "class": "menu", "text": "Home | World | Business"},
        {"file": "a.txt", "kind": "meta", "class": "title", "text": "Road deal signed"},
        {"file": "a.txt", "kind": "meta", "class": "byline", "text": "By Dara Sok / Reuters"},
        {"file": "a.txt", "kind": "debris", "class": "share", "text": "Share on Facebook"},
        {"file": "b.txt", "kind": "meta", "class": "title", "text": "Road deal, again"},
    ]).to_csv(folder / "lines.csv", index=False)
    return folder


def test_a_clean_tiny_field_corpus_meets_every_target(tmp_path: Path) -> None:
    from helpers.validation.field import validate_field

    scores = validate_field(write_field(tmp_path))
    assert (scores.dates_stated, scores.dates_found, scores.wrong_dates) == (1, 1, 0)
    assert (scores.outlets_named, scores.outlets_found, scores.wrong_outlets) == (1, 1, 0)
    assert scores.titles_right == 2 and scores.english_set_aside == 0
    assert scores.debris_sentences == 0 and scores.body_sentences_removed == 0
    assert scores.body_sentences == 6  # three sentences in each body
    assert all(met in (True, None) for *_rest, met in field_report(scores))


@pytest.mark.parametrize(
    ("found", "gold", "expected"),
    [("2024-05-03", "2024-05-03", True), ("2024-05-03", "2024-05", True),
     ("2024-05-04", "2024-05-03", False), (None, "2024-05-03", False),
     ("2024-05-03", "", False)],
)
def test_same_date_at_the_gold_precision(found: str | None, gold: str, expected: bool) -> None:
    assert same_date(pd.Timestamp(found) if found else None, gold) is expected


@pytest.mark.parametrize(
    ("found", "gold", "expected"),
    [("The Phnom Penh Post", "Phnom Penh Post", True), ("xinhua", "Xinhua", True),
     ("Kyodo News", "The Japan Times", False), ("NHK World", "NHK World-Japan", True),
     ("Antara News Agency", "ANTARA", True), ("ABC Australia", "ABC News (Australia)", True),
     ("Channel NewsAsia", "CNA", False), ("The Cambodia Daily", "Kyodo News", False)],
)
def test_same_outlet_ignores_case_and_a_leading_the(found: str, gold: str, expected: bool) -> None:
    assert same_outlet(found, gold) is expected


@pytest.mark.parametrize(
    ("sentence", "clean", "expected"),
    [
        ("PHNOM PENH, May 3 (Xinhua) -- Cambodia and China on Friday signed a deal to build "
         "a road in the north.",
         "Cambodia and China on Friday signed a deal to build a road in the north.", True),
        ("Cambodia and China signed a deal on roads and bridges.", "Cambodia and China", False),
        ("Officials said so.", "Officials said so. More text.", True),
    ],
)
def test_a_sentence_is_kept_without_its_dateline(sentence: str, clean: str, expected: bool) -> None:
    assert kept_in(normalise(sentence), normalise(clean)) is expected
