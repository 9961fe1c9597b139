"""``textclean dedup`` and ``textclean passages`` up to a million documents, each run a child process.

The corpus is ``synthetic.py --stream``: word-bigram prose with fresh
sentences in every original (mostly unique text), near and exact copies,
and quotes of 1-3 sentences pasted into 2-20 documents anywhere in the
corpus. Each size is the first N lines of the largest corpus. Per run, the
child's peak RSS (``ru_maxrss`` from ``os.wait4``) and CPU time (user +
system) are recorded; the table gives the RSS added per extra document
against the smallest run and the CPU ratio per doubling. Every finished run
is appended to ``--results`` (JSON lines), so an interrupted series keeps
what it measured and ``--table`` rewrites the section from it.

With ``--check`` the outputs on a sample are compared with in-memory runs: the
passages clusters file equals `find_passages` (one pass, every text held)
written by `cluster_records`, and the dedup run keeps the same documents
with the same cluster metadata as `dedup_documents` on a list.

    python benchmarks/bench_million.py --corpus corpus.jsonl \\
        --sizes 62500 125000 250000 500000 1000000 --commands dedup passages
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from report import markdown_table, write_section

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = {
    "dedup": lambda src, out: ["dedup", src, "-o", out, "--clusters", out + ".clusters", "-q"],
    "passages": lambda src, out: ["passages", src, "-o", out, "-q"],
}


def prefix(corpus: Path, n_docs: int, workdir: Path) -> Path:
    """The first ``n_docs`` lines of ``corpus`` (the corpus itself when it has no more)."""
    path = workdir / f"corpus-{n_docs}.jsonl"
    with open(corpus, "rb") as src, open(path, "wb") as out:
        for k, line in enumerate(src):
            if k == n_docs:
                break
            out.write(line)
        else:
            path.unlink()
            return corpus
    return path


def child(args: list[str]) -> tuple[float, float]:
    """Peak RSS (MB, ``ru_maxrss``) and CPU seconds of ``python -m textclean ARGS``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "textclean", *args], env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    if status:
        raise SystemExit(f"textclean {' '.join(args)} failed with status {status}")
    return usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def same_as_in_memory(src: Path, workdir: Path) -> dict[str, bool]:
    """Run both commands on ``src`` and compare with the in-memory functions."""
    import orjson

    sys.path.insert(0, str(ROOT))
    from textclean.dedup import dedup_documents
    from textclean.document import Document, Drop
    from textclean.passages import cluster_records, find_passages

    records = [orjson.loads(line) for line in src.read_bytes().splitlines()]
    ids, texts = [r["id"] for r in records], [r["text"] for r in records]
    out = workdir / "sample-passages.jsonl"
    child(COMMANDS["passages"](str(src), str(out)))
    expected = b"".join(
        orjson.dumps(r) + b"\n" for r in cluster_records(find_passages(texts), ids, texts)
    )
    passages_same = out.read_bytes() == expected

    out = workdir / "sample-dedup.jsonl"
    child(COMMANDS["dedup"](str(src), str(out)))
    docs = [Document(r["id"], r["text"]) for r in records]
    kept = [d for d in dedup_documents(docs) if not isinstance(d, Drop)]
    written = [orjson.loads(line) for line in out.read_bytes().splitlines()]

    def fate(ident: str, meta: dict) -> tuple:
        mark = meta.get("textclean", {})
        return ident, mark.get("cluster"), mark.get("duplicate_of"), mark.get("similarity")

    dedup_same = [fate(r["id"], r.get("meta", r)) for r in written] == [
        fate(d.id, d.meta) for d in kept
    ]
    return {"passages": passages_same, "dedup": dedup_same}


def table(rows: list[dict]) -> str:
    body = []
    for command in COMMANDS:
        runs = sorted((r for r in rows if r["command"] == command), key=lambda r: r["docs"])
        for prev, row in zip([None, *runs], runs, strict=False):
            base = runs[0]
            extra = row["docs"] - base["docs"]
            per_doc = (row["rss"] - base["rss"]) * 1024 * 1024 / extra / 1000 if extra else None
            doubling = None
            if prev is not None:
                # CPU ratio scaled to one doubling when sizes are further apart
                doubling = (row["cpu"] / prev["cpu"]) ** (1 / math.log2(row["docs"] / prev["docs"]))
            body.append(
                [
                    command,
                    f"{row['docs']:,}",
                    row["MB"],
                    row["rss"],
                    "" if per_doc is None else f"{per_doc:.2f}",
                    row["cpu"],
                    f"{row['cpu'] / row['docs'] * 1e6:.0f}",
                    "" if doubling is None else f"{doubling:.2f}",
                ]
            )
    headers = [
        "command",
        "documents",
        "input MB",
        "peak RSS MB",
        "KB per extra doc",
        "CPU s",
        "CPU µs per doc",
        "CPU × per doubling",
    ]
    return markdown_table(headers, body)


def write(rows: list[dict], checks: dict[str, bool] | None, section: str) -> None:
    body = (
        "`textclean dedup FILE -o OUT --clusters C` and `textclean passages FILE -o OUT`, "
        "one child process per run, on the first N documents of a `synthetic.py --stream` corpus "
        "(fresh bigram prose per original, near and exact copies, quotes pasted across the corpus). "
        "Peak RSS is the child's `ru_maxrss` (`os.wait4`), CPU time its user + system time. "
        "KB per extra document compares each run with the smallest of its command; the CPU ratio "
        "is per doubling of the documents. The machine was shared with other work.\n\n"
        + table(rows)
    )
    if checks:
        checks = dict(checks)
        sample = checks.pop("docs")
        same = "; ".join(
            f"`{c}` output equal to the in-memory run: {ok}" for c, ok in checks.items()
        )
        body += f"\n\nOn the first {sample:,} documents (`--check --sample {sample}`), {same}."
    sizes = sorted({r["docs"] for r in rows})
    commands = " and ".join(sorted({r["command"] for r in rows}))
    title = f"Scaling from {sizes[0]:,} to {sizes[-1]:,} documents: {commands}"
    write_section(section, title, body, script="bench_million")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="synthetic.py --stream output (else made)")
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[125_000, 250_000, 500_000, 1_000_000]
    )
    parser.add_argument("--commands", nargs="+", choices=sorted(COMMANDS), default=sorted(COMMANDS))
    parser.add_argument("--results", type=Path, default=Path("/tmp/bench-million.jsonl"))
    parser.add_argument(
        "--check", action="store_true", help="only compare --sample documents with in-memory runs"
    )
    parser.add_argument("--sample", type=int, default=20_000)
    parser.add_argument("--section", default="bench_million", help="section of benchmarks.md")
    parser.add_argument(
        "--table", action="store_true", help="only rewrite the section from --results"
    )
    args = parser.parse_args(argv)
    checks_path = args.results.with_suffix(".checks.json")
    if not args.table:
        with tempfile.TemporaryDirectory(prefix="bench-million-") as tmp:
            workdir = Path(tmp)
            corpus = args.corpus
            if corpus is None:
                corpus = workdir / "corpus.jsonl"
                script = ROOT / "benchmarks" / "synthetic.py"
                subprocess.run(
                    [
                        sys.executable,
                        str(script),
                        str(max(args.sizes)),
                        "--stream",
                        "--seed",
                        "11",
                        "-o",
                        str(corpus),
                    ],
                    check=True,
                )
            if args.check:
                # in its own invocation: the in-memory runs grow this process, and a
                # child forked from a large parent would report the parent's size
                sample = prefix(corpus, args.sample, workdir)
                checks = {"docs": args.sample, **same_as_in_memory(sample, workdir)}
                checks_path.write_text(json.dumps(checks))
                return
            for n in sorted(args.sizes):
                src = prefix(corpus, n, workdir)
                for command in args.commands:
                    rss, cpu = child(
                        COMMANDS[command](str(src), str(workdir / f"out-{command}.jsonl"))
                    )
                    row = {
                        "command": command,
                        "docs": n,
                        "MB": src.stat().st_size / 1e6,
                        "rss": rss,
                        "cpu": cpu,
                    }
                    with open(args.results, "a") as log:
                        log.write(json.dumps(row) + "\n")
                    print(
                        f"{command} {n:,}: peak {rss:,.0f} MB, CPU {cpu:.1f} s",
                        file=sys.stderr,
                        flush=True,
                    )
                if src != corpus:
                    src.unlink()
    rows = [json.loads(line) for line in args.results.read_text().splitlines()]
    checks = json.loads(checks_path.read_text()) if checks_path.exists() else None
    write(rows, checks, args.section)
    print(table(rows))


if __name__ == "__main__":
    main()
