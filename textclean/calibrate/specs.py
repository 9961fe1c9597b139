"""What `calibrate` knows about each step: its measurements, its cut-offs, its options.

A spec measures a labelled sample once (`measure`), fits cut-offs on part of
it (`fit`), says which cut-offs fire on which units (`fired`) and turns
fitted cut-offs into the step's options (`options`). A unit is dropped when
any cut-off fires (``mode="any"``) or, for `spin_filter`, when all do.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..document import Document
from ..errors import ConfigError
from .fit import Knob, Objective, fit_cutoffs, predict
from .labels import Label, field_text, is_drop, label_of
from .sample import Sample

DIGITS = 7  # fitted cut-offs are midpoints of scores kept to 6 decimals


@dataclass(frozen=True)
class Params:
    """Fitted cut-offs, one per knob, and what else a step decided (languages kept)."""

    cutoffs: tuple[float, ...]
    keep: tuple[str, ...] = ()


class Spec:
    """Threshold rules over measured columns; subclasses say what is measured."""

    step = ""
    mode = "any"
    knobs: tuple[Knob, ...] = ()

    def measure(self, docs: Iterable[Document], label: Label, **kw: Any) -> Sample:
        rows, drops, groups = [], [], []
        for doc in docs:
            drops.append(is_drop(label_of(doc, label), doc.id))
            rows.append(self.scores(doc))
            groups.append(doc.id)
        return _sample(self.columns(), rows, drops, groups)

    def columns(self) -> tuple[str, ...]:
        return tuple(k.score for k in self.knobs)

    def scores(self, doc: Document) -> list[float]:
        raise NotImplementedError

    def matrix(self, sample: Sample, params: Params | None = None) -> np.ndarray:
        return np.column_stack([sample.column(k.score) for k in self.knobs])

    def fit(self, sample: Sample, objective: Objective) -> Params:
        cutoffs = fit_cutoffs(
            self.matrix(sample), sample.drop, list(self.knobs), objective, mode=self.mode
        )
        return Params(tuple(_tidy(c) for c in cutoffs))

    def fired(self, sample: Sample, params: Params) -> np.ndarray:
        return predict(self.matrix(sample, params), list(self.knobs), list(params.cutoffs))

    def dropped(self, fired: np.ndarray) -> np.ndarray:
        return fired.all(axis=1) if self.mode == "all" else fired.any(axis=1)

    def options(self, params: Params) -> dict[str, Any]:
        raise NotImplementedError


def _sample(columns, rows, drops, groups, extra=()) -> Sample:
    matrix = np.asarray(rows, dtype=float).reshape(len(rows), len(columns))
    return Sample(tuple(columns), matrix, np.asarray(drops, dtype=bool), tuple(groups), extra)


def _tidy(cutoff: float) -> float:
    return cutoff if math.isinf(cutoff) else round(float(cutoff), DIGITS)


class QualitySpec(Spec):
    """Every comparison of `quality`'s rules, limits named as the ``limits`` option names them."""

    step = "quality"

    def __init__(self) -> None:
        from ..filters.page_quality import RULES
        from ..filters.quality_limits import limit_key

        self.rules = RULES
        self.keys = tuple(limit_key(r, RULES) for r in RULES)
        self.knobs = tuple(Knob(r.name, r.score, r.below) for r in RULES)

    def columns(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.score for r in self.rules))

    def scores(self, doc: Document) -> list[float]:
        from ..filters.page_quality import measure

        lang = doc.record.get("lang")
        if not lang or lang == "unknown":
            from ..filters.language import detect_language

            lang = detect_language(doc.text).lang
        found = measure(doc.text, None if lang == "unknown" else lang)
        names = {r.score: r.name for r in self.rules}
        return [
            found.scores.get(s, math.nan) if found.applies(names[s]) else math.nan
            for s in self.columns()
        ]

    def options(self, params: Params) -> dict[str, Any]:
        limits = {
            key: ("off" if math.isinf(c) else c)
            for key, c in zip(self.keys, params.cutoffs, strict=True)
        }
        return {"drop": True, "limits": limits}


class LengthSpec(Spec):
    """`length`: a word floor, a character floor and a character ceiling."""

    step = "length"
    knobs = (
        Knob("too_few_words", "words", below=True, whole=True),
        Knob("too_short", "chars", below=True, whole=True),
        Knob("too_long", "chars", whole=True),
    )

    def columns(self) -> tuple[str, ...]:
        return ("words", "chars")

    def scores(self, doc: Document) -> list[float]:
        from ..filters.length import word_count

        return [word_count(doc.text), sum(map(str.isalnum, doc.text))]

    def options(self, params: Params) -> dict[str, Any]:
        words, short, long = (0 if math.isinf(c) else int(c) for c in params.cutoffs)
        return {"min_words": max(words, 0), "min_chars": max(short, 0), "max_chars": max(long, 0)}


class SpinSpec(Spec):
    """`spin_filter`: a score floor and a floor on unambiguous phrases, both must hold."""

    step = "spin_filter"
    mode = "all"
    knobs = (Knob("spun_text", "score"), Knob("spun_text", "repairs", whole=True))

    def scores(self, doc: Document) -> list[float]:
        from ..repair.lexicon import load_lexicon
        from ..repair.spun import spin_evidence

        evidence = spin_evidence(
            doc.text,
            load_lexicon((), (), True),
            prior_repairs=doc.record.get("spun_repairs", 0),
            prior_signals=doc.record.get("spun_context_repairs", 0),
        )
        return [evidence.score, evidence.repairs]

    def options(self, params: Params) -> dict[str, Any]:
        score, repairs = params.cutoffs
        if score == math.inf or repairs == math.inf:
            return {"drop": False}
        return {
            "drop": True,
            "threshold": max(score, 0.0),
            "min_repairs": 0 if repairs == -math.inf else int(repairs) + 1,
        }


class LanguageSpec(Spec):
    """`language`: the languages most of the kept pages are in, and a confidence floor."""

    step = "language"
    knobs = (
        Knob("language:other", "other", whole=True),
        Knob("language:low_confidence", "lang_prob", below=True),
    )

    def measure(self, docs: Iterable[Document], label: Label, **kw: Any) -> Sample:
        from ..filters.language import detect_language

        rows, drops, groups, langs = [], [], [], []
        for doc in docs:
            drops.append(is_drop(label_of(doc, label), doc.id))
            found = detect_language(doc.text)
            rows.append([found.prob])
            langs.append(found.lang)
            groups.append(doc.id)
        return _sample(("lang_prob",), rows, drops, groups, tuple(langs))

    def matrix(self, sample: Sample, params: Params | None = None) -> np.ndarray:
        keep = set(params.keep if params else ())
        other = [0.0 if lang in keep else 1.0 for lang in sample.extra]
        return np.column_stack([np.asarray(other, dtype=float), sample.column("lang_prob")])

    def fit(self, sample: Sample, objective: Objective) -> Params:
        votes: Counter[str] = Counter()
        for lang, drop in zip(sample.extra, sample.drop.tolist(), strict=True):
            votes[lang] += -1 if drop else 1
        keep = tuple(sorted(lang for lang, v in votes.items() if v > 0 and lang != "unknown"))
        if not keep:
            raise ConfigError("language: no language has more keep than drop labels to keep")
        matrix = self.matrix(sample, Params((), keep))
        cutoffs = fit_cutoffs(
            matrix, sample.drop, list(self.knobs), objective, fixed={0: 0.5}, mode=self.mode
        )
        return Params(tuple(_tidy(c) for c in cutoffs), keep)

    def options(self, params: Params) -> dict[str, Any]:
        floor = params.cutoffs[1]
        return {"keep": list(params.keep), "min_prob": 0.0 if math.isinf(floor) else floor}


class BoilerplateSpec(Spec):
    """`boilerplate` from line labels: the line model's decision threshold.

    Lines the rules remove whatever the threshold (``rules`` column) are
    fixed; the threshold is fitted on the model's probability of each line,
    measured once with the built-in model.
    """

    step = "boilerplate"
    knobs = (Knob("rules", "rules", whole=True), Knob("model", "probability"))

    def measure(self, docs: Iterable[Document], label: Label, **kw: Any) -> Sample:
        from ..boilerplate.step import Boilerplate

        step = Boilerplate()
        rows, drops, groups = [], [], []
        for doc in docs:
            lines = doc.text.split("\n")
            labels = label_of(doc, label)
            if not isinstance(labels, list) or len(labels) != len(lines):
                raise ConfigError(
                    f"{doc.id}: boilerplate needs one label per line: a list of "
                    f"{len(lines)} keep/drop values (null to skip a line)"
                )
            verdicts = _verdicts(lines, step)
            for i, (verdict, value) in enumerate(zip(verdicts, labels, strict=True)):
                if value is None or not lines[i].strip():
                    continue
                drops.append(is_drop(value, f"{doc.id}: line {i + 1}"))
                by_rules = not verdict.keep and verdict.reason != "model"
                prob = math.nan if verdict.probability is None else verdict.probability
                rows.append([1.0 if by_rules else 0.0, prob])
                groups.append(doc.id)
        return _sample(("rules", "probability"), rows, drops, groups)

    def fit(self, sample: Sample, objective: Objective) -> Params:
        cutoffs = fit_cutoffs(
            self.matrix(sample), sample.drop, list(self.knobs), objective, fixed={0: 0.5}
        )
        return Params(tuple(_tidy(c) for c in cutoffs))

    def options(self, params: Params) -> dict[str, Any]:
        cut = params.cutoffs[1]
        return {"threshold": 0.999999 if math.isinf(cut) else min(max(cut, 1e-6), 0.999999)}


def _verdicts(lines: list[str], step: Any) -> list[Any]:
    from ..boilerplate.classify import classify_lines

    return classify_lines(lines, step.rules(), layout=step.layout, model=step.line_model())


class NearDedupSpec(Spec):
    """`near_dedup` from labelled pairs: the Jaccard threshold, and LSH bands to match it."""

    step = "near_dedup"
    knobs = (Knob("duplicate", "jaccard"),)

    def measure(self, docs: Iterable[Document], label: Label, **kw: Any) -> Sample:
        from ..dedup import shingles

        pair = kw.get("pair_fields")
        if not pair or len(pair) != 2:
            raise ConfigError("near_dedup learns from pairs: name the two text fields (a, b)")
        rows, drops, groups = [], [], []
        for doc in docs:
            drops.append(is_drop(label_of(doc, label), doc.id))
            a, b = (set(shingles(field_text(doc, name))) for name in pair)
            rows.append([len(a & b) / len(a | b) if a | b else 1.0])
            groups.append(doc.id)
        return _sample(("jaccard",), rows, drops, groups)

    def options(self, params: Params) -> dict[str, Any]:
        from ..dedup.lsh import choose_bands

        cut = params.cutoffs[0]
        threshold = 1.0 if math.isinf(cut) else min(max(round(cut, 4), 0.01), 1.0)
        bands, rows = choose_bands(threshold, 128)
        return {"threshold": threshold, "num_perm": 128, "bands": bands, "rows": rows}


SPECS: dict[str, type[Spec]] = {
    s.step: s
    for s in (QualitySpec, LengthSpec, SpinSpec, LanguageSpec, BoilerplateSpec, NearDedupSpec)
}


def spec_for(step: str) -> Spec:
    """The spec of ``step``; an unknown name lists the steps that can be calibrated."""
    if step not in SPECS:
        raise ConfigError(f"cannot calibrate {step!r}; steps: {', '.join(sorted(SPECS))}")
    return SPECS[step]()
