"""A shingle hash that NumPy computes for a whole batch at once.

Hashing shingles one Python call at a time costs more than everything else in
MinHash. This hash is a polynomial over Unicode code points modulo 2**64,
finished with the MurmurHash3 64-bit mixer, so a batch is hashed with a few
array operations: prefix sums give every word's polynomial, and a shingle's
polynomial is folded from its words without building the shingle string.

`HASHFUNC` (32 bits) and `HASHFUNC64` compute the same value for one shingle
given as UTF-8 bytes, which is what `datasketch.MinHash(hashfunc=...)` calls.

>>> HASHFUNC("the quick brown fox jumps".encode()) == int(
...     shingle_hashes(["the quick brown fox jumps"])[0])
True
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .shingling import WORD, check_ngram, ngrams_of, normalize
from .tokens import WordBatch, codepoints

_MASK64 = (1 << 64) - 1
#: Base of the polynomial (odd, so it is invertible modulo 2**64).
BASE = 0x9E3779B97F4A7C15
#: Leading term, so that length and leading NUL characters count.
LEAD = 0x27D4EB2F165667C5
_BASE_INV = pow(BASE, -1, 1 << 64)
_SPACE = 32


def _fmix64(h: int) -> int:
    h ^= h >> 33
    h = (h * 0xFF51AFD7ED558CCD) & _MASK64
    h ^= h >> 33
    h = (h * 0xC4CEB9FE1A85EC53) & _MASK64
    return h ^ (h >> 33)


def _poly(text: str) -> int:
    h = LEAD
    for ch in text:
        h = (h * BASE + ord(ch)) & _MASK64
    return h


def HASHFUNC64(data: bytes) -> int:
    """64-bit hash of one UTF-8 shingle; the reference the vectorised path matches."""
    return _fmix64(_poly(data.decode("utf-8")))


def HASHFUNC(data: bytes) -> int:
    """32-bit hash of one UTF-8 shingle (the high half of `HASHFUNC64`).

    >>> HASHFUNC(b"a") < 2**32
    True
    """
    return HASHFUNC64(data) >> 32


def _powers(base: int, size: int) -> np.ndarray:
    """``base**k mod 2**64`` for ``k < size``, by doubling: ``log2(size)`` vector products."""
    out = np.empty(size, dtype=np.uint64)
    out[0] = 1
    filled, step = 1, base
    with np.errstate(over="ignore"):
        while filled < size:
            take = min(filled, size - filled)
            np.multiply(out[:take], np.uint64(step), out=out[filled : filled + take])
            filled += take
            step = step * step % (1 << 64)
    return out


class _Powers:
    """BASE**k and BASE**-k modulo 2**64; tables up to `CACHED` entries are kept."""

    CACHED = 1 << 22

    def __init__(self) -> None:
        self.pow = np.ones(1, dtype=np.uint64)
        self.inv = np.ones(1, dtype=np.uint64)

    def upto(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        """Tables with at least ``n + 1`` entries."""
        if len(self.pow) > n:
            return self.pow, self.inv
        size = 1 << max(16, n.bit_length())
        tables = _powers(BASE, size), _powers(_BASE_INV, size)
        if size <= self.CACHED:
            self.pow, self.inv = tables
        return tables


_POWERS = _Powers()


def _finish(poly: np.ndarray, length: np.ndarray, bits: int, pw: np.ndarray) -> np.ndarray:
    """Add the leading term and mix; ``bits`` is 32 or 64."""
    h = poly + np.uint64(LEAD) * pw[length]
    h ^= h >> np.uint64(33)
    h *= np.uint64(0xFF51AFD7ED558CCD)
    h ^= h >> np.uint64(33)
    h *= np.uint64(0xC4CEB9FE1A85EC53)
    h ^= h >> np.uint64(33)
    return (h >> np.uint64(32)).astype(np.uint32) if bits == 32 else h


def _span_polys(
    cps: np.ndarray, starts: np.ndarray, ends: np.ndarray, pw: np.ndarray, inv: np.ndarray
) -> np.ndarray:
    """Polynomial of ``cps[start:end]`` for every span, from one prefix sum."""
    prefix = np.zeros(len(cps) + 1, dtype=np.uint64)
    np.cumsum(cps.astype(np.uint64) * inv[: len(cps)], out=prefix[1:])
    last = np.maximum(ends, 1) - 1
    return pw[last] * (prefix[ends] - prefix[starts])


#: Strings hashed together by `shingle_hashes` (bounds its temporary arrays).
CHUNK = 65536


def shingle_hashes(items: Sequence[str], bits: int = 32) -> np.ndarray:
    """``[HASHFUNC(s.encode()) for s in items]`` as one array, vectorised.

    For any strings: word shingles, character shingles, passages, tokens.
    """
    parts = [np.zeros(0, dtype=np.uint32 if bits == 32 else np.uint64)]
    for lo in range(0, len(items), CHUNK):
        chunk = items[lo : lo + CHUNK]
        lengths = np.fromiter(map(len, chunk), dtype=np.int64, count=len(chunk))
        ends = np.cumsum(lengths)
        cps = codepoints("".join(chunk))
        pw, inv = _POWERS.upto(len(cps) + 1)
        with np.errstate(over="ignore"):
            polys = _span_polys(cps, ends - lengths, ends, pw, inv)
            parts.append(_finish(polys, lengths, bits, pw))
    return np.concatenate(parts)


def text_shingle_hashes(
    texts: Sequence[str], ngram: int = 5, unit: str = "word", bits: int = 32
) -> tuple[np.ndarray, np.ndarray]:
    """Hashes of every document's shingles, flat, with the count per document.

    Equal to ``shingle_hashes(shingles(text, ngram, unit))`` for each text,
    concatenated, but word shingles are never built as strings.
    """
    check_ngram(ngram, unit)
    parts = []
    for lo in range(0, len(texts), TEXT_CHUNK):
        chunk = texts[lo : lo + TEXT_CHUNK]
        if unit == "char":
            parts.append(
                _flatten([shingle_hashes(_char_shingles(t, ngram), bits) for t in chunk], bits)
            )
        else:
            parts.append(batch_shingle_hashes(WordBatch.of(chunk), ngram, bits))
    if not parts:
        return _flatten([], bits)
    return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])


#: Documents tokenised together by `text_shingle_hashes`.
TEXT_CHUNK = 256


def batch_shingle_hashes(
    batch: WordBatch, ngram: int = 5, bits: int = 32
) -> tuple[np.ndarray, np.ndarray]:
    """`text_shingle_hashes` for word shingles of an already tokenised batch."""
    n_docs = len(batch.normalized)
    n_words = len(batch.start)
    n_windows = max(n_words - ngram + 1, 0)
    with np.errstate(over="ignore"):
        pw, inv = _POWERS.upto(len(batch.cps) + 1)
        word_poly = _span_polys(batch.cps, batch.start, batch.end, pw, inv)
        w_len = batch.end - batch.start
        # fold words into every window with contiguous slices; drop windows crossing documents after
        shift = pw[w_len + 1]
        tail = np.uint64(_SPACE) * pw[w_len] + word_poly
        poly = word_poly[:n_windows].copy()
        for k in range(1, ngram):
            poly *= shift[k : k + n_windows]
            poly += tail[k : k + n_windows]
        cum_len = np.concatenate([[0], np.cumsum(w_len)])
        length = cum_len[ngram : ngram + n_windows] - cum_len[:n_windows] + (ngram - 1)
        first = np.flatnonzero(
            batch.doc[:n_windows] == batch.doc[ngram - 1 : ngram - 1 + n_windows]
        )
        hashes = _finish(poly[first], length[first], bits, pw)
    counts = np.bincount(batch.doc[first], minlength=n_docs).astype(np.int64)
    per_doc = batch.words_per_doc
    short = np.flatnonzero((per_doc > 0) & (per_doc < ngram))
    if len(short):
        hashes, counts = _insert_short_docs(hashes, counts, short, batch.normalized, bits)
    return hashes, counts


def _char_shingles(text: str, ngram: int) -> list[str]:
    joined = " ".join(WORD.findall(normalize(text)))
    if not joined:
        return []
    if len(joined) <= ngram:
        return [joined]
    return [joined[i : i + ngram] for i in range(len(joined) - ngram + 1)]


def _insert_short_docs(
    hashes: np.ndarray, counts: np.ndarray, short: np.ndarray, normalized: list[str], bits: int
) -> tuple[np.ndarray, np.ndarray]:
    """Documents with fewer words than ``ngram`` get one shingle of all their words."""
    extra = shingle_hashes([ngrams_of(WORD.findall(normalized[i]), 10**9)[0] for i in short], bits)
    offsets = np.cumsum(counts) - counts
    hashes = np.insert(hashes, offsets[short], extra)
    counts = counts.copy()
    counts[short] = 1
    return hashes, counts


def _flatten(per_doc: list[np.ndarray], bits: int) -> tuple[np.ndarray, np.ndarray]:
    counts = np.fromiter(map(len, per_doc), dtype=np.int64, count=len(per_doc))
    dtype = np.uint32 if bits == 32 else np.uint64
    flat = np.concatenate(per_doc).astype(dtype) if per_doc else np.zeros(0, dtype=dtype)
    return flat, counts
