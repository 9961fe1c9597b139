"""Decontaminating a stream of documents: each one comes out cut, untouched or dropped."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator

from ..document import Document, Drop
from ..runner import record_changes
from ..stats import Stats
from .cut import Decontaminated, decontaminate_texts
from .evaluation import EvaluationSet, Record
from .settings import DecontaminationSettings

__all__ = ["STEP", "REASON", "decontaminate_documents"]

#: The name cuts are recorded under and drops carry as their step.
STEP = "decontaminate"
#: The rejects reason of a document dropped past ``max_overlap``.
REASON = "contaminated"
#: Documents segmented, hashed and looked up together.
BATCH = 256


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


def run_batch(
    items: list[Document | Drop],
    evaluation: EvaluationSet,
    settings: DecontaminationSettings,
    stats: Stats,
) -> Iterator[Document | Drop]:
    """The outcomes of one batch, counted into ``stats``."""
    docs = [item for item in items if isinstance(item, Document)]
    started = time.process_time()
    results = decontaminate_texts([d.text for d in docs], evaluation, settings)
    stats.seconds[STEP] += time.process_time() - started
    found = iter(results)
    for item in items:
        stats.seen += 1
        if isinstance(item, Document):
            result = next(found)
            item = outcome(item, result, settings)
            if isinstance(item, Document):
                stats.kept += 1
                stats.changed[STEP] += result.changed
        if isinstance(item, Drop):
            stats.dropped[item.reason] += 1
        yield item


def outcome(
    doc: Document, result: Decontaminated, settings: DecontaminationSettings
) -> Document | Drop:
    """The document after ``result``: itself when untouched, cut and annotated, or a `Drop`."""
    if not result.changed:
        return doc
    info = {"share": round(result.share, 4), "records": list(result.records)}
    if result.dropped:
        more = len(result.records) - 1
        detail = (
            f"{result.share:.0%} of its words are in sentences sharing {settings.ngram}-grams "
            f"with evaluation record {result.main!r}"
            + (f" and {more} more" if more else "")
            + (
                f" (max_overlap {settings.max_overlap:g})"
                if result.share > settings.max_overlap
                else "; nothing with a letter or digit is left"
            )
        )
        return Drop(REASON, detail, STEP, doc.annotate("decontamination", info))
    out = record_changes(doc.with_text(result.text), STEP, result.changes, settings.record)
    return out if settings.record == "none" else out.annotate("decontamination", info)
