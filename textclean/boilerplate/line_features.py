"""Cheap features of every line of a page and of its neighbours, as one matrix.

A furniture line is recognised less by its words than by its shape and its
surroundings (Kohlschütter et al., WSDM 2010; jusText's context pass): short,
unpunctuated, capitalised, full of links or symbols, far from the dense
prose of the article, among other lines like it. Each non-blank line becomes
one row of numbers: its own shape, its position on the page, the verdicts of
the wording rules, a learned word score, and
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
from ahocorasick_rs import AhoCorasick

from ..filters.stopwords import STOP_WORDS
from .features import is_quoted
from .rules import CATEGORIES

#: Character classes counted per line.
_LOWER, _UPPER, _LETTER, _DIGIT, _PUNCT, _SYMBOL, _SPACE, _OTHER = range(8)
_N_CLASSES = 8
_QUOTE_MARKS = '“”„«»"‘’‹›「」『』'
_LINK_MARKS = ("http", "www.", ".com", ".org", ".net", ".co.", "@", "#", ".html", "://")
_BULLETS = "|•·»›▶►▸→←«‹/"
_TERMINAL = ".!?…。！？"
_CLOSERS = "\"'”’»)]"
STOP = frozenset().union(*STOP_WORDS.values())
#: Token edges stripped before words are looked up.
_EDGE = (
    "".join(chr(c) for c in range(0x2000, 0x2070)) + "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~«»“”‘’„…·•"
)

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
    "ends_in_brackets",
    "credit_slash",
    "reader_words",
    "publisher_words",
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
CONTEXT = (
    "words",
    "ends_sentence",
    "lexical",
    "rule_any",
    "punctuation",
    "capitalised",
    "in_brackets",
)
OFFSETS = (-2, -1, 1, 2)
FEATURES = OWN + POSITION + tuple(f"{name}@{o:+d}" for o in OFFSETS for name in CONTEXT)
_OWN_INDEX = {name: i for i, name in enumerate(OWN)}
_REPEAT = OWN.index("repeat")
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
    if not text:
        return np.zeros((n, _N_CLASSES)), np.zeros(n)
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    classes = np.where(codes < 0x10000, _class_table()[np.minimum(codes, 0xFFFF)], _SYMBOL)
    lengths = np.fromiter((len(line) for line in lines), dtype=np.int64, count=n)
    owner = np.repeat(np.arange(n), lengths + 1)[
        : len(codes)
    ]  # the "\n" joins go to the line before
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
    memo: dict[str, tuple[list[float], str]] | None = None,
) -> np.ndarray:
    """One row of `FEATURES` per line (blank lines included, as rows of their own).

    ``rule_categories`` holds the category a wording rule gave each line (None
    where none fired); ``lexicon`` maps words (and ``^first`` / ``$last`` word
    tokens) to learned furniture weights. ``memo`` keeps each line's own
    features between calls with the same rules and lexicon (a page judged
    again after removals): only position and context are worked out anew.
    """
    n = len(lines)
    rules = rule_categories if rule_categories is not None else [None] * n
    lexicon = lexicon or {}
    X = np.zeros((n, len(FEATURES)), dtype=np.float64)
    if n == 0:
        return X
    counts, caps = class_counts(lines)
    letters_all = (counts[:, _LOWER] + counts[:, _UPPER] + counts[:, _LETTER]).tolist()
    visible_all = np.maximum(counts.sum(axis=1) - counts[:, _SPACE], 1.0).tolist()
    upper_all = counts[:, _UPPER].tolist()
    digits_all = counts[:, _DIGIT].tolist()
    punct_all = counts[:, _PUNCT].tolist()
    symbol_all = counts[:, _SYMBOL].tolist()
    caps_all = caps.tolist()
    seen: set[str] = set()
    rows: list[int] = []
    own: list[list[float]] = []
    n_categories = len(CATEGORIES)
    log1p, sqrt = math.log1p, math.sqrt
    stop = STOP.__contains__
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        entry = memo.get(stripped) if memo is not None else None
        if entry is not None:
            row, key = entry
            row = list(row)
            row[_REPEAT] = 1.0 if key in seen else 0.0
            seen.add(key)
            rows.append(i)
            own.append(row)
            continue
        low = stripped.lower()
        words = low.split()
        nw = len(words)
        tokens = [w.strip(_EDGE) for w in words]
        letters, visible = letters_all[i], visible_all[i]
        tail = stripped.rstrip(_CLOSERS)
        first, last = stripped[0], stripped[-1]
        quote_marks = 0
        quoted = 0.0
        if not _QUOTES.isdisjoint(stripped):
            quote_marks = sum(map(stripped.count, _QUOTE_MARKS))
            if not _OPENERS.isdisjoint(stripped):
                quoted = 1.0 if is_quoted(stripped) else 0.0
        links = 0
        if _may_link(low):
            links = sum(1 for w in words if _may_link(w))
        bullets = 0
        if not _BULLET_SET.isdisjoint(stripped):
            bullets = sum(map(stripped.count, _BULLETS))
        key = " ".join(tokens)
        repeated = 0.0  # set below, once the line is compared with those before it
        lexical = lexical_max = lexical_min = 0.0
        if lexicon:
            keys = lexicon_keys(tokens)
            weights = list(map(lexicon.get, keys, repeat(0.0, len(keys))))
            lexical = sum(weights) / sqrt(len(keys))
            lexical_max = max(weights)
            lexical_min = min(weights)
        category = rules[i]
        rule_flags = [0.0] * n_categories
        if category is not None and category in _CATEGORY_INDEX:
            rule_flags[_CATEGORY_INDEX[category]] = 1.0
        rows.append(i)
        own.append(
            [
                log1p(nw),
                log1p(len(stripped)),
                (letters + digits_all[i]) / nw,
                caps_all[i] / nw,
                upper_all[i] / letters if letters else 0.0,
                digits_all[i] / visible,
                punct_all[i] / visible,
                symbol_all[i] / visible,
                1.0 if tail and tail[-1] in _TERMINAL else 0.0,
                1.0 if last == ":" else 0.0,
                1.0 if first in _QUOTE_MARKS else 0.0,
                quote_marks,
                quoted,
                sum(map(stop, tokens)) / nw,
                links,
                bullets,
                1.0 if first in "([" and last in ")]" else 0.0,
                1.0 if last in ")]" else 0.0,
                1.0 if last in ")]" and "/" in stripped[stripped.rfind("(") :] else 0.0,
                sum(map(_READER.__contains__, tokens)) / nw,
                sum(map(_PUBLISHER.__contains__, tokens)) / nw,
                1.0 if "©" in stripped or "(c)" in low or "copyright" in low else 0.0,
                repeated,
                lexical,
                lexical_max,
                lexical_min,
                0.0 if category is None else 1.0,
                *rule_flags,
            ]
        )
        if memo is not None:
            memo[stripped] = (own[-1], key)
        own[-1] = list(own[-1])
        own[-1][_REPEAT] = 1.0 if key in seen else 0.0
        seen.add(key)
    if rows:
        X[rows, : len(OWN)] = own
    _position_features(lines, X)
    _context_features(X, rows)
    return X


def lexicon_keys(tokens: list[str]) -> list[str]:
    """What the word weights are keyed on: the words, their pairs, the first and last word.

    >>> lexicon_keys(["get", "our", "briefing"])
    ['get', 'our', 'briefing', 'get our', 'our briefing', '^get', '$briefing']
    """
    if not tokens:
        return []
    pairs = [a + " " + b for a, b in zip(tokens, tokens[1:], strict=False)]
    return tokens + pairs + ["^" + tokens[0], "$" + tokens[-1]]


def _may_link(text: str) -> bool:
    return bool(_LINK_AUTOMATON.find_matches_as_indexes(text))


_LINK_AUTOMATON = AhoCorasick(list(_LINK_MARKS))


_CATEGORY_INDEX = {c: k for k, c in enumerate(CATEGORIES)}
#: Words that address the reader, and words of a publisher speaking of itself:
#: pitches, prompts and notices use them; reporting rarely does.
_READER = frozenset(["you", "your", "you'll", "you're", "yours", "you’ll", "you’re", "you've"])
_PUBLISHER = frozenset(["we", "our", "us", "we'll", "we're", "we’ll", "we’re", "ours"])
_QUOTES = frozenset(_QUOTE_MARKS)
#: Marks that can open a quotation (`is_quoted` is only asked when one is there).
_OPENERS = frozenset('“„«"‹「『')
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
    prose_share = float(anchors.mean())
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
        row[base + 7] = prose_share


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
