"""Aho–Corasick searches that accept any text.

The automaton reads UTF-8, which cannot hold a lone surrogate: a text
holding one (scraped text can, until `fix_mojibake` joins or replaces it)
would make a step fail. Each lone surrogate is read as U+FFFD instead, one
character for one, so every offset found still points into the text, and no
searched phrase holds either character.

>>> from ahocorasick_rs import AhoCorasick
>>> find_matches(AhoCorasick(["share"]), "\\ud800share")
[(0, 1, 6)]
"""

from __future__ import annotations

from typing import Any

_SURROGATES = dict.fromkeys(range(0xD800, 0xE000), 0xFFFD)


def find_matches(
    automaton: Any, text: str, overlapping: bool = False
) -> list[tuple[int, int, int]]:
    """``automaton``'s ``(phrase, start, end)`` matches in ``text``, in character offsets."""
    try:
        return automaton.find_matches_as_indexes(text, overlapping=overlapping)
    except UnicodeEncodeError:
        readable = text.translate(_SURROGATES)
        return automaton.find_matches_as_indexes(readable, overlapping=overlapping)


def holds_any(automaton: Any, text: str) -> bool:
    """Whether ``text`` holds any of ``automaton``'s phrases: one pass, where a substring
    search per phrase reads the text once for each.

    >>> from ahocorasick_rs import AhoCorasick
    >>> holds_any(AhoCorasick(["==", "->"]), "x -> y"), holds_any(AhoCorasick(["=="]), "x = y")
    (True, False)
    """
    return bool(find_matches(automaton, text))
