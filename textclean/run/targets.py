"""What a dedup run opens besides its input and output: the index and the clusters file.

Stages decide and open nothing; a file job opens the index a ``near_dedup``
stage matches against and the clusters file it writes, hands them to the
stage (`NearDedup.with_targets`), and closes them when the run ends.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import orjson

from ..dedup.decide import Cluster
from ..dedup.index import DedupIndex
from ..dedup.near_duplicates import DedupResult
from ..dedup.settings import DedupSettings
from ..dedup.spin_robust import refuse
from ..dedup.stage import ClusterSink, NearDedup, deduplicate
from ..dedup.stores import open_index
from ..document import Document, Drop
from ..errors import ConfigError
from ..io import AtomicOutput
from ..pipeline import Pipeline

__all__ = [
    "check_read_only",
    "clusters_sink",
    "dedup_documents",
    "opened_targets",
    "stage_writes",
    "write_clusters",
]


def check_read_only(index: str | None, read_only: bool) -> None:
    """A read-only check needs an index that exists: it does not create one."""
    if read_only and index and not (Path(index) / "index.sqlite").exists():
        raise ConfigError(f"no index in {index} to check against (read-only does not create one)")


def write_clusters(clusters: DedupResult | Iterable[Cluster], path: str) -> None:
    """One JSON line per cluster of two or more documents, sorted by cluster id."""
    found = clusters.clusters if isinstance(clusters, DedupResult) else clusters
    with AtomicOutput(path) as out:
        for cluster in found:
            out.write(orjson.dumps(cluster.to_dict()) + b"\n")


def clusters_sink(path: str | None) -> ClusterSink | None:
    """The sink that writes a run's clusters to ``path`` (None: no clusters file)."""
    if not path:
        return None
    return lambda result: write_clusters(result, path)


def stage_writes(pipeline: Pipeline) -> dict[str, str | None]:
    """The clusters files and index folders the pipeline's ``near_dedup`` stages write,
    for the path checks (an index named like the output would take its place)."""
    stages = [step for _, step in pipeline.steps if isinstance(step, NearDedup)]
    writes: dict[str, str | None] = {}
    for kind in ("clusters", "index"):
        found = [getattr(step, kind) for step in stages]
        writes.update({kind if i == 0 else f"{kind} {i + 1}": p for i, p in enumerate(found) if p})
    return writes


@contextmanager
def opened_targets(pipeline: Pipeline) -> Iterator[Pipeline]:
    """``pipeline`` with each ``near_dedup`` stage given its opened index and clusters
    sink; the indexes are closed when the run ends. A pipeline with nothing to open
    is ``pipeline`` itself; otherwise its counts are copied back when the run ends."""
    if not any(isinstance(s, NearDedup) and any(s.targets.values()) for _, s in pipeline.steps):
        yield pipeline
        return
    with ExitStack() as stack:
        steps = []
        for name, step in pipeline.steps:
            if isinstance(step, NearDedup) and any(step.targets.values()):
                store = _open(step, step.index, step.redis_url, step.index_read_only)
                if store is not None:
                    stack.callback(store.close)
                step = step.with_targets(store, clusters_sink(step.clusters))
            steps.append((name, step))
        run = copy.copy(pipeline)
        run.steps = steps
        try:
            yield run
        finally:
            pipeline.stats = run.stats


def _open(
    settings: DedupSettings, index: str | None, redis_url: str | None, read_only: bool
) -> DedupIndex | None:
    if settings.spin_robust and (index or redis_url):
        raise refuse("a persistent index")
    check_read_only(index, read_only)
    return open_index(index, redis_url)


def dedup_documents(
    docs: Iterable[Document],
    settings: DedupSettings | None = None,
    *,
    index: str | None = None,
    redis_url: str | None = None,
    clusters: str | ClusterSink | None = None,
    workers: int = 1,
    read_only: bool = False,
    store: DedupIndex | None = None,
) -> Iterator[Document | Drop]:
    """`deduplicate` with its index and clusters file opened here.

    ``index`` (a directory) or ``redis_url`` matches against earlier runs and
    adds this run's kept documents (not with ``read_only``, which checks the
    batch against an index already built); ``clusters`` is a file to write
    one JSON line per cluster to, or a sink that receives the `DedupResult`;
    ``store`` is an index the caller opened (and closes).
    """
    settings = settings or DedupSettings()
    opened = None if store is not None else _open(settings, index, redis_url, read_only)
    sink = clusters_sink(clusters) if isinstance(clusters, str) else clusters
    try:
        yield from deduplicate(
            docs,
            settings,
            store=store if store is not None else opened,
            clusters=sink,
            workers=workers,
            read_only=read_only,
        )
    finally:
        if opened is not None:
            opened.close()
