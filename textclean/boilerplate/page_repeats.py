"""Where a line's words occur again on the same page, as features of the line.

A pull quote repeats a sentence of the article; a caption often repeats
the image's alt text, or itself; a standfirst or a headline comes back in a
list of related links; a video widget names its clip twice in one line
("JUST WATCHED … MUST WATCH …"). None of that shows in a line's own shape:
it shows only against the rest of the page. So every line is cut into word
shingles (three words; a line of one or two words is one shingle), the
shingles of the whole page are numbered at once, and lines sharing
shingles are compared through that numbering, never pair by pair:

* ``echo``: the largest share of the line's shingles found in one other
  line that is longer (or as long and earlier): the line is a copy of part
  of that line;
* ``echoed``: the largest share of another, shorter line's shingles found in
  this one: this line is what a copy was taken from;
* ``self_repeat``: the share of the line's word pairs that occur twice in it
  (in a line of at most `SELF_REPEAT_WORDS` words: a paragraph says "of the"
  more than once).

The words are those the repeat test already compares (``OwnFeatures.keys``:
lower case, edge punctuation and quote marks stripped). A page is judged in
rounds over the lines left, so each line's shingles are remembered (per
thread, by its words) and a later round only compares: it never cuts a line
into words again.

>>> X = repeat_features(["the council voted to close the bridge on monday",
...                      "voted to close the bridge",
...                      "watch now watch now"])
>>> X[:, REPEATS.index("echo")].tolist()
[0.0, 1.0, 0.0]
>>> X[:, REPEATS.index("echoed")].tolist()
[1.0, 0.0, 0.0]
>>> round(float(X[2, REPEATS.index("self_repeat")]), 2)
0.67
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from itertools import chain, permutations

import numpy as np

REPEATS = ("echo", "echoed", "self_repeat")
#: Words in a shingle.
SHINGLE = 3
#: A shingle on more lines than this is a common phrase ("one of the"), not a copy.
MAX_SHARERS = 12
#: Lines longer than this are not asked whether they repeat themselves.
SELF_REPEAT_WORDS = 40
#: Words are numbered below ``2**WORD_BITS``, so three make one 63-bit shingle code.
WORD_BITS = 21
WORDS = 2**WORD_BITS - 1
#: Lines remembered before the memory starts afresh.
MEMO_LINES = 20_000


#: For a group of k lines, the positions of every ordered pair of two of them.
_ORDERED = {
    k: tuple(np.array(side) for side in zip(*permutations(range(k), 2), strict=True))
    for k in range(2, MAX_SHARERS + 1)
}


class _Memo(threading.local):
    """A number for every word seen, and each line's shingle codes, self-repeat share."""

    def __init__(self) -> None:
        self.words: dict[str, int] = {}
        self.lines: dict[str, tuple[np.ndarray, float]] = {}


_MEMO = _Memo()


def repeat_features(keys: Sequence[str]) -> np.ndarray:
    """One row of `REPEATS` per line; ``keys`` are the lines' normalised words, space-separated."""
    n = len(keys)
    out = np.zeros((n, len(REPEATS)))
    if n == 0:
        return out
    known = _remember(keys)
    entries = [known[key] for key in keys]
    out[:, 2] = [e[1] for e in entries]
    lengths = np.fromiter((len(e[0]) for e in entries), dtype=np.int64, count=n)
    if lengths.sum() < 2:
        return out
    code = np.concatenate([e[0] for e in entries])
    line = np.repeat(np.arange(n), lengths)
    _, sid, seen = np.unique(code, return_inverse=True, return_counts=True)
    if seen.max() < 2:  # most pages: no shingle on two lines
        return out
    # Only shingles on more than one line can be shared: a few of the page's.
    again = np.flatnonzero(seen[sid] > 1)
    order = np.argsort(sid[again], kind="stable")
    sid, owners = sid[again][order], line[again][order]
    size = lengths.astype(np.float64)
    starts = np.flatnonzero(np.diff(sid, prepend=-1))
    group = np.diff(np.append(starts, len(sid)))
    copied = (group > 1) & (group <= MAX_SHARERS)
    # Every ordered pair of lines sharing a shingle, once per shingle, by group size.
    shared = []
    for k in np.unique(group[copied]).tolist():
        first = starts[copied & (group == k)]
        members = owners[first[:, None] + np.arange(k)]
        this, other = _ORDERED[k]
        shared.append(members[:, this].ravel() * n + members[:, other].ravel())
    if not shared:
        return out
    both, common = np.unique(np.concatenate(shared), return_counts=True)
    this, other = both // n, both % n
    share = common / size[this]
    longer = (size[other] > size[this]) | ((size[other] == size[this]) & (other < this))
    np.maximum.at(out[:, 0], this[longer], share[longer])
    np.maximum.at(out[:, 1], other[longer], share[longer])
    return out


def _remember(keys: Sequence[str]) -> dict[str, tuple[np.ndarray, float]]:
    """The memo's entries, with those of ``keys`` it lacked worked out all at once."""
    memo = _MEMO
    missing = [key for key in dict.fromkeys(keys) if key not in memo.lines]
    if not missing:
        return memo.lines
    split = [key.split() for key in missing]
    words = list(chain.from_iterable(split))
    fresh = set(words).difference(memo.words)  # numbers are only ever compared
    if len(memo.lines) + len(missing) > MEMO_LINES or len(memo.words) + len(fresh) >= WORDS:
        if memo.lines:  # start afresh, then work out the whole page
            memo.words, memo.lines = {}, {}
            return _remember(keys)
        if len(fresh) >= WORDS:  # a page of two million different words: no shingles
            return {key: (np.zeros(0, dtype=np.int64), 0.0) for key in keys}
    start = len(memo.words) + 1  # 0 stands for "no word"
    memo.words.update(zip(fresh, range(start, start + len(fresh)), strict=True))
    m = len(missing)
    counts = np.fromiter(map(len, split), dtype=np.int64, count=m)
    ids = np.fromiter(map(memo.words.__getitem__, words), dtype=np.int64, count=len(words))
    owner = np.repeat(np.arange(m), counts)
    repeats = _self_repeat(ids, owner, counts)
    line, code = _shingles(ids, owner, counts)
    order = np.lexsort((code, line))
    line, code = line[order], code[order]
    keep = np.ones(len(code), dtype=bool)
    keep[1:] = (line[1:] != line[:-1]) | (code[1:] != code[:-1])  # each shingle once a line
    line, code = line[keep], code[keep]
    ends = np.searchsorted(line, np.arange(1, m + 1)).tolist()
    for key, a, b, rep in zip(missing, [0, *ends[:-1]], ends, repeats.tolist(), strict=True):
        memo.lines[key] = (code[a:b], rep)
    return memo.lines


def _shingles(
    ids: np.ndarray, owner: np.ndarray, counts: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(line, shingle code) of every three-word window inside a line, and of every
    line shorter than that as a whole (its missing words are 0)."""
    first = np.cumsum(counts) - counts
    short = np.flatnonzero((counts > 0) & (counts < SHINGLE))
    a = ids[first[short]]
    b = np.where(counts[short] > 1, ids[np.minimum(first[short] + 1, max(len(ids) - 1, 0))], 0)
    lines, parts = [short], [(a, b, np.zeros_like(a))]
    if len(ids) >= SHINGLE:
        inside = owner[: 1 - SHINGLE] == owner[SHINGLE - 1 :]
        lines.append(owner[: 1 - SHINGLE][inside])
        parts.append((ids[:-2][inside], ids[1:-1][inside], ids[2:][inside]))
    line = np.concatenate(lines)
    x, y, z = (np.concatenate([part[k] for part in parts]) for k in range(SHINGLE))
    return line, (x << (2 * WORD_BITS)) | (y << WORD_BITS) | z


def _self_repeat(ids: np.ndarray, owner: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Per line: the share of its word pairs that occur more than once in it."""
    n = len(counts)
    out = np.zeros(n)
    if len(ids) < 2:
        return out
    inside = (owner[:-1] == owner[1:]) & (counts[owner[:-1]] <= SELF_REPEAT_WORDS)
    at = owner[:-1][inside]
    pairs = (ids[:-1][inside] << WORD_BITS) | ids[1:][inside]
    order = np.lexsort((pairs, at))
    at, pairs = at[order], pairs[order]
    new = np.ones(len(at), dtype=bool)
    new[1:] = (at[1:] != at[:-1]) | (pairs[1:] != pairs[:-1])
    first = np.flatnonzero(new)
    seen = np.diff(np.append(first, len(at)))
    repeated = np.bincount(at[first], weights=seen * (seen > 1), minlength=n)
    return repeated / np.maximum(counts - 1, 1)
