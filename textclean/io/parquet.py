"""Parquet input and output (the ``parquet`` extra: pyarrow).

Input rows become records with every column kept. On output, textclean's
own metadata (``textclean``) is stored as a JSON string column, because its
keys vary from document to document and Parquet needs one schema per file.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import orjson

from ..document import META_KEY
from ..errors import InputError, MissingDependency

BATCH_ROWS = 1024


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise MissingDependency("Parquet input and output", "pyarrow", "parquet") from None
    return pyarrow


def iter_parquet_records(path: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(row number from 1, record) for every row, a batch at a time."""
    pa = _pyarrow()
    try:
        pf = pa.parquet.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        raise InputError(
            path, None, "unreadable_file", f"not a readable Parquet file: {exc}"
        ) from None
    row = 0
    for batch in pf.iter_batches(batch_size=BATCH_ROWS):
        for record in batch.to_pylist():
            row += 1
            if record.get(META_KEY, "") is None:
                del record[META_KEY]
            elif isinstance(record.get(META_KEY), str):
                try:
                    record[META_KEY] = orjson.loads(record[META_KEY])
                except orjson.JSONDecodeError:
                    pass
            yield row, record


class ParquetRecordWriter:
    """Buffers records and writes them as row groups of one Parquet file."""

    def __init__(self, stream: Any, row_group: int = 8192):
        self._pa = _pyarrow()
        self._stream = stream
        self._rows: list[dict[str, Any]] = []
        self._row_group = row_group
        self._writer: Any = None

    def write(self, record: dict[str, Any]) -> None:
        if META_KEY in record and not isinstance(record[META_KEY], str):
            record = dict(record)
            record[META_KEY] = orjson.dumps(record[META_KEY]).decode("utf-8")
        self._rows.append(record)
        if len(self._rows) >= self._row_group:
            self._flush()

    def _flush(self) -> None:
        if not self._rows:
            return
        pa = self._pa
        if self._writer is None:
            table = pa.Table.from_pylist(self._rows)
            self._writer = pa.parquet.ParquetWriter(self._stream, table.schema)
        else:
            table = pa.Table.from_pylist(self._rows, schema=self._writer.schema)
        self._writer.write_table(table)
        self._rows = []

    def close(self, empty_columns: tuple[str, ...] = ("id", "text")) -> None:
        self._flush()
        if self._writer is None:  # no rows: still a valid Parquet file
            pa = self._pa
            schema = pa.schema([(name, pa.string()) for name in empty_columns])
            self._writer = pa.parquet.ParquetWriter(self._stream, schema)
        self._writer.close()
