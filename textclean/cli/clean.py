"""`textclean clean`: parse, call `textclean.clean_files`, report."""

from __future__ import annotations

import click

from ..run import clean_files
from ._common import (
    ByteBar,
    domain_errors,
    executor,
    input_options,
    output_option,
    pipeline_and_run,
    pipeline_options,
    report,
    run_config,
    run_options,
    title,
)


@click.command("clean")
@input_options
@output_option
@run_options
@pipeline_options
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
def command(inputs, output, quiet, **values):
    """Clean IN... (files or directories of .jsonl[.gz|.zst], .txt, .parquet) into OUT.

    Every record ends in OUT or in the rejects file with its reason;
    the summary on stderr shows read = written + rejected.
    """
    run_on = executor(values)
    run = run_config(values, record=values.pop("record"), resume=values.pop("resume"))
    pipeline, run = pipeline_and_run(values, run)
    with ByteBar("clean", quiet) as bar:
        stats = clean_files(inputs, output, pipeline, run=run, executor=run_on, progress=bar)
    report(stats, quiet, title("clean", run_on))
