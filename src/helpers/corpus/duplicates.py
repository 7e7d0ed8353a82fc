"""Flag duplicate and near-duplicate articles (the same story saved twice, a wire story
run by two outlets, or cut short by one) by the word shingles they share.

Each document's MinHash signature is computed once, with its analysis (:func:`signature`,
cached per document); flagging a whole corpus then finds candidate pairs by locality-sensitive
hashing (bands of the signature), so it stays quick for tens of thousands of articles. A
64-permutation estimate is too rough to decide (its standard error is about 0.06 at the
threshold), so every candidate pair is confirmed on the articles' exact shingle sets
(:func:`exact_similarity`), and only a pair whose exact similarity passes is flagged.
Every member of a group after the first (earliest date, then file name) gets
``duplicate_of`` = the first's doc_id and their similarity: the Jaccard similarity of their
5-word shingles, or the share of the shorter article's shingles found in the other (a wire
story cut short), whichever is larger.
"""

from __future__ import annotations

import zlib

import numpy as np
import pandas as pd

from helpers.corpus.segment import words

SHINGLE_WORDS = 5
NUM_PERM = 64
BANDS = 16  # LSH bands of NUM_PERM // BANDS rows: pairs above ~0.5 similarity become candidates
# Similarity of 5-word shingles from which two articles are near-duplicates.
THRESHOLD = 0.7
# The "shorter article contained in the longer" measure needs this many shingles to count,
# and counts only when nearly all of the shorter article is in the longer one (a story cut
# short), so two articles that merely share a few sentences are not flagged.
MIN_SHINGLES_FOR_CONTAINMENT = 20
CONTAINMENT_THRESHOLD = 0.9
# Candidate pairs whose estimate is within this margin of the threshold (over three standard
# errors of a 64-permutation estimate) are confirmed on their exact shingle sets; the others
# are too far below to pass (on the benchmark corpus, none of the 18,000 candidate pairs
# below the margin passes exactly).
ESTIMATE_MARGIN = 0.2
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
    ids = np.fromiter(map(zlib.crc32, map(str.encode, tokens)), dtype=np.uint64,
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


def estimated_similarity(first: bytes, second: bytes) -> float:
    """Estimated similarity of two signatures (Jaccard, or containment of the shorter): what
    the signatures alone say, used to rank candidates; :func:`exact_similarity` decides."""
    a, b = np.frombuffer(first, "<u4"), np.frombuffer(second, "<u4")
    return float(_similarities(a[1:][None, :], np.array([a[0]]), b[1:], int(b[0]))[0])


def _similarities(others: np.ndarray, other_sizes: np.ndarray, minimums: np.ndarray,
                  size: int, *, margin: float = 0.0) -> np.ndarray:
    """Estimated similarities of one signature to others; with a ``margin``, the containment
    of the shorter counts from CONTAINMENT_THRESHOLD - margin (to find the pairs worth
    confirming)."""
    jaccard = (others == minimums).mean(axis=1)
    sizes = other_sizes.astype(float)
    shared = jaccard * (sizes + size) / (1 + jaccard)
    smaller = np.minimum(sizes, size)
    containment = np.minimum(shared / np.maximum(smaller, 1), 1.0)
    counts = ((smaller >= MIN_SHINGLES_FOR_CONTAINMENT)
              & (containment >= CONTAINMENT_THRESHOLD - margin))
    return np.maximum(jaccard, np.where(counts, containment, 0.0))


def exact_similarity(first: np.ndarray, second: np.ndarray) -> float:
    """The similarity of two shingle sets (from :func:`shingle_hashes`): their Jaccard
    similarity, or the share of the shorter's shingles found in the longer when that counts
    (at least MIN_SHINGLES_FOR_CONTAINMENT shingles, CONTAINMENT_THRESHOLD of them found),
    whichever is larger."""
    shared = np.intersect1d(first, second, assume_unique=True).size
    union = first.size + second.size - shared
    smaller = min(first.size, second.size)
    jaccard = shared / union if union else 0.0
    containment = shared / smaller if smaller else 0.0
    counts = smaller >= MIN_SHINGLES_FOR_CONTAINMENT and containment >= CONTAINMENT_THRESHOLD
    return max(jaccard, containment if counts else 0.0)


def flag_duplicates(documents: pd.DataFrame, *, threshold: float = THRESHOLD) -> pd.DataFrame:
    """Add ``duplicate_of`` (doc_id or "") and ``duplicate_similarity`` columns.

    Args:
        documents: doc_id, file, date, clean_text, and ``minhash`` (from :func:`signature`;
            computed here when absent).
        threshold: exact similarity (of the candidates the signatures find) from which an
            article is a near-duplicate.
    """
    docs = documents.copy()
    docs["duplicate_of"] = ""
    docs["duplicate_similarity"] = np.nan
    if len(docs) < 2:
        return docs
    texts = dict(zip(docs.index, docs["clean_text"], strict=True))
    packed = dict(zip(docs.index, docs["minhash"] if "minhash" in docs
                      else docs["clean_text"].map(signature), strict=True))
    doc_ids = dict(zip(docs.index, docs["doc_id"], strict=True))
    order = docs.sort_values(["date", "file"], na_position="last").index
    originals: list[object] = []  # index labels of the articles kept as originals
    matrix = np.zeros((len(docs), NUM_PERM), dtype=np.uint32)
    sizes = np.zeros(len(docs), dtype=np.uint32)
    buckets: dict[bytes, list[int]] = {}
    shingles: dict[object, np.ndarray] = {}  # shingle sets of the candidates met so far

    def shingles_of(index: object) -> np.ndarray:
        if index not in shingles:
            shingles[index] = shingle_hashes(texts[index])
        return shingles[index]

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
            # Candidates the estimate puts within the margin of the threshold are confirmed,
            # most likely first; the exact similarity decides, the first best one wins.
            estimates = _similarities(matrix[candidates], sizes[candidates], minimums, size,
                                      margin=ESTIMATE_MARGIN)
            best, best_score = None, threshold
            for position in np.argsort(-estimates, kind="stable"):
                if estimates[position] < threshold - ESTIMATE_MARGIN:
                    break
                original = originals[candidates[position]]
                score = exact_similarity(shingles_of(index), shingles_of(original))
                if score >= best_score and (best is None or score > best_score):
                    best, best_score = original, score
            if best is not None:
                duplicate_of[index] = doc_ids[best]
                similarities[index] = round(best_score, 3)
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
