"""A page's word n-grams as integers, so repetition is counted by NumPy, not per word in Python.

Every word gets an id (its rank of first appearance); every n-gram then gets
the rank of the pair (its (n-1)-gram's code, its last word's id) among the
page's distinct pairs. Ranks, not hashes: two positions hold the same code
exactly when they hold the same words, so every count, first occurrence and
tie is the one the word tuples give.

>>> grams = WordGrams("buy now buy now cheap".split())
>>> grams.codes(2).tolist()
[0, 1, 0, 2]
>>> grams.first_seen(2).tolist()
[True, True, False, True]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


class WordGrams:
    """The word n-gram codes of one token list, built once per n and reused."""

    __slots__ = ("tokens", "lengths", "total", "_codes")

    def __init__(self, tokens: Sequence[str]):
        self.tokens = tokens
        index: dict[str, int] = {}
        ids = [index.setdefault(w, len(index)) for w in tokens]
        self.lengths = np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens))
        #: Characters in all words.
        self.total = int(self.lengths.sum())
        self._codes: dict[int, np.ndarray] = {1: np.asarray(ids, dtype=np.int64)}

    def codes(self, n: int) -> np.ndarray:
        """The code of the n-gram starting at each position (``len(tokens) - n + 1`` of them)."""
        found = self._codes.get(n)
        if found is not None:
            return found
        shorter = self.codes(n - 1)
        ids = self._codes[1]
        count = max(len(self.tokens) - n + 1, 0)
        if count == 0:
            found = np.zeros(0, dtype=np.int64)
        else:
            pairs = shorter[:count] * (int(ids.max()) + 1) + ids[n - 1 :]
            found = np.unique(pairs, return_inverse=True)[1].astype(np.int64).reshape(-1)
        self._codes[n] = found
        return found

    def first_seen(self, n: int, valid: np.ndarray | None = None) -> np.ndarray:
        """For each position (of ``valid`` ones, when given): is its n-gram new there?"""
        codes = self.codes(n) if valid is None else self.codes(n)[valid]
        if not len(codes):
            return np.zeros(0, dtype=bool)
        _, first, inverse = np.unique(codes, return_index=True, return_inverse=True)
        return first[inverse.reshape(-1)] == np.arange(len(codes))

    def covered(self, starts: np.ndarray, n: int) -> np.ndarray:
        """Per word: is it inside one of the n-grams starting at ``starts``?"""
        size = len(self.tokens)
        marks = np.bincount(starts, minlength=size + 1) - np.bincount(
            starts + n, minlength=size + 1
        )
        return np.cumsum(marks[:size]) > 0

    def covered_chars(self, mask: np.ndarray) -> int:
        """Characters in the words ``mask`` selects."""
        return int(self.lengths[mask].sum())

    def top(self, n: int) -> tuple[int, tuple[str, ...]]:
        """How often the most frequent n-gram occurs, and that n-gram (the greatest on a tie)."""
        codes = self.codes(n)
        if not len(codes):
            return 0, ()
        counts = np.bincount(codes)
        k = int(counts.max())
        at = np.flatnonzero(self.first_seen(n))
        tops = at[counts[codes[at]] == k].tolist()
        return k, max(tuple(self.tokens[i : i + n]) for i in tops)
