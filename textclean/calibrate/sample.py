"""A measured sample: one row of scores per unit (document, line or pair), and its label."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

import numpy as np


@dataclass(frozen=True)
class Sample:
    """Scores (units x columns, NaN where a score does not apply), labels and groups.

    ``groups`` names the document each unit comes from: a document's lines
    stay together in one fold. ``extra`` holds per-unit values a step needs
    besides numbers (the detected language).
    """

    columns: tuple[str, ...]
    matrix: np.ndarray
    drop: np.ndarray
    groups: tuple[str, ...]
    extra: tuple[Any, ...] = field(default=())

    def __len__(self) -> int:
        return len(self.drop)

    def take(self, index: np.ndarray) -> Sample:
        extra = tuple(self.extra[i] for i in index) if self.extra else ()
        groups = tuple(self.groups[i] for i in index)
        return Sample(self.columns, self.matrix[index], self.drop[index], groups, extra)

    def column(self, name: str) -> np.ndarray:
        return self.matrix[:, self.columns.index(name)]


def folds(sample: Sample, k: int) -> np.ndarray:
    """The fold (0..k-1) of each unit: groups dealt out in a fixed order, by label then hash.

    The order depends on group names and labels only, never on input order,
    so the same sample gives the same folds; dealing each label's groups in
    turn keeps the share of drops about equal across folds.
    """
    label: dict[str, bool] = {}
    for group, drop in zip(sample.groups, sample.drop.tolist(), strict=True):
        label[group] = label.get(group, False) or drop
    order = sorted(label, key=lambda g: (label[g], hashlib.sha1(g.encode()).hexdigest(), g))
    fold_of = {g: i % k for i, g in enumerate(order)}
    return np.array([fold_of[g] for g in sample.groups], dtype=int)
