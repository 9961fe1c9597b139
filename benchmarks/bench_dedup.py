"""Near-duplicate detection end to end: speed, memory and accuracy, one run.

1. *End to end*: ``textclean dedup`` on N synthetic news-like documents
   (default 100,000 of about 3 KB; ``--million`` for 1,000,000), run as a
   child process so its wall time and peak memory are the user's.
2. *LSH index*: datasketch's ``MinHashLSH`` (insert + query of LeanMinHash
   objects built from the same signatures) against textclean's integer band
   keys with sort-based candidate pairs, on the same signatures.
3. *Accuracy* on a generated corpus with known clusters and 1-30% word edits:
   pairwise precision, recall, F1 and adjusted Rand index against the
   generated clusters, and the recall of pairs whose true Jaccard similarity
   is at or above the threshold, for textclean's bands and datasketch's
   default choice.

    python benchmarks/bench_dedup.py [--docs 100000] [--million] [--accuracy-docs 20000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from math import comb
from pathlib import Path

import orjson
from report import markdown_table, write_section
from synthetic import generate

from textclean.dedup import minhash_signatures, shingles
from textclean.dedup.lsh import band_keys, candidate_pairs, choose_bands
from textclean.dedup.minhash import to_lean_minhashes
from textclean.dedup.settings import DedupSettings
from textclean.dedup.stage import deduplicate as dedup_documents
from textclean.document import Document, Drop

ROOT = Path(__file__).resolve().parent.parent


def end_to_end(n_docs: int, workdir: Path) -> tuple[str, dict]:
    started = time.perf_counter()
    corpus = generate(n_docs, seed=11)
    path = workdir / "corpus.jsonl"
    with open(path, "wb") as out:
        for doc_id, text in zip(corpus.ids, corpus.texts, strict=True):
            out.write(orjson.dumps({"id": doc_id, "text": text}) + b"\n")
    made = time.perf_counter() - started
    size = path.stat().st_size
    del corpus
    # The child's own peak (VmHWM): ru_maxrss would keep this process's size,
    # corpus included, across the child's fork + exec.
    peak_file = workdir / "peak"
    cmd = [sys.executable, str(ROOT / "benchmarks" / "own_peak.py"), str(peak_file)]
    cmd += ["dedup", str(path), "-o", str(workdir / "out.jsonl")]
    cmd += ["--clusters", str(workdir / "clusters.jsonl"), "-q"]
    started = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    elapsed = time.perf_counter() - started
    peak_kb = int(peak_file.read_text())
    kept = sum(1 for _ in open(workdir / "out.jsonl", "rb"))
    row = {
        "docs": n_docs,
        "input MB": size / 1e6,
        "seconds": elapsed,
        "docs/s": n_docs / elapsed,
        "MB/s": size / 1e6 / elapsed,
        "peak RSS GB": peak_kb / 1e6,
        "kept": kept,
    }
    note = f"(corpus generated and written in {made:.0f} s, not counted)"
    return note, row


def index_comparison(n_docs: int, threshold: float = 0.8) -> list[list[object]]:
    from datasketch import MinHashLSH

    texts = generate(n_docs, seed=12).texts
    sig = minhash_signatures(texts)
    bands, rows = choose_bands(threshold, 128)
    out = []
    tracemalloc.start()
    started = time.perf_counter()
    keys = band_keys(sig, bands, rows)
    pairs = candidate_pairs(keys)
    ours_time = time.perf_counter() - started
    ours_mem = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    out.append(["textclean band keys + sorted candidates", ours_time, ours_mem / 1e6, len(pairs)])
    lean = to_lean_minhashes(sig)
    tracemalloc.start()
    started = time.perf_counter()
    lsh = MinHashLSH(threshold=threshold, num_perm=128, params=(bands, rows))
    with lsh.insertion_session() as session:
        for i, m in enumerate(lean):
            session.insert(i, m, check_duplication=False)
    found = set()
    for i, m in enumerate(lean):
        found.update((min(i, j), max(i, j)) for j in lsh.query(m) if j != i)
    ds_time = time.perf_counter() - started
    ds_mem = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    out.append(
        [
            f"datasketch MinHashLSH insert + query ({bands}x{rows})",
            ds_time,
            ds_mem / 1e6,
            len(found),
        ]
    )
    return out


def pair_counts(truth: list[int], predicted: list[str]) -> tuple[int, int, int, int]:
    """(pairs together in both, in truth, in prediction, all pairs)."""
    joint = Counter(zip(truth, predicted, strict=True))
    both = sum(comb(c, 2) for c in joint.values())
    in_truth = sum(comb(c, 2) for c in Counter(truth).values())
    in_pred = sum(comb(c, 2) for c in Counter(predicted).values())
    return both, in_truth, in_pred, comb(len(truth), 2)


def adjusted_rand(both: int, in_truth: int, in_pred: int, total: int) -> float:
    expected = in_truth * in_pred / total if total else 0.0
    top = (in_truth + in_pred) / 2
    return (both - expected) / (top - expected) if top != expected else 1.0


def true_pairs_above(corpus, threshold: float) -> list[tuple[int, int]]:
    """Pairs inside a generated cluster whose exact shingle Jaccard is >= threshold."""
    if not hasattr(corpus, "_sets"):
        corpus._sets = {}
    by_cluster: dict[int, list[int]] = {}
    for i, c in enumerate(corpus.cluster):
        by_cluster.setdefault(c, []).append(i)
    out = []
    for members in by_cluster.values():
        if len(members) < 2:
            continue
        for i in members:
            if i not in corpus._sets:
                corpus._sets[i] = set(shingles(corpus.texts[i]))
        sets = corpus._sets
        for a in range(len(members)):
            for b in range(a + 1, len(members)):
                x, y = sets[members[a]], sets[members[b]]
                if len(x & y) >= threshold * len(x | y):
                    out.append((members[a], members[b]))
    return out


def accuracy(n_docs: int) -> str:
    corpus = generate(n_docs, seed=13, duplicate_share=0.4)
    docs = [Document(i, t) for i, t in zip(corpus.ids, corpus.texts, strict=True)]
    rows: list[list[object]] = []
    by_rate: dict[float, list[list[object]]] = {}
    for threshold in (0.5, 0.7, 0.8, 0.9):
        above = true_pairs_above(corpus, threshold)
        default_ds = _datasketch_default_params(threshold)
        configs = (
            ("textclean", {}),
            ("textclean, verify=signature", {"verify": "signature"}),
            ("datasketch default bands", dict(zip(("bands", "rows"), default_ds, strict=True))),
        )
        for label, extra in configs:
            settings = DedupSettings(threshold=threshold, **extra)
            started = time.perf_counter()
            out = list(dedup_documents(docs, settings))
            elapsed = time.perf_counter() - started
            cluster = [(o.doc if isinstance(o, Drop) else o).record["cluster"] for o in out]
            both, in_truth, in_pred, total = pair_counts(corpus.cluster, cluster)
            precision = both / in_pred if in_pred else 1.0
            recall = both / in_truth if in_truth else 1.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            found = sum(cluster[a] == cluster[b] for a, b in above) / len(above) if above else 1.0
            ari = adjusted_rand(both, in_truth, in_pred, total)
            shape = "{}x{}".format(*settings.lsh_shape)
            rows.append(
                [
                    threshold,
                    f"{label} ({shape})",
                    precision,
                    recall,
                    f1,
                    ari,
                    len(above),
                    found,
                    elapsed,
                ]
            )
            if not extra:
                by_rate[threshold] = _recall_by_edit_rate(corpus, cluster)
    rates = Counter(round(r, 2) for r in corpus.edit_rate)
    copies = sum(v for k, v in rates.items() if k > 0)
    return (
        f"{n_docs:,} documents, {len(set(corpus.cluster)):,} generated clusters; {copies:,} edited copies "
        f"(edit rate uniform in 1-30% of words) and {rates.get(0.0, 0) - len(set(corpus.cluster)):,} exact copies. "
        "Pairwise scores compare with the generated clusters, which also hold heavily edited copies "
        "far below any threshold, so recall against them falls as the threshold rises; the last "
        "columns count only pairs whose exact shingle Jaccard is at or above the threshold.\n\n"
        + markdown_table(
            [
                "threshold",
                "bands",
                "precision",
                "recall",
                "F1",
                "ARI",
                "pairs ≥ threshold",
                "their recall",
                "seconds",
            ],
            rows,
        )
        + "\n\nShare of copies found in their original's cluster, by edit rate and threshold "
        "(textclean defaults):\n\n"
        + markdown_table(
            ["edit rate", "copies", *(f"found at {t}" for t in by_rate)],
            [
                row[:2] + [by_rate[t][i][2] for t in by_rate]
                for i, row in enumerate(next(iter(by_rate.values())))
            ],
        )
    )


def _recall_by_edit_rate(corpus, cluster: list[str]) -> list[list[object]]:
    original = {}
    for i, (c, rate) in enumerate(zip(corpus.cluster, corpus.edit_rate, strict=True)):
        if rate == 0.0:
            original.setdefault(c, i)
    buckets = [(0.0, 0.0), (0.01, 0.03), (0.03, 0.05), (0.05, 0.1), (0.1, 0.2), (0.2, 0.3)]
    rows = []
    for lo, hi in buckets:
        copies = [
            i
            for i, rate in enumerate(corpus.edit_rate)
            if lo <= rate <= hi and (rate > 0 or original[corpus.cluster[i]] != i)
        ]
        found = sum(cluster[i] == cluster[original[corpus.cluster[i]]] for i in copies)
        label = "exact" if hi == 0 else f"{lo:.0%}-{hi:.0%}"
        rows.append([label, len(copies), found / len(copies) if copies else float("nan")])
    return rows


def _datasketch_default_params(threshold: float) -> tuple[int, int]:
    from datasketch.lsh import _optimal_param

    return _optimal_param(threshold, 128, 0.5, 0.5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--million", action="store_true", help="end to end on 1,000,000 documents")
    parser.add_argument("--index-docs", type=int, default=50_000)
    parser.add_argument("--accuracy-docs", type=int, default=20_000)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    n_docs = 1_000_000 if args.million else args.docs
    with tempfile.TemporaryDirectory() as tmp:
        note, row = end_to_end(n_docs, Path(tmp))
    e2e = markdown_table(list(row), [list(row.values())])
    print(e2e)
    if args.million:
        body = (
            "`python benchmarks/bench_dedup.py --million`: one process, threshold 0.8, 128 "
            f"permutations, 16 bands of 8, clusters file written; {note}.\n\n{e2e}\n"
        )
        if not args.no_write:
            write_section("bench_dedup_million", "Near-duplicate documents: one million", body)
        return
    index_rows = index_comparison(args.index_docs)
    index_table = markdown_table(
        ["index", "seconds", "peak traced MB", "candidate pairs"], index_rows
    )
    print(index_table)
    acc = accuracy(args.accuracy_docs)
    print(acc)
    body = (
        f"### End to end: `textclean dedup` on {n_docs:,} documents\n\n"
        f"One process, threshold 0.8, 128 permutations, 16 bands of 8, clusters file written; {note}.\n\n"
        f"{e2e}\n\n"
        f"### LSH index on {args.index_docs:,} signatures\n\n"
        "Same signatures and bands; time and peak memory traced by `tracemalloc` while building "
        "the index and finding all candidate pairs.\n\n"
        f"{index_table}\n\n"
        f"### Accuracy\n\n{acc}\n"
    )
    if not args.no_write:
        write_section("bench_dedup", "Near-duplicate documents", body)


if __name__ == "__main__":
    main()
