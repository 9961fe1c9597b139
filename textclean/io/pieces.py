"""Pieces of an input file: byte ranges that start at a line start.

A checkpointed run finishes and records each piece on its own, so a run
killed in the middle of one large JSON Lines file resumes from the last
finished piece instead of from the file's start. Only plain (uncompressed)
JSON Lines files are cut: a compressed stream cannot be entered in the middle,
and a text, Parquet or crawl file is read whole. Cutting reads the file once,
counting newlines, so every piece knows the number of its first line and ids
and error messages name the same lines as a whole-file read.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from .files import compression_of
from .readers import format_of

#: A plain JSON Lines file larger than this is cut into pieces of about this
#: size; each piece is a checkpoint of its own.
PIECE_BYTES = 64 * 1024 * 1024

_BLOCK = 4 * 1024 * 1024


@dataclass(frozen=True)
class Piece:
    """Bytes ``[start, end)`` of ``path`` (``end`` None: to the end of the file),
    whose first line is line ``first_line`` of the file."""

    path: str
    start: int = 0
    end: int | None = None
    first_line: int = 1

    @property
    def whole(self) -> bool:
        return self.start == 0 and self.end is None

    def size(self) -> int:
        """Its bytes on disk (the whole file's for a whole piece)."""
        end = os.path.getsize(self.path) if self.end is None else self.end
        return end - self.start


def pieces_of(path: str, declared: str = "auto", piece_bytes: int = PIECE_BYTES) -> list[Piece]:
    """The pieces a run reads ``path`` in: one for most files, several for a
    plain JSON Lines file larger than ``piece_bytes``."""
    if path == "-" or format_of(path, declared) != "jsonl" or compression_of(path) is not None:
        return [Piece(path)]
    if os.path.getsize(path) <= piece_bytes:
        return [Piece(path)]
    return cut_at_lines(path, piece_bytes)


def cut_at_lines(path: str, piece_bytes: int) -> list[Piece]:
    """``path`` cut at the first line start at or after every ``piece_bytes``
    bytes of the previous piece; the last piece runs to the end of the file.

    >>> import tempfile
    >>> f = tempfile.NamedTemporaryFile("wb", suffix=".jsonl", delete=False)
    >>> _ = f.write(b"aaaa\\nbb\\ncccccc\\nd\\n"); f.close()
    >>> [(p.start, p.end, p.first_line) for p in cut_at_lines(f.name, 6)]
    [(0, 8, 1), (8, 15, 3), (15, None, 4)]
    """
    pieces: list[Piece] = []
    start, first_line = 0, 1
    lines = 0  # newlines before the block being scanned, then before `i`
    cut = piece_bytes  # the next piece ends at the first newline at or after this offset - 1
    position = 0
    with open(path, "rb") as fh:
        while block := fh.read(_BLOCK):
            i = 0
            while position + len(block) >= cut:
                newline = block.find(b"\n", max(cut - 1 - position, i))
                if newline < 0:
                    break
                lines += block.count(b"\n", i, newline + 1)
                end = position + newline + 1
                pieces.append(Piece(path, start, end, first_line))
                start, first_line = end, lines + 1
                cut = end + piece_bytes
                i = newline + 1
            lines += block.count(b"\n", i)
            position += len(block)
    if start < position or not pieces:
        pieces.append(Piece(path, start, None, first_line))
    else:  # the file ended exactly at a cut: the last piece runs to its end
        last = pieces.pop()
        pieces.append(Piece(path, last.start, None, last.first_line))
    return pieces


def checkpoints(pieces: list[Piece], piece_bytes: int) -> list[list[Piece]]:
    """``pieces`` in order, grouped into the units a run finishes and records on
    its own: consecutive pieces until they hold ``piece_bytes``.

    A folder of thousands of small files then costs a few checkpoints (each is
    three files synced to disk), not three per file; a piece as large as
    ``piece_bytes`` stays alone, so a large file still resumes piece by piece.

    >>> import os, tempfile
    >>> d = tempfile.mkdtemp()
    >>> for name, size in [("a", 3), ("b", 3), ("c", 9), ("d", 2), ("e", 2)]:
    ...     with open(os.path.join(d, name), "wb") as f: _ = f.write(b"x" * size)
    >>> groups = checkpoints([Piece(os.path.join(d, n)) for n in "abcde"], 8)
    >>> [[os.path.basename(p.path) for p in group] for group in groups]
    [['a', 'b'], ['c'], ['d', 'e']]
    """
    groups: list[list[Piece]] = []
    held = 0
    for piece in pieces:
        size = piece.size()
        group = groups[-1] if groups else None
        if group is None or held + size > piece_bytes:
            groups.append([piece])
            held = size
        else:
            group.append(piece)
            held += size
    return groups
