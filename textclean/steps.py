"""Step contracts: per-document steps and corpus-level stages.

* A **step** maps one document to a document or a `Drop`. Any callable
  ``Document -> Document | Drop`` is a step; subclass `Step` (or `TextStep`,
  `Filter`) to also record *what* changed and why, for `Pipeline.explain`.
* A **stage** sees the whole stream: ``pipe(docs) -> docs`` (deduplication,
  templates learned from the corpus). It yields documents, and `Drop`
  outcomes with ``doc`` set for the documents it removes.

Steps and stages store their options and nothing else, so they pickle and run
unchanged in worker processes or on Dask; heavy resources (models, lexicons)
load on first use through module-level caches.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields, is_dataclass
from typing import Any, ClassVar

from .changes import Change
from .document import Document, Drop


@dataclass(frozen=True, slots=True)
class StepResult:
    """What a step did to one document: the outcome and the edits it made."""

    output: Document | Drop
    changes: tuple[Change, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def dropped(self) -> bool:
        return isinstance(self.output, Drop)


class Step:
    """A per-document step. Subclasses implement `process`.

    ``name`` is set by `textclean.registry.register`; a pipeline may rename an
    instance. Options are dataclass fields, so `textclean steps` can list them.
    """

    name: ClassVar[str] = ""

    def process(self, doc: Document) -> StepResult:
        raise NotImplementedError

    def __call__(self, doc: Document) -> Document | Drop:
        return self.process(doc).output

    def options(self) -> dict[str, Any]:
        """The step's options as given, for config round trips and reports."""
        if is_dataclass(self):
            return {f.name: getattr(self, f.name) for f in fields(self) if f.init}
        return {}


class TextStep(Step):
    """A step that rewrites text. Subclasses implement `edit`.

    `edit` returns the new text and the replayable `Change` records that turn
    the old text into it; the document is copied only when the text changed.
    """

    def edit(self, text: str) -> tuple[str, list[Change]]:
        raise NotImplementedError

    def process(self, doc: Document) -> StepResult:
        new_text, changes = self.edit(doc.text)
        if new_text == doc.text:
            return StepResult(doc)
        return StepResult(doc.with_text(new_text), tuple(changes))


class Filter(Step):
    """A keep/drop step. Subclasses implement `measure`.

    `measure` returns the values to record under ``meta["textclean"]`` and a
    `Drop` when the document should go, else ``None``.
    """

    def measure(self, doc: Document) -> tuple[dict[str, Any], Drop | None]:
        raise NotImplementedError

    def process(self, doc: Document) -> StepResult:
        values, drop = self.measure(doc)
        annotated = doc.annotate_many(values) if values else doc
        if drop is not None:
            return StepResult(drop.attach(self.name, annotated))
        return StepResult(annotated)


class Stage:
    """A corpus-level stage: it sees every document of the run.

    `pipe` yields kept documents and `Drop` outcomes (with ``doc`` set) in a
    deterministic order that does not depend on the number of workers. A stage
    that rewrites text may also offer ``edits(docs)``, yielding each document
    with its `Change` records; a `Pipeline` then calls it instead of `pipe` and
    records the changes as it does a step's.
    """

    name: ClassVar[str] = ""

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document | Drop]:
        raise NotImplementedError

    def options(self) -> dict[str, Any]:
        if is_dataclass(self):
            return {f.name: getattr(self, f.name) for f in fields(self) if f.init}
        return {}


def is_stage(obj: object) -> bool:
    """True for corpus-level stages: anything with a ``pipe`` method."""
    return callable(getattr(obj, "pipe", None))
