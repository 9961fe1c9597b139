"""`textclean passages`: parse, call `textclean.passages_files`, report.

The options are made from `PassageSettings` and `PassageReport`.
"""

from __future__ import annotations

import click

from ..passages.settings import PassageSettings
from ..run import PassageReport, passages_files
from . import _common as common
from ._options import settings_options, take


@click.command("passages")
@common.input_options
@click.option(
    "-o", "--output", required=True,
    help="clusters.jsonl to write (one cluster a line), or - for stdout.",
)  # fmt: skip
@common.run_options
@settings_options(PassageSettings)
@settings_options(PassageReport)
@click.option(
    "--top", type=click.IntRange(min=0), default=10, show_default=True,
    help="Passages listed in the summary.",
)  # fmt: skip
@common.domain_errors
def command(inputs, output, quiet, top, **values):
    """Find passages repeated across and within IN... and write their clusters to OUT.

    Each line of OUT is {"cluster": ID, "occurrences": [{"doc", "start", "end",
    "text", "similarity"}, ...]} with character offsets into each document's
    text as read; the first occurrence in input order is the reference.
    """
    run_on, run = common.executor(values), common.run_config(values)
    settings, page = take(PassageSettings, values), take(PassageReport, values)
    result = passages_files(inputs, output, settings, report=page, run=run, executor=run_on)
    if not quiet:
        click.echo(result.summary(top), err=True)
    common.report(result.stats, quiet, common.title("passages", run_on), kept_label="analysed")
