"""`textclean explain`: what each step does to one document, and why."""

from __future__ import annotations

import json

import click

from ..config import load_config
from ..document import Drop
from ..io import check_paths
from ._common import (
    build_pipeline,
    documents,
    domain_errors,
    input_options,
    pipeline_options,
    read_options,
)


@click.command("explain")
@input_options
@click.option(
    "--id",
    "doc_ids",
    multiple=True,
    help="Explain only documents with this id (repeatable); default: all.",
)
@pipeline_options
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
    min_chars,
    as_json,
):
    """Show, for each document of IN..., every step's edits, removals and drops with reasons.

    Exits with status 1 when an --id names no document of IN.
    """
    opts = read_options(text_field, id_field, input_format, on_error, max_doc_bytes)
    pipeline = build_pipeline(load_config(config_path) if config_path else None, steps, min_chars)
    check_paths(inputs, {}, opts.format)
    wanted = set(doc_ids)
    found: set[str] = set()
    read = 0
    for item in documents(inputs, opts):
        read += 1
        if isinstance(item, Drop):
            click.echo(f"{item.doc.id if item.doc else '?'}: unreadable: {item.detail}", err=True)
            continue
        if wanted and item.id not in wanted:
            continue
        found.add(item.id)
        explanation = pipeline.explain(item)
        if as_json:
            click.echo(json.dumps(explanation.to_dict(), ensure_ascii=False))
        else:
            click.echo(str(explanation))
            click.echo()
    missing = sorted(wanted - found)
    if missing:
        names = ", ".join(repr(m) for m in missing)
        raise click.ClickException(
            f"no document with id {names} in {read:,} record(s) read "
            f"(ids come from the {id_field!r} field, else FILE:LINE)"
        )
