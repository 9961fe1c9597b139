"""Cleaning JSON Lines with workers that parse and serialise themselves.

Handing documents to worker processes costs two pickles each way per
document, and the parent would still parse and serialise every record: with
two workers the parent became the bottleneck. Here the parent reads raw lines
(bytes) and writes back the bytes the workers return; each worker parses its
chunk (`readers.line_outcome`, the reader's own function), runs the steps
and serialises the kept records and the rejects exactly as the writers do.
Chunks come back in input order, so the output and rejects bytes, the ids and
the counts are those of one process (`tests/test_raw_chunks.py`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from .document import Document, Drop
from .errors import InputError
from .io import IdCheck, ReadOptions
from .io.files import AtomicOutput
from .io.pieces import Piece
from .io.readers import FileCursor, jsonl_lines, line_has_outcome, line_outcome
from .io.records import document_to_record, dumps, input_error_drop, rejected_record
from .runner import DocRunner
from .stats import Stats
from .workers import map_ordered

#: A raw line (content, size, path, line number) or a drop the reader made.
RawItem = tuple[bytes, int, str, int] | Drop


class _Tracker(Protocol):
    def read(self, position: int) -> None: ...
    def advance(self, count: int) -> None: ...
    def in_turn(
        self, pieces: list[Piece], read: Callable[[Piece], Iterator[RawItem]]
    ) -> Iterator[RawItem]: ...


@dataclass(frozen=True)
class ChunkResult:
    """What a worker sends back for one chunk: output bytes, rejects bytes, ids, counts."""

    kept: bytes
    rejected: bytes
    outcomes: int
    ids: list[tuple[str, Any]]
    stats: Stats


@dataclass(frozen=True)
class RawJob:
    """Parse, clean and serialise one chunk of raw lines (picklable: runs in workers)."""

    runner: DocRunner
    opts: ReadOptions

    def __call__(self, chunk: list[RawItem]) -> ChunkResult:
        items: list[Document | Drop] = []
        for raw in chunk:
            if isinstance(raw, Drop):
                items.append(raw)
            else:
                items.extend(line_outcome(raw[0], raw[1], raw[2], raw[3], self.opts))
        field = self.opts.id_field
        ids = [
            (d.id, None if isinstance(d.meta.get(field), str) else d.meta.get(field))
            for d in items
            if isinstance(d, Document)
        ]
        outcomes, stats = self.runner(items) if self.runner.steps else (items, Stats())
        kept: list[bytes] = []
        rejected: list[bytes] = []
        text_field = self.opts.text_field
        for item in outcomes:
            if isinstance(item, Drop):
                stats.dropped[item.reason] += 1
                rejected.append(dumps(rejected_record(item, text_field, field)))
            else:
                stats.kept += 1
                kept.append(dumps(document_to_record(item, text_field, field)))
        stats.seen += len(items)
        return ChunkResult(b"".join(kept), b"".join(rejected), len(outcomes), ids, stats)


def raw_items(path: str, opts: ReadOptions, tracker: _Tracker, piece: Piece) -> Iterator[RawItem]:
    """The lines of one JSONL piece that give an outcome, as `read_documents` reads them."""
    cursor = FileCursor(piece.size() if path != "-" else 0, offset=piece.start)
    try:
        for content, size, lineno in jsonl_lines(
            path, opts, cursor, piece.start, piece.end, piece.first_line
        ):
            if line_has_outcome(content, size, opts):
                tracker.read(cursor.position())
                yield content, size, path, lineno
    except InputError as exc:
        if opts.on_error == "fail":
            raise
        tracker.read(cursor.size)
        yield input_error_drop(exc)


#: A chunk closes once it holds this many bytes of input lines (or ``chunk_size``
#: records): chunks of pages of very different sizes then take about the same
#: time, and the workers finish together.
CHUNK_BYTES = 256 * 1024


def byte_chunks(items: Iterator[RawItem], size: int, max_bytes: int) -> Iterator[list[RawItem]]:
    """``items`` in order, in lists of at most ``size`` that close at ``max_bytes`` of lines.

    >>> [len(c) for c in byte_chunks(iter([(b"x" * 5, 5, "f", i) for i in range(7)]), 4, 10)]
    [2, 2, 2, 1]
    """
    chunk: list[RawItem] = []
    held = 0
    for item in items:
        chunk.append(item)
        if not isinstance(item, Drop):
            held += len(item[0])
        if len(chunk) >= size or held >= max_bytes:
            yield chunk
            chunk, held = [], 0
    if chunk:
        yield chunk


def clean_jsonl_shard(
    runner: DocRunner,
    path: str | Piece | list[Piece],
    out_path: str,
    rejects_path: str,
    opts: ReadOptions,
    workers: int,
    chunk_size: int,
    tracker: _Tracker,
    ids: IdCheck,
) -> Stats:
    """Clean one JSONL shard (a file, a piece of one, or several in turn) on
    ``workers`` processes into two JSONL files (atomic)."""
    started = time.perf_counter()
    stats = Stats()
    job = RawJob(runner, opts)
    if isinstance(path, list):
        it = tracker.in_turn(path, lambda piece: raw_items(piece.path, opts, tracker, piece))
    else:
        piece = path if isinstance(path, Piece) else Piece(path)
        it = raw_items(piece.path, opts, tracker, piece)
    chunks = byte_chunks(it, chunk_size, CHUNK_BYTES)
    with AtomicOutput(out_path) as out, AtomicOutput(rejects_path) as rej:
        for result in map_ordered(job, chunks, workers):
            for doc_id, raw in result.ids:
                ids.add(doc_id, raw)
            if result.kept:
                out.write(result.kept)
            if result.rejected:
                rej.write(result.rejected)
            stats.merge(result.stats)
            tracker.advance(result.outcomes)
    stats.elapsed = time.perf_counter() - started
    stats.check()
    return stats
