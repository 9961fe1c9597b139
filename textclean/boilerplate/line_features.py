"""Cheap features of every line of a page and of its neighbours, as one matrix.

A furniture line is recognised less by its words than by its shape and its
surroundings (Kohlschütter et al., WSDM 2010; jusText's context pass): short,
unpunctuated, capitalised, full of links or symbols, far from the dense
prose of the article, among other lines like it. Each non-blank line becomes
one row of numbers: its own shape, its position on the page, the verdicts of
the wording rules (as features, not decisions), a learned word score, and
the shape of the two lines before and after it.

Character classes are counted for the whole page at once in NumPy (the text
as UTF-32 code points through a class table), so the cost per line is a
few string operations and one dictionary look-up per word.

>>> X = line_features(["Share on Facebook", "The council voted on Monday to close the bridge."])
>>> X.shape == (2, len(FEATURES))
True
>>> float(X[1, FEATURES.index("ends_sentence")])
1.0
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping, Sequence
from functools import lru_cache
from itertools import repeat

import numpy as np

from ..filters.stopwords import STOP_WORDS
from .features import is_quoted
from .rules import CATEGORIES

#: Character classes counted per line.
_LOWER, _UPPER, _LETTER, _DIGIT, _PUNCT, _SYMBOL, _SPACE, _OTHER = range(8)
_N_CLASSES = 8
_QUOTE_MARKS = "“”„«»\"‘’‹›「」『』"
_LINK_MARKS = ("http", "www.", ".com", ".org", ".net", ".co.", "@", "#", ".html", "://")
_BULLETS = "|•·»›▶►▸→←«‹/"
_TERMINAL = ".!?…。！？"
_CLOSERS = "\"'”’»)]"
STOP = frozenset().union(*STOP_WORDS.values())
#: Token edges stripped before words are looked up.
_EDGE = "".join(chr(c) for c in range(0x2000, 0x2070)) + "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~«»“”‘’„…·•"

#: Per-line features, in column order; neighbours repeat `CONTEXT` of them.
OWN = (
    "words",
    "chars",
    "mean_word_length",
    "capitalised",
    "upper",
    "digits",
    "punctuation",
    "symbols",
    "ends_sentence",
    "ends_colon",
    "opens_quote",
    "quote_marks",
    "quoted",
    "stop_words",
    "link_tokens",
    "bullets",
    "in_brackets",
    "copyright",
    "repeat",
    "lexical",
    "lexical_max",
    "lexical_min",
    "rule_any",
) + tuple(f"rule_{c}" for c in CATEGORIES)
POSITION = (
    "relative_position",
    "lines_before",
    "lines_after",
    "in_body",
    "before_body",
    "after_body",
    "page_lines",
    "page_prose_share",
)
CONTEXT = ("words", "ends_sentence", "lexical", "rule_any", "punctuation", "capitalised", "in_brackets")
OFFSETS = (-2, -1, 1, 2)
FEATURES = (
    OWN + POSITION + tuple(f"{name}@{o:+d}" for o in OFFSETS for name in CONTEXT)
)
_OWN_INDEX = {name: i for i, name in enumerate(OWN)}
_CONTEXT_COLUMNS = [_OWN_INDEX[name] for name in CONTEXT]
#: Value of a neighbour feature past the edge of the page.
MISSING = -1.0


@lru_cache(maxsize=1)
def _class_table() -> np.ndarray:
    """Class of every Basic Multilingual Plane code point (others count as symbols)."""
    table = np.full(0x10000, _OTHER, dtype=np.uint8)
    prefix_class = {"Ll": _LOWER, "Lu": _UPPER, "Lt": _UPPER, "Nd": _DIGIT}
    for cp in range(0x10000):
        cat = unicodedata.category(chr(cp))
        if cat in prefix_class:
            table[cp] = prefix_class[cat]
        elif cat[0] == "L":
            table[cp] = _LETTER
        elif cat[0] == "P":
            table[cp] = _PUNCT
        elif cat[0] in "SN":
            table[cp] = _SYMBOL
        elif cat[0] == "Z" or chr(cp).isspace():
            table[cp] = _SPACE
    return table


def class_counts(lines: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Per line: counts of each character class, and of capitalised word starts."""
    n = len(lines)
    if n == 0:
        return np.zeros((0, _N_CLASSES)), np.zeros(0)
    text = "\n".join(lines)
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    classes = np.where(codes < 0x10000, _class_table()[np.minimum(codes, 0xFFFF)], _SYMBOL)
    lengths = np.fromiter((len(line) for line in lines), dtype=np.int64, count=n)
    owner = np.repeat(np.arange(n), lengths + 1)[: len(codes)]  # the "\n" joins go to the line before
    classes[np.cumsum(lengths + 1)[:-1] - 1] = _SPACE
    counts = np.bincount(owner * _N_CLASSES + classes, minlength=n * _N_CLASSES)
    counts = counts.reshape(n, _N_CLASSES).astype(np.float64)
    after_space = np.empty(len(classes), dtype=bool)
    after_space[0] = True
    after_space[1:] = classes[:-1] == _SPACE
    caps = np.bincount(owner[after_space & (classes == _UPPER)], minlength=n).astype(np.float64)
    return counts, caps


def line_features(
    lines: Sequence[str],
    rule_categories: Sequence[str | None] | None = None,
    lexicon: Mapping[str, float] | None = None,
) -> np.ndarray:
    """One row of `FEATURES` per line (blank lines included, as rows of their own).

    ``rule_categories`` holds the category a wording rule gave each line (None
    where none fired); ``lexicon`` maps words (and ``^first`` / ``$last`` word
    tokens) to learned furniture weights.
    """
    n = len(lines)
    rules = rule_categories if rule_categories is not None else [None] * n
    lexicon = lexicon or {}
    X = np.zeros((n, len(FEATURES)), dtype=np.float64)
    if n == 0:
        return X
    counts, caps = class_counts(lines)
    letters = counts[:, _LOWER] + counts[:, _UPPER] + counts[:, _LETTER]
    visible = np.maximum(counts.sum(axis=1) - counts[:, _SPACE], 1.0)
    seen: set[str] = set()
    category_column = {c: _OWN_INDEX[f"rule_{c}"] for c in CATEGORIES}
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        row = X[i]
        low = stripped.lower()
        words = low.split()
        nw = len(words)
        tokens = [w.strip(_EDGE) for w in words]
        row[0] = math.log1p(nw)
        row[1] = math.log1p(len(stripped))
        row[2] = (letters[i] + counts[i, _DIGIT]) / nw
        row[3] = caps[i] / nw
        row[4] = counts[i, _UPPER] / letters[i] if letters[i] else 0.0
        row[5] = counts[i, _DIGIT] / visible[i]
        row[6] = counts[i, _PUNCT] / visible[i]
        row[7] = counts[i, _SYMBOL] / visible[i]
        tail = stripped.rstrip(_CLOSERS)
        row[8] = 1.0 if tail and tail[-1] in _TERMINAL else 0.0
        row[9] = 1.0 if stripped[-1] == ":" else 0.0
        row[10] = 1.0 if stripped[0] in _QUOTE_MARKS else 0.0
        row[11] = sum(map(stripped.count, _QUOTE_MARKS)) if not _QUOTES.isdisjoint(stripped) else 0
        row[12] = 1.0 if row[11] and is_quoted(stripped) else 0.0
        row[13] = sum(map(STOP.__contains__, tokens)) / nw
        if any(m in low for m in _LINK_MARKS):
            row[14] = sum(1 for w in words if any(m in w for m in _LINK_MARKS))
        row[15] = sum(map(stripped.count, _BULLETS)) if not _BULLET_SET.isdisjoint(stripped) else 0
        row[16] = 1.0 if stripped[0] in "([" and stripped[-1] in ")]" else 0.0
        row[17] = 1.0 if "©" in stripped or "(c)" in low or "copyright" in low else 0.0
        key = " ".join(tokens)
        row[18] = 1.0 if key in seen else 0.0
        seen.add(key)
        if lexicon:
            weights = list(map(lexicon.get, tokens, repeat(0.0)))
            weights.append(lexicon.get("^" + tokens[0], 0.0))
            weights.append(lexicon.get("$" + tokens[-1], 0.0))
            row[19] = sum(weights) / math.sqrt(nw + 2)
            row[20] = max(weights)
            row[21] = min(weights)
        category = rules[i]
        if category is not None:
            row[22] = 1.0
            column = category_column.get(category)
            if column is not None:
                row[column] = 1.0
    _position_features(lines, X)
    _context_features(X, [i for i, line in enumerate(lines) if line.strip()])
    return X


_QUOTES = frozenset(_QUOTE_MARKS)
_BULLET_SET = frozenset(_BULLETS)


def _position_features(lines: Sequence[str], X: np.ndarray) -> None:
    """Where each non-blank line sits: on the page, and around the densest prose."""
    rows = [i for i, line in enumerate(lines) if line.strip()]
    n = len(rows)
    if not n:
        return
    base = len(OWN)
    words = np.expm1(X[rows, 0])
    anchors = (words >= 12) & (X[rows, 8] > 0)
    first, last = _body_span(words, anchors)
    for j, i in enumerate(rows):
        row = X[i]
        row[base] = j / (n - 1) if n > 1 else 0.0
        row[base + 1] = math.log1p(j)
        row[base + 2] = math.log1p(n - 1 - j)
        if first <= last:
            row[base + 3] = 1.0 if first <= j <= last else 0.0
            row[base + 4] = math.log1p(first - j) if j < first else 0.0
            row[base + 5] = math.log1p(j - last) if j > last else 0.0
        row[base + 6] = math.log1p(n)
        row[base + 7] = float(anchors.mean())


def _body_span(words: np.ndarray, anchors: np.ndarray) -> tuple[int, int]:
    """The stretch of lines with the most prose: anchors score their words, others cost one."""
    gains = np.where(anchors, words, -1.0)
    best, span = 0.0, (1, 0)
    total, start = 0.0, 0
    for j, gain in enumerate(gains.tolist()):
        if total <= 0:
            total, start = 0.0, j
        total += gain
        if gain > 0 and total > best:
            best, span = total, (start, j)
    return span


def _context_features(X: np.ndarray, rows: list[int]) -> None:
    """Copy the `CONTEXT` features of the non-blank neighbours into each row."""
    n = len(rows)
    if not n:
        return
    own = X[rows][:, _CONTEXT_COLUMNS]
    width = len(CONTEXT)
    start = len(OWN) + len(POSITION)
    block = np.full((n, width * len(OFFSETS)), MISSING)
    for k, offset in enumerate(OFFSETS):
        cols = slice(k * width, (k + 1) * width)
        if offset < 0 and n > -offset:
            block[-offset:, cols] = own[:offset]
        elif offset > 0 and n > offset:
            block[:-offset, cols] = own[offset:]
    X[rows, start:] = block
