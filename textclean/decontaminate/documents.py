"""Decontaminating a stream of documents: each one comes out cut, untouched or dropped."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..document import Document, Drop
from ..stats import Stats
from .batch import BATCH, REASON, STEP, run_batch
from .evaluation import EvaluationSet, Record
from .settings import DecontaminationSettings

__all__ = ["STEP", "REASON", "decontaminate_documents"]


def decontaminate_documents(
    docs: Iterable[Document | Drop],
    against: EvaluationSet | Iterable[Record],
    settings: DecontaminationSettings | None = None,
    *,
    stats: Stats | None = None,
    workers: int = 1,
) -> Iterator[Document | Drop]:
    """Every document of ``docs``, in order: untouched, cut, or as a `Drop`.

    ``against`` is an `EvaluationSet` or the evaluation records to build one
    from (`Document`\\ s, ``(id, text)`` pairs or texts). A `Drop` in ``docs``
    (an unreadable record) passes through. A cut document's
    ``meta["textclean"]`` gets its `Change` records under ``changes`` (each
    reason ``decontaminated: <evaluation id>``) and ``decontamination``:
    ``{"share", "records"}``. A dropped one has reason ``contaminated``.
    ``stats``, if given, counts every outcome (seen = kept + dropped).
    With ``workers > 1``, batches of documents are checked in that many
    processes; the outcomes are the same, in the same order.

    >>> ev = [("q1", "name the largest planet in the solar system")]
    >>> text = "Jupiter was our answer. Name the largest planet in the solar system! We rested after the quiz."
    >>> [d.text for d in decontaminate_documents([Document("a", text)], ev, DecontaminationSettings(ngram=8))]
    ['Jupiter was our answer. We rested after the quiz.']
    """
    s = settings or DecontaminationSettings()
    evaluation = (
        against if isinstance(against, EvaluationSet) else EvaluationSet.build(against, settings=s)
    )
    evaluation.check(s)
    counts = stats if stats is not None else Stats()
    if workers > 1:
        from .workers import decontaminate_on_workers

        yield from decontaminate_on_workers(docs, evaluation, s, counts, workers, BATCH)
        return
    batch: list[Document | Drop] = []
    for item in docs:
        batch.append(item)
        if len(batch) == BATCH:
            yield from run_batch(batch, evaluation, s, counts)
            batch = []
    yield from run_batch(batch, evaluation, s, counts)
