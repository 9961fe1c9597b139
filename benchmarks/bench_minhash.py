"""MinHash signature throughput: textclean against datasketch and rensa, one run.

Two tables. *From shingles*: every method gets the same lists of shingle
strings (made once, not timed), so the table compares hashing plus
permutations. *From text*: every method starts from the raw texts; the others
use `textclean.dedup.shingles` to make their input, textclean its vectorised
path. datasketch gets xxhash's 32-bit hash, its fastest practical hash
function; rensa uses its own. Slow methods run on a prefix of the documents
and are compared by documents per second.

    python benchmarks/bench_minhash.py [--docs 2000] [--num-perm 128]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import numpy as np
import xxhash
from report import markdown_table, write_section
from synthetic import generate

from textclean.dedup import minhash_signatures, shingles
from textclean.dedup.minhash import signatures_from_hashes, signatures_from_shingles
from textclean.dedup.polyhash import text_shingle_hashes


def timed(fn: Callable[[], object], repeat: int = 3) -> float:
    """Best wall time of ``repeat`` runs (seconds)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def shingle_methods(num_perm: int) -> dict[str, Callable[[list[list[str]]], object]]:
    from datasketch import MinHash

    h32 = xxhash.xxh32_intdigest

    def ds_update(lists):
        for shingle_list in lists:
            m = MinHash(num_perm, seed=1, hashfunc=h32)
            for s in shingle_list:
                m.update(s.encode("utf-8"))

    def ds_update_batch(lists):
        for shingle_list in lists:
            m = MinHash(num_perm, seed=1, hashfunc=h32)
            m.update_batch([s.encode("utf-8") for s in shingle_list])

    def ds_bulk(lists):
        MinHash.bulk(
            [[s.encode("utf-8") for s in sl] for sl in lists],
            num_perm=num_perm,
            seed=1,
            hashfunc=h32,
        )

    methods = {
        "datasketch MinHash.update (per shingle)": ds_update,
        "datasketch MinHash.update_batch": ds_update_batch,
        "datasketch MinHash.bulk": ds_bulk,
    }
    try:
        import rensa

        methods["rensa RMinHash.digest_matrix_from_token_sets"] = lambda lists: (
            rensa.RMinHash.digest_matrix_from_token_sets(lists, num_perm=num_perm, seed=1)
        )
    except ImportError:
        print("rensa is not installed (pip install rensa): its rows are left out")
    methods["textclean signatures_from_shingles"] = lambda lists: signatures_from_shingles(
        lists, num_perm=num_perm
    )
    return methods


def run(n_docs: int, num_perm: int) -> str:
    texts = generate(n_docs, seed=1, duplicate_share=0.0).texts
    lists = [shingles(t) for t in texts]
    mean_shingles = float(np.mean([len(sl) for sl in lists]))
    mean_bytes = float(np.mean([len(t.encode()) for t in texts]))
    slow_prefix = max(50, n_docs // 10)

    def rate(fn: Callable, inputs: list) -> float:
        return len(inputs) / timed(lambda: fn(inputs), repeat=1 if len(inputs) < n_docs else 3)

    shingle_rates = {}
    for name, fn in shingle_methods(num_perm).items():
        inputs = lists[:slow_prefix] if "update" in name else lists
        shingle_rates[name] = rate(fn, inputs)
    text_rates = {}
    for name, fn in shingle_methods(num_perm).items():
        if name.startswith("textclean"):
            continue
        inputs = texts[:slow_prefix] if "update" in name else texts
        text_rates[name] = rate(lambda ts, fn=fn: fn([shingles(t) for t in ts]), inputs)
    text_rates["textclean minhash_signatures"] = rate(
        lambda ts: minhash_signatures(ts, num_perm=num_perm), texts
    )
    hashes, counts = text_shingle_hashes(texts, bits=64)
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.uint64)
    kernel_rates = {}
    try:
        import rensa

        kernel_rates["rensa digest_matrix_from_flat_token_hashes"] = n_docs / timed(
            lambda: rensa.RMinHash.digest_matrix_from_flat_token_hashes(
                hashes, offsets, num_perm, 1
            )
        )
    except ImportError:
        pass
    kernel_rates["textclean signatures_from_hashes"] = n_docs / timed(
        lambda: signatures_from_hashes(hashes, counts, num_perm=num_perm, scheme="affine64")
    )

    def table(rates: dict[str, float]) -> str:
        ours = rates[max(rates, key=lambda k: k.startswith("textclean"))]
        rows = [[name, r, 1e6 / r, ours / r] for name, r in rates.items()]
        return markdown_table(["method", "docs/s", "µs/doc", "textclean speed-up"], rows)

    return (
        f"{n_docs:,} synthetic news-like documents (mean {mean_bytes:,.0f} bytes, "
        f"{mean_shingles:,.0f} word 5-gram shingles), {num_perm} permutations, one process. "
        f"Per-shingle `update` and `update_batch` ran on the first {slow_prefix:,} documents.\n\n"
        "### From shingle lists (hashing + permutations)\n\n"
        f"{table(shingle_rates)}\n\n"
        "### From raw text (normalise + shingle + hash + permutations)\n\n"
        f"{table(text_rates)}\n\n"
        "### From shingle hashes (permutations and minimum only)\n\n"
        "The same flat array of 64-bit shingle hashes and row offsets for both; "
        "textclean with datasketch's affine64 scheme (64-bit arithmetic, like rensa's input). "
        "rensa's R-MinHash is its own C-MinHash-style sketch, not reproducible by datasketch; "
        "textclean computes every (shingle, permutation) product, as datasketch does, "
        "so its rows stay bit-equal to datasketch's.\n\n"
        f"{table(kernel_rates)}\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--num-perm", type=int, default=128)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    body = run(args.docs, args.num_perm)
    print(body)
    if not args.no_write:
        write_section("bench_minhash", "MinHash signatures", body)


if __name__ == "__main__":
    main()
