"""The ``near_dedup`` stage and `deduplicate`, the decision behind ``textclean dedup``.

Nothing here opens a file or an index: a file job (`textclean.run`) opens
the index and the clusters file and hands them to the stage.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

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


def deduplicate(
    docs: Iterable[Document],
    settings: DedupSettings | None = None,
    *,
    store: DedupIndex | None = None,
    clusters: ClusterSink | None = None,
    workers: int = 1,
    read_only: bool = False,
) -> Iterator[Document | Drop]:
    """Every document, in input order: kept ones annotated, duplicates as `Drop`s.

    Each document's ``meta["textclean"]`` gets ``cluster`` (id of the
    cluster's kept or first document), ``duplicate_of`` and ``similarity``.
    ``store`` is an index the caller opened (and closes): documents are
    matched against it, and this run's kept ones added unless ``read_only``.
    ``clusters`` receives the `DedupResult` once it is known (the caller
    writes the clusters file). ``workers`` processes compute signatures (the
    result does not depend on it).
    """
    settings = settings or DedupSettings()
    if settings.spin_robust and store is not None:
        raise refuse("a persistent index")
    with Replay(docs) as source:
        result = _decide(source, settings, store, workers)
        yield from _fates(source.again(), result)
    # The index learns this run's documents, and the clusters are handed on,
    # only once every outcome is out: a run stopped before that leaves the
    # index as it was (running it again does not find each document a
    # duplicate of itself) and no clusters file beside no output.
    if clusters is not None:
        clusters(result)
    if store is not None and not read_only:
        store.add(*result.new_entries)


#: Receives the run's clusters once they are known (the run layer writes the file).
ClusterSink = Callable[[DedupResult], None]


def _decide(
    source: Replay,
    settings: DedupSettings,
    store: DedupIndex | None,
    workers: int,
) -> DedupResult:
    """Pass one: every document's outcome and the clusters."""
    if store is not None:
        store.check_settings(settings.index_settings())
    return find_duplicates(source, settings, store, workers)


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


def _opt(
    default: object, help: str, range: tuple[float | None, float | None] | None = None
) -> object:
    return field(default=default, metadata={"help": help, **({"range": range} if range else {})})


@register("near_dedup")
@dataclass(frozen=True)
class NearDedup(DedupSettings, Stage):
    """Drop near-duplicate documents (MinHash LSH, verified pairs, a keep policy)."""

    index: str | None = _opt(None, "Directory of a persistent index (SQLite) shared across runs.")
    redis_url: str | None = _opt(None, "Redis URL of a shared index (datasketch's Redis storage).")
    clusters: str | None = _opt(
        None, "Write clusters with members and pairwise similarities here (JSONL)."
    )
    workers: int = _opt(
        1, "Processes computing signatures; the result is the same for any number.", range=(1, None)
    )
    index_read_only: bool = _opt(
        False, "Check against the index without adding this run's documents to it."
    )

    @property
    def targets(self) -> dict[str, str | None]:
        """What a file job opens for this stage: the index (directory or Redis) and
        the clusters file; none set means the stage needs nothing opened."""
        return {"index": self.index, "redis_url": self.redis_url, "clusters": self.clusters}

    def with_targets(
        self, store: DedupIndex | None, clusters: ClusterSink | None
    ) -> NearDedupWithTargets:
        """This stage with the index and the clusters sink a file job opened for it."""
        return NearDedupWithTargets(self, store, clusters)

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document | Drop]:
        if any(self.targets.values()):
            raise ConfigError(
                "near_dedup: an index or a clusters file is opened by a file job "
                "(textclean.clean_files or dedup_files), which runs this stage with them"
            )
        return deduplicate(docs, self, workers=self.workers)


@dataclass(frozen=True)
class NearDedupWithTargets(Stage):
    """``near_dedup`` with what a file job opened for it: the index it matches
    against and the sink of its clusters. The stage itself opens nothing."""

    stage: NearDedup
    store: DedupIndex | None = None
    clusters: ClusterSink | None = None

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document | Drop]:
        return deduplicate(
            docs,
            self.stage,
            store=self.store,
            clusters=self.clusters,
            workers=self.stage.workers,
            read_only=self.stage.index_read_only,
        )


def __getattr__(name: str) -> object:
    """Names that moved to the run layer, which opens indexes and writes files."""
    if name in ("dedup_documents", "write_clusters", "check_read_only"):
        from ..run import targets

        return getattr(targets, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
