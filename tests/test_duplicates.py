"""Near-duplicate articles (helpers.corpus.duplicates): MinHash finds candidates, the exact
shingle sets decide."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers.corpus.duplicates import (
    BANDS,
    THRESHOLD,
    estimated_similarity,
    exact_similarity,
    flag_duplicates,
    shingle_hashes,
    signature,
)
from tests.synthetic import HOSTILE, NEUTRAL, WARM

LEDE = " ".join([*WARM, *NEUTRAL, *HOSTILE])
WIRE = (
    "Port deal signed after two days of talks\n\n"
    "The transport ministers of the two countries signed an agreement on Thursday to expand "
    "the container terminal at the river port and dredge its approach channel.\n\n"
    "Work on the terminal is due to start in the dry season, with a loan from a regional "
    "development bank covering most of the cost, the ministry said in a statement.\n\n"
    "Shipping companies have complained for years that the channel is too shallow for larger "
    "vessels during the last months of the dry season.\n\n"
    "The agreement also covers training for port staff and a study of a rail link to the "
    "industrial zone north of the city, officials said.\n\n"
    "Traffic through the port rose by about a fifth last year, according to figures released "
    "by the port authority in January.\n"
)
# The same story run by a second outlet: another headline, a few words changed, a clause cut.
WIRE_EDITED = (
    WIRE.replace("Port deal signed after two days of talks", "Ministers sign river port deal")
    .replace("on Thursday", "on Thursday morning")
    .replace(", with a loan from a regional development bank covering most of the cost,", ",")
)
# The same story cut short: its first three paragraphs under a new headline.
WIRE_CUT = "River port expansion agreed\n\n" + "\n\n".join(WIRE.split("\n\n")[1:4]) + "\n"


def flagged_pair(first: str, second: str) -> pd.DataFrame:
    docs = pd.DataFrame({"doc_id": ["a", "b"], "file": ["a.txt", "b.txt"],
                         "date": pd.to_datetime(["2024-01-01", "2024-01-02"]),
                         "clean_text": [first, second]})
    return flag_duplicates(docs).set_index("doc_id")


@pytest.mark.parametrize(("first", "second", "flagged"), [
    (LEDE, LEDE, True),
    (WIRE, WIRE_EDITED, True),
    (WIRE, WIRE_CUT, True),
    (WIRE, LEDE, False),
    (" ".join(WARM), " ".join(HOSTILE), False),
    (WIRE, "Short.", False),
    (" ".join(WARM[:3]), " ".join([*WARM[:2], HOSTILE[0]]), False),  # 2 of 3 sentences shared
])
def test_near_duplicates(first: str, second: str, flagged: bool) -> None:
    marked = flagged_pair(first, second)
    assert marked.at["a", "duplicate_of"] == ""
    assert (marked.at["b", "duplicate_of"] == "a") is flagged


def tokens(prefix: str, count: int) -> list[str]:
    """``count`` distinct made-up words: ``count - 4`` distinct 5-word shingles."""
    return [f"{prefix}{i}" for i in range(count)]


@pytest.mark.parametrize(("first", "second", "expected"), [
    (tokens("a", 100), tokens("a", 100), 1.0),
    (tokens("a", 100), tokens("b", 100), 0.0),
    # 80 words shared out of 100: 76 shingles of 96 each, Jaccard 76 / 116
    (tokens("a", 100), tokens("a", 100)[:80] + tokens("b", 20), 76 / 116),
    # the first 50 words of a 300-word article: 46 of 46 shingles contained
    (tokens("a", 300), tokens("a", 50), 1.0),
    # too short for containment to count (14 shingles): the Jaccard similarity, 14 / 296
    (tokens("a", 300), tokens("a", 18), 14 / 296),
    # a short article with 36 of its 56 shingles in a long one: not cut from it
    (tokens("a", 200), tokens("a", 200)[50:90] + tokens("b", 20), 36 / (196 + 56 - 36)),
    ([], tokens("a", 10), 0.0),
])
def test_exact_similarity(first: list[str], second: list[str], expected: float) -> None:
    exact = exact_similarity(shingle_hashes(" ".join(first)), shingle_hashes(" ".join(second)))
    assert exact == pytest.approx(expected)


def are_candidates(first: str, second: str) -> bool:
    """Whether two texts share a band of their signatures (so the LSH compares them)."""
    a, b = (np.frombuffer(signature(text), "<u4")[1:].reshape(BANDS, -1) for text in (first,
                                                                                    second))
    return bool((a == b).all(axis=1).any())


# Pairs chosen so that the 64-permutation estimate falls on the wrong side of the threshold
# (the permutations are seeded, so the estimates are fixed): the premise is checked first.
# (words of the first article, words of the second, flagged: the exact similarity decides)
ESTIMATE_ON_THE_WRONG_SIDE = [
    # estimate 0.75, exact 76 / 116 = 0.655: flagged by the estimate alone, not any more
    (tokens("w71y", 100), tokens("w71y", 100)[:80] + tokens("v71x", 20), False),
    # estimate 0.61, exact 80 / 112 = 0.714: missed by the estimate alone, flagged now
    (tokens("w15y", 100), tokens("w15y", 100)[:84] + tokens("v15x", 16), True),
]


@pytest.mark.parametrize(("first", "second", "flagged"), ESTIMATE_ON_THE_WRONG_SIDE)
def test_the_exact_similarity_decides(first: list[str], second: list[str],
                                      flagged: bool) -> None:
    a, b = " ".join(first), " ".join(second)
    estimate = estimated_similarity(signature(a), signature(b))
    exact = exact_similarity(shingle_hashes(a), shingle_hashes(b))
    assert are_candidates(a, b)
    assert (estimate >= THRESHOLD) is not flagged and (exact >= THRESHOLD) is flagged
    marked = flagged_pair(a, b)
    assert (marked.at["b", "duplicate_of"] == "a") is flagged
    if flagged:
        assert marked.at["b", "duplicate_similarity"] == pytest.approx(exact, abs=0.001)


def test_a_containment_estimate_far_above_the_exact_value() -> None:
    # A short article sharing 36 of its 56 shingles with a long one: the containment
    # estimated from the signatures (sizes far apart) is above 0.9, the exact one 0.64.
    long = " ".join(tokens("w141y", 200))
    short = " ".join(tokens("w141y", 200)[50:90] + tokens("v141x", 20))
    assert estimated_similarity(signature(long), signature(short)) >= 0.9
    assert exact_similarity(shingle_hashes(long), shingle_hashes(short)) < THRESHOLD


def test_a_group_points_to_its_earliest_article() -> None:
    docs = pd.DataFrame({"doc_id": ["late", "early", "other"],
                         "file": ["c.txt", "b.txt", "a.txt"],
                         "date": pd.to_datetime(["2024-03-01", "2024-01-01", None]),
                         "clean_text": [WIRE_EDITED, WIRE, LEDE]})
    marked = flag_duplicates(docs).set_index("doc_id")
    assert list(marked["duplicate_of"]) == ["early", "", ""]
    assert 0.7 <= marked.at["late", "duplicate_similarity"] < 1.0
