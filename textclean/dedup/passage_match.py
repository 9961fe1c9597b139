"""Matching passage windows: LSH candidates, then verification by real similarity.

MinHash LSH only proposes pairs; each pair is then checked on the exact
shingle sets, and only the sentences of a window that are themselves found in
the other window are linked. That last check keeps spans exact: a short
sentence that rode along in a window ("Read more.") is not reported as
repeated just because its long neighbour is.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from .minhash import signatures_from_hashes
from .passage_windows import CorpusSentences

__all__ = [
    "band_candidates",
    "candidate_pairs",
    "jaccard_sets",
    "sentence_links",
    "window_signatures",
]

_MIX1 = np.uint64(0x9E3779B97F4A7C15)
_MIX2 = np.uint64(0xBF58476D1CE4E5B9)


def jaccard_sets(left: frozenset[int], right: frozenset[int]) -> float:
    """Exact Jaccard similarity of two shingle sets (0.0 when both are empty).

    >>> jaccard_sets(frozenset({1, 2, 3}), frozenset({2, 3, 4}))
    0.5
    """
    if not left and not right:
        return 0.0
    inter = len(left & right)
    return inter / (len(left) + len(right) - inter)


def band_candidates(signatures: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """Pairs ``(i, j)``, ``i < j``, of rows equal in at least one band, sorted and unique.

    A bucket of ``m`` rows yields ``2m`` pairs (each row to the bucket's first
    and to its predecessor) instead of ``m²/2``: a sentence of site furniture
    repeated on 10,000 pages stays linear, and the links still connect the
    whole bucket.

    >>> sig = np.array([[1, 2, 3, 4], [1, 2, 9, 9], [7, 7, 3, 4], [5, 5, 5, 5]], dtype=np.uint32)
    >>> band_candidates(sig, bands=2, rows=2).tolist()
    [[0, 1], [0, 2]]
    """
    n = len(signatures)
    found: list[np.ndarray] = []
    with np.errstate(over="ignore"):
        for b in range(bands):
            block = signatures[:, b * rows : (b + 1) * rows].astype(np.uint64)
            key = np.zeros(n, dtype=np.uint64)
            for col in range(block.shape[1]):
                key = (key ^ block[:, col]) * _MIX1
                key ^= key >> np.uint64(29)
                key *= _MIX2
            order = np.argsort(key, kind="stable")
            ordered = key[order]
            same = ordered[1:] == ordered[:-1]
            if not same.any():
                continue
            # run starts: the first row of every bucket, broadcast along the bucket
            run_start = np.maximum.accumulate(
                np.where(np.concatenate([[True], ~same]), np.arange(n), 0)
            )
            follower = np.flatnonzero(same) + 1
            right = order[follower].astype(np.int64)
            for left in (order[run_start[follower]], order[follower - 1]):
                left = left.astype(np.int64)
                found.append(np.minimum(left, right) * n + np.maximum(left, right))
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    codes = np.concatenate(found)
    codes = np.unique(codes[codes // n != codes % n])
    return np.stack([codes // n, codes % n], axis=1)


def candidate_pairs(
    corpus: CorpusSentences, *, num_perm: int = 128, bands: int = 32, seed: int = 1
) -> np.ndarray:
    """Window pairs that share an LSH band, minus pairs of overlapping windows of one document."""
    if len(corpus.win_first) < 2:
        return np.zeros((0, 2), dtype=np.int64)
    pairs = band_candidates(window_signatures(corpus, num_perm, seed), bands, num_perm // bands)
    i, j = pairs[:, 0], pairs[:, 1]
    first, stop = corpus.win_first, corpus.win_stop
    overlapping = (
        (corpus.doc[first[i]] == corpus.doc[first[j]]) & (first[j] < stop[i]) & (first[i] < stop[j])
    )
    return pairs[~overlapping]


def window_signatures(corpus: CorpusSentences, num_perm: int = 128, seed: int = 1) -> np.ndarray:
    """MinHash signatures of the windows, from those of their sentences.

    A window's shingle set is the union of its sentences' sets, and the
    MinHash of a union is the element-wise minimum of the MinHashes, so each
    sentence is hashed once however many windows hold it. Rows equal
    ``signatures_from_hashes`` of the windows' own shingles.
    """
    high = (corpus.hashes >> np.uint64(32)).astype(np.uint32)  # HASHFUNC's 32-bit value
    sentence_sig = signatures_from_hashes(high, corpus.count, num_perm, seed)
    first, size = corpus.win_first, corpus.win_stop - corpus.win_first
    sig = sentence_sig[first]
    for k in range(1, int(size.max(initial=1))):
        rows = np.flatnonzero(size > k)
        sig[rows] = np.minimum(sig[rows], sentence_sig[first[rows] + k])
    return sig


def sentence_links(
    corpus: CorpusSentences,
    pairs: np.ndarray,
    *,
    threshold: float = 0.5,
    coverage: float = 0.5,
) -> Iterator[tuple[int, int]]:
    """Sentence pairs ``(s, t)`` linked by verified window pairs.

    A window pair is verified when its exact Jaccard similarity reaches
    ``threshold``; then each sentence of one window whose shingles are at
    least ``coverage`` contained in the other window is linked to the
    sentence of the other window it shares most shingles with (see
    `_partner` for edited short sentences).
    """
    cache: dict[int, frozenset[int]] = {}

    def sentence_set(s: int) -> frozenset[int]:
        got = cache.get(s)
        if got is None:
            got = cache[s] = corpus.sentence_set(s)
        return got

    first, stop = corpus.win_first.tolist(), corpus.win_stop.tolist()
    for a, b in pairs.tolist():
        left = [sentence_set(s) for s in range(first[a], stop[a])]
        right = [sentence_set(s) for s in range(first[b], stop[b])]
        left_all, right_all = frozenset().union(*left), frozenset().union(*right)
        if jaccard_sets(left_all, right_all) < threshold:
            continue
        aligned = len(left) == len(right)
        for k, s in enumerate(left):
            t = _partner(s, k, right, right_all, coverage, aligned)
            if t is not None:
                yield first[a] + k, first[b] + t
        for k, t_set in enumerate(right):
            s = _partner(t_set, k, left, left_all, coverage, aligned)
            if s is not None:
                yield first[a] + s, first[b] + k


def _partner(
    part: frozenset[int],
    position: int,
    others: list[frozenset[int]],
    union: frozenset[int],
    coverage: float,
    aligned: bool,
) -> int | None:
    """The sentence of the other window that ``part`` repeats, if any.

    Either ``part`` is ``coverage`` contained in the other window (then its
    best match), or the windows have as many sentences and ``part`` shares a
    shingle with the sentence in the same position: an edited copy of a short
    sentence inside a verified window still belongs to the passage.
    """
    if _contained(part, union, coverage):
        return _best(part, others)
    if aligned and part & others[position]:
        return position
    return None


def _best(part: frozenset[int], candidates: list[frozenset[int]]) -> int:
    """Index of the candidate sentence sharing most shingles with ``part`` (first on ties)."""
    shared = [len(part & c) for c in candidates]
    return shared.index(max(shared))


def _contained(part: frozenset[int], whole: frozenset[int], coverage: float) -> bool:
    return bool(part) and len(part & whole) >= coverage * len(part)
