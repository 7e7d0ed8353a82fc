"""Read article files whatever their encoding, saved web pages included; refuse what is not text.

Real folders of saved articles mix UTF-8, UTF-16 (with or without a byte-order mark),
Windows-1252 and Latin-1, UTF-8 with a few stray Windows-1252 bytes pasted in, saved web pages
(``.html``, or HTML source saved as ``.txt``), and sometimes a PDF or an image.
:func:`read_article` decodes text correctly (no mojibake), records the encoding it used, reads
the article out of a saved page (offline, with trafilatura), and explains why it refuses a file.

A page's own facts (title, site name, author, publication date) are kept apart as
:class:`PageFacts`, for metadata inference to weigh. The date is taken only from the page's
explicit publication metadata (``article:published_time``, a JSON-LD ``datePublished``, a
``<time datetime>`` in the article's header), never guessed from a copyright year or a URL.

A page also shows its facts in visible blocks that the main-text extraction drops: a date under
the headline (``<div class="date">18 Nov 2021</div>``), a byline, a masthead, a sign-off date
after the text. :class:`PageFacts` keeps the page's short blocks around the article text (above
the headline, between the headline and the text, after the text), and :func:`page_context`
puts them back around the text where the page shows them, for metadata inference only: they
are never part of the article text that is cleaned and analysed.
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

_MAGIC = [
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"RIFF", "a RIFF media file"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"{\\rtf", "an RTF document"),
]
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# Bytes that Windows-1252 leaves undefined: their presence rules it out.
_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
# How a saved web page (HTML source rather than article text) begins.
_HTML_PAGE = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>])", re.IGNORECASE)
HTML_SUFFIXES = (".html", ".htm")
# A page whose main text has fewer words than this holds no article.
MIN_PAGE_WORDS = 5
_WORD = re.compile(r"[^\W_]+")
# Page metadata that states when the article was published (attribute, value), lower case.
_PUBLISHED_META = {
    ("property", "article:published_time"), ("property", "og:article:published_time"),
    ("name", "article:published_time"), ("itemprop", "datepublished"),
    ("name", "pubdate"), ("name", "publishdate"), ("name", "publish-date"),
    ("name", "publish_date"), ("name", "dc.date.issued"), ("name", "citation_publication_date"),
    ("name", "parsely-pub-date"), ("name", "sailthru.date"), ("name", "publication_date"),
    ("name", "original-publish-date"), ("name", "article.published"), ("property", "og:pubdate"),
    ("name", "dc.date"), ("name", "dcterms.date"), ("name", "dcterms.issued"),
    ("name", "citation_date"),
}
# Elements that end a block of visible text, and elements whose text is not shown.
_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot "
    "th thead tr ul".split())
_HIDDEN_TAGS = frozenset("head script style noscript template svg iframe select option "
                         "button title".split())
# A page's block read around the article text has at most this many words (a stamp, a byline,
# a masthead, a short label; not a paragraph of prose).
MAX_PAGE_LINE_WORDS = 16
# How many such blocks are kept above the article text and after it.
PAGE_LINES_ABOVE = 20
PAGE_LINES_AFTER = 8
# A block is the article's paragraph when it opens with the paragraph's first characters.
_MATCH_CHARS = 60
# How a page marks an element's date as a modification ("dateModified", class="updated").
_MODIFIED = re.compile(r"modif|updat", re.IGNORECASE)
_ISO_DAY = re.compile(r"^\s*((?:19|20)\d{2})-([01]\d)-([0-3]\d)")
_STRAY_BYTES = "communique-stray-bytes"


def _stray_byte(error: UnicodeDecodeError) -> tuple[str, int]:
    """Decode a byte that is not valid UTF-8 as Windows-1252 (Latin-1 where that is undefined)."""
    byte = error.object[error.start:error.start + 1]
    return byte.decode("latin-1" if byte[0] in _CP1252_UNDEFINED else "cp1252"), error.start + 1


codecs.register_error(_STRAY_BYTES, _stray_byte)


class UnreadableFile(ValueError):
    """A file that is not a text article (binary, empty, over the size limit)."""


@dataclass(frozen=True)
class DecodedText:
    """The decoded text of a file and the encoding it was read with."""

    text: str
    encoding: str


@dataclass(frozen=True)
class PageFacts:
    """What a saved web page states about its article, each with where it was read.

    ``date`` is ISO (YYYY-MM-DD) and only from explicit publication metadata; empty when the
    page states none. ``date_stamp`` is the value it was read from as the page writes it
    (``2025-04-06T18:13:00Z``): its time and offset tell a UTC day from the page's local one.
    """

    title: str = ""
    site_name: str = ""
    author: str = ""
    date: str = ""
    date_source: str = ""
    date_stamp: str = ""
    url: str = ""  # the page's own address (its canonical link or og:url), when it states one
    # The page's short visible blocks around the article text (see :func:`page_context`).
    lines_above_title: tuple[str, ...] = ()
    lines_under_title: tuple[str, ...] = ()
    lines_after_text: tuple[str, ...] = ()


@dataclass(frozen=True)
class Article:
    """One article file as read: its bytes, its text, and for a saved page, the page's facts."""

    data: bytes
    text: str
    encoding: str
    file_type: str  # "txt", "md" or "html"
    page: PageFacts | None = None


def encoding_note(encoding: str) -> str | None:
    """What to tell the user about the encoding a file was read with (None for plain UTF-8,
    with or without a byte-order mark)."""
    if encoding in ("utf-8", "ascii", "utf-8 (with BOM)"):
        return None
    if encoding.startswith("utf-8 ("):
        return f"read as UTF-8 {encoding[len('utf-8 ('):-1]}"
    return f"read as {encoding} (not UTF-8)"


def utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" if ``data`` looks like UTF-16 text saved without a
    byte-order mark (every other byte NUL, as in mostly-Latin text), else None."""
    sample = data[:4096]
    if len(sample) < 4 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, others, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) > 0.6 * len(zeros) and others.count(0) < 0.02 * len(others):
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return encoding
    return None


# Every byte but the control bytes (below 32, other than tab, line feed, form feed and
# carriage return): deleting these leaves the control bytes to count.
_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13))


def sniff_binary(data: bytes) -> str | None:
    """Name the kind of binary file ``data`` is, or None if it may be text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if any(data.startswith(bom) for bom, _ in _BOMS) or utf16_without_bom(data):
        return None
    sample = data[:4096]
    if b"\x00" in sample:
        return "a binary file (it contains NUL bytes)"
    controls = len(sample.translate(None, _NOT_CONTROL))
    if sample and controls / len(sample) > 0.05:
        return "a binary file (it is mostly control bytes)"
    return None


def decode(data: bytes) -> DecodedText:
    """Decode article bytes: a byte-order mark, else UTF-16 without one, else UTF-8 (keeping
    a few stray Windows-1252 bytes in mostly-UTF-8 text), else Windows-1252/Latin-1 for
    Western text, else the best guess of charset-normalizer."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return DecodedText(data.decode(encoding), encoding.replace("-sig", " (with BOM)"))
    utf16 = utf16_without_bom(data)
    if utf16:
        return DecodedText(data.decode(utf16), f"{utf16} (no BOM)")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    stray = lenient.count("\ufffd")
    multibyte = sum(1 for c in lenient if ord(c) >= 0x80) - stray
    if multibyte >= max(1, stray / 2):
        # UTF-8 with a few bytes pasted from a Windows-1252 source (genuine Windows-1252 text
        # almost never holds valid UTF-8 sequences).
        text = data.decode("utf-8", errors=_STRAY_BYTES)
        n_stray = len(text) - len(lenient) + stray  # one character per stray byte
        return DecodedText(text, f"utf-8 (with {n_stray} stray Windows-1252 "
                                 f"byte{'s' * (n_stray > 1)})")
    high = [b for b in data if b >= 0x80]
    western = len(high) <= 0.3 * len(data) and not _CP1252_UNDEFINED.intersection(high)
    if western:
        encoding = "cp1252" if any(0x80 <= b <= 0x9F for b in high) else "latin-1"
        return DecodedText(data.decode(encoding), encoding)
    guess = from_bytes(data).best()
    if guess is None:
        raise UnreadableFile("its encoding could not be recognised")
    return DecodedText(str(guess), guess.encoding)


def is_html_page(text: str) -> bool:
    """Whether ``text`` is the HTML source of a web page rather than article text."""
    return bool(_HTML_PAGE.match(text[:1024]))


def page_publication_date(tree) -> tuple[str, str, str]:
    """The publication date a parsed page states explicitly, as (YYYY-MM-DD, where, the value as
    written), or ("", "", "") when it states none: a page's modification date, a copyright year
    or a date in its URL is never taken for it."""
    for meta in tree.iter("meta"):
        for attribute in ("property", "name", "itemprop"):
            key = (meta.get(attribute) or "").strip().lower()
            if key and (attribute, key) in _PUBLISHED_META:
                value = meta.get("content") or ""
                day = _iso_day(value)
                if day:
                    return day, f"html: meta {key}", value.strip()
    for element in tree.xpath('//*[@itemprop="datePublished"]'):
        value = element.get("datetime") or element.get("content") or ""
        day = _iso_day(value)
        if day:
            return day, f"html: <{element.tag} itemprop=datePublished>", value.strip()
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json":
            value = _json_ld_published(script.text or "")
            day = _iso_day(value)
            if day:
                return day, "html: JSON-LD datePublished", value.strip()
    for article in tree.iter("article", "header"):
        for element in article.iter("time", "p"):
            if element.tag == "p" and article.tag == "article":
                break
            value = element.get("datetime") or "" if element.tag == "time" else ""
            day = _iso_day(value)
            if day and not _MODIFIED.search(f"{element.get('itemprop')} {element.get('class')}"):
                return day, f"html: <time datetime> in the article's {article.tag}", value.strip()
    return "", "", ""


def _iso_day(value: str) -> str:
    match = _ISO_DAY.match(value)
    if not match or not ("01" <= match.group(2) <= "12" and "01" <= match.group(3) <= "31"):
        return ""
    return "-".join(match.groups())


def _json_ld_published(source: str) -> str:
    """The first ``datePublished`` in a JSON-LD block (searched through nested objects)."""
    try:
        todo = [json.loads(source)]
    except ValueError:
        return ""
    while todo:
        item = todo.pop(0)
        if isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                return item["datePublished"]
            todo.extend(item.values())
        elif isinstance(item, list):
            todo.extend(item)
    return ""


def page_blocks(tree) -> list[str]:
    """The visible text of a parsed page, one block a line (text is cut where a block element
    opens or closes, white space collapsed), in page order; hidden parts and comments skipped."""
    blocks: list[str] = []
    pieces: list[str] = []

    def flush() -> None:
        text = " ".join(" ".join(pieces).split())
        if text:
            blocks.append(text)
        pieces.clear()

    body = tree.find(".//body")
    stack: list[tuple[object, bool]] = [(body if body is not None else tree, False)]
    while stack:
        element, closing = stack.pop()
        if closing:  # the element's end: its tail text follows it, in its parent's block
            if element.tag in _BLOCK_TAGS:
                flush()
            if element.tail:
                pieces.append(element.tail)
            continue
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or tag in _HIDDEN_TAGS or element.get("hidden") is not None:
            if element.tail:
                pieces.append(element.tail)
            continue
        if tag in _BLOCK_TAGS:
            flush()
        if element.text:
            pieces.append(element.text)
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    flush()
    return blocks


def lines_around_text(blocks: list[str], title: str, body: str
                      ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The page's short blocks above the headline, between the headline and the text, and after
    the text (each at most :data:`MAX_PAGE_LINE_WORDS` words); all empty when the text's first
    or last paragraph cannot be found among the blocks.

    Args:
        blocks: the page's visible blocks (:func:`page_blocks`).
        title: the headline ("" when unknown: every block above the text is above it).
        body: the article text extracted from the page, one paragraph a line.
    """
    paragraphs = [line for line in (" ".join(p.split()) for p in body.splitlines()) if line]
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    if not paragraphs:
        return (), (), ()
    first = _block_index(blocks, paragraphs[0], range(len(blocks)))
    last = _block_index(blocks, paragraphs[-1], range(len(blocks) - 1, -1, -1))
    if first is None or last is None or last < first:
        return (), (), ()
    headline = next((i for i in range(first - 1, -1, -1) if blocks[i] == title), None) \
        if title else None

    def short(selected: list[str]) -> list[str]:
        return [b for b in selected if len(_WORD.findall(b)) <= MAX_PAGE_LINE_WORDS]

    above = short(blocks[:headline if headline is not None else first])[-PAGE_LINES_ABOVE:]
    under = short(blocks[headline + 1:first]) if headline is not None else []
    after = short(blocks[last + 1:])[:PAGE_LINES_AFTER]
    return tuple(above), tuple(under), tuple(after)


def _block_index(blocks: list[str], paragraph: str, order: range) -> int | None:
    """The first block in ``order`` that is ``paragraph`` (or opens with its first characters)."""
    start = paragraph[:_MATCH_CHARS]
    return next((i for i in order if blocks[i] == paragraph or blocks[i].startswith(start)), None)


def page_context(text: str, page: PageFacts | None) -> tuple[str, list[int | None]]:
    """The text metadata inference reads for an article: for a saved page, its article text with
    the page's short blocks put back where the page shows them (above the headline, under it,
    after the text); and for each line of that text, the article text's line it is (None for a
    page's block). An article that is no saved page is its own context."""
    lines = text.split("\n")
    if page is None or not (page.lines_above_title or page.lines_under_title
                            or page.lines_after_text):
        return text, list(range(len(lines)))
    context: list[str] = []
    origin: list[int | None] = []

    def add_page_lines(blocks: tuple[str, ...]) -> None:
        context.extend(blocks)
        origin.extend([None] * len(blocks))

    add_page_lines(page.lines_above_title)
    titled = bool(page.title) and lines[0].strip() == page.title
    if titled:
        context.append(lines[0])
        origin.append(0)
    add_page_lines(page.lines_under_title)
    for i in range(1 if titled else 0, len(lines)):
        context.append(lines[i])
        origin.append(i)
    add_page_lines(page.lines_after_text)
    return "\n".join(context), origin


def read_page(html: str) -> tuple[str, PageFacts]:
    """The article text of a saved web page (its title as the first line, then its main text,
    one paragraph a line) and what the page states about it. Offline: nothing is fetched.

    Raises:
        UnreadableFile: no article text could be found in the page.
    """
    import lxml.html
    import trafilatura

    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError) as error:
        raise UnreadableFile(f"no article text found in the saved page ({error})") from error
    date, date_source, date_stamp = page_publication_date(tree)
    blocks = page_blocks(tree)  # before the extraction, which prunes the tree
    document = trafilatura.bare_extraction(
        tree, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, favor_precision=True, deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if len(_WORD.findall(body)) < MIN_PAGE_WORDS:
        raise UnreadableFile("no article text found in the saved page")
    title = " ".join((document.title or "").split())
    above, under, after = lines_around_text(blocks, title, body)
    facts = PageFacts(
        title=title,
        site_name=" ".join((document.sitename or "").split()),
        author=" ".join((document.author or "").split()),
        date=date, date_source=date_source, date_stamp=date_stamp,
        url=(getattr(document, "url", None) or "").strip(),
        lines_above_title=above, lines_under_title=under, lines_after_text=after,
    )
    first_line = body.split("\n", 1)[0].strip()
    text = body if not facts.title or first_line == facts.title else f"{facts.title}\n\n{body}"
    return text, facts


def read_article(path: Path, *, max_bytes: int) -> Article:
    """Read and decode one article file; a saved web page is read for its article text.

    Raises:
        UnreadableFile: with a message saying why (empty, too large, binary, a page with no
            article text, undecodable, only whitespace).
    """
    size = path.stat().st_size
    if size == 0:
        raise UnreadableFile("the file is empty")
    if size > max_bytes:
        raise UnreadableFile(
            f"the file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit for one "
            "article (is it many articles in one file? split it, or raise the limit with "
            "load_corpus(..., max_file_mb=...))"
        )
    data = path.read_bytes()
    kind = sniff_binary(data)
    if kind:
        raise UnreadableFile(f"the file is {kind}, not text")
    decoded = decode(data)
    if not decoded.text.strip():
        raise UnreadableFile("the file holds only whitespace")
    if path.suffix.lower() in HTML_SUFFIXES or is_html_page(decoded.text):
        text, page = read_page(decoded.text)
        return Article(data, text, decoded.encoding, "html", page)
    return Article(data, decoded.text, decoded.encoding, path.suffix.lower().lstrip(".") or "txt")
