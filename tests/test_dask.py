"""The Dask path gives the same bytes as the local path, for any partitioning."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_reliability import STEPS, make_shards

from textclean import Pipeline
from textclean.io import ReadOptions
from textclean.jobs import clean_files
from textclean.parallel.blocks import plan_blocks, read_block
from textclean.parallel.dask import clean_files_dask
from textclean.registry import create

OPTS = ReadOptions(on_error="skip", max_doc_bytes=900)


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


def _page_warnings(caught) -> list[str]:
    return [str(w.message) for w in caught if "holds an HTML page" in str(w.message)]


def test_html_pages_in_a_text_field_are_warned_about_once_as_in_a_local_run(client, tmp_path):
    import json
    import warnings

    from test_robustness import ARTICLE, PAGE

    from textclean.dedup.settings import DedupSettings
    from textclean.parallel.dask import run_pipeline_dask
    from textclean.parallel.dask_dedup import dedup_files_dask

    (tmp_path / "in").mkdir()
    src = tmp_path / "in" / "pages.jsonl"
    records = [{"id": "p1", "text": PAGE}, {"id": "a", "text": ARTICLE}]
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with warnings.catch_warnings(record=True) as local:
        warnings.simplefilter("always")
        clean_files(pipeline(), [str(src)], str(tmp_path / "local.jsonl"))
    (expected,) = _page_warnings(local)
    assert "pages.jsonl: the 'text' field of document 'p1' holds an HTML page" in expected
    runs = {
        "clean": lambda out: clean_files_dask(pipeline(), [str(src)], out, client=client),
        # a per-document segment, then a stage: each reads the one before's output
        "pipeline": lambda out: run_pipeline_dask(
            Pipeline([create("fix_spacing"), create("near_dedup"), create("fix_mojibake")]),
            [str(tmp_path / "in")],
            out,
            client=client,
        ),
        "dedup": lambda out: dedup_files_dask([str(src)], out, DedupSettings(), client=client),
    }
    for name, run in runs.items():
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            run(str(tmp_path / f"{name}.jsonl"))
        assert _page_warnings(caught) == [expected], name


def test_the_cli_on_dask_shows_the_html_page_warning_once(client, tmp_path):
    import json

    from test_cli import run
    from test_robustness import PAGE

    src = tmp_path / "pages.jsonl"
    src.write_text(json.dumps({"id": "p1", "text": PAGE}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = run("clean", str(src), "-o", str(out), "-q", "--dask", client.scheduler.address)
    assert proc.stderr.count("warning: ") == 1
    assert "pages.jsonl: the 'text' field of document 'p1' holds an HTML page" in proc.stderr


def test_a_pipeline_in_segments_keeps_an_earlier_runs_record_apart_as_a_local_run(client, tmp_path):
    import json

    from textclean.parallel.dask import run_pipeline_dask

    src = tmp_path / "in.jsonl"
    earlier = {"edits": {"fix_mojibake": 1}}
    records = [
        {"id": str(i), "text": f"Page {i} , they do n't know ( yet ) .", "textclean": earlier}
        for i in range(4)
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    steps = Pipeline([create("fix_spacing"), create("near_dedup"), create("fix_mojibake")])
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    clean_files(steps, [str(src)], str(local))
    run_pipeline_dask(steps, [str(src)], str(remote), client=client)
    assert remote.read_bytes() == local.read_bytes()
    first = json.loads(local.read_text(encoding="utf-8").splitlines()[0])["textclean"]
    assert first["edits"] == {"fix_spacing": 5}
    assert first["earlier_runs"] == [earlier]


@pytest.mark.parametrize(
    ("address", "says"),
    [
        ("local:0", "whole number of workers >= 1"),
        ("local:two", "whole number of workers >= 1"),
        ("bogus", "HOST:PORT of a running scheduler"),
        ("tcp://127.0.0.1", "HOST:PORT of a running scheduler"),
        ("tcp://127.0.0.1:99999", "HOST:PORT of a running scheduler"),
    ],
)
def test_a_bad_dask_address_is_refused_before_any_cluster_starts(address, says):
    from textclean import ConfigError, DaskExecutor

    with pytest.raises(ConfigError, match=says):
        DaskExecutor(address)


def test_good_dask_addresses_are_accepted():
    from textclean.parallel.cluster import check_address

    assert check_address("local") == 2 and check_address("local:3") == 3
    assert check_address("tcp://scheduler.example:8786") is None
    assert check_address("tls://10.0.0.5:8786") is None


def test_a_scheduler_that_does_not_answer_is_a_one_line_error(tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    import socket

    from click.testing import CliRunner

    import textclean.parallel.cluster as cluster
    from textclean.cli import main

    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 2)
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "A line of text."}\n', encoding="utf-8")
    address = f"tcp://127.0.0.1:{port}"
    out = CliRunner().invoke(
        main, ["clean", str(src), "-o", str(tmp_path / "o.jsonl"), "--dask", address]
    )
    assert out.exit_code == 2, out.output
    assert address in out.output and "no scheduler answered" in out.output
    assert not (tmp_path / "o.jsonl").exists()


def test_a_scheduler_address_without_a_scheme_is_read_as_tcp():
    from textclean.parallel.cluster import check_address

    assert check_address("10.0.0.5:8786") is None and check_address("localhost:8786") is None
