"""`dedup_files`: near-duplicate (and same-key) documents dropped from files.

The run layer opens what a run writes besides its output: the index (a
directory or Redis) and the clusters file. The stages only decide.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from os import PathLike
from typing import Any

from ..dedup.key import KeyDedup
from ..dedup.settings import DedupSettings
from ..dedup.stage import NearDedup
from ..errors import OptionError
from ..io import check_paths
from ..parallel.executors import DaskExecutor, Executor, LocalExecutor
from ..pipeline import Pipeline
from ..stats import Stats
from .config import Paths, RunConfig, input_bytes, path_list
from .engine import Progress, run_on_files
from .targets import clusters_sink, dedup_documents

__all__ = ["DedupTargets", "dedup_documents", "dedup_files"]


def _opt(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class DedupTargets:
    """What a dedup run matches against and writes besides its output."""

    clusters: str | None = _opt(None, "Write each cluster (members, similarities) as JSONL here.")
    index: str | None = _opt(
        None, "Persistent index directory: match earlier runs, then add this run's kept documents."
    )
    index_read_only: bool = _opt(
        False, "Check against the index (directory or Redis) without adding this run's documents."
    )
    key: str | None = _opt(
        None, "Metadata field (url, guid, ...): keep one document per value before near-dedup."
    )
    near: bool = _opt(True, "Run near-duplicate dedup; off with a key dedups on the key alone.")
    redis: str | None = _opt(None, "Shared index in Redis, e.g. redis://localhost:6379/0.")

    def __post_init__(self) -> None:
        if not self.near and self.key is None:
            raise OptionError("without near-duplicate dedup, a key is needed", "near", "key")
        if self.index_read_only and not (self.index or self.redis):
            raise OptionError(
                "a read-only check needs an index directory or Redis URL",
                "index_read_only",
                "index",
                "redis",
            )


def dedup_files(
    inputs: Paths,
    output: str | PathLike[str],
    settings: DedupSettings | None = None,
    *,
    targets: DedupTargets | None = None,
    run: RunConfig | None = None,
    executor: Executor | None = None,
    progress: Progress | None = None,
) -> Stats:
    """Drop duplicates from ``inputs``; write the kept documents to ``output``.

    Duplicates go to the rejects file with reason exact_duplicate,
    near_duplicate or (with a key) duplicate_key; every document's
    ``meta["textclean"]`` gets cluster, duplicate_of and similarity. On a
    `DaskExecutor` the output, rejects and clusters file are the local run's.
    """
    inputs, output = path_list(inputs), os.fspath(output)
    settings = settings or DedupSettings()
    targets = targets or DedupTargets()
    run = run or RunConfig()
    executor = executor or LocalExecutor()
    writes = {"output": output, "rejects": run.rejects_for(output), "clusters": targets.clusters}
    if isinstance(executor, DaskExecutor):
        stats = _on_dask(inputs, output, settings, targets, run, executor, writes)
    else:
        stats = run_on_files(
            _pipeline(settings, targets, executor.workers),
            inputs,
            output,
            rejects=run.rejects,
            options=run.read,
            workers=executor.workers,
            output_format_name=run.output_format,
            progress=progress,
        )
    stats.bytes_in = input_bytes(inputs, run.read.format)
    return stats


def _pipeline(settings: DedupSettings, targets: DedupTargets, workers: int) -> Pipeline:
    """Key dedup, then ``near_dedup`` with the targets the engine opens for it."""
    stages: list[Any] = []
    if targets.key is not None:
        stages.append(
            KeyDedup(
                key=targets.key,
                keep=settings.keep,
                date_field=settings.date_field,
                score_field=settings.score_field,
            )
        )
    if targets.near:
        stages.append(
            NearDedup(
                **asdict(settings),
                index=targets.index,
                redis_url=targets.redis,
                clusters=targets.clusters,
                workers=workers,
                index_read_only=targets.index_read_only,
            )
        )
    return Pipeline(stages, min_chars=0)


def _on_dask(
    inputs: list[str],
    output: str,
    settings: DedupSettings,
    targets: DedupTargets,
    run: RunConfig,
    executor: DaskExecutor,
    writes: dict[str, str | None],
) -> Stats:
    from ..parallel.dask_dedup import dedup_files_dask

    if targets.index or targets.redis or targets.key or not targets.near:
        raise OptionError(
            "an index, Redis, a key and key-only dedup run locally, not on Dask",
            "index",
            "redis",
            "key",
            "near",
        )
    check_paths(inputs, writes, run.read.format)
    with executor.client() as client:
        return dedup_files_dask(
            inputs,
            output,
            settings,
            client=client,
            rejects=run.rejects,
            clusters=clusters_sink(targets.clusters),
            options=run.read,
            blocksize=executor.blocksize,
            output_format_name=run.output_format,
        )
