"""`textclean clean`: parse, call `textclean.clean_files`, report."""

from __future__ import annotations

import click

from ..run import ProgressBar, RunConfig, clean_files
from . import _common as common
from ._options import settings_options


@click.command("clean")
@common.input_options
@common.output_option
@common.run_options
@common.pipeline_options
@settings_options(RunConfig, only=("resume", "record"))
@common.domain_errors
def command(inputs, output, quiet, **values):
    """Clean IN... (files or directories of .jsonl[.gz|.zst], .txt, .parquet, and with
    the html extra .warc[.gz] and .html, whose main text is extracted) into OUT.

    Every record ends in OUT or in the rejects file with its reason;
    the summary on stderr shows read = written + rejected.
    """
    run_on = common.executor(values)
    pipeline, run = common.pipeline_and_run(values, common.run_config(values))
    with ProgressBar("clean", quiet) as bar:
        stats = clean_files(inputs, output, pipeline, run=run, executor=run_on, progress=bar)
    common.report(stats, quiet, common.title("clean", run_on))
