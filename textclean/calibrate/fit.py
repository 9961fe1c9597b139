"""Fit cut-offs: one per score, a page dropped when any of them fires.

Pure numpy over a score matrix (documents x scores, NaN where a score does
not apply) and keep/drop labels. The search is coordinate ascent: each
cut-off in turn takes the candidate value that best serves the objective
with the others held, until a full pass changes nothing. Candidates are the
midpoints between a score's observed values, so a fitted cut-off lies
between the pages it separates rather than on one of them. Everything is
ordered and tie-broken explicitly, so the same data gives the same cut-offs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..errors import ConfigError

#: Most candidate cut-offs tried per score (spread evenly over its distinct values).
MAX_CANDIDATES = 256
#: Full passes of coordinate ascent at most.
MAX_PASSES = 8
OBJECTIVES = ("accuracy", "precision", "false_drops")


@dataclass(frozen=True)
class Knob:
    """One cut-off: ``score`` fires above it (below it with ``below``); ``rule`` groups knobs."""

    rule: str
    score: str
    below: bool = False
    whole: bool = False  # cut-offs are whole numbers (counts)


@dataclass(frozen=True)
class Objective:
    """``accuracy``; or the highest recall at ``min_precision`` (``precision``), or while
    dropping at most ``max_false_drops`` of the keep-labelled units (``false_drops``)."""

    kind: str = "accuracy"
    min_precision: float = 0.99
    max_false_drops: float = 0.005

    def __post_init__(self) -> None:
        if self.kind not in OBJECTIVES:
            raise ConfigError(
                f"objective must be one of {', '.join(OBJECTIVES)}, not {self.kind!r}"
            )
        if not 0.0 < self.min_precision <= 1.0:
            raise ConfigError(f"min_precision must be in (0, 1], not {self.min_precision!r}")
        if not 0.0 <= self.max_false_drops < 1.0:
            raise ConfigError(f"max_false_drops must be in [0, 1), not {self.max_false_drops!r}")

    def describe(self) -> str:
        """The objective in words."""
        if self.kind == "accuracy":
            return "accuracy"
        if self.kind == "precision":
            return f"recall at precision >= {self.min_precision:g}"
        return f"recall dropping at most {self.max_false_drops:.2%} of keep-labelled units"

    def value(self, tp: np.ndarray, fp: np.ndarray, positives: int, n: int) -> np.ndarray:
        """A score per candidate, higher is better (ties go to the fewest drops)."""
        if self.kind == "accuracy":
            return (tp + (n - positives - fp)) / max(n, 1)
        recall = tp / max(positives, 1)
        if self.kind == "false_drops":
            rate = fp / max(n - positives, 1)
            return np.where(rate <= self.max_false_drops + 1e-12, recall, -1.0 - rate)
        fired = tp + fp
        precision = np.where(fired > 0, tp / np.maximum(fired, 1), 1.0)
        return np.where(precision >= self.min_precision - 1e-12, recall, -1.0 + precision)


def fires(values: np.ndarray, cutoff: float, below: bool) -> np.ndarray:
    """Where ``values`` pass ``cutoff`` (NaN never fires; an infinite cut-off never fires)."""
    with np.errstate(invalid="ignore"):
        return values < cutoff if below else values > cutoff


def candidates(values: np.ndarray, below: bool, whole: bool) -> np.ndarray:
    """Cut-offs worth trying: midpoints of distinct values, and 'off' (infinity) first."""
    seen = np.unique(values[~np.isnan(values)])
    if whole:
        middle = np.floor((seen[1:] + seen[:-1]) / 2)
        cuts = np.unique(np.concatenate([seen, seen - 1.0, middle]) + (1.0 if below else 0.0))
    else:
        cuts = (seen[1:] + seen[:-1]) / 2 if len(seen) > 1 else seen
        if len(seen):
            cuts = np.concatenate([[seen[0] - 1e-9], cuts, [seen[-1] + 1e-9]])
    if len(cuts) > MAX_CANDIDATES:
        cuts = cuts[np.linspace(0, len(cuts) - 1, MAX_CANDIDATES).round().astype(int)]
    off = -math.inf if below else math.inf
    return np.concatenate([[off], cuts])


def fit_cutoffs(
    matrix: np.ndarray,
    drop: np.ndarray,
    knobs: list[Knob],
    objective: Objective,
    *,
    fixed: dict[int, float] | None = None,
    mode: str = "any",
) -> list[float]:
    """A cut-off per knob (infinite: off) fitted to ``objective``.

    With ``mode="any"`` a unit is dropped when any knob fires: knobs start
    off and are tightened one move at a time, each time the move that buys
    the most correct drops per wrong one while the objective allows it, then
    polished by coordinate ascent. (Coordinate ascent alone lets the first
    knob it visits spend a precision or false-drop budget the others need.)
    With ``"all"``, only when all fire: knobs start firing on everything and
    coordinate ascent fits them. ``fixed`` pins cut-offs by knob index.

    >>> m = np.array([[0.1], [0.2], [0.8], [0.9]])
    >>> fit_cutoffs(m, np.array([False, False, True, True]), [Knob("r", "s")], Objective())
    [0.5]
    """
    every = mode == "all"
    start = (math.inf, -math.inf) if every else (-math.inf, math.inf)
    cutoffs = [start[0] if k.below else start[1] for k in knobs]
    fixed = fixed or {}
    for j, value in fixed.items():
        cutoffs[j] = value
    cands = []
    for j, knob in enumerate(knobs):
        cut = candidates(matrix[:, j], knob.below, knob.whole)
        cands.append(np.concatenate([cut, [start[0] if knob.below else start[1]]]))
    for j, value in fixed.items():
        cands[j] = np.array([value], dtype=float)
    hits = [_hits(matrix[:, j], cands[j], k.below) for j, k in enumerate(knobs)]
    if not every:
        _forward(hits, cands, cutoffs, drop, objective, fixed)
    _ascend(hits, cands, cutoffs, drop, objective, fixed, every)
    return cutoffs


def _hits(col: np.ndarray, cut: np.ndarray, below: bool) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        return col[None, :] < cut[:, None] if below else col[None, :] > cut[:, None]


def _others(hits, cands, cutoffs, j: int, n: int, every: bool) -> np.ndarray:
    out = np.full(n, every, dtype=bool)
    for i in range(len(cutoffs)):
        if i != j:
            row = hits[i][int(np.flatnonzero(cands[i] == cutoffs[i])[0])]
            out = out & row if every else out | row
    return out


def _forward(hits, cands, cutoffs, drop, objective: Objective, fixed) -> None:
    """Tighten knobs one move at a time while a move adds correct drops within the objective."""
    n, positives = len(drop), int(drop.sum())
    for _ in range(sum(len(c) for c in cands)):
        now = _others(hits, cands, cutoffs, -1, n, False)
        tp0, fp0 = int((now & drop).sum()), int((now & ~drop).sum())
        base = float(objective.value(np.array([tp0]), np.array([fp0]), positives, n)[0])
        best: tuple[float, int, float] | None = None
        for j in range(len(cutoffs)):
            if j in fixed:
                continue
            combined = hits[j] | now[None, :]
            tp = (combined & drop[None, :]).sum(axis=1)
            fp = (combined & ~drop[None, :]).sum(axis=1)
            value = objective.value(tp, fp, positives, n)
            gain = (tp - tp0) / (fp - fp0 + 1.0)
            ok = (tp > tp0) & (value >= base - 1e-12)
            if objective.kind == "accuracy":
                ok &= value > base
            if not ok.any():
                continue
            tied = np.flatnonzero(ok & (gain >= gain[ok].max() - 1e-12))
            k = int(tied[len(tied) // 2])  # the middle of a run of equal moves: a margin both ways
            if best is None or gain[k] > best[0]:
                best = (float(gain[k]), j, float(cands[j][k]))
        if best is None:
            return
        cutoffs[best[1]] = best[2]


def _ascend(hits, cands, cutoffs, drop, objective: Objective, fixed, every: bool) -> None:
    """Coordinate ascent: each knob takes its best cut-off with the others held."""
    n, positives = len(drop), int(drop.sum())
    for _ in range(MAX_PASSES):
        changed = False
        for j in range(len(cutoffs)):
            if j in fixed:
                continue
            others = _others(hits, cands, cutoffs, j, n, every)
            combined = hits[j] & others[None, :] if every else hits[j] | others[None, :]
            tp = (combined & drop[None, :]).sum(axis=1)
            fp = (combined & ~drop[None, :]).sum(axis=1)
            value = objective.value(tp, fp, positives, n)
            current = int(np.flatnonzero(cands[j] == cutoffs[j])[0])
            # Best value; among equals the fewest drops, then the first candidate. A
            # move of equal value that drops fewer is taken too: with ``"all"`` the
            # knobs start firing on everything, and a sample no cut-off separates
            # must end dropping nothing, not everything.
            order = np.lexsort((np.arange(len(value)), tp + fp, -value))
            best = order[0]
            better = value[best] > value[current] + 1e-12
            fewer = value[best] >= value[current] - 1e-12 and tp[best] + fp[best] < (
                tp[current] + fp[current]
            )
            if better or fewer:
                cutoffs[j] = float(cands[j][best])
                changed = True
        if not changed:
            break


def predict(matrix: np.ndarray, knobs: list[Knob], cutoffs: list[float]) -> np.ndarray:
    """Which knobs fire on which documents (documents x knobs)."""
    out = np.zeros(matrix.shape, dtype=bool)
    for j, knob in enumerate(knobs):
        out[:, j] = fires(matrix[:, j], cutoffs[j], knob.below)
    return out
