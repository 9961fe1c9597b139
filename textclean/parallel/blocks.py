"""Splitting input files into blocks that workers read on their own.

A block is a byte range of a JSONL file that starts and ends on line
boundaries, with the number of its first line, so ids (``FILE:LINE``) and
error messages are the same as when the file is read whole. Compressed files,
text files and Parquet files are one block each.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

from ..document import Document, Drop
from ..io import ReadOptions, expand_inputs, read_documents, read_jsonl_range
from ..io.files import compression_of
from ..io.readers import format_of


@dataclass(frozen=True)
class Block:
    """``path[start:end]`` (bytes), whose first line is line ``first_line``; end -1 = whole file."""

    path: str
    start: int = 0
    end: int = -1
    first_line: int = 1


def _line_starts(path: str, blocksize: int) -> list[int]:
    """Byte offsets at which blocks start, each right after a newline."""
    size = os.path.getsize(path)
    starts = [0]
    with open(path, "rb") as fh:
        pos = blocksize
        while pos < size:
            fh.seek(pos)
            fh.readline()
            nxt = fh.tell()
            if nxt >= size:
                break
            if nxt > starts[-1]:
                starts.append(nxt)
            pos = nxt + blocksize
    return starts


def _count_newlines(path: str, start: int, end: int) -> int:
    count = 0
    with open(path, "rb") as fh:
        fh.seek(start)
        left = end - start
        while left > 0:
            chunk = fh.read(min(1 << 20, left))
            if not chunk:
                break
            count += chunk.count(b"\n")
            left -= len(chunk)
    return count


def plan_blocks(inputs: list[str], opts: ReadOptions, blocksize: int | None) -> list[Block]:
    """Blocks covering every input in order. ``blocksize=None``: one block per file."""
    blocks: list[Block] = []
    for path in expand_inputs(inputs, opts.format):
        splittable = (
            blocksize is not None
            and format_of(path, opts.format) == "jsonl"
            and compression_of(path) is None
            and path != "-"
        )
        if not splittable:
            blocks.append(Block(path))
            continue
        starts = _line_starts(path, blocksize)
        ends = starts[1:] + [os.path.getsize(path)]
        line = 1
        for start, end in zip(starts, ends, strict=True):
            blocks.append(Block(path, start, end, line))
            line += _count_newlines(path, start, end)
    return blocks


def read_block(block: Block, opts: ReadOptions) -> Iterator[Document | Drop]:
    """The records of one block, exactly as `read_documents` gives them for those lines."""
    if block.end < 0:
        yield from read_documents([block.path], opts)
        return
    yield from read_jsonl_range(block.path, block.start, block.end, block.first_line, opts)
