"""Write small synthetic corpora for tests: articles assembled from sentences, with dates and
outlets, with or without a metadata.csv."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Article:
    """One synthetic article."""

    file: str
    text: str
    date: str = ""  # YYYY-MM-DD, or "" for none
    outlet: str = ""
    title: str = ""  # a title for metadata.csv ("" for none: the text's own is inferred)


def write_corpus(folder: Path, articles: list[Article], *, metadata: bool = True) -> Path:
    """Write ``articles`` (and a metadata.csv with file, date, outlet, and title when any
    article has one) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for article in articles:
        (folder / article.file).write_text(article.text, encoding="utf-8")
    if metadata:
        with open(folder / "metadata.csv", "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            titled = any(article.title for article in articles)
            writer.writerow(["file", "date", "outlet", *(["title"] if titled else [])])
            for article in articles:
                writer.writerow([article.file, article.date, article.outlet,
                                 *([article.title] if titled else [])])
    return folder


WARM = [
    "Both sides praised their ironclad friendship and pledged to deepen the excellent cooperation.",
    "The minister thanked China for its generous and timely support, calling the ties a success.",
    "Leaders celebrated the warm, fruitful partnership and a wonderful new era of trust.",
    "Officials said the talks were productive and friendly, and hailed the strong mutual benefit.",
]
HOSTILE = [
    "Critics condemned the deal as a dangerous and corrupt trap that hurts ordinary people.",
    "Protesters accused the government of terrible abuses and angrily rejected the failed project.",
    "Analysts warned of a bitter dispute, with threats, sanctions and deep hostility.",
    "The opposition said the agreement was a disastrous mistake and a shameful betrayal.",
]
NEUTRAL = [
    "The meeting took place in the capital on Tuesday.",
    "The delegation included officials from the foreign ministry and the trade ministry.",
    "The two sides discussed the schedule for the next round of talks.",
]


def article_text(sentences: list[str], *, title: str = "") -> str:
    """An article: an optional headline, then one paragraph per sentence."""
    head = f"{title}\n\n" if title else ""
    return head + "\n\n".join(sentences) + "\n"


def several_years_corpus() -> list[Article]:
    """Eight articles over 2019-2023 from three outlets, one without any date."""
    outlets = ["Xinhua", "Khmer Times", "The Phnom Penh Post"]
    articles = []
    for i, year in enumerate([2019, 2019, 2020, 2021, 2021, 2022, 2023]):
        body = [WARM[i % 4], NEUTRAL[i % 3], HOSTILE[(i + 1) % 4], NEUTRAL[(i + 1) % 3]]
        articles.append(
            Article(
                f"article_{i:02d}.txt",
                article_text(body, title=f"Story number {i}"),
                f"{year}-0{1 + i % 9}-15",
                outlets[i % 3],
            )
        )
    articles.append(Article("undated.txt", article_text([WARM[0], NEUTRAL[0], HOSTILE[0]]), "", ""))
    return articles
