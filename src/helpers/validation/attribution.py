"""Score quotation attribution (who speaks, for which side) against the gold attribution set.

The gold set (``tests/gold/attribution/``) is a file of short passages (``passages.txt``,
each opening with ``### <passage_id> | <register>``, paragraphs separated by blank lines) and
one labelled row per sentence (``sentences.csv``: speech, speaker, side, ...). Each passage is
analysed as the pipeline analyses a document (sentences from
:func:`helpers.corpus.segment.split_sentences`, then
:func:`helpers.corpus.attribution.attribute_quotes`), and compared with the labels.

Rules of the comparison:

- Alignment: gold sentences are placed in the passage by their text; each analysed sentence
  is compared with the gold sentence it overlaps most (in characters), and each gold sentence
  with the analysed sentence that covers most of it.
- A speaker matches when the two names are equal ignoring case and the dots of initials,
  after each is replaced by its canonical name in ``actors.csv`` when it is one of the
  aliases there ("PM Hun Manet" and "Hun Manet" match, "U.S. officials" and "US officials").
- Sides are compared as sets of sides (a joint speaker of a readout, "both sides", has the
  two sides joined by ";", in any order). The gold's labels for voices outside any state are
  read in the side scheme of ``sides.csv`` through :data:`GOLD_SIDES`: independent analysts,
  think tanks and independent media are "independent"; "civil society" and "Cambodian
  opposition" are sides of their own.
- Figures: speaker precision (of analysed sentences given a speaker, the share whose speaker
  matches the gold speaker), reported-speech recall (of gold quote or reported sentences, the
  share analysed as quote or reported), side accuracy (of sides given that are not
  "unknown", the share equal to the gold side) and the unknown share (of analysed sentences
  given a speaker, the share whose side is "unknown").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers.corpus.attribution import (
    UNKNOWN,
    ActorLexicon,
    attribute_quotes,
    default_lexicons,
    name_key,
)
from helpers.corpus.segment import split_sentences

# The gold's side labels for voices outside any state, in the side scheme of sides.csv.
GOLD_SIDES = {
    "analyst": "independent",
    "media": "independent",
    "civil society": "civil society",
    "Cambodian opposition": "Cambodian opposition",
}
_HEADER = re.compile(r"^###\s*(\S+)\s*\|\s*(.+?)\s*$", re.MULTILINE)
_SPACE = re.compile(r"\s+")
_SPEAKING = ("quote", "reported")


@dataclass
class AttributionScores:
    """The figures ``make validate`` prints for the gold attribution set."""

    n_passages: int
    n_sentences: int
    speakers_given: int  # analysed sentences with a speaker
    speakers_right: int
    speech_gold: int  # gold quote or reported sentences
    speech_found: int  # of those, analysed as quote or reported
    sides_given: int  # analysed sentences with a side other than unknown
    sides_right: int
    sides_unknown: int  # analysed sentences with a speaker whose side is unknown
    errors: pd.DataFrame  # one row per wrong or missed value, for reading

    @property
    def speaker_precision(self) -> float:
        """Analysed speakers that are the gold speaker."""
        return self.speakers_right / max(self.speakers_given, 1)

    @property
    def speech_recall(self) -> float:
        """Gold quotes and reported speech analysed as such."""
        return self.speech_found / max(self.speech_gold, 1)

    @property
    def side_accuracy(self) -> float:
        """Sides given (not unknown) that are the gold side."""
        return self.sides_right / max(self.sides_given, 1)

    @property
    def unknown_share(self) -> float:
        """Attributed sentences whose side is unknown."""
        return self.sides_unknown / max(self.speakers_given, 1)


def read_passages(path: Path) -> dict[str, str]:
    """The passages of a ``passages.txt`` file by id (text between headers, stripped)."""
    text = path.read_text(encoding="utf-8")
    headers = list(_HEADER.finditer(text))
    return {match.group(1): text[match.end(): following.start() if following else len(text)]
            .strip() for match, following in zip(headers, [*headers[1:], None], strict=True)}


def _squash(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def gold_spans(passage: str, texts: list[str]) -> list[tuple[int, int]]:
    """Where each gold sentence lies in the passage (offsets), found in order.

    Args:
        passage: the passage text.
        texts: its gold sentences in order.

    Returns:
        (start, end) of each sentence; (-1, -1) for a sentence not found.
    """
    flat = _squash(passage)
    # Offsets in the squashed text mapped back to the passage.
    positions = [m.start() for m in re.finditer(r"\S+", passage)]
    starts_flat = [m.start() for m in re.finditer(r"\S+", flat)]
    back = dict(zip(starts_flat, positions, strict=True))
    spans, cursor = [], 0
    for text in texts:
        wanted = _squash(text)
        found = flat.find(wanted, cursor)
        if found < 0 or found not in back:
            spans.append((-1, -1))
            continue
        cursor = found + len(wanted)
        last_word = flat.rfind(" ", found, cursor) + 1
        start = back[found]
        end = back[last_word] + (cursor - last_word)
        spans.append((start, end))
    return spans


def canonical_speaker(name: str, actors: ActorLexicon) -> str:
    """A speaker's name as compared: its canonical actor name when listed, in lower case,
    without the dots of initials ("U.S. officials" = "US officials")."""
    actor = actors.lookup(name)
    return name_key(actor.name if actor else name)


def side_set(side: str) -> frozenset[str]:
    """A side label as a set of sides of the scheme (gold labels mapped by GOLD_SIDES)."""
    parts = [part.strip() for part in side.split(";") if part.strip()]
    return frozenset(GOLD_SIDES.get(part, part) for part in parts)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score_passage(passage: str, gold: pd.DataFrame, *,
                  actors: ActorLexicon) -> tuple[dict[str, int], list[dict[str, str]]]:
    """Analyse one passage and count the figures of :class:`AttributionScores` on it.

    Args:
        passage: the passage text.
        gold: its gold rows (columns sentence_no, text, speech, speaker, side), in order.
        actors: the actors lexicon used to compare names.

    Returns:
        The counts, and the errors as rows.
    """
    sentences = split_sentences(passage)
    analysed = pd.concat([sentences, attribute_quotes(sentences)], axis=1)
    found_spans = list(zip(analysed["start"], analysed["end"], strict=True))
    spans = gold_spans(passage, gold["text"].tolist())
    rows = gold.to_dict("records")
    counts = dict.fromkeys(["speakers_given", "speakers_right", "speech_gold", "speech_found",
                            "sides_given", "sides_right", "sides_unknown"], 0)
    errors: list[dict[str, str]] = []

    def error(row: dict, field: str, found: str, text: str | None = None) -> None:
        errors.append({"passage": row["passage_id"], "sentence": str(row["sentence_no"]),
                       "field": field, "gold": str(row[field] if field in row else ""),
                       "found": found, "text": text or row["text"]})

    for n, sentence in enumerate(analysed.itertuples(index=False)):
        overlaps = [_overlap(found_spans[n], span) for span in spans]
        if not overlaps or max(overlaps) == 0:
            continue
        row = rows[overlaps.index(max(overlaps))]
        if not sentence.speaker:
            continue
        counts["speakers_given"] += 1
        if canonical_speaker(sentence.speaker, actors) == canonical_speaker(row["speaker"],
                                                                          actors):
            counts["speakers_right"] += 1
        else:
            error(row, "speaker", sentence.speaker, sentence.text)
        if sentence.speaker_side == UNKNOWN:
            counts["sides_unknown"] += 1
            continue
        counts["sides_given"] += 1
        if side_set(sentence.speaker_side) == side_set(row["side"]):
            counts["sides_right"] += 1
        else:
            error(row, "side", f"{sentence.speaker_side} ({sentence.speaker})", sentence.text)
    for row, span in zip(rows, spans, strict=True):
        if row["speech"] not in _SPEAKING:
            continue
        counts["speech_gold"] += 1
        overlaps = [_overlap(span, found) for found in found_spans]
        best = overlaps.index(max(overlaps)) if overlaps and max(overlaps) > 0 else None
        speech = analysed["speech"].iat[best] if best is not None else ""
        if speech in _SPEAKING:
            counts["speech_found"] += 1
        else:
            error(row, "speech", speech or "(not found)")
    return counts, errors


def validate_attribution(gold_dir: Path) -> AttributionScores:
    """Analyse every passage of a gold attribution folder and score the attribution.

    Args:
        gold_dir: the folder with ``passages.txt`` and ``sentences.csv``.

    Returns:
        The scores, with the errors for reading.
    """
    passages = read_passages(gold_dir / "passages.txt")
    gold = pd.read_csv(gold_dir / "sentences.csv", dtype=str, keep_default_na=False)
    actors = default_lexicons()[1]
    totals = dict.fromkeys(["speakers_given", "speakers_right", "speech_gold", "speech_found",
                            "sides_given", "sides_right", "sides_unknown"], 0)
    errors: list[dict[str, str]] = []
    for passage_id, rows in gold.groupby("passage_id", sort=False):
        counts, wrong = score_passage(passages.get(passage_id, ""), rows, actors=actors)
        for key, value in counts.items():
            totals[key] += value
        errors += wrong
    return AttributionScores(n_passages=len(passages), n_sentences=len(gold),
                             errors=pd.DataFrame(errors), **totals)


def attribution_report(scores: AttributionScores) -> list[tuple[str, str, str, bool | None]]:
    """(figure, value, target, met) rows for printing; met is None where there is no target."""
    def share(part: int, whole: int) -> str:
        return f"{part} / {whole} ({100 * part / max(whole, 1):.0f}%)"
    return [
        ("speaker precision", share(scores.speakers_right, scores.speakers_given), ">= 95%",
         scores.speaker_precision >= 0.95),
        ("reported-speech recall", share(scores.speech_found, scores.speech_gold), ">= 90%",
         scores.speech_recall >= 0.90),
        ("side accuracy (sides given)", share(scores.sides_right, scores.sides_given),
         ">= 95%", scores.side_accuracy >= 0.95),
        ("side unknown (attributed sentences)",
         share(scores.sides_unknown, scores.speakers_given), "<= 10%",
         scores.unknown_share <= 0.10),
    ]
