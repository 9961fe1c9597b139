"""Documents read once, then again: the input of a stage that decides before it writes.

``dedup`` reads its input twice: once to compute signatures, once to write each
document's fate. A list is simply read again; any other iterable (a
generator over files, stdin) is copied into a compressed `Spool` as it is read
the first time, so memory holds the signatures and not the texts.

>>> from textclean.document import Document
>>> with Replay(iter([Document("a", "x")])) as docs:
...     [d.id for d in docs.first()], [d.id for d in docs.again()]
(['a'], ['a'])
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from types import TracebackType

from ..document import Document
from ..io.spool import Spool


class Replay:
    """``first()`` reads the input (spooling it unless it is a sequence); ``again()`` rereads it."""

    def __init__(self, docs: Iterable[Document], dir: str | None = None):
        self._docs = docs
        self._dir = dir
        self._spool: Spool | None = None
        self._read = False

    def first(self) -> Iterator[Document]:
        """The documents, in input order; once only."""
        if self._read:
            raise RuntimeError("first() reads the input once; use again()")
        self._read = True
        if isinstance(self._docs, Sequence):
            yield from self._docs
            return
        self._spool = Spool(self._dir)
        for doc in self._docs:
            self._spool.write(doc)
            yield doc
        self._spool.finish()

    def again(self) -> Iterator[Document]:
        """The same documents once more, after `first` was read to its end."""
        if isinstance(self._docs, Sequence):
            return iter(self._docs)
        if self._spool is None:
            raise RuntimeError("again() comes after first()")
        return self._spool.read()

    def close(self) -> None:
        if self._spool is not None:
            self._spool.close()
            self._spool = None

    def __enter__(self) -> Replay:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
