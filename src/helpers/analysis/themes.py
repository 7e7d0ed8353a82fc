"""Dictionary themes: editable lists of terms counted in each sentence, and how they move.

The themes dictionary (:func:`load_themes`) is matched in every sentence (:func:`match_themes`),
counted per document (:func:`theme_by_document`) and pooled by time bin or group
(:func:`theme_profile`), keeping every matched term as evidence. A theme rises or falls when
the slope of documents' rates against their dates has an interval (from a bootstrap over
documents) that excludes zero and survives the Benjamini-Hochberg correction for the number
of themes (:func:`theme_trends`). It works on one document as
well as on ten thousand. Theme x sentiment (:func:`theme_sentiment`) reads the sentence scores
that the corpus stage wrote; nothing here re-scores text.

Discovered topics are in :mod:`helpers.analysis.topics`, keyness between periods or groups in
:mod:`helpers.analysis.keyness`, emerging and fading terms in :mod:`helpers.analysis.terms`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.analysis.statistics import (
    MIN_DOCS,
    N_BOOT,
    benjamini_hochberg,
    cluster_bootstrap,
    slope_estimates,
    time_evidence,
    years_since,
)
from helpers.analysis.terms import per_1000, rate_slopes
from helpers.analysis.timeline import time_bin
from helpers.config import THEMES_FILE
from helpers.corpus.lexicons import compile_phrases, phrase_regex, read_lexicon, split_phrases

MATCH_COLUMNS = ["doc_id", "sent_idx", "theme", "term"]
_SEPARATOR = re.compile(r"[\s\-\u2010-\u2015]+")  # as between the words of a lexicon phrase
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Theme:
    """One theme of the dictionary: its name, description and compiled terms.

    Besides the exact ``pattern``, a theme keeps a cheap screen so that the pattern only runs
    on sentences that may match: the lower-cased first word of each plain term (``anchors``,
    or ``prefixes`` for a ``word*`` first word), and its ``re:`` terms compiled apart without
    word boundaries (``raw``, so the regex engine can scan for their first letters). A
    sentence none of whose words is an anchor or starts with a prefix, and that ``raw`` does
    not match, cannot match ``pattern``.
    """

    name: str
    description: str
    pattern: re.Pattern[str]
    anchors: frozenset[str]
    prefixes: tuple[str, ...]
    raw: re.Pattern[str] | None

    @classmethod
    def from_phrases(cls, name: str, description: str, phrases: Sequence[str]) -> Theme:
        """Compile a theme from its lexicon phrases (see :mod:`helpers.corpus.lexicons`)."""
        anchors, prefixes, raw = set(), set(), []
        for phrase in phrases:
            first = _SEPARATOR.split(phrase.strip())[0].lower()
            run = _WORD.match(first.rstrip("*"))
            if phrase.startswith("re:") or run is None:
                raw.append(phrase if phrase.startswith("re:") else f"re:{phrase_regex(phrase)}")
            elif first.endswith("*") and run.end() == len(first) - 1:
                prefixes.add(run.group(0))
            else:
                anchors.add(run.group(0))
        return cls(
            name,
            description,
            compile_phrases(phrases),
            frozenset(anchors),
            tuple(sorted(prefixes)),
            re.compile("|".join(f"(?:{phrase_regex(p)})" for p in raw), re.IGNORECASE)
            if raw
            else None,
        )

    def admits(self, word: str) -> bool:
        """Whether a lower-cased word can start one of the theme's plain terms."""
        return word in self.anchors or (bool(self.prefixes) and word.startswith(self.prefixes))


def load_themes(path: str | Path = THEMES_FILE) -> list[Theme]:
    """Read a themes CSV (columns theme, description, terms) and compile each theme's terms.

    Args:
        path: the themes file; defaults to the dictionary shipped with the package.

    Returns:
        The themes, in file order.
    """
    table = read_lexicon(path)
    missing = {"theme", "terms"} - set(table.columns)
    if missing:
        raise ValueError(f"{path}: missing column(s) {sorted(missing)}")
    themes: list[Theme] = []
    for row in table.to_dict("records"):
        name = row["theme"].strip()
        if not name:
            continue
        phrases = split_phrases(row["terms"])
        if not phrases:
            raise ValueError(f"{path}: theme {name!r} has no terms")
        if any(theme.name == name for theme in themes):
            raise ValueError(f"{path}: theme {name!r} appears twice")
        description = str(row.get("description", "")).strip()
        themes.append(Theme.from_phrases(name, description, phrases))
    if not themes:
        raise ValueError(f"{path}: no themes")
    return themes


def normalise_term(text: str) -> str:
    """A matched span as evidence: lower case, one space for any run of spaces or dashes."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return _SEPARATOR.sub(" ", text).strip().lower()


def match_themes(sentences: pd.DataFrame, themes: Sequence[Theme]) -> pd.DataFrame:
    """Find every theme term in every sentence.

    Args:
        sentences: a table with doc_id, sent_idx and text.
        themes: from :func:`load_themes`.

    Returns:
        One row per match: doc_id, sent_idx, theme, term (the matched words, normalised).
    """
    texts = sentences["text"].astype(str).tolist()
    doc_ids = sentences["doc_id"].tolist()
    sent_idx = sentences["sent_idx"].tolist()
    admitted: dict[str, tuple[int, ...]] = {}  # word -> themes it may start a term of
    with_raw = [k for k, theme in enumerate(themes) if theme.raw is not None]
    rows: list[tuple[str, int, str, str]] = []
    for i, text in enumerate(texts):
        candidates: set[int] = set()
        for word in set(_WORD.findall(text.lower())):
            if word not in admitted:
                admitted[word] = tuple(k for k, theme in enumerate(themes) if theme.admits(word))
            candidates.update(admitted[word])
        candidates.update(k for k in with_raw if themes[k].raw.search(text))
        for k in sorted(candidates):
            theme = themes[k]
            rows.extend(
                (doc_ids[i], sent_idx[i], theme.name, normalise_term(m.group(0)))
                for m in theme.pattern.finditer(text)
            )
    return pd.DataFrame(rows, columns=MATCH_COLUMNS)


def theme_by_document(
    sentences: pd.DataFrame,
    matches: pd.DataFrame,
    *,
    themes: Sequence[str],
    evidence_terms: int = 5,
) -> pd.DataFrame:
    """Theme counts per document: hits, rate per 1,000 words, share of sentences, evidence.

    Args:
        sentences: the sentences matched (doc_id, sent_idx, n_words).
        matches: from :func:`match_themes`.
        themes: theme names, in the order wanted (every document gets a row per theme).
        evidence_terms: how many of the most frequent matched terms to keep per row.

    Returns:
        One row per document and theme: doc_id, theme, n_words, n_sentences, hits,
        theme_sentences, rate_per_1000, sentence_share, terms ("term (count); ...").
    """
    sizes = sentences.groupby("doc_id", sort=False).agg(
        n_words=("n_words", "sum"), n_sentences=("sent_idx", "size")
    )
    grid = pd.MultiIndex.from_product([sizes.index, list(themes)], names=["doc_id", "theme"])
    hits = matches.groupby(["doc_id", "theme"]).size()
    in_sentences = (
        matches.drop_duplicates(["doc_id", "sent_idx", "theme"]).groupby(["doc_id", "theme"]).size()
    )
    table = pd.DataFrame(index=grid).reset_index()
    table = table.join(sizes, on="doc_id")
    key = pd.MultiIndex.from_frame(table[["doc_id", "theme"]])
    table["hits"] = hits.reindex(key, fill_value=0).to_numpy()
    table["theme_sentences"] = in_sentences.reindex(key, fill_value=0).to_numpy()
    table["rate_per_1000"] = per_1000(table["hits"], table["n_words"])
    table["sentence_share"] = _ratio(table["theme_sentences"], table["n_sentences"])
    terms = _evidence(matches, ["doc_id", "theme"], top=evidence_terms)
    table["terms"] = terms.reindex(key, fill_value="").to_numpy()
    return table


def theme_profile(doc_themes: pd.DataFrame, labels: pd.Series) -> pd.DataFrame:
    """Aggregate per-document theme counts by a label per document (a time bin or a group).

    Rates pool the words of the documents in each label, so long articles weigh more.

    Args:
        doc_themes: from :func:`theme_by_document`.
        labels: a label per doc_id (index doc_id); documents labelled NA are left out.

    Returns:
        One row per label and theme: group, theme, n_docs, docs_with_theme, n_words, hits,
        rate_per_1000, sentence_share; sorted by label then theme order.
    """
    labelled = doc_themes.assign(group=doc_themes["doc_id"].map(labels)).dropna(subset=["group"])
    order = list(dict.fromkeys(doc_themes["theme"]))
    profile = (
        labelled.assign(has_theme=labelled["hits"] > 0)
        .groupby(["group", "theme"], sort=False)
        .agg(
            n_docs=("doc_id", "nunique"),
            docs_with_theme=("has_theme", "sum"),
            n_words=("n_words", "sum"),
            n_sentences=("n_sentences", "sum"),
            hits=("hits", "sum"),
            theme_sentences=("theme_sentences", "sum"),
        )
        .reset_index()
    )
    profile["rate_per_1000"] = per_1000(profile["hits"], profile["n_words"])
    profile["sentence_share"] = _ratio(profile["theme_sentences"], profile["n_sentences"])
    profile["theme"] = pd.Categorical(profile["theme"], categories=order, ordered=True)
    profile = profile.sort_values(["group", "theme"]).reset_index(drop=True)
    profile["theme"] = profile["theme"].astype(str)
    return profile.drop(columns=["n_sentences", "theme_sentences"]).loc[
        :,
        [
            "group",
            "theme",
            "n_docs",
            "docs_with_theme",
            "n_words",
            "hits",
            "rate_per_1000",
            "sentence_share",
        ],
    ]


TREND_COLUMNS = ["theme", "n_bins", "rate_first", "rate_last", "mean_rate", "slope", "change",
                 "n_dated", "slope_per_year", "slope_low", "slope_high", "p_value", "q_value",
                 "direction"]


def theme_trends(
    profile: pd.DataFrame,
    *,
    doc_themes: pd.DataFrame | None = None,
    dates: pd.Series | None = None,
    min_docs: int = MIN_DOCS,
    alpha: float = 0.05,
    n_boot: int = N_BOOT,
    seed: int = 0,
) -> pd.DataFrame:
    """The trend of each theme's rate: across time bins (descriptive) and over documents
    (the estimate the report states).

    Args:
        profile: from :func:`theme_profile` with pandas Periods as groups.
        doc_themes: from :func:`theme_by_document`; with ``dates``, each theme's slope is
            estimated on documents.
        dates: each document's date, indexed by doc_id (undated documents are left out).
        min_docs: fewest dated documents before and from the median date for a direction.
        alpha: false discovery rate over the themes (Benjamini-Hochberg).
        n_boot, seed: bootstrap replicates over documents, and seed.

    Returns:
        One row per theme: theme, n_bins, rate_first, rate_last, mean_rate, slope (change in
        pooled rate per 1,000 words per bin, least squares on the period axis, gaps included),
        change (the slope times the span from the first to the last bin); then, over documents:
        n_dated, slope_per_year (least-squares slope of documents' rates against their dates,
        one point per document), slope_low, slope_high (95% interval from a bootstrap over
        documents), p_value, q_value and direction ("rising" or "falling" when the interval
        excludes zero and q < ``alpha``, "flat" for no detectable change, "none" when too few
        documents are dated or no dates were given). Sorted by slope.
    """
    wide = profile.pivot(index="group", columns="theme", values="rate_per_1000").sort_index()
    if wide.empty:
        return pd.DataFrame(columns=TREND_COLUMNS)
    periods = pd.PeriodIndex(wide.index)
    slope = rate_slopes(periods, wide.to_numpy(dtype=float))
    table = pd.DataFrame(
        {
            "theme": wide.columns,
            "n_bins": len(wide),
            "rate_first": wide.iloc[0].to_numpy(),
            "rate_last": wide.iloc[-1].to_numpy(),
            "mean_rate": wide.mean().to_numpy(),
            "slope": slope,
            "change": slope * float(periods.asi8[-1] - periods.asi8[0]),
        }
    )
    table = table.merge(_document_slopes(doc_themes, dates, min_docs=min_docs, alpha=alpha,
                                         n_boot=n_boot, seed=seed), on="theme", how="left")
    table["direction"] = table["direction"].fillna("none")
    return table.sort_values("slope", ascending=False, ignore_index=True)[TREND_COLUMNS]


def _document_slopes(
    doc_themes: pd.DataFrame | None,
    dates: pd.Series | None,
    *,
    min_docs: int,
    alpha: float,
    n_boot: int,
    seed: int,
) -> pd.DataFrame:
    """Each theme's slope over dated documents, with interval, q-value and direction."""
    columns = ["theme", "n_dated", "slope_per_year", "slope_low", "slope_high", "p_value",
               "q_value", "direction"]
    if doc_themes is None or dates is None or doc_themes.empty:
        return pd.DataFrame(columns=columns)
    rates = doc_themes.pivot(index="doc_id", columns="theme", values="rate_per_1000")
    when = pd.to_datetime(dates.reindex(rates.index))
    enough = time_evidence(when, min_docs=min_docs).enough
    known = when.notna().to_numpy()
    estimates = slope_estimates(years_since(when[known]), rates.to_numpy(dtype=float)[known],
                                n_boot=n_boot, seed=seed)
    table = pd.DataFrame({
        "theme": rates.columns,
        "n_dated": int(known.sum()),
        "slope_per_year": [e.value for e in estimates],
        "slope_low": [e.low for e in estimates],
        "slope_high": [e.high for e in estimates],
        "p_value": [e.p_value for e in estimates],
    })
    table["q_value"] = benjamini_hochberg(table["p_value"].to_numpy())
    detected = (table["slope_low"] > 0) | (table["slope_high"] < 0)
    detected &= table["q_value"] < alpha
    table["direction"] = np.where(
        (not enough) | table["slope_per_year"].isna(), "none",
        np.where(~detected, "flat", np.where(table["slope_per_year"] > 0, "rising", "falling")))
    return table[columns]


def theme_evidence(matches: pd.DataFrame, *, top: int = 6) -> pd.DataFrame:
    """The most frequent matched terms of each theme, with how many documents use them.

    Returns:
        One row per theme and term (at most ``top`` per theme): theme, term, count, n_docs.
    """
    if matches.empty:
        return pd.DataFrame(columns=["theme", "term", "count", "n_docs"])
    counts = (
        matches.groupby(["theme", "term"])
        .agg(count=("doc_id", "size"), n_docs=("doc_id", "nunique"))
        .reset_index()
        .sort_values(["theme", "count", "term"], ascending=[True, False, True])
    )
    return counts.groupby("theme", sort=False).head(top).reset_index(drop=True)


def theme_sentiment(
    sentences: pd.DataFrame,
    matches: pd.DataFrame,
    *,
    themes: Sequence[str],
    columns: Sequence[str] = ("vader_compound", "tb_polarity"),
    n_boot: int = N_BOOT,
    seed: int = 0,
) -> pd.DataFrame:
    """Mean sentiment of the sentences in each theme, against all sentences, with the interval
    of that gap from a bootstrap over documents.

    Args:
        sentences: sentences with doc_id, sent_idx and the sentiment columns.
        matches: from :func:`match_themes`.
        themes: theme names, in the order wanted.
        columns: sentiment columns to average (those missing from ``sentences`` are skipped);
            the first is the one whose gap gets an interval.
        n_boot, seed: replicates and seed of the bootstrap over documents.

    Returns:
        One row for "all sentences" then one per theme with at least one sentence: theme,
        n_sentences, n_docs, then for each column its mean (over sentences, unweighted) and
        ``<column>_vs_all`` (mean minus the all-sentence mean), and for the first column
        ``<column>_vs_all_low`` and ``<column>_vs_all_high`` (95% interval of the gap; NaN
        for a theme in one document).
    """
    present = [c for c in columns if c in sentences.columns]
    if not present:
        raise ValueError(f"none of the sentiment columns {list(columns)} is in the sentences table")
    scores = sentences[["doc_id", "sent_idx", *present]]
    pairs = matches[["doc_id", "sent_idx", "theme"]].drop_duplicates()
    joined = pairs.merge(scores, on=["doc_id", "sent_idx"], how="inner")
    labels = ["all sentences", *[t for t in themes if t in set(joined["theme"])]]
    stacked = pd.concat([scores.assign(theme="all sentences"), joined], ignore_index=True)
    stacked = stacked[stacked["theme"].isin(labels)].dropna(subset=[present[0]])
    codes = pd.Categorical(stacked["theme"], categories=labels).codes
    table = pd.DataFrame({"theme": labels})
    grouped = stacked.groupby("theme", sort=False)
    table["n_sentences"] = table["theme"].map(grouped.size()).fillna(0).astype(int)
    table["n_docs"] = table["theme"].map(grouped["doc_id"].nunique()).fillna(0).astype(int)
    means = grouped[present].mean()
    for column in present:
        table[column] = table["theme"].map(means[column])
        table[f"{column}_vs_all"] = table[column] - table.loc[0, column]
    lead = present[0]
    low = high = np.full(len(labels), np.nan)
    if len(stacked):
        boot = cluster_bootstrap(stacked[lead].to_numpy(), np.ones(len(stacked)), codes,
                                 stacked["doc_id"].to_numpy(), stratify=False, n_boot=n_boot,
                                 seed=seed)
        gaps = boot.replicates[:, :, 0] - boot.replicates[:, :1, 0]
        low, high = np.nanquantile(gaps, [0.025, 0.975], axis=0)
        single = boot.n_docs < 2
        low[single], high[single] = np.nan, np.nan
    table[f"{lead}_vs_all_low"], table[f"{lead}_vs_all_high"] = low, high
    table.loc[0, [f"{lead}_vs_all_low", f"{lead}_vs_all_high"]] = 0.0
    return table


def overall_themes(doc_themes: pd.DataFrame) -> pd.DataFrame:
    """Each theme over the whole selection: rate per 1,000 words, share of sentences, documents.

    Returns:
        One row per theme, most frequent first: theme, docs_with_theme, n_docs, hits,
        rate_per_1000, sentence_share.
    """
    labels = pd.Series("all", index=pd.Index(doc_themes["doc_id"].unique()))
    profile = theme_profile(doc_themes, labels).drop(columns=["group", "n_words"])
    columns = ["theme", "docs_with_theme", "n_docs", "hits", "rate_per_1000", "sentence_share"]
    return profile.sort_values("rate_per_1000", ascending=False, ignore_index=True)[columns]


def leading_themes(profile: pd.DataFrame) -> pd.DataFrame:
    """The theme with the highest rate in each group of a profile (the first on a tie).

    Args:
        profile: from :func:`theme_profile`.

    Returns:
        One row of ``profile`` per group, in group order.
    """
    if profile.empty:
        return profile
    return profile.loc[profile.groupby("group")["rate_per_1000"].idxmax()]


def themed_documents(doc_themes: pd.DataFrame) -> pd.DataFrame:
    """The documents where each theme occurs, densest first, with the terms matched.

    Args:
        doc_themes: from :func:`theme_by_document`.

    Returns:
        One row per document and theme with hits: doc_id, theme, hits, rate_per_1000,
        sentence_share, terms; by rate per 1,000 words, descending.
    """
    found = doc_themes.loc[doc_themes["hits"] > 0,
                           ["doc_id", "theme", "hits", "rate_per_1000", "sentence_share", "terms"]]
    return found.sort_values("rate_per_1000", ascending=False)


def doc_periods(documents: pd.DataFrame, *, freq: str) -> pd.Series:
    """Each document's time bin, indexed by doc_id (NaT for undated documents)."""
    return pd.Series(
        time_bin(documents["date"], freq).to_numpy(), index=pd.Index(documents["doc_id"])
    )


def _ratio(part: pd.Series, whole: pd.Series) -> np.ndarray:
    part = np.asarray(part, dtype=float)
    whole = np.asarray(whole, dtype=float)
    return np.divide(part, whole, out=np.zeros_like(part), where=whole > 0)


def _evidence(matches: pd.DataFrame, keys: list[str], *, top: int) -> pd.Series:
    """The ``top`` most frequent terms per key, as "term (count); ..." strings."""
    if matches.empty:
        return pd.Series(dtype=str, index=pd.MultiIndex.from_tuples([], names=keys))
    counts = matches.groupby([*keys, "term"]).size().rename("count").reset_index()
    counts = counts.sort_values(
        [*keys, "count", "term"], ascending=[True] * len(keys) + [False, True]
    )
    counts = counts.groupby(keys, sort=False).head(top)
    counts["item"] = counts["term"] + " (" + counts["count"].astype(str) + ")"
    return counts.groupby(keys, sort=False)["item"].agg("; ".join)
