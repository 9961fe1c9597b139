"""A persistent index: a later batch is matched against every earlier one, and only duplicates are flagged."""

from __future__ import annotations

import gzip
import json
import random
import sqlite3

import pytest

from textclean.dedup.index import SqliteIndex
from textclean.dedup.settings import DedupSettings
from textclean.dedup.stage import dedup_documents
from textclean.document import Document, Drop
from textclean.errors import ConfigError

VOCAB = [f"v{i}" for i in range(500)]


def article(rng: random.Random) -> str:
    return " ".join(rng.choice(VOCAB) for _ in range(150))


def run(docs, index, **options):
    out = list(dedup_documents(docs, DedupSettings(**options), index=str(index)))
    return {(o.doc if isinstance(o, Drop) else o).id: o for o in out}


def batches(seed: int = 0):
    rng = random.Random(seed)
    first = [Document(f"old{i}", article(rng)) for i in range(30)]
    near = [
        Document(f"near{i}", d.text.replace(d.text.split()[70], "edited", 1))
        for i, d in enumerate(first[:5])
    ]
    exact = [Document(f"exact{i}", d.text.upper()) for i, d in enumerate(first[5:8])]
    fresh = [Document(f"new{i}", article(rng)) for i in range(20)]
    twin = [Document("new0-again", fresh[0].text)]
    return first, near + exact + fresh + twin


def test_second_batch_flags_exactly_the_documents_that_duplicate_the_first(tmp_path):
    first, second = batches()
    assert all(isinstance(o, Document) for o in run(first, tmp_path).values())
    got = run(second, tmp_path)
    dropped = {k: o for k, o in got.items() if isinstance(o, Drop)}
    assert set(dropped) == {f"near{i}" for i in range(5)} | {f"exact{i}" for i in range(3)} | {
        "new0-again"
    }
    for i in range(5):
        assert dropped[f"near{i}"].reason == "near_duplicate"
        assert dropped[f"near{i}"].doc.record["duplicate_of"] == f"old{i}"
    for i in range(3):
        assert dropped[f"exact{i}"].reason == "exact_duplicate"
        assert dropped[f"exact{i}"].doc.record["duplicate_of"] == f"old{i + 5}"
    assert dropped["new0-again"].doc.record["duplicate_of"] == "new0"


def test_a_run_stopped_before_its_last_outcome_leaves_the_index_as_it_was(tmp_path):
    first, _ = batches(2)
    clusters = tmp_path / "clusters.jsonl"
    outcomes = dedup_documents(first, DedupSettings(), index=str(tmp_path), clusters=str(clusters))
    assert isinstance(next(outcomes), Document)
    outcomes.close()  # the run is killed while its outcomes are written
    assert len(SqliteIndex(tmp_path)) == 0
    assert [p.name for p in tmp_path.iterdir() if "clusters" in p.name] == []
    again = run(first, tmp_path)  # so running it again keeps what it would have kept
    assert all(isinstance(o, Document) for o in again.values())
    assert len(SqliteIndex(tmp_path)) == len(first)


def test_index_grows_by_the_kept_documents_and_a_rerun_drops_them_all(tmp_path):
    first, second = batches(1)
    run(first, tmp_path)
    got = run(second, tmp_path)
    kept = [k for k, o in got.items() if isinstance(o, Document)]
    index = SqliteIndex(tmp_path)
    assert len(index) == len(first) + len(kept)
    index.close()
    again = run(second, tmp_path)
    assert all(isinstance(o, Drop) for o in again.values())


def test_index_refuses_other_settings(tmp_path):
    first, _ = batches()
    run(first[:3], tmp_path)
    with pytest.raises(ConfigError, match="num_perm"):
        run(first[:3], tmp_path, num_perm=64)


def test_index_stores_plain_columns_not_pickles(tmp_path):
    first, _ = batches()
    run(first[:3], tmp_path)
    db = sqlite3.connect(tmp_path / "index.sqlite")
    sig = db.execute("SELECT sig FROM docs LIMIT 1").fetchone()[0]
    assert len(sig) == 128 * 4  # raw uint32 values
    assert not sig.startswith(b"\x80")  # no pickle header


def test_a_batch_entirely_in_the_index_drops_every_document(tmp_path):
    first, _ = batches()
    run(first[:3], tmp_path / "idx")
    again = [Document(f"copy{i}", d.text) for i, d in enumerate(first[:3])]
    out = run(again, tmp_path / "idx")
    assert all(isinstance(o, Drop) and o.reason == "exact_duplicate" for o in out.values())


def test_a_clusters_file_is_compressed_as_its_name_says(tmp_path):
    first, second = batches(3)
    clusters = tmp_path / "clusters.jsonl.gz"
    list(dedup_documents(first + second, DedupSettings(), clusters=str(clusters)))
    with gzip.open(clusters, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    assert {m["id"] for r in records for m in r["members"]} >= {"old0", "near0", "exact0"}
