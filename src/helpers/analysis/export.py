"""The sentence-level data, one row per analysed sentence, for re-checking and re-modelling.

Researchers re-check a report's figures and fit their own models in R or Stata: this module
builds the table they need, one row per analysed sentence with its document, position, text,
voice, tone, stance and its components, formulas and issue frames with their polarity. The
columns are documented in :data:`SENTENCE_EXPORT_COLUMNS` (the README's table is generated from
it). Writing the files is :func:`helpers.report.export.write_sentences`.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

# (column, description), in the order of the table. Hit tables passed as ``extra`` add one
# column each, named by their key (see :data:`HIT_COLUMNS`).
SENTENCE_EXPORT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("file", "the article's file, relative to the corpus folder"),
    ("doc_id", "the article's identifier (stable for a file path)"),
    ("date", "the article's date, YYYY-MM-DD (empty when unknown)"),
    ("outlet", "the outlet that published the article (empty when unknown)"),
    ("sent_idx", "the sentence's position in the article, 0 for the first"),
    ("paragraph", "the paragraph's position in the article, 0 for the first"),
    ("text", "the sentence"),
    ("n_words", "its number of words (the weight of the sentence in every mean)"),
    ("speech", "narration (the outlet's own words), quote or reported (reported speech)"),
    ("speaker", "who is quoted or reported (empty for narration or when not found)"),
    ("speaker_side", "the speaker's side (actors.csv and sides.csv), or unknown"),
    ("speaker_role", "the speaker's role (official, analyst, institution...)"),
    ("tone", "VADER compound score of the sentence, -1 (negative) to 1 (positive)"),
    ("tb_polarity", "TextBlob polarity of the sentence, -1 to 1"),
    ("stance", "the stance index: mean of the available stance components, -1 (problem) "
               "to 1 (cooperative); see helpers.analysis.stance"),
    ("stance_lexicon", "(cooperative - problem cues) / (all cues) of relationship_stance.csv, "
                       "denied cues left out; 0 without cues"),
    ("stance_frames", "-1 when the sentence raises a problem issue frame that is not denied, "
                      "else 0 (empty when issue frames were not computed)"),
    ("stance_formulas", "1 when the sentence uses a cooperative diplomatic formula that is not "
                        "denied, else 0 (empty when formulas were not computed)"),
    ("n_cooperative", "cooperative cues counted in the sentence"),
    ("n_problem", "problem cues counted in the sentence"),
    ("cooperative_cues", "the cooperative cues counted, ';'-separated"),
    ("problem_cues", "the problem cues counted, ';'-separated"),
)
# Hit tables that may be passed as ``extra``: key -> (the column naming each hit, description).
HIT_COLUMNS: dict[str, tuple[str, str]] = {
    "formulas": ("formula", "diplomatic formulas used, each with its polarity in brackets "
                            "(asserted, denied, reported), ';'-separated"),
    "issues": ("issue", "issue frames raised, each with its polarity in brackets, "
                        "';'-separated"),
    "speech_acts": ("act", "speech acts performed, each with its polarity in brackets, "
                           "';'-separated"),
}
_STANCE_RENAMES = {"lexicon": "stance_lexicon", "frames": "stance_frames",
                   "formulas": "stance_formulas"}
_KEYS = ["doc_id", "sent_idx"]


def export_columns(extra_keys: tuple[str, ...] = tuple(HIT_COLUMNS)) -> list[tuple[str, str]]:
    """Every (column, description) of the export with the given hit tables, in order."""
    hits = [(key, HIT_COLUMNS[key][1]) for key in extra_keys if key in HIT_COLUMNS]
    return [*SENTENCE_EXPORT_COLUMNS, *hits]


def _hit_list(hits: pd.DataFrame, key: str) -> pd.Series:
    label = HIT_COLUMNS[key][0] if key in HIT_COLUMNS else next(
        c for c in hits.columns if c not in (*_KEYS, "polarity"))
    named = hits[label].astype(str)
    if "polarity" in hits.columns:
        named = named + " (" + hits["polarity"].astype(str) + ")"
    return named.groupby([hits["doc_id"], hits["sent_idx"]]).agg(
        lambda s: "; ".join(dict.fromkeys(s)))


def sentences_export(sentences: pd.DataFrame, documents: pd.DataFrame,
                     extra: Mapping[str, pd.DataFrame] | None = None) -> pd.DataFrame:
    """One row per analysed sentence with its document and every sentence-level measure.

    Args:
        sentences: the corpus' sentence table (doc_id, sent_idx, paragraph, text, n_words,
            speech, speaker, speaker_side, speaker_role, vader_compound, tb_polarity);
            sentences without a VADER score (not analysed: not English) are left out.
        documents: document rows (doc_id, file, date, outlet).
        extra: optional tables keyed by doc_id and sent_idx: ``"stance"``
            (:func:`helpers.analysis.stance.sentence_stance`), and hit tables (``"formulas"``,
            ``"issues"``, ``"speech_acts"`` or any other name), each summarised in a column of
            its name as "name (polarity); ...".

    Returns:
        The columns of :func:`export_columns` that are available, in that order.
    """
    extra = dict(extra or {})
    frame = sentences[sentences["vader_compound"].notna()].copy()
    frame = frame.rename(columns={"vader_compound": "tone"})
    meta = documents[["doc_id", *[c for c in ("file", "date", "outlet") if c in documents]]]
    frame = frame.drop(columns=[c for c in meta.columns if c != "doc_id" and c in frame])
    frame = frame.merge(meta, on="doc_id", how="left")
    if "date" in frame:
        frame["date"] = pd.to_datetime(frame["date"]).dt.strftime("%Y-%m-%d").fillna("")
    scored = extra.pop("stance", None)
    if scored is not None:
        stance_columns = ["stance", *_STANCE_RENAMES, "n_cooperative", "n_problem",
                          "cooperative_cues", "problem_cues"]
        part = scored[[*_KEYS, *stance_columns]].rename(columns=_STANCE_RENAMES)
        frame = frame.merge(part, on=_KEYS, how="left")
    for key, hits in extra.items():
        listed = _hit_list(hits, key).rename(key).reset_index() if len(hits) else None
        frame = (frame.merge(listed, on=_KEYS, how="left") if listed is not None
                 else frame.assign(**{key: ""}))
        frame[key] = frame[key].fillna("")
    order = [name for name, _ in export_columns(tuple(extra))] + [
        key for key in extra if key not in HIT_COLUMNS]
    undated = frame["date"].eq("") if "date" in frame else pd.Series(False, index=frame.index)
    sort = [c for c in ("date", "file", "doc_id", "sent_idx") if c in frame]
    frame = frame.assign(_undated=undated).sort_values(["_undated", *sort], kind="stable")
    return frame[[c for c in order if c in frame.columns]].reset_index(drop=True)
