"""Turning input records into Documents and back, keeping every field."""

from __future__ import annotations

import base64
import json
from typing import Any

import orjson

from ..document import META_KEY, Document, Drop, keep_earlier_runs_apart
from ..errors import InputError


def record_to_document(
    record: Any,
    text_field: str,
    id_field: str,
    where: str,
    path: str,
    line: int | None,
    same_run: bool = False,
) -> Document:
    """A Document from one parsed record; raises `InputError` for a bad record.

    What an earlier run recorded about its own work is kept apart
    (`keep_earlier_runs_apart`), unless the record is ``same_run``'s: an
    earlier part of this run wrote it.
    """
    if not isinstance(record, dict):
        array = "; input is JSON Lines: one object per line" if isinstance(record, list) else ""
        raise InputError(
            path,
            line,
            "not_an_object",
            f"expected a JSON object, got {type(record).__name__}{array}",
        )
    if text_field not in record:
        raise InputError(path, line, "missing_text", f"no {text_field!r} field")
    text = record[text_field]
    if not isinstance(text, str):
        raise InputError(
            path,
            line,
            "text_not_string",
            f"field {text_field!r} is {type(text).__name__}, not a string",
        )
    doc_id = record.get(id_field)
    meta = {k: v for k, v in record.items() if k != text_field}
    own = meta.get(META_KEY, {})
    if own is None:  # a table written with a column for every field holds null here
        del meta[META_KEY]
    elif not isinstance(own, dict):
        raise InputError(
            path,
            line,
            "textclean_not_object",
            f"field {META_KEY!r} holds textclean's own record and must be an object, "
            f"not {type(own).__name__}",
        )
    if not same_run:
        meta = keep_earlier_runs_apart(meta)
    return Document(where if doc_id is None else id_text(doc_id), text, meta)


def id_text(value: object) -> str:
    """An input id as the string that names it: a string as it is, another JSON
    value as JSON spells it (``true``, ``{"a":1}``), so a user can name it as the input shows it.

    >>> id_text("a"), id_text(7), id_text(1.5), id_text(True), id_text({"a": 1})
    ('a', '7', '1.5', 'true', '{"a":1}')
    """
    if isinstance(value, str):
        return value
    try:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return str(value)  # a Parquet value JSON has no spelling for (a timestamp)


def document_to_record(doc: Document, text_field: str, id_field: str) -> dict[str, Any]:
    """The output record: every input field, the id, the (cleaned) text."""
    record: dict[str, Any] = {} if id_field in doc.meta else {id_field: doc.id}
    record.update(doc.meta)
    record[text_field] = doc.text
    return record


def input_error_drop(
    error: InputError, raw: bytes | None = None, truncated_from: int | None = None
) -> Drop:
    """A Drop standing for a record that could not be read, raw bytes kept.

    For an oversize record only a prefix is kept (``truncated_from`` is its
    full size), so memory stays bounded whatever the input holds.
    """
    meta: dict[str, Any] = {}
    if truncated_from is not None:
        meta["raw_bytes"] = truncated_from
        meta["raw_truncated"] = True
    if raw is not None:
        try:
            meta["raw"] = raw.decode("utf-8")
        except UnicodeDecodeError:
            if truncated_from is not None:  # the cut may split a character
                meta["raw"] = raw.decode("utf-8", "ignore")
            else:
                meta["raw_base64"] = base64.b64encode(raw).decode("ascii")
    return Drop(error.reason, str(error), "read", Document(error.location, "", meta))


def dumps(record: dict[str, Any]) -> bytes:
    """One JSON line. Fast path with orjson; exotic values fall back to json.

    Output is deterministic: the same record always gives the same bytes.
    """
    try:
        return orjson.dumps(record) + b"\n"
    except (TypeError, orjson.JSONEncodeError):
        try:
            return (
                json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
                + b"\n"
            )
        except UnicodeEncodeError:  # lone surrogates: keep them as \\u escapes
            return (
                json.dumps(record, ensure_ascii=True, separators=(",", ":")).encode("ascii") + b"\n"
            )


def loads(text: str) -> Any:
    """Parse one JSON value; orjson first, the standard library for what it refuses
    (integers beyond 64 bits, NaN, lone surrogate escapes)."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def rejected_record(drop: Drop, text_field: str, id_field: str) -> dict[str, Any]:
    """What the rejects file holds for one drop: the record plus why it left."""
    doc = drop.doc if drop.doc is not None else Document("?", "")
    info = {"reason": drop.reason, "step": drop.step, "detail": drop.detail}
    if drop.step == "read":
        record: dict[str, Any] = {id_field: doc.id}
        record.update(doc.meta)
    else:
        record = document_to_record(doc, text_field, id_field)
    tc = dict(record.get(META_KEY, {})) if isinstance(record.get(META_KEY), dict) else {}
    tc["rejected"] = info
    record[META_KEY] = tc
    return record
