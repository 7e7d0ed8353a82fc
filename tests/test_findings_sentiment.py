"""The sentences of the sentiment report (helpers.report.findings.sentiment), each from its
table."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from helpers.analysis import sentiment
from helpers.analysis.sentiment import Trend
from helpers.analysis.statistics import TimeEvidence
from helpers.analysis.validation_codes import Recommendation, Validation
from helpers.report.findings import sentiment as says
from helpers.report.findings import stance as stance_says
from tests.synthetic import HOSTILE, WARM
from tests.test_sentiment import dated_sentences


def interval_row(label: str, mean: float, low: float, high: float, docs: int = 2) -> dict:
    return {"label": label, "vader_compound": mean, "vader_compound_low": low,
            "vader_compound_high": high, "n_docs": docs, "n_sentences": 10 * docs}


def pair(a: str, b: str, difference: float, low: float, high: float) -> dict:
    return {"a": a, "b": b, "difference": difference, "low": low, "high": high,
            "differ": low > 0 or high < 0}


@pytest.mark.parametrize(
    ("rows", "pairs", "expected"),
    [
        ([interval_row("Xinhua", 0.6, 0.5, 0.7, 6), interval_row("Post", 0.1, 0.0, 0.2, 5)],
         [pair("Post", "Xinhua", -0.5, -0.7, -0.3)],
         ["Of the 2 outlets with at least 5 documents, coverage is warmest in Xinhua (+0.60 "
          "[+0.50, +0.70]; 60 sentences in 6 documents) and coolest in Post (+0.10 [+0.00, "
          "+0.20]; 50 sentences in 5 documents); their difference excludes zero (+0.50, 95% "
          "interval +0.30 to +0.70; from a bootstrap over documents)."]),
        ([interval_row("A", 0.3, 0.1, 0.5, 6), interval_row("B", 0.2, 0.0, 0.4, 6),
          interval_row("C", 0.9, math.nan, math.nan, 1)],
         [pair("A", "B", 0.1, -0.1, 0.3)],
         ["Of the 2 outlets with at least 5 documents, coverage is warmest in A (+0.30 [+0.10, "
          "+0.50]; 60 sentences in 6 documents) and coolest in B (+0.20 [+0.00, +0.40]; 60 "
          "sentences in 6 documents); no detectable difference between them (+0.10, 95% "
          "interval -0.10 to +0.30; from a bootstrap over documents).",
          "1 outlet with fewer than 5 documents is left out of the comparison."]),
        # Two single-document groups: never "warmest" and "coolest".
        ([interval_row("A", 0.3, math.nan, math.nan, 1),
          interval_row("B", -0.2, math.nan, math.nan, 1)], [],
         ["No outlet is compared with another: comparisons need at least 5 documents in each "
          "of two outlets; 0 outlets have that many (the largest: A, 1 document)."]),
        ([interval_row("A", 0.3, 0.1, 0.5)], [], ["All documents share one outlet"]),
    ],
    ids=["differ", "interval-includes-zero", "single-documents", "one-group"],
)
def test_group_findings(rows: list[dict], pairs: list[dict], expected: list[str]) -> None:
    lines = says.group_findings(pd.DataFrame(rows), pd.DataFrame(pairs), column="label",
                                label="outlet", min_docs=5)
    assert len(lines) == len(expected)
    assert all(line.startswith(start) for line, start in zip(lines, expected, strict=True))


@pytest.mark.parametrize(
    ("docs", "pairs", "expected"),
    [
        (6, [pair("narration", "quote", 0.4, 0.2, 0.6)],
         "Quoted speech is 0.40 cooler than narration (difference -0.40, 95% interval -0.60 to "
         "-0.20, from a bootstrap over documents)."),
        (6, [pair("quote", "narration", -0.4, -0.9, 0.1)],
         "No detectable difference between quoted speech and narration (difference -0.40, 95% "
         "interval -0.90 to +0.10, from a bootstrap over documents)."),
        (1, [], "Quoted speech is not compared with narration: each needs at least 5 documents "
         "(1 and 1)."),
    ],
    ids=["cooler", "interval-includes-zero", "one-document"],
)
def test_voice_findings_compare_speech_with_narration(docs, pairs, expected) -> None:
    rows = [interval_row("narration", 0.5, 0.4, 0.6, docs),
            interval_row("quote", 0.1, 0.0, 0.2, docs)]
    voices = pd.DataFrame(rows).rename(columns={"label": "speech"})
    lines = says.voice_findings(voices, pd.DataFrame(pairs), min_docs=5)
    assert lines[0].startswith("Narration: +0.50") and lines[1].startswith("Quoted speech: +0.10")
    assert lines[2] == expected


def documents_of(sentences: pd.DataFrame) -> pd.DataFrame:
    return sentiment.documents_table(sentences.assign(file=sentences["doc_id"], title="",
                                                      outlet=""), sentences, n_boot=100)


@pytest.mark.parametrize(
    ("per_year", "min_docs", "expected"),
    [
        ({2019: WARM[:3], 2022: HOSTILE[:3]}, 3, "coverage grew cooler (slope -"),
        ({2019: WARM[:3], 2022: HOSTILE[:3]}, 5,
         "no change over time can be shown: time comparisons need at least 5 dated documents "
         "in each of two periods; 6 of 6 documents are dated (3 before the median date, 3 "
         "from it)."),
        ({2019: HOSTILE[:1] + WARM[:1], 2020: WARM[1:2] + HOSTILE[1:2]}, 2,
         "no detectable change (slope "),
        ({2019: WARM[:2]}, 1, "no change over time can be shown"),
    ],
    ids=["cooler", "too-few-dated", "no-detectable-change", "one-year"],
)
def test_summary_line(per_year: dict[int, list[str]], min_docs: int, expected: str) -> None:
    sentences = dated_sentences(per_year)
    table = documents_of(sentences)
    binned = sentiment.scores_over_time(sentences, freq="year", n_boot=100)
    result = sentiment.trend(table, binned=binned, min_docs=min_docs, n_boot=200)
    line = says.summary_line(table, result)
    assert line.startswith(f"{len(sentences)} documents ({len(sentences)} sentences)")
    assert expected in line
    assert "warm coverage" not in line and "above +0.05" not in line


@pytest.mark.parametrize(
    ("count", "noun", "expected"),
    [(1, "document", "1 document"), (0, "document", "0 documents"), (3, "bin", "3 bins")],
)
def test_plural(count: int, noun: str, expected: str) -> None:
    assert says.plural(count, noun) == expected


@pytest.mark.parametrize(("value", "expected"), [(0.421, "+0.42"), (-0.1, "-0.10"), (0.0, "+0.00")])
def test_signed(value: float, expected: str) -> None:
    assert says.signed(value) == expected


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (interval_row("A", 0.42, 0.3, 0.55, 3),
         "+0.42 [+0.30, +0.55]; 30 sentences in 3 documents"),
        ({**interval_row("B", -0.1, -0.2, 0.0, 1), "n_sentences": 1},
         "-0.10 [-0.20, +0.00]; 1 sentence in 1 document"),
        (interval_row("C", 0.3, math.nan, math.nan, 1),
         "+0.30 (no interval); 10 sentences in 1 document"),
    ],
)
def test_interval_text(row: dict, expected: str) -> None:
    assert says.interval_text(pd.Series(row)) == expected


def document_table(compounds: list[float], *, outlets: list[str] | None = None) -> pd.DataFrame:
    """A documents table of one document per compound, 10 words and 2 sentences each."""
    n = len(compounds)
    return pd.DataFrame({
        "file": [f"d{i}.txt" for i in range(n)],
        "date": [f"2020-0{i + 1}-01" for i in range(n)],
        "outlet": outlets or [""] * n,
        "n_sentences": 2, "n_words": 10,
        "vader_compound": compounds,
        "vader_compound_low": [c - 0.1 for c in compounds],
        "vader_compound_high": [c + 0.1 for c in compounds],
        "vader_share_positive": [0.5] * n, "vader_share_negative": [0.0] * n,
    })


@pytest.mark.parametrize(
    ("compounds", "outlets", "expected"),
    [
        ([0.3, -0.2], ["Xinhua", ""],
         ["Across 2 documents (4 sentences), the length-weighted mean sentence VADER compound "
          "is +0.05. VADER's zero is not neutral",
          "Relative to the other documents, the warmest is d0.txt (Xinhua, 2020-01-01) at +0.30 "
          "[+0.20, +0.40] and the coolest d1.txt (2020-02-01) at -0.20 [-0.30, -0.10]; each "
          "interval resamples the document's own sentences.",
          "Half of the documents lie between -0.08 and +0.17"]),
        ([0.02], None,
         ["Across 1 document (2 sentences), the length-weighted mean sentence VADER compound is "
          "+0.02. VADER's zero is not neutral"]),
    ],
    ids=["two-documents", "one-document"],
)
def test_document_findings(compounds: list[float], outlets: list[str] | None,
                           expected: list[str]) -> None:
    lines = says.document_findings(document_table(compounds, outlets=outlets))
    assert len(lines) == len(expected)
    assert all(line.startswith(start) for line, start in zip(lines, expected, strict=True))
    # Never a headline of warmth from the sign alone.
    assert not any("average above" in line for line in lines)


def a_trend(direction: str, *, n_bins: int = 3, slope: float = -0.1, low: float = -0.2,
            high: float = -0.05, dated: tuple[int, int] = (6, 6), undated: int = 0,
            measure: str = "vader_compound") -> Trend:
    evidence = TimeEvidence(sum(dated) + undated, sum(dated), *dated, 5)
    return Trend(measure, n_bins, slope if n_bins > 1 else math.nan, direction,
                 "2019", "2021", 0.4, 0.1, True, low, high, evidence)


@pytest.mark.parametrize(
    ("lead", "second", "thin", "expected"),
    [
        (a_trend("down", undated=2),
         a_trend("down", slope=-0.05, low=-0.1, high=-0.01, measure="tb_polarity"),
         [False, True, False],
         ["Fitted over 12 dated documents (one point per document, 2019 to 2021), the mean "
          "sentence VADER compound shows coverage growing cooler (slope -0.100 per year, 95% "
          "interval -0.200 to -0.050); the interval is from a bootstrap over documents; 2 "
          "undated documents are left out.",
          "TextBlob polarity: coverage grew cooler (slope -0.050 per year, 95% interval -0.100 "
          "to -0.010).",
          "1 of 3 year bins rest on fewer than 5 documents (hollow points): read them as single "
          "articles, not as the coverage of their period."]),
        # A slope of -0.002 whose interval includes zero is no change, not "cooler".
        (a_trend("flat", slope=-0.002, low=-0.01, high=0.006),
         a_trend("flat", slope=0.001, low=-0.01, high=0.01, measure="tb_polarity"),
         [False] * 3,
         ["Fitted over 12 dated documents (one point per document, 2019 to 2021), the mean "
          "sentence VADER compound shows no detectable change (slope -0.002 per year, 95% "
          "interval -0.010 to +0.006); the interval is from a bootstrap over documents.",
          "TextBlob polarity: no detectable change (slope +0.001 per year, 95% interval -0.010 "
          "to +0.010)."]),
        (a_trend("none", dated=(3, 3), undated=34), a_trend("none", dated=(3, 3)), [False],
         ["No change over time is stated: time comparisons need at least 5 dated documents in "
          "each of two periods; 6 of 40 documents are dated (3 before the median date, 3 from "
          "it)."]),
        (a_trend("none", n_bins=0, dated=(0, 0), undated=3), a_trend("none", n_bins=0), [], []),
    ],
    ids=["cooler", "interval-includes-zero", "six-of-forty-dated", "undated"],
)
def test_trend_findings(lead: Trend, second: Trend, thin: list[bool], expected: list[str]) -> None:
    binned = pd.DataFrame({"thin": thin})
    assert says.trend_findings(lead, [second], binned, freq="year") == expected


@pytest.mark.parametrize(
    ("n_bins", "freq", "expected"),
    [
        (0, "year", "No analysed document has a date, so no timeline can be drawn."),
        (1, "quarter",
         "All dated documents fall in one quarter: no change over time can be shown."),
        (2, "year", ""),
        (5, "month", ""),
    ],
)
def test_time_note(n_bins: int, freq: str, expected: str) -> None:
    assert says.time_note(a_trend("down", n_bins=n_bins), freq=freq) == expected


@pytest.mark.parametrize(
    ("thin", "min_docs", "expected"),
    [
        ([True, False, True], 3, "2 group(s) rest on fewer than 3 documents: shown, but left "
         "out of every comparison."),
        ([False, False], 2, ""),
    ],
)
def test_thin_groups_note(thin: list[bool], min_docs: int, expected: str) -> None:
    assert says.thin_groups_note(pd.DataFrame({"thin": thin}), min_docs=min_docs) == expected


def test_labelled_findings_warmest_first_renamed_and_unscored_left_out() -> None:
    rows = [interval_row("China", 0.1, 0.0, 0.2, 6), interval_row("unknown", 0.5, 0.4, 0.6),
            interval_row("India", math.nan, math.nan, math.nan)]
    lines = says.labelled_findings(pd.DataFrame(rows), column="label", what="Speakers from",
                                   names={"unknown": "an unknown side"}, min_docs=5)
    assert lines == [
        "Speakers from an unknown side: +0.50 [+0.40, +0.60]; 20 sentences in 2 documents (too "
        "few documents to compare).",
        "Speakers from China: +0.10 [+0.00, +0.20]; 60 sentences in 6 documents.",
    ]


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ({"Japan": 3, "India": 0, "ASEAN": 0}, "Not mentioned in any sentence: India, ASEAN."),
        ({"Japan": 3}, ""),
    ],
)
def test_absent_targets_note(counts: dict[str, int], expected: str) -> None:
    targets = pd.DataFrame({"target": list(counts), "n_sentences": list(counts.values())})
    assert says.absent_targets_note(targets) == expected


def agreement(n_documents: int, spearman_documents: float) -> dict[str, float]:
    return {"spearman_sentences": 0.61, "spearman_documents": spearman_documents,
            "same_class_share": 0.7, "n_sentences": 40, "n_documents": n_documents}


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (agreement(5, 0.8),
         ["Over 40 sentences, TextBlob and VADER rank sentences with a Spearman correlation of "
          "0.61; they put 70% of sentences in the same class (positive, neutral or negative).",
          "Over 5 documents the rank correlation is 0.80."]),
        (agreement(2, math.nan),
         ["Over 40 sentences, TextBlob and VADER rank sentences with a Spearman correlation of "
          "0.61; they put 70% of sentences in the same class (positive, neutral or negative)."]),
    ],
)
def test_agreement_findings(values: dict[str, float], expected: list[str]) -> None:
    assert says.agreement_findings(values) == expected


@pytest.mark.parametrize(
    ("n_documents", "expected"),
    [(2, "Fewer than three documents: no rank correlation over documents."), (3, "")],
)
def test_agreement_note(n_documents: int, expected: str) -> None:
    assert says.agreement_note(agreement(n_documents, math.nan)) == expected


# --- the stance index and the lead measure (helpers.report.findings.stance) ----------------

def a_recommendation(measure: str = "stance", *, n_docs: int = 30,
                     too_small: bool = False) -> Recommendation:
    return Recommendation(measure, "AUC", 0.93, 0.8, 1.0, n_docs, too_small,
                          "vader_compound" if measure == "stance" else "stance")


@pytest.mark.parametrize(
    ("lead", "recommendation", "expected"),
    [
        ("stance", None, ["The report leads with the stance index: it reads",
                          "Neither measure has been validated on this corpus."]),
        ("vader_compound", a_recommendation("vader_compound"),
         ["The report leads with the tone (mean sentence VADER compound) because it ranks your "
          "coded documents better than the stance index (AUC 0.93, 95% interval 0.80 to 1.00, "
          "on 30 documents;"]),
        ("stance", a_recommendation("vader_compound", n_docs=12, too_small=True),
         ["Your codes cover 12 documents of this corpus, fewer than 20: the check is too small "
          "to trust", "Neither measure is validated on this corpus until more documents"]),
    ],
    ids=["no-codes", "validated", "too-few-codes"],
)
def test_lead_findings(lead: str, recommendation, expected: list[str]) -> None:
    lines = stance_says.lead_findings(lead, recommendation)
    assert len(lines) == len(expected)
    assert all(line.startswith(start) for line, start in zip(lines, expected, strict=True))


def validation_of(categories: tuple[str, ...] | None) -> Validation:
    table = pd.DataFrame({
        "measure": ["vader_compound", "stance"], "statistic": ["AUC", "AUC"],
        "value": [0.7, 0.95], "low": [0.5, 0.85], "high": [0.9, 1.0], "n_docs": [24, 24],
        "auc": [0.7, 0.95], "auc_low": [0.5, 0.85], "auc_high": [0.9, 1.0], "n_auc": [24, 24],
        "spearman": [0.3, 0.8], "spearman_low": [0.0, 0.6], "spearman_high": [0.5, 0.9],
        "n_ranked": [36, 36]})
    return Validation(table, pd.DataFrame(), categories, 38, ["x.txt", "y.txt"])


@pytest.mark.parametrize(("too_small", "tail"), [
    (False, "(next: the tone (mean sentence VADER compound))."),
    (True, "it is too small to trust, and the report keeps its default lead."),
])
def test_validation_findings(too_small: bool, tail: str) -> None:
    validation = validation_of(("critical", "neutral", "warm"))
    lines = stance_says.validation_findings(validation,
                                            a_recommendation(n_docs=24, too_small=too_small))
    assert lines[0].startswith("Your codes are ordered categories (critical < neutral < warm)")
    assert lines[2] == ("Stance index: AUC 0.95, 95% interval 0.85 to 1.00, on 24 documents "
                        "(warm vs critical); Spearman 0.80 over 36 coded documents.")
    assert lines[-1].startswith("Recommendation: lead with the stance index") and \
        lines[-1].endswith(tail)
    assert stance_says.unmatched_note(validation) == (
        "2 coded files matched no analysed document and are left out: x.txt, y.txt.")


def test_stance_document_findings_name_the_ends_and_the_components() -> None:
    table = document_table([0.3, -0.2]).assign(
        stance=[0.4, -0.5], stance_low=[0.3, -0.6], stance_high=[0.5, -0.4],
        stance_lexicon=[0.5, -0.5], stance_frames=[0.0, -1.0], stance_formulas=[1.0, 0.0])
    lines = stance_says.stance_document_findings(table)
    assert lines[0].startswith("Across 2 documents, the length-weighted mean stance index is "
                               "-0.05 (its components: lexicon +0.00, frames -0.50, formulas "
                               "+0.50, tone +0.05).")
    assert lines[1].startswith("Relative to the other documents, the most cooperative is d0.txt "
                               "at +0.40 [+0.30, +0.50] and the most critical is d1.txt at -0.50")


def test_group_findings_of_the_stance_index_and_of_several_measures() -> None:
    rows = [{**interval_row("A", 0.6, 0.5, 0.7, 6), "stance": 0.2, "stance_low": 0.1,
             "stance_high": 0.3},
            {**interval_row("B", 0.1, 0.0, 0.2, 6), "stance": -0.4, "stance_low": -0.5,
             "stance_high": -0.3}]
    lines = says.measures_group_findings(
        pd.DataFrame(rows), {"stance": pd.DataFrame([pair("A", "B", 0.6, 0.4, 0.8)]),
                             "vader_compound": pd.DataFrame([pair("A", "B", 0.5, -0.1, 0.9)])},
        column="label", label="outlet", min_docs=5)
    assert lines[0].startswith("Of the 2 outlets with at least 5 documents, the stance index is "
                               "most cooperative in A (+0.20 [+0.10, +0.30]; 60 sentences in 6 "
                               "documents) and most critical in B")
    assert "their difference excludes zero" in lines[0]
    assert "no detectable difference" in lines[1] and lines[1].find("coverage is warmest") > 0
    one = pd.DataFrame([rows[0]])
    assert len(says.measures_group_findings(one, {"stance": pd.DataFrame(),
                                                  "vader_compound": pd.DataFrame()},
                                            column="label", label="outlet")) == 1


def test_summary_line_leads_with_one_measure_and_shows_the_other_beside_it() -> None:
    table = document_table([0.3, -0.2]).assign(stance=[0.4, -0.2])
    lead = a_trend("down", measure="stance")
    line = says.summary_line(table, lead, beside=[a_trend("flat", slope=0.0, low=-0.1,
                                                          high=0.1)])
    assert line.startswith("2 documents (4 sentences): stance index +0.10 (the lead measure; "
                           "mean sentence VADER compound +0.05 beside it); stance index: "
                           "coverage grew more critical (slope -0.100 per year")
    assert "; mean sentence VADER compound: no detectable change (slope +0.000" in line
