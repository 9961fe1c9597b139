"""The words of a line, for the line model, in scripts written with or without spaces.

The line model reads a line's length in words: a paragraph is long, a menu
entry or a share button short. Chinese and Japanese are written without
spaces, so splitting on spaces makes a whole paragraph of them one "word",
and every such line looked as short as a button. Here a space is put before
each Han, Hiragana or Katakana character before the line is split, so each
of them starts a word, which holds what follows it up to the next such
character or space: the marks after it (``的，``), and also Latin letters or
digits written against it (``年3``, ``到facebook``), and the script-neutral
marks of Japanese (``ー``, ``・``). A paragraph then counts as long and a menu
entry as short, as in any other script. Text without such a character is
split on spaces exactly as `str.split` splits it. Thai, Lao, Khmer and
Myanmar are written without spaces too, but their words run to several
letters, and no labelled page in them was at hand to measure a split on:
they are still split on spaces.

The rules keep counting words by spaces (`spaced_word_counts`): their length
caps were set on text split that way.

>>> line_words(["share this", "在这糟糕的一周，结束。"])
[['share', 'this'], ['在', '这', '糟', '糕', '的', '一', '周，', '结', '束。']]
>>> line_words(["trump的副业 「こんにちは」"])
[['trump', '的', '副', '业', '「', 'こ', 'ん', 'に', 'ち', 'は」']]
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from ..code_point_scans import scan_runs
from ..patterns import Pattern

_IDEOGRAPHIC = r"[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]"
#: A character of a script written without spaces whose words are a character or a
#: few long: each such character starts a word.
IDEOGRAPH = Pattern(_IDEOGRAPHIC, step="boilerplate")
#: `IDEOGRAPH`'s code points as ``(first, last)`` runs, for a look-up per character.
_RUNS = scan_runs(_IDEOGRAPHIC)
_FIRSTS = [first for first, _ in _RUNS]
#: The most characters `_SpaceBefore` remembers before it starts again: a page in
#: Chinese or Japanese uses a few thousand distinct ones.
TABLE_LIMIT = 20_000


def is_ideograph(char: str) -> bool:
    """Whether ``char`` is a Han, Hiragana or Katakana character (as `IDEOGRAPH` reads it)."""
    code = ord(char)
    at = bisect_right(_FIRSTS, code) - 1
    return at >= 0 and code <= _RUNS[at][1]


class _SpaceBefore(dict[int, str]):
    """A `str.translate` table that puts a space before every ideograph and leaves every
    other character as it is, filled in one distinct character at a time, so a page
    in Chinese is translated in one C loop. One table serves the process; it is
    emptied once it holds `TABLE_LIMIT` characters, so its size stays bounded
    whatever the text."""

    def __missing__(self, code: int) -> str:
        if len(self) >= TABLE_LIMIT:
            self.clear()
        char = chr(code)
        value = " " + char if is_ideograph(char) else char
        self[code] = value
        return value


_SPACE_BEFORE = _SpaceBefore()

#: The commonest function characters of Chinese and Japanese prose: the stop words of
#: those scripts once each character is a word (a particle, a copula, a negation).
IDEOGRAPHIC_STOP_WORDS = frozenset(
    "的了是在和也就都而与着不这有为以对之" + "のにはをがでとてもしなた"
)


def has_ideograph(text: str) -> bool:
    """Whether ``text`` holds a Han, Hiragana or Katakana character."""
    return not text.isascii() and IDEOGRAPH.contains(text)


def line_words(lows: Sequence[str], joined: str | None = None) -> list[list[str]]:
    """Each line's words: `str.split`, after a space is put before every ideograph.

    ``joined`` is the lines joined by newlines, when the caller has it: a page
    without an ideograph (nearly every page outside East Asia) is answered by
    one search over it and a plain split per line.
    """
    if not has_ideograph("\n".join(lows) if joined is None else joined):
        return list(map(str.split, lows))
    return [low.split() if low.isascii() else low.translate(_SPACE_BEFORE).split() for low in lows]


def spaced_word_counts(lines: Sequence[str], counts: Sequence[int]) -> list[int]:
    """``counts`` (words as `line_words` counts them), with each line that holds an
    ideograph counted by spaces instead, as the rules' length caps expect."""
    if not has_ideograph("\n".join(lines)):
        return list(counts)
    return [
        len(line.split()) if has_ideograph(line) else count
        for line, count in zip(lines, counts, strict=True)
    ]
