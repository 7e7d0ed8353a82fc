"""Flag duplicate and near-duplicate articles (the same story saved twice, a wire story
run by two outlets, or cut short by one) with MinHash signatures of word shingles.

Each document's signature is computed once, with its analysis (:func:`signature`, cached per
document); flagging a whole corpus then only compares signatures, found by locality-sensitive
hashing (bands of the signature), so it stays quick for tens of thousands of articles.
Every member of a group after the first (earliest date, then file name) gets
``duplicate_of`` = the first's doc_id and its estimated similarity: the Jaccard similarity of
their 5-word shingles, or the share of the shorter article's shingles found in the other
(a wire story cut short), whichever is larger.
"""

from __future__ import annotations

import zlib

import numpy as np
import pandas as pd

from helpers.corpus.segment import words

SHINGLE_WORDS = 5
NUM_PERM = 64
BANDS = 16  # LSH bands of NUM_PERM // BANDS rows: pairs above ~0.5 similarity become candidates
# Estimated similarity of 5-word shingles above which two articles are near-duplicates.
THRESHOLD = 0.7
# The "shorter article contained in the longer" measure needs this many shingles to count,
# and counts only when nearly all of the shorter article is in the longer one (a story cut
# short), so two articles that merely share a few sentences are not flagged.
MIN_SHINGLES_FOR_CONTAINMENT = 20
CONTAINMENT_THRESHOLD = 0.9
_ROWS = NUM_PERM // BANDS
_SHINGLE_MULTIPLIER = np.uint64(1_000_003)
_PERMUTATIONS = np.random.default_rng(20240601).integers(
    1, 2**63, size=(2, NUM_PERM), dtype=np.uint64
)
_PERMUTATIONS[0] |= np.uint64(1)  # odd multipliers: multiply-shift hashing


def shingle_hashes(text: str, *, size: int = SHINGLE_WORDS) -> np.ndarray:
    """Distinct 64-bit hashes of the ``size``-word shingles of ``text`` (lower case).

    A text shorter than ``size`` words is one shingle; a text without words has none.
    """
    tokens = words(text)
    if not tokens:
        return np.empty(0, dtype=np.uint64)
    ids = np.fromiter((zlib.crc32(token.encode()) for token in tokens), dtype=np.uint64,
                      count=len(tokens))
    width = min(size, len(ids))
    count = len(ids) - width + 1
    hashes = np.zeros(count, dtype=np.uint64)
    for offset in range(width):
        hashes = hashes * _SHINGLE_MULTIPLIER + ids[offset:offset + count]
    return np.unique(hashes)


def signature(text: str) -> bytes:
    """The MinHash signature of ``text``: its number of distinct shingles, then NUM_PERM
    minimum hashes, as little-endian uint32 (b"" for a text without words)."""
    hashes = shingle_hashes(text)
    if not hashes.size:
        return b""
    multipliers, offsets = _PERMUTATIONS
    minimums = ((hashes[:, None] * multipliers + offsets) >> np.uint64(32)).min(axis=0)
    packed = np.concatenate([np.array([hashes.size], dtype=np.uint64), minimums])
    return packed.astype("<u4").tobytes()


def similarity(first: bytes, second: bytes) -> float:
    """Estimated similarity of two signatures (Jaccard, or containment of the shorter)."""
    a, b = np.frombuffer(first, "<u4"), np.frombuffer(second, "<u4")
    return float(_similarities(a[1:][None, :], np.array([a[0]]), b[1:], int(b[0]))[0])


def _similarities(others: np.ndarray, other_sizes: np.ndarray, minimums: np.ndarray,
                  size: int) -> np.ndarray:
    jaccard = (others == minimums).mean(axis=1)
    sizes = other_sizes.astype(float)
    shared = jaccard * (sizes + size) / (1 + jaccard)
    smaller = np.minimum(sizes, size)
    containment = np.minimum(shared / np.maximum(smaller, 1), 1.0)
    counts = (smaller >= MIN_SHINGLES_FOR_CONTAINMENT) & (containment >= CONTAINMENT_THRESHOLD)
    return np.maximum(jaccard, np.where(counts, containment, 0.0))


def flag_duplicates(documents: pd.DataFrame, *, threshold: float = THRESHOLD) -> pd.DataFrame:
    """Add ``duplicate_of`` (doc_id or "") and ``duplicate_similarity`` columns.

    Args:
        documents: doc_id, file, date, and ``minhash`` (from :func:`signature`) or clean_text.
        threshold: estimated similarity from which an article is a near-duplicate.
    """
    docs = documents.copy()
    docs["duplicate_of"] = ""
    docs["duplicate_similarity"] = np.nan
    if len(docs) < 2:
        return docs
    packed = dict(zip(docs.index, docs["minhash"] if "minhash" in docs
                      else docs["clean_text"].map(signature), strict=True))
    doc_ids = dict(zip(docs.index, docs["doc_id"], strict=True))
    order = docs.sort_values(["date", "file"], na_position="last").index
    originals: list[object] = []  # index labels of the articles kept as originals
    matrix = np.zeros((len(docs), NUM_PERM), dtype=np.uint32)
    sizes = np.zeros(len(docs), dtype=np.uint32)
    buckets: dict[bytes, list[int]] = {}
    duplicate_of, similarities = {}, {}
    for index in order:
        if not packed[index]:
            continue
        values = np.frombuffer(packed[index], "<u4")
        size, minimums = int(values[0]), values[1:]
        keys = [bytes([band]) + minimums[band * _ROWS:(band + 1) * _ROWS].tobytes()
                for band in range(BANDS)]
        candidates = sorted({c for key in keys for c in buckets.get(key, ())})
        if candidates:
            scores = _similarities(matrix[candidates], sizes[candidates], minimums, size)
            best = int(np.argmax(scores))
            if scores[best] >= threshold:
                duplicate_of[index] = doc_ids[originals[candidates[best]]]
                similarities[index] = round(float(scores[best]), 3)
                continue
        position = len(originals)
        originals.append(index)
        matrix[position], sizes[position] = minimums, size
        for key in keys:
            buckets.setdefault(key, []).append(position)
    docs.loc[list(duplicate_of), "duplicate_of"] = list(duplicate_of.values())
    docs.loc[list(similarities), "duplicate_similarity"] = list(similarities.values())
    return docs


def duplicate_problems(documents: pd.DataFrame) -> pd.DataFrame:
    """One warning per flagged duplicate, naming the article it repeats."""
    files = dict(zip(documents["doc_id"], documents["file"], strict=True))
    rows = [
        {"severity": "warning", "file": row.file, "line": None, "column": None,
         "message": f"(near-)duplicate of {files[row.duplicate_of]} "
                    f"(similarity {row.duplicate_similarity:.2f})"}
        for row in documents[documents["duplicate_of"] != ""].itertuples()
    ]
    return pd.DataFrame(rows, columns=["severity", "file", "line", "column", "message"])
