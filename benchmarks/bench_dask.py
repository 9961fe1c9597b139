"""Throughput on Dask with 1, 2 and 4 workers beside the local path, in one run.

Two jobs on one synthetic news-like corpus (`synthetic.generate`, about 3 KB
a document, 30% near or exact copies):

- *clean*: the default per-document pipeline (`clean_files` against
  `clean_files_dask`);
- *near-dup dedup*: the ``near_dedup`` stage (`clean_files`) against
  `dedup_files_dask`, whose output is checked byte for byte against the local
  one.

Each Dask row starts its own ``LocalCluster`` of N single-threaded worker
processes; cluster start-up is excluded, everything else (planning, reading,
shuffles, writing, joining) is included. The machine has 2 cores, so 4
workers oversubscribe it: that row shows the cost of more processes than
cores, not the speed of 4 machines.

    python benchmarks/bench_dask.py [--docs 10000] [--clean-docs 400] [--blocksize-kb 2048]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import orjson
from report import machine, markdown_table, write_section
from synthetic import generate

from textclean.dedup.settings import DedupSettings
from textclean.dedup.stage import NearDedup
from textclean.parallel.dask import clean_files_dask, dask_client
from textclean.parallel.dask_dedup import dedup_files_dask
from textclean.pipeline import Pipeline
from textclean.run.engine import run_on_files as clean_files

WORKERS = (1, 2, 4)


def write_corpus(n_docs: int, path: Path) -> int:
    corpus = generate(n_docs, seed=5)
    with open(path, "wb") as out:
        for doc_id, text in zip(corpus.ids, corpus.texts, strict=True):
            out.write(orjson.dumps({"id": doc_id, "text": text}) + b"\n")
    return path.stat().st_size


def timed(func, *args, **kwargs) -> float:
    started = time.perf_counter()
    func(*args, **kwargs)
    return time.perf_counter() - started


def bench(args: argparse.Namespace, work: Path) -> tuple[list[list[object]], list[str]]:
    dedup_in, clean_in = work / "dedup.jsonl", work / "clean.jsonl"
    sizes = {
        "dedup": write_corpus(args.docs, dedup_in),
        "clean": write_corpus(args.clean_docs, clean_in),
    }
    docs = {"dedup": args.docs, "clean": args.clean_docs}
    blocksize = args.blocksize_kb * 1024
    settings = DedupSettings()
    local_dedup = work / "local_dedup.jsonl"
    times = {
        ("clean", "local"): timed(
            clean_files, Pipeline.default(), [str(clean_in)], str(work / "lc.jsonl")
        ),
        ("dedup", "local"): timed(
            clean_files, Pipeline([NearDedup()]), [str(dedup_in)], str(local_dedup)
        ),
    }
    notes = []
    for n in WORKERS:
        with dask_client(f"local:{n}") as client:
            client.run(lambda: __import__("dask.dataframe"))  # imports are start-up, not work
            out = work / f"dask{n}.jsonl"
            times[("clean", n)] = timed(
                clean_files_dask,
                Pipeline.default(),
                [str(clean_in)],
                str(work / f"dc{n}.jsonl"),
                client=client,
                blocksize=max(16 * 1024, sizes["clean"] // 8),
            )
            times[("dedup", n)] = timed(
                dedup_files_dask,
                [str(dedup_in)],
                str(out),
                settings,
                client=client,
                blocksize=blocksize,
                partitions=args.partitions,
            )
            same = out.read_bytes() == local_dedup.read_bytes()
            notes.append(f"{n} worker(s): dedup output identical to local: {same}")
            if not same:
                raise SystemExit("Dask dedup output differs from the local run")
    rows = []
    for job in ("clean", "dedup"):
        base = times[(job, "local")]
        for who in ("local", *WORKERS):
            seconds = times[(job, who)]
            label = "local, 1 process" if who == "local" else f"Dask, {who} worker(s)"
            rows.append(
                [
                    "clean (default pipeline)" if job == "clean" else "near-dup dedup",
                    label,
                    f"{docs[job] / seconds:,.0f}",
                    f"{sizes[job] / seconds / 1e6:.2f}",
                    f"{base / seconds:.2f}x",
                ]
            )
    return rows, notes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10000, help="documents for dedup")
    parser.add_argument("--clean-docs", type=int, default=400, help="documents for clean")
    parser.add_argument("--blocksize-kb", type=int, default=2048, help="dedup input block size")
    parser.add_argument("--partitions", type=int, default=4, help="shuffle partitions")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows, notes = bench(args, Path(tmp))
    table = markdown_table(["job", "runner", "docs/s", "MB/s", "vs local"], rows)
    print(table)
    print("\n".join(notes))
    body = (
        f"Machine: {machine()}; {os.cpu_count()} cores, so 4 workers oversubscribe it. "
        f"Dedup: {args.docs:,} documents, clean: {args.clean_docs:,} documents of about 3 KB "
        f"(synthetic news-like text, 30% copies); dedup input blocks of {args.blocksize_kb} KB, "
        "clean input in 8 blocks, "
        f"{args.partitions} shuffle partitions; cluster start-up excluded. "
        "Dask dedup output was checked byte for byte against the local run.\n\n"
        f"{table}\n\n"
        "Run: `python benchmarks/bench_dask.py "
        f"--docs {args.docs} --clean-docs {args.clean_docs} --blocksize-kb {args.blocksize_kb} "
        f"--partitions {args.partitions}`"
    )
    write_section("bench_dask", "Dask: throughput by worker count", body)


if __name__ == "__main__":
    main()
