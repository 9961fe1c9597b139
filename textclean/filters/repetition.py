"""Repetition scores, after the Gopher rules (Rae et al. 2021, table A1).

Machine-made pages repeat themselves: the same line in every block, a phrase
glued in again and again, fragments of earlier sentences stitched into new
ones. Every score here is a fraction between 0 and 1 of the text's
characters (or of its lines, paragraphs, sentences) that is repeated.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from ..patterns import Pattern
from ..segment import WHITESPACE
from .word_grams import WordGrams

_WORD = Pattern(r"\w+(?:['’]\w+)*", step="quality")
_PARAGRAPH_BREAK = Pattern(r"\n[ \t\r\f\v]*\n\s*", step="quality")
_BLANK = " \t\r\f\v"
#: What ``\s`` matches: every `str.isspace` character but the information separators.
_SPACES = frozenset(WHITESPACE) - frozenset("\x1c\x1d\x1e\x1f")


def words(text: str) -> list[str]:
    """Case-folded words (letters, digits and inner apostrophes).

    >>> words("It’s 9 o'clock, Bob.")
    ['it’s', '9', "o'clock", 'bob']
    """
    return [w.casefold() for w in _WORD.findall(text)]


def piece_keys(pieces: Iterable[str]) -> list[str]:
    """Each piece with its runs of spaces made one space and its ends stripped, case folded.

    Every space but " " is unprintable, so a printable piece with no double
    space and none at either end (most lines and sentences) is its own key
    before folding, with no split and join.

    >>> piece_keys(["Buy  NOW ", "Buy now", "a\tb"])
    ['buy now', 'buy now', 'a b']
    """
    return [
        p.casefold()
        if p.isprintable() and "  " not in p and p[:1] != " " and p[-1:] != " "
        else " ".join(p.split()).casefold()
        for p in pieces
    ]


def duplicate_fractions(pieces: Iterable[str]) -> tuple[float, float]:
    """(share of pieces, share of their characters) that repeat an earlier piece.

    Pieces are compared case- and whitespace-insensitively; empty ones are skipped.

    >>> duplicate_fractions(["Share", "News text here.", "share"])
    (0.3333333333333333, 0.2)
    """
    pieces = list(pieces)
    if len(pieces) < 2:  # nothing to repeat (a page of one paragraph)
        return (0.0, 0.0)
    # A repeat is every occurrence of a key but its first.
    keys = list(filter(None, piece_keys(pieces)))
    distinct = set(keys)
    count, chars = len(keys), sum(map(len, keys))
    dup_count, dup_chars = count - len(distinct), chars - sum(map(len, distinct))
    return (dup_count / count if count else 0.0, dup_chars / chars if chars else 0.0)


#: How many of a page's most repeated lines `line_fractions` counts as pasted...
PASTED_LINES = 4
#: ...and fewer extra copies of them than this count as none.
MIN_PASTED = 4


def line_fractions(pieces: Iterable[str]) -> tuple[float, float, float]:
    """`duplicate_fractions` of the lines, and the share of lines that are extra
    copies of the `PASTED_LINES` most repeated lines (``pasted``).

    A machine-made page pastes a few lines again and again; an article repeats a
    title as a subhead, a short label ("Twitter", "+12") at each embed, or a
    whole gallery twice when it was extracted twice. Gopher's fractions count
    all of these alike. ``pasted`` counts only the copies of a few lines, and
    none when there are fewer than `MIN_PASTED` of them, so a page of one line
    pasted four times in nine is measured as such (0.31) while a doubled
    gallery of forty captions is not (four copies in a hundred lines).

    >>> page = ["Buy now.", "Some text.", "Buy now.", "More text.", "Buy now."] + ["Buy now."] * 2
    >>> [round(x, 3) for x in line_fractions(page)]
    [0.571, 0.533, 0.571]
    >>> line_fractions(["Title", "Body text.", "Title"])[2]
    0.0
    """
    # A blank line or a separator ("- - -") holds no letter or digit.
    keys = [
        key
        for key in piece_keys(pieces)
        if key and (key[0].isalnum() or any(map(str.isalnum, key)))
    ]
    if not keys:
        return (0.0, 0.0, 0.0)
    counts = Counter(keys)
    count = len(keys)
    chars = sum(map(len, keys))
    dup_chars = chars - sum(map(len, counts))  # every occurrence of a key but its first
    extra = sorted((n - 1 for n in counts.values() if n > 1), reverse=True)
    pasted = sum(extra[:PASTED_LINES])
    return (
        sum(extra) / count,
        dup_chars / chars if chars else 0.0,
        pasted / count if pasted >= MIN_PASTED else 0.0,
    )


def lines(text: str) -> list[str]:
    return text.splitlines()


def paragraphs(text: str) -> list[str]:
    """``text`` split at blank lines: `_PARAGRAPH_BREAK`'s split of the stripped text.

    A page holds a few dozen line breaks, so they are looked at one by one
    with `str.find` rather than handed to the pattern engine.

    >>> paragraphs(" One.\\nTwo. \\n \\n\\n Three. ")
    ['One.\\nTwo. ', 'Three.']
    """
    body = text.strip()
    size = len(body)
    pieces = []
    start = 0
    at = body.find("\n")
    while at >= 0:
        end = at + 1
        while end < size and body[end] in _BLANK:
            end += 1
        if end < size and body[end] == "\n":
            pieces.append(body[start:at])
            end += 1
            while end < size and body[end] in _SPACES:
                end += 1
            start = end
            at = body.find("\n", end)
        else:
            at = body.find("\n", at + 1)
    pieces.append(body[start:])
    return pieces


def _ngrams(tokens: Sequence[str], n: int) -> Iterator[tuple[str, ...]]:
    """The word n-grams of ``tokens`` in order, built in C rather than by slicing."""
    return zip(*(tokens[k:] for k in range(n)), strict=False)


def top_ngram_fraction(tokens: Sequence[str], n: int) -> float:
    """Share of word characters taken by the most frequent word n-gram (all its occurrences).

    Ties go to the greatest n-gram, so the score does not depend on word order.

    >>> round(top_ngram_fraction("buy now buy now buy now cheap".split(), 2), 2)
    0.78
    """
    total = sum(map(len, tokens))
    if len(tokens) < n or not total:
        return 0.0
    counts = Counter(_ngrams(tokens, n))
    k = max(counts.values())
    if k < 2:
        return 0.0
    gram = max(g for g, c in counts.items() if c == k)
    return min(1.0, sum(map(len, gram)) * k / total)


def top_ngram_fractions(
    tokens: Sequence[str], ns: Sequence[int], grams: WordGrams | None = None
) -> list[float]:
    """`top_ngram_fraction` for each of ``ns``, from the n-gram codes of `WordGrams`
    (``grams``, when the caller already has them for ``tokens``).

    >>> [round(f, 2) for f in top_ngram_fractions("buy now buy now buy now cheap".split(), (2, 3))]
    [0.78, 0.78]
    """
    grams = WordGrams(tokens) if grams is None else grams
    total = grams.total
    out: list[float] = []
    for n in ns:
        if len(tokens) < n or not total:
            out.append(0.0)
            continue
        k, gram = grams.top(n)
        out.append(0.0 if k < 2 else min(1.0, sum(map(len, gram)) * k / total))
    return out


def duplicate_ngram_fraction(tokens: Sequence[str], n: int) -> float:
    """Share of word characters inside word n-grams that occurred earlier in the text.

    Each word counts once, however many repeated n-grams cover it.

    >>> duplicate_ngram_fraction("a b c d e x a b c d e".split(), 5)
    0.45454545454545453
    """
    covered = recycled_words(tokens, n, set())
    total = sum(map(len, tokens))
    return sum(len(tokens[i]) for i in covered) / total if total else 0.0


def duplicate_ngram_fractions(
    tokens: Sequence[str], ns: Sequence[int], grams: WordGrams | None = None
) -> list[float]:
    """`duplicate_ngram_fraction` for each of ``ns``, from the places of repeated n-grams
    `WordGrams.seen_before` finds (``grams``, when the caller already has them for ``tokens``).

    >>> duplicate_ngram_fractions("a b c d e x a b c d e".split(), (5, 6))
    [0.45454545454545453, 0.0]
    """
    grams = WordGrams(tokens) if grams is None else grams
    total = grams.total
    if not total:
        return [0.0] * len(ns)
    seen = grams.seen_before([n for n in ns if n <= len(tokens)])
    return [grams.covered_chars_after(seen[n], n) / total if n <= len(tokens) else 0.0 for n in ns]


def recycled_words(tokens: Sequence[str], n: int, seen: set[tuple[str, ...]]) -> set[int]:
    """Indexes of words covered by an n-gram already in ``seen`` (which is updated).

    Passing the n-grams of the text before ``tokens`` measures how much of a
    passage is recycled from earlier in the document.

    >>> sorted(recycled_words("a b c a b".split(), 2, set()))
    [3, 4]
    """
    covered: set[int] = set()
    add = seen.add
    for i, gram in enumerate(_ngrams(tokens, n)):
        if gram in seen:
            covered.update(range(i, i + n))
        else:
            add(gram)
    return covered


def repetition_scores(
    text: str,
    sentences: Sequence[str],
    tokens: Sequence[str] | None = None,
    grams: WordGrams | None = None,
) -> dict[str, float]:
    """Every repetition score of a text, by name (see docs/filters.md).

    ``tokens`` is ``words(text)`` and ``grams`` its `WordGrams` when the
    caller already has them.
    """
    if tokens is None:
        tokens = words(text)
    grams = WordGrams(tokens) if grams is None else grams
    line_frac, line_chars, pasted = line_fractions(lines(text))
    para_frac, para_chars = duplicate_fractions(paragraphs(text))
    sent_frac, sent_chars = duplicate_fractions(sentences)
    scores = {
        "dup_line_frac": line_frac,
        "dup_line_char_frac": line_chars,
        "pasted_line_frac": pasted,
        "dup_para_frac": para_frac,
        "dup_para_char_frac": para_chars,
        "dup_sentence_frac": sent_frac,
        "dup_sentence_char_frac": sent_chars,
    }
    for n, fraction in zip((2, 3, 4), top_ngram_fractions(tokens, (2, 3, 4), grams), strict=True):
        scores[f"top_{n}gram_frac"] = fraction
    ns = (5, 6, 7, 8, 9, 10)
    for n, fraction in zip(ns, duplicate_ngram_fractions(tokens, ns, grams), strict=True):
        scores[f"dup_{n}gram_frac"] = fraction
    return scores
