"""A spin-invariant view of a text: the words an article spinner leaves alone.

A spinner swaps words and phrases for entries of its synonym dictionary and
leaves every other word as it was: names, numbers, rare words (the
"immutable" words of DSpin, Zhang et al., 2014). textclean's dictionary of
spinner output is the spun-text lexicon, so every word of its phrases and
replacements is *replaceable*; every other word, and every word holding a
digit, is *immutable*. Shingles of the immutable words link a spun copy to
its source even where their plain shingles share half or less.

>>> spin_view("Officials in Ohio said the study of 42 children was important.")
'ohio said 42'
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from .shingling import words


@lru_cache(maxsize=1)
def replaceable_words() -> frozenset[str]:
    """Normalised words of every phrase and replacement of the shipped spun-text lexicon."""
    from ..repair.lexicon import builtin_entries

    out: set[str] = set()
    for entry in builtin_entries():
        out.update(words(entry.phrase))
        out.update(words(entry.replacement or ""))
    return frozenset(w for w in out if not _has_digit(w))


def _has_digit(word: str) -> bool:
    return any(ch.isdigit() for ch in word)


def is_immutable(word: str, vocabulary: frozenset[str] | None = None) -> bool:
    """A normalised word a spinner would leave alone: outside its dictionary, or a number.

    >>> is_immutable("clearview"), is_immutable("study"), is_immutable("2020")
    (True, False, True)
    """
    vocab = replaceable_words() if vocabulary is None else vocabulary
    return word not in vocab or _has_digit(word)


def immutable_words(text: str, vocabulary: frozenset[str] | None = None) -> list[str]:
    """The normalised words of ``text`` that a spinner leaves alone, in text order."""
    vocab = replaceable_words() if vocabulary is None else vocabulary
    return [w for w in words(text) if w not in vocab or _has_digit(w)]


def spin_view(text: str, vocabulary: frozenset[str] | None = None) -> str:
    """The immutable words of ``text`` joined by spaces: what spin-robust shingles are cut from."""
    return " ".join(immutable_words(text, vocabulary))


def vocabulary_of(phrases: Iterable[str]) -> frozenset[str]:
    """A replaceable vocabulary from other phrases (a spinner's own dictionary, a test's)."""
    out: set[str] = set()
    for phrase in phrases:
        out.update(words(phrase))
    return frozenset(w for w in out if not _has_digit(w))


@lru_cache(maxsize=1)
def spinner_words() -> frozenset[str]:
    """Words the lexicon knows only as spinner output: in its phrases, never in a replacement.

    Where two twins differ by a swap, the side holding more of these is the
    spun one ("irregular woodland" against "random forest").
    """
    from ..repair.lexicon import builtin_entries

    spun: set[str] = set()
    original: set[str] = set()
    for entry in builtin_entries():
        spun.update(words(entry.phrase))
        original.update(words(entry.replacement or ""))
    return frozenset(spun - original)


@lru_cache(maxsize=1)
def spin_pairs() -> frozenset[tuple[str, str]]:
    """(original, spun) wordings the lexicon shows a spinner writing, normalised.

    Each entry gives its whole phrase pair, and the words where the two
    differ when they differ in at most two words ("random forest" /
    "irregular woodland" gives ("random", "irregular") and ("forest",
    "woodland")).
    """
    from ..repair.lexicon import builtin_entries

    out: set[tuple[str, str]] = set()
    for entry in builtin_entries():
        if not entry.replacement:
            continue
        spun, original = words(entry.phrase), words(entry.replacement)
        out.add((" ".join(original), " ".join(spun)))
        i = 0
        while i < min(len(spun), len(original)) and spun[i] == original[i]:
            i += 1
        j = 0
        while j < min(len(spun), len(original)) - i and spun[-1 - j] == original[-1 - j]:
            j += 1
        spun_mid, orig_mid = spun[i : len(spun) - j], original[i : len(original) - j]
        if len(spun_mid) == len(orig_mid):
            out.update(zip(orig_mid, spun_mid, strict=True))
        if 1 <= len(orig_mid) <= 2 and 1 <= len(spun_mid) <= 3:
            out.add((" ".join(orig_mid), " ".join(spun_mid)))
    return frozenset(out)
