"""Checks a step's options against its dataclass fields before the step is built.

The type comes from the field's annotation, the bounds from its ``range``
metadata (``(low, high)``, inclusive, ``None`` for an open end) and the
values it takes from its ``choices`` metadata, so a config
value of the wrong kind is refused with the step and option named instead of
failing later inside the step. An on/off option takes only true or false (and
its own words): the word ``"no"`` is a true value in Python.

>>> from dataclasses import dataclass, field
>>> @dataclass
... class Step:
...     share: float = field(default=0.5, metadata={"range": (0, 1)})
>>> check_options("demo", Step, {"share": "x"})
Traceback (most recent call last):
...
textclean.errors.ConfigError: step 'demo': share must be a number between 0 and 1, not 'x'
"""

from __future__ import annotations

import functools
import numbers
import os
import types
import typing
from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from typing import Any, Literal, Union

from .errors import ConfigError

__all__ = ["check_options", "describe"]


def check_options(step: str, cls: type, options: Mapping[str, Any]) -> None:
    """Raise `ConfigError` naming ``step`` and the option for the first value
    that does not fit its field's type, range or choices."""
    if not is_dataclass(cls):
        return
    hints = type_hints(cls)
    for f in fields(cls):
        if f.name not in options or f.name not in hints:
            continue
        value, hint = options[f.name], hints[f.name]
        low, high = f.metadata.get("range", (None, None))
        choices = f.metadata.get("choices")
        if not _fits(value, hint) or not _within(value, low, high):
            expected = describe(hint, low, high)
        elif choices and value not in choices:
            expected = "one of " + ", ".join(map(repr, choices))
        else:
            continue
        raise ConfigError(f"step {step!r}: {f.name} must be {expected}, not {value!r}")


@functools.cache
def type_hints(cls: type) -> dict[str, Any]:
    """``typing.get_type_hints(cls)``, worked out once per class: a pipeline checks its
    steps each time it is built."""
    return typing.get_type_hints(cls)


def _within(value: Any, low: float | None, high: float | None) -> bool:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return True
    return (low is None or value >= low) and (high is None or value <= high)


def _fits(value: Any, hint: Any) -> bool:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is Any:
        return True
    if origin in (Union, types.UnionType):
        return any(_fits(value, arg) for arg in args)
    if origin is Literal:
        return any(value is a or (not isinstance(a, bool) and value == a) for a in args)
    if hint is type(None):
        return value is None
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:  # NumPy's integers too: a step may be built from computed values
        return isinstance(value, numbers.Integral) and not isinstance(value, bool)
    if hint is float:
        return isinstance(value, numbers.Real) and not isinstance(value, bool)
    if hint is str:  # a path given as a Path names a file as well
        return isinstance(value, (str, os.PathLike))
    if origin in (list, tuple):
        item = args[0] if args else Any
        return isinstance(value, (list, tuple)) and all(_fits(v, item) for v in value)
    if origin is dict:
        return isinstance(value, dict) and all(isinstance(k, str) for k in value)
    return True


_NAMES = {bool: "true or false", int: "a whole number", float: "a number", str: "a string"}


def describe(hint: Any, low: float | None = None, high: float | None = None) -> str:
    """What a value of ``hint`` within ``low``..``high`` is, in words.

    >>> describe(int, 1)
    'a whole number of at least 1'
    >>> describe(float | None, 0, 1)
    'a number between 0 and 1 or none'
    """
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (Union, types.UnionType):
        return " or ".join(describe(a, low, high) for a in args)
    if origin is Literal:
        return " or ".join(repr(a).lower() if isinstance(a, bool) else repr(a) for a in args)
    if hint is type(None):
        return "none"
    if origin in (list, tuple):
        item = describe(args[0]) if args and args[0] is not Any else "values"
        return f"a list of {item.removeprefix('a ')}s" if item.startswith("a ") else "a list"
    if origin is dict:
        return "a table of options"
    words = _NAMES.get(hint, getattr(hint, "__name__", str(hint)))
    if hint in (int, float):
        if low is not None and high is not None:
            words += f" between {low} and {high}"
        elif low is not None:
            words += f" of at least {low}"
        elif high is not None:
            words += f" of at most {high}"
    return words
