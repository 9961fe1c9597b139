"""Watching document ids as they are read: duplicates and ids that are not strings.

Ids name documents in the rejects file, in dedup clusters and in
``textclean explain``'s id choice, so two documents with one id, or an id that is a number
in the input (kept as it came in the output records, a string in those names), are worth a
warning. The check
keeps 8 bytes per document (a 64-bit hash of each id) and warns once, at the
end of the stream, with `TextcleanWarning`.
"""

from __future__ import annotations

import warnings
from array import array
from collections.abc import Iterable, Iterator

import xxhash

from ..document import Document, Drop
from ..errors import TextcleanWarning
from .records import id_text


class IdCheck:
    """Counts duplicate and non-string ids over one or more streams.

    >>> from textclean.document import Document
    >>> check = IdCheck()
    >>> docs = [Document("a", "x"), Document("a", "y"), Document("7", "z", {"id": 7})]
    >>> _ = list(check.watch(docs))
    >>> for message in check.messages(): print(message)
    1 document has an id seen before (first: 'a'); ids should be unique
    1 document has a non-string id (first: 7): kept as it came in the output,
    named '7' in clusters and reports
    """

    def __init__(self, id_field: str = "id"):
        self.id_field = id_field
        self._hashes = array("Q")
        self._seen: set[str] = set()
        self.duplicates = 0
        self.first_duplicate: str | None = None
        self.non_string = 0
        self.first_non_string: object = None

    def watch(self, stream: Iterable[Document | Drop]) -> Iterator[Document | Drop]:
        for item in stream:
            if isinstance(item, Document):
                self._add(item)
            yield item

    def _add(self, doc: Document) -> None:
        self.add(doc.id, doc.meta.get(self.id_field))

    def add(self, doc_id: str, raw: object = None) -> None:
        """One document's id, and its input value (``raw``) when it was not a string."""
        if raw is not None and not isinstance(raw, str):
            self.non_string += 1
            if self.first_non_string is None:
                self.first_non_string = raw
        if self.first_duplicate is None:
            # exact until the first duplicate is named; hashes count the rest
            if doc_id in self._seen:
                self.first_duplicate = doc_id
            self._seen.add(doc_id)
            if len(self._seen) > 100_000:
                self._seen.clear()
        self._hashes.append(xxhash.xxh64_intdigest(doc_id.encode("utf-8", "surrogatepass")))

    def count_duplicates(self) -> int:
        import numpy as np

        hashes = np.frombuffer(self._hashes, dtype=np.uint64)
        self.duplicates = int(len(hashes) - len(np.unique(hashes))) if len(hashes) else 0
        return self.duplicates

    def messages(self) -> list[str]:
        out = []
        dups = self.count_duplicates()
        if dups:
            first = f" (first: {self.first_duplicate!r})" if self.first_duplicate else ""
            out.append(
                f"{dups:,} document{' has' if dups == 1 else 's have'} an id seen before"
                f"{first}; ids should be unique"
            )
        if self.non_string:
            n = self.non_string
            out.append(
                f"{n:,} document{' has' if n == 1 else 's have'} a non-string id "
                f"(first: {self.first_non_string!r}): kept as it came in the output, "
                f"named {id_text(self.first_non_string)!r} in clusters and reports"
            )
        return out

    def warn(self) -> None:
        for message in self.messages():
            warnings.warn(message, TextcleanWarning, stacklevel=2)


def check_ids(stream: Iterable[Document | Drop], id_field: str = "id") -> Iterator[Document | Drop]:
    """``stream`` unchanged; warns at its end about duplicate and non-string ids."""
    check = IdCheck(id_field)
    yield from check.watch(stream)
    check.warn()


def no_such_ids(missing: Iterable[str], read: int, id_field: str = "id") -> str:
    """What to say when ids asked for are not among the ``read`` records, and where ids
    come from.

    >>> no_such_ids(["x"], 3)
    "no document with id 'x' in 3 record(s) read (ids come from the 'id' field, else FILE:LINE; a text file's is its name)"
    """
    return (
        f"no document with id {', '.join(repr(m) for m in missing)} in {read:,} record(s) "
        f"read (ids come from the {id_field!r} field, else FILE:LINE; a text file's is its name)"
    )
