"""One lexicon phrase found as a whole-word match, on RE2, with no timeout.

A phrase's words must be whole words: ``(?<!\\w)the\\s+planet(?!\\w)`` on the
`regex` module. RE2 has no look-around and an ASCII ``\\w``, so the words and
the whitespace between them are matched on RE2 (letters spelled with every
character `regex` folds them with, see `textclean.context_patterns.caseless`)
and the two one-character conditions at the edges are checked in Python. The
words end in a literal, so a match that starts at a given place ends at a
given place: the hits are exactly those of the look-around pattern, found in
time linear in the text.

>>> PhraseMatch("the planet", caseless=True).spans("THE  Planet, the planets")
[(0, 11)]
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import regex

from ..context_patterns import caseless as caseless_spelling
from ..linear import LinearRegex
from ..patterns import Pattern
from ..re2_syntax import to_re2

_WORD_CHAR = regex.compile(r"\w")


@lru_cache(maxsize=4096)
def is_word_char(ch: str) -> bool:
    """Whether `regex` counts ``ch`` as a word character (one character: constant time)."""
    return _WORD_CHAR.match(ch) is not None


def _spelled(word: str, caseless: bool) -> str:
    if not caseless:
        return regex.escape(word)
    return "".join(
        regex.escape(ch) if ch.isascii() and not ch.isalpha() else caseless_spelling(ch)
        for ch in word
    )


class PhraseMatch:
    """The whole-word matches of a phrase (words separated by any whitespace)."""

    __slots__ = ("phrase", "caseless", "reference", "_rx")

    def __init__(self, phrase: str, caseless: bool, reference: Pattern | None = None):
        self.phrase = phrase
        self.caseless = caseless
        #: The look-around pattern, for text RE2 cannot read (lone surrogates).
        self.reference = reference
        body = r"\s+".join(_spelled(word, caseless) for word in phrase.split())
        translated = to_re2(body)
        if translated is None:
            raise ValueError(f"phrase {phrase!r} is not expressible on RE2")
        self._rx = LinearRegex(translated)

    def __reduce__(self) -> tuple[Any, ...]:
        return (PhraseMatch, (self.phrase, self.caseless, self.reference))

    def spans(self, text: str, overlapped: bool = False) -> list[tuple[int, int]]:
        """Every whole-word match, left to right (each start, if ``overlapped``)."""
        try:
            return self._spans(text, overlapped)
        except UnicodeEncodeError:  # lone surrogates: RE2 reads UTF-8 only
            if self.reference is None:
                raise
            if overlapped:
                found = self.reference.compiled.finditer(
                    text, overlapped=True, timeout=self.reference.timeout
                )
            else:
                found = self.reference.finditer(text)
            return [m.span() for m in found]

    def _spans(self, text: str, overlapped: bool) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        pos, n = 0, len(text)
        while pos <= n:
            found = self._rx.search(text, pos)
            if found is None:
                break
            start, end = found.span()
            if (start == 0 or not is_word_char(text[start - 1])) and (
                end == n or not is_word_char(text[end])
            ):
                out.append((start, end))
                pos = start + 1 if overlapped else end
            else:
                pos = start + 1
        return out
