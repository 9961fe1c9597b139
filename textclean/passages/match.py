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

from ..dedup.lsh import band_keys
from ..dedup.lsh import candidate_pairs as lsh_candidate_pairs
from ..dedup.minhash import signatures_from_hashes
from .windows import CorpusSentences

__all__ = [
    "candidate_pairs",
    "jaccard_sets",
    "sentence_links",
    "window_band_keys",
    "window_signatures",
]

#: Windows whose signatures exist at once: the rest of the corpus keeps only band keys.
WINDOW_BATCH = 16_384
#: Bands banded together: bounds the pairs held before de-duplication.
BANDS_AT_ONCE = 4
#: Sentence shingle sets kept while verifying (a Python set costs ~70 bytes a shingle).
SENTENCE_SETS_KEPT = 30_000
#: Candidate pairs whose window ranges are Python lists at once.
PAIR_CHUNK = 65_536


def jaccard_sets(left: frozenset[int], right: frozenset[int]) -> float:
    """Exact Jaccard similarity of two shingle sets (0.0 when both are empty).

    >>> jaccard_sets(frozenset({1, 2, 3}), frozenset({2, 3, 4}))
    0.5
    """
    if not left and not right:
        return 0.0
    inter = len(left & right)
    return inter / (len(left) + len(right) - inter)


def candidate_pairs(
    corpus: CorpusSentences, *, num_perm: int = 128, bands: int = 32, seed: int = 1
) -> np.ndarray:
    """Window pairs that share an LSH band, minus pairs of overlapping windows of one document.

    Banding is `textclean.dedup.lsh`'s, with ``max_bucket=1``: every bucket
    links each window to the bucket's first window and to its predecessor
    (in window order), so a bucket of ``m`` windows yields about ``2m`` pairs,
    not ``m²/2``: a sentence of site furniture repeated on 10,000 pages stays
    linear, and the links still connect the whole bucket. Verification then
    checks each pair on the exact shingle sets.
    """
    if len(corpus.win_first) < 2:
        return np.zeros((0, 2), dtype=np.int64)
    keys = window_band_keys(corpus, num_perm, bands, seed)
    return pairs_from_keys(keys, corpus.doc, corpus.win_first, corpus.win_stop)


def pairs_from_keys(
    keys: np.ndarray, doc: np.ndarray, win_first: np.ndarray, win_stop: np.ndarray
) -> np.ndarray:
    """Banded pairs of windows from their band keys, minus pairs of overlapping
    windows of one document (``doc`` maps sentences to documents; windows are
    sentence ranges ``[win_first, win_stop)``)."""
    pairs = banded_pairs(keys)
    i, j = pairs[:, 0], pairs[:, 1]
    same = doc[win_first[i]] == doc[win_first[j]]
    overlapping = same & (win_first[j] < win_stop[i]) & (win_first[i] < win_stop[j])
    return pairs[~overlapping]


def banded_pairs(keys: np.ndarray, bands_at_once: int = BANDS_AT_ONCE) -> np.ndarray:
    """`textclean.dedup.lsh.candidate_pairs` with ``max_bucket=1``, a few bands at a time.

    The union of the pairs of every group of bands is the pairs of all bands,
    and only one group's raw pairs (before de-duplication) exist at once.

    >>> keys = np.array([[1, 5], [1, 6], [2, 6], [3, 7]], dtype=np.int64)
    >>> banded_pairs(keys, bands_at_once=1).tolist()
    [[0, 1], [1, 2]]
    """
    n = len(keys)
    codes = np.zeros(0, dtype=np.int64)
    for lo in range(0, keys.shape[1], bands_at_once):
        found = lsh_candidate_pairs(keys[:, lo : lo + bands_at_once], max_bucket=1)
        codes = _sorted_unique(np.concatenate([codes, found[:, 0] * n + found[:, 1]]))
    return np.stack([codes // n, codes % n], axis=1) if n else np.zeros((0, 2), dtype=np.int64)


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    """``np.unique`` by sorting: NumPy 2.4's hashing ``unique`` is ten times slower on
    millions of integers."""
    values = np.sort(values)
    keep = np.ones(len(values), dtype=bool)
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def window_band_keys(
    corpus: CorpusSentences,
    num_perm: int = 128,
    bands: int = 32,
    seed: int = 1,
    batch: int = WINDOW_BATCH,
) -> np.ndarray:
    """LSH band keys (`textclean.dedup.lsh.band_keys`) of every window: ``(windows, bands)``.

    Signatures are made and banded ``batch`` windows at a time and dropped,
    so memory holds 8 bytes per band per window instead of a 4-byte value
    per permutation per sentence and per window.
    """
    rows = num_perm // bands
    n = len(corpus.win_first)
    keys = np.empty((n, bands), dtype=np.int64)
    for lo in range(0, n, batch):
        hi = min(lo + batch, n)
        keys[lo:hi] = band_keys(window_signatures(corpus, num_perm, seed, lo, hi), bands, rows)
    return keys


def window_signatures(
    corpus: CorpusSentences,
    num_perm: int = 128,
    seed: int = 1,
    lo: int = 0,
    hi: int | None = None,
) -> np.ndarray:
    """MinHash signatures of windows ``lo`` to ``hi`` (all by default), from their sentences'.

    A window's shingle set is the union of its sentences' sets, and the
    MinHash of a union is the element-wise minimum of the MinHashes, so each
    sentence is hashed once however many windows hold it. Rows equal
    ``signatures_from_hashes`` of the windows' own shingles.
    """
    hi = len(corpus.win_first) if hi is None else hi
    first, stop = corpus.win_first[lo:hi], corpus.win_stop[lo:hi]
    if len(first) == 0:
        return np.zeros((0, num_perm), dtype=np.uint32)
    # Windows are in sentence order, so a batch of them needs one run of sentences.
    s_lo, s_hi = int(first.min()), int(stop.max())
    h_lo = int(corpus.offset[s_lo])
    h_hi = int(corpus.offset[s_hi - 1] + corpus.count[s_hi - 1])
    high = (corpus.hashes[h_lo:h_hi] >> np.uint64(32)).astype(np.uint32)  # HASHFUNC's 32 bits
    sentence_sig = signatures_from_hashes(high, corpus.count[s_lo:s_hi], num_perm, seed)
    first, size = first - s_lo, stop - first
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
            if len(cache) >= SENTENCE_SETS_KEPT:
                cache.clear()
            got = cache[s] = corpus.sentence_set(s)
        return got

    for lo in range(0, len(pairs), PAIR_CHUNK):
        chunk = pairs[lo : lo + PAIR_CHUNK]
        starts, stops = corpus.win_first[chunk].tolist(), corpus.win_stop[chunk].tolist()
        for (a_first, b_first), (a_stop, b_stop) in zip(starts, stops, strict=True):
            left = [sentence_set(s) for s in range(a_first, a_stop)]
            right = [sentence_set(s) for s in range(b_first, b_stop)]
            left_all, right_all = frozenset().union(*left), frozenset().union(*right)
            if jaccard_sets(left_all, right_all) < threshold:
                continue
            aligned = len(left) == len(right)
            for k, s in enumerate(left):
                t = _partner(s, k, right, right_all, coverage, aligned)
                if t is not None:
                    yield a_first + k, b_first + t
            for k, t_set in enumerate(right):
                s = _partner(t_set, k, left, left_all, coverage, aligned)
                if s is not None:
                    yield a_first + s, b_first + k


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
