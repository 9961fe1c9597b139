"""The words of a line, for the line model, in scripts written with or without spaces.

The line model reads a line's length in words: a paragraph is long, a menu
entry or a share button short. Chinese and Japanese are written without
spaces, so splitting on spaces makes a whole paragraph of them one "word",
and every such line looked as short as a button. Here each Han, Hiragana
or Katakana character starts a word of its own, which holds what follows
it up to the next ideograph or space (``的，`` is one word), so a paragraph
counts as long and a menu entry as short, as in any other script. Text in other scripts is split on
spaces exactly as `str.split` splits it. Thai, Lao, Khmer and Myanmar are
written without spaces too, but their words are several letters long, and
no labelled page in them was at hand to measure a split on: they are still
split on spaces.

>>> line_words(["share this", "在这糟糕的一周，结束。"])
[['share', 'this'], ['在', '这', '糟', '糕', '的', '一', '周，', '结', '束。']]
>>> line_words(["trump的副业 「こんにちは」"])
[['trump', '的', '副', '业', '「', 'こ', 'ん', 'に', 'ち', 'は」']]
"""

from __future__ import annotations

from collections.abc import Sequence

from ..patterns import Pattern

_IDEOGRAPHIC = r"\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}"
#: A character of a script whose words are not separated by spaces and are one or
#: two characters long: such a character is a word of its own.
IDEOGRAPH = Pattern(rf"[{_IDEOGRAPHIC}]", step="boilerplate")


class _SpaceBefore(dict[int, str]):
    """A `str.translate` table that puts a space before every ideograph and leaves every
    other character as it is, filled in one distinct character at a time: a page
    in Chinese is translated in one C loop, not matched an ideograph at a time."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        value = " " + char if IDEOGRAPH.contains(char) else char
        self[code] = value
        return value


_SPACE_BEFORE = _SpaceBefore()

#: The commonest function characters of Chinese and Japanese prose: the stop words of
#: those scripts once each character is a word (a particle, a copula, a negation).
IDEOGRAPHIC_STOP_WORDS = frozenset(
    "的了是在和也就都而与着不这有为以对之" + "のにはをがでとてもしなた"
)


def line_words(lows: Sequence[str], joined: str | None = None) -> list[list[str]]:
    """Each line's words: `str.split`, after a space is put before every ideograph.

    ``joined`` is the lines joined by newlines, when the caller has it: a page
    without an ideograph (nearly every page outside East Asia) is answered by
    one search over it and a plain split per line.
    """
    if not IDEOGRAPH.contains("\n".join(lows) if joined is None else joined):
        return list(map(str.split, lows))
    return [low.split() if low.isascii() else low.translate(_SPACE_BEFORE).split() for low in lows]
