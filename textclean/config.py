"""Pipeline configs: TOML or JSON, data only (never executed).

::

    record = "summary"            # none | summary | full
    [input]
    text_field = "text"
    id_field = "id"

    [[steps]]
    name = "fix_mojibake"

    [[steps]]
    name = "language"
    keep = ["en", "de"]

``steps = "default"`` (or no ``steps``) means the default pipeline;
``[[steps]]`` with ``name = "default"`` splices the default steps in place.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import registry
from .errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

TOP_LEVEL_KEYS = {"record", "input", "steps"}
INPUT_KEYS = {"text_field", "id_field", "max_doc_bytes"}


@dataclass(frozen=True)
class InputOptions:
    """How records are read: which field holds the text, which the id."""

    text_field: str = "text"
    id_field: str = "id"
    max_doc_bytes: int | None = None


def load_config(source: str | Path | Mapping[str, Any]) -> dict[str, Any]:
    """Parse a config file (``.toml`` or ``.json``) or validate a mapping."""
    if isinstance(source, Mapping):
        data = dict(source)
        origin = "config"
    else:
        path = Path(source)
        origin = str(path)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read config: {exc.strerror}") from None
        try:
            if path.suffix.lower() == ".json":
                data = json.loads(raw.decode("utf-8"))
            else:
                data = tomllib.loads(raw.decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise ConfigError(
                f"{path}: not valid {'JSON' if path.suffix == '.json' else 'TOML'}: {exc}"
            ) from None
    if not isinstance(data, dict):
        raise ConfigError(f"{origin}: the top level must be a table/object")
    unknown = {k for k in data if not k.startswith("_")} - TOP_LEVEL_KEYS
    if unknown:
        raise ConfigError(
            f"{origin}: unknown key(s) {sorted(unknown)}; allowed: {sorted(TOP_LEVEL_KEYS)}"
        )
    inp = data.get("input", {})
    if not isinstance(inp, dict) or set(inp) - INPUT_KEYS:
        raise ConfigError(f"{origin}: [input] takes only {sorted(INPUT_KEYS)}")
    data["_origin"] = origin
    return data


def input_options(config: Mapping[str, Any]) -> InputOptions:
    return InputOptions(**config.get("input", {}))


def build_steps(config: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """The named steps a config asks for, each built and validated."""
    origin = config.get("_origin", "config")
    spec = config.get("steps", "default")
    if spec == "default":
        spec = [{"name": "default"}]
    if not isinstance(spec, list):
        raise ConfigError(f'{origin}: steps must be "default" or a list of tables with a name')
    steps: list[tuple[str, Any]] = []
    for i, entry in enumerate(spec):
        if isinstance(entry, str):
            entry = {"name": entry}
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise ConfigError(f"{origin}: steps[{i}] needs a string 'name'")
        options = {k: v for k, v in entry.items() if k not in ("name", "as")}
        if entry["name"] == "default":
            if options:
                raise ConfigError(f"{origin}: steps[{i}]: 'default' takes no options")
            steps += [(n, registry.create_default(n)) for n in registry.default_names()]
            continue
        label = entry.get("as", entry["name"])
        try:
            steps.append((label, registry.create(entry["name"], **options)))
        except ConfigError as exc:
            raise ConfigError(f"{origin}: steps[{i}]: {exc}") from None
    return steps


def pipeline_from_config(source: str | Path | Mapping[str, Any]):  # -> Pipeline
    from .pipeline import Pipeline

    config = load_config(source)
    return Pipeline(build_steps(config), record=config.get("record", "summary"))
