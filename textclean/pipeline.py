"""`Pipeline`: named steps and stages, validated when built, run as a stream.

Per-document steps run in consecutive runs (`DocRunner`) on chunks of
documents, in this process or in worker processes; a corpus-level stage sits
between runs and sees the whole stream. Memory stays flat for per-document
steps; a stage holds what it needs (dedup holds signatures, not texts).
"""

from __future__ import annotations

import dataclasses
import sys
import time
import types
import typing
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from .config import build_steps as build_config_steps
from .config import load_config, steps_from_spec
from .document import Document, Drop
from .errors import ConfigError, OptionError, WorkerError
from .explain import Explanation, StepExplanation
from .runner import LENGTH_STEP, RECORD_MODES, DocRunner, apply_step, length_drop, record_changes
from .stats import Stats
from .step_options import check_options, type_hints
from .steps import is_stage
from .workers import Mapper, chunked, process_map

StepLike = Any  # a Step, a Stage, or any callable Document -> Document | Drop
NamedStep = tuple[str, StepLike]

CHUNK_SIZE = 256


def _derive_name(step: StepLike) -> str:
    name = getattr(step, "name", "") or getattr(step, "__name__", "") or type(step).__name__
    return str(name).lower()


def _check_values(name: str, step: Any) -> None:
    """A step built in Python holds values of its fields' types, as one built from a
    config must (`check_options`): ``QualityFilter(drop="no")`` would drop, since
    ``"no"`` is a true value. Steps whose annotations cannot be read are left alone."""
    if not dataclasses.is_dataclass(step) or isinstance(step, type):
        return
    try:
        hints = type_hints(type(step))
    except Exception:  # annotations naming what this process cannot import
        return
    # On/off switches, numbers, words and their choices: a container a step built in
    # Python may hold in its own shape (a dict keyed by numbers) is its own business.
    values = {
        f.name: getattr(step, f.name)
        for f in dataclasses.fields(step)
        if f.init and _scalar(hints.get(f.name))
    }
    check_options(name, type(step), values)


def _scalar(hint: Any) -> bool:
    """A hint of true/false, a number, a string or a choice of them, possibly optional."""
    if hint in (bool, int, float, str):
        return True
    origin = typing.get_origin(hint)
    if origin is typing.Literal:
        return True
    if origin in (typing.Union, types.UnionType):
        return all(a is type(None) or _scalar(a) for a in typing.get_args(hint))
    return False


def name_steps(steps: Sequence[StepLike | NamedStep]) -> list[NamedStep]:
    """Give every step a name, making repeated names unique (``quality``, ``quality-2``)."""
    named: list[NamedStep] = []
    for i, item in enumerate(steps):
        if isinstance(item, tuple):
            if len(item) != 2 or not isinstance(item[0], str):
                raise ConfigError(
                    f"pipeline item {i}: a named step is a (name, step) pair, got {item!r}"
                )
            name, step = item
        else:
            name, step = _derive_name(item), item
        if not (is_stage(step) or callable(step)):
            by_name = (
                f"; to build steps by name use Pipeline.from_steps({step!r})"
                if isinstance(step, str)
                else ""
            )
            raise ConfigError(
                f"pipeline item {i} ({name!r}): {type(step).__name__} is neither a step "
                f"(callable Document -> Document | Drop) nor a stage (has pipe(docs)){by_name}"
            )
        _check_values(name, step)
        named.append((name, step))
    counts: dict[str, int] = {}
    unique: list[NamedStep] = []
    for name, step in named:
        counts[name] = counts.get(name, 0) + 1
        unique.append((name if counts[name] == 1 else f"{name}-{counts[name]}", step))
    return unique


class Pipeline:
    """Named steps and stages run in order over a stream of documents.

    A document the per-document steps leave without a letter or digit is
    dropped as ``empty``, one with fewer than ``min_chars`` of them as
    ``too_short`` (``min_chars=0`` keeps every document).

    >>> from textclean.document import Document, Drop
    >>> def shout(doc): return doc.with_text(doc.text.upper())
    >>> def no_spam(doc): return Drop("spam") if "SPAM" in doc.text else doc
    >>> p = Pipeline([shout, no_spam])
    >>> [d.text for d in p.run([Document("1", "hi"), Document("2", " "), Document("3", "spam")])]
    ['HI']
    >>> p.stats.to_dict()
    {'seen': 3, 'kept': 1, 'dropped': {'empty': 1, 'spam': 1}, 'changed': {'shout': 2}}
    """

    def __init__(
        self, steps: Sequence[StepLike | NamedStep], *, record: str = "summary", min_chars: int = 1
    ):
        if record not in RECORD_MODES:
            raise ConfigError(f"record must be one of {', '.join(RECORD_MODES)}, not {record!r}")
        if not isinstance(min_chars, int) or min_chars < 0:
            raise ConfigError(f"min_chars must be a whole number >= 0, not {min_chars!r}")
        self.steps: list[NamedStep] = name_steps(steps)
        self.record = record
        self.min_chars = min_chars
        self.stats = Stats()

    def __repr__(self) -> str:
        return f"Pipeline([{', '.join(name for name, _ in self.steps)}])"

    def set_min_chars(self, min_chars: int | None) -> None:
        """Set `min_chars` (``None`` leaves it). The length check follows the
        per-document steps, so a pipeline of corpus stages alone refuses a
        floor it could never apply, rather than ignoring it."""
        if min_chars is None:
            return
        if isinstance(min_chars, bool) or not isinstance(min_chars, int) or min_chars < 0:
            raise ConfigError(f"min_chars must be a whole number >= 0, not {min_chars!r}")
        if min_chars != 1 and not any(not is_stage(step) for _, step in self.steps):
            raise OptionError(
                f"min_chars is checked after the per-document steps, and {self!r} has none "
                "(add the length step to drop short documents)",
                "min_chars",
            )
        self.min_chars = min_chars

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.steps]

    @classmethod
    def default(cls, *, record: str = "summary", min_chars: int = 1) -> Pipeline:
        """The default pipeline: every registered step with a default position."""
        from . import registry

        return cls(
            [(name, registry.create_default(name)) for name in registry.default_names()],
            record=record,
            min_chars=min_chars,
        )

    def doc_runner(self, steps: Sequence[NamedStep]) -> DocRunner:
        """The unit of work that applies ``steps`` (per-document) to chunks of documents."""
        return DocRunner(tuple(steps), self.record, self.min_chars)

    @classmethod
    def from_config(cls, config: str | Path | Mapping[str, Any]) -> Pipeline:
        """Build from a TOML/JSON file or an already-parsed mapping (see `textclean.config`)."""
        return pipeline_from_config(config)

    @classmethod
    def from_steps(
        cls, spec: str | Sequence[str], *, record: str = "summary", min_chars: int = 1
    ) -> Pipeline:
        """Build from a one-line step spec, e.g. ``default(language.keep=en)``, or a list
        of specs (``["fix_spacing", "boilerplate(mode=annotate)"]``)."""
        return pipeline_from_steps(spec, record=record, min_chars=min_chars)

    # -- running -------------------------------------------------------------

    def _segments(self) -> list[DocRunner | tuple[str, Any]]:
        segments: list[DocRunner | tuple[str, Any]] = []
        run: list[NamedStep] = []
        for name, step in self.steps:
            if is_stage(step):
                if run:
                    segments.append(self.doc_runner(run))
                    run = []
                segments.append((name, step))
            else:
                run.append((name, step))
        if run or not segments:
            segments.append(self.doc_runner(run))
        return segments

    def outcomes(
        self,
        docs: Iterable[Document | Drop],
        *,
        workers: int = 1,
        chunk_size: int = CHUNK_SIZE,
        mapper: Mapper | None = None,
    ) -> Iterator[Document | Drop]:
        """Every outcome, in a deterministic order: kept documents and drops.

        ``docs`` may hold `Drop` items (records a reader could not parse);
        they pass through and are counted. `stats` is reset and filled.
        Chunks of documents go through ``mapper`` (an ordered ``map``; by
        default local processes, ``workers`` of them), so an executor can
        run them anywhere; the outcomes are the same for any mapper.
        """
        if mapper is None and workers > 1:
            check_importable(self.steps)
        mapper = mapper or process_map(workers)
        self.stats = stats = Stats()
        started = time.perf_counter()

        def counted(items: Iterable[Document | Drop]) -> Iterator[Document | Drop]:
            for item in items:
                _check_document(item, f"item {stats.seen} of docs")
                stats.seen += 1
                yield item

        stream: Iterator[Document | Drop] = counted(docs)
        for segment in self._segments():
            if isinstance(segment, DocRunner):
                stream = self._run_docs(segment, stream, mapper, chunk_size)
            else:
                stream = _run_stage(*segment, stream, stats, self.record)
        for item in stream:
            if isinstance(item, Drop):
                stats.dropped[item.reason] += 1
            else:
                stats.kept += 1
            stats.elapsed = time.perf_counter() - started
            yield item
        stats.elapsed = time.perf_counter() - started
        stats.check()

    def _run_docs(
        self, runner: DocRunner, stream: Iterable[Document | Drop], mapper: Mapper, chunk_size: int
    ) -> Iterator[Document | Drop]:
        if not runner.steps:
            yield from stream
            return
        for outcomes, chunk_stats in mapper(runner, chunked(stream, chunk_size)):
            self.stats.merge(chunk_stats)
            yield from outcomes

    def run(
        self, docs: Iterable[Document], *, workers: int = 1, mapper: Mapper | None = None
    ) -> Iterator[Document]:
        """The kept documents, in input order for per-document pipelines."""
        for item in self.outcomes(docs, workers=workers, mapper=mapper):
            if isinstance(item, Document):
                yield item

    def __call__(self, doc: Document) -> Document | Drop:
        """Apply the per-document steps to one document (stages are skipped)."""
        _check_document(doc, "doc")
        runner = self.doc_runner([s for s in self.steps if not is_stage(s[1])])
        return runner.run_one(doc, Stats())

    def clean(self, text: str) -> str:
        """The text after the per-document steps; ``""`` if a step would drop it."""
        if not isinstance(text, str):
            decode = "; decode bytes first" if isinstance(text, bytes | bytearray) else ""
            raise TypeError(f"clean() takes a str, not {type(text).__name__}{decode}")
        out = self(Document("text", text))
        return "" if isinstance(out, Drop) else out.text

    def explain(self, doc: Document) -> Explanation:
        """For each step: what it changed or removed in ``doc``, and why."""
        reports: list[StepExplanation] = []
        for name, step in self.steps:
            if is_stage(step):
                reports.append(
                    StepExplanation(
                        name, "corpus", notes=("corpus-level stage: runs on the whole corpus",)
                    )
                )
                continue
            before = doc
            result = apply_step(name, step, doc)
            out = result.output
            if isinstance(out, Drop):
                reports.append(
                    StepExplanation(
                        name, "dropped", result.changes, out.reason, out.detail, result.notes
                    )
                )
                return Explanation(before, reports, out)
            recorded = {k: v for k, v in out.annotations.items() if before.annotations.get(k) != v}
            status = (
                "changed" if out.text != before.text else ("annotated" if recorded else "unchanged")
            )
            reports.append(
                StepExplanation(name, status, result.changes, notes=result.notes, recorded=recorded)
            )
            doc = out
        drop = length_drop(doc, self.min_chars)
        if drop is not None:
            reports.append(StepExplanation(LENGTH_STEP, "dropped", (), drop.reason, drop.detail))
        return Explanation(doc, reports, drop)


def check_importable(steps: Sequence[NamedStep]) -> None:
    """Worker processes import each step by name: a step defined in an interactive
    session (a REPL, a notebook, ``python -c``) cannot be, and would only show as
    a worker dying; say so before any worker starts."""
    main = sys.modules.get("__main__")
    if main is None or getattr(main, "__file__", None):
        return
    for name, step in steps:
        owner = step if isinstance(step, (types.FunctionType, type)) else type(step)
        if getattr(owner, "__module__", None) == "__main__":
            raise WorkerError(
                f"step {name!r} is defined in this interactive session, which worker "
                "processes cannot import: define it in a module, or run with workers=1"
            )


def _run_stage(
    name: str, stage: Any, stream: Iterable[Document | Drop], stats: Stats, record: str = "summary"
) -> Iterator[Document | Drop]:
    """Feed a stage the kept documents; earlier drops pass around it.

    A stage that rewrites text and offers ``edits(docs)`` (documents with their
    `Change` records) has its changes recorded as a step's are, per ``record``.
    The stage's time excludes the time spent upstream (earlier steps run
    lazily while the stage pulls documents) and downstream.
    """
    passed: deque[Drop] = deque()
    upstream = 0.0

    def kept() -> Iterator[Document]:
        nonlocal upstream
        source = iter(stream)
        while True:
            started = time.process_time()
            item = next(source, None)
            upstream += time.process_time() - started
            if item is None:
                return
            if isinstance(item, Drop):
                passed.append(item)
            else:
                yield item

    edits = getattr(stage, "edits", None)

    def marked() -> Iterator[tuple[Any, bool]]:
        """The stage's outputs, each with whether the stage edited it."""
        if callable(edits):
            for doc, changes in edits(kept()):
                if isinstance(doc, Drop) or not changes:
                    yield doc, False
                else:
                    yield record_changes(doc, name, changes, record), True
        else:
            for item in stage.pipe(kept()):
                edited = isinstance(item, Document) and name in item.record.get("edits", {})
                yield item, edited

    outputs = marked()
    while True:
        started, before = time.process_time(), upstream
        pair = next(outputs, None)
        stats.seconds[name] += time.process_time() - started - (upstream - before)
        if pair is None:
            break
        item, edited = pair
        while passed:
            yield passed.popleft()
        if isinstance(item, Drop):
            if item.doc is None:
                raise ConfigError(f"stage {name!r} yielded a Drop without its document")
            yield item.attach(name, item.doc)
        elif isinstance(item, Document):
            if edited:
                stats.changed[name] += 1
            yield item
        else:
            raise ConfigError(
                f"stage {name!r} yielded {type(item).__name__}; expected Document or Drop"
            )
    for leftover in kept():  # a stage must read its whole input: nothing is lost silently
        raise ConfigError(f"stage {name!r} stopped before reading document {leftover.id!r}")
    while passed:
        yield passed.popleft()


def _check_document(item: object, where: str) -> None:
    """A wrong item fails here, named, not as an AttributeError inside a step."""
    if not isinstance(item, Document | Drop):
        raise TypeError(
            f"{where} is a {type(item).__name__}, not a Document; "
            "wrap each text as Document(id, text, meta)"
        )


def pipeline_from_steps(
    spec: str | Sequence[str], *, record: str = "summary", min_chars: int = 1
) -> Pipeline:
    """A pipeline from a one-line spec (`textclean.config.parse_steps`).

    Each named step starts from the options it has in the default pipeline;
    the spec's options go on top. A list of such specs is one spec, joined by commas.
    """
    if not isinstance(spec, str):
        if not isinstance(spec, (list, tuple)) or not all(isinstance(s, str) for s in spec):
            raise TypeError(
                "steps are one spec string ('fix_spacing,boilerplate') or a list of them, "
                f"not {type(spec).__name__}"
            )
        spec = ",".join(spec)
    return Pipeline(steps_from_spec(spec), record=record, min_chars=min_chars)


def pipeline_from_config(source: str | Path | Mapping[str, Any]) -> Pipeline:
    """A pipeline from a config file (TOML or JSON) or an already-parsed mapping."""
    config = load_config(source)
    steps = build_config_steps(config)
    try:
        pipeline = Pipeline(steps, record=config.get("record", "summary"))
        pipeline.set_min_chars(config.get("min_chars"))
    except ConfigError as exc:  # a key of the file, not a flag: name the file
        raise ConfigError(f"{config.get('_origin', 'config')}: {exc}") from None
    return pipeline
