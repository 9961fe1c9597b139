"""Connected components of the verified-pair graph on Dask (stage 5).

Min-label propagation on dataframes: every node takes the smallest label
among itself and its neighbours until nothing changes (the per-partition
steps are `textclean.dedup.frame_decisions.first_labels` and `smallest_labels`). It is used when the
edge list is too large for union-find on the client, and gives the same
components (a property test compares them).
"""

from __future__ import annotations

from typing import Any

from ..dedup.frame_decisions import first_labels, smallest_labels
from ..dedup.frames import empty_frame
from ..errors import ConfigError
from .cluster import _dask

# --- stage 5: connected components -------------------------------------------------------


def label_components(
    edges: Any, partitions: int, *, client: Any = None, max_rounds: int = 1000
) -> Any:
    """Each node of ``edges`` (a Dask frame of ``a, b``) with the smallest node of its component.

    Min-label propagation: every node takes the smallest label among itself
    and its neighbours until no label changes (rounds: about the diameter of
    the largest component). Every step is a shuffle on the node followed by a
    per-partition minimum, so no partition holds more than its share of
    nodes. Returns a Dask frame of ``node, label``.
    """
    dd = dask_dataframe()
    both = dd.concat(
        [
            edges[["a", "b"]].rename(columns={"a": "node", "b": "other"}),
            edges[["b", "a"]].rename(columns={"b": "node", "a": "other"}),
        ]
    )
    meta = empty_frame({"node": "int64", "label": "int64"})
    start = both.map_partitions(first_labels, meta=meta)
    labels = persist(_smallest(start, partitions, meta), client)
    for _ in range(max_rounds):
        seen = both.merge(labels.rename(columns={"node": "other"}), on="other")[["node", "label"]]
        new = persist(_smallest(dd.concat([seen, labels]), partitions, meta), client)
        joined = labels.merge(new.rename(columns={"label": "after"}), on="node")
        changed = int((joined["label"] != joined["after"]).sum().compute())
        labels = new
        if changed == 0:
            return labels
    raise ConfigError(f"connected components did not settle in {max_rounds} rounds")


def _smallest(frame: Any, partitions: int, meta: Any) -> Any:
    """The smallest ``label`` per ``node``: shuffled on the node, reduced per partition."""
    return frame.shuffle(on="node", npartitions=partitions).map_partitions(
        smallest_labels, meta=meta
    )


def persist(frame: Any, client: Any) -> Any:
    return client.persist(frame) if client is not None else frame.persist()


def dask_dataframe() -> Any:
    _dask()
    import dask.dataframe as dd

    return dd
