"""Which code points a pattern matches, scanned by `regex` once and kept in a table.

Rewriting patterns for RE2 and reasoning about their classes
(`textclean.re2_syntax`, `textclean.code_points`) asks `regex` which code
points a one-character item matches, by running it over a string of every
code point: a few milliseconds each, and the built-in steps ask nearly two
hundred such questions, so every fresh worker paid about a third of a second of CPU
before its first pages. The answer depends only on the pattern, its flags and
the `regex` and Unicode versions, so ``data/code_point_scans.json`` holds the
answers to the questions the built-in steps ask, with the versions that gave
them (``scripts/build_code_point_scans.py`` writes it). A question not in the
table, or any question under other versions, is scanned as before: the table
changes the cost, never the answer. It also holds the characters
`str.isspace` accepts (`split_spaces`), which only the Unicode version decides.

>>> scan_runs(r"(?:[a-c])+")
((97, 99),)
"""

from __future__ import annotations

import json
import sys
import unicodedata
from array import array
from functools import lru_cache
from importlib import resources

import regex

TABLE_FILE = "code_point_scans.json"

Runs = tuple[tuple[int, int], ...]

#: Every question answered in this process, with its answer (the table's source).
_asked: dict[tuple[str, int], Runs] = {}


@lru_cache(maxsize=1)
def _every_code_point() -> str:
    """Every code point but the surrogates, which UTF-8 cannot encode, so RE2 never sees them.

    Decoded from one UTF-32 buffer: every process that compiles patterns
    builds this string once, four times faster than a ``chr`` per code point.
    """
    points = array("I", range(0xD800))
    points.extend(range(0xE000, 0x110000))
    if points.itemsize != 4:
        return "".join(map(chr, points))
    return points.tobytes().decode("utf-32-le" if sys.byteorder == "little" else "utf-32-be")


def versions() -> dict[str, str]:
    """The versions a stored answer holds for."""
    return {"regex": regex.__version__, "unicode": unicodedata.unidata_version}


def scan(pattern: str, flags: int = 0) -> Runs:
    """``(first, last)`` code points of each match of ``pattern`` over every code point,
    computed by `regex` now (the slow, exact answer the table stores)."""
    found = regex.finditer(pattern, _every_code_point(), flags)
    return tuple((ord(m.group()[0]), ord(m.group()[-1])) for m in found)


def scan_runs(pattern: str, flags: int = 0) -> Runs:
    """What `scan` answers, read from the table when it holds the question under
    the installed versions."""
    key = (pattern, int(flags))
    runs = _asked.get(key)
    if runs is None:
        stored = _table().get(_key(pattern, int(flags)))
        runs = _pairs(stored) if stored is not None else scan(pattern, flags)
        _asked[key] = runs
    return runs


def split_spaces() -> tuple[str, ...]:
    """Every character `str.split` splits on, in code point order."""
    stored = _read_valid().get("isspace")
    if stored is None:
        return _isspace_scan()
    return tuple(map(chr, stored))


def _isspace_scan() -> tuple[str, ...]:
    return tuple(filter(str.isspace, map(chr, range(0x110000))))


def asked() -> dict[tuple[str, int], Runs]:
    """Every ``(pattern, flags)`` answered in this process so far, with its answer."""
    return dict(_asked)


def table_entries() -> dict[tuple[str, int], Runs]:
    """The stored answers, whatever versions they were computed under."""
    stored = _read()["scans"]
    return {_unkey(key): _pairs(flat) for key, flat in stored.items()}


def table_versions() -> dict[str, str]:
    return {name: _read()[name] for name in ("regex", "unicode")}


def table_json(questions: list[tuple[str, int]]) -> str:
    """The table's text for ``questions``, each scanned now: sorted, so the file
    is the same whatever order they were asked in."""
    lines = [
        f"{json.dumps(_key(p, f))}: {json.dumps([n for run in scan(p, f) for n in run])}"
        for p, f in sorted(set(questions))
    ]
    head = ", ".join(
        f"{json.dumps(name)}: {json.dumps(value)}" for name, value in versions().items()
    )
    spaces = json.dumps([ord(ch) for ch in _isspace_scan()])
    return "{" + head + f', "isspace": {spaces}, "scans": {{\n' + ",\n".join(lines) + "\n}}\n"


def table_spaces() -> tuple[str, ...]:
    """The stored `str.isspace` characters, whatever version they were computed under."""
    return tuple(map(chr, _read()["isspace"]))


@lru_cache(maxsize=1)
def _read() -> dict:
    text = resources.files("textclean.data").joinpath(TABLE_FILE).read_text("ascii")
    return json.loads(text)


@lru_cache(maxsize=1)
def _read_valid() -> dict:
    """The table when it was computed under the installed versions, else an empty one."""
    try:
        data = _read()
    except (OSError, ValueError):
        return {}
    if any(data.get(name) != value for name, value in versions().items()):
        return {}
    return data


def _table() -> dict[str, list[int]]:
    """The stored scans when they hold for the installed versions, else none."""
    return _read_valid().get("scans", {})


def _key(pattern: str, flags: int) -> str:
    return f"{flags} {pattern}"


def _unkey(key: str) -> tuple[str, int]:
    flags, pattern = key.split(" ", 1)
    return pattern, int(flags)


def _pairs(flat: list[int]) -> Runs:
    return tuple(zip(flat[::2], flat[1::2], strict=True))
