"""A spool: records written once to a compressed temporary file, read back in order.

A corpus stage that must see every document before it can judge any (templates
learned from the corpus) streams its input into a spool while it counts, then
reads the spool back as often as it needs: memory holds what it counted, not
the documents. Records are length-prefixed pickles in a zstandard stream, so a
document's metadata comes back exactly as it went in (tuples stay tuples, which
a JSON round trip would not promise); the file is private to the process and
deleted on `close`.

>>> from textclean.document import Document
>>> with Spool() as spool:
...     spool.write((Document("a", "one", {"tags": ("x",)}), 7))
...     spool.finish()
...     [(d.id, d.meta, n) for d, n in spool.read()]
[('a', {'tags': ('x',)}, 7)]
"""

from __future__ import annotations

import os
import pickle
import struct
import tempfile
from collections.abc import Iterator
from types import TracebackType
from typing import IO, Any

import zstandard

_LENGTH = struct.Struct("<I")


class Spool:
    """A write-once, read-many temporary file of picklable records (``dir``: where)."""

    def __init__(self, dir: str | None = None, level: int = 3):
        self._file: IO[bytes] | None = tempfile.TemporaryFile(prefix="textclean-spool-", dir=dir)  # noqa: SIM115 - closed in close()
        self._writer = zstandard.ZstdCompressor(level=level).stream_writer(
            self._file, closefd=False
        )
        self.count = 0
        self.bytes_in = 0

    def write(self, record: Any) -> None:
        """Append one record."""
        data = pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)
        self._writer.write(_LENGTH.pack(len(data)))
        self._writer.write(data)
        self.count += 1
        self.bytes_in += len(data)

    def finish(self) -> None:
        """Flush the compressed stream; no more writes after this."""
        self._writer.flush(zstandard.FLUSH_FRAME)

    @property
    def size(self) -> int:
        """Bytes on disk (compressed)."""
        return os.fstat(self._file.fileno()).st_size if self._file is not None else 0

    def read(self) -> Iterator[Any]:
        """The records, in the order they were written."""
        if self._file is None:
            raise ValueError("spool is closed")
        self._file.seek(0)
        reader = zstandard.ZstdDecompressor().stream_reader(self._file, closefd=False)
        for _ in range(self.count):
            (length,) = _LENGTH.unpack(_read_exactly(reader, _LENGTH.size))
            yield pickle.loads(_read_exactly(reader, length))  # noqa: S301 - our own file

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def __enter__(self) -> Spool:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _read_exactly(reader: zstandard.ZstdDecompressionReader, n: int) -> bytes:
    parts, left = [], n
    while left:
        chunk = reader.read(left)
        if not chunk:
            raise EOFError("spool ended early")
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)
