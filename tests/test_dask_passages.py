"""Passages on Dask: the same clusters file as the local run, for any block size."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

from textclean.cli import main
from textclean.io import ReadOptions, read_documents
from textclean.parallel.dask_passages import find_passages_dask, passages_dask
from textclean.passages import cluster_records, find_passages

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from synthetic_passages import generate  # noqa: E402

SKIP = ReadOptions(on_error="skip")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Generated prose with quotes (some re-spelled) and furniture pasted in; one broken line."""
    made = generate(300, seed=5)
    lines = [json.dumps({"id": i, "text": t}) for i, t in zip(made.ids, made.texts, strict=True)]
    lines.insert(120, '{"id": "broken", "text": ')
    path = tmp_path_factory.mktemp("dask_passages") / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def local_bytes(paths: list[str], opts: ReadOptions) -> bytes:
    docs = [d for d in read_documents(paths, opts) if not hasattr(d, "reason")]
    ids, texts = [d.id for d in docs], [d.text for d in docs]
    records = cluster_records(find_passages(texts), ids, texts)
    return b"".join(orjson.dumps(r) + b"\n" for r in records)


def as_bytes(records: list[dict]) -> bytes:
    return b"".join(orjson.dumps(r) + b"\n" for r in records)


@pytest.mark.parametrize("blocksize", [15_000, 70_000, None])
def test_pasted_corpus_equals_local(client, corpus: Path, blocksize: int | None) -> None:
    expected = local_bytes([str(corpus)], SKIP)
    assert expected.count(b"\n") >= 5  # the corpus has repeated passages to find
    got = passages_dask([str(corpus)], client=client, options=SKIP, blocksize=blocksize)
    assert as_bytes(got) == expected


def test_settings_reach_the_workers(client, corpus: Path) -> None:
    docs = [d for d in read_documents([str(corpus)], SKIP) if not hasattr(d, "reason")]
    ids, texts = [d.id for d in docs], [d.text for d in docs]
    settings = {"min_words": 6, "max_sentences": 2, "threshold": 0.7, "num_perm": 64, "bands": 16}
    expected = as_bytes(list(cluster_records(find_passages(texts, **settings), ids, texts)))
    got = passages_dask([str(corpus)], client=client, options=SKIP, blocksize=30_000, **settings)
    assert as_bytes(got) == expected


def test_client_holds_texts_of_clustered_documents_only(client, corpus: Path) -> None:
    run = find_passages_dask([str(corpus)], client=client, options=SKIP, blocksize=30_000)
    clustered = {o.doc for c in run.clusters for o in c.occurrences}
    assert clustered and {d for d, t in enumerate(run.texts) if t} == clustered
    assert [d.reason for d in run.drops] == ["malformed_json"]


def test_seeds_equal_local(client, seeds_dir: Path) -> None:
    paths = [str(p) for p in sorted(seeds_dir.iterdir())]
    expected = local_bytes(paths, ReadOptions())
    for blocksize in (1_000, None):
        got = passages_dask(paths, client=client, blocksize=blocksize)
        assert as_bytes(got) == expected


def test_cli_on_dask_equals_local_cli(client, corpus: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    base = ["passages", str(corpus), "--on-error", "skip", "-q"]
    for name, extra in (("local", []), ("dask", ["--dask", client.scheduler.address])):
        out = tmp_path / f"{name}.jsonl"
        result = runner.invoke(main, [*base, "-o", str(out), *extra], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    assert (tmp_path / "dask.jsonl").read_bytes() == (tmp_path / "local.jsonl").read_bytes()
    rejects = [(tmp_path / f"{n}.rejects.jsonl").read_bytes() for n in ("dask", "local")]
    assert rejects[0] == rejects[1] and b"malformed_json" in rejects[0]
