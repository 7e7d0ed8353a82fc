"""The sentences of the sentiment report about the stance index and the choice of the lead
measure: which measure leads and why, the stance of the documents, and the validation of every
measure against the user's own codes (:mod:`helpers.analysis.validation_codes`).

A measure is called validated only against codes of the corpus it is used on; below
:data:`helpers.analysis.validation_codes.MIN_CODED` coded documents the check is said to be too
small to trust, and the report keeps its default lead.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.sentiment import LEAD_MEASURE, corpus_mean
from helpers.analysis.validation_codes import MIN_CODED, Recommendation, Validation
from helpers.report.findings.common import count_of
from helpers.report.findings.sentiment import STANCE_MEASURE, signed, words_of

# The measures validated against codes, as the documents table names them, and as readers do.
VALIDATION_LABELS = {
    LEAD_MEASURE: "tone (mean sentence VADER compound)",
    STANCE_MEASURE: "stance index",
    "stance_lexicon": "stance component: lexicon",
    "stance_frames": "stance component: issue frames",
    "stance_formulas": "stance component: formulas",
}
# The measures a report can lead with.
LEAD_CHOICES = (STANCE_MEASURE, LEAD_MEASURE)
WHY_STANCE = ("The report leads with the stance index: it reads the relationship's own "
              "vocabulary (cooperation, friendship and benefit cues against concern, coercion, "
              "dependence, crime, repression and security-threat cues), which issue frames a "
              "sentence asserts or denies, and the diplomatic formulas, with tone as one of its "
              "components. Tone (VADER's mean sentence compound) is shown beside it: it measures "
              "how positive the words are, so a calm wire report of a crackdown can score warm "
              "and an embassy's denial of a debt trap can score hostile.")
NOT_VALIDATED = ("Neither measure has been validated on this corpus. Code 30-50 of your "
                 "articles by hand (a CSV file with columns file and label, such as critical, "
                 "neutral, warm) and rebuild with labels_file set: the report then checks both "
                 "against your codes and leads with the one that ranks them better. `make "
                 "validate` runs the same check on the project's coded synthetic set "
                 "(tests/gold/stance/).")


def label_of(measure: str) -> str:
    """How the report names a validated measure."""
    return VALIDATION_LABELS.get(measure, measure)


def lead_findings(lead: str, recommendation: Recommendation | None) -> list[str]:
    """Which measure leads and why.

    Args:
        lead: the measure the report leads with
            (:func:`helpers.analysis.validation_codes.lead_measure`).
        recommendation: :func:`helpers.analysis.validation_codes.recommend_measure` over the
            user's codes, or None without codes.
    """
    if recommendation is None:
        return [WHY_STANCE, NOT_VALIDATED]
    if recommendation.too_small:
        return [f"Your codes cover {count_of(recommendation.n_docs, 'document')} of this "
                f"corpus, fewer than {MIN_CODED}: the check is too small to trust, so the "
                f"report keeps its default lead. {WHY_STANCE}",
                "Neither measure is validated on this corpus until more documents are coded "
                f"(at least {MIN_CODED})."]
    other = next(m for m in LEAD_CHOICES if m != lead)
    return [f"The report leads with the {label_of(lead)} because it ranks your coded documents "
            f"better than the {label_of(other)} ({statistic_text(recommendation)}; see "
            f"\"Validation against your codes\"). The {label_of(other)} is shown beside it."]


def statistic_text(row: Recommendation | pd.Series) -> str:
    """ "AUC 0.93, 95% interval 0.80 to 1.00, on 30 documents" (no interval when it has none)."""
    value, low, high, n_docs, statistic = (row.value, row.low, row.high, int(row.n_docs),
                                           row.statistic)
    if value != value:
        return f"{statistic} not estimable on {count_of(n_docs, 'document')}"
    bounds = (f", 95% interval {low:.2f} to {high:.2f}" if low == low and high == high
              else ", no interval")
    return f"{statistic} {value:.2f}{bounds}, on {count_of(n_docs, 'document')}"


def validation_findings(validation: Validation, recommendation: Recommendation) -> list[str]:
    """Sentences on how well each measure ranks the user's codes, and which to lead with.

    Args:
        validation: :func:`helpers.analysis.validation_codes.validate_measures`.
        recommendation: :func:`helpers.analysis.validation_codes.recommend_measure` among the
            measures a report can lead with.
    """
    categories = validation.categories
    if categories is None:
        scale = ("Your codes are numbers: each measure's Spearman rank correlation with them "
                 "(1: same order, 0: unrelated).")
    else:
        scale = (f"Your codes are ordered categories ({' < '.join(categories)}): each measure's "
                 f"AUC is the chance that a {categories[-1]} document scores above a "
                 f"{categories[0]} one (0.5: no better than chance, 1: always), with Spearman's "
                 "rank correlation over all coded documents.")
    lines = [scale]
    for row in validation.table.itertuples(index=False):
        line = f"{label_of(row.measure)[0].upper()}{label_of(row.measure)[1:]}: "
        line += statistic_text(row)
        if categories is not None and row.spearman == row.spearman:
            line += (f" ({categories[-1]} vs {categories[0]}); Spearman {row.spearman:.2f} over "
                     f"{count_of(int(row.n_ranked), 'coded document')}")
        lines.append(line + ".")
    verdict = (f"Recommendation: lead with the {label_of(recommendation.measure)}, whose lower "
               "interval bound is the highest of the measures a report can lead with"
               + (f" (next: the {label_of(recommendation.runner_up)})"
                  if recommendation.runner_up else "") + ".")
    if recommendation.too_small:
        verdict += (f" But the check rests on {count_of(recommendation.n_docs, 'document')}, "
                    f"fewer than {MIN_CODED}: it is too small to trust, and the report keeps its "
                    "default lead.")
    lines.append(verdict)
    return lines


def unmatched_note(validation: Validation) -> str:
    """The coded files found in no analysed document ("" when every one is found)."""
    if not validation.unmatched:
        return ""
    shown = ", ".join(validation.unmatched[:5])
    more = f" and {len(validation.unmatched) - 5} more" if len(validation.unmatched) > 5 else ""
    return (f"{count_of(len(validation.unmatched), 'coded file')} matched no analysed document "
            f"and {'is' if len(validation.unmatched) == 1 else 'are'} left out: {shown}{more}.")


def stance_document_findings(table: pd.DataFrame) -> list[str]:
    """Sentences on the documents' stance: the corpus level with its components, and the most
    cooperative and most critical documents relative to the others.

    Args:
        table: the documents table with the stance index and its components
            (:func:`helpers.analysis.sentiment.with_document_measure`).
    """
    components = [(name, column) for name, column in
                  (("lexicon", "stance_lexicon"), ("frames", "stance_frames"),
                   ("formulas", "stance_formulas"), ("tone", LEAD_MEASURE)) if column in table]
    parts = ", ".join(f"{name} {signed(corpus_mean(table, measure=column))}"
                      for name, column in components)
    lines = [f"Across {count_of(len(table), 'document')}, the length-weighted mean stance index "
             f"is {signed(corpus_mean(table, measure=STANCE_MEASURE))} (its components: "
             f"{parts}). It runs from -1 (the relationship framed as a problem) to +1 (framed "
             "as cooperation); like tone, read it against the other documents, not by its sign."]
    if len(table) > 1:
        words = words_of(STANCE_MEASURE)
        ranked = table.sort_values(STANCE_MEASURE)
        ends = []
        for row, word in ((ranked.iloc[-1], words.high), (ranked.iloc[0], words.low)):
            ends.append(f"the {word} is {row['file']} at {signed(row[STANCE_MEASURE])} "
                        f"[{signed(row[f'{STANCE_MEASURE}_low'])}, "
                        f"{signed(row[f'{STANCE_MEASURE}_high'])}]")
        lines.append(f"Relative to the other documents, {ends[0]} and {ends[1]}; each interval "
                     "resamples the document's own sentences.")
    return lines
