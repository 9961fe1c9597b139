"""Words of a whole batch of documents at once, as spans over one code-point array.

The shingle hash and the exact-duplicate key both need every document's
normalised words. Finding them with one regular-expression call per document
costs more than all the hashing, so the batch is joined into one NumPy array
of code points, a lookup table marks word characters (the same ``\\w`` as
`textclean.dedup.shingles.WORD`), and word boundaries fall out of one
comparison.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import xxhash

from .shingling import WORD, normalize


def codepoints(text: str) -> np.ndarray:
    """The code points of ``text`` as a uint32 array (lone surrogates allowed)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


@functools.lru_cache(maxsize=1)
def word_char_table() -> np.ndarray:
    """A boolean per code point: does the shingle tokenizer's ``\\w`` match it?"""
    everything = "".join(map(chr, range(0x110000)))
    table = np.zeros(0x110000, dtype=bool)
    for match in WORD.finditer(everything):
        table[match.start() : match.end()] = True
    return table


@dataclass
class WordBatch:
    """Normalised documents and their words: ``cps[start[k]:end[k]]`` is word ``k`` of ``doc[k]``."""

    normalized: list[str]
    cps: np.ndarray
    is_word: np.ndarray
    start: np.ndarray
    end: np.ndarray
    doc: np.ndarray
    doc_end: np.ndarray

    @classmethod
    def of(cls, texts: Sequence[str]) -> WordBatch:
        normalized = [normalize(t) for t in texts]
        # every document ends in "\n" (not a word character), so no word spans two
        cps = codepoints("".join(t + "\n" for t in normalized))
        padded = np.zeros(len(cps) + 2, dtype=bool)
        np.take(word_char_table(), cps, out=padded[1:-1])
        edges = np.flatnonzero(padded[1:] != padded[:-1])
        start, end = edges[0::2], edges[1::2]
        lengths = np.fromiter(map(len, normalized), dtype=np.int64, count=len(texts))
        doc_end = np.cumsum(lengths + 1)
        doc = np.searchsorted(doc_end, start, side="right")
        return cls(normalized, cps, padded[1:-1], start, end, doc, doc_end)

    @property
    def words_per_doc(self) -> np.ndarray:
        return np.bincount(self.doc, minlength=len(self.normalized))

    def exact_keys(self) -> list[bytes]:
        """`textclean.dedup.exact.exact_key` of every document: its words, each followed by a space."""
        keep = self.is_word.copy()
        keep[self.end] = True  # the character after each word stands for one space
        kept = np.flatnonzero(keep)
        compact = self.cps[kept]
        compact[~self.is_word[kept]] = 32
        data = compact.tobytes()
        cuts = [0, *(4 * np.searchsorted(kept, self.doc_end)).tolist()]
        return [xxhash.xxh3_128_digest(data[a:b]) for a, b in zip(cuts, cuts[1:], strict=False)]
