"""`textclean explain`: what each step does to one document, and why."""

from __future__ import annotations

import json

import click

from ..config import pipeline_from_config
from ..document import Drop
from ..pipeline import Pipeline
from ..registry import create
from ._common import documents, domain_errors, input_options, read_options


@click.command("explain")
@input_options
@click.option(
    "--id",
    "doc_ids",
    multiple=True,
    help="Explain only documents with this id (repeatable); default: all.",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Pipeline config (TOML or JSON).",
)
@click.option("--steps", default=None, help="Comma-separated step names instead of a config.")
@click.option(
    "--json", "as_json", is_flag=True, help="One JSON object per document instead of text."
)
@domain_errors
def command(
    inputs,
    text_field,
    id_field,
    input_format,
    on_error,
    max_doc_bytes,
    doc_ids,
    config_path,
    steps,
    as_json,
):
    """Show, for each document of IN..., every step's edits, removals and drops with reasons."""
    opts = read_options(text_field, id_field, input_format, on_error, max_doc_bytes)
    if config_path:
        pipeline = pipeline_from_config(config_path)
    elif steps is not None:
        pipeline = Pipeline([create(n.strip()) for n in steps.split(",") if n.strip()])
    else:
        pipeline = Pipeline.default()
    wanted = set(doc_ids)
    for item in documents(inputs, opts):
        if isinstance(item, Drop):
            click.echo(f"{item.doc.id if item.doc else '?'}: unreadable: {item.detail}", err=True)
            continue
        if wanted and item.id not in wanted:
            continue
        explanation = pipeline.explain(item)
        if as_json:
            click.echo(json.dumps(explanation.to_dict(), ensure_ascii=False))
        else:
            click.echo(str(explanation))
            click.echo()
