"""Flag duplicate and near-duplicate articles (the same story saved twice, a wire story
run by two outlets, lightly edited or cut short) with word shingles.

MinHash signatures and locality-sensitive hashing find candidate pairs quickly even in a
large corpus; each candidate is then checked exactly on its shingles. Two articles are
near-duplicates when their shingle sets are similar (Jaccard) or when nearly all of the
shorter one is in the longer one (containment: a wire story cut short). Every member of a
group after the first (earliest date, then file name) gets ``duplicate_of`` = the first's
doc_id and the similarity of the pair.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from datasketch import MinHash, MinHashLSH

from helpers.pipeline import problem
from helpers.segment import words

SHINGLE_WORDS = 5
NUM_PERM = 64
# Jaccard similarity of 5-word shingles from which two articles are near-duplicates.
THRESHOLD = 0.7
# Share of the shorter article's shingles found in the longer one from which it is a (cut)
# copy, however much longer the other is.
CONTAINMENT = 0.9
# Estimated Jaccard similarity from which LSH proposes a pair for the exact check (lower than
# THRESHOLD, so that the estimate's noise and cut copies do not hide a pair).
CANDIDATE_THRESHOLD = 0.4


def shingles(text: str, *, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The set of ``size``-word shingles of ``text`` (lower case), as bytes."""
    tokens = words(text)
    if len(tokens) < size:
        return {" ".join(tokens).encode()} if tokens else set()
    return {" ".join(tokens[i:i + size]).encode() for i in range(len(tokens) - size + 1)}


def similarity(first: set[bytes], second: set[bytes], *, threshold: float = THRESHOLD,
               containment: float = CONTAINMENT) -> float | None:
    """The similarity of two shingle sets if they are near-duplicates, else None.

    Returns:
        Their Jaccard similarity when it reaches ``threshold``, else the share of the smaller
        set in the larger when that reaches ``containment``, else None.
    """
    if not first or not second:
        return None
    shared = len(first & second)
    jaccard = shared / len(first | second)
    if jaccard >= threshold:
        return jaccard
    contained = shared / min(len(first), len(second))
    return contained if contained >= containment else None


def flag_duplicates(documents: pd.DataFrame, *, threshold: float = THRESHOLD,
                    containment: float = CONTAINMENT) -> pd.DataFrame:
    """Add ``duplicate_of`` (doc_id or "") and ``duplicate_similarity`` columns.

    Args:
        documents: the documents table (doc_id, file, date, clean_text).
        threshold: Jaccard similarity of shingles from which two articles are near-duplicates.
        containment: share of the shorter article in the longer one from which it is a copy.
    """
    docs = documents.copy()
    docs["duplicate_of"] = ""
    docs["duplicate_similarity"] = np.nan
    if len(docs) < 2:
        return docs
    order = docs.sort_values(["date", "file"], na_position="last").index
    lsh = MinHashLSH(threshold=min(threshold, CANDIDATE_THRESHOLD), num_perm=NUM_PERM)
    texts = dict(zip(docs["doc_id"], docs["clean_text"], strict=True))
    for index in order:
        doc_id = docs.at[index, "doc_id"]
        grams = shingles(docs.at[index, "clean_text"])
        if not grams:
            continue
        signature = MinHash(num_perm=NUM_PERM, seed=1)
        signature.update_batch(list(grams))
        scored = []
        for candidate in sorted(lsh.query(signature)):
            score = similarity(grams, shingles(texts[candidate]), threshold=threshold,
                               containment=containment)
            if score is not None:
                scored.append((score, candidate))
        if scored:
            score, best = max(scored)
            docs.at[index, "duplicate_of"] = best
            docs.at[index, "duplicate_similarity"] = round(score, 3)
        else:
            lsh.insert(doc_id, signature)
    return docs


def duplicate_problems(documents: pd.DataFrame) -> pd.DataFrame:
    """One warning per flagged duplicate, naming the article it repeats."""
    files = dict(zip(documents["doc_id"], documents["file"], strict=True))
    rows = [
        problem("warning", row.file, f"(near-)duplicate of {files[row.duplicate_of]} "
                f"(similarity {row.duplicate_similarity:.2f})")
        for row in documents.itertuples()
        if row.duplicate_of
    ]
    return pd.DataFrame(rows, columns=["severity", "file", "line", "column", "message"])
