"""`textclean explain`: what each step does to one document, and why."""

from __future__ import annotations

import json

import click

from ..document import Drop
from ..io import check_ids, check_paths, read_documents
from ..io.ids import no_such_ids
from . import _common as common


@click.command("explain")
@common.input_options
@click.option(
    "--id", "doc_ids", multiple=True,
    help="Explain only documents with this id (repeatable); default: all.",
)  # fmt: skip
@common.pipeline_options
@click.option(
    "--json", "as_json", is_flag=True, help="One JSON object per document instead of text."
)
@common.domain_errors
def command(inputs, doc_ids, as_json, **values):
    """Show, for each document of IN..., every step's edits, removals and drops with reasons.

    Exits with status 1 when an --id names no document of IN.
    """
    pipeline, run = common.pipeline_and_run(values, common.run_config(values))
    opts = run.read
    check_paths(inputs, {}, opts.format)
    wanted, found, read = set(doc_ids), set(), 0
    for item in check_ids(read_documents(list(inputs), opts), opts.id_field):
        read += 1
        if isinstance(item, Drop):
            click.echo(f"unreadable record skipped: {item.detail}", err=True)
            continue
        if wanted and item.id not in wanted:
            continue
        found.add(item.id)
        explanation = pipeline.explain(item)
        click.echo(
            json.dumps(explanation.to_dict(), ensure_ascii=False) if as_json else explanation
        )
        if not as_json:
            click.echo()
    if missing := sorted(wanted - found):
        raise click.ClickException(no_such_ids(missing, read, opts.id_field))
