"""Local worker processes for per-document steps.

Chunks go to a process pool and come back in submission order, with at most
a few chunks in flight per worker, so memory stays flat on any corpus size
and the output is byte-identical to a single-process run.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

IN_FLIGHT_PER_WORKER = 3


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def map_ordered(
    func: Callable[[list[T]], R],
    chunks: Iterable[list[T]],
    workers: int,
    executor: ProcessPoolExecutor | None = None,
) -> Iterator[R]:
    """``map(func, chunks)`` on ``workers`` processes, results in input order.

    With ``workers <= 1`` it runs in this process. Worker processes are
    started with ``spawn`` so steps must pickle, exactly as on Dask.
    """
    if workers <= 1 and executor is None:
        yield from map(func, chunks)
        return
    own = executor is None
    pool = executor or ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
    pending: deque[Future[R]] = deque()
    limit = max(1, workers) * IN_FLIGHT_PER_WORKER
    try:
        for chunk in chunks:
            pending.append(pool.submit(func, chunk))
            if len(pending) >= limit:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for fut in pending:
            fut.cancel()
        if own:
            pool.shutdown(cancel_futures=True)
