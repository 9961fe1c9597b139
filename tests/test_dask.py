"""The Dask path gives the same bytes as the local path, for any partitioning."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_reliability import STEPS, make_shards

from textclean import Pipeline
from textclean.io import ReadOptions
from textclean.jobs import clean_files
from textclean.parallel.blocks import plan_blocks, read_block
from textclean.parallel.dask import clean_files_dask, dask_client
from textclean.registry import create

OPTS = ReadOptions(on_error="skip", max_doc_bytes=900)


@pytest.fixture(scope="module")
def client():
    with dask_client("local:2") as c:
        yield c


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("dask")
    make_shards(root / "in", shards=3, per_shard=150)
    return root


def pipeline() -> Pipeline:
    return Pipeline([create("fix_mojibake"), create("fix_spacing")])


def test_blocks_read_exactly_what_the_whole_file_gives(corpus):
    from textclean.io import read_documents

    whole = list(read_documents([str(corpus / "in")], OPTS))
    blocks = plan_blocks([str(corpus / "in")], OPTS, blocksize=3000)
    assert len(blocks) > 6
    pieces = [item for block in blocks for item in read_block(block, OPTS)]
    assert pieces == whole


@pytest.mark.parametrize("blocksize", [None, 2000, 15000])
def test_dask_output_equals_local_output(client, corpus, tmp_path, blocksize):
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    stats_local = clean_files(pipeline(), [str(corpus / "in")], str(local), options=OPTS)
    stats_dask = clean_files_dask(
        pipeline(),
        [str(corpus / "in")],
        str(remote),
        client=client,
        options=OPTS,
        blocksize=blocksize,
    )
    assert local.read_bytes() == remote.read_bytes()
    assert (tmp_path / "local.rejects.jsonl").read_bytes() == (
        tmp_path / "dask.rejects.jsonl"
    ).read_bytes()
    assert stats_local.to_dict() == stats_dask.to_dict()
    assert stats_dask.dropped, "the corpus is meant to produce rejects"


def test_the_cli_runs_on_a_scheduler_address(client, corpus, tmp_path):
    from test_cli import run

    out, ref = tmp_path / "o.jsonl", tmp_path / "ref.jsonl"
    address = client.scheduler.address
    run("clean", str(corpus / "in"), "-o", str(ref), "-q", *STEPS)
    proc = run("clean", str(corpus / "in"), "-o", str(out), "--dask", address, *STEPS)
    assert out.read_bytes() == ref.read_bytes()
    assert "written" in proc.stderr


def test_the_example_config_with_its_corpus_stage_runs_on_a_scheduler(client, tmp_path):
    from test_cli import run

    example = Path(__file__).resolve().parent.parent / "examples"
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    config = str(example / "pipeline.toml")
    run("clean", str(example / "corpus.jsonl"), "-o", str(local), "--config", config)
    proc = run(
        "clean", str(example / "corpus.jsonl"), "-o", str(remote), "--config", config,
        "--dask", client.scheduler.address,
    )  # fmt: skip
    assert "near_duplicate" in proc.stderr
    assert remote.read_bytes() == local.read_bytes()
    assert (tmp_path / "dask.rejects.jsonl").read_bytes() == (
        tmp_path / "local.rejects.jsonl"
    ).read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["local.jsonl", "local.rejects.jsonl", "dask.jsonl", "dask.rejects.jsonl"]
    )
