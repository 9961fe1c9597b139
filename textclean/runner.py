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
#: The name drops for length carry as their step.
LENGTH_STEP = "length"


def length_drop(doc: Document, min_chars: int) -> Drop | None:
    """The drop for a document left with fewer than ``min_chars`` letters and digits.

    No letter or digit at all is ``empty`` (blank pages, pages of dots, pages
    that cleaning emptied); some, but fewer than ``min_chars``, is
    ``too_short``. ``min_chars=0`` keeps every document.

    >>> length_drop(Document("a", " ... \\n"), 1).reason
    'empty'
    >>> length_drop(Document("a", "Hi!"), 5).detail
    '2 letters and digits, fewer than 5'
    >>> length_drop(Document("a", "Hi!"), 1) is None
    True
    """
    if min_chars <= 0:
        return None
    if not any(map(str.isalnum, doc.text)):
        return Drop("empty", "no letter or digit left", LENGTH_STEP, doc)
    if min_chars > 1:
        count = sum(map(str.isalnum, doc.text))
        if count < min_chars:
            return Drop(
                "too_short", f"{count} letters and digits, fewer than {min_chars}", LENGTH_STEP, doc
            )
    return None


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
    """Write a step's edits into the document's metadata as ``mode`` asks.

    ``full`` keeps the ``summary`` counts beside every edit, so a reader of
    either kind of output finds ``edits`` where it expects it.
    """
    if mode == "none" or not changes:
        return doc
    record = doc.annotations
    edits = dict(record.get("edits", {}))
    edits[name] = edits.get(name, 0) + len(changes)
    if mode == "summary":
        return doc.annotate("edits", edits)
    full = list(record.get("changes", []))
    full += [{"step": name, **c.to_dict()} for c in changes]
    return doc.annotate_many({"edits": edits, "changes": full})


@dataclass(frozen=True)
class DocRunner:
    """A run of per-document steps, applied to chunks of documents."""

    steps: tuple[tuple[str, Callable[[Document], Any]], ...]
    record: str = "summary"
    min_chars: int = 1

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
        return length_drop(doc, self.min_chars) or doc

    def __call__(self, chunk: Iterable[Document | Drop]) -> tuple[list[Document | Drop], Stats]:
        stats = Stats()
        out: list[Document | Drop] = []
        for item in chunk:
            out.append(item if isinstance(item, Drop) else self.run_one(item, stats))
        return out, stats
