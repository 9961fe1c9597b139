"""Pages as the `quality` step sees them in `Pipeline.default()`: after the steps before it.

The default pipeline repairs text, strips boilerplate and identifies the
language before `quality` judges a page, so a clean article whose extracted
text ends in related headlines reaches `quality` without most of them, and a
degraded page may lose some of its damage. `before_quality` runs each page
through those steps (as `Pipeline.default()` builds them, with its empty-page
check) and returns what reaches `quality`, or the drop that stopped it
earlier. A degraded page whose damage the earlier steps remove is still
counted by whether `quality` then drops it; a page dropped before `quality`
is counted apart (it never reaches `quality`), and the tables say how many.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from textclean import Document, Drop, Pipeline
from textclean.calibrate.specs import QualitySpec
from textclean.runner import DocRunner
from textclean.stats import Stats


def steps_before_quality() -> list[tuple[str, object]]:
    """The default pipeline's per-document steps that run before `quality`, in order."""
    names = [name for name, _ in Pipeline.default().steps]
    return Pipeline.default().steps[: names.index("quality")]


def before_quality(docs: Iterable[Document]) -> list[Document | Drop]:
    """Each page after the default steps before `quality`: the page, or the drop that ended it."""
    runner = DocRunner(tuple(steps_before_quality()), "none", 1)
    stats = Stats()
    return [runner.run_one(doc, stats) for doc in docs]


def drop_reasons(reached: list[Document | Drop]) -> list[str]:
    """The reason each page was dropped before `quality` (``""``: it reached `quality`)."""
    return [item.reason if isinstance(item, Drop) else "" for item in reached]


def pipeline_matrix(spec: QualitySpec, docs: list[Document]) -> tuple[np.ndarray, list[str]]:
    """`quality`'s score matrix of ``docs`` as the default pipeline feeds it, and the reason
    each page was dropped before `quality` (``""``: it reached `quality`).

    A page dropped earlier gets a row of NaN, which no rule fires on.
    """
    reached = before_quality(docs)
    reasons = drop_reasons(reached)
    kept = [item for item in reached if isinstance(item, Document)]
    measured = spec.matrix(spec.measure(kept, "label")) if kept else None
    matrix = np.full((len(docs), len(spec.knobs)), np.nan)
    rows = [i for i, reason in enumerate(reasons) if not reason]
    if measured is not None:
        matrix[rows] = measured
    return matrix, reasons
