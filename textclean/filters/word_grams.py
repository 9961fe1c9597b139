"""A page's word n-grams as integers, so repetition is counted by NumPy, not per word in Python.

Every word gets an id (its rank of first appearance); every n-gram then gets
the rank of first appearance of the pair (its (n-1)-gram's code, its last
word's id). Ranks, not hashes: two positions hold the same code
exactly when they hold the same words, so every count, first occurrence and
tie is the one the word tuples give.

>>> grams = WordGrams("buy now buy now cheap".split())
>>> grams.codes(2).tolist()
[0, 1, 0, 2]
>>> grams.repeats(2), grams.repeats(3)
(True, False)
>>> grams.first_seen(2).tolist()
[True, True, False, True]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np


class WordGrams:
    """The word n-gram codes of one token list, built once per n and reused.

    Codes are ranks of first appearance (the first n-gram is 0, the next new
    one 1, ...), so a position holds a new n-gram exactly when its code passes
    every code before it. Once no n-gram repeats, no longer one does: their
    codes are the positions themselves, with nothing to sort.
    """

    __slots__ = ("tokens", "lengths", "total", "_codes", "_distinct", "_chars_before")

    def __init__(self, tokens: Sequence[str]):
        self.tokens = tokens
        # Ids in order of first occurrence, looked up in C rather than set one by one.
        index = dict(zip(dict.fromkeys(tokens), range(len(tokens)), strict=False))
        ids = np.fromiter(map(index.__getitem__, tokens), dtype=np.int64, count=len(tokens))
        self.lengths = np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens))
        #: Characters in all words.
        self.total = int(self.lengths.sum())
        self._codes: dict[int, np.ndarray] = {1: ids}
        self._distinct: dict[int, bool] = {1: len(index) == len(tokens)}
        self._chars_before: np.ndarray | None = None

    @classmethod
    def of_distinct(cls, distinct: list[str], ids: np.ndarray) -> WordGrams:
        """`WordGrams` of the words ``distinct[i] for i in ids``, where ``distinct`` lists
        each word at its first use in ``ids`` (a word may be listed more than once, for
        two spellings folded alike).

        Only the distinct words are looked up, and the words of the text are
        spelled out only where `top` reads them.

        >>> grams = WordGrams.of_distinct(["buy", "now", "buy", "cheap"], np.array([0, 1, 2, 1, 3]))
        >>> grams.codes(2).tolist(), list(grams.tokens)
        ([0, 1, 0, 2], ['buy', 'now', 'buy', 'now', 'cheap'])
        """
        index = dict(zip(dict.fromkeys(distinct), range(len(distinct)), strict=False))
        rank = np.fromiter(map(index.__getitem__, distinct), dtype=np.int64, count=len(distinct))
        sizes = np.fromiter(map(len, distinct), dtype=np.int64, count=len(distinct))
        self = cls.__new__(cls)
        self.tokens = _Spelled(distinct, ids)
        self.lengths = sizes[ids]
        self.total = int(self.lengths.sum())
        self._codes = {1: rank[ids]}
        self._distinct = {1: len(index) == len(ids)}
        self._chars_before = None
        return self

    def codes(self, n: int) -> np.ndarray:
        """The code of the n-gram starting at each position (``len(tokens) - n + 1`` of them)."""
        found = self._codes.get(n)
        if found is not None:
            return found
        shorter = self.codes(n - 1)
        count = max(len(self.tokens) - n + 1, 0)
        if self._distinct[n - 1] or count == 0:
            found, distinct = np.arange(count, dtype=np.int64), True
        else:
            ids = self._codes[1]
            # An n-gram repeats only where both its (n-1)-grams do: only those are sorted.
            repeated = np.bincount(shorter)[shorter] > 1
            maybe = np.flatnonzero(repeated[:count] & repeated[1:])
            found, distinct = _first_appearance_ranks(
                shorter[:count] * (int(ids.max()) + 1) + ids[n - 1 :], maybe
            )
        self._codes[n] = found
        self._distinct[n] = distinct
        return found

    def repeats(self, n: int) -> bool:
        """Does some n-gram occur twice?"""
        self.codes(n)
        return not self._distinct[n]

    def first_seen(self, n: int, valid: np.ndarray | None = None) -> np.ndarray:
        """For each position (of ``valid`` ones, when given): is its n-gram new there?"""
        codes = self.codes(n) if valid is None else self.codes(n)[valid]
        if not len(codes):
            return np.zeros(0, dtype=bool)
        if valid is None:
            before = np.maximum.accumulate(codes)
            return np.concatenate([[True], codes[1:] > before[:-1]])
        # An n-gram that occurs once in the page is new wherever it is: only the others
        # are grouped to find their first place among ``valid``.
        found = np.ones(len(codes), dtype=bool)
        maybe = np.flatnonzero(np.bincount(self.codes(n))[codes] > 1)
        if len(maybe):
            _, first = np.unique(codes[maybe], return_index=True)
            found[maybe] = False
            found[maybe[first]] = True
        return found

    def seen_before(self, ns: Sequence[int]) -> dict[int, np.ndarray]:
        """For each n of ``ns``: the positions (increasing) whose n-gram occurred earlier.

        Climbs from the longest n-grams already coded, keeping only the places whose
        n-gram repeats: an (n+1)-gram is the pair of n-grams at its place and the
        next, so it repeats only where both of those do, and only those few places
        are grouped at each step. Once nothing repeats, nothing longer does.
        """
        if not ns:
            return {}
        lowest, top = min(ns), max(ns)
        start = max((k for k in self._codes if k < lowest), default=lowest)
        codes = self.codes(start)
        out: dict[int, np.ndarray] = {}
        if start in ns:
            out[start] = np.flatnonzero(~self.first_seen(start))
        repeated = np.bincount(codes)[codes] > 1 if len(codes) else np.zeros(0, dtype=bool)
        places = np.flatnonzero(repeated)
        groups = codes[places]
        empty = np.zeros(0, dtype=np.int64)
        for n in range(start + 1, top + 1):
            places, groups, seen = _longer_repeats(places, groups)
            if n in ns:
                out[n] = seen
            if not len(places):
                out.update({k: empty for k in ns if k > n})
                break
        return out

    def covered_chars_after(self, starts: np.ndarray, n: int) -> int:
        """Characters in the words inside the n-grams starting at ``starts`` (increasing):
        each start covers its words up to the next start or its n-th word."""
        if not len(starts):
            return 0
        if self._chars_before is None:  # characters before each word, and the total last
            self._chars_before = np.concatenate([[0], np.cumsum(self.lengths)])
        before = self._chars_before
        ends = np.minimum(starts + n, np.append(starts[1:], starts[-1] + n))
        return int((before[ends] - before[starts]).sum())

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
        """How often the most frequent n-gram occurs, and that n-gram (the greatest on a
        tie; none when nothing repeats)."""
        codes = self.codes(n)
        if not len(codes):
            return 0, ()
        if not self.repeats(n):
            return 1, ()
        counts = np.bincount(codes)
        k = int(counts.max())
        firsts = np.flatnonzero(self.first_seen(n))  # the first position of each code, by code
        tops = firsts[counts == k].tolist()
        return k, max(tuple(self.tokens[i : i + n]) for i in tops)


class _Spelled(Sequence[str]):
    """The words ``distinct[i] for i in ids``, each spelled out only when read."""

    __slots__ = ("_distinct", "_ids")

    def __init__(self, distinct: list[str], ids: np.ndarray):
        self._distinct = distinct
        self._ids = ids

    def __len__(self) -> int:
        return len(self._ids)

    def __getitem__(self, at):  # type: ignore[no-untyped-def, override]
        if isinstance(at, slice):
            return list(map(self._distinct.__getitem__, self._ids[at].tolist()))
        return self._distinct[int(self._ids[at])]

    def __iter__(self) -> Iterator[str]:
        return map(self._distinct.__getitem__, self._ids.tolist())


def _longer_repeats(
    places: np.ndarray, groups: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """From the places (increasing) whose n-gram repeats and a group per place (equal
    n-grams, equal groups): the same for (n+1)-grams, and the places whose (n+1)-gram
    occurred earlier.

    >>> [a.tolist() for a in _longer_repeats(np.array([0, 1, 2, 3, 4]), np.array([0, 1, 0, 1, 0]))]
    [[0, 1, 2, 3], [0, 1, 0, 1], [2, 3]]
    """
    pair = np.flatnonzero(places[1:] == places[:-1] + 1)
    found = places[pair]
    if not len(found):
        return found, found, found
    keys = groups[pair] * (int(groups.max()) + 1) + groups[pair + 1]
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    head = np.empty(len(order), dtype=bool)
    head[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=head[1:])
    group = np.cumsum(head) - 1
    by_place = np.empty(len(order), dtype=np.int64)
    by_place[order] = group
    repeats = np.bincount(group)[by_place] > 1
    seen = np.sort(found[order[~head]])
    return found[repeats], by_place[repeats], seen


def _first_appearance_ranks(
    values: np.ndarray, maybe: np.ndarray | None = None
) -> tuple[np.ndarray, bool]:
    """Each value's rank of first appearance (the first value 0, the next new one 1, ...),
    and whether all values differ.

    ``maybe`` (increasing positions) holds every position whose value may occur
    elsewhere; the others are known to be new. One stable sort of those positions
    groups equal values, its first member being the first appearance; counting the
    new positions in order gives the ranks, and every other member takes its
    first's.

    >>> _first_appearance_ranks(np.array([7, 3, 7, 9, 3]))
    (array([0, 1, 0, 2, 1]), False)
    >>> _first_appearance_ranks(np.array([7, 3, 7, 9, 3]), np.array([0, 1, 2, 4]))
    (array([0, 1, 0, 2, 1]), False)
    """
    count = len(values)
    if maybe is None:
        maybe = np.arange(count)
    order = maybe[np.argsort(values[maybe], kind="stable")]
    ordered = values[order]
    head = np.empty(len(order), dtype=bool)
    head[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=head[1:])
    new = np.ones(count, dtype=bool)
    new[order] = head
    found = np.cumsum(new) - 1  # at a new position: how many new values came before
    found[order] = found[order[head]][np.cumsum(head) - 1]
    return found, bool(head.all())
