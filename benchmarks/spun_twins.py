"""Spin-robust dedup and unspin on real articles with spun copies and near-miss negatives.

The corpus: English articles (``benchmarks/data/articles``, the unspun seeds
when present), a spun copy of each made by the spinner built from the
lexicon's pairs (`textclean.testing.spinner`) at each rate, and two kinds of
near miss that plain dedup at the threshold keeps and spin-robust dedup must
keep too: *wire copies* (the same story under another lead: the first
quarter of the words replaced by another article's opening) and *quoting
articles* (another article with a long passage of this one, a third of its
words, pasted in). Everything is shuffled; the keep policy is ``first``, so
only the spin evidence can keep a source over its copy.

Run alone (``python benchmarks/spun_twins.py``) it prints its tables;
``bench_spun.py`` puts them in docs/benchmarks.md.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import sys
import time
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from report import markdown_table  # noqa: E402

from textclean.dedup.settings import DedupSettings  # noqa: E402
from textclean.dedup.shingling import shingles  # noqa: E402
from textclean.dedup.spin_align import tokens  # noqa: E402
from textclean.dedup.spin_view import replaceable_words  # noqa: E402
from textclean.dedup.stage import deduplicate as dedup_documents  # noqa: E402
from textclean.document import Document, Drop  # noqa: E402
from textclean.repair.unspin import Unspin  # noqa: E402
from textclean.testing.spinner import spin_copy  # noqa: E402

ARTICLES = ROOT / "benchmarks" / "data" / "articles" / "articles.jsonl.gz"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
RATES = (0.15, 0.25)
THRESHOLD = 0.8


def sources() -> list[Document]:
    """English articles of at least 150 words (and the unspun seeds when present)."""
    from textclean.filters import detect_language

    out = []
    if ARTICLES.exists():
        with gzip.open(ARTICLES, "rt", encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                text = rec["text"]
                if rec["id"].endswith("/article") and len(text.split()) >= 150:
                    if detect_language(text).lang == "en":
                        out.append(Document(f"src:{rec['id']}", text))
    for path in sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []:
        if not path.name.startswith("004"):
            out.append(Document(f"src:seed/{path.stem}", path.read_text(encoding="utf-8")))
    return out


def jaccard(a: str, b: str) -> float:
    x, y = set(shingles(a)), set(shingles(b))
    return len(x & y) / max(len(x | y), 1)


def foreign_swaps(text: str, rng: random.Random, share: float, pool: list[str]) -> str:
    """Swap ``share`` of the lower-case words outside the lexicon for other such words."""
    vocab = replaceable_words()

    def swap(m: re.Match[str]) -> str:
        w = m.group()
        if w.islower() and w not in vocab and rng.random() < share:
            return rng.choice(pool)
        return w

    return re.sub(r"\b[a-z]+\b", swap, text)


def near_misses(docs: list[Document], rng: random.Random) -> list[tuple[Document, str]]:
    """Wire copies with another lead and articles quoting another at length, with their kind."""
    out = []
    for i, doc in enumerate(docs):
        other = docs[(i + 1) % len(docs)]
        words, theirs = doc.text.split(" "), other.text.split(" ")
        cut = len(words) // 4
        lead = " ".join(theirs[:cut])
        out.append((Document(f"wire:{doc.id}", lead + " " + " ".join(words[cut:])), "wire"))
        third = len(words) // 3
        start = rng.randrange(0, len(words) - third)
        quote = " ".join(words[start : start + third])
        half = len(theirs) // 2
        text = " ".join(theirs[:half]) + ' "' + quote + '" ' + " ".join(theirs[half:])
        out.append((Document(f"quote:{doc.id}", text), "quote"))
    return out


def word_diff(a: str, b: str) -> int:
    """Words that differ between two texts (each non-equal gap counts its longer side)."""
    x, y = [t.key for t in tokens(a)], [t.key for t in tokens(b)]
    ops = SequenceMatcher(None, x, y, autojunk=False).get_opcodes()
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in ops if tag != "equal")


def run(
    corpus: list[Document], settings: DedupSettings
) -> tuple[dict[str, str | None], set[str], float]:
    """Each id -> the id it duplicates (None when kept), the ids alone in their cluster, CPU s."""
    started = time.process_time()
    fates, alone = {}, set()
    for out in dedup_documents(corpus, settings):
        doc = out.doc if isinstance(out, Drop) else out
        fates[doc.id] = doc.meta["textclean"]["duplicate_of"] if isinstance(out, Drop) else None
        if doc.meta["textclean"]["similarity"] is None:
            alone.add(doc.id)
    return fates, alone, time.process_time() - started


def removed(fates: dict[str, str | None], kind: dict[str, str], k: str) -> int:
    return sum(1 for i, d in fates.items() if d is not None and kind[i] == k)


def twin_tables() -> str:
    """The markdown of the spin-robust dedup and unspin measurements."""
    found = sources()
    _, alone, _ = run(found, DedupSettings(threshold=0.5))
    base = [d for d in found if d.id in alone]  # no two sources are near copies
    rng = random.Random(20140223)
    misses = near_misses(base, rng)
    pool = sorted(
        {w for d in base for w in re.findall(r"\b[a-z]+\b", d.text)} - replaceable_words()
    )
    kinds = {d.id: "source" for d in base} | {d.id: k for d, k in misses}
    dedup_rows, unspin_rows, time_rows = [], [], []
    variants = [(rate, 0.0) for rate in RATES] + [(RATES[-1], 0.05)]
    for rate, foreign in variants:
        copies = []
        for doc in base:
            text = spin_copy(doc.text, rng, rate)
            if foreign:
                text = foreign_swaps(text, rng, foreign, pool)
            copies.append(Document(f"spun:{doc.id}", text))
        sims = sorted(jaccard(s.text, c.text) for s, c in zip(base, copies, strict=True))
        corpus = base + copies + [d for d, _ in misses]
        rng.shuffle(corpus)
        kind = kinds | {c.id: "spun" for c in copies}
        plain, plain_alone, t_plain = run(corpus, DedupSettings(threshold=THRESHOLD))
        robust, _, t_robust = run(corpus, DedupSettings(threshold=THRESHOLD, spin_robust=True))
        low, _, _ = run(corpus, DedupSettings(threshold=0.5))
        false = [
            i for i, d in robust.items() if d is not None and i in plain_alone and kind[i] != "spun"
        ]
        linked = sum(1 for c in copies if robust[c.id] == c.id[len("spun:") :])
        label = f"{rate:.2f}" + (f" + {foreign:.0%} foreign swaps" if foreign else "")
        n = len(copies)
        dedup_rows.append(
            [
                label,
                f"{sims[len(sims) // 2]:.2f} [{sims[len(sims) // 10]:.2f}-{sims[-len(sims) // 10]:.2f}]",
                f"{removed(plain, kind, 'spun')}/{n}",
                f"{removed(robust, kind, 'spun')}/{n} ({100 * removed(robust, kind, 'spun') / n:.1f}%)",
                f"{linked}/{n}",
                f"{removed(robust, kind, 'source')}/{len(base)} ({removed(plain, kind, 'source')})",
                f"{len(false)}",
                f"{removed(low, kind, 'spun')}/{n}",
                f"{removed(low, kind, 'wire') + removed(low, kind, 'quote')}/{len(misses)}",
            ]
        )
        started = time.process_time()
        out = list(Unspin(threshold=THRESHOLD).pipe(corpus))
        t_unspin = time.process_time() - started
        before = after = 0
        others = 0
        by_id = {d.id: d for d in corpus}
        source_text = {d.id: d.text for d in base}
        for doc in out:
            if kind[doc.id] == "spun":
                src = source_text[doc.id[len("spun:") :]]
                before += word_diff(src, by_id[doc.id].text)
                after += word_diff(src, doc.text)
            elif doc.text != by_id[doc.id].text:
                others += 1
        unspin_rows.append(
            [
                label,
                f"{before:,}",
                f"{after:,}",
                f"{100 * (1 - after / max(before, 1)):.1f}%",
                others,
            ]
        )
        words = sum(len(d.text.split()) for d in corpus)
        time_rows.append(
            [
                label,
                len(corpus),
                f"{words:,}",
                f"{t_plain:.2f}",
                f"{t_robust:.2f}",
                f"{t_unspin:.2f}",
            ]
        )
    n_wire = sum(k == "wire" for _, k in misses)
    head = (
        f"{len(base)} English articles (the articles set and the unspun seeds, none a near copy "
        f"of another at 0.5), a spun copy of "
        f"each, {n_wire} wire copies with another lead and {len(misses) - n_wire} articles "
        f"quoting another at length, shuffled; threshold {THRESHOLD}, keep `first`."
    )
    dedup_table = markdown_table(
        [
            "spin rate",
            "plain 5-gram Jaccard, copy to source: median [p10-p90]",
            "copies removed, plain",
            "copies removed, spin-robust",
            "linked to their own source",
            "sources removed (plain)",
            "documents without a plain duplicate removed, other than copies",
            "copies removed, plain at 0.5",
            "near misses removed, plain at 0.5",
        ],
        dedup_rows,
    )
    unspin_table = markdown_table(
        [
            "spin rate",
            "words differing from the source, spun",
            "after unspin",
            "spun wording restored",
            "other documents changed",
        ],
        unspin_rows,
    )
    time_table = markdown_table(
        [
            "spin rate",
            "documents",
            "words",
            "plain dedup (CPU s)",
            "spin-robust dedup (CPU s)",
            "unspin (CPU s)",
        ],
        time_rows,
    )
    return f"""**Spin-robust dedup** ({head}):

{dedup_table}

**Unspin** (the same corpora; a word differs when it sits in a non-equal gap of the word alignment with the source):

{unspin_table}

**Cost** (CPU time of one run each, on a 2-core machine shared with other jobs under high load):

{time_table}
"""


if __name__ == "__main__":
    print(twin_tables())
