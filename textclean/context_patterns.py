"""Look-around patterns run on RE2, in linear time and without a timeout.

RE2 has no look-behind, look-ahead or Unicode ``\\b``, yet many repairs need
them: "the spaces *after a letter* and *before* ``'s``". Where the look-behind
is one character and the look-ahead ends the pattern, the same matches come
from a pattern that *consumes* that context and marks the match itself as a
group: ``(?<=\\p{L}) +(?='s)`` becomes ``\\p{L}( +)'s``. The match is the
group that took part; the next search starts ``behind`` characters before
the end of the previous match, so a character one match read as context can
serve the next as context too, exactly as a look-around leaves it unread.

``ContextPattern`` holds both forms: the `regex` one (the reference, and the
fallback for text RE2 cannot read: lone surrogates) and the RE2 one.
`tests/test_context_patterns.py` checks that both give the same matches.

>>> after_letter = ContextPattern(
...     Pattern(r"(?<=\\p{L}) +(?=['’]s)"), r"\\p{L}( +)['’]s", behind=1
... )
>>> [m.span() for m in after_letter.finditer("It 's Ann 's , 1 's")]
[(2, 3), (9, 10)]
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import regex

from .code_point_scans import scan_runs
from .linear import LinearMatch, LinearRegex
from .patterns import Match, Pattern
from .re2_syntax import to_re2


class ContextPattern:
    """``reference``'s matches, found by the RE2 pattern ``linear`` (see the module docstring).

    ``linear`` is written in the `regex` module's syntax (it is translated
    with `to_re2`, so its classes mean what they mean to `regex`); in each of
    its matches exactly one group takes part, and that group is the match.
    ``behind`` is the number of characters every match of ``linear`` reads
    before that group (0 or 1; a start-of-text alternative, ``(?:^|\\s)``, may
    read none, since it can only match at the start).
    """

    __slots__ = ("reference", "linear", "behind", "_rx")

    def __init__(self, reference: Pattern, linear: str, *, behind: int = 0):
        translated = to_re2(linear)
        if translated is None:
            raise ValueError(f"not expressible on RE2: {linear!r}")
        self.reference = reference
        self.linear = linear
        self.behind = behind
        self._rx = LinearRegex(translated)

    def __repr__(self) -> str:
        return f"ContextPattern({self.reference.source!r}, step={self.reference.step!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.reference, self.linear, self.behind))

    @property
    def engine(self) -> str:
        return "re2"

    @property
    def step(self) -> str:
        return self.reference.step

    def spans(self, text: str, limit: int = 0) -> list[tuple[int, int]]:
        """The span of every match (the first ``limit`` when given), left to right."""
        try:
            return self._rx.context_spans(text, self.behind, limit)
        except UnicodeEncodeError:  # lone surrogates: RE2 reads UTF-8 only
            found = [m.span() for m in self.reference.finditer(text)]
            return found[:limit] if limit else found

    def finditer(self, text: str) -> Iterator[Match]:
        return (LinearMatch(self._rx, text, 0, len(text), [span]) for span in self.spans(text))

    def findall(self, text: str) -> list[str]:
        return [text[s:e] for s, e in self.spans(text)]

    def search(self, text: str) -> Match | None:
        """The first match."""
        found = self.spans(text, 1)
        return LinearMatch(self._rx, text, 0, len(text), [found[0]]) if found else None


@lru_cache(maxsize=1)
def _caseless_letters() -> dict[str, str]:
    """Each ASCII letter, lower-cased, with every character `regex` matches it with
    under IGNORECASE (RE2's case folding differs: it leaves out ``İ`` for ``i``)."""
    out: dict[str, list[str]] = {}
    for ch in _characters(scan_runs("(?i)[a-z]")):
        for letter in "abcdefghijklmnopqrstuvwxyz":
            if regex.fullmatch(f"(?i){letter}", ch):
                out.setdefault(letter, []).append(ch)
    return {letter: "[" + "".join(chars) + "]" for letter, chars in out.items()}


def caseless(words: str) -> str:
    """An alternation of words, spelled so that case-sensitive RE2 matches what
    ``(?i)`` + ``words`` matches on `regex`.

    >>> caseless("is|ok")
    '[Iiİ][Ssſ]|[Oo][Kk\u212a]'
    """
    letters = _caseless_letters()
    return "".join(letters.get(ch) or _caseless_other(ch) for ch in words.lower())


@lru_cache(maxsize=256)
def _caseless_other(ch: str) -> str:
    """A character outside ``a``-``z`` as a class of what `regex` matches it with under
    IGNORECASE (one scan of every code point, for the few such characters a pattern has)."""
    if ch.isascii() and not ch.isalpha():
        return ch
    found = _characters(scan_runs(f"(?i){regex.escape(ch)}"))
    return "[" + "".join(found) + "]" if len(found) > 1 else regex.escape(ch)


def _characters(runs: tuple[tuple[int, int], ...]) -> list[str]:
    """The characters of scanned runs of one-character matches, in code point order."""
    return [chr(code) for lo, hi in runs for code in range(lo, hi + 1)]


def caseless_class(item: str) -> str:
    """The body of a class holding what ``(?i)[item]`` matches on `regex`, as code point ranges.

    >>> caseless_class("A-B").replace(chr(92), "")  # without the backslashes
    'x{41}-x{42}x{61}-x{62}'
    """
    parts = []
    for lo, hi in scan_runs(f"(?i)[{item}]+"):
        parts.append(f"\\x{{{lo:x}}}" if lo == hi else f"\\x{{{lo:x}}}-\\x{{{hi:x}}}")
    return "".join(parts)


def _rebuild(reference: Pattern, linear: str, behind: int) -> ContextPattern:
    return ContextPattern(reference, linear, behind=behind)
