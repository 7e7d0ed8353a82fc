"""A stance index: how far a text frames a relationship as cooperative or as a problem.

Tone (VADER's compound) measures how positive the words are, not what the text says about the
relationship: a wire report of a scam raid is written in calm, even positive words, and an
embassy's "not a debt trap, no military base" is full of negative ones. The stance index reads
the relationship's own vocabulary, and keeps tone as one component among four, so that every
part can be read, checked and edited.

The formula, per sentence (every component lies in [-1, 1]; + is cooperative, - a problem):

- ``lexicon`` = (c - p) / (c + p), 0 without cues, where c and p count the sentence's
  cooperative and problem cues of relationship_stance.csv that are not denied (polarity from
  polarity.csv: "not a debt trap", "no military base" count for neither pole; a claim reported
  as someone's, "critics say", counts, see :data:`POLARITY_WEIGHTS`);
- ``frames`` = -min(1, sum of weights of the sentence's problem issue frames), issue frames and
  their polarity from :func:`helpers.analysis.issues.find_issues`; only the issues of
  :data:`PROBLEM_ISSUES` are problems, a denied frame weighs 0, the others are topics (0);
- ``formulas`` = 1 when the sentence uses a diplomatic formula that is not denied (the
  categories of :data:`EXCLUDED_FORMULA_CATEGORIES`, such as "debt-trap diplomacy", are not
  cooperative formulas and are left to the frames), else 0;
- ``tone`` = the sentence's VADER compound.

``stance`` = the unweighted mean of the components available (frames and formulas only when
their tables are given). No weight was fitted to any data: each component counts equally.
Documents, periods, groups and voices average their sentences weighted by their number of words,
as the sentiment report does (:func:`helpers.analysis.sentiment.sentence_weights`).

Typical use::

    sents = rhetoric.prepare_sentences(corpus.sentences_of(documents))
    scored = stance.sentence_stance(sents, frames=issues.find_issues(sents),
                                    formulas=rhetoric.find_formulas(sents))
    stance.document_stance(scored)
    stance.group_stance(scored, by="period")
    stance.stance_evidence(scored)

or, in one call, :func:`score_sentences` (the sentences prepared, their frames and formulas).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from helpers import config
from helpers.analysis.issues import find_issues
from helpers.analysis.rhetoric import (
    ASSERTED,
    DENIED,
    NARRATION,
    REPORTED,
    Lexicon,
    PolarityCues,
    compile_lexicon,
    find_formulas,
    polarity_of,
    prepare_sentences,
    scan,
)
from helpers.analysis.sentiment import sentence_weights
from helpers.corpus.lexicons import read_lexicon

RELATIONSHIP_STANCE_FILE = config.DATA_DIR / "relationship_stance.csv"
COOPERATIVE = "cooperative"
PROBLEM = "problem"
POLES = {COOPERATIVE: 1, PROBLEM: -1}
COMPONENTS = ("lexicon", "frames", "formulas", "tone")
# How much a match counts by its polarity: a denied cue or frame counts for neither pole; a
# claim the text reports still frames the relationship.
POLARITY_WEIGHTS = {ASSERTED: 1.0, REPORTED: 1.0, DENIED: 0.0}
# Issues (issues.csv) whose mention frames the relationship as a problem; other issues (aid, a
# canal, the Belt and Road) are topics that either side raises, and count 0.
PROBLEM_ISSUES = frozenset({"naval base", "debt trap", "scams", "human rights"})
# Formula categories (formulas.csv) that are not cooperative formulas: critics' labels and
# security terms, counted by the frames instead.
EXCLUDED_FORMULA_CATEGORIES = frozenset({"critical", "security"})
# The components' names beside the index in document tables and the sentence export.
COMPONENT_COLUMNS = {"lexicon": "stance_lexicon", "frames": "stance_frames",
                     "formulas": "stance_formulas"}
# Document-table measure -> the sentence column it averages.
SENTENCE_COLUMN_OF = {"stance": "stance", **{doc: sent for sent, doc in COMPONENT_COLUMNS.items()}}
SENTENCE_COLUMNS = ("doc_id", "sent_idx", "n_words", "text", "n_cooperative", "n_problem",
                    "cooperative_cues", "problem_cues", *COMPONENTS, "stance")


def load_relationship_stance(path: str | Path = RELATIONSHIP_STANCE_FILE) -> Lexicon:
    """The relationship-stance lexicon (columns cue, pole, category, patterns).

    Raises:
        ValueError: a pole other than cooperative or problem.
    """
    lexicon = compile_lexicon(read_lexicon(path), key="cue")
    poles = lexicon.entries["pole"].str.strip()
    unknown = sorted(set(poles) - set(POLES))
    if unknown:
        raise ValueError(f"{path}: unknown poles {unknown}: use {sorted(POLES)}")
    return lexicon


def find_stance_cues(sentences: pd.DataFrame, *, lexicon: Lexicon | None = None,
                     polarity: PolarityCues | None = None) -> pd.DataFrame:
    """Every relationship-stance cue in the sentences, with its polarity.

    Args:
        sentences: sentences with doc_id, sent_idx, text (and speech, for the polarity of
            scare quotes in narration).
        lexicon: the compiled cues (default: relationship_stance.csv).
        polarity: the polarity cues (default: polarity.csv).

    Returns:
        One row per match: doc_id, sent_idx, cue, pole, category, match, start, end, polarity
        and counts (+1 cooperative, -1 problem, 0 when denied).
    """
    lexicon = lexicon or load_relationship_stance()
    found = scan(sentences["text"], lexicon)
    rows = sentences.iloc[found["row"].to_numpy()]
    speech = (rows["speech"].fillna(NARRATION).to_numpy() if "speech" in rows.columns
              else NARRATION)
    hits = pd.DataFrame({
        "doc_id": rows["doc_id"].to_numpy(), "sent_idx": rows["sent_idx"].to_numpy(),
        "sentence": rows["text"].to_numpy(), "speech": speech,
        "start": found["start"], "end": found["end"],
    })
    hits = pd.concat([hits, found[["cue", "match"]]], axis=1)
    hits = hits.merge(lexicon.entries[["cue", "pole", "category"]], on="cue", how="left")
    hits["polarity"] = polarity_of(hits, cues=polarity)
    sign = hits["pole"].astype(object).str.strip().map(POLES).astype(float)
    weight = hits["polarity"].astype(object).map(POLARITY_WEIGHTS).astype(float)
    hits["counts"] = sign * weight + 0.0
    columns = ["doc_id", "sent_idx", "cue", "pole", "category", "match", "start", "end",
               "polarity", "counts"]
    return hits[columns]


def _cue_list(matches: pd.Series) -> str:
    return "; ".join(dict.fromkeys(m.lower() for m in matches))


def lexicon_component(sentences: pd.DataFrame, cues: pd.DataFrame) -> pd.DataFrame:
    """The lexicon component of each sentence, (c - p) / (c + p), with its counted cues.

    Returns:
        One row per sentence (same order): n_cooperative, n_problem, cooperative_cues and
        problem_cues (the matched words counted, ";"-separated), lexicon.
    """
    keys = ["doc_id", "sent_idx"]
    counted = cues[cues["counts"] != 0]
    grouped = counted.groupby([*keys, "pole"])
    table = pd.DataFrame({
        "n": grouped["counts"].apply(lambda s: float(s.abs().sum())),
        "cues": grouped["match"].agg(_cue_list),
    }).reset_index() if len(counted) else pd.DataFrame(columns=[*keys, "pole", "n", "cues"])
    frame = sentences[keys].copy()
    for pole, name in ((COOPERATIVE, "cooperative"), (PROBLEM, "problem")):
        part = table[table["pole"] == pole].rename(
            columns={"n": f"n_{name}", "cues": f"{name}_cues"}).drop(columns="pole")
        frame = frame.merge(part, on=keys, how="left")
        frame[f"n_{name}"] = frame[f"n_{name}"].fillna(0.0).astype(float)
        frame[f"{name}_cues"] = frame[f"{name}_cues"].fillna("").astype(str)
    total = frame["n_cooperative"] + frame["n_problem"]
    frame["lexicon"] = ((frame["n_cooperative"] - frame["n_problem"])
                        / total.where(total > 0)).fillna(0.0)
    return frame.drop(columns=keys).set_index(sentences.index)


def frames_component(sentences: pd.DataFrame, frames: pd.DataFrame, *,
                     problem_issues: frozenset[str] = PROBLEM_ISSUES,
                     weights: Mapping[str, float] = POLARITY_WEIGHTS) -> pd.Series:
    """The frames component: -min(1, weighted problem frames) per sentence, 0 without any.

    Args:
        sentences: the sentences (doc_id, sent_idx).
        frames: issue mentions with doc_id, sent_idx, issue and polarity
            (:func:`helpers.analysis.issues.find_issues`).
        problem_issues: the issues that frame the relationship as a problem.
        weights: polarity -> weight (a denied frame weighs 0).
    """
    keys = ["doc_id", "sent_idx"]
    problems = frames[frames["issue"].isin(problem_issues)]
    weight = problems["polarity"].astype(object).map(weights).astype(float).fillna(0.0)
    per_sentence = weight.groupby([problems["doc_id"], problems["sent_idx"]]).sum()
    index = pd.MultiIndex.from_frame(sentences[keys])
    values = -np.minimum(1.0, per_sentence.reindex(index).fillna(0.0).to_numpy())
    return pd.Series(values + 0.0, index=sentences.index, name="frames")


def formula_categories(path: str | Path = config.FORMULAS_FILE) -> dict[str, str]:
    """Formula -> category, from a formulas lexicon file."""
    table = read_lexicon(path)
    return dict(zip(table["formula"].str.strip(), table["category"].str.strip(), strict=True))


def formulas_component(sentences: pd.DataFrame, formulas: pd.DataFrame, *,
                       excluded: frozenset[str] = EXCLUDED_FORMULA_CATEGORIES,
                       categories: Mapping[str, str] | None = None) -> pd.Series:
    """The formulas component: 1 when a sentence uses a cooperative formula not denied, else 0.

    Args:
        sentences: the sentences (doc_id, sent_idx).
        formulas: formula hits with doc_id, sent_idx, formula, and optionally category and
            polarity (:func:`helpers.analysis.rhetoric.find_formulas`); without polarity every
            hit is taken as asserted.
        excluded: formula categories that are not cooperative.
        categories: formula -> category where ``formulas`` has no category column (default:
            the shipped formulas.csv).
    """
    if "category" in formulas.columns:
        category = formulas["category"]
    else:
        category = formulas["formula"].map(categories or formula_categories())
    polarity = formulas["polarity"] if "polarity" in formulas.columns else ASSERTED
    counted = formulas[~category.isin(excluded) & (pd.Series(polarity, index=formulas.index)
                                                   != DENIED)]
    used = set(zip(counted["doc_id"], counted["sent_idx"], strict=True))
    values = [float((d, s) in used) for d, s in zip(sentences["doc_id"], sentences["sent_idx"],
                                                     strict=True)]
    return pd.Series(values, index=sentences.index, name="formulas", dtype=float)


def sentence_stance(
    sentences: pd.DataFrame,
    *,
    frames: pd.DataFrame | None = None,
    formulas: pd.DataFrame | None = None,
    lexicon: Lexicon | None = None,
    polarity: PolarityCues | None = None,
    problem_issues: frozenset[str] = PROBLEM_ISSUES,
) -> pd.DataFrame:
    """The stance index of each sentence beside its components (formula in the module doc).

    Args:
        sentences: sentences with doc_id, sent_idx, text, n_words and vader_compound (and the
            other columns they carry, kept for grouping: date, period, group, voice...).
        frames: issue mentions (doc_id, sent_idx, issue, polarity), or None to leave the
            frames component out.
        formulas: formula hits (doc_id, sent_idx, formula[, category, polarity]), or None to
            leave the formulas component out.
        lexicon, polarity: the stance and polarity cues (default: the shipped files).
        problem_issues: see :func:`frames_component`.

    Returns:
        The sentences with n_cooperative, n_problem, cooperative_cues, problem_cues, lexicon,
        frames, formulas (NaN when their table was not given), tone and stance.
    """
    frame = sentences.reset_index(drop=True).copy()
    cues = find_stance_cues(frame, lexicon=lexicon, polarity=polarity)
    frame = pd.concat([frame.drop(columns=[c for c in SENTENCE_COLUMNS[4:] if c in frame]),
                       lexicon_component(frame, cues)], axis=1)
    frame["frames"] = (np.nan if frames is None
                       else frames_component(frame, frames, problem_issues=problem_issues))
    frame["formulas"] = np.nan if formulas is None else formulas_component(frame, formulas)
    frame["tone"] = frame["vader_compound"].astype(float)
    frame["stance"] = frame[list(COMPONENTS)].mean(axis=1, skipna=True)
    return frame


def _weighted_means(scored: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    measures = [*COMPONENTS, "stance"]
    weights = sentence_weights(scored)
    values = scored[measures]
    present = values.notna().astype(float).mul(weights, axis=0)
    sums = values.fillna(0.0).mul(weights, axis=0)
    group_keys = [scored[k] for k in keys]
    means = (sums.groupby(group_keys, sort=False).sum()
             / present.groupby(group_keys, sort=False).sum().replace(0.0, np.nan))
    grouped = scored.groupby(group_keys, sort=False)
    counts = pd.DataFrame({
        "n_sentences": grouped.size(), "n_words": grouped["n_words"].sum(),
        "n_cooperative": grouped["n_cooperative"].sum(),
        "n_problem": grouped["n_problem"].sum(),
    })
    if "doc_id" not in keys:
        counts.insert(0, "n_docs", grouped["doc_id"].nunique())
    return counts.join(means).reset_index()


def document_stance(scored: pd.DataFrame) -> pd.DataFrame:
    """Each document's stance and components: its sentences' means weighted by their words.

    Args:
        scored: from :func:`sentence_stance`.

    Returns:
        One row per doc_id: n_sentences, n_words, n_cooperative, n_problem, the components and
        stance.
    """
    return _weighted_means(scored, ["doc_id"])


def group_stance(scored: pd.DataFrame, *, by: str | list[str],
                 documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """Stance and components per group (period, outlet, voice...), weighted by words.

    Args:
        scored: from :func:`sentence_stance`.
        by: the column(s) grouped by: of ``scored`` (period, voice, group) or of
            ``documents`` (joined on doc_id).
        documents: document rows to take ``by`` from when ``scored`` lacks it.

    Returns:
        One row per group: the ``by`` columns, n_docs, n_sentences, n_words, n_cooperative,
        n_problem, the components and stance.
    """
    keys = [by] if isinstance(by, str) else list(by)
    missing = [k for k in keys if k not in scored.columns]
    if missing:
        if documents is None:
            raise ValueError(f"the sentences have no {missing} column: pass documents")
        scored = scored.merge(documents[["doc_id", *missing]], on="doc_id", how="left")
    return _weighted_means(scored, keys)


def stance_evidence(scored: pd.DataFrame, *, n: int = 2) -> pd.DataFrame:
    """The sentences that drove each document's index, most cooperative and most problem.

    A sentence's pull on its document's index is its stance times its words (the weight it has
    in the document's mean). The ``n`` sentences with the largest positive pull are the
    document's cooperative evidence, the ``n`` with the largest negative pull its problem
    evidence.

    Returns:
        Rows doc_id, direction (cooperative or problem), rank (1 = strongest), sent_idx, text,
        pull, stance, the components and the counted cues.
    """
    pull = scored["stance"] * sentence_weights(scored)
    frame = scored.assign(pull=pull)
    columns = ["doc_id", "direction", "rank", "sent_idx", "text", "pull", "stance",
               *COMPONENTS, "cooperative_cues", "problem_cues"]
    parts = []
    for direction, sign in ((COOPERATIVE, 1.0), (PROBLEM, -1.0)):
        side = frame[frame["pull"] * sign > 0].sort_values("pull", ascending=sign < 0,
                                                            kind="stable")
        top = side.groupby("doc_id", sort=False).head(n).copy()
        top["direction"] = direction
        top["rank"] = top.groupby("doc_id").cumcount() + 1
        parts.append(top)
    evidence = pd.concat(parts, ignore_index=True) if parts else frame.iloc[:0]
    evidence = evidence.sort_values(["doc_id", "direction", "rank"], kind="stable")
    return evidence[columns].reset_index(drop=True)


@dataclass(frozen=True)
class ScoredSentences:
    """Sentences scored for stance, with the hit tables behind two of its components.

    Attributes:
        sentences: :func:`sentence_stance` of the prepared sentences (every input column kept,
            plus voice and period).
        frames: the issue frames (:func:`helpers.analysis.issues.find_issues`).
        formulas: the diplomatic formulas (:func:`helpers.analysis.rhetoric.find_formulas`).
    """

    sentences: pd.DataFrame
    frames: pd.DataFrame
    formulas: pd.DataFrame


def score_sentences(sentences: pd.DataFrame, *, freq: str = "year") -> ScoredSentences:
    """Prepare a report's sentences, find their issue frames and formulas, score their stance.

    Args:
        sentences: sentences with their documents' columns joined (``Selection.sentences``),
            scored by VADER (vader_compound).
        freq: the time bin of the ``period`` column (see
            :func:`helpers.analysis.rhetoric.prepare_sentences`).
    """
    prepared = prepare_sentences(sentences, freq=freq)
    frames, formulas = find_issues(prepared), find_formulas(prepared)
    return ScoredSentences(sentence_stance(prepared, frames=frames, formulas=formulas), frames,
                           formulas)


def document_components(scored: pd.DataFrame) -> pd.DataFrame:
    """Each document's stance components under their document-table names.

    Returns:
        One row per doc_id: n_cooperative, n_problem and the columns of
        :data:`COMPONENT_COLUMNS` (stance_lexicon, stance_frames, stance_formulas).
    """
    table = document_stance(scored).rename(columns=COMPONENT_COLUMNS)
    return table[["doc_id", "n_cooperative", "n_problem", *COMPONENT_COLUMNS.values()]]
