"""Spans and clusters from sentence links held as arrays, for corpora of any size.

`textclean.passages.spans` states the rules with dicts and sets, one Python
object per link; a corpus of copies has dozens of links per document, so a
million documents would hold hundreds of millions of objects. Here the same
rules run on sorted NumPy arrays (16 bytes per link, a few integers per
linked sentence), and connected components come from vectorised
union-find (hook to the smaller label, then jump pointers). The runs and
clusters equal `spans.build_clusters`'s (tested on planted passages).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np

from .match import _sorted_unique, jaccard_sets
from .spans import Cluster, Occurrence
from .windows import CorpusSentences

__all__ = [
    "clusters_from_link_array",
    "components",
    "document_set_ids",
    "link_array",
    "runs_from_link_array",
]

#: Links gathered into one array before they are de-duplicated.
LINK_CHUNK = 1 << 16


def link_array(links: Iterable[tuple[int, int]], chunk: int = LINK_CHUNK) -> np.ndarray:
    """The distinct links, as sorted ``(s, t)`` rows (a link and its repeats are one).

    >>> link_array([(3, 9), (1, 2), (3, 9)]).tolist()
    [[1, 2], [3, 9]]
    """
    parts: list[np.ndarray] = []
    buffer: list[tuple[int, int]] = []
    for link in links:
        buffer.append(link)
        if len(buffer) == chunk:
            parts.append(_unique_rows(np.asarray(buffer, dtype=np.int64)))
            buffer = []
    if buffer:
        parts.append(_unique_rows(np.asarray(buffer, dtype=np.int64)))
    if not parts:
        return np.zeros((0, 2), dtype=np.int64)
    return _unique_rows(np.concatenate(parts))


def _unique_rows(pairs: np.ndarray) -> np.ndarray:
    if len(pairs) == 0:
        return pairs.reshape(0, 2)
    width = int(pairs.max()) + 1
    codes = _sorted_unique(pairs[:, 0] * width + pairs[:, 1])
    return np.stack([codes // width, codes % width], axis=1)


def components(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Connected components of ``n`` nodes joined by edges ``a[i] - b[i]``: each node's
    label is the smallest node of its component.

    >>> components(6, np.array([4, 1, 5]), np.array([2, 4, 3])).tolist()
    [0, 1, 1, 3, 1, 3]
    """
    label = np.arange(n, dtype=np.int64)
    while True:
        la, lb = label[a], label[b]
        low = np.minimum(la, lb)
        hooked = label.copy()
        np.minimum.at(hooked, la, low)
        np.minimum.at(hooked, lb, low)
        while True:
            jumped = hooked[hooked]
            if np.array_equal(jumped, hooked):
                break
            hooked = jumped
        if np.array_equal(hooked, label):
            return label
        label = hooked


def runs_from_link_array(doc: np.ndarray, links: np.ndarray) -> np.ndarray:
    """`spans.sentence_runs` on linked sentences: ``(first, stop)`` rows, in sentence order.

    ``doc`` maps every sentence to its document; ``links`` are ``(s, t)``
    rows (`link_array`). A sentence continues the run of the one before it
    when both are in one document, not linked to each other, their groups
    span the same documents, and either they are in one group or the
    sentence after some partner of the previous one is in the sentence's group.

    >>> links = np.array([[2, 10], [2, 20], [3, 11], [3, 21], [4, 30], [5, 40]])
    >>> doc = np.array([0] * 10 + [1] * 10 + [2] * 10 + [3] * 20)
    >>> runs_from_link_array(doc, links).tolist()
    [[2, 4], [4, 5], [5, 6], [10, 12], [20, 22], [30, 31], [40, 41]]
    """
    if len(links) == 0:
        return np.zeros((0, 2), dtype=np.int64)
    n_sent = len(doc)
    src = np.concatenate([links[:, 0], links[:, 1]])
    dst = np.concatenate([links[:, 1], links[:, 0]])
    edges = _sorted_unique(src * n_sent + dst)
    src, dst = edges // n_sent, edges % n_sent
    nodes = _sorted_unique(src)
    n = len(nodes)
    src_i, dst_i = np.searchsorted(nodes, src), np.searchsorted(nodes, dst)
    group = components(n, src_i, dst_i)

    # Each group's documents, as sorted (group, doc) rows, and where each group's rows start.
    node_doc = doc[nodes].astype(np.int64)
    width = int(node_doc.max()) + 1
    gd = _sorted_unique(group * width + node_doc)
    gd_group, gd_doc = gd // width, gd % width
    labels, gd_start, gd_len = np.unique(gd_group, return_index=True, return_counts=True)

    k = np.arange(1, n)
    s, prev = nodes[1:], nodes[:-1]
    gs, gp = group[1:], group[:-1]
    maybe = (prev == s - 1) & (node_doc[1:] == node_doc[:-1])
    maybe &= ~_contains(edges, prev * n_sent + s)
    doc_set = np.zeros(n, dtype=np.int64)
    doc_set[labels] = document_set_ids(gd_start, gd_len, gd_doc)
    maybe &= doc_set[gp] == doc_set[gs]

    # A partner t of prev whose next sentence t+1 (same document) is in s's group.
    after = dst + 1
    at = np.searchsorted(nodes, np.minimum(after, nodes[-1]))
    ok = (after < n_sent) & (nodes[at] == after)
    ok[ok] = doc[after[ok]] == doc[dst[ok]]
    follow = _sorted_unique(src_i[ok] * n + group[at[ok]])
    continues = maybe & ((gs == gp) | _contains(follow, (k - 1) * n + gs))

    starts = np.flatnonzero(np.concatenate([[True], ~continues]))
    ends = np.append(starts[1:], n) - 1
    return np.stack([nodes[starts], nodes[ends] + 1], axis=1)


def _contains(sorted_values: np.ndarray, queries: np.ndarray) -> np.ndarray:
    if len(sorted_values) == 0:
        return np.zeros(len(queries), dtype=bool)
    at = np.minimum(np.searchsorted(sorted_values, queries), len(sorted_values) - 1)
    return sorted_values[at] == queries


def document_set_ids(start: np.ndarray, length: np.ndarray, docs: np.ndarray) -> np.ndarray:
    """An id per group, equal for two groups exactly when they span the same documents.

    Group ``g``'s documents are ``docs[start[g]:start[g] + length[g]]``, sorted
    and distinct. Groups are sorted by size and a hash of their documents,
    and each is compared with the first group of its size and hash, so the
    work is one look at every document of every group: comparing the groups
    of neighbouring sentences directly would cost a group's size for each
    sentence it holds, which grows with the square of a widely repeated
    sentence's reach.

    >>> ids = document_set_ids(np.array([0, 2, 4, 5]), np.array([2, 2, 1, 2]), np.array([3, 7, 3, 7, 3, 3, 7]))
    >>> bool(ids[0] == ids[1] == ids[3]), bool(ids[2] != ids[0])
    (True, True)
    """
    if len(start) == 0:
        return np.zeros(0, dtype=np.int64)
    summed = np.add.reduceat(_mix(docs), start)
    order = np.lexsort((summed, length))
    size, summed = length[order], summed[order]
    new = np.ones(len(order), dtype=bool)
    new[1:] = (size[1:] != size[:-1]) | (summed[1:] != summed[:-1])
    run = np.cumsum(new) - 1
    ids = np.empty(len(order), dtype=np.int64)
    ids[order] = run
    first = order[np.flatnonzero(new)][run]
    differs = _differ(start[order], start[first], size, docs)
    if differs.any():  # two document sets with one hash: number those runs' sets exactly
        _split_collisions(ids, order, np.unique(run[differs]), run, start, length, docs)
    return ids


def _mix(values: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser: well-spread 64-bit hashes of integers (summed per group)."""
    z = values.astype(np.uint64) + np.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def _differ(a: np.ndarray, b: np.ndarray, size: np.ndarray, docs: np.ndarray) -> np.ndarray:
    """Whether ``docs[a[i]:a[i] + size[i]]`` and ``docs[b[i]:b[i] + size[i]]`` differ."""
    check = np.flatnonzero(a != b)
    differs = np.zeros(len(a), dtype=bool)
    if len(check) == 0:
        return differs
    sizes = size[check]
    pair = np.repeat(np.arange(len(check)), sizes)
    step = np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    unequal = docs[a[check][pair] + step] != docs[b[check][pair] + step]
    differs[check] = np.bincount(pair, weights=unequal, minlength=len(check)) > 0
    return differs


def _split_collisions(
    ids: np.ndarray,
    order: np.ndarray,
    runs: np.ndarray,
    run: np.ndarray,
    start: np.ndarray,
    length: np.ndarray,
    docs: np.ndarray,
) -> None:
    """Give the groups of ``runs`` (sharing a size and a hash) one id per distinct document set."""
    fresh = int(ids.max()) + 1
    for r in runs.tolist():
        seen: dict[bytes, int] = {}
        for g in order[run == r].tolist():
            key = docs[start[g] : start[g] + length[g]].tobytes()
            if key not in seen:
                seen[key] = fresh
                fresh += 1
            ids[g] = seen[key]


def clusters_from_link_array(
    corpus: CorpusSentences,
    links: np.ndarray,
    candidates: np.ndarray,
    words: list[int],
    *,
    min_words: int = 10,
) -> list[Cluster]:
    """`spans.clusters_from_runs` on arrays: runs of at least ``min_words`` words,
    joined by links into clusters, numbered by first occurrence."""
    runs = candidates[np.asarray(words, dtype=np.int64) >= min_words]
    if len(runs) == 0 or len(links) == 0:
        return []
    first, stop = runs[:, 0], runs[:, 1]
    ends = []
    for side in (links[:, 0], links[:, 1]):
        r = np.searchsorted(first, side, side="right") - 1
        inside = (r >= 0) & (side < stop[np.maximum(r, 0)])
        ends.append(np.where(inside, r, -1))
    both = (ends[0] >= 0) & (ends[1] >= 0)
    root = components(len(runs), ends[0][both], ends[1][both])
    # Runs are in sentence order, which is corpus order, so a group's members are
    # sorted and its root (smallest member) is its first occurrence.
    order = np.argsort(root, kind="stable")
    bounds = np.flatnonzero(np.diff(root[order])) + 1
    edges = np.concatenate([[0], bounds, [len(order)]])
    shared = np.flatnonzero(np.diff(edges) >= 2)  # a run linked to no other is no cluster
    groups = (order[edges[g] : edges[g + 1]] for g in shared)
    return list(_clusters(corpus, runs, groups))


def _clusters(
    corpus: CorpusSentences, runs: np.ndarray, groups: Iterable[np.ndarray]
) -> Iterator[Cluster]:
    number = 0
    for members in groups:
        if len(members) < 2:
            continue
        sets = [_run_set(corpus, *runs[r]) for r in members.tolist()]
        occurrences = tuple(
            Occurrence(
                doc=int(corpus.doc[runs[r, 0]]),
                start=int(corpus.start[runs[r, 0]]),
                end=int(corpus.end[runs[r, 1] - 1]),
                first=int(runs[r, 0]),
                stop=int(runs[r, 1]),
                similarity=round(jaccard_sets(shingles, sets[0]), 4),
            )
            for r, shingles in zip(members.tolist(), sets, strict=True)
        )
        yield Cluster(number, occurrences)
        number += 1


def _run_set(corpus: CorpusSentences, first: int, stop: int) -> frozenset[int]:
    return frozenset().union(*(corpus.sentence_set(s) for s in range(first, stop)))
