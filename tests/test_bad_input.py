"""Bad input through the loader and the report build: every case is named as a problem (file,
and row and column of metadata.csv), the other documents are analysed, every report still
renders, and nothing of the raw text is lost.

Most cases share one messy corpus, loaded once and built once (all report notebooks); only
what cannot share a folder (no folder at all, one document, one date, no dates) gets its own.
"""

from __future__ import annotations

import csv
import fcntl
import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from helpers import config
from helpers.build.cli import main
from helpers.build.parameters import report_notebooks
from helpers.build.render import script_hash
from helpers.corpus.load import Corpus, CorpusError, load_corpus
from helpers.corpus.metadata_file import read_metadata
from helpers.corpus.reading import UnreadableFile, decode, read_article
from tests.conftest import build, values_of
from tests.synthetic import HOSTILE, NEUTRAL, WARM, article_text, several_years_corpus

pytestmark = pytest.mark.xdist_group("bad_input")

# --- The messy corpus ----------------------------------------------------------------------

CP1252_TEXT = (
    "Café diplomacy by the Mekong\n\n"
    "The minister met reporters at a café near the river and called the agreement “ironclad” – "
    "a word officials repeat often.\n\n"
    "Both governments said the new port would open next year, and the ambassador’s staff "
    "confirmed the schedule for the opening ceremony.\n\n"
    "Critics said the deal was rushed and that its costs were still unclear to the public.\n"
)
LATIN1_TEXT = (
    "Naïve hopes at the river summit\n\n"
    "Delegates from both countries met in a hotel where the résumé of each negotiator was read "
    "aloud before the talks began.\n\n"
    "The finance minister said the loan would cost about £40 million and pay for roads and "
    "bridges in the north.\n\n"
    "The opposition asked for the full contract to be published before any vote in parliament.\n"
)
UTF16_TEXT = (
    "Señor García’s visit to the capital\n\n"
    "The visiting envoy praised the “strategic partnership” and admired the façade of the new "
    "embassy building near the palace.\n\n"
    "Officials from the foreign ministry held three rounds of talks on fisheries, customs and "
    "student exchanges.\n\n"
    "A joint statement will follow later this week, a spokesperson told journalists on Monday.\n"
)
FRENCH_TEXT = (
    "Le Cambodge et la Chine renforcent leur coopération\n\n"
    "Le ministre des Affaires étrangères a rencontré son homologue chinois à Pékin mardi. "
    "Les deux pays ont signé plusieurs accords de coopération économique et culturelle.\n\n"
    "Ils ont réaffirmé leur amitié indéfectible et leur soutien mutuel face aux défis régionaux.\n"
)
SPANISH_TEXT = (
    "Camboya y China firman nuevos acuerdos\n\n"
    "El ministro de Asuntos Exteriores se reunió con su homólogo chino en Pekín el martes. "
    "Los dos países firmaron varios acuerdos de cooperación económica y cultural.\n\n"
    "Ambos gobiernos reafirmaron su amistad y su apoyo mutuo ante los desafíos de la región.\n"
)
WIRE_TEXT = (
    "Ministers agree on a new trade corridor\n\n"
    "The foreign ministers of the two countries agreed on Tuesday to open a new trade corridor "
    "linking the northern provinces with the deep-sea port in the south.\n\n"
    "The corridor will include a highway, a railway line and a dry port, according to a joint "
    "statement issued after the talks in the capital.\n\n"
    "Officials said construction would begin next year and take about four years, with "
    "financing from a consortium of state banks and private investors.\n\n"
    "The two sides also discussed customs procedures, agricultural exports, tourism and a plan "
    "to train engineers at the technical university.\n\n"
    "Trade between the two countries grew by about eleven percent last year, official figures "
    "showed, and both sides set a target of doubling it within five years.\n"
)
# The same wire story run by a second outlet: new headline, a sentence cut, a few words changed.
WIRE_EDITED = (
    WIRE_TEXT.replace("Ministers agree on a new trade corridor", "New trade corridor agreed")
    .replace("on Tuesday", "on Tuesday afternoon")
    .replace(" and take about four years,", ",")
)
# The same wire story cut short by a third outlet: its first three paragraphs under a new title.
WIRE_CUT = "Trade corridor deal\n\n" + "\n\n".join(WIRE_TEXT.split("\n\n")[1:4]) + "\n"
ODD_NAME_TEXT = article_text([
    "Fishermen on the lake said the new rules on net sizes would cut their income this season.",
    "The provincial governor promised a review of the rules before the rainy season begins.",
    "A local association welcomed the promise but asked for compensation for lost catches.",
])
NO_ROW_TEXT = article_text([
    "The central bank kept its main interest rate unchanged for the third month in a row.",
    "Economists expect inflation to ease as fuel prices fall and the harvest comes in.",
    "Exporters of garments and rice asked for cheaper credit to weather weaker demand abroad.",
], title="An article nobody listed")
HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"
HOSTILE_PWN = '<script>window.__communique_pwned = "yes"</script>'
HOSTILE_PIXEL = '<img src="https://example.com/pixel.png">'
HOSTILE_LINK = "[read the full deal](https://example.com/phish)"
HOSTILE_MATHS = "$x^2 + y^2$"
HOSTILE_TEXT = (
    f"Summit talks {HOSTILE_SCRIPT} end {HOSTILE_IMG} early\n\n"
    f"The minister praised the excellent cooperation {HOSTILE_IMG} between the two countries.\n\n"
    f"“{HOSTILE_PWN} is a wonderful, excellent success,” the foreign minister said.\n\n"
    f"Critics condemned the deal {HOSTILE_PIXEL} as a dangerous trap, see {HOSTILE_LINK}.\n\n"
    f"Analysts said the loan would cost {HOSTILE_MATHS} and more, a terrible burden for years.\n\n"
    "The two sides discussed the schedule for the next round of talks in the capital.\n"
)
HOSTILE_OUTLET = "<b>Evil Outlet</b>"
# Cells a spreadsheet would run as formulas: a title, sentences, an outlet and a group value.
FORMULA_TITLE = '=HYPERLINK("http://evil.example";"Cambodia and China sign a port deal")'
FORMULA_TEXT = (
    f"{FORMULA_TITLE}\n\n"
    '=HYPERLINK("http://evil.example";"click") Cambodia and China signed a port deal on Monday.'
    "\n\n"
    "+1 the ministers said the port would open next year to ships from both countries.\n\n"
    "-2 percent growth was forecast by analysts who called the deal a dangerous trap.\n\n"
    "@SUM(1+1) the two sides praised their excellent cooperation at the signing ceremony.\n"
)
FORMULA_OUTLET = "@Evil Outlet"
FORMULA_COUNTRY = "-Cambodia"
HOSTILE_COUNTRY = "<img src=x onerror=alert(2)>"
HOSTILE_FILE = "<i>odd name<i>.txt"
DEBRIS_ONLY = "top of page\nFollow us\nMost Popular\nAdvertisement\nShare this article\n"
HUGE_MB = 20

# metadata.csv of the messy corpus, written in Windows-1252 (a bad encoding for a CSV).
# Each row: file, date, outlet, outlet_country.
MESSY_METADATA = [
    ("windows.txt", "2024-13-45", "The Phnom Penh Post", "Cambodia"),  # impossible date
    ("latin1.txt", "12/05/2024", "Khmer Times", "Cambodia"),  # unknown date format
    ("utf16.txt", "2023-03-01", "Xinhua", "China"),
    ("french.txt", "2022-06-01", "Le Monde — édition", "France"),
    ("spanish.txt", "2022-07-01", "El País", "Spain"),
    ("wire_a.txt", "2023-05-02", "Xinhua", "China"),
    ("wire_b.txt", "2023-05-03", "Khmer Times", "Cambodia"),
    ("wire_c.txt", "2023-05-04", "The Phnom Penh Post", "Cambodia"),
    ("copy.txt", "2023-08-01", "Copycat Daily", "Cambodia"),
    ("hostile.md", "2022-02-02", HOSTILE_OUTLET, HOSTILE_COUNTRY),
    (HOSTILE_FILE, "2022-02-03", "Odd Names Weekly", "Cambodia"),
    ("ghost.txt", "2022-01-01", "Nowhere News", "Cambodia"),  # a row for a missing file
    ("formula.txt", "2022-03-03", FORMULA_OUTLET, FORMULA_COUNTRY),
]
GOOD = several_years_corpus()[:4]
# The messy reports are grouped by a metadata column holding HTML, so that it shows in each.
MESSY_GROUP_BY = "outlet_country"


def write_messy_corpus(folder: Path) -> Path:
    """Write a corpus holding every bad-input case that can share a folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for article in GOOD:
        (folder / article.file).write_text(article.text, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text(" \n\n\t  \n", encoding="utf-8")
    (folder / "debris.txt").write_text(DEBRIS_ONLY, encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "windows.txt").write_bytes(CP1252_TEXT.replace("\n", "\r\n").encode("cp1252"))
    (folder / "latin1.txt").write_bytes(LATIN1_TEXT.encode("latin-1"))
    (folder / "utf16.txt").write_bytes(UTF16_TEXT.encode("utf-16"))
    (folder / "french.txt").write_text(FRENCH_TEXT, encoding="utf-8")
    (folder / "spanish.txt").write_text(SPANISH_TEXT, encoding="utf-8")
    (folder / "wire_a.txt").write_text(WIRE_TEXT, encoding="utf-8")
    (folder / "wire_b.txt").write_text(WIRE_EDITED, encoding="utf-8")
    (folder / "wire_c.txt").write_text(WIRE_CUT, encoding="utf-8")
    (folder / "copy.txt").write_text(GOOD[0].text, encoding="utf-8")
    (folder / "hostile.md").write_text(HOSTILE_TEXT, encoding="utf-8")
    (folder / HOSTILE_FILE).write_text(ODD_NAME_TEXT, encoding="utf-8")
    (folder / "norow.txt").write_text(NO_ROW_TEXT, encoding="utf-8")
    (folder / "formula.txt").write_text(FORMULA_TEXT, encoding="utf-8")
    with open(folder / "huge.txt", "wb") as handle:
        handle.write(b"Cambodia and China discussed trade and roads again. " * (HUGE_MB * 20_000))
    rows = [("file", "date", "outlet", "outlet_country")]
    rows += [(a.file, a.date, a.outlet, "Cambodia") for a in GOOD]
    rows += MESSY_METADATA
    lines = [",".join(f'"{cell}"' if "," in cell else cell for cell in row) for row in rows]
    (folder / config.METADATA_FILE).write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return folder


def shared_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A temporary folder shared by every test worker of this run (and by the modules that
    import these fixtures), so the messy corpus is written and built once."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (a lock file) for the block."""
    with open(path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def messy_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The messy corpus folder, written once per test run."""
    shared = shared_folder(tmp_path_factory)
    folder = shared / "messy-corpus"
    with locked(shared / "messy-corpus.lock"):
        if not (folder / config.METADATA_FILE).is_file():  # written last
            write_messy_corpus(folder)
    return folder


@pytest.fixture(scope="session")
def messy(messy_corpus: Path) -> Corpus:
    """The messy corpus, loaded without a cache."""
    return load_corpus(messy_corpus, cache_dir=None)


@pytest.fixture(scope="session")
def messy_reports(messy_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every report built on the messy corpus, once per test run (the browser tests use it)."""
    shared = shared_folder(tmp_path_factory)
    out = shared / "messy-reports"
    with locked(shared / "messy-reports.lock"):
        if not (out / "build.json").is_file():
            results = build(messy_corpus, out, parameters={"group_by": MESSY_GROUP_BY})
            failed = [f"{r.name}: {r.error}" for r in results if r.status != "ok"]
            assert not failed, failed
    return out


def problems_of(corpus: Corpus, file: str) -> list[str]:
    """The problem messages naming ``file``."""
    return list(corpus.problems.loc[corpus.problems["file"] == file, "message"])


# --- Unit tables: decoding, metadata.csv (near-duplicates: test_duplicates.py) -----------

TEXT = "Phnom Penh’s “ironclad” ties – café, naïve"


@pytest.mark.parametrize(("data", "text", "encoding"), [
    (TEXT.encode("utf-16-le"), TEXT, "utf-16-le (no BOM)"),
    (TEXT.encode("utf-16-be"), TEXT, "utf-16-be (no BOM)"),
    ("The minister’s “plan”".encode() + b" and \x93quoted\x94 caf\xe9",
     "The minister’s “plan” and “quoted” café", "utf-8 (with 3 stray Windows-1252 bytes)"),
    ("Ã©tait à la café où".encode("cp1252"), "Ã©tait à la café où", "latin-1"),
])
def test_awkward_encodings_are_decoded(data: bytes, text: str, encoding: str) -> None:
    decoded = decode(data)
    assert (decoded.text, decoded.encoding) == (text, encoding)


@pytest.mark.parametrize(("content", "message"), [
    # Saved pages are read, but one without article text is named as such.
    (b"<!DOCTYPE html>\n<html><head><title>News</title></head><body>x</body></html>",
     "no article text found in the saved page"),
    (b"  <html lang='en'>\n<body><p>Text</p></body></html>", "no article text found"),
    ("<!doctype html><p>x</p>".encode("utf-16"), "no article text found"),
    (b"\x00\x01\x02\x03" * 100, "binary"),
])
def test_files_that_are_not_articles_are_refused(tmp_path: Path, content: bytes,
                                                 message: str) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(content)
    with pytest.raises(UnreadableFile, match=message):
        read_article(path, max_bytes=10_000)


METADATA_TABLES = [
    # (metadata.csv content, expected given values {file: {column: value}}, expected problems)
    ("file;date;outlet\na.txt;2024-05-01;Xinhua\n", {"a.txt": {"outlet": "Xinhua"}}, []),
    ("file\tdate\na.txt\t2024-05-01\n", {"a.txt": {"date": "2024-05-01"}}, []),
    ("File,Date,Outlet\na.txt,May 2024,AFP\n",
     {"a.txt": {"date": "May 2024", "outlet": "AFP"}}, []),
    ("file,outlet\n./a.txt,AFP\nsub\\b.txt,Reuters\n",
     {"a.txt": {"outlet": "AFP"}, "sub/b.txt": {"outlet": "Reuters"}}, []),
    ("file,date,outlet\na.txt,2024-01-01,Xinhua, Beijing\nsub/b.txt,2024-01-02,AFP\n",
     {"sub/b.txt": {"outlet": "AFP"}}, [("error", 2, "row 2 has 4 cells but the header has 3")]),
    ("file,date,outlet\na.txt,2024-01-01\n", {"a.txt": {"outlet": ""}},
     [("warning", 2, "row 2 has 2 cells but the header has 3")]),
    ("file,outlet\nA.TXT,AFP\n", {}, [("warning", 2, "did you mean 'a.txt'?")]),
    ("file,outlet\nsub/b,AFP\n", {}, [("warning", 2, "did you mean 'sub/b.txt'?")]),
    ('file,title\na.txt,"A title\nover two lines"\nsub/b.txt,"x"\nghost.txt,y\n',
     {"a.txt": {"title": "A title\nover two lines"}}, [("warning", 5, "row 5 names 'ghost.txt'")]),
    ("file,date,date\na.txt,2024-01-01,2023-01-01\n", {"a.txt": {"date": "2024-01-01"}},
     [("error", None, "column 'date' appears twice")]),
    ("", {}, [("error", None, "is empty")]),
    ("\n\n", {}, [("error", None, "is empty")]),
]


@pytest.mark.parametrize(("content", "given", "problems"), METADATA_TABLES)
def test_metadata_csv_variants(tmp_path: Path, content: str, given: dict,
                               problems: list[tuple]) -> None:
    path = tmp_path / "metadata.csv"
    path.write_text(content, encoding="utf-8", newline="")
    table, found = read_metadata(path, ["a.txt", "sub/b.txt"])
    for file, values in given.items():
        for column, value in values.items():
            assert table.at[file, column] == value
    named = [(p["severity"], p["line"], p["message"]) for p in found if p["file"] == "metadata.csv"]
    for severity, line, fragment in problems:
        assert any(s == severity and n == line and fragment in m for s, n, m in named), named
    if not problems:
        assert not named, named


def test_a_spreadsheet_saved_as_metadata_csv_is_named(tmp_path: Path) -> None:
    path = tmp_path / "metadata.csv"
    path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + bytes(200))
    table, found = read_metadata(path, ["a.txt"])
    assert table.empty
    assert found[0]["severity"] == "error" and "ZIP archive" in found[0]["message"]


# --- The messy corpus through the loader --------------------------------------------------

FILE_PROBLEMS = [
    # (file, severity, what the message says)
    ("empty.txt", "error", "the file is empty"),
    ("blank.txt", "error", "only whitespace"),
    ("debris.txt", "warning", "only web-page debris"),
    ("scan.pdf", "warning", "not an article file"),
    ("photo.txt", "error", "PNG image, not text"),
    ("huge.txt", "error", f"over the {config.MAX_FILE_MB:.1f} MB limit"),
    ("windows.txt", "info", "read as cp1252"),
    ("latin1.txt", "info", "read as latin-1"),
    ("utf16.txt", "info", "read as utf-16"),
    ("french.txt", "warning", "language detected as 'fr', not English"),
    ("spanish.txt", "warning", "language detected as 'es', not English"),
    ("copy.txt", "warning", "duplicate of article_00.txt"),
    ("wire_b.txt", "warning", "duplicate of wire_a.txt"),
    ("wire_c.txt", "warning", "duplicate of wire_a.txt"),
    ("norow.txt", "info", "no row in metadata.csv"),
]
METADATA_PROBLEMS = [
    # (row line in metadata.csv, column, severity, what the message says)
    (None, None, "warning", "not UTF-8: read as cp1252"),
    (6, "date", "error", "row 6, column date: '2024-13-45' is not a valid date"),
    (7, "date", "error", "row 7, column date: '12/05/2024' is not a date format"),
    (17, "file", "warning", "row 17 names 'ghost.txt', which is not an article file"),
]
ANALYSED = ["article_00", "article_01", "article_02", "article_03", "windows", "latin1",
            "utf16", "wire_a", "wire_b", "wire_c", "copy", "hostile", "<i>odd name<i>",
            "norow", "formula"]


@pytest.mark.parametrize(("file", "severity", "fragment"), FILE_PROBLEMS)
def test_each_bad_file_is_a_named_problem(messy: Corpus, file: str, severity: str,
                                          fragment: str) -> None:
    rows = messy.problems[messy.problems["file"] == file]
    assert any(s == severity and fragment in m for s, m in zip(rows["severity"], rows["message"],
                                                               strict=True)), rows


@pytest.mark.parametrize(("line", "column", "severity", "fragment"), METADATA_PROBLEMS)
def test_each_bad_metadata_row_names_row_and_column(messy: Corpus, line: int | None,
                                                    column: str | None, severity: str,
                                                    fragment: str) -> None:
    rows = messy.problems[messy.problems["file"] == config.METADATA_FILE]
    match = rows[rows["message"].str.contains(fragment, regex=False)]
    assert len(match) == 1, rows
    row = match.iloc[0]
    assert row["severity"] == severity
    assert (None if pd.isna(row["line"]) else int(row["line"])) == line
    assert (None if pd.isna(row["column"]) else row["column"]) == column


def test_the_other_documents_are_analysed(messy: Corpus) -> None:
    docs = messy.documents.set_index("doc_id")
    assert sorted(docs.index[docs["analysable"]]) == sorted(ANALYSED)
    scored = messy.sentences.dropna(subset=["vader_compound"])
    assert set(scored["doc_id"]) == set(ANALYSED)
    refused = {"empty", "blank", "photo", "huge", "scan"}
    assert not refused & set(docs.index)


@pytest.mark.parametrize(("file", "encoding", "words"), [
    ("windows.txt", "cp1252", ["café", "“ironclad”", "–", "ambassador’s"]),
    ("latin1.txt", "latin-1", ["résumé", "£40 million"]),
    ("utf16.txt", "utf-16", ["Señor García’s", "“strategic partnership”", "façade"]),
    ("french.txt", "utf-8", ["coopération", "Pékin"]),
])
def test_encodings_are_decoded_without_mojibake(messy: Corpus, file: str, encoding: str,
                                                words: list[str]) -> None:
    doc = messy.documents.set_index("file").loc[file]
    assert doc["encoding"] == encoding
    text = doc["title"] + "\n" + doc["clean_text"]
    for word in words:
        assert word in text
    assert not re.search("Ã|â€|Â|\ufffd", doc["raw_text"])


def test_metadata_csv_in_windows_1252_keeps_its_accents(messy: Corpus) -> None:
    outlets = messy.documents.set_index("file")["outlet"]
    assert outlets["french.txt"] == "Le Monde — édition"
    assert outlets["spanish.txt"] == "El País"


@pytest.mark.parametrize(("file", "language"), [("french.txt", "fr"), ("spanish.txt", "es")])
def test_non_english_articles_are_kept_but_not_analysed(messy: Corpus, file: str,
                                                        language: str) -> None:
    doc = messy.documents.set_index("file").loc[file]
    assert doc["language"] == language and not doc["analysable"]
    assert doc["n_sentences"] >= 2 and doc["clean_text"]
    sentences = messy.sentences[messy.sentences["doc_id"] == doc["doc_id"]]
    assert len(sentences) == doc["n_sentences"] and sentences["vader_compound"].isna().all()


@pytest.mark.parametrize(("file", "original"), [
    ("copy.txt", "article_00"), ("wire_b.txt", "wire_a"), ("wire_c.txt", "wire_a"),
])
def test_duplicates_are_flagged_and_can_be_dropped(messy: Corpus, messy_corpus: Path,
                                                   file: str, original: str) -> None:
    docs = messy.documents.set_index("file")
    assert docs.at[file, "duplicate_of"] == original and docs.at[file, "analysable"]
    assert docs.loc[f"{original}.txt", "duplicate_of"] == ""
    dropped = load_corpus(messy_corpus, cache_dir=None, drop_duplicates=True).documents
    dropped = dropped.set_index("file")
    assert not dropped.at[file, "analysable"] and dropped.at[f"{original}.txt", "analysable"]


def test_undated_documents_are_kept(messy: Corpus) -> None:
    docs = messy.documents.set_index("file")
    undated = sorted(docs.index[docs["date"].isna() & docs["analysable"]])
    assert undated == ["latin1.txt", "norow.txt", "windows.txt"]
    assert (docs.loc[undated, "n_sentences"] > 0).all()


def test_hostile_text_is_kept_verbatim_in_the_tables(messy: Corpus) -> None:
    doc = messy.documents.set_index("file").loc["hostile.md"]
    assert HOSTILE_SCRIPT in doc["title"]
    assert doc["outlet"] == HOSTILE_OUTLET and doc["outlet_country"] == HOSTILE_COUNTRY
    for fragment in (HOSTILE_IMG, HOSTILE_PWN, HOSTILE_PIXEL, HOSTILE_LINK, HOSTILE_MATHS):
        assert fragment in doc["clean_text"]
    sentences = messy.sentences[messy.sentences["doc_id"] == "hostile"]
    quoted = sentences[sentences["text"].str.contains("window.__communique_pwned", regex=False)]
    assert (quoted["speech"] == "quote").all() and len(quoted) == 1


def test_a_huge_file_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    folder = tmp_path / "huge"
    folder.mkdir()
    (folder / "fine.txt").write_text(article_text([WARM[0], NEUTRAL[0], HOSTILE[0]]),
                                     encoding="utf-8")
    with open(folder / "huge.txt", "wb") as handle:
        handle.write(b"Cambodia and China agreed on many things again. " * (HUGE_MB * 21_000))
    started = time.perf_counter()
    loaded = load_corpus(folder, cache_dir=None, workers=1)
    assert time.perf_counter() - started < 60  # generous: it takes about a second
    assert list(loaded.documents["file"]) == ["fine.txt"]
    assert "MB limit" in problems_of(loaded, "huge.txt")[0]


@pytest.mark.parametrize("make", ["missing", "empty", "not_a_folder", "no_articles", "unreadable"])
def test_a_corpus_that_cannot_be_analysed_is_one_clear_error(tmp_path: Path, capsys,
                                                             make: str) -> None:
    corpus = tmp_path / "corpus"
    expected = {"missing": "corpus folder not found", "empty": "no article files",
                "not_a_folder": "must be a folder", "no_articles": "no article files",
                "unreadable": "none of the 2 article file(s)"}[make]
    if make == "not_a_folder":
        corpus.write_text("an article", encoding="utf-8")
    elif make != "missing":
        corpus.mkdir()
    if make == "no_articles":
        (corpus / "scan.pdf").write_bytes(b"%PDF-1.4")
        (corpus / "metadata.csv").write_text("file,date\n", encoding="utf-8")
    if make == "unreadable":
        (corpus / "empty.txt").write_bytes(b"")
        (corpus / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(CorpusError, match=re.escape(expected)):
        load_corpus(corpus, cache_dir=None)
    status = main(["build", "--corpus", str(corpus), "--out", str(tmp_path / "out"), "--quiet"])
    error = capsys.readouterr().err.strip()
    assert status == 2
    assert error.startswith("communique: ") and expected in error and "\n" not in error
    assert not (tmp_path / "out" / "index.html").exists()


def test_a_failing_analysis_step_names_the_document_and_spares_the_others(
        make_corpus, monkeypatch) -> None:
    from helpers.corpus import attribution

    original = attribution.attribute_texts

    def failing(texts: list[str], paragraphs: list[int]) -> list[tuple]:
        if any("ironclad" in text for text in texts):
            raise RuntimeError("boom")
        return original(texts, paragraphs)

    monkeypatch.setattr(attribution, "attribute_texts", failing)
    folder = make_corpus(several_years_corpus())
    loaded = load_corpus(folder, cache_dir=None, workers=1)
    failed = [a.file for a in several_years_corpus() if "ironclad" in a.text]
    others = {a.file for a in several_years_corpus()} - set(failed)
    assert failed and set(loaded.documents["file"]) == others
    for file in failed:
        assert "analysis failed (RuntimeError: boom)" in problems_of(loaded, file)[0]


# --- Nothing lost ------------------------------------------------------------------------

def kept_lines(raw: str, removed: list[tuple[int, int]]) -> list[str]:
    """The non-blank lines of ``raw`` once the removed spans are cut out, stripped."""
    mask = bytearray(len(raw))
    for start, end in removed:
        mask[start:end] = b"\x01" * (end - start)
    remainder = "".join(c if not mask[i] or c in "\r\n" else "" for i, c in enumerate(raw))
    return [line.strip() for line in remainder.splitlines() if line.strip()]


@pytest.mark.parametrize("source", ["seeds", "synthetic", "messy"])
def test_nothing_is_lost_exactly(source: str, make_corpus, messy_corpus: Path) -> None:
    folder = {"seeds": config.SEEDS_DIR, "messy": messy_corpus}.get(source)
    loaded = load_corpus(folder or make_corpus(several_years_corpus()), cache_dir=None)
    for doc in loaded.documents.itertuples():
        audit = loaded.audit[loaded.audit["doc_id"] == doc.doc_id].sort_values("start")
        spans = list(zip(audit["start"], audit["end"], strict=True))
        # Every audit row is the raw text at its offsets, on its line, and no two overlap.
        for row in audit.itertuples():
            assert doc.raw_text[row.start:row.end] == row.text
            assert len(doc.raw_text[:row.start].splitlines()) + 1 == row.line
        assert all(end <= start for (_, end), (start, _) in zip(spans, spans[1:], strict=False))
        # What the audit does not cover is the clean text, line by line, in raw order.
        clean = [line for line in doc.clean_text.splitlines() if line.strip()]
        assert kept_lines(doc.raw_text, spans) == clean, doc.file


# --- The messy corpus through the report build ---------------------------------------------

class _ReportText(HTMLParser):
    """The visible text of a report, by section (h1/h2 heading); table rows on one line each,
    cells separated by " | "; styles and scripts left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: dict[str, list[str]] = {"": []}
        self.current = ""
        self.heading: list[str] | None = None
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("style", "script"):
            self.hidden += 1
        elif tag in ("h1", "h2"):
            self.heading = []
        elif tag in ("td", "th"):
            self.sections[self.current].append(" | ")
        elif tag in ("tr", "p", "li", "div", "br"):
            self.sections[self.current].append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self.hidden -= 1
        elif tag in ("h1", "h2") and self.heading is not None:
            self.current = "".join(self.heading).replace("¶", "").strip()
            self.sections.setdefault(self.current, [])
            self.heading = None

    def handle_data(self, data: str) -> None:
        if data.strip() and not self.hidden:  # whitespace between tags is layout, not text
            text = " ".join(data.split())
            (self.heading if self.heading is not None else self.sections[self.current]).append(text)


def report_sections(path: Path) -> dict[str, str]:
    """The visible text of each section of an HTML report, keyed by its heading."""
    parser = _ReportText()
    parser.feed(path.read_text(encoding="utf-8"))
    return {heading: "".join(parts) for heading, parts in parser.sections.items()}


def report_stems() -> list[str]:
    return [p.stem for p in report_notebooks()]


def overview_problems(out: Path) -> list[str]:
    """The lines of the overview's Problems section."""
    sections = report_sections(out / "00_corpus_overview.html")
    return [line for line in sections["Problems"].splitlines() if line.strip()]


@pytest.mark.notebook
def test_every_report_renders_on_the_messy_corpus(messy_reports: Path) -> None:
    for stem in report_stems():
        sections = report_sections(messy_reports / f"{stem}.html")
        assert len(sections) >= 3, f"{stem}: {list(sections)}"


@pytest.mark.notebook
@pytest.mark.parametrize(("file", "severity", "fragment"), FILE_PROBLEMS)
def test_each_bad_file_is_listed_in_the_overview(messy_reports: Path, file: str, severity: str,
                                                 fragment: str) -> None:
    lines = overview_problems(messy_reports)
    assert any(f"| {severity} | {file} |" in line and fragment in line for line in lines), lines


@pytest.mark.notebook
@pytest.mark.parametrize(("line", "column", "severity", "fragment"), METADATA_PROBLEMS)
def test_each_bad_metadata_row_is_listed_in_the_overview(messy_reports: Path, line: int | None,
                                                         column: str | None, severity: str,
                                                         fragment: str) -> None:
    lines = overview_problems(messy_reports)
    where = f"| {config.METADATA_FILE} | {line or ''} | {column or ''} |"
    assert any(f"| {severity} {where}" in row and fragment in row for row in lines), lines


@pytest.mark.notebook
def test_left_out_documents_are_listed_in_the_overview(messy_reports: Path) -> None:
    lines = overview_problems(messy_reports)
    for file, language in [("french.txt", "fr"), ("spanish.txt", "es"), ("debris.txt", "unknown")]:
        assert any(f"| {file} | {language} |" in line for line in lines), lines


@pytest.mark.notebook
def test_undated_documents_are_counted_in_every_report(messy_reports: Path) -> None:
    overview = values_of(messy_reports, "00_corpus_overview")
    assert overview["n_undated"] == 4  # latin1, norow, windows and the debris-only file
    for stem in report_stems():
        text = "\n".join(report_sections(messy_reports / f"{stem}.html").values())
        expected = "4 undated document" if stem.startswith("00_") else "3 undated document"
        assert expected in text, stem


@pytest.mark.notebook
def test_dropping_duplicates_leaves_them_out_of_the_analyses(
        messy_corpus: Path, messy_reports: Path, tmp_path: Path) -> None:
    # The overview and one analysis notebook: every notebook opens the corpus the same way.
    out = tmp_path / "dropped"
    assert main(["build", "--corpus", str(messy_corpus), "--out", str(out), "--quiet",
                 "--notebook", "00", "--notebook", "01", "-p", "drop_duplicates", "true"]) == 0
    kept, dropped = (values_of(o, "00_corpus_overview") for o in (messy_reports, out))
    assert dropped["n_documents"] == kept["n_documents"]
    assert dropped["n_analysable"] == kept["n_analysable"] - 3 == len(ANALYSED) - 3
    before, after = values_of(messy_reports, "01_sentiment"), values_of(out, "01_sentiment")
    assert after["n_docs"] == before["n_docs"] - 3 == len(ANALYSED) - 3


def without_allowed_scripts(html: str) -> str:
    """The page without the scripts its Content-Security-Policy allows by hash (the
    project's own interactive-table script); any other script is left in."""
    policy = re.search(r"<meta[^>]*Content-Security-Policy[^>]*>", html, flags=re.I)
    allowed = set(re.findall(r"'sha256-[A-Za-z0-9+/=]+'", policy.group(0) if policy else ""))
    return re.sub(r"<script[^>]*>(.*?)</script>",
                  lambda m: "" if script_hash(m.group(1)) in allowed else m.group(0),
                  html, flags=re.S | re.I)


LIVE_FRAGMENTS = [HOSTILE_SCRIPT, HOSTILE_IMG, HOSTILE_PWN, HOSTILE_PIXEL, HOSTILE_OUTLET,
                  HOSTILE_COUNTRY, HOSTILE_FILE, "<i>odd"]


@pytest.mark.notebook
def test_hostile_text_is_escaped_in_every_notebook_output(messy_reports: Path) -> None:
    # What JupyterLab renders: the executed notebooks' HTML and Markdown outputs. There, "$"
    # must be escaped too, or the Lab would typeset the text between two "$" as maths.
    for stem in report_stems():
        notebook = nbformat.read(messy_reports / f"{stem}.ipynb", as_version=4)
        rendered = "".join(output.get("data", {}).get(kind, "")
                           for cell in notebook.cells for output in cell.get("outputs", [])
                           for kind in ("text/html", "text/markdown"))
        for fragment in [*LIVE_FRAGMENTS, HOSTILE_MATHS[:4]]:
            assert fragment not in rendered, f"{fragment} is live in an output of {stem}"


@pytest.mark.notebook
def test_hostile_text_is_escaped_in_every_report(messy_reports: Path) -> None:
    # The HTML reports load no maths renderer (checked in the browser), so "$" may stay as is.
    for page in ["index", *report_stems()]:
        html = without_allowed_scripts((messy_reports / f"{page}.html").read_text(encoding="utf-8"))
        for fragment in LIVE_FRAGMENTS:
            assert fragment not in html, f"{fragment} is live HTML in {page}"
        assert "<script" not in html.lower(), f"a script not allowed by the page's policy in {page}"
        assert 'href="https://example.com' not in html, f"a markdown link rendered in {page}"
    text = "\n".join(report_sections(messy_reports / "00_corpus_overview.html").values())
    for fragment in (HOSTILE_SCRIPT, HOSTILE_IMG, HOSTILE_OUTLET, HOSTILE_FILE):
        assert fragment in text  # titles, outlets and file names, as text


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_no_csv_cell_runs_as_a_spreadsheet_formula(messy_reports: Path) -> None:
    """Titles, sentences, outlets and group values that begin with = + - @ reach the tables
    prefixed with ' (OWASP), in every CSV of every report; numbers stay numbers."""
    cells: list[str] = []
    for path in sorted((messy_reports / "tables").glob("*.csv")):
        with open(path, newline="", encoding="utf-8") as handle:
            for row in csv.reader(handle):
                cells.extend(row)
                live = [c for c in row if c[:1] in ("=", "+", "-", "@", "\t", "\r")
                        and not _is_number(c)]
                assert not live, f"{path.name}: {live}"
    for fragment in ("'=HYPERLINK(", f"'{FORMULA_OUTLET}", f"'{FORMULA_COUNTRY}", "'+1 the",
                     "'-2 percent", "'@SUM(1+1)"):
        assert any(cell.startswith(fragment) for cell in cells), fragment  # the test reached it
    assert any(_is_number(cell) and cell.startswith("-") for cell in cells)


# --- Corpora that cannot share a folder ----------------------------------------------------

DATELINED = [
    ("PHNOM PENH, 3 May 2023 (Xinhua) -- " + " ".join(WARM[:2]), NEUTRAL[0], HOSTILE[0]),
    ("PHNOM PENH, 3 May 2023 (Xinhua) -- " + WARM[2], NEUTRAL[1], HOSTILE[1] + " " + WARM[3]),
    ("BEIJING, 3 May 2023 (Xinhua) -- " + HOSTILE[2], NEUTRAL[2], WARM[0]),
]


def write_small_corpus(folder: Path, kind: str) -> Path:
    """A corpus for one of the cases that need a folder of their own.

    ``one_document``: a single undated article and no metadata.csv;
    ``one_date``: three articles whose datelines give the same date, with a metadata.csv that
    has no ``file`` column.
    """
    folder.mkdir(parents=True)
    if kind == "one_document":
        (folder / "only.txt").write_text(
            article_text([WARM[0], NEUTRAL[0], HOSTILE[0], WARM[1], NEUTRAL[1]],
                         title="The only article"), encoding="utf-8")
    else:
        for i, sentences in enumerate(DATELINED):
            (folder / f"story_{i}.txt").write_text(
                article_text(list(sentences), title=f"Talks in the capital, part {i + 1}"),
                encoding="utf-8")
        (folder / config.METADATA_FILE).write_text(
            "name,outlet\nstory_0.txt,Xinhua\nstory_1.txt,Xinhua\n", encoding="utf-8")
    return folder


@pytest.mark.notebook
@pytest.mark.xdist_group("bad_input_small")  # may run beside the messy build, on another worker
@pytest.mark.parametrize("kind", ["one_document", "one_date"])
def test_degenerate_corpora_render_every_report_with_notes(tmp_path: Path, kind: str) -> None:
    folder = write_small_corpus(tmp_path / kind, kind)
    loaded = load_corpus(folder, cache_dir=None)
    if kind == "one_date":
        assert set(loaded.documents["date"].dt.strftime("%Y-%m-%d")) == {"2023-05-03"}
        [error] = loaded.problems.loc[loaded.problems["file"] == config.METADATA_FILE, "message"]
        assert "no 'file' column" in error and "columns found: name, outlet" in error
    else:
        assert len(loaded.documents) == 1 and loaded.documents["date"].isna().all()
    out = tmp_path / "out"
    results = build(folder, out)
    assert [r.status for r in results] == ["ok"] * len(results), [r.error for r in results]
    for result in results:
        sections = report_sections(out / result.html)
        assert len(sections) >= 3, result.name
        html = (out / result.html).read_text(encoding="utf-8")
        assert 'class="communique-note"' in html, f"{result.name} notes nothing it cannot show"
    overview = "\n".join(report_sections(out / "00_corpus_overview.html").values())
    if kind == "one_date":
        assert "All dated documents fall in one period" in overview
        assert "no 'file' column" in overview
    else:
        assert "No document has a date, so no timeline can be drawn." in overview
