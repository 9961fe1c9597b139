"""Word alignment of a text with its spun twin: which gaps are spinner swaps.

Two texts are aligned word by word (`difflib.SequenceMatcher`, no junk
heuristic). Matching runs that hold an immutable word (`spin_view`), or at
least `ANCHOR_WORDS` words, are *anchors*: a spinner never moves them. What
lies between two anchors is a *region*; a region whose two sides differ is a
**swap** when it is short and either every word on both sides is in the
spinner's replaceable vocabulary, or both sides have the same number (at
most `MAX_GAP`) of plain lower-case words (a same-length swap between
anchors; a run of replaceable words may be twice as long, and up to
`MAX_INSERT` replaceable words may be added or dropped). Any other
difference is an **edit**: a changed lead, an added
paragraph, another name or number.

`aligned_jaccard` is the shingle Jaccard of two texts once every swap is
undone: about 1 for a spun copy, the plain value for a rewrite or a wire copy
with another lead. `unspin` uses the same regions to restore a source's
wording.

>>> a = "Police in Ohio said the new study of 42 children was important."
>>> b = "Police in Ohio said the new investigation of 42 young ones was significant."
>>> [r.kind for r in align(tokens(a), tokens(b)) if r.kind != "equal"]
['swap', 'swap']
>>> aligned_jaccard(a, b) == 1.0
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from .shingling import ngrams_of, normalize
from .spin_view import is_immutable, replaceable_words

#: Most plain words a side of a same-length swap may hold.
MAX_GAP = 8
#: Most words a spinner adds or drops between anchors ("such as" -> "such as for instance").
MAX_INSERT = 4
#: A matching run this long anchors the alignment even without an immutable word.
ANCHOR_WORDS = 3

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text: where it is, as written, and its comparison key."""

    start: int
    end: int
    text: str
    key: str


@dataclass(frozen=True, slots=True)
class Region:
    """Token ranges ``[a0, a1)`` and ``[b0, b1)`` of the two texts, and what lies between them."""

    a0: int
    a1: int
    b0: int
    b1: int
    kind: str  # "equal", "swap" or "edit"


def tokens(text: str) -> list[Token]:
    """The words of ``text`` with their spans; keys are NFKC case-folded.

    >>> [t.key for t in tokens("The STUDY, in 2020.")]
    ['the', 'study', 'in', '2020']
    """
    return [
        Token(m.start(), m.end(), m.group(), normalize(m.group())) for m in _WORD.finditer(text)
    ]


def _anchor(run: list[Token], vocab: frozenset[str]) -> bool:
    return len(run) >= ANCHOR_WORDS or any(is_immutable(t.key, vocab) for t in run)


def _plain_word(t: Token, vocab: frozenset[str]) -> bool:
    return t.text.isalpha() and (t.text.islower() or t.key in vocab)


def classify(a: list[Token], b: list[Token], vocab: frozenset[str] | None = None) -> str:
    """``equal``, ``swap`` or ``edit`` for the two sides of a region."""
    vocab = replaceable_words() if vocab is None else vocab
    if [t.key for t in a] == [t.key for t in b]:
        return "equal"
    replaceable = all(not is_immutable(t.key, vocab) for t in a + b)
    if not a or not b:
        return "swap" if replaceable and len(a + b) <= MAX_INSERT else "edit"
    if replaceable and max(len(a), len(b)) <= 2 * MAX_GAP:
        return "swap"
    if len(a) == len(b) <= MAX_GAP and all(_plain_word(t, vocab) for t in a + b):
        return "swap"
    return "edit"


def align(a: list[Token], b: list[Token], vocab: frozenset[str] | None = None) -> list[Region]:
    """Regions covering both token lists in order: anchors (``equal``) and the gaps between."""
    vocab = replaceable_words() if vocab is None else vocab
    matcher = SequenceMatcher(None, [t.key for t in a], [t.key for t in b], autojunk=False)
    out: list[Region] = []
    i = j = 0
    for bi, bj, n in matcher.get_matching_blocks():
        if n and not _anchor(a[bi : bi + n], vocab):
            continue  # a weak match (stop words) stays inside the gap around it
        if bi > i or bj > j:
            out.append(Region(i, bi, j, bj, classify(a[i:bi], b[j:bj], vocab)))
        if n:
            out.append(Region(bi, bi + n, bj, bj + n, "equal"))
        i, j = bi + n, bj + n
    return out


def undone_keys(a: list[Token], b: list[Token], regions: list[Region]) -> list[str]:
    """``b``'s keys with every swap replaced by ``a``'s wording."""
    out: list[str] = []
    for r in regions:
        side = a[r.a0 : r.a1] if r.kind == "swap" else b[r.b0 : r.b1]
        out += [t.key for t in side]
    return out


def aligned_jaccard(
    a_text: str, b_text: str, ngram: int = 5, vocab: frozenset[str] | None = None
) -> float:
    """Jaccard similarity of the word ``ngram``-grams once the spinner's swaps are undone.

    >>> aligned_jaccard("Ann Lee met Bob Day in Rome.", "Kim Ito met Tom Rey in Oslo.")
    0.0
    """
    a, b = tokens(a_text), tokens(b_text)
    left = set(ngrams_of([t.key for t in a], ngram))
    right = set(ngrams_of(undone_keys(a, b, align(a, b, vocab)), ngram))
    union = len(left | right)
    return len(left & right) / union if union else 1.0
