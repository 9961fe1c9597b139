"""`textclean clean`: run a pipeline over files and write the kept documents."""

from __future__ import annotations

import click

from ..config import load_config
from ..io import check_paths, default_rejects_path
from ..jobs import clean_files
from ._common import (
    ByteBar,
    build_pipeline,
    dask_option,
    domain_errors,
    finish,
    input_options,
    output_options,
    pipeline_options,
    read_options,
    show_progress,
)


@click.command("clean")
@input_options
@output_options
@pipeline_options
@dask_option("output")
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
    min_chars,
    dask_address,
    resume,
    record,
):
    """Clean IN... (files or directories of .jsonl[.gz|.zst], .txt, .parquet) into OUT.

    Every record ends in OUT or in the rejects file with its reason;
    the summary on stderr shows read = written + rejected.
    """
    opts = read_options(text_field, id_field, input_format, on_error, max_doc_bytes)
    config = load_config(config_path) if config_path else None
    if config is not None and config.get("input"):
        inp = config["input"]
        opts = read_options(
            inp.get("text_field", text_field),
            inp.get("id_field", id_field),
            input_format,
            on_error,
            inp.get("max_doc_bytes", max_doc_bytes),
        )
    pipeline = build_pipeline(config, steps, min_chars)
    if record:
        pipeline.record = record
    if dask_address is not None:
        from ..parallel.dask import dask_client, run_pipeline_dask

        if resume:
            raise click.UsageError("--resume runs locally; drop it with --dask")
        check_paths(
            inputs,
            {"output": output, "rejects": rejects or default_rejects_path(output)},
            opts.format,
        )
        with dask_client(dask_address) as client:
            stats = run_pipeline_dask(
                pipeline, inputs, output, client=client, rejects=rejects, options=opts
            )
        finish(stats, inputs, opts, quiet, "textclean clean (dask)")
        return
    with ByteBar("clean", show_progress(quiet)) as bar:
        stats = clean_files(
            pipeline,
            inputs,
            output,
            rejects=rejects,
            options=opts,
            workers=workers,
            resume=resume,
            progress=bar,
        )
    finish(stats, inputs, opts, quiet, "textclean clean")
