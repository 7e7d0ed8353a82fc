"""Flag duplicate and near-duplicate articles (the same story saved twice, a wire story
run by two outlets) with MinHash signatures of word shingles.

Every member of a group after the first (earliest date, then file name) gets
``duplicate_of`` = the first's doc_id and its estimated Jaccard similarity.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from datasketch import MinHash, MinHashLSH

from helpers.pipeline import problem
from helpers.segment import words

SHINGLE_WORDS = 5
NUM_PERM = 64
# Estimated Jaccard similarity of 5-word shingles above which two articles are near-duplicates.
THRESHOLD = 0.7


def shingles(text: str, *, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The set of ``size``-word shingles of ``text`` (lower case), as bytes."""
    tokens = words(text)
    if len(tokens) < size:
        return {" ".join(tokens).encode()} if tokens else set()
    return {" ".join(tokens[i:i + size]).encode() for i in range(len(tokens) - size + 1)}


def flag_duplicates(documents: pd.DataFrame, *, threshold: float = THRESHOLD) -> pd.DataFrame:
    """Add ``duplicate_of`` (doc_id or "") and ``duplicate_similarity`` columns."""
    docs = documents.copy()
    docs["duplicate_of"] = ""
    docs["duplicate_similarity"] = np.nan
    if len(docs) < 2:
        return docs
    order = docs.sort_values(["date", "file"], na_position="last").index
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    signatures: dict[str, MinHash] = {}
    for index in order:
        doc_id = docs.at[index, "doc_id"]
        grams = shingles(docs.at[index, "clean_text"])
        if not grams:
            continue
        signature = MinHash(num_perm=NUM_PERM, seed=1)
        signature.update_batch(list(grams))
        matches = [m for m in lsh.query(signature) if docs.loc[docs["doc_id"] == m, "duplicate_of"].iloc[0] == ""]
        if matches:
            best = max(matches, key=lambda m: signatures[m].jaccard(signature))
            docs.at[index, "duplicate_of"] = best
            docs.at[index, "duplicate_similarity"] = round(signatures[best].jaccard(signature), 3)
        else:
            lsh.insert(doc_id, signature)
        signatures[doc_id] = signature
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
