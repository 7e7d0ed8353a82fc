"""Score what the corpus stage infers and cleans against the field corpus' gold labels.

The field corpus (``tests/field/``) is a folder of articles written in the shapes real web
pages take, each labelled by hand: ``gold.csv`` gives its true date, outlet, title and
language; ``lines.csv`` lists every line that is not article prose (kind ``debris`` or
``meta``: page furniture, bylines, stamps) and every in-line artefact. The corpus is analysed
as a user's would be (no ``metadata.csv``), and the results are compared with the labels.

Rules of the comparison:

- A date is right when it equals the gold date at the gold's precision (a gold ``YYYY-MM``
  is matched by any day of that month). A date found where the gold has none, or another
  date, is a wrong date.
- An outlet is right when it equals the gold outlet, ignoring case and a leading "The", or
  when both are names of one outlet in ``outlets.csv`` (the gold's "NHK World-Japan" is the
  table's "NHK World"; "ABC News (Australia)" is the "ABC News" based in Australia). An outlet
  found where the gold names none, or another outlet, is a wrong outlet.
- An analysed sentence is debris when its text lies within a ``debris`` line of its file (or
  such a line lies within it); ``meta`` lines (bylines, stamps, credits) are counted apart.
- An article sentence is removed when a sentence of a body line (a line of a ``.txt`` file
  that ``lines.csv`` does not list) is missing from the cleaned text. A sentence whose opening
  dateline was taken off ("PHNOM PENH, May 3 (Xinhua) -- ") is kept: it is kept when its text
  from any word on, covering at least 70% of it, is in the cleaned text; and a "sentence" that
  is the dateline alone (``BEIJING (AP)``, which the segmenter may cut off) is kept when the
  audit lists it as a dateline. Saved ``.html``
  pages have no line-level body labels and are left out of this count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers.corpus.load import Corpus, load_corpus
from helpers.corpus.metadata import outlet_identity
from helpers.corpus.segment import split_sentences

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Text compared without case, runs of white space or typographic quote differences."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return _SPACE.sub(" ", text).strip().lower()


def same_outlet(found: str, gold: str) -> bool:
    """Whether two outlet names are the same outlet: equal without case and a leading "The",
    or aliases of one outlet in the outlets table ("ANTARA" and "Antara News Agency")."""
    def key(name: str) -> str:
        return re.sub(r"^the\s+", "", normalise(name))
    return key(found) == key(gold) or outlet_identity(found) == outlet_identity(gold)


def same_date(found: pd.Timestamp | None, gold: str) -> bool:
    """Whether a found date matches a gold ``YYYY-MM-DD`` or ``YYYY-MM`` at its precision."""
    if found is None or pd.isna(found) or not gold:
        return False
    return f"{found:%Y-%m-%d}".startswith(gold)


@dataclass
class FieldScores:
    """The figures ``make validate`` prints for the field corpus."""

    n_articles: int
    dates_stated: int
    dates_found: int
    wrong_dates: int
    outlets_named: int
    outlets_found: int
    wrong_outlets: int
    titles_right: int
    analysed_sentences: int
    debris_sentences: int
    meta_sentences: int
    body_sentences: int
    body_sentences_removed: int
    english_articles: int
    english_set_aside: int
    errors: pd.DataFrame  # one row per wrong or missed value, for reading

    @property
    def debris_share(self) -> float:
        """Debris among analysed sentences."""
        return self.debris_sentences / max(self.analysed_sentences, 1)

    @property
    def non_article_share(self) -> float:
        """Debris and metadata lines among analysed sentences."""
        return (self.debris_sentences + self.meta_sentences) / max(self.analysed_sentences, 1)


def read_gold(field_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The gold articles table and the labelled lines of a field corpus folder."""
    gold = pd.read_csv(field_dir / "gold.csv", dtype=str, keep_default_na=False)
    lines = pd.read_csv(field_dir / "lines.csv", dtype=str, keep_default_na=False)
    return gold, lines


def _line_kinds(lines: pd.DataFrame) -> dict[str, dict[str, list[str]]]:
    kinds: dict[str, dict[str, list[str]]] = {}
    for row in lines.itertuples(index=False):
        kinds.setdefault(row.file, {}).setdefault(row.kind, []).append(normalise(row.text))
    return kinds


def kept_in(sentence: str, clean: str, *, share: float = 0.7) -> bool:
    """Whether a normalised sentence survives in normalised clean text, perhaps without an
    opening dateline: some tail of it from a word boundary, at least ``share`` of it, is there."""
    if sentence in clean:
        return True
    for match in re.finditer(r" ", sentence):
        tail = sentence[match.end():]
        if len(tail) < share * len(sentence):
            return False
        if tail in clean:
            return True
    return False


def _within(sentence: str, labelled: list[str]) -> bool:
    return any(sentence in line or (len(line) > 12 and line in sentence) for line in labelled)


def score_field(corpus: Corpus, gold: pd.DataFrame, lines: pd.DataFrame,
                articles_dir: Path) -> FieldScores:
    """Compare an analysed field corpus with its gold labels.

    Args:
        corpus: the analysed articles (``load_corpus`` of the articles folder).
        gold: ``gold.csv``; lines: ``lines.csv``.
        articles_dir: the articles folder, for the body lines of each ``.txt`` file.
    """
    documents = corpus.documents.set_index("file")
    kinds = _line_kinds(lines)
    errors: list[dict[str, str]] = []
    counts = dict.fromkeys(["dates_stated", "dates_found", "wrong_dates", "outlets_named",
                            "outlets_found", "wrong_outlets", "titles_right",
                            "english_articles", "english_set_aside"], 0)
    for row in gold.itertuples(index=False):
        document = documents.loc[row.file] if row.file in documents.index else None
        date = document["date"] if document is not None else None
        has_date = date is not None and not pd.isna(date)
        if row.date_stated == "true":
            counts["dates_stated"] += 1
            counts["dates_found"] += same_date(date, row.date)
        if has_date and not same_date(date, row.date):
            counts["wrong_dates"] += 1
            errors.append({"file": row.file, "field": "date", "gold": row.date,
                           "found": f"{date:%Y-%m-%d}",
                           "source": str(document.get("date_source", ""))})
        elif row.date_stated == "true" and not has_date:
            errors.append({"file": row.file, "field": "date", "gold": row.date, "found": "",
                           "source": ""})
        outlet = str(document["outlet"]) if document is not None and \
            not pd.isna(document["outlet"]) else ""
        if row.outlet_named == "true":
            counts["outlets_named"] += 1
            counts["outlets_found"] += bool(outlet) and same_outlet(outlet, row.outlet)
        if outlet and not same_outlet(outlet, row.outlet):
            counts["wrong_outlets"] += 1
            errors.append({"file": row.file, "field": "outlet", "gold": row.outlet,
                           "found": outlet, "source": str(document.get("outlet_source", ""))})
        elif row.outlet_named == "true" and not outlet:
            errors.append({"file": row.file, "field": "outlet", "gold": row.outlet, "found": "",
                           "source": ""})
        title = str(document["title"]) if document is not None and \
            not pd.isna(document["title"]) else ""
        if normalise(title) == normalise(row.title):
            counts["titles_right"] += 1
        else:
            errors.append({"file": row.file, "field": "title", "gold": row.title, "found": title,
                           "source": str(document.get("title_source", ""))
                           if document is not None else ""})
        if row.language == "en":
            counts["english_articles"] += 1
            if document is None or document["language"] != "en" or not document["analysable"]:
                counts["english_set_aside"] += 1
                errors.append({"file": row.file, "field": "language", "gold": "en",
                               "found": "" if document is None else str(document["language"]),
                               "source": ""})
    analysed = corpus.sentences_of(corpus.analysable())
    debris = meta = 0
    for sentence in analysed.itertuples(index=False):
        labelled = kinds.get(sentence.file, {})
        text = normalise(sentence.text)
        if _within(text, labelled.get("debris", [])):
            debris += 1
            errors.append({"file": sentence.file, "field": "debris kept", "gold": "debris",
                           "found": sentence.text, "source": "analysed sentence"})
        elif _within(text, labelled.get("meta", [])):
            meta += 1
            errors.append({"file": sentence.file, "field": "metadata line kept", "gold": "meta",
                           "found": sentence.text, "source": "analysed sentence"})
    body = removed = 0
    for row in gold.itertuples(index=False):
        path = articles_dir / row.file
        if path.suffix.lower() != ".txt" or row.file not in documents.index:
            continue
        labelled = kinds.get(row.file, {})
        listed = set(labelled.get("debris", [])) | set(labelled.get("meta", []))
        inline = labelled.get("inline", [])
        clean = normalise(str(documents.loc[row.file, "clean_text"]))
        datelines = [normalise(text) for text in corpus.audit.loc[
            (corpus.audit["file"] == row.file) & (corpus.audit["reason"] == "dateline"), "text"]]
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            text = normalise(line)
            if not text or text in listed or any(fragment in text for fragment in inline):
                continue
            for sentence in split_sentences(line)["text"]:
                body += 1
                text_of = normalise(sentence)
                if not kept_in(text_of, clean) and not any(text_of in d for d in datelines):
                    removed += 1
                    errors.append({"file": row.file, "field": "body removed", "gold": sentence,
                                   "found": "", "source": ""})
    return FieldScores(n_articles=len(gold), analysed_sentences=len(analysed),
                       debris_sentences=debris, meta_sentences=meta, body_sentences=body,
                       body_sentences_removed=removed, errors=pd.DataFrame(errors), **counts)


def validate_field(field_dir: Path) -> FieldScores:
    """Analyse the field corpus (no cache, no metadata file) and score it."""
    gold, lines = read_gold(field_dir)
    articles = field_dir / "articles"
    corpus = load_corpus(articles, cache_dir=None)
    return score_field(corpus, gold, lines, articles)


def field_report(scores: FieldScores) -> list[tuple[str, str, str, bool | None]]:
    """(figure, value, target, met) rows for printing; met is None where there is no target."""
    def share(part: int, whole: int) -> str:
        return f"{part} / {whole} ({100 * part / max(whole, 1):.0f}%)"
    return [
        ("date found / stated", share(scores.dates_found, scores.dates_stated), ">= 95%",
         scores.dates_found >= 0.95 * scores.dates_stated),
        ("wrong dates", str(scores.wrong_dates), "0", scores.wrong_dates == 0),
        ("outlet found / named", share(scores.outlets_found, scores.outlets_named), ">= 90%",
         scores.outlets_found >= 0.90 * scores.outlets_named),
        ("wrong outlets", str(scores.wrong_outlets), "0", scores.wrong_outlets == 0),
        ("title right", share(scores.titles_right, scores.n_articles), "", None),
        ("debris in analysed sentences",
         share(scores.debris_sentences, scores.analysed_sentences), "<= 2%",
         scores.debris_share <= 0.02),
        ("debris or metadata lines in analysed sentences",
         share(scores.debris_sentences + scores.meta_sentences, scores.analysed_sentences),
         "", None),
        ("article sentences removed (.txt)",
         share(scores.body_sentences_removed, scores.body_sentences), "0",
         scores.body_sentences_removed == 0),
        ("English articles set aside", share(scores.english_set_aside, scores.english_articles),
         "0", scores.english_set_aside == 0),
    ]
