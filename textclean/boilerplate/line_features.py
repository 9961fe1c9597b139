"""Cheap features of every line of a page and of its neighbours, as one matrix.

A furniture line is recognised less by its words than by its shape and its
surroundings (Kohlschütter et al., WSDM 2010; jusText's context pass): short,
unpunctuated, capitalised, full of links or symbols, far from the dense
prose of the article, among other lines like it. Each non-blank line becomes
one row of numbers: its own shape, its position on the page, the verdicts of
the wording rules, a learned word score, and
the shape of the two lines before and after it.

The page is worked on whole, in two parts. `own_features` computes each
line's own row once: character classes, quote marks and bullets from one
NumPy pass over the page's code points through a class table; words from
one split per line (`line_words`: runs of Chinese or Japanese characters
cut into words of up to three) and one look-up per word, word pair and edge word in a
`WordTable` (which also answers the stop-word, reader and publisher lists and
the category head); per-line sums, maxima and minima by NumPy reductions;
link marks by one automaton pass. `assemble` adds what depends on which
lines are left (the repeat flag, position, neighbours) by array shifts, so
a page judged again after removals reuses the own rows of the lines left.

>>> X = line_features(["Share on Facebook", "The council voted on Monday to close the bridge."])
>>> X.shape == (2, len(FEATURES))
True
>>> float(X[1, FEATURES.index("ends_sentence")])
1.0
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, repeat

import numpy as np
from ahocorasick_rs import AhoCorasick

from ..code_point_scans import split_spaces
from ..filters.stopwords import STOP_WORDS
from ..phrase_search import find_matches
from .features import ends_sentence, is_quoted
from .line_words import line_words
from .rules import CATEGORIES

#: Character classes counted per line.
_LOWER, _UPPER, _LETTER, _DIGIT, _PUNCT, _SYMBOL, _SPACE, _OTHER = range(8)
_N_CLASSES = 8
_QUOTE_MARKS = '“”„«»"‘’‹›「」『』'
_LINK_MARKS = ("http", "www.", ".com", ".org", ".net", ".co.", "@", "#", ".html", "://")
_BULLETS = "|•·»›▶►▸→←«‹/"
STOP = frozenset().union(*STOP_WORDS.values())
#: Token edges stripped before words are looked up: ASCII and general punctuation, and
#: the marks of Chinese and Japanese (ideographic commas, full stops and brackets, and
#: the full-width forms of ASCII's marks), so ``的，`` is looked up as ``的``.
_EDGE = (
    "".join(chr(c) for c in range(0x2000, 0x2070))
    + "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~«»“”‘’„…·•"
    + "、。〃〈〉《》「」『』【】〔〕〖〗〘〙〚〛〜〝〞〟・"
    + "".join(
        chr(c)
        for c in (*range(0xFF01, 0xFF10), *range(0xFF1A, 0xFF21), *range(0xFF3B, 0xFF41))
        + (*range(0xFF5B, 0xFF66),)
    )
)

_ASCII_EDGE = "".join(c for c in _EDGE if c.isascii())

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
#: What the second pass adds to `FEATURES`: the first pass's furniture
#: probability of the line, of its neighbours, of the lines near it and of the
#: page, and how many lines around it the first pass already finds furniture.
STACKED = (
    "p",
    "p@-2",
    "p@-1",
    "p@+1",
    "p@+2",
    "p_near_mean",
    "p_near_max",
    "p_page_mean",
    "p_run",
)
#: Lines either side that `p_near_mean` and `p_near_max` look at.
NEAR = 3
#: First-pass probability from which a line counts into `p_run`.
RUN_FROM = 0.5
_OWN_INDEX = {name: i for i, name in enumerate(OWN)}
_REPEAT = OWN.index("repeat")
_RULE_BASE = OWN.index("rule_any") + 1
_CONTEXT_COLUMNS = [_OWN_INDEX[name] for name in CONTEXT]
#: Value of a neighbour feature past the edge of the page.
MISSING = -1.0


def class_of(char: str) -> int:
    """The class `class_counts` counts ``char`` in (for a Basic Multilingual Plane character)."""
    cat = unicodedata.category(char)
    if cat in _PREFIX_CLASS:
        return _PREFIX_CLASS[cat]
    if cat[0] == "L":
        return _LETTER
    if cat[0] == "P":
        return _PUNCT
    if cat[0] in "SN":
        return _SYMBOL
    if cat[0] == "Z" or char.isspace():
        return _SPACE
    return _OTHER


_PREFIX_CLASS = {"Ll": _LOWER, "Lu": _UPPER, "Lt": _UPPER, "Nd": _DIGIT}


@lru_cache(maxsize=1)
def _class_table() -> np.ndarray:
    """`class_of` every Basic Multilingual Plane code point (others count as symbols).

    The class depends on the category alone but for the spaces among the
    control characters, so each code point's category is read once at C speed
    and the few spaces put in after (a call of `class_of` per code point costs
    several times more, in every worker).
    """
    by_category = {cat: _class_of_category(cat) for cat in _CATEGORIES}
    categories = map(unicodedata.category, map(chr, range(0x10000)))
    table = np.frombuffer(bytes(map(by_category.__getitem__, categories)), dtype=np.uint8).copy()
    for char in split_spaces():
        if ord(char) < 0x10000 and table[ord(char)] == _OTHER:
            table[ord(char)] = _SPACE
    return table


def _class_of_category(cat: str) -> int:
    """`class_of` a character of category ``cat`` that is not a space."""
    if cat in _PREFIX_CLASS:
        return _PREFIX_CLASS[cat]
    return {"L": _LETTER, "P": _PUNCT, "S": _SYMBOL, "N": _SYMBOL, "Z": _SPACE}.get(cat[0], _OTHER)


#: Every general category `unicodedata.category` gives.
_CATEGORIES = (
    "Lu Ll Lt Lm Lo Mn Mc Me Nd Nl No Pc Pd Ps Pe Pi Pf Po Sm Sc Sk So Zs Zl Zp Cc Cf Cs Co Cn"
).split()


@lru_cache(maxsize=1)
def _mark_table() -> np.ndarray:
    """Bit 1: a quote mark; bit 2: a bullet (some marks are both)."""
    table = np.zeros(0x10000, dtype=np.uint8)
    for c in _QUOTE_MARKS:
        table[ord(c)] |= 1
    for c in _BULLETS:
        table[ord(c)] |= 2
    return table


def class_counts(lines: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Per line: counts of each character class, and of capitalised word starts."""
    counts, caps, _marks = _char_counts(lines)
    return counts, caps


def _char_counts(lines: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per line: class counts, capitalised word starts, and (quote marks, bullets).

    One pass over the page's code points: no per-line Python.
    """
    n = len(lines)
    if n == 0:
        return np.zeros((0, _N_CLASSES)), np.zeros(0), np.zeros((0, 2))
    text = "\n".join(lines)
    if not text:
        return np.zeros((n, _N_CLASSES)), np.zeros(n), np.zeros((n, 2))
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    bmp = np.minimum(codes, 0xFFFF)
    classes = np.where(codes < 0x10000, _class_table()[bmp], _SYMBOL)
    lengths = np.fromiter(map(len, lines), dtype=np.int64, count=n)
    # The "\n" joins go to the line before, and count as spaces.
    owner = np.repeat(np.arange(n), lengths + 1)[: len(codes)]
    classes[np.cumsum(lengths + 1)[:-1] - 1] = _SPACE
    counts = np.bincount(owner * _N_CLASSES + classes, minlength=n * _N_CLASSES)
    counts = counts.reshape(n, _N_CLASSES).astype(np.float64)
    after_space = np.empty(len(classes), dtype=bool)
    after_space[0] = True
    after_space[1:] = classes[:-1] == _SPACE
    caps = np.bincount(owner[after_space & (classes == _UPPER)], minlength=n).astype(np.float64)
    marks = _mark_table()[bmp]
    quotes = np.bincount(owner[(marks & 1) > 0], minlength=n)
    bullets = np.bincount(owner[(marks & 2) > 0], minlength=n)
    return counts, caps, np.stack([quotes, bullets], axis=1).astype(np.float64)


@dataclass(frozen=True, slots=True)
class OwnFeatures:
    """The `OWN` features of every line of a page, computed once and reused by later rounds.

    ``rows`` holds the own row of each line (zeros for blank ones, whose
    ``present`` is False); ``keys`` the line's words as the repeat test
    compares them, ``stripped`` the line without its outer spaces, ``words``
    its number of words, and ``category`` the category head's pick (-1
    without a head or for a blank line). The ``repeat`` column is filled in
    by `assemble`, which sees which lines come before which.
    """

    rows: np.ndarray
    keys: list[str]
    present: np.ndarray
    stripped: list[str]
    words: np.ndarray
    category: np.ndarray

    def take(self, index: Sequence[int]) -> OwnFeatures:
        """The lines at ``index``, in that order."""
        at = np.asarray(index, dtype=np.int64)
        pick = at.tolist()
        return OwnFeatures(
            self.rows[at],
            [self.keys[i] for i in pick],
            self.present[at],
            [self.stripped[i] for i in pick],
            self.words[at],
            self.category[at],
        )

    def put(self, index: Sequence[int], other: OwnFeatures) -> None:
        """Overwrite the lines at ``index`` with ``other``'s lines, in order."""
        for field in ("rows", "present", "words", "category"):
            getattr(self, field)[list(index)] = getattr(other, field)
        for j, i in enumerate(index):
            self.keys[i] = other.keys[j]
            self.stripped[i] = other.stripped[j]


def own_features(
    lines: Sequence[str],
    rule_categories: Sequence[str | None] | None = None,
    lexicon: Mapping[str, float] | WordTable | None = None,
) -> OwnFeatures:
    """Each line's own shape, words and rule verdict, for all lines of a page at once.

    Character classes come from one NumPy pass over the page; words from one
    split per line and one dictionary look-up per word, pair and edge word;
    per-line sums, maxima and minima from NumPy reductions.
    """
    n = len(lines)
    rows = np.zeros((n, len(OWN)), dtype=np.float64)
    stripped = [line.strip() for line in lines]
    at = [i for i, s in enumerate(stripped) if s]
    present = np.zeros(n, dtype=bool)
    present[at] = True
    keys = [""] * n
    words = np.zeros(n, dtype=np.int64)
    category = np.full(n, -1, dtype=np.int64)
    if not at:
        return OwnFeatures(rows, keys, present, stripped, words, category)
    texts = [stripped[i] for i in at] if len(at) < n else stripped
    m = len(texts)
    counts, caps, marks = _char_counts(texts)
    lows = list(map(str.lower, texts))
    joined = "\n".join(lows)
    split = line_words(lows, joined)
    nw = np.fromiter(map(len, split), dtype=np.int64, count=m)
    tokens = strip_edges(chain.from_iterable(split))
    ends = np.cumsum(nw)
    starts = ends - nw
    owner = np.repeat(np.arange(m), nw)
    per_word = nw.astype(np.float64)

    table = lexicon if isinstance(lexicon, WordTable) else _table_of(lexicon or {})
    # A list first: `np.array` converts a list of ints faster than `np.fromiter` an iterator.
    ids = np.array(list(map(table.index.get, tokens, repeat(0))), dtype=np.int64)
    flags = table.flags[ids]

    def share(bit: int) -> np.ndarray:
        return np.bincount(owner[(flags & bit) > 0], minlength=m) / per_word

    letters = counts[:, _LOWER] + counts[:, _UPPER] + counts[:, _LETTER]
    visible = np.maximum(counts.sum(axis=1) - counts[:, _SPACE], 1.0)
    # The marks at each line's edges, and a copyright notice, in one pass over the lines.
    edges = np.array(
        [
            (
                ends_sentence(t),
                t[-1] == ":",
                t[0] in _QUOTE_MARKS,
                t[-1] in ")]",
                t[0] in "([",
                "©" in t or "(c)" in low or "copyright" in low,
            )
            for t, low in zip(texts, lows, strict=True)
        ],
        dtype=np.float64,
    )
    closes = edges[:, 3]
    own = np.zeros((m, len(OWN)), dtype=np.float64)
    col = _OWN_INDEX
    own[:, col["words"]] = _log1p(nw.tolist())
    own[:, col["chars"]] = _log1p(map(len, texts))
    own[:, col["mean_word_length"]] = (letters + counts[:, _DIGIT]) / per_word
    own[:, col["capitalised"]] = caps / per_word
    own[:, col["upper"]] = np.divide(counts[:, _UPPER], letters, out=np.zeros(m), where=letters > 0)
    own[:, col["digits"]] = counts[:, _DIGIT] / visible
    own[:, col["punctuation"]] = counts[:, _PUNCT] / visible
    own[:, col["symbols"]] = counts[:, _SYMBOL] / visible
    own[:, col["ends_sentence"]] = edges[:, 0]
    own[:, col["ends_colon"]] = edges[:, 1]
    own[:, col["opens_quote"]] = edges[:, 2]
    own[:, col["quote_marks"]] = marks[:, 0]
    own[:, col["bullets"]] = marks[:, 1]
    own[:, col["in_brackets"]] = closes * edges[:, 4]
    own[:, col["ends_in_brackets"]] = closes
    for j in np.flatnonzero(closes).tolist():
        t = texts[j]
        own[j, col["credit_slash"]] = 1.0 if "/" in t[t.rfind("(") :] else 0.0
    own[:, col["stop_words"]] = share(_STOP_BIT)
    own[:, col["reader_words"]] = share(_READER_BIT)
    own[:, col["publisher_words"]] = share(_PUBLISHER_BIT)
    own[:, col["copyright"]] = edges[:, 5]
    for j in np.flatnonzero(marks[:, 0]).tolist():
        if not _OPENERS.isdisjoint(texts[j]):
            own[j, col["quoted"]] = 1.0 if is_quoted(texts[j]) else 0.0
    for j in _linked(lows, joined):
        own[j, col["link_tokens"]] = sum(1 for w in split[j] if _may_link(w))
    own[:, col["lexical"] : col["lexical_min"] + 1], scores = _word_scores(
        tokens, ids, owner, starts, ends, table
    )
    rows[at] = own
    words[at] = nw
    if scores is not None:
        category[at] = np.argmax(scores, axis=1)
    for j, i in enumerate(at):
        keys[i] = " ".join(tokens[starts[j] : ends[j]])
    out = OwnFeatures(rows, keys, present, stripped, words, category)
    if rule_categories is not None:
        mark_rules(out, rule_categories)
    return out


def strip_edges(words: Iterable[str]) -> list[str]:
    """Each word without the marks at its edges: ``word.strip(_EDGE)``, faster.

    A word of letters and digits has no edge mark to lose (no mark is a letter
    or digit), and an ASCII word only ASCII ones, which a short set strips faster.

    >>> strip_edges(["“Hello,", "world", "—", "u.s."])
    ['Hello', 'world', '', 'u.s']
    """
    return [
        w if w.isalnum() else (w.strip(_ASCII_EDGE) if w.isascii() else w.strip(_EDGE))
        for w in words
    ]


def mark_rules(own: OwnFeatures, rule_categories: Sequence[str | None]) -> None:
    """Set the rule columns: the category a wording rule gave each line (None: no rule)."""
    for i, found in enumerate(rule_categories):
        if found is not None and own.present[i]:
            own.rows[i, _RULE_BASE - 1] = 1.0
            if found in _CATEGORY_INDEX:
                own.rows[i, _RULE_BASE + _CATEGORY_INDEX[found]] = 1.0


def _log1p(values: Iterable[int]) -> np.ndarray:
    """``math.log1p`` of each value: NumPy's may differ in the last bit, and the
    trees and the prose test (``words >= 12``) were fitted on these exact values."""
    return np.fromiter(map(math.log1p, values), dtype=np.float64)


def _linked(lows: list[str], joined: str) -> list[int]:
    """Lines holding a link-like mark, from one automaton pass over the page (``joined``:
    the lines joined by newlines)."""
    found = find_matches(_LINK_AUTOMATON, joined, overlapping=True)
    if not found:
        return []
    line_starts = np.cumsum([0] + [len(low) + 1 for low in lows[:-1]])
    at = np.fromiter((start for _k, start, _e in found), dtype=np.int64, count=len(found))
    # Few lines hold a mark: a set is cheaper than `np.unique`, whose first call imports numpy.ma.
    return sorted(set((np.searchsorted(line_starts, at, side="right") - 1).tolist()))


_STOP_BIT, _READER_BIT, _PUBLISHER_BIT = 1, 2, 4


class WordTable:
    """Word weights, per-category word weights and word lists behind one look-up per key.

    Every word is looked up once in ``index``; the id it gives reads the
    word's weight, its category weights and whether it is a stop word, a word
    addressing the reader or one of a publisher speaking of itself
    (``flags``). Row 0 stands for a key the tables do not know. The other keys
    of `lexicon_keys` are found from the word ids alone, with no string built:
    a pair by its two words' ids (`pair_ids`), an edge word by its word's id
    (``first_edge``, ``last_edge``). So every word a pair or edge key is made
    of has an id too, with no weight of its own when the tables give it none.
    """

    def __init__(
        self,
        lexicon: Mapping[str, float],
        category_lexicon: Mapping[str, np.ndarray] | None = None,
        category_bias: np.ndarray | None = None,
    ):
        category_lexicon = category_lexicon or {}
        known = set(lexicon) | set(category_lexicon)
        keys = sorted(known | _key_words(known) | STOP | _READER | _PUBLISHER)
        self.index = {key: k + 1 for k, key in enumerate(keys)}
        self._link_keys(known)
        self.weights = np.zeros(len(keys) + 1)
        self.weights[1:] = [lexicon.get(key, 0.0) for key in keys]
        self.flags = np.zeros(len(keys) + 1, dtype=np.uint8)
        for bit, words in ((_STOP_BIT, STOP), (_READER_BIT, _READER), (_PUBLISHER_BIT, _PUBLISHER)):
            self.flags[[self.index[w] for w in words]] |= bit
        self.bias = category_bias
        self.category: np.ndarray | None = None
        self.categorised = np.zeros(len(keys) + 1, dtype=bool)
        if category_bias is not None:
            self.category = np.zeros((len(keys) + 1, len(category_bias)))
            for key, weights in category_lexicon.items():
                self.category[self.index[key]] = weights
                self.categorised[self.index[key]] = True

    def _link_keys(self, known: Iterable[str]) -> None:
        """Index the pair keys by their words' ids and the edge keys by their word's id."""
        size = len(self.index) + 1
        self.first_edge = np.zeros(size, dtype=np.int64)
        self.last_edge = np.zeros(size, dtype=np.int64)
        codes, pair_keys = [], []
        for key in known:
            if key[:1] == "^":
                self.first_edge[self.index[key[1:]]] = self.index[key]
            elif key[:1] == "$":
                self.last_edge[self.index[key[1:]]] = self.index[key]
            if key.count(" ") == 1:
                a, b = key.split(" ")
                codes.append(self.index[a] * size + self.index[b])
                pair_keys.append(self.index[key])
        order = np.argsort(np.asarray(codes, dtype=np.int64), kind="stable")
        self._pair_codes = np.asarray(codes, dtype=np.int64)[order]
        self._pair_keys = np.asarray(pair_keys, dtype=np.int64)[order]
        # Which words begin and which end some pair key: most neighbours are neither.
        self._opens_pair = np.zeros(size, dtype=bool)
        self._opens_pair[self._pair_codes // size] = True
        self._closes_pair = np.zeros(size, dtype=bool)
        self._closes_pair[self._pair_codes % size] = True

    def pair_ids(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """The id of the key ``"<first> <second>"`` for each pair of word ids (0: none).

        Words never hold a space, so a pair key is told apart by its one space,
        and two words make it exactly when their ids are its words' ids.
        """
        out = np.zeros(len(first), dtype=np.int64)
        if not len(self._pair_codes) or not len(first):
            return out
        maybe = np.flatnonzero(self._opens_pair[first] & self._closes_pair[second])
        codes = first[maybe] * (len(self.index) + 1) + second[maybe]
        at = np.minimum(np.searchsorted(self._pair_codes, codes), len(self._pair_codes) - 1)
        out[maybe] = np.where(self._pair_codes[at] == codes, self._pair_keys[at], 0)
        return out


def _key_words(keys: Iterable[str]) -> set[str]:
    """The words that pair keys (``"a b"``) and edge keys (``"^a"``, ``"$a"``) are made of."""
    words: set[str] = set()
    for key in keys:
        if key[:1] in ("^", "$"):
            words.add(key[1:])
        if key.count(" ") == 1:
            words.update(key.split(" "))
    return words


_LAST_TABLE: list[tuple[Mapping[str, float], int, WordTable]] = []


def _table_of(lexicon: Mapping[str, float]) -> WordTable:
    """A `WordTable` for a plain mapping, reused while the same unchanged mapping comes back
    (a training run passes one lexicon for thousands of pages)."""
    if _LAST_TABLE:
        known, size, table = _LAST_TABLE[0]
        if known is lexicon and size == len(lexicon):
            return table
    table = WordTable(lexicon)
    _LAST_TABLE[:] = [(lexicon, len(lexicon), table)]
    return table


def _word_scores(
    tokens: list[str],
    ids: np.ndarray,
    owner: np.ndarray,
    starts: np.ndarray,
    ends: np.ndarray,
    table: WordTable,
) -> tuple[np.ndarray, np.ndarray | None]:
    """Per line: the lexical sum over the root of the key count, max and min of the word
    weights; and the category head's scores (None without a head).

    The keys are those of `lexicon_keys`, in its order (words, pairs of
    neighbouring words within the line, first word, last word), so every sum
    adds in the same order as one line's look-ups would.
    """
    m = len(starts)
    inner = owner[:-1] == owner[1:]
    # Pairs of every two neighbouring words within a line, and the edge words, by id.
    pair_ids = table.pair_ids(ids[:-1][inner], ids[1:][inner])
    edge_ids = np.concatenate([table.first_edge[ids[starts]], table.last_edge[ids[ends - 1]]])
    ids = np.concatenate([ids, pair_ids, edge_ids])
    lines = np.arange(m)
    pair_owner = owner[:-1][inner]
    owners = np.concatenate([owner, pair_owner, lines, lines])
    values = table.weights[ids]
    total = np.bincount(owners, weights=values, minlength=m)
    nw = ends - starts
    out = np.empty((m, 3))
    out[:, 0] = total / np.sqrt(2 * nw + 1)
    # Each kind of key sits in line order, so maxima and minima reduce over runs.
    n_tokens, n_pairs = len(tokens), len(pair_owner)
    word_values = values[:n_tokens]
    edge_values = values[n_tokens + n_pairs :].reshape(2, m)
    high = np.maximum(np.maximum.reduceat(word_values, starts), edge_values.max(axis=0))
    low = np.minimum(np.minimum.reduceat(word_values, starts), edge_values.min(axis=0))
    if n_pairs:
        paired = np.flatnonzero(nw > 1)
        pair_values = values[n_tokens : n_tokens + n_pairs]
        offsets = (starts - lines)[paired]  # a line's pairs start after the pairs of those before
        high[paired] = np.maximum(high[paired], np.maximum.reduceat(pair_values, offsets))
        low[paired] = np.minimum(low[paired], np.minimum.reduceat(pair_values, offsets))
    out[:, 1] = high
    out[:, 2] = low
    if table.category is None or table.bias is None:
        return out, None
    known = table.categorised[ids]
    rows = table.category[ids[known]]
    width = rows.shape[1]
    # One count over (line, category) cells adds each cell's weights in key order, as a
    # count per category would.
    cells = (owners[known] * width)[:, None] + np.arange(width)
    scores = np.bincount(cells.ravel(), weights=rows.ravel(), minlength=m * width)
    return out, scores.reshape(m, width) + table.bias


def assemble(own: OwnFeatures) -> np.ndarray:
    """The full `FEATURES` matrix of a page from its lines' own rows, in page order:
    the repeat flag, position on the page and the neighbours' features."""
    X = np.zeros((len(own.keys), len(FEATURES)), dtype=np.float64)
    rows = np.flatnonzero(own.present)
    if not len(rows):
        return X
    # The non-blank lines, worked on as one block (X itself when no line is blank).
    dense = len(rows) == len(X)
    Y = X if dense else np.zeros((len(rows), len(FEATURES)), dtype=np.float64)
    Y[:, : len(OWN)] = own.rows if dense else own.rows[rows]
    keys = [own.keys[i] for i in rows.tolist()]
    Y[:, _REPEAT] = _repeats(keys)
    _to_english_scale(Y, keys)
    _position_features(Y)
    _context_features(Y)
    if not dense:
        X[rows] = Y
    return X


#: The prose of English pages, which the trees learnt from: over the scraper-output
#: training pages, the median of each page's median over its prose lines (twelve words
#: or more, ending like a sentence), and the 95th percentile of those page medians.
ENGLISH_PROSE = {"mean_word_length": (4.90, 5.42), "capitalised": (0.129, 0.231)}
#: Below this share of English function words in its prose, a page is not in English:
#: English prose pages hold 0.18 or more, pages in 21 other languages 0.06 at most.
ENGLISH_FUNCTION_WORDS = 0.10
#: Fewer prose lines than this and a page's prose is not measured.
MIN_PROSE_LINES = 3
#: Words of a line of prose (with a sentence's end), as `layout.is_anchor` counts them.
PROSE_WORDS = 12
_ENGLISH_STOP = STOP_WORDS["en"]
_LONG = math.log1p(PROSE_WORDS)
_MEAN_WORD_LENGTH = OWN.index("mean_word_length")
_CAPITALISED = OWN.index("capitalised")
_WORDS = OWN.index("words")
_ENDS = OWN.index("ends_sentence")


def english_prose(keys: Sequence[str], prose: np.ndarray) -> bool:
    """Whether a page's prose lines (``prose``, a mask over the lines' ``keys``) are in
    English, as the word weights and the trees learnt it: `ENGLISH_FUNCTION_WORDS`
    or more of their words are English function words."""
    words = [w for i in np.flatnonzero(prose).tolist() for w in keys[i].split()]
    return sum(map(_ENGLISH_STOP.__contains__, words)) >= ENGLISH_FUNCTION_WORDS * len(words)


def _to_english_scale(Y: np.ndarray, keys: list[str]) -> None:
    """Bring a page in another language whose prose has longer words or more capitals
    than English prose to English's scale, in place (``keys``: each row's words).

    German capitalises its nouns, and Finnish, Turkish, Polish or Indonesian
    write longer words than English: their paragraphs looked like title-cased
    menus or lists of names to trees that learnt prose from English, and went.
    When the median over a page's prose lines passes the 95th percentile of
    English pages (`ENGLISH_PROSE`) and the page is not in English (its prose
    holds few English function words), every line of the page is moved by as
    much as brings that median to English's: mean word length by a ratio, the
    share of capitalised words by a difference (a menu stays more capitalised
    than the page's prose). An English page, and a page within English's range,
    is left as it is.
    """
    prose = (Y[:, _WORDS] >= _LONG) & (Y[:, _ENDS] > 0)
    if np.count_nonzero(prose) < MIN_PROSE_LINES:
        return
    words_english, words_high = ENGLISH_PROSE["mean_word_length"]
    caps_english, caps_high = ENGLISH_PROSE["capitalised"]
    words_page = float(np.median(Y[prose, _MEAN_WORD_LENGTH]))
    caps_page = float(np.median(Y[prose, _CAPITALISED]))
    if words_page <= words_high and caps_page <= caps_high:
        return
    if english_prose(keys, prose):
        return
    if words_page > words_high:
        Y[:, _MEAN_WORD_LENGTH] *= words_english / words_page
    if caps_page > caps_high:
        Y[:, _CAPITALISED] = np.maximum(Y[:, _CAPITALISED] - (caps_page - caps_english), 0.0)


def _repeats(keys: list[str]) -> np.ndarray:
    """1.0 for each key that an earlier one equals, else 0.0.

    >>> _repeats(["a", "b", "a"]).tolist()
    [0.0, 0.0, 1.0]
    """
    n = len(keys)
    first = dict(zip(reversed(keys), range(n - 1, -1, -1), strict=True))  # earliest wins
    if len(first) == n:
        return np.zeros(n)
    return (
        np.fromiter(map(first.__getitem__, keys), dtype=np.int64, count=n) != np.arange(n)
    ) * 1.0


def line_features(
    lines: Sequence[str],
    rule_categories: Sequence[str | None] | None = None,
    lexicon: Mapping[str, float] | WordTable | None = None,
) -> np.ndarray:
    """One row of `FEATURES` per line (blank lines included, as rows of zeros).

    ``rule_categories`` holds the category a wording rule gave each line (None
    where none fired); ``lexicon`` maps words (and ``^first`` / ``$last`` word
    tokens) to learned furniture weights.
    """
    return assemble(own_features(lines, rule_categories, lexicon))


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
    return bool(find_matches(_LINK_AUTOMATON, text))


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


def _position_features(Y: np.ndarray) -> None:
    """Where each line of ``Y`` (the non-blank lines, position columns still zero) sits:
    on the page, and around the densest prose."""
    n = len(Y)
    block = Y[:, len(OWN) : len(OWN) + len(POSITION)]
    words = np.expm1(Y[:, 0])
    anchors = (words >= 12) & (Y[:, 8] > 0)
    first, last = _body_span(words, anchors)
    block[:, 0] = np.arange(n, dtype=np.float64) / (n - 1) if n > 1 else 0.0
    steps = _steps(n)
    block[:, 1] = steps
    block[:, 2] = steps[::-1]
    if first <= last:
        block[first : last + 1, 3] = 1.0
        block[:first, 4] = steps[first:0:-1]
        block[last + 1 :, 5] = steps[1 : n - last]
    block[:, 6] = math.log1p(n)
    block[:, 7] = float(anchors.mean())


_STEPS = np.zeros(0)


def _steps(n: int) -> np.ndarray:
    """``_log1p(range(n))``, from a table kept as long as the longest page yet."""
    global _STEPS
    if len(_STEPS) < n:
        _STEPS = _log1p(range(max(n, 2 * len(_STEPS))))
    return _STEPS[:n]


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


def stacked_features(p: np.ndarray) -> np.ndarray:
    """The `STACKED` columns of a page's non-blank lines, from their first-pass probabilities.

    Furniture comes in runs (a share bar, a related-links list, a caption
    beside its credit): a line among lines the first pass finds furniture is
    likelier to be furniture itself (jusText's context pass, learned).

    >>> stacked_features(np.array([0.9, 0.8, 0.1]))[:, STACKED.index("p_run")].tolist()
    [1.0, 1.0, 2.0]
    """
    n = len(p)
    out = np.empty((n, len(STACKED)))
    if n == 0:
        return out
    out[:, 0] = p
    padded = np.full(n + 2 * NEAR, MISSING)
    padded[NEAR : NEAR + n] = p
    for k, offset in enumerate((-2, -1, 1, 2)):
        out[:, 1 + k] = padded[NEAR + offset : NEAR + offset + n]
    width = 2 * NEAR + 1
    window = np.lib.stride_tricks.sliding_window_view(padded, width)
    on_page = np.zeros(n + 2 * NEAR)
    on_page[NEAR : NEAR + n] = 1.0
    inside = np.lib.stride_tricks.sliding_window_view(on_page, width)
    out[:, 5] = (window * inside).sum(axis=1) / inside.sum(axis=1)
    out[:, 6] = window.max(axis=1)
    out[:, 7] = p.mean()
    high = p >= RUN_FROM
    at = np.arange(n)
    ending = at - np.maximum.accumulate(np.where(high, -1, at))  # high run ending here
    starting = np.minimum.accumulate(np.where(high, n, at)[::-1])[::-1] - at
    out[:-1, 8] = starting[1:]
    out[-1, 8] = 0.0
    out[1:, 8] += ending[:-1]
    return out


def _context_features(Y: np.ndarray) -> None:
    """Copy the `CONTEXT` features of the neighbours into each line of ``Y`` (the
    non-blank lines)."""
    n = len(Y)
    own = Y[:, _CONTEXT_COLUMNS]
    width = len(CONTEXT)
    block = Y[:, len(OWN) + len(POSITION) :]
    block[:] = MISSING
    for k, offset in enumerate(OFFSETS):
        cols = slice(k * width, (k + 1) * width)
        if offset < 0 and n > -offset:
            block[-offset:, cols] = own[:offset]
        elif offset > 0 and n > offset:
            block[:-offset, cols] = own[offset:]
