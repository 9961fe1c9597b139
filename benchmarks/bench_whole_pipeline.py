"""The default pipeline end to end, beside two compositions of the same libraries.

The corpus is real article text: the news and blog pages of Mozilla
Readability's test suite, each as a crawler saw it and as the extracted
article (``data/articles/README.md``); ``--synthetic N`` uses N news-like
documents made from real sentences with injected damage instead. Each system
runs in a process of its own, first over `WARM_PAGES` other real pages (the
labelled scraper output of ``data/scraped-news*``, else synthetic documents),
so that imports, models, language profiles, compiled patterns and first-use
tables are paid before the clock starts, for the references as for textclean;
then, in CPU time (``time.process_time``), it measures:

* textclean's default pipeline followed by near-duplicate removal, with the
  CPU time of each step, with and without the ``language`` step;
* the naive composition: ``ftfy.fix_text``, full-text ``langdetect.detect``
  (seeded) and per-shingle datasketch ``MinHash.update`` + ``MinHashLSH``;
* the careful composition: ftfy only where a mojibake hint is seen, C4's line
  rules, langdetect on the first 500 characters, datasketch ``MinHash.bulk`` +
  ``MinHashLSH``;
* ``textclean clean`` with 1 and 2 workers, each in a fresh process, in
  wall-clock time, on 20 MB of distinct real news (`worker_docs`).

    python benchmarks/bench_whole_pipeline.py [--synthetic 2000]
"""

from __future__ import annotations

import argparse
import gzip
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

import orjson
from bench_boilerplate import c4_keep
from record_outputs import article_docs
from report import markdown_table, write_section
from synthetic import source_sentences

from textclean import Document, Pipeline
from textclean.registry import create

BOILERPLATE = [
    "Share on Facebook",
    "Share on Twitter",
    "Sign up for our newsletter to get the top stories every morning.",
    "By signing up you agree to our Terms of Use and Privacy Policy.",
    "Read time 4 min",
]


def make_docs(n: int, seed: int = 0) -> list[Document]:
    rng = random.Random(seed)
    pool = list(source_sentences())
    docs: list[Document] = []
    for i in range(n):
        if docs and rng.random() < 0.1:  # a syndicated copy of an earlier story
            src = rng.choice(docs).text
            docs.append(Document(f"d{i}", src + "\nReporting by staff.", {}))
            continue
        paragraphs = [
            " ".join(rng.sample(pool, rng.randint(2, 5))) for _ in range(rng.randint(3, 8))
        ]
        text = "\n".join(paragraphs)
        roll = rng.random()
        if roll < 0.1:
            text = text.encode("utf-8").decode("latin-1", errors="replace").replace("\x00", "")
            text = text.replace("'", "\u2019").encode("utf-8").decode("cp1252", errors="replace")
        elif roll < 0.2:
            text = text.replace(", ", " , ").replace(". ", " . ").replace("'s ", " 's ")
        elif roll < 0.35:
            text = (
                "\n".join(rng.sample(BOILERPLATE, 2)) + "\n" + text + "\n" + rng.choice(BOILERPLATE)
            )
        docs.append(Document(f"d{i}", text, {}))
    return docs


#: Pages each system processes before it is timed (see the module docstring).
WARM_PAGES = 200


def warm_docs() -> list[Document]:
    """Real pages the timed corpus does not hold: labelled scraper output, one page a
    document; synthetic documents where those sets are not built."""
    from boilerplate_sets import load_scraped

    pages = sorted(load_scraped(), key=lambda p: p.id)[:WARM_PAGES]
    if not pages:
        return make_docs(WARM_PAGES, seed=1)
    return [Document(f"warm{i}", "\n".join(p.lines), {}) for i, p in enumerate(pages)]


def isolated(system: str, docs: list[Document], warm: list[Document]):
    """``system``'s result on ``docs`` from a fresh process that first ran it over ``warm``:
    no run profits from what another warmed (textclean's line memory included)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        return pool.submit(_warm_then_time, system, docs, warm).result()


def fastest_runs(docs: list[Document], warm: list[Document], repeats: int):
    """Each system's fastest of ``repeats`` isolated runs, the systems taking turns so a
    slow spell of a shared machine falls on all of them; and every run's CPU seconds."""
    runs: dict[str, list] = {name: [] for name in SYSTEMS}
    for _ in range(repeats):
        for name in SYSTEMS:
            runs[name].append(isolated(name, docs, warm))
    best = {name: min(results, key=lambda r: r[0]) for name, results in runs.items()}
    return best, {name: [r[0] for r in results] for name, results in runs.items()}


def _warm_then_time(system: str, docs: list[Document], warm: list[Document]):
    run = SYSTEMS[system]
    run(warm)
    return run(docs)


def run_textclean(
    docs: list[Document], language: bool = True
) -> tuple[float, dict[str, float], int]:
    steps = [s for s in Pipeline.default().steps if language or s[0] != "language"]
    pipeline = Pipeline([*steps, ("near_dedup", create("near_dedup"))], record="none")
    start = time.process_time()
    kept = sum(1 for _ in pipeline.run(docs))
    elapsed = time.process_time() - start
    return elapsed, dict(pipeline.stats.seconds), kept


#: Characters that show mojibake: the careful composition runs ftfy only where one appears.
MOJIBAKE_HINTS = ("\u00c3", "\u00c2", "\u00e2\u20ac", "\u00d0", "\ufffd", "\u00ef\u00bf")


def run_careful(docs: list[Document]) -> tuple[float, dict[str, float], int]:
    import ftfy
    from datasketch import MinHash, MinHashLSH
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    seconds = {
        "ftfy where hinted": 0.0,
        "C4 line rules": 0.0,
        "langdetect (500 chars)": 0.0,
        "MinHash.bulk + LSH": 0.0,
    }
    start = time.process_time()
    shingles = []
    for doc in docs:
        t0 = time.process_time()
        text = ftfy.fix_text(doc.text) if any(h in doc.text for h in MOJIBAKE_HINTS) else doc.text
        t1 = time.process_time()
        text = "\n".join(line for line in text.split("\n") if c4_keep(line))
        t2 = time.process_time()
        try:
            detect(text[:500])
        except LangDetectException:
            pass
        t3 = time.process_time()
        words = text.lower().split()
        shingles.append(
            [" ".join(words[k : k + 5]).encode("utf-8") for k in range(max(1, len(words) - 4))]
        )
        t4 = time.process_time()
        seconds["ftfy where hinted"] += t1 - t0
        seconds["C4 line rules"] += t2 - t1
        seconds["langdetect (500 chars)"] += t3 - t2
        seconds["MinHash.bulk + LSH"] += t4 - t3
    t0 = time.process_time()
    lsh = MinHashLSH(threshold=0.8, num_perm=128)
    kept = 0
    for doc, m in zip(docs, MinHash.bulk(shingles, num_perm=128), strict=True):
        if not lsh.query(m):
            lsh.insert(doc.id, m)
            kept += 1
    seconds["MinHash.bulk + LSH"] += time.process_time() - t0
    return time.process_time() - start, seconds, kept


#: Distinct real news for the worker run: the clean pages of the first unseen quality set.
WORKER_CORPUS = Path(__file__).resolve().parent / "data" / "quality" / "unseen.jsonl.gz"


def worker_docs(docs: list[Document], copies: int) -> tuple[list[Document], str]:
    """The worker run's corpus, and how to name it: distinct real pages where the quality
    set is built, else ``docs`` repeated ``copies`` times.

    Repeats flatter one worker: every page after the first copy is a page its line
    memory has read, while two workers each read every page for the first time.
    """
    if WORKER_CORPUS.exists():
        with gzip.open(WORKER_CORPUS, "rb") as fh:
            pages = [
                Document(r["id"], r["text"], {})
                for r in map(orjson.loads, fh)
                if r["kind"] == "clean"
            ]
        return pages, f"the {len(pages):,} clean pages of the first unseen quality set, each once"
    repeated = [Document(f"{d.id}#{c}", d.text, {}) for c in range(copies) for d in docs]
    return repeated, f"the corpus repeated {copies} times"


def run_workers(docs: list[Document], repeats: int = 1) -> dict[int, list[tuple[float, float]]]:
    """Wall-clock seconds of ``clean_files`` with the default pipeline, and the CPU
    seconds of its parent process, by worker count: ``repeats`` runs of each,
    the counts taking turns, so a slow spell of a shared machine falls on both.

    Each run starts in a fresh process, so neither count profits from caches
    the other runs warmed. With workers, the parent only reads and writes
    bytes: the workers parse, clean and serialise (``textclean.raw_chunks``).
    The two outputs are compared.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    out: dict[int, list[tuple[float, float]]] = {1: [], 2: []}
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "in.jsonl")
        with open(src, "wb") as fh:
            for d in docs:
                fh.write(orjson.dumps({"id": d.id, "text": d.text}) + b"\n")
        for _ in range(repeats):
            for workers in (1, 2):
                target = os.path.join(tmp, f"out{workers}.jsonl")
                context = multiprocessing.get_context("spawn")
                with ProcessPoolExecutor(1, mp_context=context) as pool:
                    out[workers].append(pool.submit(timed_clean, src, target, workers).result())
        with (
            open(os.path.join(tmp, "out1.jsonl"), "rb") as a,
            open(os.path.join(tmp, "out2.jsonl"), "rb") as b,
        ):
            if a.read() != b.read():
                raise SystemExit("1 and 2 workers wrote different bytes")
    return out


def timed_clean(src: str, target: str, workers: int) -> tuple[float, float]:
    """Wall-clock and own CPU seconds of one ``clean_files`` run, imports excluded."""
    from textclean.run.engine import run_on_files as clean_files

    start, cpu = time.perf_counter(), time.process_time()
    clean_files(Pipeline.default(), [src], target, workers=workers)
    return time.perf_counter() - start, time.process_time() - cpu


def run_naive(docs: list[Document]) -> tuple[float, dict[str, float], int]:
    import ftfy
    from datasketch import MinHash, MinHashLSH
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    seconds = {"ftfy.fix_text": 0.0, "langdetect.detect": 0.0, "MinHash.update + LSH": 0.0}
    lsh = MinHashLSH(threshold=0.8, num_perm=128)
    kept = 0
    start = time.process_time()
    for doc in docs:
        t0 = time.process_time()
        text = ftfy.fix_text(doc.text)
        t1 = time.process_time()
        try:
            detect(text)
        except LangDetectException:
            pass
        t2 = time.process_time()
        words = text.lower().split()
        m = MinHash(num_perm=128)
        for k in range(max(1, len(words) - 4)):
            m.update(" ".join(words[k : k + 5]).encode("utf-8"))
        if not lsh.query(m):
            lsh.insert(doc.id, m)
            kept += 1
        t3 = time.process_time()
        seconds["ftfy.fix_text"] += t1 - t0
        seconds["langdetect.detect"] += t2 - t1
        seconds["MinHash.update + LSH"] += t3 - t2
    return time.process_time() - start, seconds, kept


def run_textclean_without_language(docs: list[Document]) -> tuple[float, dict[str, float], int]:
    return run_textclean(docs, language=False)


SYSTEMS = {
    "naive": run_naive,
    "careful": run_careful,
    "textclean": run_textclean,
    "textclean without language": run_textclean_without_language,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--synthetic", type=int, default=0, help="use N synthetic documents")
    parser.add_argument(
        "--repeats",
        type=int,
        default=3,
        help="runs of each system and worker count, taking turns; the tables give the "
        "fastest of each",
    )
    parser.add_argument(
        "--copies",
        type=int,
        default=8,
        help="corpus copies for the worker run where the quality set is not built",
    )
    args = parser.parse_args()
    docs = make_docs(args.synthetic) if args.synthetic else article_docs()
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    warm = warm_docs()
    best, every = fastest_runs(docs, warm, args.repeats)
    naive_time, naive_steps, naive_kept = best["naive"]
    careful_time, careful_steps, careful_kept = best["careful"]
    ours_time, our_steps, our_kept = best["textclean"]
    nolang_time, _, nolang_kept = best["textclean without language"]
    spread = {name: ", ".join(f"{t:.2f}" for t in times) for name, times in every.items()}
    rows = [
        ["naive composition (reference)", naive_time, mb / naive_time, 1.0, naive_kept],
        [
            "careful composition",
            careful_time,
            mb / careful_time,
            naive_time / careful_time,
            careful_kept,
        ],
        [
            "textclean default pipeline + near_dedup",
            ours_time,
            mb / ours_time,
            naive_time / ours_time,
            our_kept,
        ],
        [
            "the same without the language step",
            nolang_time,
            mb / nolang_time,
            naive_time / nolang_time,
            nolang_kept,
        ],
    ]
    for row, name in zip(rows, SYSTEMS, strict=True):
        row.append(spread[name])
    table = markdown_table(
        [
            "run (1 process)",
            "CPU s (fastest)",
            "MB per CPU-second",
            "speed vs naive",
            "documents kept",
            "every run, CPU s",
        ],
        rows,
    )
    shares = []
    for label, steps, total in (
        ("textclean", our_steps, ours_time),
        ("careful", careful_steps, careful_time),
        ("naive", naive_steps, naive_time),
    ):
        for step, sec in sorted(steps.items(), key=lambda kv: -kv[1]):
            shares.append([label, step, sec, f"{100 * sec / total:.1f}%"])
    share_table = markdown_table(["run", "step", "CPU s", "share of run"], shares)
    load = os.getloadavg()[0]
    pages, worker_corpus = worker_docs(docs, args.copies)
    worker_mb = sum(len(d.text.encode("utf-8")) for d in pages) / 1e6
    runs = run_workers(pages, args.repeats)
    walls = {w: min(r) for w, r in runs.items()}
    medians = {w: statistics.median(wall for wall, _ in r) for w, r in runs.items()}
    worker_table = markdown_table(
        [
            "textclean clean, default pipeline",
            "wall s (fastest)",
            "speed vs 1 worker (fastest)",
            "wall s (median)",
            "speed vs 1 worker (median)",
            "parent CPU s",
            "every run, wall s",
        ],
        [
            [
                f"{w} worker{'s' if w > 1 else ''}",
                sec,
                walls[1][0] / sec,
                medians[w],
                medians[1] / medians[w],
                cpu,
                ", ".join(f"{wall:.1f}" for wall, _ in runs[w]),
            ]
            for w, (sec, cpu) in walls.items()
        ],
    )
    print(table, share_table, worker_table, sep="\n\n")
    corpus = (
        f"{len(docs):,} synthetic news-like documents ({mb:.2f} MB)"
        if args.synthetic
        else f"{len(docs):,} real news and blog pages and their extracted articles ({mb:.2f} MB, "
        "`benchmarks/data/articles`)"
    )
    body = (
        f"{corpus}. CPU time; each row in a fresh process that first ran the same system over "
        f"{len(warm)} other real pages (imports, models, language profiles and compiled "
        f"patterns paid before timing, for every row alike), {args.repeats} runs of each "
        "taking turns, the fastest of each compared. The naive and careful compositions do less work than "
        "textclean (no spacing or spun-text repair, no quality checks, no verification of LSH "
        "candidates); they are what a user would otherwise hand-write.\n\n"
        + table
        + "\n\nCPU time per step:\n\n"
        + share_table
        + f"\n\nWorkers, wall-clock time, each count in a fresh process (cold caches), "
        f"{args.repeats} runs of each taking turns, compared by the fastest and by the "
        "median of each (on this shared machine single runs vary by a fifth or more), on "
        f"{worker_corpus} "
        f"({worker_mb:.1f} MB, JSONL in and out, {os.cpu_count()} cores, load average "
        f"{load:.1f} at the start); the two outputs are byte-identical. Each worker pays its own "
        "start-up (imports, the line model, the language profiles, compiled patterns: see "
        "`bench_worker_start.py`), so the fewer pages a run has, the less a second "
        "worker gains:\n\n" + worker_table
    )
    write_section(
        "bench_whole_pipeline", "Whole pipeline: default steps vs hand-written compositions", body
    )


if __name__ == "__main__":
    main()
