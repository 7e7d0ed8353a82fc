"""Language is decided on the article's body after cleaning, not on its header lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.corpus.metadata import Inferred
from helpers.corpus.pipeline import add_page_facts, analyse_document, detect_language
from helpers.corpus.reading import PageFacts

BODY = (
    "Cambodia and China agreed on Tuesday to build a new irrigation network in the north-west of "
    "the country, officials said after talks in the capital.\n\n"
    "The project is financed by a concessional loan and is expected to water more than forty "
    "thousand hectares of rice fields when it is finished.\n\n"
    "Farmers said the canals would allow a second harvest each year, but some worried about "
    "compensation for the land taken by the works."
)


@pytest.mark.parametrize(("header", "scripts"), [
    ("ព័ត៌មានជាតិ\nសេដ្ឋកិច្ច\nការទូត\n", {"Khmer": 3}),
    ("柬中时报\n国际新闻 / 中柬关系\n", {"Chinese": 2}),
    ("ព័ត៌មានជាតិ\n国际新闻\nការទូត និង សេដ្ឋកិច្ច\n", {"Khmer": 2, "Chinese": 1}),
    ("中文 | ខ្មែរ | English\n", {}),  # a language menu: page furniture
])
def test_an_english_body_under_header_lines_in_another_script_is_analysed(
        tmp_path: Path, header: str, scripts: dict[str, int]) -> None:
    path = tmp_path / "article.txt"
    path.write_text(f"{header}Irrigation deal signed for the north-west\n\n{BODY}\n",
                    encoding="utf-8")
    result = analyse_document(path, "article.txt", max_bytes=100_000)
    assert result.document["language"] == "en"
    assert result.document["inferred"]["title"] == "Irrigation deal signed for the north-west"
    assert all(row[-1] == row[-1] for row in result.sentences)  # scored: not NaN
    assert not any(ch in row[5] for row in result.sentences for ch in "ព中国柬")
    messages = [p["message"] for p in result.problems]
    # every header line is kept out of the analysis (above); a line that is also page furniture
    # (a section path) may be removed as such and not counted under its script
    for script, count in scripts.items():
        counted = [int(m.split()[0]) for m in messages if f"({script}) kept out" in m]
        assert counted and 1 <= counted[0] <= count, messages
    assert not any("not English" in m for m in messages)


def test_a_body_in_another_language_is_still_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(
        "Le Cambodge et la Chine ont signé mardi un accord pour construire un nouveau réseau "
        "d'irrigation dans le nord-ouest du pays, selon les responsables.\n\n"
        "Le projet est financé par un prêt concessionnel et doit irriguer plus de quarante mille "
        "hectares de rizières.\n", encoding="utf-8")
    result = analyse_document(path, "article.txt", max_bytes=100_000)
    assert result.document["language"] == "fr"


ENGLISH = ("The two governments agreed to expand trade in rice and rubber, officials said on "
           "Monday after talks in the capital. The deal also covers a new expressway.")
FRENCH = ("Les deux gouvernements ont convenu lundi d'étendre le commerce du riz et du "
          "caoutchouc, selon les responsables, après des discussions dans la capitale.")


@pytest.mark.parametrize(("text", "language"), [
    # short lines left over in another language above an English body do not decide it
    ("Actualités du jour\nÀ la une\nLes plus lus de la semaine\nÉconomie et politique en Asie\n"
     * 2 + ENGLISH, "en"),
    ("Tin tức hôm nay\nThời sự quốc tế\nKinh tế và chính trị châu Á\nBản tin mới nhất\n" * 2
     + ENGLISH, "en"),
    # a French body under short English lines is French
    ("Home\nWorld news\nAsia and the Pacific\nMost read this week\n" * 2 + FRENCH, "fr"),
    # only short lines: read as they are
    ("Ministers agree to expand rice trade\nFarmers welcome the new canal plan\n"
     "Officials expect more exports next year", "en"),
    ("Too short to tell", "unknown"),
])
def test_the_language_is_read_on_the_bodys_paragraphs(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize(("page_title", "title"), [
    ("Irrigation deal signed for the north-west | River Post",
     "Irrigation deal signed for the north-west"),
    ("កិច្ចព្រមព្រៀងប្រព័ន្ធធារាសាស្ត្រ | River Post", None),  # a title in Khmer over English
    ("柬中签署灌溉协议", None),
])
def test_a_saved_pages_title_in_another_script_than_the_body_is_no_title(
        page_title: str, title: str | None) -> None:
    inferred = Inferred()
    add_page_facts(inferred, PageFacts(title=page_title), body=BODY)
    assert inferred.values.get("title") == title
