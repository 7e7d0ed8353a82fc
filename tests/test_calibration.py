"""Calibration of the rules that decide the reports' claims (issue 13).

Synthetic corpora are drawn with realistic document lengths (lognormal, a few articles five
times longer), sentence scores spread around a per-document level (a random effect per
document plus sentence noise), dates over ten years, three outlets and a vocabulary of bursty
terms (a term's rate varies from document to document). The same functions the reports use to
decide a claim are run on each corpus:

- trend: :func:`helpers.analysis.sentiment.trend` says "up" or "down";
- group difference: :func:`helpers.analysis.sentiment.differences` finds a pair that differs;
- rising theme: :func:`helpers.analysis.themes.theme_trends` calls a theme rising or falling;
- emerging term: :func:`helpers.analysis.terms.term_trends` names any term.

With no real change, each claim must be made in at most 5% of corpora plus sampling error
(8% over 200 corpora: 5% plus two standard errors). With a real shift of a stated size, it must
be found in at least 80% of corpora of 60 documents. The bootstrap uses 200 replicates here
(the reports use 1,000) to keep the test to seconds; run with ``pytest -s`` to see the rates.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pytest
from scipy import sparse

from helpers.analysis import sentiment, terms, themes
from helpers.analysis.terms import TermCounts

N_NULL = 200  # corpora drawn with no real change
N_SHIFTED = 100  # corpora drawn with a real shift
N_BOOT = 200  # bootstrap replicates per decision (the reports use 1,000)
MAX_FALSE_RATE = 0.08  # 5% plus two standard errors of a rate over 200 corpora
MIN_POWER = 0.80
N_TERMS = 150
N_THEMES = 8
OUTLETS = np.array(["Herald", "Monitor", "Times"])
# Real shifts detected in the second set, in the units the reports state:
TREND_PER_YEAR = 0.05  # mean sentence compound per year (0.5 over the decade, ~2 document SDs)
GROUP_GAP = 0.4  # between the first outlet and the others (about 1.5 document SDs)
TERM_SHARE = (0.10, 0.75)  # share of earlier / later documents using the term (~3 times each)
THEME_PER_YEAR = 2.0  # rate per 1,000 words per year (+20 over the decade; typical level ~4)


@dataclass
class Corpus:
    """One synthetic corpus: sentences, documents, term counts and theme rates."""

    sentences: pd.DataFrame
    documents: pd.DataFrame
    counts: TermCounts
    doc_themes: pd.DataFrame


def draw_corpus(
    rng: np.random.Generator,
    *,
    n_docs: int,
    trend: float = 0.0,
    gap: float = 0.0,
    term_share: tuple[float, float] | None = None,
    theme_trend: float = 0.0,
) -> Corpus:
    """A corpus with the given real effects (all zero: nothing changes)."""
    years = rng.uniform(0, 10, n_docs)
    dates = pd.Timestamp("2014-01-01") + pd.to_timedelta(years * 365.25, unit="D")
    outlets = OUTLETS[rng.integers(0, len(OUTLETS), n_docs)]
    n_sentences = np.maximum(3, np.round(rng.lognormal(np.log(14), 0.5, n_docs))).astype(int)
    long = rng.random(n_docs) < 0.05
    n_sentences[long] *= 5
    level = (0.3 + rng.normal(0, 0.25, n_docs) + trend * (years - 5)
             + gap * (outlets == OUTLETS[0]))
    doc_of = np.repeat(np.arange(n_docs), n_sentences)
    scores = np.clip(level[doc_of] + rng.normal(0, 0.45, len(doc_of)), -1, 1)
    words = rng.poisson(20, len(doc_of)) + 3
    doc_ids = np.array([f"d{i}" for i in range(n_docs)])
    sentences = pd.DataFrame({
        "doc_id": doc_ids[doc_of], "vader_compound": scores,
        "tb_polarity": np.clip(scores * 0.4 + rng.normal(0, 0.2, len(doc_of)), -1, 1),
        "n_words": words, "group": outlets[doc_of], "date": dates[doc_of],
    })
    n_words = np.bincount(doc_of, weights=words).astype(int)
    # Each document's score as documents_table gives it: its length-weighted sentence mean.
    documents = pd.DataFrame({
        "doc_id": doc_ids, "date": dates, "group": outlets, "n_words": n_words,
        "vader_compound": np.bincount(doc_of, weights=scores * words) / n_words,
    })
    # Bursty terms: each document has its own propensity for each term (gamma, shape 0.3).
    base = rng.lognormal(np.log(1.5), 1.0, N_TERMS) / 1000
    propensity = rng.gamma(0.3, 1 / 0.3, (n_docs, N_TERMS))
    lam = base * propensity * n_words[:, None]
    if term_share is not None:
        late = years >= np.median(years)
        uses = rng.random(n_docs) < np.where(late, term_share[1], term_share[0])
        lam[:, 0] = np.where(uses, 3.0, 0.0)
    counts = TermCounts(pd.Index(doc_ids), np.array([f"t{i}" for i in range(N_TERMS)]),
                        sparse.csr_matrix(rng.poisson(lam)), n_words)
    theme_level = rng.lognormal(np.log(4), 0.5, N_THEMES)
    theme_rate = theme_level * rng.gamma(0.8, 1 / 0.8, (n_docs, N_THEMES))
    theme_rate[:, 0] += theme_trend * years
    hits = rng.poisson(theme_rate * n_words[:, None] / 1000)
    doc_themes = pd.DataFrame({
        "doc_id": np.repeat(doc_ids, N_THEMES),
        "theme": np.tile([f"theme {k}" for k in range(N_THEMES)], n_docs),
        "rate_per_1000": terms.per_1000(hits.ravel(), np.repeat(n_words, N_THEMES)),
    })
    return Corpus(sentences, documents, counts, doc_themes)


def claims(corpus: Corpus, *, seed: int) -> dict[str, bool]:
    """Which claims the reports' rules make on ``corpus``."""
    dates = corpus.documents.set_index("doc_id")["date"]
    result = sentiment.trend(corpus.documents, n_boot=N_BOOT, seed=seed)
    pairs = sentiment.differences(corpus.sentences, by="group", n_boot=N_BOOT, seed=seed)
    profile = themes.theme_profile(
        corpus.doc_themes.assign(hits=0, n_words=1, n_sentences=1, theme_sentences=0),
        dates.dt.to_period("Y"))
    theme_table = themes.theme_trends(profile, doc_themes=corpus.doc_themes, dates=dates,
                                      n_boot=N_BOOT, seed=seed)
    emerging = terms.term_trends(corpus.counts, dates)
    return {
        "trend": result.direction in {"up", "down"},
        "group difference": bool(pairs["differ"].any()) if len(pairs) else False,
        "rising theme": bool(theme_table["direction"].isin(["rising", "falling"]).any()),
        "emerging term": len(emerging) > 0,
        "first theme rising": bool((theme_table["theme"] == "theme 0").any() and theme_table.loc[
            theme_table["theme"] == "theme 0", "direction"].iloc[0] == "rising"),
        "first term emerging": bool(((emerging["term"] == "t0")
                                     & (emerging["trend"] == "emerging")).any()),
        "first outlet differs": bool(len(pairs) and (
            (pairs["a"] == OUTLETS[0]) & pairs["differ"] | (pairs["b"] == OUTLETS[0])
            & pairs["differ"]).any()),
        "warmer": result.direction == "up",
    }


def claim_rates(n: int, *, seed: int, n_docs: int, **effects) -> dict[str, float]:
    rng = np.random.default_rng(seed)
    made = [claims(draw_corpus(rng, n_docs=n_docs, **effects), seed=i) for i in range(n)]
    return pd.DataFrame(made).mean().to_dict()


@pytest.fixture(scope="module")
def null_rates() -> dict[str, float]:
    rates = claim_rates(N_NULL, seed=13, n_docs=40)
    print(f"\nFalse claims over {N_NULL} corpora of 40 documents with no change "
          f"(bootstrap {N_BOOT} replicates):")
    for name in ("trend", "group difference", "rising theme", "emerging term"):
        print(f"  {name}: {rates[name]:.1%}")
    return rates


@pytest.mark.parametrize("claim", ["trend", "group difference", "rising theme", "emerging term"])
def test_no_change_is_claimed_at_most_at_the_nominal_rate(null_rates, claim: str) -> None:
    assert null_rates[claim] <= MAX_FALSE_RATE


@pytest.mark.parametrize(
    ("effects", "claim"),
    [
        ({"trend": TREND_PER_YEAR}, "warmer"),
        ({"gap": GROUP_GAP}, "first outlet differs"),
        ({"theme_trend": THEME_PER_YEAR}, "first theme rising"),
        ({"term_share": TERM_SHARE}, "first term emerging"),
    ],
    ids=["trend", "group-difference", "rising-theme", "emerging-term"],
)
def test_a_real_shift_is_found_in_most_corpora_of_sixty_documents(effects, claim: str) -> None:
    rate = claim_rates(N_SHIFTED, seed=31, n_docs=60, **effects)[claim]
    print(f"\nDetected over {N_SHIFTED} corpora of 60 documents with {effects}: {rate:.1%}")
    assert rate >= MIN_POWER
