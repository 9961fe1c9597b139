"""Spun text: false repairs on clean English, detection of spun text, and throughput.

Run: ``python benchmarks/bench_spun.py`` (about 5 minutes) or ``--full`` to
also scan the ~32 million words the lexicon tiers were chosen against.

* False repairs are measured on held-out clean English (Perl POD, the CMake
  manual, GNU info manuals: never used to choose tiers) plus real news: the
  unspun seeds, the examples and the 181 news and blog pages of
  ../shared/data/boilerplate-dev.
* Detection: the spin score of clean documents (held-out text cut into
  ~600-word pieces) against real spun news (seed 004) and simulated spun
  news: the unspun seeds and examples run through a spinner simulator that
  swaps each lexicon replacement back to its spun phrase with probability 0.5.
* In-context repair (`spun_context`): recall and false repairs at each
  evidence level, on the unspun news spun by a spinner built from the
  lexicon's pairs at two spin rates, and on the held-out clean text.
* Spin-robust dedup and unspin (`spun_twins`): English articles with spun
  copies from the spinner built from the lexicon's pairs at rates that bring
  the plain 5-gram Jaccard to about 0.45-0.7, with wire copies and quoting
  articles as near misses; copies removed, sources kept, other documents
  removed, spun wording restored, CPU time.
* Throughput: `fix_spun`, `spin_score` and `fix_acronyms` against ftfy's
  `fix_text` (the usual per-document cleaner) and the obvious alternative, one
  `re` alternation of every repair phrase, on the same text in the same run.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

import english_corpus  # noqa: E402
from report import markdown_table, write_section  # noqa: E402
from spun_context import context_rows  # noqa: E402
from spun_twins import twin_tables  # noqa: E402

from textclean.filters.spin import DEFAULT_MIN_REPAIRS, DEFAULT_THRESHOLD, is_spun  # noqa: E402
from textclean.repair.acronyms import fix_acronyms  # noqa: E402
from textclean.repair.lexicon import builtin_entries, load_lexicon  # noqa: E402
from textclean.repair.spun import repair_spun, spin_evidence, spin_score  # noqa: E402

SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


def news_docs() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Unspun news (seeds 000-003, the examples, 181 real news pages) and real spun news (seed 004, the content-farm example)."""
    clean, spun = [], []
    for line in (ROOT / "examples" / "corpus.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        (spun if record.get("source") == "content-farm" else clean).append(
            (f"example:{record['id']}", record["text"])
        )
    for path in sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []:
        (spun if path.name.startswith("004") else clean).append(
            (f"seed:{path.stem}", path.read_text(encoding="utf-8"))
        )
    pages = ROOT.parent / "shared" / "data" / "boilerplate-dev" / "lines.jsonl"
    if pages.exists():
        for line in pages.open(encoding="utf-8"):
            page = json.loads(line)
            clean.append((f"page:{page['id'][:12]}", "\n".join(page["lines"])))
    return clean, spun


def pieces(docs: list[tuple[str, str]], size: int = 600) -> list[str]:
    """Clean documents cut at paragraph breaks into pieces of about ``size`` words."""
    out, current, words = [], [], 0
    for _, text in docs:
        for para in text.split("\n\n"):
            current.append(para)
            words += len(para.split())
            if words >= size:
                out.append("\n\n".join(current))
                current, words = [], 0
    return out


def spin(text: str, rng: random.Random, p: float = 0.5) -> str:
    """A spinner simulator: swap lexicon replacements back to spun phrases."""
    by_original: dict[str, list[str]] = {}
    for e in builtin_entries():
        if e.replacement and e.case == "fold" and len(e.replacement) > 3:
            by_original.setdefault(e.replacement.lower(), []).append(e.phrase)
    keys = sorted(by_original, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(k) for k in keys) + r")\b", re.I)

    def swap(m: re.Match) -> str:
        options = by_original[m.group().lower()]
        return rng.choice(sorted(options)) if rng.random() < p else m.group()

    return pattern.sub(swap, text)


def rate_per_million(count: int, words: int) -> float:
    return 1e6 * count / max(words, 1)


def throughput(fn, texts: list[str]) -> float:
    """MB/s over ``texts`` after one untimed pass (patterns compile on first use)."""
    size = sum(len(t.encode()) for t in texts) / 1e6
    for t in texts:
        fn(t)
    start = time.perf_counter()
    for t in texts:
        fn(t)
    return size / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--full", action="store_true", help="also scan the tier-building corpus (~32M words, slow)"
    )
    parser.add_argument(
        "--no-write", action="store_true", help="print only; leave docs/benchmarks.md alone"
    )
    args = parser.parse_args()

    lexicon = load_lexicon()
    news, real_spun = news_docs()
    held = list(english_corpus.documents(english_corpus.HELD_OUT_SOURCES)) + news
    corpora = [("held-out clean English + unspun news", held)]
    if args.full:
        corpora.append(
            ("tier-building corpus", list(english_corpus.documents(english_corpus.BUILD_SOURCES)))
        )

    # 1. False repairs on clean English.
    rows = []
    for label, docs in corpora:
        words = sum(len(t.split()) for _, t in docs)
        repairs, signals, fired = 0, 0, {}
        for _, text in docs:
            _, changes, n = repair_spun(text, lexicon)
            repairs += n
            for c in changes:
                fired[c.before.lower()] = fired.get(c.before.lower(), 0) + 1
            signals += spin_evidence(text, lexicon).signals
        top = (
            ", ".join(f"{k!r}×{v}" for k, v in sorted(fired.items(), key=lambda kv: -kv[1])[:5])
            or "none"
        )
        rows.append(
            [
                label,
                f"{words:,}",
                repairs,
                rate_per_million(repairs, words),
                rate_per_million(signals, words),
                top,
            ]
        )
    clean_table = markdown_table(
        [
            "clean text",
            "words",
            "repairs",
            "repairs / M words",
            "signals / M words",
            "phrases repaired",
        ],
        rows,
    )

    # 2. Spin score: clean pieces vs real and simulated spun news.
    rng = random.Random(20200611)
    clean_pieces = pieces(held)
    clean_ev = [spin_evidence(t, lexicon) for t in clean_pieces]
    scores = sorted(e.score for e in clean_ev)
    simulated = [spin(t, rng) for _, t in news]
    sim_ev = []
    for t in simulated:
        fixed, _, n = repair_spun(t, lexicon)  # as the default pipeline does: repair first
        sim_ev.append(spin_evidence(fixed, lexicon, prior_repairs=n))
    drop = lambda ev: is_spun(ev, DEFAULT_THRESHOLD, DEFAULT_MIN_REPAIRS)  # noqa: E731
    det_rows = [
        [
            "clean pieces (held-out)",
            len(clean_ev),
            f"{scores[len(scores) // 2]:.2f}",
            f"{scores[int(len(scores) * 0.99)]:.2f}",
            f"{scores[-1]:.2f}",
            sum(map(drop, clean_ev)),
        ],
        [
            "simulated spun news",
            len(sim_ev),
            *(f"{s:.2f}" for s in _spread([e.score for e in sim_ev])),
            sum(map(drop, sim_ev)),
        ],
    ]
    spun_words = sum(len(t.split()) for t in simulated)
    spun_repairs = sum(e.repairs for e in sim_ev)
    for name, text in real_spun:
        fixed, _, n = repair_spun(text, lexicon)
        ev = spin_evidence(fixed, lexicon, prior_repairs=n)
        det_rows.append([f"{name} (real spun news)", 1, f"{ev.score:.2f}", "", "", int(drop(ev))])
        spun_words += len(text.split())
        spun_repairs += n
    short_ev = [spin_evidence(t, lexicon) for t in pieces(held, size=150)]
    short_scores = sorted(e.score for e in short_ev)
    det_rows.insert(
        1,
        [
            "short clean pieces (held-out, ~150 words)",
            len(short_ev),
            f"{short_scores[len(short_scores) // 2]:.2f}",
            f"{short_scores[int(len(short_scores) * 0.99)]:.2f}",
            f"{short_scores[-1]:.2f}",
            sum(map(drop, short_ev)),
        ],
    )
    real_ev = []
    for _, text in real_spun:
        fixed, _, n = repair_spun(text, lexicon)
        real_ev.append(spin_evidence(fixed, lexicon, prior_repairs=n))
    grid = []
    for threshold in (5.0, 10.0, 20.0):
        for min_repairs in (1, 2, 3):
            rule = functools.partial(is_spun, threshold=threshold, min_repairs=min_repairs)
            grid.append(
                [
                    threshold,
                    min_repairs,
                    sum(map(rule, clean_ev + short_ev)),
                    f"{sum(map(rule, sim_ev))}/{len(sim_ev)}",
                    f"{sum(map(rule, real_ev))}/{len(real_ev)}",
                ]
            )
    grid_table = markdown_table(
        [
            "threshold",
            "min repairs",
            "clean pieces dropped",
            "simulated spun dropped",
            "real spun dropped",
        ],
        grid,
    )
    det_table = markdown_table(
        [
            "documents",
            "n",
            "median score",
            "p99 / min",
            "max",
            f"dropped (score >= {DEFAULT_THRESHOLD:g}, repairs >= {DEFAULT_MIN_REPAIRS})",
        ],
        det_rows,
    )

    # 3. In-context repair at each evidence level.
    context_table = markdown_table(
        [
            "evidence level",
            "clean false repairs / M words",
            "recall (spin 0.5)",
            "wrong wording (0.5)",
            "false repairs (0.5)",
            "recall (spin 0.9)",
            "wrong wording (0.9)",
            "false repairs (0.9)",
        ],
        context_rows([t for _, t in held], [t for _, t in news], lexicon),
    )

    # 4. Spin-robust dedup and unspin.
    twins = twin_tables()

    # 5. Throughput on clean held-out text.
    texts = [t for _, t in held][:400]
    entries = [e for e in builtin_entries() if e.tier == "repair"]
    t0 = time.perf_counter()
    naive = re.compile(r"\b(?:" + "|".join(re.escape(e.phrase) for e in entries) + r")\b", re.I)
    naive_compile = time.perf_counter() - t0
    import ftfy

    speeds = [
        ("ftfy.fix_text (reference)", throughput(ftfy.fix_text, texts)),
        (
            "one `re` alternation of all repair phrases",
            throughput(lambda t: naive.sub("x", t), texts),
        ),
        ("fix_spun", throughput(lambda t: repair_spun(t, lexicon), texts)),
        ("spin_score", throughput(spin_score, texts)),
        ("fix_acronyms", throughput(fix_acronyms, texts)),
    ]
    ref = speeds[0][1]
    speed_table = markdown_table(
        ["function", "MB/s", "× ftfy.fix_text"], [[n, s, s / ref] for n, s in speeds]
    )

    body = f"""Lexicon: {sum(e.tier == "repair" for e in builtin_entries()):,} repair and {sum(e.tier == "signal" for e in builtin_entries()):,} signal entries.

**False repairs on clean English** (the clean-text guard; held-out text was never used to choose tiers):

{clean_table}

**Spin score** (signals per 1,000 words; a repair hit weighs 3):

{det_table}

Drop rule calibration (clean pieces: {len(clean_ev) + len(short_ev):,} held-out pieces of ~600 and ~150 words):

{grid_table}

Repairs on spun news (simulated and real): {spun_repairs} in {spun_words:,} words = {rate_per_million(spun_repairs, spun_words):,.0f} per million words.

**In-context repair** (signal phrases rewritten when a text reaches the evidence level; the default is 3 repairs and score 10). Clean: the held-out text above ({sum(len(t.split()) for _, t in held):,} words). Spun: the {len(news)} unspun news documents through a spinner built from the lexicon's pairs, each known phrase swapped with probability 0.5 or 0.9; recall = spinner swaps restored to the source wording; wrong wording = a spun phrase given another wording than the source's (a phrase the spinner makes from several originals); false repair = an edit of text the spinner left alone:

{context_table}

{twins}
**Throughput** ({sum(len(t.encode()) for t in texts) / 1e6:.1f} MB of held-out clean text, one core, after one warm-up pass; the `re` alternation took {naive_compile:.2f} s to compile):

{speed_table}
"""
    print(body)
    if not args.no_write:
        write_section(
            "bench_spun",
            "Spun text: false repairs, spin score, spin-robust dedup, unspin, throughput",
            body,
        )


def _spread(values: list[float]) -> tuple[float, float, float]:
    values = sorted(values)
    return values[len(values) // 2], values[0], values[-1]


if __name__ == "__main__":
    main()
