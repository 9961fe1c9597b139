"""Write a pipeline config as TOML: the few value types a fitted config holds."""

from __future__ import annotations

import json
import math
from typing import Any


def value(v: Any) -> str:
    """One TOML value: booleans, numbers, strings, lists and inline tables.

    >>> value({"dup_line_frac": 0.25, "digit_ratio": "off"})
    '{dup_line_frac = 0.25, digit_ratio = "off"}'
    """
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if not math.isfinite(v):
            raise ValueError(f"a config value must be finite, not {v!r}")
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{_key(k)} = {value(x)}" for k, x in v.items()) + "}"
    raise TypeError(f"cannot write {type(v).__name__} to TOML")


def _key(k: str) -> str:
    return k if k.replace("_", "").replace("-", "").isalnum() and k.isascii() else json.dumps(k)


def to_toml(config: dict[str, Any]) -> str:
    """Top-level scalars, then each ``[[steps]]`` table.

    >>> print(to_toml({"steps": [{"name": "length", "min_words": 40}]}))
    [[steps]]
    name = "length"
    min_words = 40
    <BLANKLINE>
    """
    lines = [f"{_key(k)} = {value(v)}" for k, v in config.items() if k != "steps"]
    for step in config.get("steps", []):
        if lines:
            lines.append("")
        lines.append("[[steps]]")
        lines += [f"{_key(k)} = {value(v)}" for k, v in step.items()]
    return "\n".join(lines) + "\n"
