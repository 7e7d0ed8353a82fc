"""Read article files whatever their encoding, and refuse what is not text.

Real folders of saved articles mix UTF-8, UTF-16 with a byte-order mark, Windows-1252 and
Latin-1, and sometimes hold a PDF or an image. :func:`read_article` decodes text correctly
(no mojibake), records the encoding it used, and explains why it refuses a file.
"""

from __future__ import annotations

import codecs
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


class UnreadableFile(ValueError):
    """A file that is not a text article (binary, empty, over the size limit)."""


@dataclass(frozen=True)
class DecodedText:
    """The decoded text of a file and the encoding it was read with."""

    text: str
    encoding: str


def sniff_binary(data: bytes) -> str | None:
    """Name the kind of binary file ``data`` is, or None if it may be text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    sample = data[:4096]
    if b"\x00" in sample:
        return "a binary file (it contains NUL bytes)"
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if sample and controls / len(sample) > 0.05:
        return "a binary file (it is mostly control bytes)"
    return None


def decode(data: bytes) -> DecodedText:
    """Decode article bytes: a byte-order mark, else UTF-8, else Windows-1252/Latin-1 for
    Western text, else the best guess of charset-normalizer."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return DecodedText(data.decode(encoding), encoding.replace("-sig", " (with BOM)"))
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
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
        UnreadableFile: with a message saying why (empty, too large, binary, undecodable).
    """
    size = path.stat().st_size
    if size == 0:
        raise UnreadableFile("the file is empty")
    if size > max_bytes:
        raise UnreadableFile(
            f"the file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit for one "
            "article (raise max_file_mb to analyse it)"
        )
    data = path.read_bytes()
    kind = sniff_binary(data)
    if kind:
        raise UnreadableFile(f"the file is {kind}, not text")
    decoded = decode(data)
    if not decoded.text.strip():
        raise UnreadableFile("the file holds only whitespace")
    return data, decoded
