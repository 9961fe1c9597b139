"""Normalisation and shingling: the sets that MinHash compares.

Two pages that differ only in case, Unicode form, punctuation or spacing
should give the same shingles, so the text is NFKC-normalised, case-folded and
cut into maximal runs of word characters (``\\w``, in every script) before
n-grams are taken. Shingles are the words of each n-gram joined by one space;
character n-grams are windows over the same space-joined words, for scripts
written without spaces.

These are the reference definitions: the vectorised hashing in
`textclean.dedup.polyhash` produces exactly the hashes of these strings.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

from ..errors import OptionError
from ..patterns import Pattern

#: A word is a maximal run of word characters after normalisation.
WORD = Pattern(r"\w+", step="dedup")

Unit = Literal["word", "char"]


def normalize(text: str) -> str:
    """NFKC-normalise and case-fold, so compatibility forms and case do not count.

    >>> normalize("Ｆｕｌｌ-width STRASSE")
    'full-width strasse'
    """
    return unicodedata.normalize("NFKC", text).casefold()


def words(text: str) -> list[str]:
    """The normalised words of ``text``, punctuation and spacing dropped.

    >>> words("Don't  PANIC — it's   fine!")
    ['don', 't', 'panic', 'it', 's', 'fine']
    """
    return WORD.findall(normalize(text))


def check_ngram(ngram: int, unit: str) -> None:
    """Raise `OptionError` (a `ConfigError` naming the option) for a shingle size or
    unit that cannot work."""
    if not isinstance(ngram, int) or isinstance(ngram, bool) or ngram < 1:
        raise OptionError(f"ngram must be a positive integer, got {ngram!r}", "ngram")
    if unit not in ("word", "char"):
        raise OptionError(f"unit must be 'word' or 'char', got {unit!r}", "unit")


def ngrams_of(tokens: list[str], ngram: int, sep: str = " ") -> list[str]:
    """Overlapping ``ngram``-grams of ``tokens`` joined by ``sep``.

    A sequence shorter than ``ngram`` (but not empty) gives one shingle of all
    its tokens, so short documents still have a signature.

    >>> ngrams_of(["a", "b", "c"], 2)
    ['a b', 'b c']
    >>> ngrams_of(["a"], 3)
    ['a']
    """
    if not tokens:
        return []
    if len(tokens) <= ngram:
        return [sep.join(tokens)]
    return list(map(sep.join, zip(*(tokens[i:] for i in range(ngram)), strict=False)))


def shingles(text: str, ngram: int = 5, unit: Unit = "word") -> list[str]:
    """Shingles of ``text``: word ``ngram``-grams, or character ones with ``unit="char"``.

    Order follows the text and repeats are kept; MinHash treats them as a set.

    >>> shingles("The quick, brown FOX jumps!", ngram=3)
    ['the quick brown', 'quick brown fox', 'brown fox jumps']
    >>> shingles("Ab, cd", ngram=3, unit="char")
    ['ab ', 'b c', ' cd']
    """
    check_ngram(ngram, unit)
    tokens = words(text)
    if unit == "word":
        return ngrams_of(tokens, ngram)
    joined = " ".join(tokens)
    if not joined:
        return []
    if len(joined) <= ngram:
        return [joined]
    return [joined[i : i + ngram] for i in range(len(joined) - ngram + 1)]
