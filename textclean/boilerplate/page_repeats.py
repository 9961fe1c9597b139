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
* ``self_repeat``: the share of the line's word pairs that occur twice in it.

The words are those the repeat test already compares (``OwnFeatures.keys``:
lower case, edge punctuation and quote marks stripped).

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

from collections.abc import Sequence
from itertools import permutations

import numpy as np

REPEATS = ("echo", "echoed", "self_repeat")
#: Words in a shingle.
SHINGLE = 3
#: A shingle on more lines than this is a common phrase ("one of the"), not a copy.
MAX_SHARERS = 12


def repeat_features(keys: Sequence[str]) -> np.ndarray:
    """One row of `REPEATS` per line; ``keys`` are the lines' normalised words, space-separated."""
    n = len(keys)
    out = np.zeros((n, len(REPEATS)))
    split = [key.split() for key in keys]
    counts = np.fromiter(map(len, split), dtype=np.int64, count=n)
    total = int(counts.sum())
    if total == 0:
        return out
    words = [w for line in split for w in line]
    _, ids = np.unique(np.array(words), return_inverse=True)
    ids = ids.astype(np.int64) + 1  # 0 stands for "no word"
    owner = np.repeat(np.arange(n), counts)
    base = total + 2  # above every word number, line number and renumbered pair
    out[:, 2] = _self_repeat(ids, owner, counts, base)
    line, code = _shingles(ids, owner, counts, base)
    if len(code) < 2:
        return out
    _, sid = np.unique(code, return_inverse=True)
    pairs = np.unique(sid.astype(np.int64) * n + line)  # each shingle once per line
    sid, line = pairs // n, pairs % n
    size = np.bincount(line, minlength=n).astype(np.float64)
    starts = np.flatnonzero(np.diff(sid, prepend=-1))
    group = np.diff(np.append(starts, len(sid)))
    copied = (group > 1) & (group <= MAX_SHARERS)
    shared = [
        perm
        for a, k in zip(starts[copied].tolist(), group[copied].tolist(), strict=True)
        for perm in permutations(line[a : a + k].tolist(), 2)
    ]
    if not shared:
        return out
    both, common = np.unique(
        np.array(shared, dtype=np.int64) @ np.array([n, 1]), return_counts=True
    )
    this, other = both // n, both % n
    share = common / size[this]
    longer = (size[other] > size[this]) | ((size[other] == size[this]) & (other < this))
    np.maximum.at(out[:, 0], this[longer], share[longer])
    np.maximum.at(out[:, 1], other[longer], common[longer] / size[this[longer]])
    return out


def _shingles(
    ids: np.ndarray, owner: np.ndarray, counts: np.ndarray, base: int
) -> tuple[np.ndarray, np.ndarray]:
    """(line, shingle code) of every three-word window inside a line, and of every
    line shorter than that as a whole (its missing words are 0)."""
    first = np.cumsum(counts) - counts
    short = np.flatnonzero((counts > 0) & (counts < SHINGLE))
    a = ids[first[short]]
    b = np.where(counts[short] > 1, ids[np.minimum(first[short] + 1, len(ids) - 1)], 0)
    lines, parts = [short], [(a, b, np.zeros_like(a))]
    if len(ids) >= SHINGLE:
        inside = owner[: 1 - SHINGLE] == owner[SHINGLE - 1 :]
        lines.append(owner[: 1 - SHINGLE][inside])
        parts.append((ids[:-2][inside], ids[1:-1][inside], ids[2:][inside]))
    line = np.concatenate(lines)
    x, y, z = (np.concatenate([part[k] for part in parts]) for k in range(SHINGLE))
    return line, _pair(_pair(x, y, base), z, base)


def _self_repeat(ids: np.ndarray, owner: np.ndarray, counts: np.ndarray, base: int) -> np.ndarray:
    """Per line: the share of its word pairs that occur more than once in it."""
    n = len(counts)
    out = np.zeros(n)
    if len(ids) < 2:
        return out
    inside = owner[:-1] == owner[1:]
    at = owner[:-1][inside]
    code = _pair(ids[:-1], ids[1:], base)[inside]
    _, first, seen = np.unique(_pair(at, code, base), return_index=True, return_counts=True)
    repeated = np.bincount(at[first], weights=seen * (seen > 1), minlength=n)
    bigrams = np.maximum(counts - 1, 1)
    return repeated / bigrams


def _pair(a: np.ndarray, b: np.ndarray, base: int) -> np.ndarray:
    """A number for each pair (a, b) of numbers below ``base``: the pairs renumbered from 1
    in order, so the number stays below ``base`` too and no product ever overflows."""
    if len(a) == 0:
        return a.astype(np.int64)
    _, out = np.unique(a.astype(np.int64) * base + b, return_inverse=True)
    return out.astype(np.int64) + 1
