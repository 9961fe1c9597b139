"""Clusters from verified pairs: union-find that does not depend on input order.

Every root is the member with the lowest *rank* (a canonical order such as
sorted ids), so the same pairs give the same clusters and the same
representatives however the documents were ordered.

>>> clusters(5, [(0, 1), (3, 1)]).tolist()
[0, 0, 2, 0, 4]
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np


def clusters(
    n: int, pairs: Iterable[tuple[int, int]] | np.ndarray, rank: np.ndarray | None = None
) -> np.ndarray:
    """For each of ``n`` items, the item that represents its cluster.

    The representative is the member with the lowest ``rank`` (default: the
    lowest index). Items in no pair represent themselves.
    """
    rank_list = list(range(n)) if rank is None else np.asarray(rank).tolist()
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in np.asarray(pairs, dtype=np.int64).reshape(-1, 2).tolist():
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        if rank_list[rb] < rank_list[ra]:
            ra, rb = rb, ra
        parent[rb] = ra
    return np.fromiter((find(i) for i in range(n)), dtype=np.int64, count=n)


def members(labels: np.ndarray) -> dict[int, np.ndarray]:
    """Clusters with more than one member: representative -> sorted member indices."""
    order = np.argsort(labels, kind="stable")
    sorted_labels = labels[order]
    starts = np.flatnonzero(np.r_[True, sorted_labels[1:] != sorted_labels[:-1]])
    sizes = np.diff(np.r_[starts, len(labels)])
    return {
        int(sorted_labels[s]): np.sort(order[s : s + k])
        for s, k in zip(starts.tolist(), sizes.tolist(), strict=True)
        if k > 1
    }
