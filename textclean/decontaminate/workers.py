"""Decontamination on local worker processes, with the output of one process.

Each worker receives the evaluation set once, when it starts, rather than
with every batch (a million n-grams are 12 MB); batches of documents go out
and come back in input order (`map_ordered`), each with its counts.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import chain, islice

from ..document import Document, Drop
from ..lifeline import bind_to_parent
from ..stats import Stats
from ..workers import chunked, map_ordered, stop_workers
from .batch import run_batch
from .evaluation import EvaluationSet
from .settings import DecontaminationSettings

__all__ = ["decontaminate_on_workers"]

_STATE: tuple[EvaluationSet, DecontaminationSettings] | None = None


def decontaminate_on_workers(
    docs: Iterable[Document | Drop],
    evaluation: EvaluationSet,
    settings: DecontaminationSettings,
    stats: Stats,
    workers: int,
    batch: int,
) -> Iterator[Document | Drop]:
    """`decontaminate_documents` on ``workers`` processes; a single batch runs here."""

    chunks = chunked(docs, batch)
    head = list(islice(chunks, 2))
    if len(head) <= 1:
        for chunk in head:
            yield from run_batch(chunk, evaluation, settings, stats)
        return
    pool = ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start,
        initargs=(os.getpid(), evaluation, settings),
    )
    finished = False
    try:
        for outcomes, counts in map_ordered(_run, chain(head, chunks), workers, executor=pool):
            stats.merge(counts)
            yield from outcomes
        finished = True
    finally:
        if finished:
            pool.shutdown()
        else:
            stop_workers(pool)


def _start(parent: int, evaluation: EvaluationSet, settings: DecontaminationSettings) -> None:
    global _STATE
    bind_to_parent(parent)
    _STATE = (evaluation, settings)


def _run(chunk: list[Document | Drop]) -> tuple[list[Document | Drop], Stats]:

    assert _STATE is not None, "worker started without its evaluation set"
    counts = Stats()
    return list(run_batch(chunk, *_STATE, counts)), counts
