"""Article files in any common encoding are decoded without mojibake; binaries are refused."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from helpers.corpus.reading import UnreadableFile, decode, read_article, sniff_binary

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
