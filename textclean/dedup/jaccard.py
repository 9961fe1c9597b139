"""The true Jaccard similarity of candidate pairs, the check every LSH candidate passes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from .polyhash import text_shingle_hashes
from .settings import DedupSettings

__all__ = ["exact_jaccard"]


def exact_jaccard(
    texts: Sequence[str] | Mapping[int, str], pairs: np.ndarray, settings: DedupSettings
) -> np.ndarray:
    """True Jaccard similarity of the shingle sets of each pair of ``texts``."""
    out = np.ones(len(pairs))
    if not len(pairs):
        return out
    used = np.unique(pairs)
    hashes, counts = text_shingle_hashes([texts[i] for i in used], settings.ngram, settings.unit)
    parts = np.split(hashes, np.cumsum(counts)[:-1])
    sets = {i: np.unique(p) for i, p in zip(used.tolist(), parts, strict=True)}
    for n, (a, b) in enumerate(pairs.tolist()):
        inter = len(np.intersect1d(sets[a], sets[b], assume_unique=True))
        union = len(sets[a]) + len(sets[b]) - inter
        out[n] = inter / union if union else 1.0
    return out
