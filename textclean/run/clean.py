"""`clean_files`: a pipeline over files, locally or on Dask, to an output and a rejects file."""

from __future__ import annotations

import copy
import os
from collections.abc import Collection, Mapping
from os import PathLike
from typing import Any

from ..config import load_config
from ..errors import OptionError
from ..io import check_paths
from ..parallel.executors import DaskExecutor, Executor, LocalExecutor
from ..pipeline import Pipeline
from ..stats import Stats
from .config import Paths, RunConfig, input_bytes, path_list
from .engine import Progress, run_on_files
from .targets import opened_targets, stage_writes

__all__ = ["PipelineSource", "clean_files", "resolve_pipeline"]

#: A built pipeline, a config file (TOML/JSON) or a parsed config; None: the default.
PipelineSource = Pipeline | str | PathLike[str] | Mapping[str, Any] | None


def resolve_pipeline(
    source: PipelineSource, run: RunConfig, pinned: Collection[str] = ()
) -> tuple[Pipeline, RunConfig]:
    """The pipeline to run and the run settings, with a config's ``[input]`` applied
    (``pinned``: read fields set on purpose, `RunConfig.with_input`) and
    ``run.record`` set on a copy of the pipeline (the caller's is left alone)."""
    if source is None:
        pipeline = Pipeline.default()
    elif isinstance(source, Pipeline):
        pipeline = source
    else:
        config = load_config(source)
        pipeline = Pipeline.from_config(config)
        run = run.with_input(config, pinned)
    if run.record is not None and run.record != pipeline.record:
        pipeline = copy.copy(pipeline)
        pipeline.record = run.record
    return pipeline, run


def clean_files(
    inputs: Paths,
    output: str | PathLike[str],
    pipeline: PipelineSource = None,
    *,
    run: RunConfig | None = None,
    executor: Executor | None = None,
    progress: Progress | None = None,
) -> Stats:
    """Clean ``inputs`` (files or directories) into ``output``; drops go to the rejects file.

    ``pipeline`` is a `Pipeline`, a config (file or mapping; its ``[input]``
    table applies over ``run.read``) or None for the default pipeline.
    ``executor`` is `LocalExecutor` (default: one process) or `DaskExecutor`;
    the output bytes are the same on either. ``progress(done, total)`` is
    called with input bytes as outcomes are written (local runs). Returns the
    run's `Stats`, complete with the input size: read = written + rejected.
    """
    inputs, output = path_list(inputs), os.fspath(output)
    pipeline, run = resolve_pipeline(pipeline, run or RunConfig())
    executor = executor or LocalExecutor()
    if isinstance(executor, DaskExecutor):
        stats = _on_dask(pipeline, inputs, output, run, executor)
    else:
        stats = run_on_files(
            pipeline,
            inputs,
            output,
            rejects=run.rejects,
            options=run.read,
            workers=executor.workers,
            resume=run.resume,
            output_format_name=run.output_format,
            progress=progress,
        )
    stats.bytes_in = input_bytes(inputs, run.read.format)
    return stats


def _on_dask(
    pipeline: Pipeline, inputs: list[str], output: str, run: RunConfig, executor: DaskExecutor
) -> Stats:
    from ..parallel.dask import run_pipeline_dask

    if run.resume:
        raise OptionError("resuming runs locally, not on Dask", "resume")
    writes = {"output": output, "rejects": run.rejects_for(output), **stage_writes(pipeline)}
    check_paths(inputs, writes, run.read.format)
    with executor.client() as client, opened_targets(pipeline) as opened:
        return run_pipeline_dask(
            opened,
            inputs,
            output,
            client=client,
            rejects=run.rejects,
            options=run.read,
            blocksize=executor.blocksize,
            output_format_name=run.output_format,
        )
