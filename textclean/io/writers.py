"""Writers for kept documents and for rejects, atomic and deterministic."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..document import Document, Drop
from ..errors import ConfigError, PathError
from .files import AtomicOutput, strip_compression
from .records import document_to_record, dumps, rejected_record

OUTPUT_FORMATS = ("auto", "jsonl", "parquet")
#: Names that are written as JSON lines when the format is not declared.
JSONL_OUTPUT_SUFFIXES = (".jsonl", ".ndjson", ".json")


def output_format(path: str, declared: str = "auto") -> str:
    """``jsonl`` or ``parquet``, from ``declared`` or the file name.

    >>> output_format("out.jsonl.zst"), output_format("out.parquet")
    ('jsonl', 'parquet')
    >>> output_format("out.csv")
    Traceback (most recent call last):
    ...
    textclean.errors.PathError: out.csv: cannot tell the output format from the name; ...
    """
    if declared != "auto":
        if declared not in OUTPUT_FORMATS:
            raise ConfigError(f"output format must be jsonl or parquet, not {declared!r}")
        return declared
    if path == "-":
        return "jsonl"
    name = strip_compression(os.path.basename(path)).lower()
    if name.endswith(".parquet"):
        return "parquet"
    if name.endswith(JSONL_OUTPUT_SUFFIXES):
        return "jsonl"
    raise PathError(
        f"{path}: cannot tell the output format from the name; end it in .jsonl "
        "(optionally .gz or .zst) or .parquet, or declare the format"
    )


class DocumentWriter:
    """Writes kept documents to JSONL (plain/gz/zst) or Parquet, atomically.

    Use as a context manager: the file appears only when the block ends
    without an exception.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        text_field: str = "text",
        id_field: str = "id",
        format: str = "auto",
    ):
        self.path = str(path)
        self.text_field = text_field
        self.id_field = id_field
        self.format = output_format(self.path, format)
        self.count = 0
        self._out = AtomicOutput(self.path)
        self._parquet: Any = None
        if self.format == "parquet":
            from .parquet import ParquetRecordWriter

            self._parquet = ParquetRecordWriter(self._out.stream)

    def write_record(self, record: dict[str, Any]) -> None:
        self.count += 1
        if self._parquet is not None:
            self._parquet.write(record)
        else:
            self._out.write(dumps(record))

    def write(self, doc: Document) -> None:
        self.write_record(document_to_record(doc, self.text_field, self.id_field))

    def close(self) -> None:
        if self._parquet is not None:
            self._parquet.close((self.id_field, self.text_field))
        self._out.commit()

    def abort(self) -> None:
        if self._parquet is not None:
            self._parquet.discard()
        self._out.abort()

    def __enter__(self) -> DocumentWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


class RejectsWriter(DocumentWriter):
    """JSONL of dropped records, each with ``textclean.rejected`` = reason, step, detail."""

    def __init__(self, path: str | Path, *, text_field: str = "text", id_field: str = "id"):
        super().__init__(path, text_field=text_field, id_field=id_field, format="jsonl")

    def write_drop(self, drop: Drop) -> None:
        self.write_record(rejected_record(drop, self.text_field, self.id_field))


def default_rejects_path(output: str) -> str:
    """Where rejects go when the user names no file: beside the output."""
    if output == "-":
        return "textclean.rejects.jsonl"
    base = strip_compression(output)
    stem = base[: -len(os.path.splitext(base)[1])] if os.path.splitext(base)[1] else base
    return f"{stem}.rejects.jsonl"
