"""Word scans without a per-match cost: one `str.translate`, one `str.split`.

A word tokeniser returns thousands of matches per page, and RE2's Python
layer charges about 0.8 µs for each of them, more than the scan itself. The
patterns that are runs of one character class, optionally joined by single
marks (``\\w+``, ``\\S+``, ``\\w+(?:['’]\\w+)*``), need no engine at all: turn
every other character into a space and split. The class is the `regex`
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
from functools import cache, lru_cache

import regex

_CLASS = r"(\\[wdS]|\\p\{\w+\}|\[[^\[\]\\]+\])"
_RUN = regex.compile(_CLASS + r"\+")
_JOINED = regex.compile(_CLASS + r"\+\(\?:\[([^\[\]\\^-]+)\]" + r"\1\+\)\*")
_SPACE = 32


@lru_cache(maxsize=1)
def _split_spaces() -> tuple[str, ...]:
    """Every character `str.split` splits on."""
    return tuple(filter(str.isspace, map(chr, range(0x110000))))


class _Table(dict):
    """Code point -> itself inside the class or a joiner, else a space; filled on demand."""

    def __init__(self, item: str, joiners: str):
        super().__init__()
        self.member = regex.compile(item).fullmatch
        self.joiners = joiners

    def __missing__(self, code: int) -> int:
        ch = chr(code)
        value = code if ch in self.joiners or self.member(ch) else _SPACE
        self[code] = value
        return value


@cache
def _table(item: str, joiners: str) -> _Table:
    return _Table(item, joiners)


@cache
def _conflicts(item: str, joiners: str) -> frozenset[str]:
    """Kept characters that `str.split` would still split on (found on first use)."""
    table = _table(item, joiners)
    return frozenset(ch for ch in _split_spaces() if table[ord(ch)] != _SPACE)


class RunScanner:
    """``findall`` of ``C+`` or ``C+(?:[J]C+)*`` by translate and split."""

    __slots__ = ("item", "joiners", "table")

    def __init__(self, item: str, joiners: str = ""):
        self.item = item
        self.joiners = joiners
        self.table = _table(item, joiners)

    def findall(self, text: str, fallback: Callable[[str], list[str]]) -> list[str]:
        """The matches of the pattern in ``text``; ``fallback`` is the pattern's own findall."""
        conflicts = _conflicts(self.item, self.joiners)
        if conflicts and not conflicts.isdisjoint(text):
            return fallback(text)
        runs = text.translate(self.table).split()
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


def run_scanner(source: str, flags: int = 0) -> RunScanner | None:
    """A scanner for ``source`` when it is a run of one class (optionally joined), else None."""
    if flags & ~(regex.UNICODE | regex.VERSION0):
        return None
    if m := _RUN.fullmatch(source):
        return RunScanner(m[1])
    if (m := _JOINED.fullmatch(source)) and not regex.search(m[1], m[2]):
        return RunScanner(m[1], m[2])
    return None
