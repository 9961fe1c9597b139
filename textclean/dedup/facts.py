"""What the keep policy needs of a document, kept instead of the document.

Deciding a cluster needs each member's id, its text length (``longest``) and
one metadata value (``newest``, ``oldest``, ``quality``), never its text; a
`FactTable` holds those in flat lists so the first pass of ``dedup`` can let
every text go as soon as its signature is computed.

>>> from textclean.document import Document
>>> table = FactTable("date")
>>> table.append(Document("a", "four", {"date": "2020"}))
>>> table[0]
DocFacts(id='a', length=4, meta={'date': '2020'})
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple, overload

from ..document import Document
from .keep import field_value
from .settings import DedupSettings

_NO_META: dict[str, Any] = {}


class DocFacts(NamedTuple):
    """A document as `keep.choose` sees it: id, text length and the compared field."""

    id: str
    length: int
    meta: dict[str, Any]


def compared_field(settings: DedupSettings) -> str | None:
    """The metadata field the keep policy compares, if any."""
    if settings.keep in ("newest", "oldest"):
        return settings.date_field
    if settings.keep == "quality":
        return settings.score_field
    return None


class FactTable(Sequence[DocFacts]):
    """`DocFacts` of a run's documents in input order, stored column by column."""

    def __init__(self, field: str | None = None):
        self.field = field
        self.ids: list[str] = []
        self.lengths = array("q")
        self.values: list[Any] = []

    def append(self, doc: Document) -> None:
        self.ids.append(doc.id)
        self.lengths.append(len(doc.text))
        if self.field is not None:
            self.values.append(field_value(doc, self.field))

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, i: int) -> DocFacts: ...
    @overload
    def __getitem__(self, i: slice) -> list[DocFacts]: ...
    def __getitem__(self, i: int | slice) -> DocFacts | list[DocFacts]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        meta = _NO_META
        if self.field is not None and self.values[i] is not None:
            meta = {self.field: self.values[i]}
        return DocFacts(self.ids[i], self.lengths[i], meta)

    def __iter__(self) -> Iterator[DocFacts]:
        return (self[i] for i in range(len(self)))
