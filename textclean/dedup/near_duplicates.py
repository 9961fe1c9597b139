"""Near-duplicate documents: exact keys, MinHash LSH, verified pairs, clusters, a keep policy.

Steps, each one cheap enough for millions of documents on one machine:

1. exact duplicates share a normalised-text key; one representative per key
   goes on (and a key already in the index is a duplicate of that document);
2. signatures for the representatives, in bulk (`minhash_signatures`);
3. candidates from equal LSH bands, within the batch and against the index;
4. every candidate pair is verified against the threshold, so a band
   collision alone never links two documents;
5. union-find over the verified pairs; a cluster touching the index keeps its
   indexed document, any other keeps the document the policy picks.

Everything but the ``first`` policy is independent of input order: ties and
representatives follow a canonical rank (sorted ids, then exact keys).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..document import Document
from .cluster import clusters
from .exact import canonical_rank
from .index import DedupIndex
from .keep import choose
from .lsh import band_keys, candidate_pairs, pair_similarity
from .minhash import _dtype, signatures_with_keys
from .polyhash import text_shingle_hashes
from .settings import DedupSettings


@dataclass
class Member:
    """One document's outcome: what goes into ``meta["textclean"]``."""

    cluster: str
    duplicate_of: str | None
    similarity: float | None
    kept: bool = True
    exact: bool = False

    def record(self) -> dict[str, Any]:
        return {
            "cluster": self.cluster,
            "duplicate_of": self.duplicate_of,
            "similarity": self.similarity,
        }


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
class DedupResult:
    """Per input document its `Member`; the clusters sorted by id; what the index needs."""

    members: list[Member]
    clusters: list[Cluster]
    new_entries: tuple[list[str], list[bytes], np.ndarray, np.ndarray]


def uncertainty(threshold: float, num_perm: int, sigmas: float = 4.0) -> float:
    """How far a signature estimate can stray from the true Jaccard: ``sigmas`` standard errors.

    >>> round(uncertainty(0.8, 128), 3)
    0.149
    """
    return sigmas * float(np.sqrt(threshold * (1 - threshold) / num_perm)) + 1.0 / num_perm


def exact_jaccard(texts: Sequence[str], pairs: np.ndarray, settings: DedupSettings) -> np.ndarray:
    """True Jaccard similarity of the shingle sets of each pair of ``texts``."""
    out = np.ones(len(pairs))
    if not len(pairs):
        return out
    used = np.unique(pairs)
    hashes, counts = text_shingle_hashes([texts[i] for i in used], settings.ngram, settings.unit)
    parts = np.split(hashes, np.cumsum(counts)[:-1])
    sets = {i: np.unique(p) for i, p in zip(used.tolist(), parts, strict=True)}
    for n, (a, b) in enumerate(pairs.tolist()):
        inter = len(np.intersect1d(sets[a], sets[b], assume_unique=True))
        union = len(sets[a]) + len(sets[b]) - inter
        out[n] = inter / union if union else 1.0
    return out


class _Graph:
    """Representatives (nodes ``0..r-1``) and matched index documents (``r..``)."""

    def __init__(self, docs: Sequence[Document], reps: list[int], sig: np.ndarray):
        self.docs, self.reps, self.sig = docs, reps, sig
        self.ext_ids: list[str] = []
        self.pairs = np.zeros((0, 2), dtype=np.int64)
        self.sims = np.zeros(0)

    def name(self, node: int) -> str:
        r = len(self.reps)
        return self.docs[self.reps[node]].id if node < r else self.ext_ids[node - r]

    def similarity(self, a: int, b: int) -> float:
        return 1.0 if a == b else float(np.mean(self.sig[a] == self.sig[b]))


def find_duplicates(
    docs: Sequence[Document], settings: DedupSettings, index: DedupIndex | None = None
) -> DedupResult:
    """Cluster ``docs`` (and match them against ``index``); decide what to keep."""
    all_sig, keys = signatures_with_keys(
        [d.text for d in docs],
        settings.num_perm,
        settings.seed,
        settings.ngram,
        unit=settings.unit,  # type: ignore[arg-type]
        scheme=settings.scheme,  # type: ignore[arg-type]
    )
    rank = canonical_rank([d.id for d in docs], keys)
    indexed = index.lookup_exact(sorted(set(keys))) if index is not None else {}
    groups: dict[bytes, list[int]] = defaultdict(list)
    for i in sorted(range(len(docs)), key=rank.__getitem__):
        groups[keys[i]].append(i)
    reps = [
        g[0] for k, g in sorted(groups.items(), key=lambda kv: rank[kv[1][0]]) if k not in indexed
    ]
    sig = all_sig[reps]
    del all_sig
    bkeys = band_keys(sig, *settings.lsh_shape)
    graph = _Graph(docs, reps, sig)
    pairs = candidate_pairs(bkeys, None, settings.max_bucket)
    sims = pair_similarity(sig, pairs)
    if settings.verify == "exact":
        near = np.abs(sims - settings.threshold) <= uncertainty(
            settings.threshold, settings.num_perm
        )
        sims[near] = exact_jaccard([docs[i].text for i in reps], pairs[near], settings)
    ok = sims >= settings.threshold
    graph.pairs, graph.sims = pairs[ok], sims[ok]
    if index is not None and len(reps):
        _match_index(graph, index, bkeys, settings)
    r, e = len(reps), len(graph.ext_ids)
    node_rank = np.concatenate([np.arange(r) + e, np.arange(e)])  # indexed documents win
    labels = clusters(r + e, graph.pairs, node_rank)
    members, found = _decide(docs, settings, rank, keys, groups, indexed, graph, labels)
    kept_nodes, kept_ids = [], []
    for n, i in enumerate(reps):
        kept_here = [j for j in groups[keys[i]] if members[j].kept]
        if kept_here:
            kept_nodes.append(n)
            kept_ids.append(docs[kept_here[0]].id)
    entries = (kept_ids, [keys[reps[n]] for n in kept_nodes], sig[kept_nodes], bkeys[kept_nodes])
    return DedupResult(members, found, entries)


def _match_index(
    graph: _Graph, index: DedupIndex, bkeys: np.ndarray, settings: DedupSettings
) -> None:
    """Add verified links from representatives to documents already in the index."""
    hits = index.candidates(bkeys, graph.sig)
    refs = np.unique(hits[:, 1])
    if not len(refs):
        return
    graph.ext_ids, ext_sig = index.fetch(refs, _dtype(settings.scheme))
    r = len(graph.reps)
    node = r + np.searchsorted(refs, hits[:, 1])
    sims = np.mean(graph.sig[hits[:, 0]] == ext_sig[node - r], axis=1)
    ok = sims >= settings.threshold
    graph.sig = np.concatenate([graph.sig, ext_sig])
    graph.pairs = np.concatenate([graph.pairs, np.stack([hits[ok, 0], node[ok]], axis=1)])
    graph.sims = np.concatenate([graph.sims, sims[ok]])


def _decide(docs, settings, rank, keys, groups, indexed, graph, labels):  # noqa: ANN001
    """Apply the keep policy per cluster; fill every document's `Member` and the clusters."""
    r = len(graph.reps)
    node_of = {j: n for n, i in enumerate(graph.reps) for j in groups[keys[i]]}
    best = np.zeros(len(labels))
    if len(graph.pairs):
        np.maximum.at(best, graph.pairs[:, 0], graph.sims)
        np.maximum.at(best, graph.pairs[:, 1], graph.sims)
    by_root: dict[int, list[int]] = defaultdict(list)
    for j in sorted(node_of, key=rank.__getitem__):
        by_root[int(labels[node_of[j]])].append(j)
    pairs_by_root: dict[int, list[tuple[str, str, float]]] = defaultdict(list)
    for (a, b), s in zip(graph.pairs.tolist(), graph.sims.tolist(), strict=True):
        pairs_by_root[int(labels[a])].append(
            tuple(sorted((graph.name(a), graph.name(b)))) + (round(s, 4),)
        )
    out: list[Member | None] = [None] * len(docs)
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
        if root < r and len(docs_in) == 1:
            out[docs_in[0]] = Member(docs[docs_in[0]].id, None, None)
            continue
        if root >= r:
            kept_doc, anchor_id, anchor_node = None, graph.name(root), root
        else:
            kept_doc = choose(
                docs,
                docs_in,
                settings.keep,
                rank,
                date_field=settings.date_field,
                score_field=settings.score_field,
            )
            anchor = docs_in[0] if kept_doc is None else kept_doc
            anchor_id, anchor_node = docs[anchor].id, node_of[anchor]
        kept_id = anchor_id if (root >= r or kept_doc is not None) else None
        sims, exact = [], []
        for j in docs_in:
            twin = node_of[j] == anchor_node and root < r
            sim = graph.similarity(node_of[j], anchor_node)
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
            sims.append(round(sim, 4))
            exact.append(twin and j != kept_doc)
        report = _report(
            anchor_id, kept_id, [graph.name(root)] if root >= r else [], docs, docs_in, sims, exact
        )
        report.pairs = pairs_by_root[root] + _twin_pairs(docs, docs_in, node_of)
        found.append(report)
    assert all(m is not None for m in out), "every document gets a dedup record"
    return out, sorted(found, key=lambda c: c.id)


def _report(cid, kept, indexed_ids, docs, docs_in, sims, exact) -> Cluster:  # noqa: ANN001
    report = Cluster(cid, kept)
    report.members = [
        {"id": i, "similarity": 1.0, "exact": False, "indexed": True} for i in indexed_ids
    ]
    report.members += [
        {"id": docs[j].id, "similarity": s, "exact": x, "indexed": False}
        for j, s, x in zip(docs_in, sims, exact, strict=True)
    ]
    return report


def _twin_pairs(docs, docs_in, node_of) -> list[tuple[str, str, float]]:  # noqa: ANN001
    """Exact copies link to the first member of their exact group with similarity 1."""
    first: dict[int, int] = {}
    out = []
    for j in docs_in:
        node = node_of[j]
        if node in first:
            out.append((*sorted((docs[first[node]].id, docs[j].id)), 1.0))
        else:
            first[node] = j
    return out
