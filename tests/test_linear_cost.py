"""Every per-document step of the default pipeline costs time linear in its input.

Adversarial shapes (a long run of blank lines, one long line, one huge
paragraph) are doubled and the CPU time (`time.process_time`, not wall
clock, so load on the machine matters less) of the steps is compared: a
linear step costs about twice as much per doubling, a quadratic one four
times. The bound is 3 per doubling, taken over two doublings.
"""

from __future__ import annotations

import gc
import random
import sys
import time
from collections.abc import Callable

import pytest

from textclean import Document, Pipeline
from textclean.runner import apply_step

WORDS = (
    "council approved budget debate evening water power storm city river market school "
    "the a of and to in said on for with was by"
).split()
#: Largest allowed cost ratio per doubling of the input.
MAX_RATIO = 3.0
#: Each measurement repeats until it has used this much CPU time, to average out noise.
MIN_SECONDS = 0.25
#: ... but at most this often.
MAX_RUNS = 6


def prose(size: int, seed: int) -> str:
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < size:
        sentence = " ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + ". "
        out.append(sentence)
        total += len(sentence)
    return "".join(out)[:size]


def blank_run(n: int, seed: int) -> str:
    return prose(2000, seed) + "\n" + "\n" * n + prose(2000, seed + 1)


def blank_lines_with_spaces(n: int, seed: int) -> str:
    return prose(2000, seed) + "\n" + " \n\t\n" * (n // 4) + prose(2000, seed + 1)


def long_line(n: int, seed: int) -> str:
    return prose(n, seed)


def huge_paragraph(n: int, seed: int) -> str:
    return "\n".join(prose(60, seed + i) for i in range(n // 61))


SHAPES: dict[str, tuple[Callable[[int, int], str], int]] = {
    # shape: (maker, smallest size in characters)
    "blank_run": (blank_run, 2_000),
    "blank_lines_with_spaces": (blank_lines_with_spaces, 2_000),
    "long_line": (long_line, 40_000),
    # From 80,000 characters on, the boilerplate step keeps most of these lines
    # at every size measured; below it, it removes most of them in its first
    # round, and a ratio across the two would mix two workloads.
    "huge_paragraph": (huge_paragraph, 80_000),
}
STEPS = Pipeline.default().steps
BOILERPLATE = {"boilerplate"}


def cost(make: Callable[[int, int], str], n: int, measured: set[str]) -> float:
    """Least CPU seconds of the ``measured`` steps over several runs, in pipeline
    order (the others left out), on fresh documents of size ``n``: the least
    run is the one the rest of a shared machine disturbed least."""
    # A collection of what earlier tests left behind would land in one
    # measurement only: collect first, and not while measuring.
    gc.collect()
    gc.disable()
    try:
        return _measure(make, n, measured)
    finally:
        gc.enable()


def _measure(make: Callable[[int, int], str], n: int, measured: set[str]) -> float:
    spent, runs, seed = 0.0, 0, 0
    least = float("inf")
    while (spent < MIN_SECONDS or runs < 2) and runs < MAX_RUNS:
        doc = Document("x", make(n, seed))
        seed += 10
        started = time.process_time()
        for name, step in STEPS:
            if name not in measured:
                continue
            out = apply_step(name, step, doc).output
            if not isinstance(out, Document):
                break
            doc = out
        took = time.process_time() - started
        spent += took
        least = min(least, took)
        runs += 1
    return least


def ratio_per_doubling(shape: str, measured: set[str]) -> float:
    """The cost ratio per doubling; measured again when it is over the bound, the
    lower of the two kept: a step that is not linear is over it both times, a
    pause of the shared machine during one measurement is not."""
    make, n = SHAPES[shape]
    cost(make, 200, measured)  # warm up: models and caches load on first use
    ratios = []
    for _ in range(2):
        small, large = cost(make, n, measured), cost(make, 4 * n, measured)
        ratios.append((large / max(small, 1e-6)) ** 0.5)
        if ratios[-1] < MAX_RATIO:
            break
    return min(ratios)


NOT_BOILERPLATE = {name for name, _ in STEPS} - BOILERPLATE
CASES = [
    pytest.param(shape, "other steps", NOT_BOILERPLATE, id=f"{shape}-other-steps")
    for shape in SHAPES
] + [pytest.param(shape, "boilerplate", BOILERPLATE, id=f"{shape}-boilerplate") for shape in SHAPES]


@pytest.mark.parametrize(("shape", "label", "measured"), CASES)
def test_cost_is_linear_in_the_input(shape, label, measured):
    ratio = ratio_per_doubling(shape, measured)
    assert ratio < MAX_RATIO, f"{label} on {shape}: cost x{ratio:.2f} per doubling"


def test_a_quadratic_step_is_caught(monkeypatch):
    # The measurement itself: a step whose cost is quadratic in the lines fails
    # the bound, even measured twice.
    def quadratic(doc: Document) -> Document:
        lines = doc.text.split("\n")
        sum(lines.count(line) for line in lines)
        return doc

    monkeypatch.setattr(sys.modules[__name__], "STEPS", [("quadratic", quadratic)])
    assert ratio_per_doubling("blank_lines_with_spaces", {"quadratic"}) >= MAX_RATIO
