"""`textclean calibrate`: fit a step's thresholds to a labelled sample and write a config.

A thin shell: read the sample, call `textclean.calibrate.calibrate`, print
its table, write its config.
"""

from __future__ import annotations

from dataclasses import replace

import click

from ..calibrate import SPECS, calibrate, check_config_path, check_pair_fields
from ..document import Document
from ..io import ReadOptions, read_documents
from . import _common as common
from ._options import settings_options, take

calibrate_options = common.stack(
    click.argument("samples", nargs=-1, required=True, metavar="SAMPLE..."),
    click.option("--step", type=click.Choice(sorted(SPECS)), default="quality", show_default=True,
                 help="The step whose thresholds to fit."),
    click.option("--label-field", default="label", show_default=True,
                 help="Field holding keep/drop (for boilerplate: a list, one label per line of "
                 "the text)."),
    settings_options(ReadOptions),
    click.option("--pair-fields", default=None, metavar="A,B",
                 help="near_dedup: the two text fields of a labelled pair (drop/duplicate or "
                 "keep/distinct)."),
    click.option("--objective", type=click.Choice(["accuracy", "precision", "false_drops"]),
                 default=None,
                 help="accuracy; precision: the highest recall at --min-precision; false_drops: "
                 "the highest recall dropping at most --max-false-drops of the keep-labelled "
                 "[default: accuracy, or precision when --min-precision is given]."),
    click.option("--min-precision", type=click.FloatRange(0, 1, min_open=True), default=None,
                 help="Precision floor of the precision objective [default: 0.99]."),
    click.option("--max-false-drops", type=click.FloatRange(0, 1, max_open=True), default=0.005,
                 show_default=True,
                 help="Share of keep-labelled units the false_drops objective may drop."),
    click.option("--folds", type=click.IntRange(min=2), default=5, show_default=True,
                 help="Cross-validation folds behind the printed figures."),
    click.option("-o", "--output", default=None,
                 help="Write the tuned config here (.toml, or .json); default: print it after "
                 "the table."),
)  # fmt: skip


@click.command("calibrate")
@calibrate_options
@common.domain_errors
def command(samples, label_field, pair_fields, output, **values):
    """Fit STEP's thresholds to SAMPLE... (records labelled keep or drop), print the
    cross-validated precision and recall of each rule with its cut-off, and write a
    config that `textclean clean --config` runs as it is."""
    pair = check_pair_fields(values["step"], pair_fields)  # before reading: pairs have no text
    opts = take(ReadOptions, values)
    check_config_path(list(samples), output, opts.format)  # before the fit: samples stay
    if pair:
        opts = replace(opts, text_field=pair[0])
    read = list(read_documents(list(samples), opts))
    docs = [d for d in read if isinstance(d, Document)]
    if len(docs) < len(read):
        click.echo(f"skipped {len(read) - len(docs):,} unreadable records", err=True)
    result = calibrate(docs, label=label_field, pair_fields=pair, **values)
    click.echo(str(result))
    if not output:
        click.echo(result.to_toml(), nl=False)
        return
    result.write(output)
    click.echo(f"wrote {output}: run it with textclean clean IN -o OUT --config {output}")
