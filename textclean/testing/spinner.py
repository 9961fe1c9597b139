"""An article spinner built from the spun-text lexicon, for spin-robust dedup and unspin tests.

Each lexicon pair read backwards is a swap the spinner may make: the whole
original phrase becomes the spun phrase ("law enforcement" -> "legal reasons
enforcement"), and where the two differ in a few words only, those words are
a swap of their own ("random" -> "irregular", "forest" -> "woodland"). The
word swaps are what let the spinner reach the rates of real spinners: at
``rate=0.25`` about a quarter of the words it knows are swapped and a news
article keeps only half to three quarters of its word 5-grams.

It needs no hypothesis: benchmarks call it with a `random.Random`.

>>> import random
>>> spin_copy("Police said the study of children was important.", random.Random(3), 1.0) != (
...     "Police said the study of children was important.")
True
"""

from __future__ import annotations

import random
import re
from functools import lru_cache

from .spin import restore_case

_PLAIN = re.compile(r"[a-z][a-z ]*[a-z]")


def _middle(phrase: list[str], original: list[str]) -> tuple[list[str], list[str]]:
    """The differing middle of two word lists (common prefix and suffix cut)."""
    i = 0
    while i < min(len(phrase), len(original)) and phrase[i] == original[i]:
        i += 1
    j = 0
    while j < min(len(phrase), len(original)) - i and phrase[-1 - j] == original[-1 - j]:
        j += 1
    return phrase[i : len(phrase) - j], original[i : len(original) - j]


@lru_cache(maxsize=1)
def swaps() -> dict[str, tuple[str, ...]]:
    """Original (lower case) -> the spun wordings the spinner may write for it."""
    from ..repair.lexicon import builtin_entries

    out: dict[str, set[str]] = {}

    def add(original: str, spun: str) -> None:
        if original != spun and _PLAIN.fullmatch(original) and _PLAIN.fullmatch(spun):
            out.setdefault(original, set()).add(spun)

    for entry in builtin_entries():
        if not entry.replacement or entry.case != "fold":
            continue
        phrase, original = entry.phrase.lower().split(), entry.replacement.lower().split()
        add(" ".join(original), " ".join(phrase))
        spun_mid, orig_mid = _middle(phrase, original)
        if len(spun_mid) == len(orig_mid):
            for o, s in zip(orig_mid, spun_mid, strict=True):
                add(o, s)
        elif 1 <= len(orig_mid) <= 2 and 1 <= len(spun_mid) <= 3:
            add(" ".join(orig_mid), " ".join(spun_mid))
    return {k: tuple(sorted(v)) for k, v in out.items()}


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    keys = sorted(swaps(), key=lambda k: (-len(k), k))
    body = "|".join(r"\s+".join(map(re.escape, k.split())) for k in keys)
    return re.compile(rf"(?<![\w'’-])(?:{body})(?![\w'’-])", re.IGNORECASE)


def spin_copy(text: str, rng: random.Random, rate: float) -> str:
    """``text`` with each phrase or word the spinner knows swapped with probability ``rate``.

    Leftmost-longest: a known phrase is swapped whole before its words are.
    Capitalisation follows the text ("Study" -> "Investigation").
    """
    table = swaps()

    def swap(m: re.Match[str]) -> str:
        if rng.random() >= rate:
            return m.group()
        spun = rng.choice(table[" ".join(m.group().lower().split())])
        return restore_case(m.group(), spun) if m.group()[:1].isupper() else spun

    return _pattern().sub(swap, text)
