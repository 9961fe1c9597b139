"""`textclean dedup`: parse, call `textclean.dedup_files`, report.

The options are made from `DedupSettings` and `DedupTargets`, so a new
setting is a new option here with no edit.
"""

from __future__ import annotations

import click

from ..dedup.settings import DedupSettings
from ..run import DedupTargets, ProgressBar, dedup_files
from . import _common as common
from ._options import settings_options, take


@click.command("dedup")
@common.input_options
@common.output_option
@common.run_options
@settings_options(DedupSettings)
@settings_options(DedupTargets)
@common.domain_errors
def command(inputs, output, quiet, **values):
    """Drop near-duplicates from IN... and write the kept documents to OUT.

    Duplicates go to the rejects file with reason exact_duplicate,
    near_duplicate or (with --key) duplicate_key; every document's
    meta.textclean gets cluster, duplicate_of and similarity.
    """
    run_on, run = common.executor(values), common.run_config(values)
    targets, settings = take(DedupTargets, values), take(DedupSettings, values)
    with ProgressBar("dedup", quiet) as bar:
        stats = dedup_files(
            inputs, output, settings, targets=targets, run=run, executor=run_on, progress=bar
        )
    common.report(stats, quiet, common.title("dedup", run_on))
