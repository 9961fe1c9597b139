"""In-context spun repair: recall and false repairs at each evidence level.

A spinner of our own, built from the lexicon's pairs, swaps each phrase the
lexicon knows as a replacement back to one of its spun phrases, remembering
every swap; the text is then repaired at a chosen evidence level and each
edit is judged against the remembered source wording. Clean text goes
through the same levels: any edit there is a false repair.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from textclean.repair.lexicon import Lexicon, builtin_entries
from textclean.repair.spun import repair_spun, spin_evidence

#: Evidence levels reported: ``(min_repairs, min_score)``; ``None`` = repair tier only.
LEVELS: list[tuple[int, float] | None] = [
    None,
    (1, 5.0),
    (2, 5.0),
    (2, 10.0),
    (3, 10.0),
    (4, 10.0),
    (3, 20.0),
]


@dataclass(frozen=True)
class Swap:
    """One spinner edit: where the spun phrase sits in the spun text, and what it replaced."""

    start: int
    end: int
    original: str


def spinner() -> tuple[re.Pattern[str], dict[str, list[str]]]:
    """A pattern over the lexicon's replacements and the spun phrases each can become."""
    by_original: dict[str, list[str]] = {}
    for e in builtin_entries():
        if e.replacement and e.case == "fold" and len(e.replacement) > 3:
            by_original.setdefault(e.replacement.lower(), []).append(e.phrase)
    keys = sorted(by_original, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(k) for k in keys) + r")\b", re.I), by_original


def spin_with_truth(text: str, rng: random.Random, p: float) -> tuple[str, list[Swap]]:
    """``text`` spun (each known phrase swapped with probability ``p``) and the swaps made."""
    pattern, by_original = spinner()
    out, swaps, pos, shift = [], [], 0, 0
    for m in pattern.finditer(text):
        if rng.random() >= p:
            continue
        spun = rng.choice(sorted(by_original[m.group().lower()]))
        out.append(text[pos : m.start()])
        start = m.start() + shift
        swaps.append(Swap(start, start + len(spun), m.group()))
        out.append(spun)
        shift += len(spun) - len(m.group())
        pos = m.end()
    return "".join(out) + text[pos:], swaps


def judge(
    spun: str, swaps: list[Swap], level: tuple[int, float] | None, lexicon: Lexicon
) -> tuple[int, int, int]:
    """(swaps restored, spun phrases given other wording, edits of text the spinner left).

    The last is a false repair: wording the source had, changed.
    """
    _, changes, _ = repair_spun(spun, lexicon, 0, level)
    restored = wrong = false = 0
    for c in changes:
        inside = [s for s in swaps if c.start <= s.start and s.end <= c.end]
        source, pos = [], c.start
        for s in inside:
            source += [spun[pos : s.start], s.original]
            pos = s.end
        source.append(spun[pos : c.end])
        if not inside:
            false += 1
        elif "".join(source).lower() == c.after.lower():
            restored += len(inside)
        else:
            wrong += 1
    return restored, wrong, false


def context_rows(
    clean: list[str], articles: list[str], lexicon: Lexicon, rates: tuple[float, ...] = (0.5, 0.9)
) -> list[list]:
    """One row per evidence level: clean false repairs, then recall and false repairs per spin rate."""
    rng = random.Random(20141101)
    spun = {p: [spin_with_truth(t, rng, p) for t in articles] for p in rates}
    clean_words = sum(len(t.split()) for t in clean)
    rows = []
    for level in LEVELS:
        clean_false = sum(len(repair_spun(t, lexicon, 0, level)[1]) for t in clean)
        row: list = [
            "repair tier only"
            if level is None
            else f">= {level[0]} repairs, score >= {level[1]:g}",
            f"{1e6 * clean_false / max(clean_words, 1):.1f}",
        ]
        for p in rates:
            total = sum(len(s) for _, s in spun[p])
            restored = wrong = false = 0
            for text, swaps in spun[p]:
                r, w, f = judge(text, swaps, level, lexicon)
                restored, wrong, false = restored + r, wrong + w, false + f
            row += [f"{100 * restored / max(total, 1):.1f}%", wrong, false]
        rows.append(row)
    return rows


def strong_share(texts: list[str], lexicon: Lexicon, level: tuple[int, float]) -> float:
    """The share of ``texts`` whose evidence reaches ``level``."""
    hits = 0
    for t in texts:
        ev = spin_evidence(t, lexicon)
        hits += ev.repairs >= level[0] and ev.score >= level[1]
    return hits / max(len(texts), 1)
