"""What a fresh worker spends before and on its first page, in CPU time.

A worker process receives the default pipeline pickled, so it imports the
steps' modules, compiles their patterns and loads their models before its
first page; every worker pays this once, which is part of why two workers are
not twice as fast as one. Each run starts a fresh interpreter (``spawn``)
that unpickles the pipeline and cleans one article of the article corpus,
measuring both in CPU time (``time.process_time``); the table shows every
run, so the spread on a shared machine is visible.

    python benchmarks/bench_worker_start.py [--runs 3]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import pickle
import time
from concurrent.futures import ProcessPoolExecutor

from report import markdown_table, write_section

# No textclean import at the top: a spawned worker imports this module, and
# the imports textclean needs must fall inside the measured time.


def cold_start(pickled: bytes, doc_id: str, text: str) -> tuple[float, float]:
    """CPU seconds to unpickle the pipeline, then to clean one text, in this process."""
    start = time.process_time()
    pipeline = pickle.loads(pickled)
    loaded = time.process_time()
    from textclean import Document

    list(pipeline.run([Document(doc_id, text, {})]))
    return loaded - start, time.process_time() - loaded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="fresh processes to measure")
    args = parser.parse_args()
    from record_outputs import article_docs

    from textclean import Pipeline

    pickled = pickle.dumps(Pipeline.default())
    doc = article_docs()[0]
    load = os.getloadavg()[0]
    rows = []
    for run in range(1, args.runs + 1):
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(1, mp_context=context) as pool:
            unpickle, first = pool.submit(cold_start, pickled, doc.id, doc.text).result()
        rows.append([run, unpickle, first, unpickle + first])
    table = markdown_table(
        ["fresh process", "unpickle the pipeline, CPU s", "first article, CPU s", "total CPU s"],
        rows,
    )
    print(table)
    body = (
        f"The default pipeline pickled, then unpickled in a fresh process that cleans one "
        f"article of `benchmarks/data/articles` ({len(doc.text):,} characters); imports, "
        f"pattern compilation and model loading fall in these two columns. Load average "
        f"{load:.1f} at the start.\n\n" + table
    )
    write_section("bench_worker_start", "Worker start-up", body)


if __name__ == "__main__":
    main()
