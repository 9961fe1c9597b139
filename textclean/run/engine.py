"""The engine under `clean_files` and `dedup_files`: a pipeline over local files,
with per-shard checkpoints and resume.

Each input file is a shard, and a plain JSON Lines file larger than
``piece_bytes`` is cut at line starts into shards of about that size
(`textclean.io.pieces`), so a run killed inside one large file resumes from
its last finished piece. Consecutive small shards are finished together, up
to ``piece_bytes`` (`checkpoints`), so a folder of thousands of small files
syncs a few checkpoints to disk, not one per file. A checkpoint's kept and
rejected records are written to a work directory beside the output
(``.OUT.parts/``) and a marker records that it finished, with its counts and
a fingerprint of its input files and the settings. When every checkpoint is
done, the parts are joined in input order
into the output and the rejects file, each written atomically, and the work
directory is removed. A run killed at any moment leaves either no output or a
complete one; ``resume=True`` reuses the finished shards and redoes the rest,
so the final bytes are the same as an uninterrupted run.

Pipelines with corpus-level stages need the whole corpus at once and run in
one pass without checkpoints; the index and clusters file of a ``near_dedup``
stage are opened here for the run (`opened_targets`).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
import warnings
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

import orjson

from ..document import Document, Drop
from ..errors import ConfigError, TextcleanWarning
from ..io import IdCheck, ReadOptions, check_paths, default_rejects_path, read_documents
from ..io.files import AtomicOutput
from ..io.markup import warn_html_pages
from ..io.parts import join_parts, work_dir_for, write_outcomes
from ..io.pieces import PIECE_BYTES, Piece, checkpoints, pieces_of
from ..io.readers import format_of, input_size, read_range
from ..io.writers import output_format
from ..pipeline import CHUNK_SIZE, Pipeline, check_importable
from ..raw_chunks import clean_jsonl_shard
from ..stats import Stats
from ..steps import is_stage
from .targets import opened_targets, stage_writes

__all__ = ["Progress", "run_on_files", "settings_fingerprint"]

T = TypeVar("T")


def settings_fingerprint(pipeline: Pipeline, opts: ReadOptions) -> str:
    """A hash of everything that decides a shard's output."""
    spec = [
        (name, type(step).__qualname__, repr(getattr(step, "options", lambda: {})()))
        for name, step in pipeline.steps
    ]
    blob = repr((spec, pipeline.record, opts)).encode("utf-8", "surrogatepass")
    return hashlib.sha256(blob).hexdigest()[:16]


def shard_fingerprint(shard: str | Piece) -> dict[str, Any]:
    """What identifies a shard's input: the file as it stands, and the piece of it."""
    piece = shard if isinstance(shard, Piece) else Piece(shard)
    st = os.stat(piece.path)
    found = {"path": piece.path, "size": st.st_size, "mtime_ns": st.st_mtime_ns}
    if not piece.whole:
        found.update(start=piece.start, end=piece.end, first_line=piece.first_line)
    return found


def run_on_files(
    pipeline: Pipeline,
    inputs: Iterable[str],
    output: str,
    *,
    rejects: str | None = None,
    options: ReadOptions | None = None,
    workers: int = 1,
    resume: bool = False,
    output_format_name: str = "auto",
    progress: Progress | None = None,
    also_writes: Mapping[str, str | None] | None = None,
    piece_bytes: int = PIECE_BYTES,
) -> Stats:
    """Run ``pipeline`` over ``inputs``; write kept records to ``output`` and
    drops to ``rejects``. Returns the run's `Stats` (read = written + rejected).

    A per-document pipeline writing to a file checkpoints each piece of about
    ``piece_bytes`` of a larger plain JSON Lines file, each other file, and each
    run of small files holding up to ``piece_bytes`` together
    (`textclean.io.pieces`); ``resume`` redoes only the unfinished ones.

    Duplicate and non-string ids are reported with a `TextcleanWarning` at
    the end; an HTML page in the text field of the first JSON Lines or Parquet
    record, at the start (`warn_html_pages`). The paths are checked before anything is read or written
    (`check_paths`): ``also_writes`` names the run's other outputs, and the
    clusters files of its ``near_dedup`` stages are added. A missing input, an
    output that is an input or lies in an input folder, and two outputs that
    are one file are errors.

    ``progress``, if given, is called as ``progress(done, total)`` each time an
    outcome is written, with the input bytes behind the outcomes written so far
    and the total input size (None when reading stdin).
    """
    opts = options or ReadOptions()
    inputs = list(inputs)
    rejects = rejects or default_rejects_path(output)
    output_format(output, output_format_name)  # an unknown output name fails before any work
    writes = {"output": output, "rejects": rejects, **stage_writes(pipeline), **(also_writes or {})}
    files = check_paths(inputs, writes, opts.format)
    if workers > 1:  # before any work, whatever the input's size: not when a worker dies
        check_importable(pipeline.steps)
    warn_html_pages(files, opts)
    for target in (output, rejects):
        AtomicOutput.clear_leftovers(target)
    has_stage = any(is_stage(step) for _, step in pipeline.steps)
    checkpointed = output != "-" and not has_stage and "-" not in inputs
    if resume and not checkpointed:
        raise ConfigError(
            "resuming needs file input and output and a per-document pipeline "
            "(corpus-level stages such as dedup see the whole corpus and rerun)"
        )
    if not checkpointed:
        with opened_targets(pipeline) as run:
            tracker = _Tracker(progress, None if "-" in files else _total_size(files))
            ids = IdCheck(opts.id_field)
            stream = ids.watch(read_documents(files, opts, on_record=tracker.read))
            outcomes = tracker.written(run.outcomes(stream, workers=workers))
            write_outcomes(outcomes, output, rejects, opts, output_format_name)
            tracker.finish()
            ids.warn()
        return pipeline.stats
    try:
        return _checkpointed(
            pipeline,
            files,
            output,
            rejects,
            opts,
            workers,
            resume,
            output_format_name,
            progress,
            piece_bytes,
        )
    except BaseException as exc:
        work = work_dir_for(output)
        if work.is_dir() and not any(work.glob("*.done.json")):
            shutil.rmtree(work, ignore_errors=True)  # nothing finished: nothing to resume
        elif work.is_dir() and isinstance(exc, (KeyboardInterrupt, SystemExit)):
            warnings.warn(  # Ctrl-C, or a signal handler's exit
                f"interrupted: the finished checkpoints are kept in {work}; "
                "the same run with resume goes on from them",
                TextcleanWarning,
                stacklevel=2,
            )
        raise


Progress = Callable[[int, "int | None"], None]


def _total_size(files: list[str]) -> int:
    return sum(input_size(f) or 0 for f in files)


class _Tracker:
    """Input bytes behind each outcome, in order, reported as outcomes are written.

    Each record read adds its input position; each outcome written (one per
    record, in the same count) takes the next one, so the count reaches the
    total when the last outcome is written, not when the last record is read.
    """

    def __init__(self, progress: Progress | None, total: int | None):
        self.progress = progress
        self.total = total
        self.base = 0
        self._positions = array("q")
        self._next = 0

    def read(self, position: int) -> None:
        if self.progress is not None:
            self._positions.append(self.base + position)

    def written(self, outcomes: Iterable[Document | Drop]) -> Iterator[Document | Drop]:
        if self.progress is None:
            yield from outcomes
            return
        for item in outcomes:
            yield item
            self._one()

    def advance(self, count: int) -> None:
        """``count`` outcomes written at once (a chunk from a worker)."""
        if self.progress is not None:
            for _ in range(count):
                self._one()

    def _one(self) -> None:
        if self._next < len(self._positions):
            self.progress(self._positions[self._next], self.total)  # type: ignore[misc]
            self._next += 1
            if self._next > 4096 and self._next * 2 > len(self._positions):
                del self._positions[: self._next]
                self._next = 0

    def in_turn(self, pieces: list[Piece], read: Callable[[Piece], Iterator[T]]) -> Iterator[T]:
        """The items ``read`` gives for each piece in turn; the input position
        moves past each piece when its items are read."""
        for piece in pieces:
            yield from read(piece)
            self.base += piece.size()

    def skip(self, size: int) -> None:
        """A shard done before (resume): its bytes count at once."""
        self.base += size
        if self.progress is not None:
            self.progress(self.base, self.total)

    def finish(self) -> None:
        if self.progress is not None and self.total is not None:
            self.progress(self.total, self.total)


def _checkpointed(
    pipeline: Pipeline,
    shards: list[str],
    output: str,
    rejects: str,
    opts: ReadOptions,
    workers: int,
    resume: bool,
    fmt: str,
    progress: Progress | None,
    piece_bytes: int,
) -> Stats:
    work = work_dir_for(output)
    if work.exists() and not resume:
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    settings = settings_fingerprint(pipeline, opts)
    started = time.perf_counter()
    total = Stats()
    tracker = _Tracker(progress, _total_size(shards))
    ids = IdCheck(opts.id_field)
    pieces = [piece for shard in shards for piece in pieces_of(shard, opts.format, piece_bytes)]
    groups = checkpoints(pieces, piece_bytes)
    for index, group in enumerate(groups):
        marker = work / f"{index:06d}.done.json"
        expected = {"settings": settings, "shard": [shard_fingerprint(p) for p in group]}
        done = _read_marker(marker)
        size = sum(p.size() for p in group)
        part_out, part_rej = work / f"{index:06d}.out.jsonl", work / f"{index:06d}.rejects.jsonl"
        # A run killed while removing its finished work folder can leave a
        # marker without its parts: such a piece is done again.
        if (
            done is not None
            and done.get("expected") == expected
            and part_out.exists()
            and part_rej.exists()
        ):
            total.merge(Stats.from_record(done["stats"]))
            tracker.skip(size)
            continue
        if workers > 1 and all(format_of(p.path, opts.format) == "jsonl" for p in group):
            # Workers parse, clean and serialise; this process moves bytes.
            runner = pipeline.doc_runner(pipeline.steps)
            pipeline.stats = clean_jsonl_shard(
                runner, group, str(part_out), str(part_rej), opts, workers, CHUNK_SIZE, tracker, ids
            )
        else:
            records = tracker.in_turn(
                group,
                lambda p: read_range(
                    p.path, opts, p.start, p.end, p.first_line, on_record=tracker.read
                ),
            )
            outcomes = tracker.written(pipeline.outcomes(ids.watch(records), workers=workers))
            write_outcomes(outcomes, str(part_out), str(part_rej), opts, "jsonl")
        stats = pipeline.stats
        with AtomicOutput(str(marker)) as m:
            m.write(orjson.dumps({"expected": expected, "stats": stats.to_record()}))
        total.merge(stats)
    join_parts(work, len(groups), "out", output, opts, fmt)
    join_parts(work, len(groups), "rejects", rejects, opts, "jsonl")
    shutil.rmtree(work)
    tracker.finish()
    ids.warn()
    total.elapsed = time.perf_counter() - started
    total.check()
    return total


def _read_marker(path: Path) -> dict[str, Any] | None:
    try:
        return orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
