"""`calibrate`: fit a step's cut-offs to a labelled sample, cross-validated."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np

from ..document import Document
from ..errors import ConfigError, OptionError
from .fit import Objective
from .labels import Label, SampleError
from .result import Calibration, Figures, Row
from .sample import Sample, folds
from .specs import Spec, spec_for

#: Folds of the cross-validation.
FOLDS = 5


def calibrate(
    docs: Iterable[Document],
    step: str = "quality",
    label: Label = "label",
    *,
    objective: str | None = None,
    min_precision: float | None = None,
    max_false_drops: float = 0.005,
    folds: int = FOLDS,
    pair_fields: Sequence[str] | None = None,
) -> Calibration:
    """Fit ``step``'s cut-offs to ``docs`` labelled keep/drop in field ``label``.

    The step's measurements run once per document. ``objective`` is
    ``"accuracy"``, ``"precision"`` (the highest recall at ``min_precision``,
    0.99 unless given) or ``"false_drops"`` (the highest recall dropping at most
    ``max_false_drops`` of the keep-labelled units); unset, it is
    ``"precision"`` when ``min_precision`` is given, else ``"accuracy"``.
    ``pair_fields`` names the two texts of each labelled pair, for
    ``near_dedup`` (and only for it). The figures in `Calibration.table` come from
    ``folds``-fold cross-validation, so each unit is judged by cut-offs fitted
    without it; the options in `Calibration.config` are fitted on all of it.
    """
    pair_fields = check_pair_fields(step, pair_fields)  # "a,b" names the two fields too
    if objective is None:
        objective = "accuracy" if min_precision is None else "precision"
    goal = Objective(objective, 0.99 if min_precision is None else min_precision, max_false_drops)
    if isinstance(folds, bool) or not isinstance(folds, int) or folds < 2:
        raise ConfigError(f"folds must be a whole number >= 2, not {folds!r}")
    spec = spec_for(step)
    sample = spec.measure(docs, label, pair_fields=pair_fields)
    if len(sample) < folds:
        raise SampleError(f"{step}: {len(sample)} labelled units, fewer than {folds} folds")
    if sample.drop.all() or not sample.drop.any():
        kind = "drop" if sample.drop.all() else "keep"
        raise SampleError(f"{step}: every unit is labelled {kind}; a sample needs both labels")
    return fitted(spec, sample, goal, folds)


def check_pair_fields(step: str, pair_fields: str | Sequence[str] | None) -> tuple[str, ...] | None:
    """``near_dedup`` is fitted from labelled pairs, every other step from labelled texts.

    Returns the two field names; ``"a,b"`` names them as one string.
    """
    if isinstance(pair_fields, str):
        pair_fields = tuple(p.strip() for p in pair_fields.split(",")) if pair_fields else None
        if pair_fields is not None and len(pair_fields) != 2:
            raise OptionError("pair fields are two field names, e.g. a,b", "pair_fields")
    if pair_fields is None and step == "near_dedup":
        raise OptionError(
            "near_dedup is fitted from labelled pairs: name the two text fields of each pair",
            "pair_fields",
        )
    if pair_fields is not None and step != "near_dedup":
        raise OptionError(
            f"pair fields name the two texts of a labelled pair, for near_dedup; {step} is "
            "fitted from labelled texts",
            "pair_fields",
        )
    return None if pair_fields is None else tuple(pair_fields)


def fitted(spec: Spec, sample: Sample, goal: Objective, k: int) -> Calibration:
    """Cross-validate ``spec`` on ``sample``, then fit it on all of it."""
    fold = folds(sample, k)
    fired = np.zeros((len(sample), len(spec.knobs)), dtype=bool)
    for f in range(k):
        test = np.flatnonzero(fold == f)
        if not len(test):
            continue
        params = spec.fit(sample.take(np.flatnonzero(fold != f)), goal)
        fired[test] = spec.fired(sample.take(test), params)
    final = spec.fit(sample, goal)
    drop = sample.drop
    table = tuple(
        Row(
            knob.rule,
            knob.score,
            "off" if math.isinf(cut) else cut,
            int(fired[:, j].sum()),
            _share(fired[:, j] & drop, fired[:, j]),
            _share(fired[:, j] & drop, drop),
        )
        for j, (knob, cut) in enumerate(zip(spec.knobs, final.cutoffs, strict=True))
    )
    said = spec.dropped(fired)
    overall = Figures(
        len(sample),
        int(drop.sum()),
        float((said == drop).mean()),
        _share(said & drop, said),
        _share(said & drop, drop),
        k,
    )
    return Calibration(spec.step, goal, spec.options(final), table, overall)


def _share(part: np.ndarray, whole: np.ndarray) -> float:
    n = int(whole.sum())
    return round(int(part.sum()) / n, 6) if n else math.nan
