"""Sets of characters as code point ranges, read from the `regex` module itself.

Rewriting a pattern so that RE2 can run it (`textclean.spent_conditions`) needs set
arithmetic on what one character of the pattern may be: "a letter that is
not a word character", "a mark that is also punctuation". A `CodePoints` is
such a set, held as sorted ranges; `points_of` asks `regex` which code points
a one-character item matches (with or without IGNORECASE), so the sets mean
exactly what the items mean to `regex`, whatever RE2's own Unicode tables
say. Surrogates are left out: RE2 never sees them (text holding one is
searched by `regex`).

>>> letters = points_of(r"\\p{L}")
>>> (points_of("a") <= letters, points_of("_") <= letters, "é" in letters)
(True, False, True)
>>> (points_of(r"[a-c]") - points_of("b")).spelled()
'[\\\\u0061\\\\u0063]'
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import regex

from .code_point_scans import scan_runs

_TOP = 0x10FFFF
_UNIVERSE = ((0, 0xD7FF), (0xE000, _TOP))


@dataclass(frozen=True, slots=True)
class CodePoints:
    """A set of code points as sorted, disjoint, non-adjacent ``(low, high)`` ranges."""

    ranges: tuple[tuple[int, int], ...]

    def __bool__(self) -> bool:
        return bool(self.ranges)

    def __and__(self, other: CodePoints) -> CodePoints:
        out, i, j = [], 0, 0
        a, b = self.ranges, other.ranges
        while i < len(a) and j < len(b):
            low, high = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
            if low <= high:
                out.append((low, high))
            if a[i][1] < b[j][1]:
                i += 1
            else:
                j += 1
        return CodePoints(tuple(out))

    def __invert__(self) -> CodePoints:
        return _complement(self)

    def __sub__(self, other: CodePoints) -> CodePoints:
        return self & ~other

    def __le__(self, other: CodePoints) -> bool:
        j, theirs = 0, other.ranges
        for low, high in self.ranges:
            while j < len(theirs) and theirs[j][1] < low:
                j += 1
            if j == len(theirs) or theirs[j][0] > low or theirs[j][1] < high:
                return False
        return True

    def __contains__(self, char: str) -> bool:
        """Whether the one character ``char`` is in the set."""
        code = ord(char)
        k = bisect_right(self.ranges, (code, _TOP)) - 1
        return k >= 0 and self.ranges[k][1] >= code

    def isdisjoint(self, other: CodePoints) -> bool:
        return not (self & other)

    def spelled(self) -> str:
        """A bracketed class in `regex` syntax holding exactly these code points
        (case-sensitively: put it under ``(?-i:...)`` in a case-insensitive pattern)."""
        if not self.ranges:
            raise ValueError("an empty set has no class")
        return "[" + "".join(_range(low, high) for low, high in self.ranges) + "]"


@lru_cache(maxsize=256)
def _complement(points: CodePoints) -> CodePoints:
    gaps, start = [], 0
    for low, high in points.ranges:
        if low > start:
            gaps.append((start, low - 1))
        start = high + 1
    if start <= 0x10FFFF:
        gaps.append((start, 0x10FFFF))
    return CodePoints(tuple(gaps)) & CodePoints(_UNIVERSE)


def _range(low: int, high: int) -> str:
    return _point(low) if low == high else _point(low) + "-" + _point(high)


def _point(code: int) -> str:
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


@lru_cache(maxsize=512)
def points_of(item: str, caseless: bool = False) -> CodePoints:
    """The code points the one-character item ``item`` (a literal, an escape such as
    ``\\w``, a bracketed class, ``.``) matches on `regex`, under IGNORECASE if ``caseless``."""
    runs = CodePoints(scan_runs(f"(?:{item})+", regex.I if caseless else 0))
    return runs & CodePoints(_UNIVERSE)  # a run may span the surrogates, absent from the scan
