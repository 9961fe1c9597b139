"""Per cluster: which document stays, and what each document and the clusters file record.

The input is the graph of verified links between representatives (one per
exact-duplicate group) and documents of an earlier run's index; the output is
one `Member` per document and one `Cluster` per group of two or more.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from ..document import Document
from .keep import choose
from .settings import DedupSettings

if TYPE_CHECKING:
    from .spin_robust import SpinFacts


@dataclass(slots=True)
class Member:
    """One document's outcome: what goes into ``meta["textclean"]``."""

    cluster: str
    duplicate_of: str | None
    similarity: float | None
    kept: bool = True
    exact: bool = False
    evidence: dict[str, Any] | None = None

    def record(self) -> dict[str, Any]:
        out = {
            "cluster": self.cluster,
            "duplicate_of": self.duplicate_of,
            "similarity": self.similarity,
        }
        if self.evidence is not None:
            out["spin_evidence"] = self.evidence
        return out


@dataclass
class Cluster:
    """A cluster of two or more documents, as written to the clusters file."""

    id: str
    kept: str | None
    members: list[dict[str, Any]] = field(default_factory=list)
    pairs: list[tuple[str, str, float]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "cluster": self.id,
            "kept": self.kept,
            "size": len(self.members),
            "members": self.members,
            "pairs": [list(p) for p in sorted(self.pairs)],
        }


@dataclass
class Grouping:
    """Exact keys, canonical ranks, exact-duplicate groups and index hits of a batch."""

    keys: list[bytes]
    rank: Sequence[int]
    groups: Mapping[bytes, list[int]]
    indexed: dict[bytes, str]


class Graph:
    """Representatives (nodes ``0..r-1``) and matched index documents (``r..``)."""

    def __init__(self, docs: Sequence[Document], reps: list[int], sig: np.ndarray):
        self.docs, self.reps, self.sig = docs, reps, sig
        self.ext_ids: list[str] = []
        self.pairs = np.zeros((0, 2), dtype=np.int64)
        self.sims = np.zeros(0)
        self.spin: SpinFacts | None = None  # set by spin-robust dedup

    def name(self, node: int) -> str:
        r = len(self.reps)
        return self.docs[self.reps[node]].id if node < r else self.ext_ids[node - r]

    def similarity(self, a: int, b: int) -> float:
        return 1.0 if a == b else float(np.mean(self.sig[a] == self.sig[b]))


def decide(
    docs: Sequence[Document],
    settings: DedupSettings,
    grouping: Grouping,
    graph: Graph,
    labels: np.ndarray,
) -> tuple[list[Member], list[Cluster]]:
    """Apply the keep policy per cluster; fill every document's `Member` and the clusters."""
    keys, rank, groups, indexed = grouping.keys, grouping.rank, grouping.groups, grouping.indexed
    r = len(graph.reps)
    node_of = np.full(len(docs), -1, dtype=np.int64)
    for n, i in enumerate(graph.reps):
        node_of[groups[keys[i]]] = n
    best = np.zeros(len(labels))
    if len(graph.pairs):
        np.maximum.at(best, graph.pairs[:, 0], graph.sims)
        np.maximum.at(best, graph.pairs[:, 1], graph.sims)
    out: list[Member | None] = [None] * len(docs)
    by_root = _members_by_root(docs, rank, node_of, labels, r, out)
    pairs_by_root: dict[int, list[tuple[str, str, float]]] = defaultdict(list)
    for (a, b), s in zip(graph.pairs.tolist(), graph.sims.tolist(), strict=True):
        pairs_by_root[int(labels[a])].append(
            tuple(sorted((graph.name(a), graph.name(b)))) + (round(s, 4),)
        )
    found: list[Cluster] = []
    for key, group in groups.items():
        if key in indexed:
            target = indexed[key]
            for j in group:
                out[j] = Member(target, target, 1.0, kept=False, exact=True)
            found.append(
                _report(
                    target, target, [target], docs, group, [1.0] * len(group), [True] * len(group)
                )
            )
    for root, docs_in in by_root.items():
        if root >= r:
            kept_doc, anchor_id, anchor_node = None, graph.name(root), root
        else:
            kept_doc = choose(
                docs,
                docs_in if graph.spin is None else graph.spin.least_spun(docs_in, node_of),
                settings.keep,
                rank,
                date_field=settings.date_field,
                score_field=settings.score_field,
            )
            anchor = docs_in[0] if kept_doc is None else kept_doc
            anchor_id, anchor_node = docs[anchor].id, int(node_of[anchor])
        kept_id = anchor_id if (root >= r or kept_doc is not None) else None
        sims, exact = [], []
        for j in docs_in:
            twin = int(node_of[j]) == anchor_node and root < r
            sim = graph.similarity(int(node_of[j]), anchor_node)
            if kept_doc is None and root < r and j == anchor:
                # Every copy goes (keep none): the one the others are measured against is
                # an exact copy only if it has a twin, and as near as its nearest member.
                twin = len(groups[keys[j]]) > 1
                sim = 1.0 if twin else float(best[node_of[j]])
            if j == kept_doc:
                has_twin = len(groups[keys[j]]) > 1
                out[j] = Member(
                    anchor_id, None, 1.0 if has_twin else round(float(best[node_of[j]]), 4)
                )
            else:
                dup_of = (
                    kept_id if kept_id is not None else (None if j == docs_in[0] else anchor_id)
                )
                out[j] = Member(anchor_id, dup_of, round(sim, 4), kept=False, exact=twin)
                if graph.spin is not None and kept_doc is not None:
                    out[j].evidence = graph.spin.record(j, kept_doc, int(node_of[j]), anchor_node)
            sims.append(round(sim, 4))
            exact.append(twin and j != kept_doc)
        report = _report(
            anchor_id, kept_id, [graph.name(root)] if root >= r else [], docs, docs_in, sims, exact
        )
        report.pairs = pairs_by_root[root] + _twin_pairs(docs, docs_in, node_of)
        found.append(report)
    assert all(m is not None for m in out), "every document gets a dedup record"
    return out, sorted(found, key=lambda c: c.id)  # type: ignore[return-value]


def _members_by_root(
    docs: Sequence[Document],
    rank: Sequence[int],
    node_of: np.ndarray,
    labels: np.ndarray,
    r: int,
    out: list[Member | None],
) -> dict[int, list[int]]:
    """Clusters of two or more documents (or touching the index), members in rank order.

    A document alone in its cluster gets its `Member` here: most documents are,
    so no list is made for them.
    """
    placed = node_of >= 0  # documents matching the index exactly have no node
    node_labels = np.full(len(node_of), -1, dtype=np.int64)
    node_labels[placed] = labels[node_of[placed]]
    size = np.bincount(node_labels[placed], minlength=len(labels))
    alone = placed.copy()
    alone[placed] = (size[node_labels[placed]] == 1) & (node_labels[placed] < r)
    for j in np.flatnonzero(alone).tolist():
        out[j] = Member(docs[j].id, None, None)
    rest = np.flatnonzero(placed & ~alone).tolist()
    by_root: dict[int, list[int]] = defaultdict(list)
    for j in sorted(rest, key=rank.__getitem__):
        by_root[int(node_labels[j])].append(j)
    return by_root


def _report(
    cid: str,
    kept: str | None,
    indexed_ids: list[str],
    docs: Sequence[Document],
    docs_in: list[int],
    sims: list[float],
    exact: list[bool],
) -> Cluster:
    report = Cluster(cid, kept)
    report.members = [
        {"id": i, "similarity": 1.0, "exact": False, "indexed": True} for i in indexed_ids
    ]
    report.members += [
        {"id": docs[j].id, "similarity": s, "exact": x, "indexed": False}
        for j, s, x in zip(docs_in, sims, exact, strict=True)
    ]
    return report


def _twin_pairs(
    docs: Sequence[Document], docs_in: list[int], node_of: np.ndarray
) -> list[tuple[str, str, float]]:
    """Exact copies link to the first member of their exact group with similarity 1."""
    first: dict[int, int] = {}
    out = []
    for j in docs_in:
        node = int(node_of[j])
        if node in first:
            out.append((*sorted((docs[first[node]].id, docs[j].id)), 1.0))
        else:
            first[node] = j
    return out
