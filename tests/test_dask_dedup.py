"""Near-duplicate dedup on Dask gives the local stage's kept documents, clusters and bytes."""

from __future__ import annotations

import ast
import random
import sysconfig
from pathlib import Path

import dask
import numpy as np
import orjson
import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from textclean.dedup.cluster import clusters as union_find
from textclean.dedup.settings import DedupSettings
from textclean.dedup.stage import NearDedup
from textclean.io import ReadOptions
from textclean.jobs import clean_files
from textclean.parallel.dask_dedup import DASK_CONFIG, dedup_files_dask, label_components
from textclean.pipeline import Pipeline

OPTS = ReadOptions(on_error="skip")


def stdlib_paragraphs(limit: int) -> list[str]:
    """Real English prose: module docstrings of the standard library."""
    found = []
    for path in sorted(Path(sysconfig.get_paths()["stdlib"]).glob("*.py")):
        try:
            doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue
        if doc and len(doc.split()) >= 40:
            found.append(" ".join(doc.split()))
        if len(found) >= limit:
            break
    return found


def edited(text: str, rate: float, rng: random.Random) -> str:
    words = text.split()
    for pos in sorted(rng.sample(range(len(words)), int(rate * len(words))), reverse=True):
        words[pos] = rng.choice(words)
    return " ".join(words)


def write_corpus(path: Path) -> None:
    """Originals, exact copies (re-cased), near copies at many edit rates, a template
    bucket larger than max_bucket, unreadable lines, and dates for the keep policies."""
    rng = random.Random(7)
    texts = stdlib_paragraphs(90)
    records = []
    for n, text in enumerate(texts):
        records.append(text)
        if n % 3 == 0:
            records.append(text.upper())
        if n % 2 == 0:
            for rate in (0.02, 0.06, 0.1, 0.14):
                records.append(edited(text, rate, rng))
    template = texts[0]
    records += [edited(template, 0.03, rng) for _ in range(9)]
    rng.shuffle(records)
    lines = []
    for n, text in enumerate(records):
        record = {"id": f"doc{n % 50:02d}-{n}", "text": text, "date": rng.randint(2000, 2009)}
        lines.append(orjson.dumps(record))
        if n % 41 == 0:
            lines.append(b'{"id": "broken", "text": ')
    path.write_bytes(b"\n".join(lines) + b"\n")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("dask_dedup") / "in.jsonl"
    write_corpus(path)
    return path


def run_local(corpus: Path, out: Path, settings: DedupSettings) -> dict:
    stage = NearDedup(**vars(settings), clusters=str(out.with_suffix(".clusters")))
    return clean_files(Pipeline([stage]), [str(corpus)], str(out), options=OPTS).to_dict()


def outputs(out: Path) -> tuple[bytes, bytes, bytes]:
    rejects = out.with_name(out.stem + ".rejects.jsonl")
    return out.read_bytes(), rejects.read_bytes(), out.with_suffix(".clusters").read_bytes()


@pytest.mark.parametrize(
    "blocksize, partitions, components, keep",
    [
        (None, 1, "client", "first"),
        (30000, 3, "client", "newest"),
        (40000, 2, "dask", "longest"),
    ],
)
def test_dask_dedup_equals_the_local_stage(
    client, corpus, tmp_path, blocksize, partitions, components, keep
):
    settings = DedupSettings(keep=keep, max_bucket=4)
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    local_stats = run_local(corpus, local, settings)
    dask_stats = dedup_files_dask(
        [str(corpus)],
        str(remote),
        settings,
        client=client,
        options=OPTS,
        clusters=str(remote.with_suffix(".clusters")),
        blocksize=blocksize,
        partitions=partitions,
        components=components,
    )
    assert outputs(remote) == outputs(local)
    assert dask_stats.to_dict() == local_stats
    dropped = local_stats["dropped"]
    assert dropped["exact_duplicate"] and dropped["near_duplicate"] and dropped["malformed_json"]


def test_the_dedup_cli_on_a_scheduler_equals_the_local_cli(client, corpus, tmp_path):
    from test_cli import run

    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    common = [str(corpus), "--on-error", "skip", "--keep", "oldest", "-q"]
    run("dedup", *common, "-o", str(local), "--clusters", str(local.with_suffix(".clusters")))
    run(
        "dedup",
        *common,
        "-o",
        str(remote),
        "--clusters",
        str(remote.with_suffix(".clusters")),
        "--dask",
        client.scheduler.address,
    )
    assert outputs(remote) == outputs(local)


edge_lists = st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20)), min_size=1, max_size=30)


#: A chain is the slowest graph for min-label propagation (one hop a round);
#: twelve hops already take many rounds, and each round is a Dask graph.
CHAIN = [(i, i + 1) for i in range(12)]


@settings(max_examples=3, deadline=None)
@given(edge_lists, st.integers(1, 3))
@example(CHAIN, 2)
@example([(5, 9), (9, 5), (1, 2), (30, 30), (2, 7)], 3)
def test_label_propagation_finds_the_union_find_components(edges, partitions):
    pairs = np.array(edges, dtype=np.int64)
    frame = pd.DataFrame({"a": pairs[:, 0], "b": pairs[:, 1]})
    with dask.config.set({**DASK_CONFIG, "scheduler": "sync"}):
        import dask.dataframe as dd

        labels = label_components(dd.from_pandas(frame, npartitions=2), partitions).compute()
    found = dict(zip(labels["node"].tolist(), labels["label"].tolist(), strict=True))
    roots = union_find(41, pairs)
    assert set(found) == set(pairs.reshape(-1).tolist())
    assert all(found[n] == roots[n] for n in found)
