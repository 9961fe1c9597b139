"""Where single characters occur in a text, found with `str.find`.

Several steps look for a handful of marks (sentence ends, quote marks,
invisible characters) before deciding anything. `str.find` skips the runs
between them at C speed, so on a page with few marks this costs far less
than a pass over every character in Python.
"""

from __future__ import annotations


def char_positions(text: str, chars: str) -> list[int]:
    """Sorted offsets of every occurrence in ``text`` of any character of ``chars``.

    >>> char_positions("a.b!c.", ".!")
    [1, 3, 5]
    """
    out: list[int] = []
    for char in chars:
        at = text.find(char)
        while at >= 0:
            out.append(at)
            at = text.find(char, at + 1)
    out.sort()
    return out
