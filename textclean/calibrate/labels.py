"""Labels: what a labelled sample says should be kept or dropped."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..document import Document
from ..errors import TextcleanError

KEEP = ("keep", "content", "distinct", "1", "true")
DROP = ("drop", "furniture", "duplicate", "0", "false")
Label = str | Callable[[Document], Any]


class SampleError(TextcleanError):
    """A labelled sample that cannot be fitted: a record without a usable label, one class only."""


def is_drop(value: Any, where: str) -> bool:
    """True for a drop label, False for keep; anything else names the culprit.

    >>> is_drop("drop", "a"), is_drop(1, "a"), is_drop("duplicate", "a")
    (True, False, True)
    """
    word = str(value).strip().casefold()
    if word in DROP:
        return True
    if word in KEEP:
        return False
    raise SampleError(
        f"{where}: label {value!r} is neither keep nor drop; use keep/drop "
        f"(or {'/'.join(KEEP[1:3])} and {'/'.join(DROP[1:3])}, or 1/0 with 1 = keep)"
    )


def label_of(doc: Document, label: Label) -> Any:
    """The raw label of ``doc``: a field of its record, or what a function returns."""
    if callable(label):
        return label(doc)
    if label not in doc.meta:
        raise SampleError(
            f"{doc.id}: no {label!r} field; every sample record needs a keep/drop label "
            "(name the label field)"
        )
    return doc.meta[label]


def field_text(doc: Document, name: str) -> str:
    """The text in field ``name``: the record's own field, else the document text."""
    value = doc.meta.get(name, doc.text)
    if not isinstance(value, str):
        raise SampleError(f"{doc.id}: field {name!r} holds {type(value).__name__}, not text")
    return value
