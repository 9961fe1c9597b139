"""Applying per-document steps to documents, with counting and recording.

`DocRunner` is the picklable unit of work: a run of per-document steps that a
worker process (or a Dask partition) applies to a chunk of documents. It
returns the outcomes in input order with the chunk's `Stats`, so merging the
chunks in order gives the same bytes whatever the number of workers.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .changes import Change
from .document import Document, Drop
from .errors import PatternTimeout, StepError, TextcleanError
from .stats import Stats
from .steps import Step, StepResult

#: How much of each edit a pipeline writes into ``meta["textclean"]``.
RECORD_MODES = ("none", "summary", "full")


def apply_step(name: str, step: Callable[[Document], Any], doc: Document) -> StepResult:
    """Run one step on one document, checking what it returns."""
    try:
        if isinstance(step, Step):
            result = step.process(doc)
        else:
            result = StepResult(step(doc))
    except TextcleanError:
        raise
    except Exception as exc:
        raise StepError(name, doc.id, f"{type(exc).__name__}: {exc}") from exc
    out = result.output
    if isinstance(out, Drop):
        return StepResult(out.attach(name, doc), result.changes, result.notes)
    if not isinstance(out, Document):
        raise StepError(
            name, doc.id, f"returned {type(out).__name__}; a step must return a Document or a Drop"
        )
    return result


def record_changes(doc: Document, name: str, changes: Sequence[Change], mode: str) -> Document:
    """Write a step's edits into the document's metadata as ``mode`` asks."""
    if mode == "none" or not changes:
        return doc
    record = doc.record
    if mode == "summary":
        edits = dict(record.get("edits", {}))
        edits[name] = edits.get(name, 0) + len(changes)
        return doc.annotate("edits", edits)
    full = list(record.get("changes", []))
    full += [{"step": name, **c.to_dict()} for c in changes]
    return doc.annotate("changes", full)


@dataclass(frozen=True)
class DocRunner:
    """A run of per-document steps, applied to chunks of documents."""

    steps: tuple[tuple[str, Callable[[Document], Any]], ...]
    record: str = "summary"

    def run_one(self, doc: Document, stats: Stats) -> Document | Drop:
        for name, step in self.steps:
            started = time.process_time()
            try:
                result = apply_step(name, step, doc)
            except PatternTimeout as exc:
                # A pathological page must not stop a run of millions: it goes
                # to the rejects file, naming the step and the pattern.
                stats.seconds[name] += time.process_time() - started
                return Drop("pattern_timeout", str(exc), name, doc)
            stats.seconds[name] += time.process_time() - started
            out = result.output
            if isinstance(out, Drop):
                return out
            if out.text != doc.text:
                stats.changed[name] += 1
            doc = record_changes(out, name, result.changes, self.record)
        return doc

    def __call__(self, chunk: Iterable[Document | Drop]) -> tuple[list[Document | Drop], Stats]:
        stats = Stats()
        out: list[Document | Drop] = []
        for item in chunk:
            out.append(item if isinstance(item, Drop) else self.run_one(item, stats))
        return out, stats
