"""Read article files whatever their encoding, and refuse what is not text.

Real folders of saved articles mix UTF-8, UTF-16 (with or without a byte-order mark),
Windows-1252 and Latin-1, UTF-8 with a few stray Windows-1252 bytes pasted in, and sometimes
hold a PDF, an image or a whole saved web page. :func:`read_article` decodes text correctly
(no mojibake), records the encoding it used, and explains why it refuses a file.
"""

from __future__ import annotations

import codecs
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
_HTML_PAGE = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE)
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


def read_article(path: Path, *, max_bytes: int) -> tuple[bytes, DecodedText]:
    """Read and decode one article file.

    Raises:
        UnreadableFile: with a message saying why (empty, too large, binary, a saved web
            page, undecodable, only whitespace).
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
    if _HTML_PAGE.match(decoded.text[:1024]):
        raise UnreadableFile("the file is a saved web page (HTML source), not article text: "
                             "save the article's text instead")
    if not decoded.text.strip():
        raise UnreadableFile("the file holds only whitespace")
    return data, decoded
