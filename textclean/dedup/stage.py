"""The ``near_dedup`` stage and `dedup_documents`, the library call behind ``textclean dedup``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from ..document import Document, Drop
from ..errors import ConfigError
from ..registry import register
from ..steps import Stage
from .decide import Member
from .index import DedupIndex
from .near_duplicates import DedupResult, find_duplicates
from .replay import Replay
from .settings import DedupSettings
from .spin_robust import refuse, spin_detail
from .stores import open_index


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
    """Every document, in input order: kept ones annotated, duplicates as `Drop`s.

    Each document's ``meta["textclean"]`` gets ``cluster`` (id of the
    cluster's kept or first document), ``duplicate_of`` and ``similarity``.
    ``index`` (a directory) or ``redis_url`` matches against earlier runs and
    adds this run's kept documents; ``clusters`` writes one JSON line per
    cluster with its members and verified pairwise similarities; ``workers``
    processes compute signatures (the result does not depend on it).
    ``read_only`` checks the batch against the index without adding to it, so
    a candidate batch can be tested against a corpus already built.
    ``store`` is an index the caller opened (and closes); ``clusters`` may
    also be a callable that receives the `DedupResult` (the caller writes it).
    """
    settings = settings or DedupSettings()
    if settings.spin_robust and (index or redis_url or store is not None):
        raise refuse("a persistent index")
    check_read_only(index, read_only)
    with Replay(docs) as source:
        if store is not None:
            result = _decide_with(source, settings, store, clusters, workers, read_only)
        else:
            result = _decide(source, settings, index, redis_url, clusters, workers, read_only)
        yield from _fates(source.again(), result)


#: Receives the run's clusters once they are known (the run layer writes the file).
ClusterSink = Callable[[DedupResult], None]


def check_read_only(index: str | None, read_only: bool) -> None:
    """A read-only check needs an index that exists: it does not create one."""
    if read_only and index and not (Path(index) / "index.sqlite").exists():
        raise ConfigError(f"no index in {index} to check against (read-only does not create one)")


def _decide(
    source: Replay,
    settings: DedupSettings,
    index: str | None,
    redis_url: str | None,
    clusters: str | ClusterSink | None,
    workers: int,
    read_only: bool = False,
) -> DedupResult:
    """Pass one: every document's outcome, the clusters file and the index update."""
    store = open_index(index, redis_url)
    try:
        return _decide_with(source, settings, store, clusters, workers, read_only)
    finally:
        if store is not None:
            store.close()


def _decide_with(
    source: Replay,
    settings: DedupSettings,
    store: DedupIndex | None,
    clusters: str | ClusterSink | None,
    workers: int,
    read_only: bool,
) -> DedupResult:
    if store is not None:
        store.check_settings(settings.index_settings())
    result = find_duplicates(source, settings, store, workers)
    if callable(clusters):
        clusters(result)
    elif clusters:
        write_clusters(result, clusters)
    if store is not None and not read_only:
        store.add(*result.new_entries)
    return result


def _fates(docs: Iterator[Document], result: DedupResult) -> Iterator[Document | Drop]:
    """Pass two: each document again, annotated, as itself or as a `Drop`."""
    for doc, member in zip(docs, result.members, strict=True):
        yield fate(doc, member)


def fate(doc: Document, member: Member, step: str = "") -> Document | Drop:
    """The one keep-or-drop decision: ``doc`` annotated with its dedup record, kept,
    or dropped as an exact or near duplicate (local and Dask runs alike)."""
    annotated = doc.annotate_many(member.record())
    if member.kept:
        return annotated
    reason = "exact_duplicate" if member.exact else "near_duplicate"
    if member.duplicate_of is None:
        detail = "keep=none drops every copy"
    else:
        detail = f"similarity {member.similarity:.3f} to {member.duplicate_of}"
        if member.evidence is not None:
            detail += spin_detail(member.evidence)
    return Drop(reason, detail, step, annotated)


def write_clusters(result: DedupResult, path: str) -> None:
    """One JSON line per cluster of two or more documents, sorted by cluster id."""
    target = Path(path)
    tmp = target.with_name(target.name + ".tmp")
    with open(tmp, "wb") as out:
        for cluster in result.clusters:
            out.write(orjson.dumps(cluster.to_dict()) + b"\n")
    tmp.replace(target)


def _opt(default: object, help: str) -> object:
    return field(default=default, metadata={"help": help})


@register("near_dedup")
@dataclass(frozen=True)
class NearDedup(DedupSettings, Stage):
    """Drop near-duplicate documents (MinHash LSH, verified pairs, a keep policy)."""

    index: str | None = _opt(None, "Directory of a persistent index (SQLite) shared across runs.")
    redis_url: str | None = _opt(None, "Redis URL of a shared index (datasketch's Redis storage).")
    clusters: str | None = _opt(
        None, "Write clusters with members and pairwise similarities here (JSONL)."
    )
    workers: int = _opt(1, "Processes computing signatures; the result is the same for any number.")
    index_read_only: bool = _opt(
        False, "Check against the index without adding this run's documents to it."
    )

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document | Drop]:
        return dedup_documents(
            docs,
            self,
            index=self.index,
            redis_url=self.redis_url,
            clusters=self.clusters,
            workers=self.workers,
            read_only=self.index_read_only,
        )
