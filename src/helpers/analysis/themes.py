"""Themes over time: dictionary themes, discovered topics, keyness and emerging terms.

Four complementary views of what a corpus talks about:

- **dictionary themes** (:func:`load_themes`, :func:`match_themes`, :func:`theme_by_document`,
  :func:`theme_profile`): editable lists of terms counted in each sentence. They work on one
  document as well as on ten thousand, and keep every matched term as evidence.
- **discovered topics** (:func:`fit_topics`): NMF on TF-IDF of words and two-word phrases.
  Useful once a corpus has dozens of documents; on a handful it only groups articles.
- **keyness** (:func:`compare_periods`, :func:`compare_groups`, :func:`keyness`): terms used
  significantly more in one period or group than in another, by Dunning's log-likelihood G2
  (Rayson's 2x2 formulation), with Hardie's log ratio as effect size.
- **emerging and fading terms** (:func:`term_trends`): the least-squares slope of each term's
  rate per 1,000 words across time bins.

Theme x sentiment (:func:`theme_sentiment`) reads the sentence scores that
:mod:`helpers.sentiment` wrote; nothing here re-scores text.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from scipy import sparse
from scipy.optimize import linear_sum_assignment
from scipy.stats import chi2
from sklearn.decomposition import NMF
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer, TfidfVectorizer

from helpers.analysis.timeline import time_bin
from helpers.config import THEMES_FILE
from helpers.corpus.lexicons import compile_phrases, phrase_regex, read_lexicon, split_phrases
from helpers.report.figures import PALETTE, SEQUENTIAL

# Words of two or more letters (no digits): "Covid-19" counts as "covid".
TOKEN_PATTERN = r"(?u)\b[^\W\d_]{2,}\b"
# News-reporting words that carry no subject, added to scikit-learn's English stop words.
NEWS_STOP_WORDS = frozenset(
    {"said", "says", "say", "saying", "told", "mr", "ms", "mrs", "according"}
)
STOP_WORDS = sorted(ENGLISH_STOP_WORDS | NEWS_STOP_WORDS)

# G2 at or above this is significant at p < 0.001 with one degree of freedom (Rayson).
G2_CUTOFF_001 = 10.83
# Auto topic choice: corpora smaller than this get round(sqrt(n_docs)) topics.
SMALL_CORPUS_DOCS = 30
# Auto topic choice on larger corpora: the stability check uses at most this many documents.
STABILITY_SAMPLE_DOCS = 500

MATCH_COLUMNS = ["doc_id", "sent_idx", "theme", "term"]
_SEPARATOR = re.compile(r"[\s\-\u2010-\u2015]+")  # as between the words of a lexicon phrase
_WORD = re.compile(r"\w+")


# --------------------------------------------------------------------------------------------
# Dictionary themes


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
        """Compile a theme from its lexicon phrases (see :mod:`helpers.lexicons`)."""
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
    table["rate_per_1000"] = _per_1000(table["hits"], table["n_words"])
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
    profile["rate_per_1000"] = _per_1000(profile["hits"], profile["n_words"])
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


def theme_trends(profile: pd.DataFrame) -> pd.DataFrame:
    """The trend of each theme's rate across time bins (a profile grouped by periods).

    Args:
        profile: from :func:`theme_profile` with pandas Periods as groups.

    Returns:
        One row per theme: theme, n_bins, rate_first, rate_last, mean_rate, slope (change in
        rate per 1,000 words per bin, least squares on the period axis, gaps included) and
        change (the slope times the span from the first to the last bin); sorted by slope.
    """
    wide = profile.pivot(index="group", columns="theme", values="rate_per_1000").sort_index()
    columns = ["theme", "n_bins", "rate_first", "rate_last", "mean_rate", "slope", "change"]
    if wide.empty:
        return pd.DataFrame(columns=columns)
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
    return table.sort_values("slope", ascending=False, ignore_index=True)[columns]


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
) -> pd.DataFrame:
    """Mean sentiment of the sentences in each theme, against all sentences.

    Args:
        sentences: sentences with doc_id, sent_idx and the sentiment columns.
        matches: from :func:`match_themes`.
        themes: theme names, in the order wanted.
        columns: sentiment columns to average (those missing from ``sentences`` are skipped).

    Returns:
        One row for "all sentences" then one per theme with at least one sentence: theme,
        n_sentences, then for each column its mean and ``<column>_vs_all`` (mean minus the
        all-sentence mean).
    """
    present = [c for c in columns if c in sentences.columns]
    if not present:
        raise ValueError(f"none of the sentiment columns {list(columns)} is in the sentences table")
    scores = sentences[["doc_id", "sent_idx", *present]]
    pairs = matches[["doc_id", "sent_idx", "theme"]].drop_duplicates()
    joined = pairs.merge(scores, on=["doc_id", "sent_idx"], how="inner")
    per_theme = joined.groupby("theme")[present].agg(["mean", "size"])
    baseline = scores[present].mean()
    rows = [{"theme": "all sentences", "n_sentences": len(scores), **baseline.to_dict()}]
    for theme in themes:
        if theme not in per_theme.index:
            continue
        row = {"theme": theme, "n_sentences": int(per_theme.loc[theme, (present[0], "size")])}
        row.update({c: float(per_theme.loc[theme, (c, "mean")]) for c in present})
        rows.append(row)
    table = pd.DataFrame(rows)
    for column in present:
        table[f"{column}_vs_all"] = table[column] - baseline[column]
    return table


# --------------------------------------------------------------------------------------------
# Term counts, keyness and emerging terms


@dataclass
class TermCounts:
    """Counts of content words and phrases per document, with each document's size in words."""

    doc_ids: pd.Index
    terms: np.ndarray
    matrix: sparse.csr_matrix  # documents x terms
    n_words: np.ndarray  # word tokens per document, stop words included

    def counts(self, mask: np.ndarray) -> tuple[np.ndarray, int]:
        """Total count of each term, and total words, over the documents selected by ``mask``."""
        selected = np.asarray(mask, dtype=bool)
        return np.asarray(self.matrix[selected].sum(axis=0)).ravel(), int(
            self.n_words[selected].sum()
        )


def count_terms(
    documents: pd.DataFrame,
    *,
    text_column: str = "clean_text",
    ngram_range: tuple[int, int] = (1, 2),
    max_terms: int = 50_000,
) -> TermCounts:
    """Count content words and phrases (English and news stop words removed) per document.

    Terms seen in one document only are dropped once the corpus has 50 documents or more.

    Args:
        documents: a table with doc_id and the text column.
        text_column: which text to count.
        ngram_range: phrase lengths counted, in words.
        max_terms: keep at most this many terms (the most frequent).

    Returns:
        A :class:`TermCounts`.
    """
    texts = documents[text_column].fillna("").astype(str)
    vectorizer = CountVectorizer(
        token_pattern=TOKEN_PATTERN,
        stop_words=STOP_WORDS,
        ngram_range=ngram_range,
        min_df=1 if len(texts) < 50 else 2,
        max_features=max_terms,
        dtype=np.int64,
    )
    try:
        matrix = vectorizer.fit_transform(texts)
        terms = vectorizer.get_feature_names_out()
    except ValueError:  # no content words at all
        matrix, terms = (
            sparse.csr_matrix((len(texts), 0), dtype=np.int64),
            np.array([], dtype=object),
        )
    token = re.compile(TOKEN_PATTERN)
    n_words = np.array([len(token.findall(text)) for text in texts], dtype=np.int64)
    return TermCounts(pd.Index(documents["doc_id"]), terms, sparse.csr_matrix(matrix), n_words)


def log_likelihood(
    count_a: np.ndarray | float, count_b: np.ndarray | float, size_a: float, size_b: float
) -> np.ndarray:
    """Dunning's log-likelihood G2 of a term's counts in two corpora (Rayson's 2x2 form).

    G2 = 2 * (a ln(a/E1) + b ln(b/E2)) with E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d), where a, b
    are the term's counts and c, d the corpus sizes; a zero count contributes 0.
    """
    a = np.asarray(count_a, dtype=float)
    b = np.asarray(count_b, dtype=float)
    expected_a = size_a * (a + b) / (size_a + size_b)
    expected_b = size_b * (a + b) / (size_a + size_b)
    with np.errstate(divide="ignore", invalid="ignore"):
        part_a = np.where(a > 0, a * np.log(a / expected_a), 0.0)
        part_b = np.where(b > 0, b * np.log(b / expected_b), 0.0)
    return 2.0 * (part_a + part_b)


def log_ratio(
    count_a: np.ndarray | float, count_b: np.ndarray | float, size_a: float, size_b: float
) -> np.ndarray:
    """Hardie's log ratio: log2 of the ratio of relative frequencies (a zero count taken as 0.5).

    +1 means twice as frequent in corpus A; -1 twice as frequent in corpus B.
    """
    a = np.where(np.asarray(count_a, dtype=float) > 0, count_a, 0.5)
    b = np.where(np.asarray(count_b, dtype=float) > 0, count_b, 0.5)
    return np.log2((a / size_a) / (b / size_b))


def keyness(
    terms: Sequence[str] | np.ndarray,
    count_a: np.ndarray,
    count_b: np.ndarray,
    *,
    size_a: int,
    size_b: int,
    labels: tuple[str, str] = ("A", "B"),
    min_count: int = 3,
    alpha: float = 0.001,
    bonferroni: bool = False,
) -> pd.DataFrame:
    """Terms over-used in one corpus against another, by log-likelihood with effect size.

    Args:
        terms: the term of each count.
        count_a, count_b: each term's count in corpus A and corpus B.
        size_a, size_b: the corpora's sizes in words.
        labels: names of A and B, used in the ``over_used_in`` column.
        min_count: terms with fewer occurrences in A and B together are not tested.
        alpha: significance level; the default 0.001 is the cutoff G2 >= 10.83.
        bonferroni: divide ``alpha`` by the number of terms tested.

    Returns:
        One row per term tested, by G2 descending: term, count_a, count_b, per_1000_a,
        per_1000_b, g2, p_value, log_ratio, over_used_in, significant.
    """
    a = np.asarray(count_a, dtype=float)
    b = np.asarray(count_b, dtype=float)
    tested = ((a + b) >= min_count) & (size_a > 0) & (size_b > 0)
    a, b = a[tested], b[tested]
    g2 = log_likelihood(a, b, size_a, size_b) if tested.any() else np.array([])
    table = pd.DataFrame(
        {
            "term": np.asarray(terms, dtype=object)[tested],
            "count_a": a.astype(int),
            "count_b": b.astype(int),
            "per_1000_a": _per_1000(a, size_a),
            "per_1000_b": _per_1000(b, size_b),
            "g2": g2,
            "p_value": chi2.sf(g2, df=1),
            "log_ratio": log_ratio(a, b, size_a, size_b) if tested.any() else np.array([]),
        }
    )
    level = alpha / max(len(table), 1) if bonferroni else alpha
    table["over_used_in"] = np.where(
        table["per_1000_a"] >= table["per_1000_b"], labels[0], labels[1]
    )
    table["significant"] = table["p_value"] < level
    return table.sort_values(["g2", "term"], ascending=[False, True], ignore_index=True)


@dataclass
class Comparison:
    """Two sets of documents to compare, or the reason they cannot be compared."""

    label_a: str
    label_b: str
    in_a: np.ndarray
    in_b: np.ndarray
    reason: str = ""


def split_periods(documents: pd.DataFrame, *, split_date: str = "") -> Comparison:
    """Documents dated before ``split_date`` against those dated on or after it.

    Args:
        documents: a table with a date column (undated documents are in neither set).
        split_date: the first day of the later period; empty means the median document's
            date (the later one when the count is even), so each side has about half.

    Returns:
        A :class:`Comparison`; its reason says why not when either side is empty.
    """
    dates = pd.to_datetime(documents["date"])
    empty = np.zeros(len(documents), dtype=bool)
    if dates.notna().sum() < 2:
        return Comparison(
            "", "", empty, empty, "fewer than two dated documents: no periods to compare"
        )
    known = dates.dropna().sort_values()
    split = pd.Timestamp(split_date) if str(split_date).strip() else known.iloc[len(known) // 2]
    if not str(split_date).strip() and split == known.iloc[0]:
        # Many documents share the earliest date: split after it instead.
        split = known[known > split].min()
        if pd.isna(split):
            return Comparison("", "", empty, empty, "all dated documents share one date")
    day = split.strftime("%Y-%m-%d")
    in_a = (dates < split).to_numpy()
    in_b = (dates >= split).to_numpy()
    reason = ""
    if not in_a.any() or not in_b.any():
        reason = f"no dated document on one side of the split date {day}"
    return Comparison(f"before {day}", f"from {day}", in_a, in_b, reason)


def split_groups(documents: pd.DataFrame, *, column: str, groups: Sequence[str] = ()) -> Comparison:
    """Documents of one group against those of another (by default the two largest groups).

    Args:
        documents: a table with the grouping column.
        column: the grouping column (e.g. outlet_country).
        groups: the two group values to compare; empty means the two most frequent values.

    Returns:
        A :class:`Comparison`; its reason says why not when the groups cannot be formed.
    """
    empty = np.zeros(len(documents), dtype=bool)
    if column not in documents.columns:
        return Comparison("", "", empty, empty, f"there is no column {column!r} to group by")
    values = documents[column].fillna("").astype(str).str.strip()
    chosen = [str(g).strip() for g in groups if str(g).strip()]
    if not chosen:
        chosen = values[values != ""].value_counts().index[:2].tolist()
    if len(chosen) != 2:
        return Comparison(
            "", "", empty, empty, f"{column!r} needs two groups to compare, found {len(chosen)}"
        )
    in_a, in_b = (values == chosen[0]).to_numpy(), (values == chosen[1]).to_numpy()
    absent = [g for g, mask in zip(chosen, (in_a, in_b), strict=True) if not mask.any()]
    reason = f"no document has {column} = {', '.join(absent)}" if absent else ""
    return Comparison(chosen[0], chosen[1], in_a, in_b, reason)


def compare(
    counts: TermCounts,
    comparison: Comparison,
    *,
    min_count: int = 3,
    alpha: float = 0.001,
    bonferroni: bool = False,
) -> pd.DataFrame:
    """Keyness between the two sides of a :class:`Comparison` (see :func:`keyness`)."""
    count_a, size_a = counts.counts(comparison.in_a)
    count_b, size_b = counts.counts(comparison.in_b)
    return keyness(
        counts.terms,
        count_a,
        count_b,
        size_a=size_a,
        size_b=size_b,
        labels=(comparison.label_a, comparison.label_b),
        min_count=min_count,
        alpha=alpha,
        bonferroni=bonferroni,
    )


def doc_periods(documents: pd.DataFrame, *, freq: str) -> pd.Series:
    """Each document's time bin, indexed by doc_id (NaT for undated documents)."""
    return pd.Series(
        time_bin(documents["date"], freq).to_numpy(), index=pd.Index(documents["doc_id"])
    )


def rate_slopes(periods: pd.PeriodIndex, rates: np.ndarray) -> np.ndarray:
    """Least-squares slope of each column of ``rates`` (bins x items) against the period axis.

    The x axis is the periods' ordinal, so a gap of empty bins counts as time passing.
    Returns zeros when there are fewer than two bins.
    """
    x = np.asarray(periods.asi8, dtype=float)
    if len(x) < 2:
        return np.zeros(rates.shape[1])
    centred = x - x.mean()
    return centred @ (rates - rates.mean(axis=0)) / float(centred @ centred)


def term_trends(
    counts: TermCounts,
    periods: pd.Series,
    *,
    min_count: int = 5,
    min_docs: int = 2,
    top: int = 10,
) -> pd.DataFrame:
    """The terms whose rate per 1,000 words rises (emerging) or falls (fading) most over time.

    Args:
        counts: from :func:`count_terms`.
        periods: each document's time bin, indexed by doc_id (NaT documents are left out).
        min_count: a term needs at least this many occurrences in the dated documents...
        min_docs: ...and to appear in at least this many documents.
        top: how many emerging and how many fading terms to return.

    Returns:
        Up to ``top`` emerging then ``top`` fading terms: term, trend, slope (rate per 1,000
        words per bin), rate_first, rate_last (in the first and last bins), count, n_docs.
    """
    columns = ["term", "trend", "slope", "rate_first", "rate_last", "count", "n_docs"]
    bins = periods.reindex(counts.doc_ids)
    has_bin = bins.notna().to_numpy()
    if not has_bin.any() or bins[has_bin].nunique() < 2 or counts.matrix.shape[1] == 0:
        return pd.DataFrame(columns=columns)
    codes, uniques = pd.factorize(bins[has_bin], sort=True)
    matrix = counts.matrix[has_bin]
    membership = sparse.csr_matrix(
        (np.ones(len(codes)), (codes, np.arange(len(codes)))), shape=(len(uniques), len(codes))
    )
    per_bin = np.asarray((membership @ matrix).todense(), dtype=float)
    words = membership @ counts.n_words[has_bin].astype(float)
    total = np.asarray(matrix.sum(axis=0)).ravel()
    n_docs = np.asarray((matrix > 0).sum(axis=0)).ravel()
    eligible = (total >= min_count) & (n_docs >= min_docs)
    if not eligible.any():
        return pd.DataFrame(columns=columns)
    rates = per_bin[:, eligible] / np.maximum(words, 1)[:, None] * 1000
    table = pd.DataFrame(
        {
            "term": counts.terms[eligible],
            "slope": rate_slopes(pd.PeriodIndex(uniques), rates),
            "rate_first": rates[0],
            "rate_last": rates[-1],
            "count": total[eligible],
            "n_docs": n_docs[eligible],
        }
    )
    emerging = table[table["slope"] > 0].nlargest(top, ["slope", "count"]).assign(trend="emerging")
    fading = table[table["slope"] < 0].nsmallest(top, ["slope"]).assign(trend="fading")
    return pd.concat([emerging, fading], ignore_index=True)[columns]


# --------------------------------------------------------------------------------------------
# Discovered topics (NMF)


@dataclass
class TopicModel:
    """An NMF topic model of a corpus, summarised for reports."""

    n_topics: int
    labels: list[str]
    top_terms: pd.DataFrame  # topic, label, rank, term, weight
    doc_topics: pd.DataFrame  # index doc_id, one column per topic label; rows sum to 1 (or 0)
    n_docs: int
    n_terms: int
    rule: str  # how the number of topics was chosen
    limits: str  # what this model can and cannot show, in plain words
    stability: dict[int, float] = field(default_factory=dict)  # k -> stability, when computed


def vectorizer_settings(n_docs: int) -> dict[str, float | int]:
    """TF-IDF document-frequency bounds adapted to corpus size.

    Terms must appear in 1 document below 20 documents, 2 below 500 and 5 from there on;
    terms in more than 90% of documents are dropped (80% from 100 documents), except with
    one or two documents where nothing could remain.
    """
    min_df = 1 if n_docs < 20 else 2 if n_docs < 500 else 5
    max_df = 1.0 if n_docs <= 2 else 0.9 if n_docs < 100 else 0.8
    return {"min_df": min_df, "max_df": max_df}


def _tfidf(
    texts: pd.Series, *, ngram_range: tuple[int, int], max_terms: int
) -> tuple[sparse.csr_matrix, np.ndarray]:
    for settings in (vectorizer_settings(len(texts)), {"min_df": 1, "max_df": 1.0}):
        vectorizer = TfidfVectorizer(
            token_pattern=TOKEN_PATTERN,
            stop_words=STOP_WORDS,
            ngram_range=ngram_range,
            sublinear_tf=True,
            max_features=max_terms,
            **settings,
        )
        try:
            return vectorizer.fit_transform(texts), vectorizer.get_feature_names_out()
        except ValueError:  # pruning left no terms: retry unpruned
            continue
    return sparse.csr_matrix((len(texts), 0)), np.array([], dtype=object)


def _nmf(matrix: sparse.csr_matrix, n_topics: int, random_state: int) -> NMF:
    """Fit NMF from a deterministic NNDSVDa start; an unconverged fit is kept as it stands.

    Stops when the error improves by less than 0.1% (or after 300 iterations): finer
    convergence does not change the top terms a report shows. Warnings are silenced for the
    same reason, and for rounding noise in the error of a one-document fit.
    """
    model = NMF(
        n_components=n_topics, init="nndsvda", random_state=random_state, tol=1e-3, max_iter=300
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        warnings.simplefilter("ignore", RuntimeWarning)
        model.fit(matrix)
    return model


def _top_term_sets(components: np.ndarray, terms: np.ndarray, n: int = 10) -> list[set[str]]:
    return [set(terms[np.argsort(row)[::-1][:n]]) for row in components]


def topic_stability(
    matrix: sparse.csr_matrix,
    terms: np.ndarray,
    n_topics: int,
    *,
    random_state: int = 0,
    runs: int = 2,
) -> float:
    """How reproducible ``n_topics`` topics are (Greene, O'Callaghan & Cunningham, 2014).

    The model fitted on all documents is compared with models fitted on random 80% samples:
    topics are paired by the Hungarian method on the Jaccard overlap of their top 10 terms,
    and the mean overlap of the pairs is averaged over the runs (1 = identical topics).
    """
    reference = _top_term_sets(_nmf(matrix, n_topics, random_state).components_, terms)
    rng = np.random.default_rng(random_state)
    scores = []
    for _ in range(runs):
        rows = rng.choice(
            matrix.shape[0], size=max(n_topics, int(0.8 * matrix.shape[0])), replace=False
        )
        sample = _top_term_sets(
            _nmf(matrix[np.sort(rows)], n_topics, random_state).components_, terms
        )
        overlap = np.array([[len(r & s) / len(r | s) for s in sample] for r in reference])
        pair_rows, pair_cols = linear_sum_assignment(-overlap)
        scores.append(float(overlap[pair_rows, pair_cols].mean()))
    return float(np.mean(scores))


def choose_n_topics(
    matrix: sparse.csr_matrix, terms: np.ndarray, *, random_state: int = 0
) -> tuple[int, str, dict[int, float]]:
    """The automatic number of topics, the rule used, and the stability of each candidate.

    Below 30 documents: round(sqrt(n_docs)), at least 1 (2 topics for 5 documents), since a
    topic needs several documents to mean anything. From 30 documents: candidates from 2 to
    min(12, n_docs // 10) are scored by :func:`topic_stability` on up to 500 documents, and
    the largest k whose stability is at least 90% of the best is chosen (finer topics are
    preferred as long as they are about as reproducible as the most stable choice).
    """
    n_docs = matrix.shape[0]
    limit = max(1, min(n_docs, matrix.shape[1]))
    if n_docs < SMALL_CORPUS_DOCS:
        k = min(limit, max(1, round(np.sqrt(n_docs))))
        return k, f"automatic: round(sqrt({n_docs} documents)) = {k}", {}
    k_max = max(2, min(12, n_docs // 10, limit))
    candidates = sorted({int(k) for k in np.linspace(2, k_max, num=min(5, k_max - 1)).round()})
    sample = matrix
    if n_docs > STABILITY_SAMPLE_DOCS:
        rows = np.random.default_rng(random_state).choice(
            n_docs, size=STABILITY_SAMPLE_DOCS, replace=False
        )
        sample = matrix[np.sort(rows)]
    stability = {
        k: topic_stability(sample, terms, k, random_state=random_state) for k in candidates
    }
    best = max(stability.values())
    k = max(c for c, score in stability.items() if score >= 0.9 * best)
    rule = (
        f"automatic: most topics among {candidates} whose stability on resamples is within 90% "
        f"of the best ({best:.2f})"
    )
    return k, rule, stability


def _label(terms: Sequence[str], *, n: int = 3) -> str:
    """Up to ``n`` top terms, skipping a term that shares a word with one already chosen."""
    chosen: list[str] = []
    seen: set[str] = set()
    for term in terms:
        words = set(term.split())
        if words & seen:
            continue
        chosen.append(term)
        seen |= words
        if len(chosen) == n:
            break
    return " / ".join(chosen)


def _limits(n_docs: int) -> str:
    if n_docs == 1:
        return (
            "With one document, NMF cannot discover topics: the single 'topic' is just the "
            "document's most weighted words. Read the dictionary themes instead."
        )
    if n_docs < SMALL_CORPUS_DOCS:
        return (
            f"With {n_docs} documents, the 'topics' are groupings of a few articles that share "
            "vocabulary, not stable subjects of the coverage; their timeline follows individual "
            "articles. The dictionary themes are the reliable view at this size."
        )
    return (
        f"Topics are patterns of words that occur together across these {n_docs} documents, "
        "labelled by their top terms; a label is a reading aid, not a meaning, and topics "
        "change with the number asked for."
    )


def fit_topics(
    documents: pd.DataFrame,
    *,
    text_column: str = "clean_text",
    n_topics: int = 0,
    top_terms: int = 10,
    ngram_range: tuple[int, int] = (1, 2),
    max_terms: int = 20_000,
    random_state: int = 0,
) -> TopicModel:
    """Discover topics with NMF on TF-IDF of words and phrases.

    Args:
        documents: a table with doc_id and the text column.
        text_column: which text to model.
        n_topics: number of topics; 0 chooses automatically (see :func:`choose_n_topics`).
            Never more than the number of documents.
        top_terms: how many terms to keep per topic.
        ngram_range: phrase lengths, in words.
        max_terms: vocabulary size limit (most frequent terms kept).
        random_state: seed for the resampling; NMF itself starts deterministically (NNDSVDa).

    Returns:
        A :class:`TopicModel` (with no topics when the documents have no content words).
    """
    texts = documents[text_column].fillna("").astype(str).reset_index(drop=True)
    doc_ids = pd.Index(documents["doc_id"], name="doc_id")
    matrix, terms = _tfidf(texts, ngram_range=ngram_range, max_terms=max_terms)
    n_docs = len(texts)
    if n_docs == 0 or matrix.shape[1] == 0 or matrix.nnz == 0:
        return TopicModel(
            0,
            [],
            pd.DataFrame(columns=["topic", "label", "rank", "term", "weight"]),
            pd.DataFrame(index=doc_ids),
            n_docs,
            0,
            "no topics: the documents have no content words",
            _limits(max(n_docs, 1)),
        )
    stability: dict[int, float] = {}
    if n_topics > 0:
        k = min(n_topics, n_docs, matrix.shape[1])
        rule = f"set by the n_topics parameter ({n_topics})"
        if k < n_topics:
            rule += f", capped at {k} by the number of documents or terms"
    else:
        k, rule, stability = choose_n_topics(matrix, terms, random_state=random_state)
    model = _nmf(matrix, k, random_state)
    rows, labels = [], []
    for topic, weights in enumerate(model.components_, start=1):
        order = np.argsort(weights)[::-1][:top_terms]
        label = f"{topic}: {_label(terms[order])}"
        labels.append(label)
        rows.extend(
            {
                "topic": topic,
                "label": label,
                "rank": rank,
                "term": terms[i],
                "weight": float(weights[i]),
            }
            for rank, i in enumerate(order, start=1)
        )
    weights = model.transform(matrix)
    totals = weights.sum(axis=1, keepdims=True)
    shares = np.divide(weights, totals, out=np.zeros_like(weights), where=totals > 0)
    doc_topics = pd.DataFrame(shares, index=doc_ids, columns=labels)
    return TopicModel(
        k,
        labels,
        pd.DataFrame(rows),
        doc_topics,
        n_docs,
        len(terms),
        rule,
        _limits(n_docs),
        stability,
    )


def topic_profile(doc_topics: pd.DataFrame, labels: pd.Series) -> pd.DataFrame:
    """Mean topic share of the documents in each label (a time bin or a group).

    Args:
        doc_topics: :attr:`TopicModel.doc_topics` (index doc_id).
        labels: a label per doc_id; documents labelled NA are left out.

    Returns:
        One row per label and topic: group, topic, weight (mean share), n_docs.
    """
    groups = labels.reindex(doc_topics.index)
    keep = groups.notna().to_numpy()
    if not keep.any() or doc_topics.shape[1] == 0:
        return pd.DataFrame(columns=["group", "topic", "weight", "n_docs"])
    frame = doc_topics[keep].assign(group=groups[keep].to_numpy())
    grouped = frame.groupby("group")
    means = (
        grouped.mean().reset_index().melt(id_vars="group", var_name="topic", value_name="weight")
    )
    sizes = grouped.size().rename("n_docs")
    return means.join(sizes, on="group").sort_values(["group", "topic"], ignore_index=True)


# --------------------------------------------------------------------------------------------
# Small shared arithmetic


def _per_1000(count: pd.Series | np.ndarray, words: pd.Series | np.ndarray | float) -> np.ndarray:
    count = np.asarray(count, dtype=float)
    words = np.asarray(words, dtype=float)
    return np.divide(count * 1000, words, out=np.zeros_like(count), where=words > 0)


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


# --------------------------------------------------------------------------------------------
# Report helpers: summaries, findings in words, and figures


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


def theme_findings(
    overall: pd.DataFrame, trends: pd.DataFrame, *, top: int = 3, min_change: float = 0.25
) -> list[str]:
    """Findings in words: the leading themes, themes never seen, and the largest shifts.

    Args:
        overall: from :func:`overall_themes`.
        trends: from :func:`theme_trends`.
        top: how many leading themes to name.
        min_change: a theme is called rising or falling only when its fitted change over the
            time range is at least this fraction of its mean rate.
    """
    present = overall[overall["hits"] > 0]
    if present.empty:
        return ["No term of the themes dictionary occurs in the selected documents."]
    lines = [
        "Most talked-about themes: "
        + "; ".join(
            f"{row.theme} ({row.rate_per_1000:.1f} per 1,000 words, "
            f"{row.sentence_share:.0%} of sentences, "
            f"{row.docs_with_theme} of {row.n_docs} documents)"
            for row in present.head(top).itertuples()
        )
        + "."
    ]
    absent = overall.loc[overall["hits"] == 0, "theme"].tolist()
    if absent:
        lines.append(f"Never mentioned: {', '.join(absent)}.")
    if len(trends) and trends["n_bins"].iloc[0] >= 2:
        # A shift worth stating: the fitted change over the range is a quarter of the level.
        material = trends[trends["change"].abs() >= min_change * trends["mean_rate"]]
        rising = material[material["change"] > 0]
        falling = material[material["change"] < 0]
        for verb, rows in (("Rising", rising.head(2)), ("Falling", falling.tail(2).iloc[::-1])):
            lines.extend(
                f"{verb}: {row.theme} (fitted change {row.change:+.1f} per 1,000 words over "
                f"the range; {row.rate_first:.1f} in the first period, {row.rate_last:.1f} in "
                "the last)."
                for row in rows.itertuples()
            )
        if material.empty:
            lines.append(
                f"No theme's rate changes by more than {min_change:.0%} of its average level "
                "across the periods."
            )
    return lines


def plot_theme_heatmap(profile: pd.DataFrame, *, title: str, xlabel: str) -> plt.Figure:
    """Heat map of theme rates per 1,000 words: themes down, periods or groups across."""
    wide = profile.pivot(index="theme", columns="group", values="rate_per_1000")
    wide = wide.reindex(list(dict.fromkeys(profile["theme"])))
    wide.columns = [str(c) for c in wide.columns]
    width = min(16, 5 + 0.55 * wide.shape[1])
    fig, ax = plt.subplots(figsize=(width, 0.38 * len(wide) + 1.8))
    sns.heatmap(
        wide,
        ax=ax,
        cmap=SEQUENTIAL,
        annot=wide.shape[1] <= 16,
        fmt=".1f",
        linewidths=0.5,
        cbar_kws={"label": "mentions per 1,000 words"},
    )
    ax.set_xlabel(xlabel)
    ax.set_ylabel("")
    ax.set_title(title)
    crowded = wide.shape[1] > 8 or max(len(c) for c in wide.columns) * wide.shape[1] > 60
    ax.tick_params(axis="x", rotation=30 if crowded else 0)
    if crowded:
        plt.setp(ax.get_xticklabels(), ha="right", rotation_mode="anchor")
    return fig


def topic_terms_table(model: TopicModel, *, n: int = 8) -> pd.DataFrame:
    """One row per topic: its label, top terms and mean share of the documents."""
    if model.n_topics == 0:
        return pd.DataFrame(columns=["topic", "top_terms", "mean_share", "documents_led"])
    leader = model.doc_topics.to_numpy().argmax(axis=1)
    rows = []
    for topic, group in model.top_terms.groupby("topic"):
        label = group["label"].iloc[0]
        rows.append(
            {
                "topic": label,
                "top_terms": ", ".join(group.sort_values("rank")["term"].head(n)),
                "mean_share": float(model.doc_topics[label].mean()),
                "documents_led": int((leader == topic - 1).sum()),
            }
        )
    return pd.DataFrame(rows)


def plot_topic_timeline(profile: pd.DataFrame, *, title: str) -> plt.Figure:
    """Mean topic share per time bin, as stacked bars (a bin's shares sum to 1)."""
    wide = profile.pivot(index="group", columns="topic", values="weight").sort_index()
    wide.index = [str(i) for i in wide.index]
    fig, ax = plt.subplots()
    wide.plot(kind="bar", stacked=True, ax=ax, width=0.8, color=PALETTE * 3)
    ax.set_ylim(0, 1)
    ax.set_xlabel("period")
    ax.set_ylabel("mean share of documents")
    ax.set_title(title)
    ax.tick_params(axis="x", rotation=0 if len(wide) <= 8 else 45)
    ax.legend(title="topic", bbox_to_anchor=(1.01, 1), loc="upper left", frameon=False)
    return fig


def keyness_top(table: pd.DataFrame, comparison: Comparison, *, per_side: int = 15) -> pd.DataFrame:
    """The strongest terms of each side (by G2), with columns named after the two sides."""
    top = pd.concat(
        [
            table[table["over_used_in"] == comparison.label_a].head(per_side),
            table[table["over_used_in"] == comparison.label_b].head(per_side),
        ],
        ignore_index=True,
    )
    return top.rename(
        columns={
            "count_a": f"count: {comparison.label_a}",
            "count_b": f"count: {comparison.label_b}",
            "per_1000_a": f"per 1,000: {comparison.label_a}",
            "per_1000_b": f"per 1,000: {comparison.label_b}",
        }
    )


def keyness_findings(table: pd.DataFrame, comparison: Comparison, *, top: int = 5) -> list[str]:
    """Findings in words: how many terms are significant on each side, and the strongest."""
    sizes = {}
    lines = []
    for label in (comparison.label_a, comparison.label_b):
        side = table[(table["over_used_in"] == label) & table["significant"]]
        sizes[label] = len(side)
        if len(side):
            terms = ", ".join(
                f"{row.term} (G2 {row.g2:.1f}, log ratio {row.log_ratio:+.1f})"
                for row in side.head(top).itertuples()
            )
            lines.append(
                f"{len(side)} term(s) significantly over-used in {label}; strongest: {terms}."
            )
    if not any(sizes.values()):
        best = table.iloc[0] if len(table) else None
        strongest = (
            f" (the strongest, {best['term']}, has G2 {best['g2']:.1f})" if best is not None else ""
        )
        lines.append(
            f"No term is used significantly more in {comparison.label_a} than in "
            f"{comparison.label_b} or the reverse at p < 0.001 (G2 >= {G2_CUTOFF_001}){strongest}; "
            "small corpora rarely reach this threshold."
        )
    return lines


def plot_keyness(top: pd.DataFrame, comparison: Comparison, *, title: str) -> plt.Figure:
    """Bars of log ratio for the strongest terms of each side, hatched when not significant."""
    shown = top.sort_values("log_ratio")
    fig, ax = plt.subplots(figsize=(9, max(3.0, 0.28 * len(shown) + 1.5)))
    colours = [
        PALETTE[0] if side == comparison.label_a else PALETTE[1] for side in shown["over_used_in"]
    ]
    bars = ax.barh(shown["term"].astype(str), shown["log_ratio"], color=colours)
    for bar, significant in zip(bars, shown["significant"], strict=True):
        if not significant:
            bar.set_hatch("//")
            bar.set_alpha(0.5)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel(
        f"log2 ratio of rates: right, more in {comparison.label_a}; "
        f"left, more in {comparison.label_b}"
    )
    ax.set_title(title)
    return fig


def plot_term_trends(trends: pd.DataFrame, *, title: str) -> plt.Figure:
    """Horizontal bars of each emerging or fading term's slope."""
    shown = trends.sort_values("slope")
    fig, ax = plt.subplots(figsize=(9, max(3.0, 0.28 * len(shown) + 1.5)))
    colours = [PALETTE[2] if slope > 0 else PALETTE[3] for slope in shown["slope"]]
    ax.barh(shown["term"].astype(str), shown["slope"], color=colours)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel("change in mentions per 1,000 words per period (least-squares slope)")
    ax.set_title(title)
    return fig


def trend_findings(trends: pd.DataFrame, *, top: int = 5) -> list[str]:
    """Findings in words: the strongest emerging and fading terms."""
    lines = []
    for trend, verb in (("emerging", "Emerging"), ("fading", "Fading")):
        rows = trends[trends["trend"] == trend].head(top)
        if len(rows):
            terms = ", ".join(
                f"{row.term} ({row.rate_first:.1f} to {row.rate_last:.1f} per 1,000 words)"
                for row in rows.itertuples()
            )
            lines.append(f"{verb} terms: {terms}.")
    return lines


def sentiment_findings(table: pd.DataFrame, *, column: str, min_sentences: int = 5) -> list[str]:
    """Findings in words: the themes whose sentences are most positive and most negative."""
    themed = table[(table["theme"] != "all sentences") & (table["n_sentences"] >= min_sentences)]
    if themed.empty:
        return [f"No theme has {min_sentences} or more sentences: too few to compare sentiment."]
    ranked = themed.sort_values(column)
    low, high = ranked.iloc[0], ranked.iloc[-1]
    base = float(table.loc[table["theme"] == "all sentences", column].iloc[0])
    lines = [
        f"Most positive: {high['theme']} (mean {column} {high[column]:+.2f} over "
        f"{high['n_sentences']} sentences, against {base:+.2f} for all sentences)."
    ]
    if len(ranked) > 1:
        lines.append(
            f"Most negative: {low['theme']} (mean {low[column]:+.2f} "
            f"over {low['n_sentences']} sentences)."
        )
    return lines


def plot_theme_sentiment(table: pd.DataFrame, *, column: str, title: str) -> plt.Figure:
    """Bars of each theme's mean sentiment, with the all-sentence mean as a line."""
    themed = table[table["theme"] != "all sentences"].sort_values(column)
    base = float(table.loc[table["theme"] == "all sentences", column].iloc[0])
    fig, ax = plt.subplots(figsize=(9, max(3.0, 0.35 * len(themed) + 1.5)))
    colours = [PALETTE[2] if value >= base else PALETTE[3] for value in themed[column]]
    ax.barh(
        themed["theme"] + " (" + themed["n_sentences"].astype(str) + ")",
        themed[column],
        color=colours,
    )
    ax.axvline(base, color="black", linewidth=1, linestyle="--", label="all sentences")
    ax.axvline(0, color="grey", linewidth=0.6)
    ax.set_xlabel(f"mean {column} of the theme's sentences (number of sentences in brackets)")
    ax.set_title(title)
    ax.legend(loc="lower right", frameon=False)
    return fig
