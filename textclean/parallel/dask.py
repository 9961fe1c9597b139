"""Running textclean on Dask: the same pipeline, the same bytes, on a cluster.

Install the extra: ``pip install 'textclean[dask]'``. Per-document steps run
in `map_partitions` over blocks of the input; each partition writes its part
of the output into a work directory that every worker can reach (a shared
filesystem on a real cluster), and the client joins the parts in input order,
so the result is byte-identical to a local run with any number of workers or
partitions. Counts are merged from the partitions.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..document import Document, Drop
from ..errors import ConfigError
from ..io import AtomicOutput, ReadOptions, default_rejects_path
from ..io.parts import join_parts, write_outcomes
from ..pipeline import Pipeline
from ..runner import DocRunner
from ..stats import Stats
from ..steps import is_stage
from .blocks import Block, read_block
from .cluster import DEFAULT_BLOCKSIZE, _dask, dask_client, prepare_run
from .dask_dedup import dedup_files_dask

__all__ = [
    "DEFAULT_BLOCKSIZE",
    "clean_files_dask",
    "dask_client",
    "run_bag",
    "run_pipeline_dask",
]


def _process_block(
    index: int, block: Block, runner: DocRunner, opts: ReadOptions, work: str
) -> dict[str, Any]:
    """One partition: read, run the steps, write its parts; return its counts."""
    stats = Stats()

    def outcomes() -> Iterable[Document | Drop]:
        for item in read_block(block, opts):
            stats.seen += 1
            out = item if isinstance(item, Drop) else runner.run_one(item, stats)
            if isinstance(out, Drop):
                stats.dropped[out.reason] += 1
            else:
                stats.kept += 1
            yield out

    base = Path(work)
    write_outcomes(
        outcomes(),
        str(base / f"{index:06d}.out.jsonl"),
        str(base / f"{index:06d}.rejects.jsonl"),
        opts,
        "jsonl",
    )
    return stats.to_record()


def clean_files_dask(
    pipeline: Pipeline,
    inputs: Iterable[str],
    output: str,
    *,
    client: Any = None,
    rejects: str | None = None,
    options: ReadOptions | None = None,
    blocksize: int | None = DEFAULT_BLOCKSIZE,
    output_format_name: str = "auto",
) -> Stats:
    """`textclean.run.engine.run_on_files` on Dask: per-document pipelines over partitioned input.

    ``client`` is a ``distributed.Client`` (None: Dask's current scheduler).
    Output and rejects are identical to the local run, and so is the warning
    about HTML pages in the text field.
    """
    dask = _dask()
    if any(is_stage(step) for _, step in pipeline.steps):
        raise ConfigError(
            "clean_files_dask runs per-document steps; run_pipeline_dask runs pipelines "
            "with corpus-level stages"
        )
    started = time.perf_counter()
    opts, rejects, blocks, work = prepare_run(inputs, output, rejects, options, blocksize)
    runner = pipeline.doc_runner(pipeline.steps)
    tasks = [
        dask.delayed(_process_block)(i, b, runner, opts, str(work)) for i, b in enumerate(blocks)
    ]
    try:
        if client is not None:
            results = client.gather(client.compute(tasks))
        else:
            results = dask.compute(*tasks)
        total = Stats()
        for result in results:
            total.merge(Stats.from_record(result))
        join_parts(work, len(blocks), "out", output, opts, output_format_name)
        join_parts(work, len(blocks), "rejects", rejects, opts, "jsonl")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    total.elapsed = time.perf_counter() - started
    total.check()
    pipeline.stats = total
    return total


def run_pipeline_dask(
    pipeline: Pipeline,
    inputs: Iterable[str],
    output: str,
    *,
    client: Any = None,
    rejects: str | None = None,
    options: ReadOptions | None = None,
    blocksize: int | None = DEFAULT_BLOCKSIZE,
    output_format_name: str = "auto",
) -> Stats:
    """Any pipeline on Dask, output and rejects identical to the local run.

    The pipeline runs in segments, each reading the one before's output from
    a work directory beside ``output``: a run of per-document steps with
    `clean_files_dask`, a near-duplicate stage (``near_dedup``) with
    `dedup_files_dask`, and any other corpus-level stage on the client (it
    needs the whole corpus in one place anyway). A stage consumes its whole
    input before it yields, so the local run's rejects are the segments'
    rejects in order: they are joined so. The later segments read their
    input as the same run's (``ReadOptions.same_run``): its textclean record
    is this run's, and the warning about HTML pages in the text field, given
    by the first segment, is not repeated.
    """
    from ..dedup.stage import NearDedup, NearDedupWithTargets
    from ..run.engine import run_on_files

    segments: list[list[tuple[str, Any]]] = []
    for name, step in pipeline.steps:
        if is_stage(step) or not segments or is_stage(segments[-1][-1][1]):
            segments.append([])
        segments[-1].append((name, step))
    if len(segments) <= 1 and not any(is_stage(s) for _, s in pipeline.steps):
        return clean_files_dask(
            pipeline,
            inputs,
            output,
            client=client,
            rejects=rejects,
            options=options,
            blocksize=blocksize,
            output_format_name=output_format_name,
        )
    opts = options or ReadOptions()
    rejects = rejects or default_rejects_path(output)
    started = time.perf_counter()
    out = Path(output)
    work = out.with_name(f".{out.name}.segments")
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    total = Stats()
    try:
        source, source_opts = list(inputs), opts
        rejected: list[str] = []
        for i, segment in enumerate(segments):
            last = i == len(segments) - 1
            target = output if last else str(work / f"{i:03d}.jsonl")
            rejected.append(str(work / f"{i:03d}.rejects.jsonl"))
            name, first = segment[0]
            if not is_stage(first):
                sub = Pipeline(segment, record=pipeline.record, min_chars=pipeline.min_chars)
                stats = clean_files_dask(
                    sub, source, target, client=client, rejects=rejected[-1],
                    options=source_opts, blocksize=blocksize,
                    output_format_name=output_format_name if last else "jsonl",
                )  # fmt: skip
            elif on_dask := _dedup_on_dask(first, NearDedup, NearDedupWithTargets):
                stats = dedup_files_dask(
                    source, target, on_dask[0], client=client, rejects=rejected[-1],
                    clusters=on_dask[1], options=source_opts, blocksize=blocksize,
                    output_format_name=output_format_name if last else "jsonl", step=name,
                )  # fmt: skip
            else:
                sub = Pipeline(segment, record=pipeline.record, min_chars=0)
                stats = run_on_files(
                    sub, source, target, rejects=rejected[-1], options=source_opts,
                    output_format_name=output_format_name if last else "jsonl",
                )  # fmt: skip
            if i == 0:
                total.seen = stats.seen
            total.dropped.update(stats.dropped)
            total.changed.update(stats.changed)
            total.seconds.update(stats.seconds)
            total.kept = stats.kept
            source = [target]
            source_opts = ReadOptions(
                text_field=opts.text_field, id_field=opts.id_field, same_run=True
            )
        with AtomicOutput(rejects) as joined:
            for part in rejected:
                with open(part, "rb") as fh:
                    shutil.copyfileobj(fh, joined.stream)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    total.elapsed = time.perf_counter() - started
    total.check()
    pipeline.stats = total
    return total


def _dedup_on_dask(stage: Any, plain: type, opened: type) -> tuple[Any, Any] | None:
    """(settings, clusters file or sink) of a ``near_dedup`` stage that runs on Dask:
    one without an index. Any other stage runs on the client."""
    if isinstance(stage, opened) and stage.store is None:
        return stage.stage, stage.clusters
    if isinstance(stage, plain) and not (stage.index or stage.redis_url):
        return stage, stage.clusters
    return None


def run_bag(pipeline: Pipeline, bag: Any) -> Any:
    """A Dask bag of Documents -> a bag of outcomes (Documents and Drops), partition by partition."""
    if any(is_stage(step) for _, step in pipeline.steps):
        raise ConfigError("run_bag runs per-document steps only")
    runner = pipeline.doc_runner(pipeline.steps)
    return bag.map_partitions(lambda part: runner(part)[0])
