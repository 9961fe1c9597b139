"""Memory and CPU of ``textclean dedup`` as the corpus doubles, each run in a child process.

For N, 2N, 4N, ... synthetic news-like documents (``synthetic.generate``:
word-bigram text, a share of edited and exact copies), the corpus is written
to JSONL once, then ``textclean dedup`` runs as a child process; its own
peak RSS and CPU time (user + system) come from ``os.wait4``. The table gives
each run, the RSS added per extra document against the smallest run and the
CPU ratio per doubling. One run also goes through stdin, which spools the
documents (compressed) instead of rereading the file, and must give the same
output bytes.

    python benchmarks/bench_scale.py [--docs 15000] [--doublings 2] [--unique]
"""

from __future__ import annotations

import argparse
import filecmp
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from report import markdown_table, write_section

ROOT = Path(__file__).resolve().parent.parent


def write_corpus(n_docs: int, path: Path, unique: bool = False) -> int:
    """``n_docs`` documents as JSONL at ``path`` (made in a child process); the file size."""
    script = ROOT / "benchmarks" / "synthetic.py"
    cmd = [sys.executable, str(script), str(n_docs), "-o", str(path), "--seed", "11"]
    if unique:
        cmd.append("--unique")
    subprocess.run(cmd, check=True)
    return path.stat().st_size


def child_run(args: list[str], stdin: Path | None = None) -> tuple[float, float]:
    """Peak RSS (MB) and CPU seconds of ``python -m textclean ARGS`` run alone.

    The peak is the child's own ``VmHWM`` (see ``own_peak.py``): ``ru_maxrss``
    would include this process's size from before the child's exec.
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.NamedTemporaryFile(suffix=".peak") as peak:
        cmd = [sys.executable, str(ROOT / "benchmarks" / "own_peak.py"), peak.name, *args]
        with open(stdin or os.devnull, "rb") as source:
            proc = subprocess.Popen(cmd, stdin=source, env=env)
            _, status, usage = os.wait4(proc.pid, 0)
        if status:
            raise SystemExit(f"textclean {' '.join(args)} failed with status {status}")
        return int(Path(peak.name).read_text()) / 1024, usage.ru_utime + usage.ru_stime


def dedup_runs(sizes: list[int], workdir: Path, unique: bool = False) -> list[dict[str, float]]:
    rows = []
    for n in sizes:
        corpus = workdir / f"corpus-{n}.jsonl"
        size = write_corpus(n, corpus, unique)
        out = workdir / f"out-{n}.jsonl"
        rss, cpu = child_run(
            ["dedup", str(corpus), "-o", str(out), "--clusters", str(workdir / "c.jsonl"), "-q"]
        )
        rows.append({"docs": n, "MB": size / 1e6, "rss": rss, "cpu": cpu})
        print(f"dedup {n:,}: peak {rss:,.0f} MB, CPU {cpu:.1f} s", file=sys.stderr)
    return rows


def same_through_stdin(n: int, workdir: Path) -> bool:
    """The spooled path (stdin) writes the same bytes as the reread file."""
    corpus = workdir / f"corpus-{n}.jsonl"
    out = workdir / "stdin.jsonl"
    child_run(["dedup", "-", "-o", str(out), "-q"], stdin=corpus)
    return filecmp.cmp(out, workdir / f"out-{n}.jsonl", shallow=False)


def table(rows: list[dict[str, float]]) -> str:
    base = rows[0]
    body = []
    for prev, row in zip([None, *rows], rows, strict=False):
        extra = row["docs"] - base["docs"]
        per_doc = (row["rss"] - base["rss"]) * 1024 * 1024 / extra / 1000 if extra else None
        ratio = row["cpu"] / prev["cpu"] if prev else None
        body.append(
            [
                f"{int(row['docs']):,}",
                row["MB"],
                row["rss"],
                "" if per_doc is None else f"{per_doc:.2f}",
                row["cpu"],
                "" if ratio is None else f"{ratio:.2f}",
            ]
        )
    headers = [
        "documents",
        "input MB",
        "peak RSS MB",
        "KB per extra doc",
        "CPU s",
        "CPU × per doubling",
    ]
    return markdown_table(headers, body)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=15_000)
    parser.add_argument("--doublings", type=int, default=2)
    parser.add_argument(
        "--unique", action="store_true", help="fresh sentences per original (synthetic --unique)"
    )
    args = parser.parse_args(argv)
    sizes = [args.docs * 2**k for k in range(args.doublings + 1)]
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        rows = dedup_runs(sizes, Path(tmp), args.unique)
        same = same_through_stdin(sizes[0], Path(tmp))
    body = (
        "`textclean dedup FILE -o OUT --clusters C` in a child process per size; "
        "peak RSS and CPU time (user + system) are that child's own. "
        "KB per extra document compares each run with the smallest.\n\n"
        + table(rows)
        + f"\n\nSame output bytes through stdin (documents spooled) as from the file: {same}."
    )
    write_section("bench_scale", "Scaling: dedup memory and CPU per doubling", body)
    print(table(rows))


if __name__ == "__main__":
    main()
