"""`textclean decontaminate`: cut evaluation-set passages out of a corpus.

The options are made from `ReadOptions` and `DecontaminationSettings`.
"""

from __future__ import annotations

import click

from ..decontaminate import DecontaminationSettings
from ..io import ReadOptions
from ..run import RunConfig, decontaminate_files
from . import _common as common
from ._options import settings_options, take

against_options = common.stack(
    click.option("--against", multiple=True, required=True, metavar="EVAL",
                 help="Evaluation set: a file or directory in any input format; repeat for several."),
    click.option("--against-text-field", default=None,
                 help="Field holding the text of evaluation records [default: --text-field]."),
    click.option("--against-id-field", default=None,
                 help="Field holding the id of evaluation records [default: --id-field]."),
)  # fmt: skip


@click.command("decontaminate")
@common.input_options
@common.output_option
@against_options
@settings_options(DecontaminationSettings)
@settings_options(RunConfig, only=("rejects",))
@common.workers_option
@click.option("-q", "--quiet", is_flag=True, help="No summary.")
@common.domain_errors
def command(inputs, output, against, against_text_field, against_id_field, quiet, **values):
    """Cut from IN... every sentence sharing an n-gram with the evaluation set EVAL.

    A document whose cut sentences hold more than --max-overlap of its words
    goes to the rejects file as 'contaminated'. Every record ends in OUT or in
    the rejects file; each cut names the evaluation record it matched.
    """
    opts = take(ReadOptions, values)
    eval_opts = ReadOptions(
        text_field=against_text_field or opts.text_field, id_field=against_id_field or opts.id_field
    )
    settings = take(DecontaminationSettings, values)
    run = decontaminate_files(inputs, output, against=against, settings=settings,
                              options=opts, against_options=eval_opts, **values)  # fmt: skip
    if not quiet:
        click.echo(run.summary(), err=True)
    common.report(run.stats, quiet, "textclean decontaminate")
