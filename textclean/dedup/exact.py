"""Exact duplicates: one 128-bit key per document, cheap enough to run first.

The key hashes the document's normalised words (NFKC, case-folded,
punctuation and spacing dropped: the words its shingles are made of), so
copies that differ only in case, Unicode form, spacing or punctuation are
exact duplicates; copies that differ in words are left to MinHash.
`textclean.dedup.tokens.WordBatch.exact_keys` computes the same keys for a
whole batch.

>>> exact_key("Hello,   World!") == exact_key("hello world\\n")
True
>>> exact_key("Hello world") == exact_key("Hello old world")
False
"""

from __future__ import annotations

import xxhash

from .shingling import words


def exact_key(text: str) -> bytes:
    """A 16-byte digest of the normalised words of ``text``, each followed by a space."""
    joined = "".join(w + " " for w in words(text))
    return xxhash.xxh3_128_digest(joined.encode("utf-32-le", "surrogatepass"))


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
