"""Pipeline configs: TOML or JSON, data only (never executed).

::

    record = "summary"            # none | summary | full
    min_chars = 1                 # fewer letters and digits: dropped (empty, too_short)
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
from .errors import ConfigError, UnknownStepError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

TOP_LEVEL_KEYS = {"record", "min_chars", "input", "steps"}
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
        origin = str(data.get("_origin", "config"))  # a parsed file keeps its name
    else:
        path = Path(source)
        origin = str(path)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read config: {exc.strerror}") from None
        try:
            # utf-8-sig: editors on Windows start a saved file with a byte-order mark
            if path.suffix.lower() == ".json":
                data = json.loads(raw.decode("utf-8-sig"))
            else:
                data = tomllib.loads(raw.decode("utf-8-sig"))
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
    if not isinstance(inp, dict):
        raise ConfigError(f"{origin}: [input] must be a table of {sorted(INPUT_KEYS)}")
    if set(inp) - INPUT_KEYS:
        raise ConfigError(
            f"{origin}: [input]: unknown key(s) {sorted(set(inp) - INPUT_KEYS)}; "
            f"allowed: {sorted(INPUT_KEYS)}"
        )
    data["_origin"] = origin
    return data


def input_options(config: Mapping[str, Any]) -> InputOptions:
    """The config's ``[input]`` table (defaults where it is absent)."""
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
            steps += _default_steps(options, f"{origin}: steps[{i}]")
            continue
        label = entry.get("as", entry["name"])
        try:
            steps.append((label, registry.create(entry["name"], **options)))
        except UnknownStepError as exc:
            exc = UnknownStepError(exc.name, [*exc.known, "default"])
            raise ConfigError(f"{origin}: steps[{i}]: {exc}") from None
        except ConfigError as exc:
            raise ConfigError(f"{origin}: steps[{i}]: {exc}") from None
    return steps


def _default_steps(overrides: Mapping[str, Any], where: str) -> list[tuple[str, Any]]:
    """The default steps, with options of some of them overridden by name."""
    names = registry.default_names()
    for name, options in overrides.items():
        if name not in names:
            raise ConfigError(
                f"{where}: 'default' takes options of its steps ({', '.join(names)}), not {name!r}"
            )
        if not isinstance(options, dict):
            raise ConfigError(f"{where}: default.{name} must be a table of options")
    steps = []
    for name in names:
        options = {**dict(registry.get(name).default_options), **overrides.get(name, {})}
        try:
            steps.append((name, registry.create(name, **options)))
        except ConfigError as exc:
            raise ConfigError(f"{where}: {exc}") from None
    return steps


def parse_steps(spec: str) -> list[dict[str, Any]]:
    """Step entries from a one-line spec: ``name`` or ``name(option=value, ...)``.

    A value is JSON where it parses (numbers, ``true``, ``"text"``, ``[...]``)
    and a bare word otherwise; words after a value without ``=`` extend it
    into a list. Dotted options set options of the steps of ``default``.

    >>> parse_steps("fix_mojibake, language(keep=en,de, min_prob=0.8)")
    [{'name': 'fix_mojibake'}, {'name': 'language', 'keep': ['en', 'de'], 'min_prob': 0.8}]
    >>> parse_steps("default(language.keep=en)")
    [{'name': 'default', 'language': {'keep': 'en'}}]
    """
    entries = []
    items = [item.strip() for item in _split_top(spec)]
    if not any(items):
        return []  # no step: records are read, checked and written
    for position, item in enumerate(items, 1):
        if not item:
            raise ConfigError(f"steps: {spec!r} has an empty name at position {position}")
        name, paren, rest = item.partition("(")
        name = name.strip()
        if not name.replace("_", "").replace("-", "").isalnum():
            raise ConfigError(f"steps: {item!r} is not a step name or name(option=value, ...)")
        entry: dict[str, Any] = {"name": name}
        if paren:
            if not rest.rstrip().endswith(")"):
                raise ConfigError(f"steps: {item!r} lacks its closing parenthesis")
            _parse_options(rest.rstrip()[:-1], entry, item)
        entries.append(entry)
    return entries


def _split_top(text: str) -> list[str]:
    """Split at commas outside parentheses, brackets and quotes."""
    parts, depth, quote, start = [], 0, "", 0
    for i, ch in enumerate(text):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    parts.append(text[start:].strip())
    return parts


def _parse_options(body: str, entry: dict[str, Any], item: str) -> None:
    key: list[str] | None = None
    for piece in _split_top(body):
        if not piece:
            continue
        head, eq, value = piece.partition("=")
        if eq and head.strip().replace("_", "").replace(".", "").isalnum():
            key = head.strip().split(".")
            target = entry
            for part in key[:-1]:
                target = target.setdefault(part, {})
            target[key[-1]] = _value(value.strip())
        elif key is None:
            raise ConfigError(f"steps: {item!r}: {piece!r} is not option=value")
        else:
            target = entry
            for part in key[:-1]:
                target = target[part]
            before = target[key[-1]]
            target[key[-1]] = (before if isinstance(before, list) else [before]) + [_value(piece)]


def _value(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


def _as_list_where_listed(name: str, options: dict[str, Any]) -> dict[str, Any]:
    """One bare value for an option whose default is a list becomes a list."""
    try:
        info = registry.get(name)
    except UnknownStepError as exc:
        raise UnknownStepError(name, [*exc.known, "default"]) from None
    listed = {opt for opt, default, _ in info.option_help() if default[:1] in "[("}
    return {k: [v] if k in listed and not isinstance(v, list) else v for k, v in options.items()}


def steps_from_spec(spec: str) -> list[tuple[str, Any]]:
    """The named steps of a one-line spec (`parse_steps`), e.g. ``default(language.keep=en)``.

    Each named step starts from the options it has in the default pipeline (so
    ``quality`` records its scores as it does there), and the spec's options
    go on top: ``quality(drop=true)`` makes it drop.
    """
    entries = []
    for entry in parse_steps(spec):
        name, options = entry.pop("name"), entry
        if name == "default":
            options = {
                k: _as_list_where_listed(k, v)
                if k in registry.default_names() and isinstance(v, dict)
                else v
                for k, v in options.items()
            }
        else:
            options = _as_list_where_listed(name, options)
            if name in registry.available():
                options = {**dict(registry.get(name).default_options), **options}
        entries.append({"name": name, **options})
    return build_steps({"steps": entries, "_origin": "steps"})


def __getattr__(name: str) -> Any:
    """``pipeline_from_config`` and ``pipeline_from_steps``: kept for one release;
    use `Pipeline.from_config` and `Pipeline.from_steps`."""
    if name in ("pipeline_from_config", "pipeline_from_steps"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
