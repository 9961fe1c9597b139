"""Exact duplicates: one 128-bit key per document, cheap enough to run first.

The key hashes the case-folded, NFKC-normalised text with whitespace runs
collapsed, so re-spaced or re-cased copies are exact duplicates, while
copies that differ in punctuation or words are left to MinHash.

>>> exact_key("Hello   World") == exact_key("hello world\\n")
True
>>> exact_key("Hello, world") == exact_key("hello world")
False
"""

from __future__ import annotations

import xxhash

from .shingles import normalize


def exact_key(text: str) -> bytes:
    """A 16-byte digest of ``text`` after normalisation and whitespace collapsing."""
    return xxhash.xxh3_128_digest(
        " ".join(normalize(text).split()).encode("utf-8", "surrogatepass")
    )


def canonical_rank(ids: list[str], keys: list[bytes]) -> list[int]:
    """Each document's position when sorted by (id, key): an order the input order cannot change.

    >>> canonical_rank(["b", "a", "c"], [b"", b"", b""])
    [1, 0, 2]
    """
    order = sorted(range(len(ids)), key=lambda i: (ids[i], keys[i]))
    rank = [0] * len(ids)
    for position, i in enumerate(order):
        rank[i] = position
    return rank
