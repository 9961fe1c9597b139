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

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from ..document import Document
from .cluster import clusters
from .decide import Cluster, Graph, Grouping, Member, decide
from .exact import ExactGroups, canonical_rank
from .first_pass import first_pass, gather_rows, texts_at
from .index import DedupIndex
from .jaccard import exact_jaccard
from .lsh import band_keys, candidate_pairs, pair_similarity
from .minhash import signature_dtype
from .replay import Replay
from .settings import DedupSettings
from .spin_robust import spin_links


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


def find_duplicates(
    docs: Iterable[Document] | Replay,
    settings: DedupSettings,
    index: DedupIndex | None = None,
    workers: int = 1,
) -> DedupResult:
    """Cluster ``docs`` (and match them against ``index``); decide what to keep.

    Reads the documents once for signatures and, only when pairs need an exact
    check, once more for those pairs' texts; memory holds no other text.
    """
    source = docs if isinstance(docs, Replay) else Replay(list(docs))
    first = first_pass(source.first(), settings, workers)
    facts, keys = first.facts, first.keys
    rank = canonical_rank(facts.ids, keys)
    indexed = index.lookup_exact(sorted(set(keys))) if index is not None else {}
    groups = ExactGroups()
    for i in sorted(range(len(facts)), key=rank.__getitem__):
        groups.add(keys[i], i)
    # keys were added in the rank order of their first member
    reps = [groups[k][0] for k in groups if k not in indexed]
    sig = gather_rows(first.chunks, reps, settings.num_perm, settings.scheme)
    bkeys = band_keys(sig, *settings.lsh_shape)
    graph = Graph(facts, reps, sig)
    pairs = candidate_pairs(bkeys, None, settings.max_bucket)
    sims = pair_similarity(sig, pairs)
    if settings.spin_robust:
        pairs, sims, graph.spin = spin_links(source, settings, workers, reps, pairs)
    elif settings.verify == "exact":
        near = np.abs(sims - settings.threshold) <= uncertainty(
            settings.threshold, settings.num_perm
        )
        used = np.unique(pairs[near]).tolist()
        texts = texts_at(source.again(), {reps[u]: u for u in used})
        sims[near] = exact_jaccard(texts, pairs[near], settings)
    ok = sims >= settings.threshold
    graph.pairs, graph.sims = pairs[ok], sims[ok]
    if index is not None and len(reps):
        _match_index(graph, index, bkeys, settings)
    del bkeys  # remade below for the few rows the index needs
    r, e = len(reps), len(graph.ext_ids)
    node_rank = np.concatenate([np.arange(r) + e, np.arange(e)])  # indexed documents win
    labels = clusters(r + e, graph.pairs, node_rank)
    members, found = decide(facts, settings, Grouping(keys, rank, groups, indexed), graph, labels)
    entries = _index_entries(facts.ids, keys, reps, groups, members, sig, settings, index)
    return DedupResult(members, found, entries)


def _index_entries(
    ids: list[str],
    keys: list[bytes],
    reps: list[int],
    groups: Mapping[bytes, list[int]],
    members: list[Member],
    sig: np.ndarray,
    settings: DedupSettings,
    index: DedupIndex | None,
) -> tuple[list[str], list[bytes], np.ndarray, np.ndarray]:
    """Id, exact key, signature and band keys of each kept representative, for the index."""
    kept_nodes, kept_ids = [], []
    if index is not None:
        for n, i in enumerate(reps):
            kept_here = [j for j in groups[keys[i]] if members[j].kept]
            if kept_here:
                kept_nodes.append(n)
                kept_ids.append(ids[kept_here[0]])
    kept_sig = sig[kept_nodes]
    bkeys = band_keys(kept_sig, *settings.lsh_shape)
    return kept_ids, [keys[reps[n]] for n in kept_nodes], kept_sig, bkeys


def _match_index(
    graph: Graph, index: DedupIndex, bkeys: np.ndarray, settings: DedupSettings
) -> None:
    """Add verified links from representatives to documents already in the index."""
    hits = index.candidates(bkeys, graph.sig)
    refs = np.unique(hits[:, 1])
    if not len(refs):
        return
    graph.ext_ids, ext_sig = index.fetch(refs, signature_dtype(settings.scheme))
    r = len(graph.reps)
    node = r + np.searchsorted(refs, hits[:, 1])
    sims = np.mean(graph.sig[hits[:, 0]] == ext_sig[node - r], axis=1)
    ok = sims >= settings.threshold
    graph.sig = np.concatenate([graph.sig, ext_sig])
    graph.pairs = np.concatenate([graph.pairs, np.stack([hits[ok, 0], node[ok]], axis=1)])
    graph.sims = np.concatenate([graph.sims, sims[ok]])
