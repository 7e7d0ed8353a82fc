"""The sentences of the corpus overview (helpers.report.findings.overview), each from its
tables."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis import overview
from helpers.report.findings import overview as says
from tests.test_overview import audit, documents


def problems(*severities: str) -> pd.DataFrame:
    return pd.DataFrame({"file": [f"f{i}" for i in range(len(severities))],
                         "severity": list(severities)})


def test_overview_findings_state_size_dates_outlets_cleaning_and_problems() -> None:
    docs = documents()
    lines = says.overview_findings(docs, docs[docs["analysable"]], audit(),
                                   problems("error", "warning", "warning"))
    assert lines == [
        "The corpus holds 3 documents, dated from 01 July 2020 to 02 March 2021; 2 are analysed "
        "by the English lexicon notebooks.",
        "1 document has no date: kept in every analysis that needs none, left out of time charts.",
        "1 outlet named; the most frequent is Xinhua with 2 documents.",
        "Cleaning removed 3 pieces of page debris and metadata from 2 documents (10.0% of the "
        "raw characters).",
        "Loading met 1 error and 2 warnings (listed under Problems).",
    ]


@pytest.mark.parametrize(
    ("keep", "expected"),
    [
        ([0], ["The corpus holds 1 document, dated from 02 March 2021 to 02 March 2021; 1 are "
               "analysed by the English lexicon notebooks.",
               "1 outlet named; the most frequent is Xinhua with 1 document.",
               "Loading met 0 errors and 0 warnings (listed under Problems)."]),
        ([2], ["The corpus holds 1 document; 0 are analysed by the English lexicon notebooks.",
               "1 document has no date: kept in every analysis that needs none, left out of "
               "time charts.",
               "Loading met 0 errors and 0 warnings (listed under Problems)."]),
    ],
)
def test_overview_findings_leave_out_what_is_not_there(keep: list[int],
                                                       expected: list[str]) -> None:
    docs = documents().iloc[keep]
    lines = says.overview_findings(docs, docs[docs["analysable"]], audit().iloc[0:0],
                                   problems())
    assert lines == expected


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        ([None, None], "No document has a date, so no timeline can be drawn."),
        (["2020-01-01", "2020-05-01"],
         "All dated documents fall in one period: the timeline cannot show change over time."),
        (["2020-01-01", "2021-05-01"], ""),
    ],
)
def test_timeline_note(dates: list[str | None], expected: str) -> None:
    docs = pd.DataFrame({"date": pd.to_datetime(dates)})
    assert says.timeline_note(overview.documents_per_bin(docs, freq="year")) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ([120, 80, 40], "Articles run from 40 to 120 words after cleaning (median 80)."),
        ([300], "Articles run from 300 to 300 words after cleaning (median 300)."),
        ([10, 21], "Articles run from 10 to 21 words after cleaning (median 16)."),
    ],
)
def test_length_finding(words: list[int], expected: str) -> None:
    assert says.length_finding(pd.DataFrame({"n_words": words})) == expected


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        ([f"20{10 + i}-01-01" for i in range(6)] + [None] * 34,
         "The reports state no change over time: time comparisons need at least 5 dated "
         "documents in each of two periods; 6 of 40 documents are dated (3 before the median "
         "date, 3 from it)."),
        ([None] * 3,
         "The reports state no change over time: time comparisons need at least 5 dated "
         "documents in each of two periods; 0 of 3 documents are dated."),
        ([f"20{10 + i}-01-01" for i in range(10)] + [None] * 2,
         "Change over time can be tested: 10 of 12 documents are dated (5 before the median "
         "date, 5 from it, at least 5 on each side); 2 undated documents are left out of every "
         "claim about time."),
    ],
    ids=["six-of-forty", "undated", "enough"],
)
def test_time_evidence_finding(dates: list[str | None], expected: str) -> None:
    documents = pd.DataFrame({"date": pd.to_datetime(pd.Series(dates, dtype=object))})
    assert says.time_evidence_finding(documents) == expected
