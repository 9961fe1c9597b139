"""`textclean dedup`: parse, call `textclean.dedup_files`, report.

The options are made from `DedupSettings` and `DedupTargets`, so a new
setting is a new option here with no edit.
"""

from __future__ import annotations

import click

from ..dedup.settings import DedupSettings
from ..run import DedupTargets, dedup_files
from ._common import (
    ByteBar,
    domain_errors,
    executor,
    input_options,
    output_option,
    report,
    run_config,
    run_options,
    title,
)
from ._options import settings_options, take


@click.command("dedup")
@input_options
@output_option
@run_options
@settings_options(DedupSettings)
@settings_options(DedupTargets)
@domain_errors
def command(inputs, output, quiet, **values):
    """Drop near-duplicates from IN... and write the kept documents to OUT.

    Duplicates go to the rejects file with reason exact_duplicate,
    near_duplicate or (with --key) duplicate_key; every document's
    meta.textclean gets cluster, duplicate_of and similarity.
    """
    run_on, run = executor(values), run_config(values)
    targets, settings = take(DedupTargets, values), take(DedupSettings, values)
    with ByteBar("dedup", quiet) as bar:
        stats = dedup_files(
            inputs, output, settings, targets=targets, run=run, executor=run_on, progress=bar
        )
    report(stats, quiet, title("dedup", run_on))
