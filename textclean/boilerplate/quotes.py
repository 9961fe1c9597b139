"""Does a text hold a quotation of three words or more? In linear time.

A quotation is an opening mark, then a stretch of at least three words, then
a closing mark of the same style. Quote marks may sit *inside* those words
(scare quotes: “severe” or “emergency” level), but every mark between the
opening and the closing one must fall within three neighbouring words.

That reads naturally as one regular expression,
``“[^”“]*?\\S+\\s+\\S+\\s+\\S+[^”“]*”``, but a backtracking engine runs it in
time quadratic in the length of a word made of quote marks, so a scraped
page full of them could stall a worker. `has_quotation` decides the same
question from sorted positions: for each opening mark it takes the shortest
stretch that holds three words (any longer one holds at least the same marks)
and checks the marks in it span at most three words.

>>> has_quotation("“We will appeal,” she said.")
True
>>> has_quotation("It was “severe” or “emergency” level.")
True
>>> has_quotation("A “short” note.")
False
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..char_positions import char_positions

STEP = "boilerplate"

#: (opening mark, closing marks, every mark of the style) for the common quote styles.
QUOTE_STYLES = (("“", "”", "“”"), ("„", "“”", "„“”"), ("«", "»", "«»"), ('"', '"', '"'))
_OPENERS = tuple(style[0] for style in QUOTE_STYLES)


def has_quotation(text: str) -> bool:
    """True when ``text`` holds a quotation of at least three words, in any style."""
    for opener in _OPENERS:  # a substring search per mark: most texts hold none of them
        if opener in text:
            break
    else:
        return False
    starts, ends = word_spans(text)
    return any(_style_quotes(text, starts, ends, *style) for style in QUOTE_STYLES)


def word_spans(text: str) -> tuple[list[int], list[int]]:
    """Start and end offsets of every run of non-space characters (``\\S+``).

    >>> word_spans(" ab  c")
    ([1, 5], [3, 6])
    """
    starts: list[int] = []
    ends: list[int] = []
    for word in text.split():
        at = text.find(word, ends[-1] if ends else 0)
        starts.append(at)
        ends.append(at + len(word))
    return starts, ends


def _style_quotes(
    text: str, starts: list[int], ends: list[int], opening: str, closing: str, marks: str
) -> bool:
    """One quote style: some opening mark starts a quotation of three words or more."""
    if opening not in text:
        return False
    every = char_positions(text, marks)
    closers = char_positions(text, closing)
    for i in char_positions(text, opening):
        word = bisect_right(starts, i) - 1  # the word holding the opening mark
        first = word if ends[word] > i + 1 else word + 1  # first word after the mark
        if first + 2 >= len(starts):
            continue
        third = starts[first + 2]
        # The shortest candidate: the first closing mark after the third word begins.
        k = bisect_right(closers, third)
        if k == len(closers):
            continue
        j = closers[k]
        lo, hi = bisect_right(every, i), bisect_left(every, j)
        if lo >= hi:
            return True  # no mark inside the quotation
        inner_first = bisect_right(starts, every[lo]) - 1
        inner_last = bisect_right(starts, every[hi - 1]) - 1
        if inner_last - inner_first <= 2:
            return True
    return False
