"""Near-duplicate decisions over partitions of rows: components and kept documents.

The pure functions of stages 5 and 6 of a distributed run
(`textclean.parallel.dask_dedup`): a step of min-label propagation, which
finds the connected components of the verified-pair graph when it is too
large for one process, and `decide` (the local function) on whole clusters.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import numpy as np

from .cluster import clusters as union_find
from .decide import Cluster, Graph, Grouping, Member, decide
from .exact import canonical_rank
from .frames import brief, signature_matrix
from .settings import DedupSettings

# --- stage 5: connected components -------------------------------------------------------


def first_labels(part: Any) -> Any:
    """Each ``node`` of a partition of edges (``node, other``) labelled with the smaller end."""
    return part.assign(label=part[["node", "other"]].min(axis=1))[["node", "label"]]


def smallest_labels(part: Any) -> Any:
    """The smallest ``label`` per ``node`` of a partition holding all of each node's rows.

    One step of min-label propagation: repeated until no label changes, every
    node carries the smallest node of its component.
    """
    return part.groupby("node", as_index=False, sort=True)["label"].min()


# --- stage 6: decisions ------------------------------------------------------------------


def decide_rows(
    rows: Any, edges: Any, settings: DedupSettings
) -> tuple[dict[int, Member], list[Cluster]]:
    """`decide` on whole clusters: ``rows`` of their documents, ``edges`` their verified pairs.

    Ranks among a subset keep the global order, so each cluster comes out as
    in a local run over the whole corpus.
    """
    rows = rows.sort_values("doc")
    codes = rows["doc"].tolist()
    keys = rows["key"].tolist()
    docs = [
        brief(i, f, settings)
        for i, f in zip(rows["id"].tolist(), rows["brief"].tolist(), strict=True)
    ]
    rank = canonical_rank([d.id for d in docs], keys)
    groups: dict[bytes, list[int]] = defaultdict(list)
    for i in sorted(range(len(docs)), key=rank.__getitem__):
        groups[keys[i]].append(i)
    reps = [g[0] for _, g in sorted(groups.items(), key=lambda kv: rank[kv[1][0]])]
    node = {codes[i]: n for n, i in enumerate(reps)}
    sig_bytes = rows["sig"].tolist()
    sig = signature_matrix([sig_bytes[i] for i in reps], settings.num_perm, settings.scheme)
    graph = Graph(docs, reps, sig)  # type: ignore[arg-type]
    if len(edges):
        edges = edges.sort_values(["a", "b"])
        graph.pairs = np.array(
            [
                [node[a], node[b]]
                for a, b in zip(edges["a"].tolist(), edges["b"].tolist(), strict=True)
            ],
            dtype=np.int64,
        )
        graph.sims = edges["sim"].to_numpy(dtype=np.float64)
    labels = union_find(len(reps), graph.pairs, np.arange(len(reps)))
    members, found = decide(docs, settings, Grouping(keys, rank, groups, {}), graph, labels)  # type: ignore[arg-type]
    return dict(zip(codes, members, strict=True)), found


def decide_partition(part: Any, settings: DedupSettings) -> tuple[dict[int, Member], list[Cluster]]:
    """Whole components (``components="dask"``): document rows and edge rows, decided on a worker."""
    edge = part["edge"].astype(bool)
    rows, edges = part[~edge], part[edge]
    if not len(rows):
        return {}, []
    return decide_rows(
        rows.astype({"doc": "int64"}), edges.astype({"a": "int64", "b": "int64"}), settings
    )
