"""Opening files by suffix (plain, ``.gz``, ``.zst``) and writing them atomically.

An output file appears under its final name only when it is complete: it is
written to a temporary file beside it, flushed to disk, then renamed. A run
that is interrupted leaves no file that looks finished.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
from glob import escape as glob_escape
from pathlib import Path
from typing import IO, Any, BinaryIO

COMPRESSED_SUFFIXES = (".gz", ".zst", ".zstd")


def compression_of(path: str | Path) -> str | None:
    """``"gzip"``, ``"zstd"`` or None, from the file name."""
    name = str(path).lower()
    if name.endswith(".gz"):
        return "gzip"
    if name.endswith((".zst", ".zstd")):
        return "zstd"
    return None


def strip_compression(name: str) -> str:
    """``a.jsonl.gz`` -> ``a.jsonl``."""
    lower = name.lower()
    for suffix in COMPRESSED_SUFFIXES:
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return name


def open_read(path: str | Path) -> BinaryIO:
    """A buffered binary reader that decompresses by suffix; ``-`` is stdin,
    decompressed when its first bytes are gzip's or zstd's (it has no suffix)."""
    if str(path) == "-":
        return _stdin()
    kind = compression_of(path)
    if kind == "gzip":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    if kind == "zstd":
        raw = open(path, "rb")  # noqa: SIM115 - closed with the wrapper
        reader = _ZstdReader(ZstdFrames(raw))
        reader.disk = raw
        return reader
    return open(path, "rb")


GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"


def _stdin() -> BinaryIO:
    """Standard input, counted; a compressed stream (``zcat``-less pipes) is decompressed."""
    raw = sys.stdin.buffer
    peek = getattr(raw, "peek", None)
    head = peek(len(ZSTD_MAGIC)) if peek is not None else b""
    counted = CountedStdin(raw)
    if head.startswith(GZIP_MAGIC):
        return gzip.GzipFile(fileobj=counted, mode="rb")  # type: ignore[return-value]
    if head.startswith(ZSTD_MAGIC):
        return io.BufferedReader(ZstdFrames(counted))  # type: ignore[arg-type]
    return counted  # type: ignore[return-value]


class CountedStdin:
    """Standard input, counting the bytes read: stdin has no size to ask, and a
    run's summary reports the megabytes it read."""

    total = 0  # bytes read from stdin by this process

    def __init__(self, raw: BinaryIO):
        self._raw = raw

    def read(self, size: int = -1) -> bytes:
        return self._count(self._raw.read(size))

    def read1(self, size: int = -1) -> bytes:
        return self._count(self._raw.read1(size))  # type: ignore[attr-defined]

    def readline(self, size: int = -1) -> bytes:
        return self._count(self._raw.readline(size))

    def readinto(self, buffer) -> int:
        n = self._raw.readinto(buffer)  # type: ignore[attr-defined]
        CountedStdin.total += n or 0
        return n

    def __iter__(self):
        return iter(self.readline, b"")

    def __enter__(self) -> CountedStdin:
        return self

    def __exit__(self, *exc: object) -> None:
        self._raw.close()

    def __getattr__(self, name: str):
        return getattr(self._raw, name)

    @staticmethod
    def _count(data: bytes) -> bytes:
        CountedStdin.total += len(data)
        return data


class ZstdFrames(io.RawIOBase):
    """The zstd frames of ``raw``, one after another, decompressed.

    A stream that stops inside a frame (a file cut short by a failed copy or
    a full disk) raises `EOFError` at its end, as `gzip` does, where
    zstandard's own stream reader would simply end: the lines before the cut
    are read, and the cut is an error naming the file, never a quiet loss of
    the rest.
    """

    CHUNK = 1 << 17
    #: Compressed bytes decompressed at a time, so what is held decompressed stays
    #: near this times the compression ratio, not a whole read's worth.
    SLICE = 1 << 13

    def __init__(self, raw: BinaryIO):
        import zstandard

        self._raw = raw
        self._dctx = zstandard.ZstdDecompressor()
        self._frame: Any = None  # the decompressor of the frame being read
        self._in = b""  # compressed bytes read and not decompressed yet, from `_in_at`
        self._in_at = 0
        self._out = b""  # decompressed bytes not handed out yet, from `_at`
        self._at = 0
        self._done = 0  # decompressed bytes handed out
        self._ended = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while self._at >= len(self._out) and not self._ended:
            if self._in_at >= len(self._in):
                self._in, self._in_at = self._raw.read(self.CHUNK), 0
                if not self._in:
                    self._ended = True
                    if self._frame is not None:
                        raise EOFError("compressed data ended before the end of its zstd frame")
                    break
            piece = self._in[self._in_at : self._in_at + self.SLICE]
            self._in_at += len(piece)
            self._out, self._at = self._decompress(piece), 0
        n = min(len(buffer), len(self._out) - self._at)
        buffer[:n] = self._out[self._at : self._at + n]
        self._at += n
        self._done += n
        return n

    def _decompress(self, data: bytes) -> bytes:
        """Decompress ``data``, starting a new frame wherever one ends."""
        out = []
        while data:
            if self._frame is None:
                self._frame = self._dctx.decompressobj()
            out.append(self._frame.decompress(data))
            data = b""
            if self._frame.eof:
                data, self._frame = self._frame.unused_data, None
        return b"".join(out)

    def tell(self) -> int:
        return self._done

    def close(self) -> None:
        if not self.closed:
            self._raw.close()
        super().close()


class _ZstdReader(io.BufferedReader):
    """A buffered zstd reader that knows its file on disk (for `disk_position`)."""

    disk: BinaryIO


def disk_position(stream: BinaryIO) -> int:
    """How many bytes of the file on disk a reader from `open_read` has consumed
    (compressed bytes for compressed files); 0 where it cannot tell (stdin)."""
    inner = getattr(stream, "disk", None) or getattr(stream, "fileobj", None) or stream
    try:
        return inner.tell()
    except (OSError, ValueError, AttributeError):
        return 0


class AtomicOutput:
    """A binary output stream that becomes ``path`` only on `commit`.

    Compression follows the suffix; gzip headers carry no timestamp so the
    bytes are the same on every run. ``-`` writes to stdout (not atomic).
    """

    def __init__(self, path: str | Path):
        self.path = str(path)
        self._stdout = self.path == "-"
        self._tmp: str | None = None
        self._raw: BinaryIO
        self._closers: list[IO[bytes]] = []
        if self._stdout:
            self._raw = sys.stdout.buffer
            self.stream: IO[bytes] = self._raw
            return
        target = Path(self.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        self._tmp = str(target.with_name(f".{target.name}.tmp-{os.getpid()}"))
        self._raw = open(self._tmp, "wb")  # noqa: SIM115 - closed in commit/abort
        kind = compression_of(self.path)
        if kind == "gzip":
            gz = gzip.GzipFile(filename="", mode="wb", fileobj=self._raw, mtime=0)
            self.stream = gz
            self._closers.append(gz)
        elif kind == "zstd":
            import zstandard

            zw = zstandard.ZstdCompressor(level=3).stream_writer(self._raw, closefd=False)
            self.stream = zw  # type: ignore[assignment]
            self._closers.append(zw)  # type: ignore[arg-type]
        else:
            self.stream = self._raw

    def write(self, data: bytes) -> None:
        self.stream.write(data)

    @staticmethod
    def clear_leftovers(path: str | Path) -> None:
        """Remove the partial files that killed runs left for ``path``: a run
        resuming an output is its only writer, and a kill skips `abort`."""
        if str(path) == "-":
            return
        target = Path(path)
        for leftover in target.parent.glob(f".{glob_escape(target.name)}.tmp-*"):
            leftover.unlink(missing_ok=True)

    def commit(self) -> None:
        """Finish the file and move it into place."""
        for closer in reversed(self._closers):
            closer.close()
        if self._stdout:
            self._raw.flush()
            return
        self._raw.flush()
        os.fsync(self._raw.fileno())
        self._raw.close()
        os.replace(self._tmp, self.path)  # type: ignore[arg-type]
        self._tmp = None

    def abort(self) -> None:
        """Throw the partial file away."""
        if self._stdout or self._tmp is None:
            return
        try:
            self._raw.close()
        finally:
            if os.path.exists(self._tmp):
                os.unlink(self._tmp)
            self._tmp = None

    def __enter__(self) -> AtomicOutput:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()
