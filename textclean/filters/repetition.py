"""Repetition scores, after the Gopher rules (Rae et al. 2021, table A1).

Machine-made pages repeat themselves: the same line in every block, a phrase
glued in again and again, fragments of earlier sentences stitched into new
ones. Every score here is a fraction between 0 and 1 of the text's
characters (or of its lines, paragraphs, sentences) that is repeated.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from ..patterns import Pattern

_WORD = Pattern(r"\w+(?:['’]\w+)*", step="quality")
_PARAGRAPH_BREAK = Pattern(r"\n[ \t\r\f\v]*\n\s*", step="quality")


def words(text: str) -> list[str]:
    """Case-folded words (letters, digits and inner apostrophes).

    >>> words("It’s 9 o'clock, Bob.")
    ['it’s', '9', "o'clock", 'bob']
    """
    return [w.casefold() for w in _WORD.findall(text)]


def _normal(piece: str) -> str:
    return " ".join(piece.split()).casefold()


def duplicate_fractions(pieces: Iterable[str]) -> tuple[float, float]:
    """(share of pieces, share of their characters) that repeat an earlier piece.

    Pieces are compared case- and whitespace-insensitively; empty ones are skipped.

    >>> duplicate_fractions(["Share", "News text here.", "share"])
    (0.3333333333333333, 0.2)
    """
    seen: set[str] = set()
    count = dup_count = chars = dup_chars = 0
    for piece in pieces:
        key = _normal(piece)
        if not key:
            continue
        count += 1
        chars += len(key)
        if key in seen:
            dup_count += 1
            dup_chars += len(key)
        else:
            seen.add(key)
    return (dup_count / count if count else 0.0, dup_chars / chars if chars else 0.0)


def lines(text: str) -> list[str]:
    return text.splitlines()


def paragraphs(text: str) -> list[str]:
    return _PARAGRAPH_BREAK.split(text.strip())


def top_ngram_fraction(tokens: Sequence[str], n: int) -> float:
    """Share of word characters taken by the most frequent word n-gram (all its occurrences).

    >>> round(top_ngram_fraction("buy now buy now buy now cheap".split(), 2), 2)
    0.78
    """
    total = sum(map(len, tokens))
    if len(tokens) < n or not total:
        return 0.0
    counts = Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    gram, k = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    if k < 2:
        return 0.0
    return min(1.0, sum(map(len, gram)) * k / total)


def duplicate_ngram_fraction(tokens: Sequence[str], n: int) -> float:
    """Share of word characters inside word n-grams that occurred earlier in the text.

    Each word counts once, however many repeated n-grams cover it.

    >>> duplicate_ngram_fraction("a b c d e x a b c d e".split(), 5)
    0.45454545454545453
    """
    covered = recycled_words(tokens, n, set())
    total = sum(map(len, tokens))
    return sum(len(tokens[i]) for i in covered) / total if total else 0.0


def recycled_words(tokens: Sequence[str], n: int, seen: set[tuple[str, ...]]) -> set[int]:
    """Indexes of words covered by an n-gram already in ``seen`` (which is updated).

    Passing the n-grams of the text before ``tokens`` measures how much of a
    passage is recycled from earlier in the document.
    """
    covered: set[int] = set()
    for i in range(len(tokens) - n + 1):
        gram = tuple(tokens[i : i + n])
        if gram in seen:
            covered.update(range(i, i + n))
        else:
            seen.add(gram)
    return covered


def repetition_scores(text: str, sentences: Sequence[str]) -> dict[str, float]:
    """Every repetition score of a text, by name (see docs/filters.md)."""
    tokens = words(text)
    line_frac, line_chars = duplicate_fractions(lines(text))
    para_frac, para_chars = duplicate_fractions(paragraphs(text))
    sent_frac, sent_chars = duplicate_fractions(sentences)
    scores = {
        "dup_line_frac": line_frac,
        "dup_line_char_frac": line_chars,
        "dup_para_frac": para_frac,
        "dup_para_char_frac": para_chars,
        "dup_sentence_frac": sent_frac,
        "dup_sentence_char_frac": sent_chars,
    }
    for n in (2, 3, 4):
        scores[f"top_{n}gram_frac"] = top_ngram_fraction(tokens, n)
    for n in (5, 6, 7, 8, 9, 10):
        scores[f"dup_{n}gram_frac"] = duplicate_ngram_fraction(tokens, n)
    return scores
