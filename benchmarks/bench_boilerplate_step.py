"""CPU of the ``boilerplate`` step alone, on the article corpus as it reaches the step.

The default pipeline's steps before ``boilerplate`` run once; their output is
what the step is timed on, in fresh processes (``time.process_time`` in the
child), so every run pays what a worker pays:

* ``first pass``: the step over every page once, in a new process, as
  ``bench_whole_pipeline`` sees it (patterns compiled and RE2's automata
  built on first use, no verdict remembered);
* ``second pass``: the same pages again in that process, the remembered
  line verdicts cleared, so only the per-page work is left.

``--against DIR`` times another source tree (a checkout of an earlier commit,
say) on the same input, its runs alternating with this tree's, so both see
the same load on a shared machine; ``--runs`` sets how many of each.

    python benchmarks/bench_boilerplate_step.py                   # this tree, 3 runs
    python benchmarks/bench_boilerplate_step.py --against /tmp/old --no-write
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import orjson
from report import markdown_table, write_section

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: What one run does in its own process: time the step over the pages twice.
CHILD = """
import sys, time, orjson
from textclean import Document
from textclean.registry import create
step = create("boilerplate")
with open(sys.argv[1], "rb") as fh:
    docs = [Document(r["id"], r["text"], {}) for r in map(orjson.loads, fh)]
times = []
for _ in range(2):
    start = time.process_time()
    for doc in docs:
        step.process(doc)
    times.append(time.process_time() - start)
    step.rules().memo.clear()
print(orjson.dumps(times).decode())
"""


def step_input(path: Path) -> int:
    """Write the article corpus as it reaches ``boilerplate`` to ``path``; the page count."""
    from record_outputs import article_docs

    from textclean import Pipeline

    steps = Pipeline.default().steps
    before = steps[: [name for name, _ in steps].index("boilerplate")]
    docs = list(Pipeline(before, record="none").run(article_docs()))
    with open(path, "wb") as out:
        for doc in docs:
            out.write(orjson.dumps({"id": doc.id, "text": doc.text}) + b"\n")
    return len(docs)


def one_run(tree: Path, pages: Path) -> tuple[float, float]:
    """(first pass, second pass) CPU seconds of the step in a fresh process on ``tree``."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(pages)],
        env=env,
        cwd=tree,
        capture_output=True,
        check=True,
    ).stdout
    first, second = orjson.loads(out.splitlines()[-1])
    return first, second


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--against", type=Path, help="another source tree to time alongside")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    trees = [("this tree", ROOT)] + ([("other tree", args.against)] if args.against else [])
    with tempfile.TemporaryDirectory() as tmp:
        pages = Path(tmp) / "pages.jsonl"
        count = step_input(pages)
        results: dict[str, list[tuple[float, float]]] = {name: [] for name, _ in trees}
        for _ in range(args.runs):
            for name, tree in trees:
                results[name].append(one_run(tree, pages))
    load = os.getloadavg()[0]
    rows = []
    for name, runs in results.items():
        firsts = sorted(r[0] for r in runs)
        seconds = sorted(r[1] for r in runs)
        rows.append(
            [name, firsts[0], firsts[len(firsts) // 2], seconds[0], seconds[len(seconds) // 2]]
        )
    table = markdown_table(
        [
            "tree",
            "first pass, min CPU s",
            "first pass, median",
            "second pass, min CPU s",
            "second pass, median",
        ],
        rows,
    )
    body = (
        f"{count} pages of the article corpus as they reach the step, {args.runs} fresh "
        f"processes per tree, load average {load:.1f} at the end.\n\n{table}\n"
    )
    print(body)
    if not args.no_write:
        write_section("bench_boilerplate_step", "The boilerplate step alone", body)


if __name__ == "__main__":
    main()
