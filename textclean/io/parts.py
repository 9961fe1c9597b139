"""Output written in parts and joined in order: what checkpointed and Dask runs share.

A run that writes from several places (one shard at a time, one Dask
partition each) writes numbered parts into a work directory beside the
output and joins them in input order, so the bytes are those of a run that
wrote in one pass.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson

from ..document import Document, Drop
from .files import AtomicOutput
from .readers import ReadOptions
from .writers import DocumentWriter, RejectsWriter, output_format

__all__ = ["join_parts", "work_dir_for", "write_outcomes"]

COPY_BUFFER = 1 << 20


def work_dir_for(output: str) -> Path:
    """The directory of an output file's parts and checkpoints."""
    out = Path(output)
    return out.with_name(f".{out.name}.parts")


def write_outcomes(
    outcomes: Iterable[Document | Drop],
    output: str,
    rejects: str,
    opts: ReadOptions,
    fmt: str = "auto",
) -> tuple[int, int]:
    """Kept documents to ``output``, drops to ``rejects``; both atomic. Returns (written, rejected)."""
    with (
        DocumentWriter(
            output, text_field=opts.text_field, id_field=opts.id_field, format=fmt
        ) as out,
        RejectsWriter(rejects, text_field=opts.text_field, id_field=opts.id_field) as rej,
    ):
        for item in outcomes:
            if isinstance(item, Drop):
                rej.write_drop(item)
            else:
                out.write(item)
    return out.count, rej.count


def join_parts(work: Path, count: int, kind: str, target: str, opts: ReadOptions, fmt: str) -> None:
    """Join the parts ``work/NNNNNN.KIND.jsonl`` in order into ``target``, atomically."""
    parts = [work / f"{i:06d}.{kind}.jsonl" for i in range(count)]
    if output_format(target, fmt) == "jsonl":
        with AtomicOutput(target) as out:
            for part in parts:
                with open(part, "rb") as fh:
                    while block := fh.read(COPY_BUFFER):
                        out.write(block)
        return
    with DocumentWriter(
        target, text_field=opts.text_field, id_field=opts.id_field, format=fmt
    ) as writer:
        for record in _records(parts):
            writer.write_record(record)


def _records(parts: list[Path]) -> Iterator[dict[str, Any]]:
    for part in parts:
        with open(part, "rb") as fh:
            for line in fh:
                yield orjson.loads(line)
