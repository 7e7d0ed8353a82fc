"""Score the rhetoric read on top of attribution against the gold attribution set.

The gold set (``tests/gold/attribution/``) holds short passages written in the registers of
readouts, wire copy, broadcaster reports, analysis pieces, editorials and captions, and one
labelled row per sentence: its formulas, the speech acts its speaker performs, the issues it
raises and its polarity (asserted, denied or reported). Each passage goes through the steps the
pipeline and the rhetoric report use: sentences cut by :mod:`helpers.corpus.segment`,
attributed by :mod:`helpers.corpus.attribution`, then formulas, speech acts and issue frames
found with their polarity by :mod:`helpers.analysis.rhetoric` and
:mod:`helpers.analysis.issues`.

Rules of the comparison:

- Every match is given to the gold sentence that holds its first character (the passage is
  compared with white space folded, as the gold rows give it back when joined with spaces), so
  a sentence split differently from the gold still has its matches scored.
- Formulas, speech acts and issues are compared as sets per gold sentence: a predicted name
  the gold sentence lacks is a false positive, a gold name not predicted a miss. Speech acts
  are those performed: negated acts ("did not agree") are not predicted acts.
- The predicted polarity of a sentence combines those of its matches: denied wins over
  reported, reported over asserted (the gold's own rule). Polarity accuracy is over the gold
  sentences that have a polarity and at least one match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.analysis import issues as issue_frames
from helpers.analysis import rhetoric
from helpers.corpus.attribution import attribute_texts
from helpers.corpus.segment import sentence_rows

_HEADER = re.compile(r"^###\s*(\S+)\s*\|\s*(.*?)\s*$", re.MULTILINE)
_SPACE = re.compile(r"\s+")
LABELS = ("formulas", "speech_acts", "issues")


@dataclass
class RhetoricScores:
    """The figures ``make validate`` prints for the gold attribution set.

    Attributes:
        n_passages, n_sentences: the size of the gold set.
        aligned: gold sentences whose text is exactly an analysed sentence's.
        counts: per label (formulas, speech_acts, issues): true positives, false positives
            and misses, summed over sentences.
        polarity_scored: gold sentences with a polarity that have a predicted one.
        polarity_right: of those, how many agree.
        polarity_by_label: gold polarity x predicted polarity counts.
        errors: one row per wrong or missed name or polarity, for reading.
    """

    n_passages: int
    n_sentences: int
    aligned: int
    counts: dict[str, dict[str, int]]
    polarity_scored: int
    polarity_right: int
    polarity_by_label: pd.DataFrame
    errors: pd.DataFrame

    def precision(self, label: str) -> float:
        """True positives over all predictions of a label (1.0 when nothing is predicted)."""
        c = self.counts[label]
        return c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0

    def recall(self, label: str) -> float:
        """True positives over all gold names of a label (1.0 when the gold has none)."""
        c = self.counts[label]
        return c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0

    @property
    def polarity_accuracy(self) -> float:
        """Share of the scored sentences whose polarity agrees with the gold."""
        return self.polarity_right / self.polarity_scored if self.polarity_scored else 1.0


def read_gold(gold_dir: Path) -> tuple[dict[str, str], pd.DataFrame]:
    """The passages (id -> text) and the sentence rows of a gold attribution folder."""
    text = (gold_dir / "passages.txt").read_text(encoding="utf-8")
    headers = list(_HEADER.finditer(text))
    passages = {}
    for header, following in zip(headers, headers[1:] + [None], strict=True):
        end = following.start() if following else len(text)
        passages[header.group(1)] = text[header.end():end].strip()
    sentences = pd.read_csv(gold_dir / "sentences.csv", dtype=str, keep_default_na=False)
    sentences["sentence_no"] = sentences["sentence_no"].astype(int)
    return passages, sentences


def names(cell: str) -> set[str]:
    """The ``;``-separated names of a gold cell."""
    return {part.strip() for part in str(cell).split(";") if part.strip()}


def combine_polarity(values: list[str]) -> str:
    """One polarity for several matches: denied over reported over asserted ("" if none)."""
    for polarity in (rhetoric.DENIED, rhetoric.REPORTED, rhetoric.ASSERTED):
        if polarity in values:
            return polarity
    return ""


def _folded_offsets(text: str) -> tuple[str, np.ndarray]:
    """The text with white space runs folded to one space and stripped, and for each raw
    character the offset of its folded counterpart."""
    stripped_start = len(text) - len(text.lstrip())
    position = np.zeros(len(text) + 1, dtype=np.int64)
    pieces: list[str] = []
    out = 0
    previous_space = False
    for i, char in enumerate(text):
        position[i] = out
        if i < stripped_start:
            continue
        if char.isspace():
            previous_space = True
            continue
        if previous_space and pieces:
            pieces.append(" ")
            out += 1
            position[i] = out
        previous_space = False
        pieces.append(char)
        out += 1
    position[len(text)] = out
    return "".join(pieces), position


def analyse_passage(passage_id: str, text: str) -> pd.DataFrame:
    """A passage's sentences as the pipeline makes them (segmented and attributed), with
    their start offsets and the columns :func:`rhetoric.prepare_sentences` adds."""
    rows = sentence_rows(text)
    texts = [row[3] for row in rows]
    attributed = attribute_texts(texts, [row[0] for row in rows])
    frame = pd.DataFrame({
        "doc_id": passage_id,
        "sent_idx": range(len(rows)),
        "paragraph": [row[0] for row in rows],
        "offset": [row[1] for row in rows],
        "text": texts,
        "n_words": [row[4] for row in rows],
        "date": pd.NaT,
        "speech": [row[0] for row in attributed],
        "quoted_chars": [row[1] for row in attributed],
        "speaker": [row[2] for row in attributed],
        "speaker_side": [row[3] for row in attributed],
    })
    return rhetoric.prepare_sentences(frame)


def predict(passages: dict[str, str]) -> pd.DataFrame:
    """Every formula, performed speech act and issue found in the passages, each with its
    passage, the folded offset of its first character and its polarity.

    Returns:
        Columns passage_id, offset, label (formulas, speech_acts or issues), name, polarity.
    """
    formulas, acts = rhetoric.load_formulas(), rhetoric.load_speech_acts()
    issues = issue_frames.load_issues()
    found = []
    for passage_id, text in passages.items():
        sentences = analyse_passage(passage_id, text)
        _, position = _folded_offsets(text)
        for label, key, hits in (
            ("formulas", "formula", rhetoric.find_formulas(sentences, formulas=formulas)),
            ("speech_acts", "act", rhetoric.find_speech_acts(sentences, acts=acts)),
            ("issues", "issue", issue_frames.find_issues(sentences, issues=issues)),
        ):
            if hits.empty:
                continue
            if label == "speech_acts":
                hits = hits[~hits["negated"]]
            offsets = sentences.set_index("sent_idx")["offset"].reindex(hits["sent_idx"])
            raw = offsets.to_numpy() + hits["start"].to_numpy()
            found.append(pd.DataFrame({
                "passage_id": passage_id, "offset": position[raw], "label": label,
                "name": hits[key].to_numpy(), "polarity": hits["polarity"].to_numpy(),
            }))
    columns = ["passage_id", "offset", "label", "name", "polarity"]
    return pd.concat(found, ignore_index=True)[columns] if found else pd.DataFrame(
        columns=columns)


def assign(gold: pd.DataFrame, found: pd.DataFrame) -> pd.DataFrame:
    """Give each match to the gold sentence that holds its folded offset.

    Args:
        gold: the gold rows (passage_id, sentence_no, text), in passage order.
        found: from :func:`predict`.

    Returns:
        ``found`` with sentence_no (NaN for a match outside every gold sentence).
    """
    starts = []
    for _, rows in gold.groupby("passage_id", sort=False):
        lengths = rows["text"].str.len().to_numpy()
        begin = np.concatenate([[0], np.cumsum(lengths + 1)[:-1]])
        starts.append(pd.DataFrame({"passage_id": rows["passage_id"].to_numpy(),
                                    "sentence_no": rows["sentence_no"].to_numpy(),
                                    "begin": begin, "end": begin + lengths}))
    spans = pd.concat(starts, ignore_index=True) if starts else pd.DataFrame(
        columns=["passage_id", "sentence_no", "begin", "end"])
    numbers = []
    by_passage = {pid: rows for pid, rows in spans.groupby("passage_id")}
    for passage_id, offset in zip(found["passage_id"], found["offset"], strict=True):
        rows = by_passage.get(passage_id)
        inside = rows[(rows["begin"] <= offset) & (offset < rows["end"] + 1)] \
            if rows is not None else []
        numbers.append(int(inside["sentence_no"].iloc[0]) if len(inside) else np.nan)
    return found.assign(sentence_no=numbers)


def score(gold: pd.DataFrame, found: pd.DataFrame) -> RhetoricScores:
    """Compare predictions given to gold sentences with the gold labels.

    Args:
        gold: the gold rows (passage_id, sentence_no, text, polarity, formulas, speech_acts,
            issues).
        found: matches with passage_id, sentence_no, label, name and polarity (see
            :func:`assign`).

    Returns:
        The scores (``aligned`` is left at 0: the caller knows the analysed sentences).
    """
    counts = {label: {"tp": 0, "fp": 0, "fn": 0} for label in LABELS}
    errors: list[dict[str, str]] = []
    grouped = {key: rows for key, rows in found.groupby(["passage_id", "sentence_no"])}
    scored = right = 0
    pairs: list[tuple[str, str]] = []
    for row in gold.itertuples(index=False):
        mine = grouped.get((row.passage_id, row.sentence_no), found.iloc[0:0])
        where = f"{row.passage_id}#{row.sentence_no}"
        for label in LABELS:
            expected = names(getattr(row, label))
            predicted = set(mine.loc[mine["label"] == label, "name"])
            counts[label]["tp"] += len(expected & predicted)
            counts[label]["fp"] += len(predicted - expected)
            counts[label]["fn"] += len(expected - predicted)
            for name in sorted(predicted - expected):
                errors.append({"sentence": where, "field": label, "gold": "", "found": name,
                               "text": row.text})
            for name in sorted(expected - predicted):
                errors.append({"sentence": where, "field": label, "gold": name, "found": "",
                               "text": row.text})
        polarity = combine_polarity(mine["polarity"].tolist())
        if row.polarity and polarity:
            scored += 1
            right += polarity == row.polarity
            pairs.append((row.polarity, polarity))
            if polarity != row.polarity:
                errors.append({"sentence": where, "field": "polarity", "gold": row.polarity,
                               "found": polarity, "text": row.text})
    table = pd.crosstab(pd.Series([p[0] for p in pairs], name="gold", dtype=object),
                        pd.Series([p[1] for p in pairs], name="found", dtype=object))
    return RhetoricScores(n_passages=gold["passage_id"].nunique(), n_sentences=len(gold),
                          aligned=0, counts=counts, polarity_scored=scored,
                          polarity_right=right, polarity_by_label=table,
                          errors=pd.DataFrame(errors, columns=["sentence", "field", "gold",
                                                               "found", "text"]))


def _aligned(passages: dict[str, str], gold: pd.DataFrame) -> int:
    def fold(text: str) -> str:
        return _SPACE.sub(" ", text).strip()
    analysed = {(pid, fold(row[3])) for pid, text in passages.items()
                for row in sentence_rows(text)}
    return sum((row.passage_id, fold(row.text)) in analysed for row in gold.itertuples())


def validate_rhetoric(gold_dir: Path) -> RhetoricScores:
    """Analyse every gold passage as the pipeline and the rhetoric report do, and score it."""
    passages, gold = read_gold(gold_dir)
    found = assign(gold, predict(passages))
    scores = score(gold, found.dropna(subset=["sentence_no"]).astype({"sentence_no": int}))
    scores.aligned = _aligned(passages, gold)
    return scores


def rhetoric_report(scores: RhetoricScores) -> list[tuple[str, str, str, bool | None]]:
    """(figure, value, target, met) rows for printing; met is None where there is no target."""
    def share(value: float) -> str:
        return f"{100 * value:.0f}%"

    def counted(label: str) -> str:
        c = scores.counts[label]
        return f"(tp {c['tp']}, fp {c['fp']}, missed {c['fn']})"

    return [
        ("gold sentences aligned by text", f"{scores.aligned} / {scores.n_sentences} "
         f"({share(scores.aligned / max(scores.n_sentences, 1))})", "", None),
        ("formula precision", f"{share(scores.precision('formulas'))} {counted('formulas')}",
         ">= 95%", scores.precision("formulas") >= 0.95),
        ("formula recall", share(scores.recall("formulas")), "", None),
        ("speech-act precision",
         f"{share(scores.precision('speech_acts'))} {counted('speech_acts')}", ">= 95%",
         scores.precision("speech_acts") >= 0.95),
        ("speech-act recall", share(scores.recall("speech_acts")), "", None),
        ("issue-frame precision", f"{share(scores.precision('issues'))} {counted('issues')}",
         "", None),
        ("issue-frame recall", share(scores.recall("issues")), "", None),
        ("polarity accuracy",
         f"{scores.polarity_right} / {scores.polarity_scored} "
         f"({share(scores.polarity_accuracy)})", ">= 90%", scores.polarity_accuracy >= 0.90),
    ]
