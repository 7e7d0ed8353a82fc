"""Generate synthetic news corpora of any size for the benchmarks.

Articles are assembled from the sentence bank in ``sentences.txt`` (templates filled with the
facts of one of several bilateral relationships), with a headline, an optional agency stamp or
byline, a dateline, paragraphs of one to three sentences, quotes, figures, and web-page debris
lines at the top, in the middle and at the end, as scraped pages have. Lengths follow the
lognormal distribution of real news articles (median about 500 words); dates spread over ten
years; a few articles are wire copies run again by another outlet (near-duplicates). A
``metadata.csv`` gives file, date, outlet and outlet_country (some dates left empty, to be
inferred from the text). Everything is drawn from a seeded generator: the same arguments
write the same files.

Run ``python -m benchmarks.generate FOLDER --articles 1000`` to write a corpus.
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

SENTENCE_BANK = Path(__file__).resolve().parent / "sentences.txt"
FIRST_DAY = date(2015, 1, 1)
DAYS = 3653  # ten years
MEDIAN_WORDS = 470  # target body length; with headline, closing and debris the median is ~500
SIGMA_WORDS = 0.55  # lognormal spread: about 2/3 of articles between 290 and 870 words
MIN_WORDS, MAX_WORDS = 80, 4000
SHARE_UNDATED_IN_METADATA = 0.05  # metadata.csv date cell left empty
SHARE_WIRE_COPIES = 0.03  # an earlier article run again by another outlet
# Sections of the bank that make an article's body, and how often each is drawn.
BODY_SECTIONS = ("narration", "quote", "reported", "figures", "critical", "background")
BODY_WEIGHTS = (30, 24, 16, 10, 12, 8)
METADATA_COLUMNS = ["file", "date", "outlet", "outlet_country"]

_SLOT = re.compile(r"\{(\w+)\}")
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass(frozen=True)
class Country:
    """The facts of one country that the templates name."""

    name: str
    adjective: str
    capital: str
    foreign_minister: str
    leader: str
    outlets: tuple[str, ...]


@dataclass(frozen=True)
class Relationship:
    """A partner country A and a larger power B, with the people and things their news names."""

    a: Country
    b: Country
    ambassador: str
    spokesperson: str
    analysts: tuple[str, ...]
    institutes: tuple[str, ...]
    projects: tuple[str, ...]


# People are invented; capitals, outlets and forums are real, so the texts read like news.
_CHINA = Country(
    "China",
    "Chinese",
    "Beijing",
    "Foreign Minister Liu Wenhai",
    "President Zhao Minghua",
    ("Xinhua", "Global Times", "China Daily"),
)
_JAPAN = Country(
    "Japan",
    "Japanese",
    "Tokyo",
    "Foreign Minister Kenji Morita",
    "Prime Minister Hiroshi Tanabe",
    ("Kyodo News", "Nikkei Asia", "The Japan Times"),
)
_USA = Country(
    "the United States",
    "American",
    "Washington",
    "Secretary of State Mark Ellison",
    "President Daniel Hart",
    ("Associated Press", "The Washington Post", "Voice of America"),
)
_INDIA = Country(
    "India",
    "Indian",
    "New Delhi",
    "External Affairs Minister Arun Mehra",
    "Prime Minister Vikram Rao",
    ("The Hindu", "Press Trust of India"),
)
WIRES = ("Reuters", "AFP", "The Diplomat", "South China Morning Post", "Nikkei Asia")

RELATIONSHIPS = (
    Relationship(
        Country(
            "Cambodia",
            "Cambodian",
            "Phnom Penh",
            "Foreign Minister Sok Vannak",
            "Prime Minister Chea Sophal",
            ("Khmer Times", "The Phnom Penh Post", "Cambodianess"),
        ),
        _CHINA,
        "Ambassador Wang Jiandong",
        "ministry spokesperson Chum Sounry",
        ("Heng Dara", "Kim Sothea"),
        ("the Asian Vision Institute", "the Royal University of Phnom Penh"),
        ("the expressway to the coast", "the Ream port upgrade", "the new international airport"),
    ),
    Relationship(
        Country(
            "Laos",
            "Lao",
            "Vientiane",
            "Foreign Minister Khamphao Sisavath",
            "Prime Minister Bounmy Phommachanh",
            ("Vientiane Times", "Lao News Agency"),
        ),
        _CHINA,
        "Ambassador Chen Haoran",
        "ministry spokesperson Vilayvanh Keo",
        ("Somsack Inthavong",),
        ("the National University of Laos",),
        ("the Laos-China railway", "the Nam Ou hydropower cascade", "the Boten economic zone"),
    ),
    Relationship(
        Country(
            "the Philippines",
            "Philippine",
            "Manila",
            "Foreign Affairs Secretary Ramon Cruz",
            "President Antonio Reyes",
            ("Philippine Daily Inquirer", "Rappler", "The Philippine Star"),
        ),
        _USA,
        "Ambassador Sarah Whitman",
        "foreign affairs spokesperson Teresita Lim",
        ("Jose Santiago", "Maria Dizon"),
        ("the Stratbase ADR Institute", "the University of the Philippines"),
        (
            "the Subic Bay logistics hub",
            "the new coast guard station",
            "the Luzon economic corridor",
        ),
    ),
    Relationship(
        Country(
            "Vietnam",
            "Vietnamese",
            "Hanoi",
            "Foreign Minister Nguyen Van Thanh",
            "Prime Minister Tran Quoc Binh",
            ("VnExpress", "Vietnam News", "Tuoi Tre"),
        ),
        _CHINA,
        "Ambassador Xiong Bo",
        "ministry spokesperson Le Thi Hang",
        ("Nguyen Khac Giang", "Pham Minh Duc"),
        ("the Diplomatic Academy of Vietnam",),
        ("the Lao Cai-Hanoi rail link", "the Cat Linh metro line", "the border trade zone"),
    ),
    Relationship(
        Country(
            "Indonesia",
            "Indonesian",
            "Jakarta",
            "Foreign Minister Sri Handayani",
            "President Budi Santoso",
            ("The Jakarta Post", "Antara", "Tempo"),
        ),
        _JAPAN,
        "Ambassador Takeshi Ono",
        "ministry spokesperson Teuku Rahman",
        ("Dewi Lestari", "Andi Wibowo"),
        ("the Centre for Strategic and International Studies",),
        ("the Jakarta-Surabaya railway", "the Patimban deep-sea port", "the MRT extension"),
    ),
    Relationship(
        Country(
            "Sri Lanka",
            "Sri Lankan",
            "Colombo",
            "Foreign Minister Ranil Perera",
            "President Mahinda Jayasuriya",
            ("Daily Mirror", "The Island", "Daily FT"),
        ),
        _INDIA,
        "High Commissioner Suresh Iyer",
        "ministry spokesperson Dilani Fernando",
        ("Dayan Silva",),
        ("the Lakshman Kadirgamar Institute",),
        ("the Trincomalee energy hub", "the Colombo port terminal", "the northern railway"),
    ),
    Relationship(
        Country(
            "Kenya",
            "Kenyan",
            "Nairobi",
            "Foreign Cabinet Secretary Grace Wanjiru",
            "President Samuel Otieno",
            ("Daily Nation", "The Standard", "The Star"),
        ),
        _CHINA,
        "Ambassador Zhou Ping",
        "ministry spokesperson Peter Mwangi",
        ("Wanjiku Kamau", "Otieno Ouma"),
        ("the Africa Policy Institute", "the University of Nairobi"),
        ("the standard gauge railway", "the Nairobi expressway", "the Lamu port corridor"),
    ),
    Relationship(
        Country(
            "Thailand",
            "Thai",
            "Bangkok",
            "Foreign Minister Prasert Chaiyaporn",
            "Prime Minister Somchai Wongsuwan",
            ("Bangkok Post", "The Nation", "Thai PBS"),
        ),
        _USA,
        "Ambassador Robert Keane",
        "ministry spokesperson Kanchana Suriya",
        ("Thitinan Rattanakul",),
        ("the Institute of Security and International Studies",),
        (
            "the Eastern Economic Corridor",
            "the Utapao airport expansion",
            "the Mekong research centre",
        ),
    ),
)
SECTORS = (
    "agriculture",
    "energy",
    "digital economy",
    "tourism",
    "infrastructure",
    "education",
    "public health",
    "maritime security",
    "customs",
    "finance",
    "manufacturing",
    "renewable energy",
    "telecommunications",
    "water resources",
)
FORUMS = (
    "the ASEAN summit",
    "the East Asia Summit",
    "the G20 summit",
    "the UN General Assembly",
    "the Boao Forum for Asia",
    "the Belt and Road Forum",
    "the Shangri-La Dialogue",
    "the APEC leaders' meeting",
    "the Mekong-Lancang foreign ministers' meeting",
)


@dataclass
class GeneratedArticle:
    """One generated article: its file name, text and metadata row."""

    file: str
    text: str
    date: date
    outlet: str
    outlet_country: str
    metadata_date: str  # the metadata.csv cell ("" for some articles)


@lru_cache(maxsize=2)
def read_bank(path: Path = SENTENCE_BANK) -> dict[str, tuple[str, ...]]:
    """The sentence bank: section name -> templates (comments and blank lines skipped)."""
    sections: dict[str, list[str]] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("[") and stripped.endswith("]"):
            current = sections.setdefault(stripped[1:-1], [])
        elif current is not None:
            current.append(stripped)
    return {name: tuple(lines) for name, lines in sections.items()}


def article_length(rng: random.Random) -> int:
    """A target length in words, from a lognormal distribution with median ``MEDIAN_WORDS``."""
    words = int(rng.lognormvariate(math.log(MEDIAN_WORDS), SIGMA_WORDS))
    return min(MAX_WORDS, max(MIN_WORDS, words))


def _fill(template: str, slots: dict[str, str], rng: random.Random) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "n":
            return str(rng.randint(2, 12))
        if name == "n2":
            return str(rng.randint(2, 9))
        if name == "bn":
            return f"{rng.uniform(0.2, 25):.1f} billion"
        if name == "pct":
            return f"{rng.uniform(1, 45):.1f}"
        return slots[name]

    text = _SLOT.sub(value, template)
    return text[0].upper() + text[1:]


def _slots(
    relationship: Relationship, day: date, outlet: str, rng: random.Random
) -> dict[str, str]:
    a, b = relationship.a, relationship.b
    return {
        "A": a.name,
        "B": b.name,
        "A_adj": a.adjective,
        "B_adj": b.adjective,
        "A_cap": a.capital,
        "B_cap": b.capital,
        "A_fm": a.foreign_minister,
        "B_fm": b.foreign_minister,
        "A_leader": a.leader,
        "B_leader": b.leader,
        "amb": relationship.ambassador,
        "spokes": relationship.spokesperson,
        "analyst": rng.choice(relationship.analysts),
        "institute": rng.choice(relationship.institutes),
        "project": rng.choice(relationship.projects),
        "sector": rng.choice(SECTORS),
        "forum": rng.choice(FORUMS),
        "year": str(rng.randint(max(1995, day.year - 12), day.year)),
        "month": rng.choice(_MONTHS),
        "weekday": _WEEKDAYS[day.weekday()],
        "agency": outlet,
    }


def compose_article(relationship: Relationship, day: date, outlet: str, rng: random.Random) -> str:
    """The text of one article about ``relationship``, published by ``outlet`` on ``day``."""
    bank = read_bank()
    slots = _slots(relationship, day, outlet, rng)
    target = article_length(rng)
    lines: list[str] = []
    if rng.random() < 0.4:
        lines.append(_fill(rng.choice(bank["debris_top"]), slots, rng))
    lines.append(_fill(rng.choice(bank["headline"]), slots, rng))
    if rng.random() < 0.3:
        lines.append(
            f"Source: {outlet}| {day.isoformat()} {rng.randint(6, 22):02d}:"
            f"{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}|Editor: {rng.choice('ABCDEFGH')}"
            f"{rng.choice('KLMNPQRS')}"
        )
    if rng.random() < 0.35:
        lines.append(
            "By "
            + rng.choice(
                (
                    "Anna Lindqvist",
                    "Rahul Menon",
                    "Lim Sovann",
                    "Mai Anh",
                    "Joseph Kariuki",
                    "Siti Rahma",
                    "Tom Becker",
                )
            )
        )
    if rng.random() < 0.3:
        lines.append(_fill(rng.choice(bank["debris_top"]), slots, rng))
    place = relationship.a.capital if rng.random() < 0.7 else relationship.b.capital
    dateline = f"{place.upper()}, {_MONTHS[day.month - 1]} {day.day} ({outlet}) -- "
    if rng.random() < 0.3:
        dateline = f"{place}, {day.day} {_MONTHS[day.month - 1]} {day.year} ({outlet}): "
    lead = _fill(rng.choice(bank["lead"]), slots, rng)
    lines.append(dateline + lead if rng.random() < 0.8 else lead)
    words = len(lead.split())
    used: set[str] = set()  # templates used in this article (reused only once all are)
    n_body = sum(len(bank[section]) for section in BODY_SECTIONS)
    while words < target:
        paragraph = []
        for _ in range(rng.choice((1, 1, 2, 2, 3))):
            template = rng.choice(bank[rng.choices(BODY_SECTIONS, weights=BODY_WEIGHTS)[0]])
            if template in used:
                continue
            used.add(template)
            if len(used) == n_body:
                used.clear()
            sentence = _fill(template, slots, rng)
            paragraph.append(sentence)
            words += len(sentence.split())
        if paragraph:
            lines.append(" ".join(paragraph))
        if rng.random() < 0.04:
            lines.append(_fill(rng.choice(bank["debris_middle"]), slots, rng))
    lines.append(_fill(rng.choice(bank["closing"]), slots, rng))
    for _ in range(rng.choice((0, 1, 2, 3))):
        lines.append(_fill(rng.choice(bank["debris_bottom"]), slots, rng))
    return "\n\n".join(lines) + "\n"


def _wire_copy(original: GeneratedArticle, outlet: str, rng: random.Random) -> str:
    """An earlier article run again by another outlet: the same story, other page debris."""
    bank = read_bank()
    paragraphs = original.text.rstrip("\n").split("\n\n")
    story = [p for p in paragraphs if len(p.split()) > 8 or p.endswith((".", '"'))]
    slots = {"agency": outlet, "year": str(original.date.year), "A": "", "B": ""}
    footer = rng.choice([line for line in bank["debris_bottom"] if "{A}" not in line])
    return "\n\n".join([*story, _SLOT.sub(lambda m: slots.get(m.group(1), ""), footer)]) + "\n"


def generate_articles(count: int, *, seed: int = 0, first_index: int = 0) -> list[GeneratedArticle]:
    """Generate ``count`` articles, named ``article_<index>.txt`` from ``first_index``.

    Args:
        count: number of articles.
        seed: the random seed (the same seed gives the same articles).
        first_index: index of the first file name (to add articles to an existing corpus).

    Returns:
        The articles, in file-name order.
    """
    rng = random.Random(seed)
    articles: list[GeneratedArticle] = []
    for index in range(first_index, first_index + count):
        relationship = rng.choice(RELATIONSHIPS)
        source = rng.random()
        if source < 0.45:
            outlet, country = rng.choice(relationship.a.outlets), relationship.a.name
        elif source < 0.75:
            outlet, country = rng.choice(relationship.b.outlets), relationship.b.name
        else:
            outlet, country = rng.choice(WIRES), ""
        country = country.removeprefix("the ")
        if articles and rng.random() < SHARE_WIRE_COPIES:
            original = rng.choice(articles)
            day = original.date + timedelta(days=rng.randint(0, 2))
            text = _wire_copy(original, outlet, rng)
        else:
            day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
            text = compose_article(relationship, day, outlet, rng)
        cell = "" if rng.random() < SHARE_UNDATED_IN_METADATA else day.isoformat()
        articles.append(
            GeneratedArticle(f"article_{index:06d}.txt", text, day, outlet, country, cell)
        )
    return articles


def write_articles(folder: Path, articles: list[GeneratedArticle]) -> None:
    """Write the articles into ``folder`` and add their rows to its ``metadata.csv``."""
    folder.mkdir(parents=True, exist_ok=True)
    for article in articles:
        (folder / article.file).write_text(article.text, encoding="utf-8")
    metadata = folder / "metadata.csv"
    new_file = not metadata.is_file()
    with open(metadata, "a", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        if new_file:
            writer.writerow(METADATA_COLUMNS)
        for article in articles:
            writer.writerow(
                [article.file, article.metadata_date, article.outlet, article.outlet_country]
            )


def generate_corpus(folder: str | Path, count: int, *, seed: int = 0) -> Path:
    """Write a fresh corpus of ``count`` articles (with metadata.csv) into an empty ``folder``.

    Raises:
        FileExistsError: ``folder`` already holds files.
    """
    path = Path(folder)
    if path.exists() and any(path.iterdir()):
        raise FileExistsError(f"{path} is not empty")
    write_articles(path, generate_articles(count, seed=seed))
    return path


def add_articles(folder: str | Path, count: int, *, seed: int = 1) -> list[str]:
    """Add ``count`` new articles (and their metadata rows) to a generated corpus.

    Returns:
        The new files' names.
    """
    path = Path(folder)
    first = len(list(path.glob("article_*.txt")))
    articles = generate_articles(count, seed=seed * 1_000_003 + first, first_index=first)
    write_articles(path, articles)
    return [a.file for a in articles]


def main(argv: list[str] | None = None) -> None:
    """Command line: write a corpus of N articles into a folder."""
    cli = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__)
    cli.add_argument("folder", type=Path, help="an empty or new folder")
    cli.add_argument("--articles", type=int, default=1000, help="number of articles")
    cli.add_argument("--seed", type=int, default=0, help="random seed")
    args = cli.parse_args(argv)
    generate_corpus(args.folder, args.articles, seed=args.seed)
    print(f"wrote {args.articles} articles and metadata.csv to {args.folder}")


if __name__ == "__main__":
    main()
