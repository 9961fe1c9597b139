"""Local worker processes: an ordered ``map`` over a process pool.

This is the one primitive the core needs to use more than one core; the
executors in `textclean.parallel` build on it (and on Dask) from above.

Chunks go to a process pool and come back in submission order, with at most
a few chunks in flight per worker, so memory stays flat on any corpus size
and the output is byte-identical to a single-process run. The pool starts
only as many workers as there are chunks to share (one chunk runs in this
process), and every worker dies with this process (`lifeline`).
"""

from __future__ import annotations

import functools
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from typing import TypeVar

from .errors import WorkerError
from .lifeline import bind_to_parent

T = TypeVar("T")
R = TypeVar("R")

IN_FLIGHT_PER_WORKER = 3

#: A ``map``-like callable: ``mapper(func, items)`` yields ``func(item)`` for
#: each item, in input order. The builtin `map` is one; `process_map` makes
#: one that runs on local worker processes.
Mapper = Callable[[Callable[[T], R], Iterable[T]], Iterator[R]]


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` spawned processes bound to the life of this one."""
    return ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=bind_to_parent,
        initargs=(os.getpid(),),
    )


def map_ordered(
    func: Callable[[T], R],
    chunks: Iterable[T],
    workers: int,
    executor: ProcessPoolExecutor | None = None,
) -> Iterator[R]:
    """``map(func, chunks)`` on up to ``workers`` processes, results in input order.

    With ``workers <= 1``, or a single chunk, it runs in this process; else it
    starts ``min(workers, chunks read ahead)`` workers. Worker processes are
    started with ``spawn`` so steps must pickle, exactly as on Dask.
    """
    if workers <= 1 and executor is None:
        yield from map(func, chunks)
        return
    it = iter(chunks)
    head = list(islice(it, workers))
    if executor is None and len(head) <= 1:
        yield from map(func, head)
        return
    own = executor is None
    pool = executor or worker_pool(min(workers, len(head)))
    pending: deque[Future[R]] = deque()
    limit = max(1, workers) * IN_FLIGHT_PER_WORKER
    finished = False
    try:
        for chunk in chain(head, it):
            pending.append(pool.submit(func, chunk))
            if len(pending) >= limit:
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())
        finished = True
    finally:
        for fut in pending:
            fut.cancel()
        if own and finished:
            pool.shutdown()
        elif own:
            stop_workers(pool)


def _result(future: Future[R]) -> R:
    try:
        return future.result()
    except BrokenProcessPool:
        raise WorkerError(
            "a worker process stopped before returning its work: it was killed (out of "
            "memory?), or it could not load the steps, which a fresh interpreter must import "
            "by name (define them at the top level of a module, not in a notebook, `python "
            "-c` or under `if __name__ == '__main__':`)"
        ) from None


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """Stop ``pool`` at once: queued chunks are cancelled, running ones killed.

    ``shutdown`` waits for the chunks already running, which after Ctrl-C or
    SIGTERM sent to this process alone, or an error while writing, can take
    minutes of long documents whose results nobody will read.
    """
    terminate = getattr(pool, "terminate_workers", None)  # Python >= 3.14
    if terminate is not None:
        terminate()
        return
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in processes:
        proc.terminate()
    for proc in processes:
        proc.join(timeout=5)


def process_map(workers: int) -> Mapper:
    """A `Mapper` on up to ``workers`` local processes (the builtin `map` for one)."""
    if workers <= 1:
        return map
    return functools.partial(_map_on, workers=workers)


def _map_on(func: Callable[[T], R], items: Iterable[T], *, workers: int) -> Iterator[R]:
    return map_ordered(func, items, workers)
