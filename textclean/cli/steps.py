"""`textclean steps`: every registered step, its description and options."""

from __future__ import annotations

import click

from .. import registry
from ._common import domain_errors


@click.command("steps")
@click.option("--names", is_flag=True, help="Only the names, one per line.")
@domain_errors
def command(names: bool) -> None:
    """List every step a config or --steps can name, with its options (* marks the
    default pipeline's steps; stages see the whole corpus)."""
    default = set(registry.default_names())
    for name, info in registry.available().items():
        mark = "*" if name in default else " "
        click.echo(name if names else f"{mark} {name} ({info.kind}): {info.description}")
        if names:
            continue
        if info.default_options:
            given = ", ".join(f"{k}={v!r}" for k, v in info.default_options)
            click.echo(f"      in the default pipeline: {given}")
        for opt, value, help_text in info.option_help():
            click.echo(f"      {opt} = {value}" + (f"  — {help_text}" if help_text else ""))
