"""MinHash signatures for a whole batch of documents in a few NumPy operations.

Every shingle is hashed once (`textclean.dedup.polyhash`), then all
permutations are applied to a block of shingles as one array operation and
each document's minimum is taken with one ``reduceat``. Rows are bit-equal to
``datasketch.MinHash(num_perm, seed=seed, hashfunc=HASHFUNC, scheme=scheme)``
updated with the same shingles as UTF-8 bytes, so signatures mix freely with
datasketch's LSH and ``LeanMinHash``.

>>> sig = minhash_signatures(["one two three four five six", "one two three four five"])
>>> sig.shape, sig.dtype
((2, 128), dtype('uint32'))
>>> float(jaccard(sig[0], sig[1])) > 0.2
True
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Literal

import numpy as np

from ..errors import ConfigError
from ..workers import Mapper, process_map
from .polyhash import (
    HASHFUNC,
    HASHFUNC64,
    batch_shingle_hashes,
    shingle_hashes,
    text_shingle_hashes,
)
from .shingling import Unit, check_ngram
from .tokens import WordBatch

__all__ = [
    "HASHFUNC",
    "HASHFUNC64",
    "Scheme",
    "jaccard",
    "minhash_signatures",
    "permutations",
    "signatures_from_hashes",
    "signatures_from_shingles",
    "signatures_with_keys",
    "to_lean_minhashes",
]

Scheme = Literal["affine32", "affine64", "legacy"]
_MERSENNE = np.uint64((1 << 61) - 1)
_MAX32 = np.uint64((1 << 32) - 1)
#: Shingles and permutations per tile: one tile of permuted values stays in cache.
BLOCK = 16384
ROWS = 16
#: Documents hashed together: bounds the temporary arrays of one batch.
TEXT_BATCH = 256


def signature_dtype(scheme: str) -> type:
    return np.uint64 if scheme in ("affine64", "legacy") else np.uint32


def _empty_value(scheme: str) -> np.integer:
    return _MAX32 if scheme == "legacy" else np.iinfo(signature_dtype(scheme)).max


@functools.lru_cache(maxsize=32)
def permutations(num_perm: int = 128, seed: int = 1, scheme: Scheme = "affine32") -> np.ndarray:
    """The ``(2, num_perm)`` parameters ``a, b`` datasketch draws for this seed and scheme."""
    if not isinstance(num_perm, int) or num_perm < 1:
        raise ConfigError(f"num_perm must be a positive integer, got {num_perm!r}")
    if scheme not in ("affine32", "affine64", "legacy"):
        raise ConfigError(f"scheme must be affine32, affine64 or legacy, got {scheme!r}")
    gen = np.random.RandomState(seed)
    if scheme == "legacy":
        pairs = [
            (gen.randint(1, _MERSENNE, dtype=np.uint64), gen.randint(0, _MERSENNE, dtype=np.uint64))
            for _ in range(num_perm)
        ]
        params = np.array(pairs, dtype=np.uint64).T.copy()
    else:
        width, dtype = (32, np.uint32) if scheme == "affine32" else (64, np.uint64)
        a = gen.randint(0, 1 << (width - 1), num_perm, dtype=dtype) * dtype(2) + dtype(1)
        b = gen.randint(0, 1 << width, num_perm, dtype=dtype)
        params = np.array([a, b])
    params.setflags(write=False)
    return params


def _premix(hashes: np.ndarray, scheme: str) -> np.ndarray:
    """MurmurHash3's finalizer, which datasketch applies before affine permutations."""
    if scheme == "legacy":
        return hashes.astype(np.uint64)
    if scheme == "affine32":
        h = hashes.astype(np.uint32)
        s1, m1, s2, m2 = np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35)
    else:
        h = hashes.astype(np.uint64)
        s1, m1, s2, m2 = (
            np.uint64(33),
            np.uint64(0xFF51AFD7ED558CCD),
            np.uint64(33),
            np.uint64(0xC4CEB9FE1A85EC53),
        )
    h = h ^ (h >> s1)
    h *= m1
    h ^= h >> s2
    h *= m2
    return h ^ (h >> s1)


def _permute_into(
    buf: np.ndarray, a: np.ndarray, b: np.ndarray, block: np.ndarray, scheme: str
) -> None:
    """Write ``a * block + b`` (one permutation per row) into ``buf``."""
    np.multiply(a[:, None], block, out=buf)
    buf += b[:, None]
    if scheme == "legacy":
        buf %= _MERSENNE
        buf &= _MAX32


def signatures_from_hashes(
    hashes: np.ndarray,
    counts: np.ndarray,
    num_perm: int = 128,
    seed: int = 1,
    scheme: Scheme = "affine32",
) -> np.ndarray:
    """Signatures from a flat array of shingle hashes and the count per document.

    ``hashes`` holds document 0's hashes, then document 1's, and so on. A
    document with no shingle gets datasketch's empty signature (all maximal).
    Work goes in tiles of `ROWS` permutations by `BLOCK` shingles, reusing one
    buffer, so temporaries stay in the CPU cache.
    """
    a_all, b_all = permutations(num_perm, seed, scheme)
    counts = np.asarray(counts, dtype=np.int64)
    out = np.full((len(counts), num_perm), _empty_value(scheme), dtype=signature_dtype(scheme))
    if len(hashes) == 0:
        return out
    with np.errstate(over="ignore"):
        mixed = _premix(np.asarray(hashes), scheme)
        starts = np.cumsum(counts) - counts
        docs = np.flatnonzero(counts > 0)
        doc_starts, doc_ends = starts[docs], starts[docs] + counts[docs]
        buf = np.empty((min(ROWS, num_perm), min(BLOCK, len(mixed))), dtype=out.dtype)
        for lo in range(0, len(mixed), BLOCK):
            hi = min(lo + BLOCK, len(mixed))
            # documents with a shingle in [lo, hi): each starts a segment here
            rows = docs[
                np.searchsorted(doc_ends, lo, side="right") : np.searchsorted(doc_starts, hi)
            ]
            seg = np.maximum(starts[rows], lo) - lo
            for p in range(0, num_perm, ROWS):
                q = min(p + ROWS, num_perm)
                tile = buf[: q - p, : hi - lo]
                _permute_into(tile, a_all[p:q], b_all[p:q], mixed[lo:hi], scheme)
                mins = np.minimum.reduceat(tile, seg, axis=1).T
                np.minimum(out[rows, p:q], mins, out=mins)
                out[rows, p:q] = mins
    return out


def signatures_from_shingles(
    shingle_lists: Sequence[Sequence[str]],
    num_perm: int = 128,
    seed: int = 1,
    scheme: Scheme = "affine32",
    hashfunc: Callable[[bytes], int] | None = None,
) -> np.ndarray:
    """Signatures of arbitrary shingle or token lists (passages, custom tokenisers).

    With ``hashfunc`` (e.g. ``datasketch.hashfunc.sha1_hash32``), each shingle is
    hashed by that function instead, which is slower but matches any datasketch
    configuration, including its out-of-the-box SHA-1 signatures.
    """
    permutations(num_perm, seed, scheme)
    out = np.empty((len(shingle_lists), num_perm), dtype=signature_dtype(scheme))
    for lo in range(0, len(shingle_lists), TEXT_BATCH):
        batch = shingle_lists[lo : lo + TEXT_BATCH]
        counts = np.fromiter(map(len, batch), dtype=np.int64, count=len(batch))
        flat = [s for shingles in batch for s in shingles]
        if hashfunc is None:
            hashes = shingle_hashes(flat, bits=64 if scheme == "affine64" else 32)
        else:
            hashes = np.fromiter(
                (hashfunc(s.encode("utf-8", "surrogatepass")) for s in flat),
                dtype=signature_dtype(scheme),
                count=len(flat),
            )
        out[lo : lo + len(batch)] = signatures_from_hashes(hashes, counts, num_perm, seed, scheme)
    return out


def minhash_signatures(
    texts: Sequence[str],
    num_perm: int = 128,
    seed: int = 1,
    ngram: int = 5,
    *,
    unit: Unit = "word",
    scheme: Scheme = "affine32",
) -> np.ndarray:
    """MinHash signatures of ``texts``' shingles: an array ``(len(texts), num_perm)``.

    Row ``i`` equals ``datasketch.MinHash(num_perm, seed=seed, hashfunc=HASHFUNC)``
    updated with ``shingles(texts[i], ngram, unit)`` encoded as UTF-8 (use
    ``HASHFUNC64`` with ``scheme="affine64"``).
    """
    return signatures_with_keys(texts, num_perm, seed, ngram, unit=unit, scheme=scheme, keys=False)[
        0
    ]


def signatures_with_keys(
    texts: Sequence[str],
    num_perm: int = 128,
    seed: int = 1,
    ngram: int = 5,
    *,
    unit: Unit = "word",
    scheme: Scheme = "affine32",
    keys: bool = True,
    workers: int = 1,
) -> tuple[np.ndarray, list[bytes]]:
    """`minhash_signatures` and, from the same tokenisation, every text's `exact_key`.

    With ``workers > 1``, chunks of texts go to that many processes; the
    result is the same for any number of workers.
    """
    check_ngram(ngram, unit)
    permutations(num_perm, seed, scheme)  # validate before any work
    out = np.empty((len(texts), num_perm), dtype=signature_dtype(scheme))
    exact: list[bytes] = []
    size = TEXT_BATCH if workers <= 1 else WORKER_CHUNK
    chunks = (list(texts[lo : lo + size]) for lo in range(0, len(texts), size))
    lo = 0
    for sig, chunk_keys in signature_chunks(
        chunks, num_perm, seed, ngram, unit=unit, scheme=scheme, keys=keys, workers=workers
    ):
        out[lo : lo + len(sig)] = sig
        exact += chunk_keys
        lo += len(sig)
    return out, exact


def signature_chunks(
    chunks: Iterable[list[str]],
    num_perm: int = 128,
    seed: int = 1,
    ngram: int = 5,
    *,
    unit: Unit = "word",
    scheme: Scheme = "affine32",
    keys: bool = True,
    workers: int = 1,
    mapper: Mapper | None = None,
) -> Iterator[tuple[np.ndarray, list[bytes]]]:
    """Signatures and exact keys of each chunk of texts, in order, read lazily.

    A stream of chunks keeps memory to the chunks in flight, so a caller can
    let each text go once its signature is made. ``mapper`` (an ordered
    ``map``; default: ``workers`` local processes) runs the chunks.
    """
    check_ngram(ngram, unit)
    permutations(num_perm, seed, scheme)
    job = functools.partial(
        _chunk_signatures,
        num_perm=num_perm,
        seed=seed,
        ngram=ngram,
        unit=unit,
        scheme=scheme,
        keys=keys,
    )
    return (mapper or process_map(workers))(job, chunks)


#: Documents sent to a worker process at a time.
WORKER_CHUNK = 1024


def _chunk_signatures(
    texts: list[str], *, num_perm: int, seed: int, ngram: int, unit: str, scheme: str, keys: bool
) -> tuple[np.ndarray, list[bytes]]:
    bits = 64 if scheme == "affine64" else 32
    out = np.empty((len(texts), num_perm), dtype=signature_dtype(scheme))
    exact: list[bytes] = []
    for lo in range(0, len(texts), TEXT_BATCH):
        batch = texts[lo : lo + TEXT_BATCH]
        words = WordBatch.of(batch) if unit == "word" or keys else None
        if words is not None and keys:
            exact += words.exact_keys()
        if words is not None and unit == "word":
            hashes, counts = batch_shingle_hashes(words, ngram, bits)
        else:
            hashes, counts = text_shingle_hashes(batch, ngram, unit, bits)
        sig = signatures_from_hashes(hashes, counts, num_perm, seed, scheme)  # type: ignore[arg-type]
        out[lo : lo + len(batch)] = sig
    return out, exact


def jaccard(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Estimated Jaccard similarity: the share of equal slots (rows broadcast).

    >>> float(jaccard(np.array([1, 2, 3, 4]), np.array([1, 2, 0, 0])))
    0.5
    """
    return np.mean(np.asarray(left) == np.asarray(right), axis=-1)


def to_lean_minhashes(signatures: np.ndarray, seed: int = 1, scheme: Scheme = "affine32") -> list:
    """datasketch ``LeanMinHash`` objects for signature rows, for datasketch's own tools."""
    from datasketch import LeanMinHash

    return [LeanMinHash(seed=seed, hashvalues=row, scheme=scheme) for row in signatures]
