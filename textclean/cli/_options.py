"""Command-line options made from a settings dataclass's fields and their help.

A field becomes ``--field-name``; a bool defaulting to True becomes
``--name/--no-name``, one defaulting to False a flag, and a field whose
metadata lists its ``choices`` a `click.Choice` (a number's inclusive ``range``
an `IntRange` or `FloatRange`, its low end open where ``above`` is set), so ``--help`` shows the values and a value out
of range is refused naming its flag. The dataclass checks the values, so a new
field is a new option with no edit here.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import MISSING, Field, fields
from typing import Any

import click

TYPES = {"int": click.INT, "float": click.FLOAT, "str": click.STRING}


def _type(f: Field[Any]) -> click.ParamType:
    if choices := f.metadata.get("choices"):
        return click.Choice(list(choices))
    name = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", "str")
    kind = TYPES.get(name.replace(" | None", "").strip(), click.STRING)
    low, high = f.metadata.get("range", (None, None))
    if kind is click.FLOAT and (low, high) != (None, None):
        return click.FloatRange(low, high, min_open=bool(f.metadata.get("above")))
    if kind is click.INT and (low, high) != (None, None):
        return click.IntRange(min=low, max=high)
    return kind


def _option(f: Field[Any], default: Any) -> Callable[..., Any]:
    flag = "--" + f.name.replace("_", "-")
    if f.type in ("bool", bool):
        name = f"{flag}/--no-{flag[2:]}" if default else flag
        return click.option(name, f.name, is_flag=True, default=default, help=f.metadata["help"])
    return click.option(
        flag, f.name, type=_type(f), default=default, show_default=default is not None,
        help=f.metadata["help"],
    )  # fmt: skip


def settings_options(
    cls: type, only: Collection[str] = (), **defaults: Any
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A decorator adding one option per field of ``cls`` that has help (or per field
    named in ``only``); ``defaults`` override the fields' defaults on the command line."""

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        for f in reversed(fields(cls)):
            if only and f.name not in only:
                continue
            if f.init and f.metadata.get("help") and f.default is not MISSING:
                func = _option(f, defaults.get(f.name, f.default))(func)
        return func

    return decorate


def take(cls: type, values: dict[str, Any], **given: Any) -> Any:
    """``cls`` built from the options its fields made (removed from ``values``)."""
    names = {f.name for f in fields(cls) if f.name in values}
    return cls(**{name: values.pop(name) for name in names}, **given)


def flag(option: str) -> str:
    """The command-line spelling of a settings field."""
    return "--" + option.replace("_", "-")
