"""`textclean clean`: run a pipeline over files and write the kept documents."""

from __future__ import annotations

import click

from ..config import load_config, pipeline_from_config
from ..pipeline import Pipeline
from ..registry import create
from ._common import (
    documents,
    domain_errors,
    finish,
    input_options,
    output_options,
    progress,
    read_options,
    show_progress,
    write_outcomes,
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
    outcomes = pipeline.outcomes(
        progress(documents(inputs, opts), show_progress(quiet), "clean"), workers=workers
    )
    write_outcomes(outcomes, output, rejects, opts)
    finish(pipeline.stats, inputs, opts, quiet, "textclean clean")
