"""The `textclean` command: a thin shell over the library.

Each module in this package that defines a click command named ``command``
is added to the group, so a new command needs no edit here.
"""

from __future__ import annotations

import importlib
import pkgutil
import signal

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="textclean")
def main() -> None:
    """Clean and deduplicate text scraped from the web."""
    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGINT, _terminate)


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM and Ctrl-C unwind the same way: temporary files are removed,
    workers stopped, and the exit status is the shell's 128 + signal number."""
    raise SystemExit(128 + signum)


def _add_commands() -> None:
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module.name.startswith("_"):
            continue
        cmd = getattr(importlib.import_module(f"{__name__}.{module.name}"), "command", None)
        if isinstance(cmd, click.Command):
            main.add_command(cmd)


_add_commands()
