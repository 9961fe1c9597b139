"""Dedup on a metadata key, and checking a batch against an index read-only."""

from __future__ import annotations

import sqlite3
import warnings

import orjson
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from textclean import Document, Drop, Pipeline, registry
from textclean.cli import main
from textclean.dedup.key import dedup_on_key, key_duplicates, key_value
from textclean.errors import ConfigError, TextcleanWarning

ROWS = [
    {"id": "a", "text": "Storm hits the coast tonight with strong winds and heavy rain.", "url": "u1", "date": "2024-01-01"},
    {"id": "b", "text": "Updated: storm hits the coast tonight, winds and rain expected.", "url": "u1", "date": "2024-01-02"},
    {"id": "c", "text": "Markets close higher after a quiet session of trading today.", "url": "u2"},
    {"id": "d", "text": "Storm hits the coast tonight with strong winds and heavy rain.", "url": "u3"},
]  # fmt: skip


def docs() -> list[Document]:
    return [Document(r["id"], r["text"], {k: v for k, v in r.items() if k not in ("id", "text")}) for r in ROWS]  # fmt: skip


def write(path, rows):
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))


def ids(path):
    return [orjson.loads(line)["id"] for line in path.read_bytes().splitlines()]


@pytest.mark.parametrize(
    ("keep", "kept"),
    [("first", "acd"), ("newest", "bcd"), ("oldest", "acd"), ("longest", "bcd"), ("none", "cd")],
)
def test_keep_policies_choose_within_a_key(keep, kept):
    out = list(dedup_on_key(docs(), "url", keep))
    assert "".join(d.id for d in out if isinstance(d, Document)) == kept
    drops = [d for d in out if isinstance(d, Drop)]
    assert drops and all(d.reason == "duplicate_key" for d in drops)


def test_a_drop_names_the_kept_document():
    drop = next(d for d in dedup_on_key(docs(), "url", "newest") if isinstance(d, Drop))
    assert drop.detail == "same url as b"


def test_documents_without_the_key_are_never_duplicates():
    batch = [Document("a", "x"), Document("b", "x", {"url": ""}), Document("c", "x")]
    with pytest.warns(TextcleanWarning, match="no document has the field 'url'"):
        assert key_duplicates(batch, "url") == [0, 1, 2]
    assert key_value(Document("a", "t", {"n": 3}), "n") == "3"


@given(st.lists(st.sampled_from(["u1", "u2", "u3", None]), max_size=12))
def test_one_document_per_key_value_stays(urls):
    batch = [Document(str(i), f"text {i}", {"url": u}) for i, u in enumerate(urls)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TextcleanWarning)  # every url may be missing
        kept = [d for d in dedup_on_key(batch, "url", "longest") if isinstance(d, Document)]
    with_key = [d.meta["url"] for d in kept if d.meta["url"]]
    assert sorted(with_key) == sorted(set(u for u in urls if u))
    assert len(kept) == len(with_key) + urls.count(None)


def test_key_dedup_is_a_registered_stage():
    pipeline = Pipeline([registry.create("key_dedup", key="url")], min_chars=0)
    assert [d.id for d in pipeline.run(docs())] == ["a", "c", "d"]
    assert pipeline.stats.dropped["duplicate_key"] == 1
    with pytest.raises(ConfigError):
        registry.create("key_dedup", key="url", keep="best")


def test_cli_key_alone_and_before_near_dedup(tmp_path):
    write(tmp_path / "in.jsonl", ROWS)
    base = ["dedup", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), "-q"]
    result = CliRunner().invoke(main, [*base, "--key", "url", "--keep", "newest", "--no-near"])
    assert result.exit_code == 0, result.output
    assert ids(tmp_path / "out.jsonl") == ["b", "c", "d"]
    result = CliRunner().invoke(main, [*base, "--key", "url"])
    assert result.exit_code == 0, result.output
    assert ids(tmp_path / "out.jsonl") == ["a", "c"]  # d: an exact copy of a
    assert CliRunner().invoke(main, [*base, "--no-near"]).exit_code == 2


def _count(index_dir) -> int:
    return sqlite3.connect(index_dir / "index.sqlite").execute("SELECT count(*) FROM docs").fetchone()[0]  # fmt: skip


def test_read_only_index_checks_without_adding(tmp_path):
    write(tmp_path / "old.jsonl", ROWS[:2])
    write(tmp_path / "new.jsonl", ROWS[2:])
    idx = tmp_path / "idx"
    run = lambda name, *extra: CliRunner().invoke(  # noqa: E731
        main, ["dedup", str(tmp_path / name), "-o", str(tmp_path / "out.jsonl"), "-q", *extra]
    )
    assert run("new.jsonl", "--index", str(idx), "--index-read-only").exit_code != 0
    assert not (idx / "index.sqlite").exists()
    assert run("old.jsonl", "--index", str(idx)).exit_code == 0
    before = _count(idx)
    result = run("new.jsonl", "--index", str(idx), "--index-read-only")
    assert result.exit_code == 0, result.output
    assert ids(tmp_path / "out.jsonl") == ["c"]  # d matched a in the index
    assert _count(idx) == before
    assert run("new.jsonl", "--index-read-only").exit_code == 2


def test_key_dedup_names_are_exported_from_dedup():
    from textclean import dedup

    assert dedup.dedup_on_key is dedup_on_key and dedup.key_duplicates is key_duplicates
    assert dedup.KeyDedup is type(registry.create("key_dedup"))


def test_a_field_no_document_has_is_reported_not_silently_ignored():
    """A misspelt key or compared field would change nothing without a word."""
    from textclean.dedup.key import key_duplicates
    from textclean.dedup.settings import DedupSettings
    from textclean.dedup.stage import dedup_documents

    docs = [Document(f"d{i}", "same words here " * 5, {"url": f"u{i % 2}"}) for i in range(4)]
    with pytest.warns(TextcleanWarning, match="no document has the field 'ulr' \\(the key"):
        assert key_duplicates(docs, "ulr") == [0, 1, 2, 3]
    with pytest.warns(TextcleanWarning, match="'nosuch' \\(compared by keep='newest'"):
        key_duplicates(docs, "url", "newest", date_field="nosuch")
    with pytest.warns(TextcleanWarning, match="'nosuch' \\(compared by keep='quality'"):
        list(dedup_documents(docs, DedupSettings(keep="quality", score_field="nosuch")))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        key_duplicates(docs, "url", "newest", date_field="url")  # found: no warning
