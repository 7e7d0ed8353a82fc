"""Issue frames: which disputes a sentence raises, who raises them, and whether they are
asserted, denied or only reported.

Coverage of a relationship is a contest over a few issues (a naval base, debt, a canal, scam
compounds...). The issues lexicon (issues.csv: issue, description, terms) is compiled like the
other rhetoric lexicons into one pattern; every sentence that uses an issue's term mentions it
once, with the strongest polarity of its terms there (denied over reported over asserted; see
:func:`helpers.analysis.rhetoric.match_polarity`), its speaker and voice (the outlet's narration
or the side quoted). A sentence that refers back to the one before it ("The ministry denied the
report.", "The images were taken in May.") continues that sentence's issue, with the polarity
of its referring phrase. These are the calculations only: the sentences that state findings are in
:mod:`helpers.report.findings.rhetoric`, the figures in :mod:`helpers.report.plots.rhetoric`.

Typical use::

    sents = rhetoric.prepare_sentences(corpus.sentences_of(documents), freq="year")
    mentions = issues.find_issues(sents)
    issues.issue_table(mentions)
    issues.issue_timeline(mentions, sents)
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from helpers import config
from helpers.analysis.rhetoric import (
    ALL_CUES,
    DENIED,
    NARRATION,
    POLARITIES,
    REPORTED,
    UNDATED,
    Lexicon,
    PolarityCues,
    _hits,
    all_periods,
    compile_lexicon,
    load_polarity,
    match_polarity,
    polarity_of,
)
from helpers.corpus.lexicons import read_lexicon

_POLARITY_RANK = {DENIED: 0, REPORTED: 1}
# The cues that act on a phrase referring back: a denial or a dismissal of it ("denied the
# report") or a report cue, but not a bare negation, which negates what is said of the referent
# ("nobody has published the contracts", "the payments would not cover the cost").
_REFERRING_CUES = ALL_CUES - {"negation"}
# A phrase that refers back to what the sentence before was about ("the report", "the images",
# "these claims", "the project", "the raids", "that figure", "the route", "the financing",
# "such concerns"): the sentence continues its issues. Nouns that name a new subject as often
# as an old one ("the issue", "the question", "the label", "the statement") are left out.
_REFERS_BACK = re.compile(
    r"\b(?=[TtSs])(?:the|this|that|these|those|such)\s+(?:(?:new|latest|same|whole|entire|planned|"
    r"proposed|alleged|reported|satellite|leaked|recent|original|official)\s+)?(?:reports?|"
    r"stor(?:y|ies)|articles?|images?|photos?|photographs?|pictures?|footage|projects?|deal|"
    r"agreement|facility|site|upgrade|plans?|scheme|allegations?|claims?|accusations?|"
    r"construction|works|compounds?|raids?|crackdown|loans?|case|charges?|dispute|drills|"
    r"exercises?|figures?|route|contracts?|financing|funding|costs?|payments?|"
    r"compensation|tolls|concerns?|criticism|talk|remarks?|warnings?|fears?|proposal|waterway|"
    r"sanctions|evidence|findings|ruling)\b",
    re.IGNORECASE)


def load_issues(path: str | Path = config.ISSUES_FILE) -> Lexicon:
    """The issues lexicon (columns issue, description, terms)."""
    return compile_lexicon(read_lexicon(path), key="issue", phrases="terms")


def find_issues(sentences: pd.DataFrame, *, issues: Lexicon | None = None,
                polarity: PolarityCues | None = None) -> pd.DataFrame:
    """Every issue mentioned in each sentence, once per sentence, with its polarity.

    A sentence that uses several terms of one issue mentions it once: denied if any of its
    terms is denied, else reported if any is reported, else asserted ("Cambodia denied that
    the naval base hosts Chinese warships" is one denied mention of the naval base). A
    sentence that refers back ("the report", "the images", "these claims", "the raids") to
    the sentence before it in the same document, when that one raises a single issue,
    mentions that issue too, with its referring phrase as the match.

    Args:
        sentences: sentences, best prepared with
            :func:`helpers.analysis.rhetoric.prepare_sentences`.
        issues: a compiled issues lexicon (default: the shipped issues.csv).
        polarity: the polarity cues (default: the shipped polarity.csv).

    Returns:
        One row per sentence and issue: doc_id, sent_idx, the sentence columns present (date,
        period, group, voice, speaker, speech), sentence, issue, start, end, match (the first
        term), description, polarity and side (the speaker's side, "narration" for the
        outlet's own sentences).
    """
    cues = polarity or load_polarity()
    hits = _hits(sentences, issues or load_issues())
    hits["polarity"] = polarity_of(hits, cues=cues)
    hits = pd.concat([hits, _continued(sentences, hits, cues=cues)], ignore_index=True)
    if hits.empty:
        return hits.assign(side=pd.Series(dtype=object))
    keys = [c for c in ("doc_id", "sent_idx") if c in hits.columns] or ["sentence"]
    rank = hits["polarity"].map(_POLARITY_RANK).fillna(len(_POLARITY_RANK))
    strongest = hits.assign(_rank=rank).sort_values("_rank", kind="stable")
    first = hits.drop_duplicates(keys + ["issue"]).index
    polarity = strongest.drop_duplicates(keys + ["issue"]).set_index(keys + ["issue"])
    hits = hits.loc[first].reset_index(drop=True)
    hits["polarity"] = pd.MultiIndex.from_frame(hits[keys + ["issue"]]).map(
        polarity["polarity"].to_dict())
    hits["side"] = hits["voice"]
    return hits


def _continued(sentences: pd.DataFrame, hits: pd.DataFrame, *,
               cues: PolarityCues) -> pd.DataFrame:
    """Mentions carried into a sentence that refers back to the one before it.

    A sentence with a phrase that refers back ("Maly Socheata denied the report", "The images
    show ...") mentions the issues of the sentence right before it in the same document (and
    so on along a chain of such sentences); each carried mention has that phrase as its match
    and that phrase's polarity in the sentence ("denied the report" is a denial; a bare
    negation, "has not published the contracts", denies nothing of the issue).
    """
    keys = ["doc_id", "sent_idx"]
    if hits.empty or not set(keys + ["text"]) <= set(sentences.columns):
        return hits.iloc[0:0]
    found: dict[tuple[str, int], set[str]] = {}
    for doc_id, sent_idx, issue in zip(hits["doc_id"], hits["sent_idx"], hits["issue"],
                                       strict=True):
        found.setdefault((doc_id, int(sent_idx)), set()).add(issue)
    texts = sentences["text"].fillna("").astype(str)
    referring = texts[texts.str.contains(_REFERS_BACK)].index
    if referring.empty:
        return hits.iloc[0:0]
    description = dict(zip(hits["issue"], hits["description"], strict=True)) \
        if "description" in hits.columns else {}
    own_columns = {"issue", "description", "sentence", "start", "end", "match", "polarity"}
    keep = [c for c in hits.columns if c in sentences.columns and c not in own_columns]
    candidates = sentences.loc[referring].sort_values(keys)
    carried = []
    for row, text in zip(candidates[keep].to_dict("records"),
                         candidates["text"].astype(str), strict=True):
        key = (row["doc_id"], int(row["sent_idx"]))
        before = found.get((key[0], key[1] - 1), set())
        own = found.get(key, set())
        if len(before) != 1 or before <= own:
            continue
        phrase = _REFERS_BACK.search(text)
        noun = phrase.group().split()[-1]
        if re.search(rf"\b{noun}\b", text[:phrase.start()], re.IGNORECASE):
            continue  # "a Nikkei report ..., the report": it refers to its own sentence
        (issue,) = before
        narration = row.get("speech", NARRATION) in (NARRATION, None)
        carried.append({**row, "sentence": text, "issue": issue, "start": phrase.start(),
                        "end": phrase.end(), "match": phrase.group(),
                        "description": description.get(issue, ""),
                        "polarity": match_polarity(text, phrase.start(), phrase.end(),
                                                   cues=cues, narration=narration,
                                                   kinds=_REFERRING_CUES)})
        found[key] = own | before
    if not carried:
        return hits.iloc[0:0]
    return pd.DataFrame(carried).reindex(columns=hits.columns)


def issue_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """Who raises each issue, on which side, and whether they assert, deny or report it.

    Args:
        mentions: from :func:`find_issues`.

    Returns:
        One row per issue and side: issue, side, asserted, denied, reported (mentions),
        mentions, n_docs and speakers (the most frequent, with their counts), sorted by issue
        (most mentioned first) then mentions.
    """
    columns = ["issue", "side", *POLARITIES, "mentions", "n_docs", "speakers"]
    if mentions.empty:
        return pd.DataFrame(columns=columns)
    counts = pd.crosstab([mentions["issue"], mentions["side"]], mentions["polarity"])
    counts = counts.reindex(columns=list(POLARITIES), fill_value=0)
    counts.columns.name = None
    grouped = mentions.groupby(["issue", "side"])
    counts["mentions"] = grouped.size()
    counts["n_docs"] = grouped["doc_id"].nunique()
    named = mentions[mentions["speaker"].fillna("") != ""]
    counts["speakers"] = (named.groupby(["issue", "side"])["speaker"]
                          .agg(lambda s: "; ".join(f"{name} {n}" for name, n in
                                                   s.value_counts().head(3).items()))
                          .reindex(counts.index, fill_value=""))
    table = counts.reset_index()
    total = table.groupby("issue")["mentions"].transform("sum")
    table = table.assign(_total=total).sort_values(["_total", "issue", "mentions"],
                                                   ascending=[False, True, False])
    return table[columns].reset_index(drop=True)


def issue_polarity(mentions: pd.DataFrame, *, by: str = "side") -> pd.DataFrame:
    """Mentions of each issue by one column and polarity, for stacked bars.

    Returns:
        One row per issue (most mentioned first), one column per (``by`` value, polarity)
        pair that occurs, named "<value>: <polarity>".
    """
    if mentions.empty:
        return pd.DataFrame()
    table = pd.crosstab(mentions["issue"], [mentions[by], mentions["polarity"]])
    table.columns = [f"{value}: {polarity}" for value, polarity in table.columns]
    return table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]


def issue_timeline(mentions: pd.DataFrame, sentences: pd.DataFrame, *,
                   freq: str = "year") -> pd.DataFrame:
    """Mentions of each issue in each period, by polarity.

    Args:
        mentions: from :func:`find_issues`.
        sentences: the sentences searched, prepared with the same ``freq``.
        freq: the time bin the sentences were prepared with.

    Returns:
        One row per issue and period (every period from the first to the last dated one):
        issue, period, asserted, denied, reported, mentions, n_docs (documents mentioning
        the issue in the period) and docs_in_period (documents in the period).
    """
    columns = ["issue", "period", *POLARITIES, "mentions", "n_docs", "docs_in_period"]
    periods = all_periods(sentences, freq=freq)
    dated = mentions[mentions["period"] != UNDATED] if not mentions.empty else mentions
    if not periods or dated.empty:
        return pd.DataFrame(columns=columns)
    counts = pd.crosstab([dated["issue"], dated["period"]], dated["polarity"])
    counts = counts.reindex(columns=list(POLARITIES), fill_value=0)
    index = pd.MultiIndex.from_product([sorted(dated["issue"].unique()), periods],
                                       names=["issue", "period"])
    counts = counts.reindex(index, fill_value=0)
    counts.columns.name = None
    counts["mentions"] = counts[list(POLARITIES)].sum(axis=1)
    counts["n_docs"] = (dated.groupby(["issue", "period"])["doc_id"].nunique()
                        .reindex(index, fill_value=0))
    in_period = (sentences[sentences["period"] != UNDATED].groupby("period")["doc_id"]
                 .nunique().reindex(periods, fill_value=0))
    table = counts.reset_index()
    table["docs_in_period"] = table["period"].map(in_period).astype(int)
    return table[columns]
