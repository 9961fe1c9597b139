"""Repeated passages at scale: time, peak memory and accuracy on planted passages.

The corpus (`synthetic_passages.py`) has unique generated sentences plus
planted quotes (some re-spelled) and site furniture, so every found
occurrence can be checked against the truth. Each measurement runs in its own
process, so peak memory (max RSS) belongs to that run alone.

The reference is the usual way to build this with datasketch: one
``MinHash`` per window (``update_batch``, xxhash 32-bit) inserted into a
``MinHashLSH`` and queried, on the same windows and a prefix of the corpus,
timed against textclean's candidate step on that same prefix. It stops at
candidate pairs; textclean's time also includes verification and clustering.

    python benchmarks/bench_passages.py [--docs 20000] [--reference-docs 2000]
    python benchmarks/bench_passages.py --docs 100000   # the big run
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

from report import markdown_table, write_section


def measure_ours(n_docs: int) -> dict:
    from synthetic_passages import generate

    from textclean.passages.match import candidate_pairs, sentence_links
    from textclean.passages.spans import build_clusters
    from textclean.passages.windows import corpus_sentences

    corpus = generate(n_docs, seed=0)
    chars = sum(map(len, corpus.texts))
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    times = {}
    start = time.perf_counter()
    sentences = corpus_sentences(corpus.texts)
    times["segment + shingle"] = time.perf_counter() - start
    mark = time.perf_counter()
    pairs = candidate_pairs(sentences)
    times["MinHash + LSH"] = time.perf_counter() - mark
    mark = time.perf_counter()
    links = list(sentence_links(sentences, pairs))
    times["verify"] = time.perf_counter() - mark
    mark = time.perf_counter()
    clusters = build_clusters(sentences, corpus.texts, links)
    times["spans + clusters"] = time.perf_counter() - mark
    total = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    planted = {(d, s, e) for d, spans in enumerate(corpus.planted) for _, s, e in spans}
    planted_docs = {}
    for d, spans in enumerate(corpus.planted):
        for pid, _, _ in spans:
            planted_docs.setdefault(pid, set()).add(d)
    repeated = {
        (d, s, e)
        for d, spans in enumerate(corpus.planted)
        for pid, s, e in spans
        if len(planted_docs[pid]) > 1
    }
    found = {(o.doc, o.start, o.end) for c in clusters for o in c.occurrences}
    overlapping = {
        (d, s, e) for d, s, e in found if any(ps < e and s < pe for _, ps, pe in corpus.planted[d])
    }
    return {
        "docs": n_docs,
        "mb": chars / 1e6,
        "sentences": len(sentences),
        "windows": len(sentences.win_first),
        "pairs": len(pairs),
        "clusters": len(clusters),
        "times": times,
        "total": total,
        "peak_mb": peak / 1024,
        "corpus_mb": base_rss / 1024,
        "exact_recall": len(found & repeated) / max(1, len(repeated)),
        "precision": len(overlapping) / max(1, len(found)),
        "planted": len(planted),
    }


def measure_reference(n_docs: int) -> dict:
    import numpy as np
    import xxhash
    from datasketch import MinHash, MinHashLSH
    from synthetic_passages import generate

    from textclean.dedup.shingling import shingles
    from textclean.passages.match import candidate_pairs
    from textclean.passages.windows import corpus_sentences

    corpus = generate(n_docs, seed=0)
    sentences = corpus_sentences(corpus.texts)
    start = time.perf_counter()
    candidate_pairs(sentences)
    ours = time.perf_counter() - start
    # the same windows as text, shingled by the same function (not timed)
    doc, first, stop = sentences.doc, sentences.win_first, sentences.win_stop
    window_shingles = [
        sorted(
            {
                sh.encode("utf-8")
                for s in range(int(f), int(t))
                for sh in shingles(
                    corpus.texts[int(doc[s])][int(sentences.start[s]) : int(sentences.end[s])], 3
                )
            }
        )
        for f, t in zip(first, stop, strict=True)
    ]
    start = time.perf_counter()
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    hashes = []
    for w, items in enumerate(window_shingles):
        m = MinHash(128, seed=1, hashfunc=xxhash.xxh32_intdigest)
        m.update_batch(items)
        lsh.insert(w, m, check_duplication=False)
        hashes.append(m)
    n_pairs = sum(len(lsh.query(m)) - 1 for m in hashes) // 2
    reference = time.perf_counter() - start
    return {
        "docs": n_docs,
        "windows": len(window_shingles),
        "ours": ours,
        "reference": reference,
        "reference_pairs": int(n_pairs),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "numpy": np.__version__,
    }


def child(kind: str, n_docs: int) -> dict:
    """Run one measurement in a fresh process; its max RSS is its own."""
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--docs", str(n_docs)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--reference-docs", type=int, default=2_000)
    parser.add_argument("--child", choices=["ours", "reference"], default=None)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    if args.child:
        fn = measure_ours if args.child == "ours" else measure_reference
        print(json.dumps(fn(args.docs)))
        return

    ref = child("reference", args.reference_docs)
    ours = child("ours", args.docs)
    speed = markdown_table(
        ["candidate pairs from windows", "docs", "windows", "seconds", "windows/s", "ratio"],
        [
            [
                "datasketch MinHash + MinHashLSH (reference)",
                ref["docs"],
                ref["windows"],
                ref["reference"],
                ref["windows"] / ref["reference"],
                1.0,
            ],
            [
                "textclean sentence signatures + banding",
                ref["docs"],
                ref["windows"],
                ref["ours"],
                ref["windows"] / ref["ours"],
                ref["reference"] / ref["ours"],
            ],
        ],
    )
    phases = [[name, seconds, seconds / ours["total"]] for name, seconds in ours["times"].items()]
    phases.append(["total", ours["total"], 1.0])
    scale = markdown_table(
        [
            "docs",
            "MB of text",
            "sentences",
            "windows",
            "candidate pairs",
            "clusters",
            "seconds",
            "docs/s",
            "peak RSS MB",
        ],
        [
            [
                ours["docs"],
                ours["mb"],
                ours["sentences"],
                ours["windows"],
                ours["pairs"],
                ours["clusters"],
                ours["total"],
                ours["docs"] / ours["total"],
                ours["peak_mb"],
            ]
        ],
    )
    accuracy = markdown_table(
        [
            "planted occurrences",
            "found with the exact span",
            "found occurrences on a planted passage",
        ],
        [[ours["planted"], f"{ours['exact_recall']:.1%}", f"{ours['precision']:.1%}"]],
    )
    body = "\n\n".join(
        [
            f"Full run on {ours['docs']:,} documents (`--docs {ours['docs']}`); peak RSS is the whole process, "
            f"of which {ours['corpus_mb']:.0f} MB is the generated corpus and interpreter before the run.",
            scale,
            markdown_table(["phase", "seconds", "share"], phases),
            "Accuracy against the planted truth (quotes in 2-20 documents, a third re-spelled; furniture in 5% of documents):",
            accuracy,
            f"Candidate generation against the datasketch reference on the first {ref['docs']:,} documents "
            f"(reference found {ref['reference_pairs']:,} candidate pairs):",
            speed,
        ]
    )
    print(body)
    if not args.no_write:
        write_section("bench_passages", "Repeated passages", body)


if __name__ == "__main__":
    main()
