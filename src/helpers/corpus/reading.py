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
    ("name", "parsely-pub-date"), ("name", "sailthru.date"),
}
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
    page states none.
    """

    title: str = ""
    site_name: str = ""
    author: str = ""
    date: str = ""
    date_source: str = ""


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
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
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


def page_publication_date(tree) -> tuple[str, str]:
    """The publication date a parsed page states explicitly, as (YYYY-MM-DD, where), or
    ("", "") when it states none: a page's modification date, a copyright year or a date in
    its URL is never taken for it."""
    for meta in tree.iter("meta"):
        for attribute in ("property", "name", "itemprop"):
            key = (meta.get(attribute) or "").strip().lower()
            if key and (attribute, key) in _PUBLISHED_META:
                day = _iso_day(meta.get("content") or "")
                if day:
                    return day, f"html: meta {key}"
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json":
            day = _iso_day(_json_ld_published(script.text or ""))
            if day:
                return day, "html: JSON-LD datePublished"
    for article in tree.iter("article", "header"):
        for element in article.iter("time", "p"):
            if element.tag == "p" and article.tag == "article":
                break
            day = _iso_day(element.get("datetime") or "") if element.tag == "time" else ""
            if day:
                return day, f"html: <time datetime> in the article's {article.tag}"
    return "", ""


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
    date, date_source = page_publication_date(tree)
    document = trafilatura.bare_extraction(
        tree, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, favor_precision=True, deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if len(_WORD.findall(body)) < MIN_PAGE_WORDS:
        raise UnreadableFile("no article text found in the saved page")
    facts = PageFacts(
        title=" ".join((document.title or "").split()),
        site_name=" ".join((document.sitename or "").split()),
        author=" ".join((document.author or "").split()),
        date=date, date_source=date_source,
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
