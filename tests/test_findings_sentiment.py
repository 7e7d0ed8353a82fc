"""The sentences of the sentiment report (helpers.report.findings.sentiment), each from its
table."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from helpers.analysis import sentiment
from helpers.analysis.sentiment import Trend
from helpers.report.findings import sentiment as says
from tests.synthetic import HOSTILE, WARM
from tests.test_sentiment import dated_sentences


def interval_row(label: str, mean: float, low: float, high: float, docs: int = 2) -> dict:
    return {"label": label, "vader_compound": mean, "vader_compound_low": low,
            "vader_compound_high": high, "n_docs": docs, "n_sentences": 10 * docs}


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([interval_row("Xinhua", 0.6, 0.5, 0.7), interval_row("Post", 0.1, 0.0, 0.2)],
         "warmest in Xinhua (+0.60 [+0.50, +0.70]; 20 sentences in 2 documents) and coolest in "
         "Post (+0.10 [+0.00, +0.20]; 20 sentences in 2 documents); their intervals do not "
         "overlap."),
        ([interval_row("A", 0.3, 0.1, 0.5, 1), interval_row("B", 0.2, 0.0, 0.4, 1)],
         "warmest in A (+0.30 [+0.10, +0.50]; 10 sentences in 1 document) and coolest in B "
         "(+0.20 [+0.00, +0.40]; 10 sentences in 1 document); their intervals overlap, so the "
         "difference is within the noise of sentences."),
        ([interval_row("A", 0.3, 0.1, 0.5)], "All documents share one outlet"),
    ],
)
def test_group_findings(rows: list[dict], expected: str) -> None:
    lines = says.group_findings(pd.DataFrame(rows), column="label", label="outlet")
    assert expected in lines[0]


def test_voice_findings_compare_speech_with_narration() -> None:
    rows = [interval_row("narration", 0.5, 0.4, 0.6), interval_row("quote", 0.1, 0.0, 0.2)]
    voices = pd.DataFrame(rows).rename(columns={"label": "speech"})
    lines = says.voice_findings(voices)
    assert lines[0].startswith("Narration: +0.50") and lines[1].startswith("Quoted speech: +0.10")
    assert lines[2] == "Quoted speech is 0.40 cooler than narration (the intervals do not overlap)."


@pytest.mark.parametrize(
    ("per_year", "expected"),
    [
        ({2019: WARM[:3], 2022: HOSTILE[:3]}, "coverage grew cooler from 2019 to 2022"),
        ({2019: HOSTILE[:1] + WARM[:1], 2020: WARM[1:2] + HOSTILE[1:2]}, "coverage drifted"),
        ({2019: WARM[:2]}, "no change over time can be shown"),
    ],
)
def test_summary_line(per_year: dict[int, list[str]], expected: str) -> None:
    sentences = dated_sentences(per_year)
    table = sentiment.documents_table(sentences.assign(file=sentences["doc_id"], title="",
                                                       outlet=""), sentences, n_boot=100)
    result = sentiment.trend(sentiment.scores_over_time(sentences, freq="year", n_boot=100))
    line = says.summary_line(table, result)
    assert line.startswith(f"{len(sentences)} documents ({len(sentences)} sentences)")
    assert expected in line


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
          "is +0.05 (-1 hostile, +1 warm).",
          "The warmest document is d0.txt (Xinhua, 2020-01-01) at +0.30 [+0.20, +0.40]; the "
          "coolest is d1.txt (2020-02-01) at -0.20 [-0.30, -0.10].",
          "1 of 2 documents average above +0.05 and 1 below -0.05; a typical document has 50% "
          "clearly positive and 0% clearly negative sentences (median over documents)."]),
        ([0.02], None,
         ["Across 1 document (2 sentences), the length-weighted mean sentence VADER compound is "
          "+0.02 (-1 hostile, +1 warm).",
          "0 of 1 documents average above +0.05 and 0 below -0.05; a typical document has 50% "
          "clearly positive and 0% clearly negative sentences (median over documents)."]),
    ],
)
def test_document_findings(compounds: list[float], outlets: list[str] | None,
                           expected: list[str]) -> None:
    assert says.document_findings(document_table(compounds, outlets=outlets)) == expected


def a_trend(direction: str, *, n_bins: int = 3, overlap: bool = False,
            slope: float = -0.1) -> Trend:
    return Trend("vader_compound", n_bins, slope if n_bins > 1 else math.nan, direction,
                 "2019", "2021", 0.4, 0.1, overlap)


@pytest.mark.parametrize(
    ("lead", "second", "thin", "expected"),
    [
        (a_trend("down"), a_trend("down", slope=-0.05), [False, True, False],
         ["From 2019 to 2021, the mean sentence VADER compound went from +0.40 to +0.10: a slope "
          "of -0.100 per year over 3 year bins, so coverage grew cooler.",
          "The intervals of 2019 and 2021 do not overlap.",
          "TextBlob polarity agrees (slope -0.050 per year).",
          "1 of 3 bins rest on too few documents to compare (hollow points)."]),
        (a_trend("up", overlap=True, slope=0.2), a_trend("down", slope=-0.01), [False] * 3,
         ["From 2019 to 2021, the mean sentence VADER compound went from +0.40 to +0.10: a slope "
          "of +0.200 per year over 3 year bins, so coverage grew warmer.",
          "The intervals of 2019 and 2021 overlap: the change is within the noise of sentences.",
          "TextBlob polarity disagrees (slope -0.010 per year)."]),
        (a_trend("none", n_bins=1), a_trend("none", n_bins=1), [False], []),
    ],
)
def test_trend_findings(lead: Trend, second: Trend, thin: list[bool], expected: list[str]) -> None:
    binned = pd.DataFrame({"thin": thin})
    assert says.trend_findings(lead, second, binned, freq="year") == expected


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
        ([True, False, True], 3, "2 group(s) rest on fewer than 3 documents and should not be "
         "compared."),
        ([False, False], 2, ""),
    ],
)
def test_thin_groups_note(thin: list[bool], min_docs: int, expected: str) -> None:
    assert says.thin_groups_note(pd.DataFrame({"thin": thin}), min_docs=min_docs) == expected


def test_labelled_findings_warmest_first_renamed_and_unscored_left_out() -> None:
    rows = [interval_row("China", 0.1, 0.0, 0.2), interval_row("unknown", 0.5, 0.4, 0.6),
            interval_row("India", math.nan, math.nan, math.nan)]
    lines = says.labelled_findings(pd.DataFrame(rows), column="label", what="Speakers from",
                                   names={"unknown": "an unknown side"})
    assert lines == [
        "Speakers from an unknown side: +0.50 [+0.40, +0.60]; 20 sentences in 2 documents.",
        "Speakers from China: +0.10 [+0.00, +0.20]; 20 sentences in 2 documents.",
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
