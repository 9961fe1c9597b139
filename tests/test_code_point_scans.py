"""The stored code point scans answer exactly what `regex` answers, and only when they may."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from textclean import code_point_scans
from textclean.code_point_scans import (
    scan,
    scan_runs,
    split_spaces,
    table_entries,
    table_spaces,
    table_versions,
    versions,
)


def test_every_stored_scan_is_what_regex_answers_now() -> None:
    entries = table_entries()
    assert len(entries) > 50  # the built-in steps' questions are there
    if table_versions() == versions():
        for (pattern, flags), runs in entries.items():
            assert runs == scan(pattern, flags), pattern
        assert table_spaces() == tuple(filter(str.isspace, map(chr, range(0x110000))))
    else:  # stale: nothing may be read from it
        assert code_point_scans._table() == {}


_FRESH_PROCESS = """
from textclean import Document, Pipeline
from textclean.code_point_scans import asked, table_entries

list(Pipeline.default().run([Document("a", "Share this article on Facebook.\\nİstanbul.", {})]))
print(len(asked()), sorted(set(asked()) - set(table_entries())))
"""


def test_the_default_pipeline_asks_nothing_the_table_lacks() -> None:
    # A fresh process: in this one, earlier tests have asked questions of their own.
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    out = subprocess.run(
        [sys.executable, "-c", _FRESH_PROCESS], env=env, capture_output=True, text=True, check=True
    ).stdout
    count, missing = out.split(" ", 1)
    assert int(count) > 50
    assert missing.strip() == "[]"


def test_other_versions_ignore_the_table(monkeypatch) -> None:
    code_point_scans._read_valid.cache_clear()
    monkeypatch.setattr(code_point_scans, "versions", lambda: {"regex": "0", "unicode": "0"})
    try:
        assert code_point_scans._table() == {}
        assert split_spaces() == tuple(filter(str.isspace, map(chr, range(0x110000))))
        monkeypatch.setattr(code_point_scans, "_asked", {})
        assert scan_runs(r"[\d]+") == scan(r"[\d]+")
    finally:
        code_point_scans._read_valid.cache_clear()


@settings(max_examples=10, deadline=None)
@given(st.characters(exclude_categories=("Cs",)), st.booleans())
def test_any_literal_is_answered_as_its_scan(char: str, caseless: bool) -> None:
    pattern = f"(?:{regex.escape(char)})+"
    flags = regex.I if caseless else 0
    assert scan_runs(pattern, flags) == scan(pattern, flags)
