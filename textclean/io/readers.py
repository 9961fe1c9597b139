"""Readers: JSONL (plain, gz, zst), text files, Parquet, directories, stdin.

Each reader yields a `Document` per record. A record that cannot be read
raises `InputError` naming the file and line, or, with ``on_error="skip"``,
becomes a `Drop` that carries the raw bytes to the rejects file.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from ..document import Document, Drop
from ..errors import ConfigError, InputError, PathError
from .files import disk_position, open_read, strip_compression
from .records import input_error_drop, loads, record_to_document

FORMATS = ("auto", "jsonl", "text", "parquet", "warc", "html")
#: What a run does with a record it cannot read: stop, naming it, or reject it.
ON_ERROR = ("fail", "skip")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm")
#: How much of an oversize record the rejects file keeps.
OVERSIZE_PREFIX = 4096


@dataclass(frozen=True)
class ReadOptions:
    """How to read records; shared by every command.

    Each field's metadata holds its help and, when it takes one of a few
    values, its ``choices``: the command line makes its options from them.
    """

    text_field: str = field(
        default="text", metadata={"help": "Field holding the text in JSONL/Parquet records."}
    )
    id_field: str = field(
        default="id",
        metadata={
            "help": "Field holding the document id (else FILE:LINE, or the file name for .txt)."
        },
    )
    on_error: str = field(
        default="fail",
        metadata={
            "help": (
                "On a bad record: stop with its file and line, or skip it"
                " (to the rejects file where the command writes one)."
            ),
            "choices": ON_ERROR,
        },
    )
    max_doc_bytes: int | None = field(
        default=None,
        metadata={
            "help": "Records larger than this are bad records of reason 'oversize'.",
            "range": (1, None),
        },
    )
    format: str = field(
        default="auto",
        metadata={"help": "Input format; auto decides by file suffix.", "choices": FORMATS},
    )
    #: The input is an earlier part's output of the same run (a Dask pipeline's
    #: segments): its textclean record is this run's. No help: not an option.
    same_run: bool = False

    def __post_init__(self) -> None:
        if self.on_error not in ON_ERROR:
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
    if name.endswith(".warc"):
        return "warc"
    if name.endswith(HTML_SUFFIXES):
        return "html"
    return None


KNOWN_SUFFIXES = (
    "input files end in .jsonl, .ndjson, .json, .txt, .text, .md, .parquet, .warc, "
    ".html or .htm (optionally .gz or .zst), or the format is declared"
)


def expand_inputs(paths: Iterable[str | Path], declared: str = "auto") -> list[str]:
    """Files to read, in a stable order: directories are walked and sorted,
    hidden files skipped, files of unknown type inside directories ignored.

    A directory whose visible files are all of unknown type is an error: its
    files were meant to be read (``.csv``, ``.jsonl.bz2``) and a run that
    reads nothing would look like a clean, empty success. Standard input
    (``-``) may be named once: a second read would find it closed.
    """
    paths = [str(p) for p in paths]
    if paths.count("-") > 1:
        raise PathError(
            f"standard input (-) is named {paths.count('-')} times; it can be read once"
        )
    out: list[str] = []
    for p in paths:
        if p != "-" and not os.path.exists(p):
            raise PathError(f"{p}: no such file or directory")
        if p != "-" and os.path.isdir(p):
            found, unknown = [], []
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in files:
                    if f.startswith("."):
                        continue
                    known = format_of(f, declared) is not None
                    (found if known else unknown).append(os.path.join(root, f))
            if unknown and not found:
                raise PathError(
                    f"{p}: none of its {len(unknown)} file(s) is of a known input format "
                    f"(first: {min(unknown)}); {KNOWN_SUFFIXES}"
                )
            out += sorted(found)
        else:
            if format_of(p, declared) is None:
                raise PathError(f"{p}: unknown input format; {KNOWN_SUFFIXES}")
            out.append(p)
    return out


class FileCursor:
    """Where a reader is in its file: bytes consumed on disk, or the whole file
    once a reader that reads it at once (text, Parquet) has its records."""

    def __init__(self, size: int, offset: int = 0):
        self.size = size
        self.offset = offset  # where the bytes read start in the file (a piece's start)
        self.stream: object = None

    def position(self) -> int:
        if self.stream is None:
            return self.size
        return min(disk_position(self.stream) - self.offset, self.size)  # type: ignore[arg-type]


def input_size(path: str) -> int | None:
    """The size of an input file on disk; None for stdin."""
    if path == "-":
        return None
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def read_documents(
    paths: Iterable[str | Path],
    options: ReadOptions | None = None,
    *,
    on_record: Callable[[int], None] | None = None,
    **kwargs,
) -> Iterator[Document | Drop]:
    """Every record of every input, in order, as Documents (or Drops when skipping).

    ``on_record``, if given, is called before each record is yielded with the
    input bytes (on disk, over all files) read so far: what a progress bar counts.

    >>> import tempfile, os
    >>> d = tempfile.mkdtemp(); p = os.path.join(d, "a.jsonl")
    >>> _ = open(p, "w").write('{"text": "hi", "url": "u"}\\n')
    >>> [(doc.id.endswith("a.jsonl:1"), doc.text, doc.meta) for doc in read_documents([p])]
    [(True, 'hi', {'url': 'u'})]
    """
    opts = options or ReadOptions(**kwargs)
    done = 0
    for path in expand_inputs(paths, opts.format):
        size = input_size(path) or 0
        if on_record is None:
            yield from read_range(path, opts)
        else:
            yield from read_range(path, opts, on_record=lambda at, done=done: on_record(done + at))
        done += size


def read_range(
    path: str,
    opts: ReadOptions,
    start: int = 0,
    end: int | None = None,
    first_line: int = 1,
    *,
    on_record: Callable[[int], None] | None = None,
) -> Iterator[Document | Drop]:
    """The records of one input file, or of bytes ``[start, end)`` of a plain JSON
    Lines file cut at line starts (``first_line`` is the number of the first):
    exactly the records a whole-file read gives for those lines.

    ``on_record`` gets the bytes read so far from ``start``.
    """
    kind = format_of(path, opts.format)
    size = input_size(path) or 0
    whole = start == 0 and end is None
    if not whole and kind != "jsonl":
        raise ValueError(f"only JSON Lines files are read in byte ranges, not {kind}: {path}")
    cursor = FileCursor((size if end is None else end) - start, offset=start)
    try:
        if whole:
            readers = {"jsonl": read_jsonl, "text": read_text, "parquet": read_parquet}
            reader = readers.get(kind) or _html_reader(kind)  # type: ignore[arg-type]
            items = reader(path, opts, cursor)
        else:
            items = read_jsonl(path, opts, cursor, start=start, end=end, first_line=first_line)
        for item in items:
            if on_record is not None:
                on_record(cursor.position())
            yield item
    except InputError as exc:
        if opts.on_error == "fail":
            raise
        if on_record is not None:
            on_record(cursor.size)
        yield input_error_drop(exc)


def _html_reader(kind: str) -> Callable[..., Iterator[Document | Drop]]:
    """The WARC or HTML reader, imported only when such a file is read."""
    from . import html

    return html.read_warc if kind == "warc" else html.read_html


def _unreadable(path: str, exc: OSError) -> InputError:
    return InputError(path, None, "unreadable_file", f"cannot read: {exc.strerror or exc}")


def read_jsonl(
    path: str,
    opts: ReadOptions,
    cursor: FileCursor | None = None,
    *,
    start: int = 0,
    end: int | None = None,
    first_line: int = 1,
) -> Iterator[Document | Drop]:
    """One Document per non-blank line of a JSON Lines file (or of its bytes
    ``[start, end)``, cut at line starts)."""
    display = "stdin" if path == "-" else path
    for content, size, lineno in jsonl_lines(path, opts, cursor, start, end, first_line):
        yield from line_outcome(content, size, display, lineno, opts)


UTF8_BOM = b"\xef\xbb\xbf"


def without_bom(first_line: bytes) -> bytes:
    """The first line of a file without the byte-order mark Windows tools put
    before it: the mark is not part of the record."""
    return first_line[len(UTF8_BOM) :] if first_line.startswith(UTF8_BOM) else first_line


def jsonl_lines(
    path: str,
    opts: ReadOptions,
    cursor: FileCursor | None = None,
    start: int = 0,
    end: int | None = None,
    first_line: int = 1,
) -> Iterator[tuple[bytes, int, int]]:
    """(content, size, line number) of every line, without its newline; of the
    lines in bytes ``[start, end)`` when given (a plain file cut at line starts,
    whose first line is ``first_line``).

    ``content`` holds at least the first ``max_doc_bytes + 1`` bytes of a line
    of ``size`` bytes: an oversize line is never held whole.
    """
    try:
        fh = open_read(path)
        if start:
            fh.seek(start)
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if cursor is not None:
        cursor.stream = fh
    limit = -1 if opts.max_doc_bytes is None else opts.max_doc_bytes + 2
    with fh:
        lineno = first_line - 1
        while end is None or fh.tell() < end:
            try:
                raw = fh.readline(limit)
                truncated = limit > 0 and len(raw) >= limit and not raw.endswith(b"\n")
                rest = _drain_line(fh) if truncated else 0
            except (OSError, EOFError) as exc:
                where = "stdin" if path == "-" else path
                raise InputError(
                    where, lineno + 1, "unreadable_file", f"read failed: {exc}"
                ) from None
            if not raw:
                break
            lineno += 1
            content = raw[:-1] if raw.endswith(b"\n") else raw
            if lineno == 1:
                content = without_bom(content)
            yield content, len(content) + rest, lineno


def line_has_outcome(content: bytes, size: int, opts: ReadOptions) -> bool:
    """Whether `line_outcome` gives this line an outcome (blank lines have none)."""
    oversize = opts.max_doc_bytes is not None and size > opts.max_doc_bytes
    return oversize or not (not content or content.isspace())


def read_jsonl_range(
    path: str, start: int, end: int, first_line: int, opts: ReadOptions
) -> Iterator[Document | Drop]:
    """The records of the JSON lines in bytes ``[start, end)`` of ``path``, numbered
    from ``first_line``: exactly what `read_documents` gives for those lines, so a
    file cut at line starts reads the same in pieces as whole (Dask blocks)."""
    with open(path, "rb") as fh:
        fh.seek(start)
        data = fh.read(end - start)
    pieces = data.split(b"\n")
    if pieces and pieces[-1] == b"":
        pieces.pop()  # the range ends with a newline
    if start == 0 and pieces:
        pieces[0] = without_bom(pieces[0])
    for offset, content in enumerate(pieces):
        yield from line_outcome(content, len(content), path, first_line + offset, opts)


def line_outcome(
    content: bytes, size: int, path: str, lineno: int, opts: ReadOptions
) -> Iterator[Document | Drop]:
    """The outcome of one line (without its newline) of ``size`` bytes, of which
    ``content`` holds at least the first ``max_doc_bytes + 1``."""
    if opts.max_doc_bytes is not None and size > opts.max_doc_bytes:
        error = InputError(
            path,
            lineno,
            "oversize",
            f"record of {size:,} bytes exceeds the limit of {opts.max_doc_bytes:,} bytes",
        )
        if opts.on_error == "fail":
            raise error
        yield input_error_drop(
            error, content[: min(OVERSIZE_PREFIX, opts.max_doc_bytes)], truncated_from=size
        )
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
        record, opts.text_field, opts.id_field, f"{path}:{lineno}", path, lineno, opts.same_run
    )


#: Said of a first line that opens a JSON array: the whole file is one document
#: of JSON, where each line should be one.
JSON_ARRAY = "; the file looks like one JSON array, but input is JSON Lines: one object per line"


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
        array = JSON_ARRAY if lineno == 1 and text.lstrip("\ufeff \t").startswith("[") else ""
        raise InputError(path, lineno, "malformed_json", f"malformed JSON: {exc}{array}") from None
    except RecursionError:
        raise InputError(path, lineno, "malformed_json", "JSON nested too deeply") from None


def read_text(
    path: str, opts: ReadOptions, cursor: FileCursor | None = None
) -> Iterator[Document | Drop]:
    """A whole text file as one Document, id = file name without directory or extension.

    A file that cannot be a document (over the size limit, not UTF-8) fails the
    run under ``on_error="fail"``; otherwise it becomes a rejected record that
    keeps its bytes (a prefix when oversize), so nothing is lost.
    """
    limit = opts.max_doc_bytes
    try:
        with open_read(path) as fh:
            raw = fh.read() if limit is None else fh.read(limit + 1)
            size = len(raw) if limit is None or len(raw) <= limit else len(raw) + _drain(fh)
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if limit is not None and size > limit:
        error = InputError(
            path, None, "oversize", f"file of {size:,} bytes exceeds the limit of {limit:,} bytes"
        )
        if opts.on_error == "fail":
            raise error
        yield input_error_drop(error, raw[: min(OVERSIZE_PREFIX, limit)], truncated_from=size)
        return
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        error = InputError(path, line, "invalid_utf8", f"invalid UTF-8 at byte {exc.start}")
        if opts.on_error == "fail":
            raise error from None
        yield input_error_drop(error, raw)
        return
    name = strip_compression(os.path.basename(path))
    doc_id = os.path.splitext(name)[0]
    yield Document(doc_id, text, {"source": path})


def _drain(fh, chunk: int = 1 << 20) -> int:
    """Read a stream to its end in bounded pieces; how many bytes that was."""
    total = 0
    while block := fh.read(chunk):
        total += len(block)
    return total


def read_parquet(
    path: str, opts: ReadOptions, cursor: FileCursor | None = None
) -> Iterator[Document | Drop]:
    """One Document per row of a Parquet file, read in batches. A text column of
    binary values is read as UTF-8; a row whose value is not UTF-8 is an
    ``invalid_utf8`` reject holding the row as JSON and the value's bytes
    (``text_base64``)."""
    from .parquet import iter_parquet_records

    for row, record in iter_parquet_records(path):
        raw = None
        try:
            text = record.get(opts.text_field) if isinstance(record, dict) else None
            if isinstance(text, bytes):  # a binary column: text if it is UTF-8
                raw = text
                try:
                    record = {**record, opts.text_field: text.decode("utf-8")}
                except UnicodeDecodeError as exc:
                    raise InputError(
                        path, row, "invalid_utf8", f"invalid UTF-8 at byte {exc.start}"
                    ) from None
            yield record_to_document(
                record, opts.text_field, opts.id_field, f"{path}:{row}", path, row, opts.same_run
            )
        except InputError as exc:
            if opts.on_error == "fail":
                raise
            drop = input_error_drop(exc, _row_bytes(record))
            if raw is not None and drop.doc is not None:  # the text's own bytes, recoverable
                drop.doc.meta["text_base64"] = base64.b64encode(raw).decode("ascii")
            yield drop


def _row_bytes(record: dict) -> bytes:
    """A Parquet row as JSON, for the rejects file; values JSON has no type for
    (bytes, decimals) are written as their ``repr``."""
    return orjson.dumps(record, default=repr, option=orjson.OPT_NON_STR_KEYS)
