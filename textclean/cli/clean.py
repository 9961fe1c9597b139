"""`textclean clean`: run a pipeline over files and write the kept documents."""

from __future__ import annotations

import click

from ..config import load_config, pipeline_from_config
from ..jobs import clean_files
from ..pipeline import Pipeline
from ..registry import create
from ._common import (
    domain_errors,
    finish,
    input_options,
    output_options,
    progress,
    read_options,
    show_progress,
)


@click.command("clean")
@input_options
@output_options
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Pipeline config (TOML or JSON); default: the default pipeline.",
)
@click.option(
    "--steps",
    default=None,
    help="Comma-separated step names instead of a config, e.g. fix_mojibake,fix_spacing.",
)
@click.option(
    "--dask",
    "--scheduler",
    "dask_address",
    default=None,
    metavar="ADDRESS",
    help="Run on Dask: tcp://HOST:PORT of a running scheduler, or local:N for a local cluster of N workers.",
)
@click.option(
    "--resume",
    is_flag=True,
    help="Reuse the input files a killed run finished (per-file checkpoints) and do the rest.",
)
@click.option(
    "--record",
    type=click.Choice(["none", "summary", "full"]),
    default=None,
    help="Edits written into meta: none, counts per step (summary, default) or every edit (full).",
)
@domain_errors
def command(
    inputs,
    text_field,
    id_field,
    input_format,
    on_error,
    max_doc_bytes,
    output,
    rejects,
    workers,
    quiet,
    config_path,
    steps,
    dask_address,
    resume,
    record,
):
    """Clean IN... (files or directories of .jsonl[.gz|.zst], .txt, .parquet) into OUT.

    Every record ends in OUT or in the rejects file with its reason;
    the summary on stderr shows read = written + rejected.
    """
    opts = read_options(text_field, id_field, input_format, on_error, max_doc_bytes)
    if config_path and steps:
        raise click.UsageError("give --config or --steps, not both")
    if config_path:
        config = load_config(config_path)
        inp = config.get("input", {})
        if inp:
            opts = read_options(
                inp.get("text_field", text_field),
                inp.get("id_field", id_field),
                input_format,
                on_error,
                inp.get("max_doc_bytes", max_doc_bytes),
            )
        pipeline = pipeline_from_config(config)
    elif steps is not None:
        pipeline = Pipeline([create(name.strip()) for name in steps.split(",") if name.strip()])
    else:
        pipeline = Pipeline.default()
    if record:
        pipeline.record = record
    if dask_address is not None:
        from ..parallel.dask import clean_files_dask, dask_client

        if resume:
            raise click.UsageError("--resume runs locally; drop it with --dask")
        with dask_client(dask_address) as client:
            stats = clean_files_dask(
                pipeline, inputs, output, client=client, rejects=rejects, options=opts
            )
        finish(stats, inputs, opts, quiet, "textclean clean (dask)")
        return
    stats = clean_files(
        pipeline,
        inputs,
        output,
        rejects=rejects,
        options=opts,
        workers=workers,
        resume=resume,
        progress=lambda items: progress(items, show_progress(quiet), "clean"),
    )
    finish(stats, inputs, opts, quiet, "textclean clean")
