"""Word scans without a per-match cost: one character map (`CharMap`), one `str.split`.

A word tokeniser returns thousands of matches per page, and RE2's Python
layer charges about 0.8 µs for each of them, more than the scan itself. The
patterns that are runs of one character class, optionally joined by single
marks (``\\w+``, ``\\S+``, ``\\w+(?:['’]\\w+)*``), need no engine at all: turn
every other character into a space (a `CharMap`) and split. The class is the `regex`
module's own (each distinct character is asked once), so the words are the
ones `regex` finds; a run holding a joiner, and a text holding a character
that is both in the class and a space for `str.split` (``\\x1c``), go back to
the pattern. `tests/test_wordscan.py` states the law.

>>> scanner = run_scanner(r"\\w+(?:['’]\\w+)*")
>>> scanner.findall("It’s 9 o'clock, 'Bob'.", lambda run: ["<" + run + ">"])
['<It’s>', '9', "<o'clock>", "<'Bob'>"]
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import regex

from .char_map import CharMap
from .code_point_scans import split_spaces

_CLASS = r"(\\[wdS]|\\p\{\w+\}|\[[^\[\]\\]+\])"
_RUN = regex.compile(_CLASS + r"\+")
_JOINED = regex.compile(_CLASS + r"\+\(\?:\[([^\[\]\\^-]+)\]" + r"\1\+\)\*")
_SPACE = 32


class _Kept:
    """Code point -> itself inside the class or a joiner, else a space."""

    def __init__(self, item: str, joiners: str):
        self.member = regex.compile(item).fullmatch
        self.joiners = joiners

    def __call__(self, code: int) -> int:
        ch = chr(code)
        return code if ch in self.joiners or self.member(ch) else _SPACE


@cache
def _chars(item: str, joiners: str) -> CharMap:
    return CharMap(_Kept(item, joiners))


@cache
def _conflicts(item: str, joiners: str) -> frozenset[str]:
    """Kept characters that `str.split` would still split on (found on first use)."""
    table = _chars(item, joiners).table
    return frozenset(ch for ch in split_spaces() if table[ord(ch)] != _SPACE)


class RunScanner:
    """``findall`` of ``C+`` or ``C+(?:[J]C+)*`` by a character map and a split."""

    __slots__ = ("item", "joiners", "chars")

    def __init__(self, item: str, joiners: str = ""):
        self.item = item
        self.joiners = joiners
        self.chars = _chars(item, joiners)

    def findall(self, text: str, fallback: Callable[[str], list[str]]) -> list[str]:
        """The matches of the pattern in ``text``; ``fallback`` is the pattern's own findall."""
        conflicts = _conflicts(self.item, self.joiners)
        if conflicts and not conflicts.isdisjoint(text):
            return fallback(text)
        runs = self.chars(text).split()
        joiners = self.joiners
        if not joiners or not any(j in text for j in joiners):
            return runs
        # A run is bounded by characters no match holds, so it is matched on its own.
        first, last, many = joiners[0], joiners[-1], len(joiners) > 2
        out: list[str] = []
        for run in runs:
            if first in run or last in run or (many and any(j in run for j in joiners)):
                out.extend(fallback(run))
            else:
                out.append(run)
        return out

    def spaced(self, text: str) -> str | None:
        """``text`` with every character outside a match turned into a space, or None
        when the text holds a conflicting character (then only `findall` answers).

        Same length as ``text``, so ``spaced(text)[a:b].split()`` is the matches
        inside ``text[a:b]`` when no match crosses ``a`` or ``b``. A joiner
        stays only between two characters of the class: that is where a match
        holds one.
        """
        conflicts = _conflicts(self.item, self.joiners)
        if conflicts and not conflicts.isdisjoint(text):
            return None
        flat = self.chars(text)
        joiners = self.joiners
        if not joiners or not any(j in flat for j in joiners):
            return flat
        outside = " " + joiners  # in `flat`, every other character is in the class
        last = len(flat) - 1
        loose = []
        for joiner in joiners:
            i = flat.find(joiner)
            while i >= 0:
                if i == 0 or i == last or flat[i - 1] in outside or flat[i + 1] in outside:
                    loose.append(i)
                i = flat.find(joiner, i + 1)
        if not loose:
            return flat
        pieces = []
        start = 0
        for i in sorted(loose):
            pieces.append(flat[start:i])
            start = i + 1
        pieces.append(flat[start:])
        return " ".join(pieces)


def run_scanner(source: str, flags: int = 0) -> RunScanner | None:
    """A scanner for ``source`` when it is a run of one class (optionally joined), else None."""
    if flags & ~(regex.UNICODE | regex.VERSION0):
        return None
    if m := _RUN.fullmatch(source):
        return RunScanner(m[1])
    if (m := _JOINED.fullmatch(source)) and not regex.search(m[1], m[2]):
        return RunScanner(m[1], m[2])
    return None
