"""Article files in any common encoding are decoded without mojibake; binaries are refused."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from helpers.corpus.pipeline import page_author
from helpers.corpus.reading import (
    UnreadableFile,
    decode,
    encoding_note,
    read_article,
    sniff_binary,
)

TEXT = "Phnom Penh’s “ironclad” ties – café, naïve, Sihanoukville € 5"


@pytest.mark.parametrize(("data", "encoding"), [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8 (with BOM)"),
    (TEXT.encode("utf-16"), "utf-16"),
    (TEXT.encode("cp1252"), "cp1252"),
])
def test_decoding_recovers_the_text(data: bytes, encoding: str) -> None:
    decoded = decode(data)
    assert decoded.text == TEXT
    assert decoded.encoding == encoding


def test_latin_1_text() -> None:
    text = "Le Cambodge et la Chine ont réaffirmé leur amitié à Phnom Penh."
    decoded = decode(text.encode("latin-1"))
    assert decoded.text == text
    assert decoded.encoding == "latin-1"


@pytest.mark.parametrize(("data", "kind"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
    (b"abc\x00\x00\x01\x02def", "NUL"),
])
def test_binary_files_are_named(data: bytes, kind: str) -> None:
    assert kind in sniff_binary(data)


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty"), (b"   \n\t\n ", "only whitespace"), (b"%PDF-1.4 binary", "PDF"),
])
def test_unreadable_files_say_why(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    with pytest.raises(UnreadableFile, match=message):
        read_article(path, max_bytes=1000)


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Cambodia and China. " * 2000)
    with pytest.raises(UnreadableFile, match="over the 0.0 MB limit"):
        read_article(path, max_bytes=1000)


# --- Saved web pages ------------------------------------------------------------------------

BODY_HTML = (
    "<p>PHNOM PENH — Cambodia and China agreed on Tuesday to build a new irrigation network in "
    "the north-west of the country, officials said after talks in the capital.</p>"
    "<p>The project, financed by a concessional loan, is expected to water more than forty "
    "thousand hectares of rice fields when it is finished in three years.</p>"
    "<p>Farmers in the province said the canals would allow a second harvest each year, but "
    "some worried about compensation for land taken by the works.</p>"
)


def page(head: str = "", header: str = "", footer: str = "") -> str:
    """A saved news page with the given head tags, article header and page footer."""
    return (f"<!DOCTYPE html><html><head><title>Irrigation deal signed | River Post</title>{head}"
            "</head><body><nav><a href='/'>Home</a> | <a href='/asia'>Asia</a></nav>"
            f"<article><h1>Irrigation deal signed for the north-west</h1>{header}{BODY_HTML}"
            f"</article><footer>{footer}</footer></body></html>")


@pytest.mark.parametrize(("html", "date", "source"), [
    (page(head='<meta property="article:published_time" content="2021-03-09T08:00:00+07:00">'),
     "2021-03-09", "html: meta article:published_time"),
    (page(head='<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
               '[{"@type": "NewsArticle", "datePublished": "2020-11-30"}]}</script>'),
     "2020-11-30", "html: JSON-LD datePublished"),
    (page(header='<time datetime="2019-06-02T10:00">June 2, 2019</time>'), "2019-06-02",
     "html: <time datetime> in the article's article"),
    # Never invented: a copyright year, a modification date, a date in a link.
    (page(footer="<p>(c) 2024 River Post. All rights reserved.</p>"), "", ""),
    (page(head='<meta property="article:modified_time" content="2022-01-05T09:00:00Z">'), "", ""),
    (page(footer="<a href='/2018/05/07/older-story'>Older story</a>"), "", ""),
    (page(head='<meta property="article:published_time" content="yesterday">'), "", ""),
])
def test_a_saved_page_is_read_and_dated_only_from_its_metadata(
        tmp_path: Path, html: str, date: str, source: str) -> None:
    path = tmp_path / "irrigation.html"
    path.write_text(html, encoding="utf-8")
    article = read_article(path, max_bytes=100_000)
    assert article.file_type == "html"
    assert article.text.splitlines()[0] == "Irrigation deal signed for the north-west"
    assert "forty thousand hectares" in article.text
    assert "Home" not in article.text
    assert (article.page.date, article.page.date_source) == (date, source)


def test_a_saved_page_names_its_site_and_author(tmp_path: Path) -> None:
    head = ('<meta property="og:site_name" content="River Post">'
            '<meta name="author" content="Sok Dara">')
    path = tmp_path / "page.htm"
    path.write_text(page(head=head), encoding="utf-8")
    facts = read_article(path, max_bytes=100_000).page
    assert (facts.site_name, facts.author) == ("River Post", "Sok Dara")


def test_html_source_saved_as_text_is_read_as_a_page(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(page(), encoding="utf-8")
    article = read_article(path, max_bytes=100_000)
    assert article.file_type == "html"
    assert "irrigation network" in article.text


@pytest.mark.parametrize("html", [
    "<!DOCTYPE html><html><head><title>Login</title></head><body><form>"
    "<input name='user'></form></body></html>",
    "<html><body><nav>Home | Asia | World</nav></body></html>",
    "<html><body><p>",
])
def test_a_page_without_article_text_is_a_named_problem(tmp_path: Path, html: str) -> None:
    path = tmp_path / "empty.html"
    path.write_text(html, encoding="utf-8")
    with pytest.raises(UnreadableFile, match="no article text found in the saved page"):
        read_article(path, max_bytes=100_000)


@pytest.mark.parametrize(("encoding", "note"), [
    ("utf-8", None),
    ("utf-8 (with BOM)", None),
    ("utf-8 (with 3 stray Windows-1252 bytes)", "read as UTF-8 with 3 stray Windows-1252 bytes"),
    ("cp1252", "read as cp1252 (not UTF-8)"),
    ("utf-16", "read as utf-16 (not UTF-8)"),
])
def test_the_encoding_note_never_calls_utf_8_not_utf_8(encoding: str, note: str | None) -> None:
    assert encoding_note(encoding) == note


def test_a_text_file_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    article = read_article(path, max_bytes=1000)
    assert (article.text, article.encoding, article.file_type, article.page) == (
        TEXT, "utf-8 (with BOM)", "md", None)


@pytest.mark.parametrize(("names", "author"), [
    ("Sok Dara", "Sok Dara"), ("Sok Dara; August", "Sok Dara"),
    ("Lina Tan; Voice of America", "Lina Tan"), ("March 3, 2021", ""),
])
def test_a_page_author_is_a_person(names: str, author: str) -> None:
    assert page_author(names) == author
