"""Degraded pages made from clean text, one kind per `quality` rule family.

Each function turns real (or bank) text into a page of one kind that
`quality` is meant to drop: word salad, keyword stuffing, repeated lines,
snippet soup, and pages of nothing but furniture. They take a
`random.Random`, so a seeded generator gives the same page every time; the
benchmark sets and the calibration tests are built with them.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Sequence

__all__ = [
    "KINDS",
    "boilerplate_only",
    "keyword_stuffing",
    "repeated_lines",
    "snippet_soup",
    "word_salad",
]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Two capitalised words after a lower-case word or a comma: a name inside a sentence.
_NAME_PAIR = re.compile(r"(?<=[a-z,] )([A-Z][a-z]{2,}) ([A-Z][a-z]{2,})\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
KINDS = ("word_salad", "keyword_stuffing", "repeated_lines", "snippet_soup", "boilerplate_only")


def _sentences(text: str) -> list[str]:
    return [s.strip() for line in text.splitlines() for s in _SENTENCE_END.split(line) if s.strip()]


def word_salad(text: str, rng: random.Random, words: int = 250) -> str:
    """Sentence-shaped runs of the text's distinct words in random order.

    Drawing from the vocabulary rather than the running text makes function
    words rare, as in generated spam.

    >>> page = word_salad("The cat sat on the mat near the door.", random.Random(0), 20)
    >>> len(page.split()) >= 20 and page[0].isupper()
    True
    """
    vocab = sorted({w for w in _WORD.findall(text)}) or ["lorem"]
    out: list[str] = []
    paragraph: list[str] = []
    total = 0
    while total < words:
        size = rng.randint(6, 14)
        chosen = [rng.choice(vocab) for _ in range(size)]
        paragraph.append(" ".join(chosen).capitalize() + ".")
        total += size
        if len(paragraph) >= rng.randint(3, 6):
            out.append(" ".join(paragraph))
            paragraph = []
    if paragraph:
        out.append(" ".join(paragraph))
    return "\n\n".join(out)


def _keyword(text: str, rng: random.Random) -> str:
    pairs = Counter(f"{a} {b}" for a, b in _NAME_PAIR.findall(text))
    if pairs:
        return max(sorted(pairs), key=lambda p: pairs[p]).lower()
    vocab = sorted({w.lower() for w in _WORD.findall(text) if len(w) > 4}) or ["best", "deals"]
    return " ".join(rng.sample(vocab, 2) if len(vocab) > 1 else vocab * 2)


def keyword_stuffing(text: str, rng: random.Random) -> str:
    """The text with a search phrase, lower-cased, pasted into it again and again.

    The phrase is the page's most frequent two-word name ("Harbour Times"
    becomes "harbour times"), glued to sentences and listed at the end, the
    way pages written for search engines repeat a query.
    """
    key = _keyword(text, rng)
    tails = ("news", "latest", "update", "today", "2024", "live", "video", "photos", "review")
    lines = text.splitlines()
    spots = sorted(rng.sample(range(len(lines)), min(len(lines), rng.randint(4, 8))))
    for i in reversed(spots):
        lines[i] = f"{lines[i]} {key} {rng.choice(tails)}".strip()
    tags = ", ".join(f"{key} {rng.choice(tails)}" for _ in range(rng.randint(2, 5)))
    return "\n".join(lines) + f"\nTags: {tags}"


def repeated_lines(text: str, rng: random.Random) -> str:
    """The text with a few of its lines (or sentences) pasted again and again.

    >>> page = repeated_lines("One line here.\\nAnother line there.\\nA third.", random.Random(1))
    >>> len(page.splitlines()) > 3
    True
    """
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 4:
        lines = _sentences(text) or lines
    chosen = rng.sample(lines, max(1, min(len(lines), rng.randint(2, 4))))
    out = list(lines)
    copies = max(len(lines) // 2, 4)
    for _ in range(copies):
        out.insert(rng.randint(0, len(out)), rng.choice(chosen))
    return "\n".join(out)


def snippet_soup(texts: Sequence[str], rng: random.Random, snippets: int = 24) -> str:
    """Cut-off sentences from several texts, as search-result pages and scraper sites paste them.

    A snippet is the middle of a sentence: it may start in lower case and
    ends in an ellipsis.
    """
    pool = [s for t in texts for s in _sentences(t) if len(s.split()) >= 8]
    pool = pool or [t for t in texts if t.strip()]
    out = []
    for _ in range(snippets):
        words = rng.choice(pool).split()
        start = rng.randint(0, max(0, len(words) // 3))
        end = rng.randint(min(len(words), start + 5), len(words))
        piece = " ".join(words[start:end]).rstrip(".,;:!?")
        out.append(f"{piece} …" if rng.random() < 0.5 else f"{piece}...")
    group = rng.randint(1, 3)
    return "\n".join(" ".join(out[i : i + group]) for i in range(0, len(out), group))


def boilerplate_only(lines: Sequence[str], rng: random.Random, count: int = 30) -> str:
    """A page of furniture lines only: menus, share bars, sign-up and legal lines."""
    pool = [line for line in lines if line.strip()]
    return "\n".join(rng.choice(pool) for _ in range(count))
