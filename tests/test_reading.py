"""Article files in any common encoding are decoded without mojibake; binaries are refused."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from helpers.corpus.pipeline import page_author
from helpers.corpus.reading import (
    PageFacts,
    UnreadableFile,
    decode,
    encoding_note,
    lines_around_text,
    page_blocks,
    page_context,
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
    (page(head='<meta name="dcterms.issued" content="2018-07-30">'), "2018-07-30",
     "html: meta dcterms.issued"),
    (page(head='<meta property="og:pubdate" content="2017-05-02T09:00:00+07:00">'), "2017-05-02",
     "html: meta og:pubdate"),
    (page(header='<span itemprop="datePublished" content="2016-10-14">14 Oct</span>'),
     "2016-10-14", "html: <span itemprop=datePublished>"),
    (page(footer='<time itemprop="datePublished" datetime="2015-01-02T08:00">Jan 2</time>'),
     "2015-01-02", "html: <time itemprop=datePublished>"),
    # ... but never a modification date in microdata, nor a page's own "date" of generation
    (page(header='<time itemprop="dateModified" datetime="2022-01-05">Jan 5</time>'), "", ""),
    (page(head='<meta name="generated" content="2023-02-01">'), "", ""),
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


@pytest.mark.parametrize(("head", "stamp", "url"), [
    ('<meta property="article:published_time" content="2025-04-06T18:13:00Z">'
     '<link rel="canonical" href="https://www.abc.net.au/news/2025-04-07/irrigation/105">',
     "2025-04-06T18:13:00Z", "https://www.abc.net.au/news/2025-04-07/irrigation/105"),
    ('<meta property="og:url" content="https://riverpost.example/irrigation">'
     '<meta name="pubdate" content="2021-03-09">', "2021-03-09", "https://riverpost.example/irrigation"),
    ("", "", ""),
])
def test_a_saved_page_keeps_its_date_stamp_as_written_and_its_address(
        tmp_path: Path, head: str, stamp: str, url: str) -> None:
    path = tmp_path / "irrigation.html"
    path.write_text(page(head=head), encoding="utf-8")
    facts = read_article(path, max_bytes=100_000).page
    assert (facts.date_stamp, facts.url) == (stamp, url)


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


# --- A page's visible blocks around its text --------------------------------------------------

@pytest.mark.parametrize(("html", "blocks"), [
    ("<div>Home <a href='/'>News</a></div><p>First <b>bold</b> para.</p>",
     ["Home News", "First bold para."]),
    ("<div>Posted by <span>admin</span><div>inner</div>tail text</div>",
     ["Posted by admin", "inner", "tail text"]),
    ("<p>one<br>two</p><script>var x = 1;</script><style>p {}</style><!-- note -->"
     "<div hidden>secret</div><p>  three\n  words </p>",
     ["one", "two", "three words"]),
    ("<header><time datetime='2021-11-18'>18 Nov 2021</time></header>", ["18 Nov 2021"]),
])
def test_a_pages_blocks_are_its_visible_text_one_block_a_line(html: str, blocks: list[str]
                                                              ) -> None:
    import lxml.html

    tree = lxml.html.document_fromstring(f"<html><body>{html}</body></html>")
    assert page_blocks(tree) == blocks


FIRST = "Cambodia and China agreed on Tuesday to build a new irrigation network, officials said."
LAST = "Farmers said the canals would allow a second harvest each year."


@pytest.mark.parametrize(("blocks", "title", "expected"), [
    # a masthead and menu above, a byline and a date under the headline, a sign-off after
    (["River Post", "Home | Asia", "Deal signed", "By Sok Dara", "18 Nov 2021", FIRST, LAST,
      "Phnom Penh, 21 April 2024", "© 2021 River Post"], "Deal signed",
     (("River Post", "Home | Asia"), ("By Sok Dara", "18 Nov 2021"),
      ("Phnom Penh, 21 April 2024", "© 2021 River Post"))),
    # no headline among the blocks: all above the text
    (["River Post", "2023.12.14", FIRST, LAST], "Deal signed",
     (("River Post", "2023.12.14"), (), ())),
    # prose around the text is not read (a standfirst of many words, a related story's teaser)
    (["Deal signed", "A long standfirst that runs on for many words about the deal and what "
      "it may mean for the farmers of the province.", FIRST, LAST], "Deal signed", ((), (), ())),
    # the text's paragraphs not found among the blocks: nothing is read
    (["River Post", "18 Nov 2021", "Another text entirely."], "Deal signed", ((), (), ())),
])
def test_the_short_blocks_around_a_pages_text(blocks: list[str], title: str,
                                              expected: tuple) -> None:
    assert lines_around_text(blocks, title, f"{title}\n\n{FIRST}\n{LAST}") == expected


def test_the_page_context_puts_the_blocks_back_and_maps_the_text_lines() -> None:
    text = f"Deal signed\n\n{FIRST}\n{LAST}"
    facts = PageFacts(title="Deal signed", lines_above_title=("River Post",),
                      lines_under_title=("18 Nov 2021",), lines_after_text=("Phnom Penh",))
    context, origin = page_context(text, facts)
    assert context.split("\n") == ["River Post", "Deal signed", "18 Nov 2021", "", FIRST, LAST,
                                    "Phnom Penh"]
    assert origin == [None, 0, None, 1, 2, 3, None]
    assert page_context(text, None) == (text, [0, 1, 2, 3])
    assert page_context(text, PageFacts(title="Deal signed")) == (text, [0, 1, 2, 3])


def test_a_saved_pages_blocks_are_kept_apart_from_its_text(tmp_path: Path) -> None:
    header = ("<div class='byline'>By Sok Dara</div><div class='date'>18 Nov 2021</div>")
    path = tmp_path / "page.html"
    path.write_text(page(header=header, footer="<p>© 2021 River Post</p>"), encoding="utf-8")
    article = read_article(path, max_bytes=100_000)
    assert "18 Nov 2021" not in article.text and "Sok Dara" not in article.text
    assert article.page.lines_under_title == ("By Sok Dara", "18 Nov 2021")
    assert "Home | Asia" in article.page.lines_above_title
    assert article.page.lines_after_text == ("© 2021 River Post",)
