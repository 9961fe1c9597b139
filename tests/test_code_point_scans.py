"""The stored code point scans answer exactly what `regex` answers, and only when they may."""

from __future__ import annotations

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


def test_the_default_pipeline_asks_nothing_the_table_lacks() -> None:
    from textclean import Document, Pipeline

    list(Pipeline.default().run([Document("a", "Share this article on Facebook.\nİstanbul.", {})]))
    stored = set(table_entries())
    missing = [key for key in code_point_scans.asked() if key not in stored]
    assert missing == []


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
