"""Parquet input and output (the ``parquet`` extra: pyarrow).

Input rows become records with every column kept. On output, textclean's
own metadata (``textclean``) is stored as a JSON string column, because its
keys vary from document to document and Parquet needs one schema per file;
every other field is kept whatever record it first appears in
(`ParquetRecordWriter`).
"""

from __future__ import annotations

import json
import tempfile
import warnings
from collections.abc import Iterator
from typing import Any

import orjson

from ..document import META_KEY
from ..errors import InputError, MissingDependency, TextcleanWarning

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
    """Writes records as one Parquet file whose schema holds every field of every record.

    A Parquet file has one schema, but records differ: a field missing from
    the first records, a number that is an integer here and a fraction there,
    a nested object whose keys vary. Records are spooled to a temporary file
    a row group at a time, each group's schema is inferred, and on `close`
    the schemas are unified (integers widen to floats, missing fields and
    nested keys become nulls) before the groups are written. A field whose
    values cannot share one type (text in one record, a number in another)
    is written as text, its non-text values as JSON, with a warning naming it.
    """

    def __init__(self, stream: Any, row_group: int = 8192):
        self._pa = _pyarrow()
        self._stream = stream
        self._rows: list[dict[str, Any]] = []
        self._row_group = row_group
        self._spool: Any = None
        self._groups: list[tuple[int, Any]] = []  # rows and inferred schema of each group
        self._as_text: set[str] = set()  # fields written as text

    def write(self, record: dict[str, Any]) -> None:
        if META_KEY in record and not isinstance(record[META_KEY], str):
            record = dict(record)
            record[META_KEY] = orjson.dumps(record[META_KEY]).decode("utf-8")
        self._rows.append(record)
        if len(self._rows) >= self._row_group:
            self._spool_rows()

    def _spool_rows(self) -> None:
        if not self._rows:
            return
        if self._spool is None:
            self._spool = tempfile.TemporaryFile(prefix="textclean-parquet-")
        rows = [self._texted(r) for r in self._rows]
        schema = self._schema_of(rows)
        self._spool.writelines(_json_line(r) for r in rows)
        self._groups.append((len(rows), schema))
        self._rows = []

    def _schema_of(self, rows: list[dict[str, Any]]) -> Any:
        """The inferred schema of ``rows``; fields whose values share no type become text."""
        pa = self._pa
        try:  # a struct array's type has every key of every row, not the first row's
            return pa.schema(list(pa.array(rows).type))
        except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError):
            pass
        for name in dict.fromkeys(k for r in rows for k in r):
            try:
                pa.array([r.get(name) for r in rows])
            except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError):
                self._text_field(name, rows)
        return pa.schema(list(pa.array(rows).type))

    def _text_field(self, name: str, rows: list[dict[str, Any]]) -> None:
        if name not in self._as_text:
            self._as_text.add(name)
            warnings.warn(
                f"Parquet output: field {name!r} holds values of different types; "
                "it is written as text (values that are not text as JSON)",
                TextcleanWarning,
                stacklevel=2,
            )
        for r in rows:
            if name in r:
                r[name] = _text(r[name])

    def _texted(self, record: dict[str, Any]) -> dict[str, Any]:
        if not self._as_text.intersection(record):
            return record
        return {k: _text(v) if k in self._as_text else v for k, v in record.items()}

    def _unified(self) -> Any:
        """One schema for every group, turning fields no promotion can join into text."""
        pa = self._pa
        while True:
            schemas = [self._with_text(schema) for _, schema in self._groups]
            try:
                return pa.unify_schemas(schemas, promote_options="permissive")
            except (pa.ArrowInvalid, pa.ArrowTypeError):
                pass
            clash = None
            for name in dict.fromkeys(f.name for schema in schemas for f in schema):
                fields = [pa.schema([s.field(name)]) for s in schemas if name in s.names]
                try:
                    pa.unify_schemas(fields, promote_options="permissive")
                except (pa.ArrowInvalid, pa.ArrowTypeError):
                    clash = name
                    break
            if clash is None:  # no single field explains it: give up as pyarrow does
                return pa.unify_schemas(schemas, promote_options="permissive")
            self._text_field(clash, [])

    def _with_text(self, schema: Any) -> Any:
        pa = self._pa
        for name in self._as_text.intersection(schema.names):
            schema = schema.set(schema.get_field_index(name), pa.field(name, pa.string()))
        return schema

    def close(self, empty_columns: tuple[str, ...] = ("id", "text")) -> None:
        pa = self._pa
        self._spool_rows()
        if not self._groups:  # no rows: still a valid Parquet file
            schema = pa.schema([(name, pa.string()) for name in empty_columns])
            pa.parquet.ParquetWriter(self._stream, schema).close()
            return
        schema = self._unified()
        writer = pa.parquet.ParquetWriter(self._stream, schema)
        self._spool.seek(0)
        for count, _ in self._groups:
            rows = [self._texted(_json_record(self._spool.readline())) for _ in range(count)]
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
        writer.close()
        self.discard()

    def discard(self) -> None:
        """Remove the spool (a failed run, or after `close`)."""
        if self._spool is not None:
            self._spool.close()
            self._spool = None


def _text(value: Any) -> Any:
    """A value of a text column: text and nulls as they are, anything else as JSON."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _json_line(record: dict[str, Any]) -> bytes:
    # The standard library keeps NaN and infinities, which orjson would turn to null.
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def _json_record(line: bytes) -> dict[str, Any]:
    return json.loads(line)
