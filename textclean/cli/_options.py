"""Command-line options made from a settings dataclass's fields and their help.

A field becomes ``--field-name``; a bool defaulting to True becomes
``--name/--no-name``, one defaulting to False a flag, and a field whose
metadata lists its ``choices`` a `click.Choice`, so ``--help`` shows the
values. The dataclass checks the values, so a new field is a new option with
no edit here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, fields
from typing import Any

import click

TYPES = {"int": click.INT, "float": click.FLOAT, "str": click.STRING}


def _type(annotation: Any, choices: tuple[str, ...] = ()) -> click.ParamType:
    if choices:
        return click.Choice(list(choices))
    name = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", "str")
    return TYPES.get(name.replace(" | None", "").strip(), click.STRING)


def settings_options(cls: type) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A decorator adding one option per field of ``cls`` that has help."""

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        for f in reversed(fields(cls)):
            help_text = f.metadata.get("help")
            if not f.init or not help_text or f.default is MISSING:
                continue
            flag = "--" + f.name.replace("_", "-")
            if f.type in ("bool", bool):
                name = f"{flag}/--no-{flag[2:]}" if f.default else flag
                option = click.option(name, f.name, is_flag=True, default=f.default, help=help_text)
            else:
                option = click.option(
                    flag,
                    f.name,
                    type=_type(f.type, f.metadata.get("choices", ())),
                    default=f.default,
                    show_default=f.default is not None,
                    help=help_text,
                )
            func = option(func)
        return func

    return decorate


def take(cls: type, values: dict[str, Any]) -> Any:
    """``cls`` built from the options its fields made (removed from ``values``)."""
    names = {f.name for f in fields(cls) if f.name in values}
    return cls(**{name: values.pop(name) for name in names})


def flag(option: str) -> str:
    """The command-line spelling of a settings field."""
    return "--" + option.replace("_", "-")
