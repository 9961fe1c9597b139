"""Readers and writers: JSONL (plain, gz, zst), text files, Parquet, rejects."""

from .files import AtomicOutput, open_read
from .ids import IdCheck, check_ids
from .paths import check_paths
from .readers import ReadOptions, expand_inputs, read_documents, read_jsonl_range
from .records import document_to_record, record_to_document
from .writers import DocumentWriter, RejectsWriter, default_rejects_path

__all__ = [
    "AtomicOutput",
    "DocumentWriter",
    "ReadOptions",
    "IdCheck",
    "RejectsWriter",
    "check_ids",
    "check_paths",
    "default_rejects_path",
    "document_to_record",
    "expand_inputs",
    "open_read",
    "read_documents",
    "read_jsonl_range",
    "record_to_document",
]


def open_writer(
    path: str, *, text_field: str = "text", id_field: str = "id", format: str = "auto"
) -> DocumentWriter:
    """A `DocumentWriter` for ``path`` (``-`` for stdout)."""
    return DocumentWriter(path, text_field=text_field, id_field=id_field, format=format)
