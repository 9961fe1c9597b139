"""Readers: JSONL (plain, gz, zst), text files, Parquet, directories, stdin.

Each reader yields a `Document` per record. A record that cannot be read
raises `InputError` naming the file and line, or, with ``on_error="skip"``,
becomes a `Drop` that carries the raw bytes to the rejects file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson

from ..document import Document, Drop
from ..errors import ConfigError, InputError
from .files import compression_of, open_read, strip_compression
from .records import input_error_drop, loads, record_to_document

FORMATS = ("auto", "jsonl", "text", "parquet")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
TEXT_SUFFIXES = (".txt", ".text", ".md")
#: How much of an oversize record the rejects file keeps.
OVERSIZE_PREFIX = 4096


@dataclass(frozen=True)
class ReadOptions:
    """How to read records; shared by every command."""

    text_field: str = "text"
    id_field: str = "id"
    on_error: str = "fail"
    max_doc_bytes: int | None = None
    format: str = "auto"

    def __post_init__(self) -> None:
        if self.on_error not in ("fail", "skip"):
            raise ConfigError(f"on_error must be 'fail' or 'skip', not {self.on_error!r}")
        if self.format not in FORMATS:
            raise ConfigError(f"format must be one of {', '.join(FORMATS)}, not {self.format!r}")


def format_of(path: str, declared: str = "auto") -> str | None:
    """The reader for a path, from ``declared`` or its suffix; None if unknown."""
    if declared != "auto":
        return declared
    if path == "-":
        return "jsonl"
    name = strip_compression(os.path.basename(path)).lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    if name.endswith(".parquet"):
        return "parquet"
    return None


def expand_inputs(paths: Iterable[str | Path], declared: str = "auto") -> list[str]:
    """Files to read, in a stable order: directories are walked and sorted,
    hidden files skipped, files of unknown type inside directories ignored."""
    out: list[str] = []
    for p in paths:
        p = str(p)
        if p != "-" and os.path.isdir(p):
            found = []
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [
                    os.path.join(root, f)
                    for f in files
                    if not f.startswith(".") and format_of(f, declared) is not None
                ]
            out += sorted(found)
        else:
            if format_of(p, declared) is None:
                raise ConfigError(f"{p}: unknown input format (use --format jsonl|text|parquet)")
            out.append(p)
    return out


def read_documents(
    paths: Iterable[str | Path], options: ReadOptions | None = None, **kwargs
) -> Iterator[Document | Drop]:
    """Every record of every input, in order, as Documents (or Drops when skipping).

    >>> import tempfile, os
    >>> d = tempfile.mkdtemp(); p = os.path.join(d, "a.jsonl")
    >>> _ = open(p, "w").write('{"text": "hi", "url": "u"}\\n')
    >>> [(doc.id.endswith("a.jsonl:1"), doc.text, doc.meta) for doc in read_documents([p])]
    [(True, 'hi', {'url': 'u'})]
    """
    opts = options or ReadOptions(**kwargs)
    for path in expand_inputs(paths, opts.format):
        kind = format_of(path, opts.format)
        reader = {"jsonl": read_jsonl, "text": read_text, "parquet": read_parquet}[kind]  # type: ignore[index]
        try:
            yield from reader(path, opts)
        except InputError as exc:
            if opts.on_error == "fail":
                raise
            yield input_error_drop(exc)


def _unreadable(path: str, exc: OSError) -> InputError:
    return InputError(path, None, "unreadable_file", f"cannot read: {exc.strerror or exc}")


def read_jsonl(path: str, opts: ReadOptions) -> Iterator[Document | Drop]:
    """One Document per non-blank line of a JSON Lines file."""
    display = "stdin" if path == "-" else path
    try:
        fh = open_read(path)
    except OSError as exc:
        raise _unreadable(path, exc) from None
    limit = -1 if opts.max_doc_bytes is None else opts.max_doc_bytes + 2
    with fh:
        lineno = 0
        while True:
            try:
                raw = fh.readline(limit)
                truncated = limit > 0 and len(raw) >= limit and not raw.endswith(b"\n")
                rest = _drain_line(fh) if truncated else 0
            except (OSError, EOFError) as exc:
                raise InputError(
                    path, lineno + 1, "unreadable_file", f"read failed: {exc}"
                ) from None
            if not raw:
                break
            lineno += 1
            content = raw[:-1] if raw.endswith(b"\n") else raw
            yield from _line_outcome(content, len(content) + rest, display, lineno, opts)


def _line_outcome(
    content: bytes, size: int, path: str, lineno: int, opts: ReadOptions
) -> Iterator[Document | Drop]:
    """The outcome of one line (without its newline) of ``size`` bytes, of which
    ``content`` holds at least the first ``max_doc_bytes + 1``."""
    if opts.max_doc_bytes is not None and size > opts.max_doc_bytes:
        error = InputError(
            path,
            lineno,
            "oversize",
            f"record of {size:,} bytes exceeds --max-doc-bytes {opts.max_doc_bytes:,}",
        )
        if opts.on_error == "fail":
            raise error
        yield input_error_drop(error, content[: min(OVERSIZE_PREFIX, opts.max_doc_bytes)], truncated_from=size)
        return
    line = content.rstrip(b"\r")
    if not line.strip():
        return
    try:
        yield _parse_line(line, path, lineno, opts)
    except InputError as exc:
        if opts.on_error == "fail":
            raise
        yield input_error_drop(exc, line)


def _drain_line(fh) -> int:
    """Skip the rest of an oversize line without holding it; return its byte count
    (without the newline)."""
    skipped = 0
    while True:
        piece = fh.readline(1 << 20)
        if not piece:
            return skipped
        if piece.endswith(b"\n"):
            return skipped + len(piece) - 1
        skipped += len(piece)


def _parse_line(line: bytes, path: str, lineno: int, opts: ReadOptions) -> Document:
    try:
        record = orjson.loads(line)  # validates UTF-8 and JSON in one pass
    except orjson.JSONDecodeError:
        record = _parse_slow(line, path, lineno)
    return record_to_document(
        record, opts.text_field, opts.id_field, f"{path}:{lineno}", path, lineno
    )


def _parse_slow(line: bytes, path: str, lineno: int) -> object:
    """Tell invalid UTF-8 from malformed JSON, and accept what only the
    standard library parses (integers beyond 64 bits, NaN, lone surrogates)."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            path, lineno, "invalid_utf8", f"invalid UTF-8 at byte {exc.start}"
        ) from None
    try:
        return loads(text)
    except ValueError as exc:
        raise InputError(path, lineno, "malformed_json", f"malformed JSON: {exc}") from None
    except RecursionError:
        raise InputError(path, lineno, "malformed_json", "JSON nested too deeply") from None


def read_text(path: str, opts: ReadOptions) -> Iterator[Document]:
    """A whole text file as one Document, id = file name without directory or extension."""
    if opts.max_doc_bytes is not None and compression_of(path) is None:
        try:
            size = os.path.getsize(path)
        except OSError as exc:
            raise _unreadable(path, exc) from None
        if size > opts.max_doc_bytes:
            raise InputError(
                path,
                None,
                "oversize",
                f"file of {size:,} bytes exceeds --max-doc-bytes {opts.max_doc_bytes:,}",
            )
    try:
        with open_read(path) as fh:
            raw = fh.read()
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if opts.max_doc_bytes is not None and len(raw) > opts.max_doc_bytes:
        raise InputError(
            path,
            None,
            "oversize",
            f"file of {len(raw):,} bytes exceeds --max-doc-bytes {opts.max_doc_bytes:,}",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise InputError(path, line, "invalid_utf8", f"invalid UTF-8 at byte {exc.start}") from None
    name = strip_compression(os.path.basename(path))
    doc_id = os.path.splitext(name)[0]
    yield Document(doc_id, text, {"source": path})


def read_parquet(path: str, opts: ReadOptions) -> Iterator[Document | Drop]:
    """One Document per row of a Parquet file, read in batches."""
    from .parquet import iter_parquet_records

    for row, record in iter_parquet_records(path):
        try:
            yield record_to_document(
                record, opts.text_field, opts.id_field, f"{path}:{row}", path, row
            )
        except InputError as exc:
            if opts.on_error == "fail":
                raise
            yield input_error_drop(exc)
