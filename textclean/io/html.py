"""WARC and HTML input (the ``html`` extra): crawl records become documents.

A WARC file's ``response`` records with an HTML payload become documents
whose text is the page's main text, extracted by trafilatura, and whose
``meta`` keeps ``url``, ``warc_date`` and ``warc_record_id``. The records
are read by fastwarc (``.warc``, or ``.warc.gz`` decompressed on the way
in). Other record types (requests, metadata, warcinfo) are not documents
and are passed over; a response whose payload is not HTML (an image, a PDF,
JSON) is dropped as ``not_html``, so it is counted in the summary and the
rejects file. An ``.html`` or ``.htm`` file is one document, its id the file
name as for text files. docs/input.md says why trafilatura and not
resiliparse, with the measurements.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from ..document import Document, Drop
from ..errors import InputError, MissingDependency
from .files import open_read, strip_compression

FEATURE = "WARC and HTML input"
HTML_TYPES = ("text/html", "application/xhtml+xml")
NOT_HTML = "not_html"


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError:
        raise MissingDependency(FEATURE, "trafilatura", "html") from None
    return trafilatura


def _fastwarc() -> Any:
    try:
        import fastwarc
    except ImportError:
        raise MissingDependency(FEATURE, "fastwarc", "html") from None
    return fastwarc


def extract_text(html: str | bytes, url: str | None = None) -> str:
    """The main text of an HTML page: article paragraphs, no menus or footers.

    Bytes are decoded by the page's own declaration or by detection. A page
    with nothing extractable gives ``""``, which the pipeline drops as ``empty``.
    """
    text = _trafilatura().extract(
        html, url=url, include_comments=False, include_tables=True, deduplicate=False
    )
    return text or ""


def is_html(content_type: str | None) -> bool:
    """True for an HTML media type, whatever its parameters.

    >>> is_html("text/html; charset=UTF-8"), is_html("image/png"), is_html(None)
    (True, False, False)
    """
    if not content_type:
        return False
    return content_type.split(";", 1)[0].strip().lower() in HTML_TYPES


def read_html(path: str, opts: Any, cursor: Any = None) -> Iterator[Document]:
    """One document per HTML file, its id the file name without extension."""
    _trafilatura()
    try:
        with open_read(path) as fh:
            raw = fh.read()
    except OSError as exc:
        raise InputError(path, None, "unreadable_file", f"cannot read: {exc}") from None
    if opts.max_doc_bytes is not None and len(raw) > opts.max_doc_bytes:
        raise InputError(
            path, None, "oversize", f"file of {len(raw):,} bytes exceeds {opts.max_doc_bytes:,}"
        )
    name = strip_compression(os.path.basename(path))
    yield Document(os.path.splitext(name)[0], extract_text(raw), {"source": path})


def read_warc(path: str, opts: Any, cursor: Any = None) -> Iterator[Document | Drop]:
    """One document per HTML response record; other responses dropped as ``not_html``."""
    _trafilatura()
    _fastwarc()
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    try:
        fh = open_read(path)
    except OSError as exc:
        raise InputError(path, None, "unreadable_file", f"cannot read: {exc}") from None
    if cursor is not None:
        cursor.stream = fh
    with fh:
        try:
            records = ArchiveIterator(
                fh, record_types=WarcRecordType.response, parse_http=True, auto_decode="all"
            )
            for n, record in enumerate(records, 1):
                yield _record_outcome(record, path, n, opts)
        except (OSError, EOFError, ValueError) as exc:
            raise InputError(path, None, "unreadable_file", f"not a readable WARC: {exc}") from None


def _record_outcome(record: Any, path: str, n: int, opts: Any) -> Document | Drop:
    headers = record.headers
    record_id = headers.get("WARC-Record-ID", "") or f"{path}:{n}"
    meta = {
        "url": headers.get("WARC-Target-URI", ""),
        "warc_date": headers.get("WARC-Date", ""),
        "warc_record_id": record_id,
    }
    doc_id = record_id.strip("<>")
    content_type = record.http_headers.get("Content-Type") if record.http_headers else None
    if not is_html(content_type):
        detail = f"{path} record {n}: content type {content_type or 'missing'}, not HTML"
        shell = Document(doc_id, "", {**meta, "content_type": content_type or ""})
        return Drop(NOT_HTML, detail, "read", shell)
    body = record.reader.read()
    if opts.max_doc_bytes is not None and len(body) > opts.max_doc_bytes:
        error = InputError(
            path, n, "oversize", f"record of {len(body):,} bytes exceeds {opts.max_doc_bytes:,}"
        )
        if opts.on_error == "fail":
            raise error
        return Drop(error.reason, str(error), "read", Document(doc_id, "", meta))
    return Document(doc_id, extract_text(body, meta["url"] or None), meta)
