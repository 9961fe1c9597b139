"""The words of a line, for the line model, in scripts written with or without spaces.

The line model reads a line's length in words: a paragraph is long, a menu
entry or a share button short. Chinese and Japanese are written without
spaces, so splitting on spaces makes a whole paragraph of them one "word",
and every such line looked as short as a button. Here every run of Han,
Hiragana or Katakana characters is cut into words of up to three of them
(`WORD_IDEOGRAPHS`), each holding the marks after it (``周，``); Latin
letters or digits written against them are words of their own. A word of
Chinese is one to two characters long and one of Japanese two or three with
its kana, so a line's count comes near its count of words, without a
dictionary; on the labelled Chinese and Japanese pages the model was
fitted on, three kept more content and removed more furniture than one or
two (four removed a little more furniture and kept less content). Text
without such a character is split on spaces exactly as `str.split` splits
it. Thai, Lao, Khmer and Myanmar are written without spaces too, but their
words run to several letters, and no labelled page in them was at hand to
measure a split on: they are still split on spaces.

The rules keep counting words by spaces (`spaced_word_counts`): their length
caps were set on text split that way.

>>> line_words(["share this", "在这糟糕的一周，结束。"])
[['share', 'this'], ['在这糟', '糕的一', '周，', '结束。']]
>>> line_words(["2024年3月 trump的副业 「こんにちは」"])
[['2024', '年', '3', '月', 'trump', '的副业', '「', 'こんに', 'ちは」']]
"""

from __future__ import annotations

from collections.abc import Sequence

from ..patterns import Pattern

_SCRIPTS = r"\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}"
#: A character of a script written without spaces whose words are a few characters long.
IDEOGRAPH = Pattern(rf"[{_SCRIPTS}]", step="boilerplate")
#: The most ideographs one word holds.
WORD_IDEOGRAPHS = 3
#: Within a space-separated token: up to `WORD_IDEOGRAPHS` ideographs with the marks
#: after them, or a run of anything else (Latin letters or digits written against them).
_PIECE = Pattern(
    rf"[{_SCRIPTS}]{{1,{WORD_IDEOGRAPHS}}}[^\p{{L}}\p{{N}}]*|[^{_SCRIPTS}]+", step="boilerplate"
)


def has_ideograph(text: str) -> bool:
    """Whether ``text`` holds a Han, Hiragana or Katakana character."""
    return not text.isascii() and IDEOGRAPH.contains(text)


def line_words(lows: Sequence[str], joined: str | None = None) -> list[list[str]]:
    """Each line's words: `str.split`, with every run of ideographs cut into words of
    up to `WORD_IDEOGRAPHS`.

    ``joined`` is the lines joined by newlines, when the caller has it: a page
    without an ideograph (nearly every page outside East Asia) is answered by
    one search over it and a plain split per line.
    """
    split = list(map(str.split, lows))
    if not has_ideograph("\n".join(lows) if joined is None else joined):
        return split
    for i, low in enumerate(lows):
        if has_ideograph(low):
            split[i] = [
                piece
                for word in split[i]
                for piece in (_PIECE.findall(word) if has_ideograph(word) else (word,))
            ]
    return split


def spaced_word_counts(lines: Sequence[str], counts: Sequence[int]) -> list[int]:
    """``counts`` (words as `line_words` counts them), with each line that holds an
    ideograph counted by spaces instead, as the rules' length caps expect."""
    if not has_ideograph("\n".join(lines)):
        return list(counts)
    return [
        len(line.split()) if has_ideograph(line) else count
        for line, count in zip(lines, counts, strict=True)
    ]
