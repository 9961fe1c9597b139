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

from array import array
from collections.abc import Iterator, Mapping

import xxhash

from .shingling import words


def exact_key(text: str) -> bytes:
    """A 16-byte digest of the normalised words of ``text``, each followed by a space."""
    joined = "".join(w + " " for w in words(text))
    return xxhash.xxh3_128_digest(joined.encode("utf-32-le", "surrogatepass"))


def canonical_rank(ids: list[str], keys: list[bytes]) -> array:
    """Each document's position when sorted by (id, key): an order the input order cannot change.

    Held as a machine-integer array (8 bytes a document, not a list of int objects).

    >>> list(canonical_rank(["b", "a", "c"], [b"", b"", b""]))
    [1, 0, 2]
    """
    order = sorted(range(len(ids)), key=lambda i: (ids[i], keys[i]))
    rank = array("q", bytes(8 * len(ids)))
    for position, i in enumerate(order):
        rank[i] = position
    return rank


class ExactGroups(Mapping[bytes, list[int]]):
    """Documents by exact key, each group in the order its members were added.

    Most keys have one document, so a lone member is stored as its index and
    made a one-item list when asked for: a list per document would cost about
    a hundred bytes more. Iteration follows the order keys were first added.
    """

    def __init__(self) -> None:
        self._first: dict[bytes, int] = {}
        self._more: dict[bytes, list[int]] = {}

    def add(self, key: bytes, index: int) -> None:
        first = self._first.setdefault(key, index)
        if first != index:
            self._more.setdefault(key, [first]).append(index)

    def __getitem__(self, key: bytes) -> list[int]:
        more = self._more.get(key)
        return more if more is not None else [self._first[key]]

    def __iter__(self) -> Iterator[bytes]:
        return iter(self._first)

    def __len__(self) -> int:
        return len(self._first)

    def __contains__(self, key: object) -> bool:
        return key in self._first
