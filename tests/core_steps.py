"""Small steps for testing the pipeline machinery (importable by worker processes)."""

from __future__ import annotations

from dataclasses import dataclass, field

from textclean import Change, Document, Drop, Filter, TextStep


def upper(doc: Document) -> Document:
    return doc.with_text(doc.text.upper())


def drop_empty(doc: Document) -> Document | Drop:
    return doc if doc.text.strip() else Drop("empty", "no visible text")


def collapse_spaces(doc: Document) -> Document:
    return doc.with_text(" ".join(doc.text.split()))


def returns_garbage(doc: Document) -> str:
    return "not a document"


@dataclass(frozen=True)
class StripDigits(TextStep):
    """Removes digits, recording each removal."""

    name = "strip_digits"

    def edit(self, text: str) -> tuple[str, list[Change]]:
        changes = [
            Change("digit", i, i + 1, ch, "", "digits are noise here")
            for i, ch in enumerate(text)
            if ch.isdigit()
        ]
        return "".join(ch for ch in text if not ch.isdigit()), changes


@dataclass(frozen=True)
class MinLength(Filter):
    """Drops documents shorter than ``min_chars``."""

    name = "min_length"
    min_chars: int = field(default=3, metadata={"help": "minimum characters"})

    def measure(self, doc: Document) -> tuple[dict, Drop | None]:
        n = len(doc.text)
        return {"chars": n}, (
            Drop("too_short", f"{n} < {self.min_chars}") if n < self.min_chars else None
        )


class DropOdd:
    """A stage that drops every other document it sees."""

    name = "drop_odd"

    def pipe(self, docs):
        for i, doc in enumerate(docs):
            yield Drop("odd", doc=doc) if i % 2 else doc


def catastrophic(doc: Document) -> Document:
    """A step whose pattern explodes on runs of 'a' (to test timeouts)."""
    from textclean.patterns import Pattern

    Pattern(r"(a|aa)+$", step="catastrophic", timeout=0.05).search(doc.text)
    return doc


class DropAll:
    """A stage that drops every document (it yields only drops)."""

    name = "drop_all"

    def pipe(self, docs):
        for doc in docs:
            yield Drop("all", doc=doc)


class YieldNothing:
    """A stage that reads everything and yields nothing (a broken stage)."""

    name = "yield_nothing"

    def pipe(self, docs):
        for _ in docs:
            pass
        return iter(())


class StopsEarly:
    """A stage that stops reading after one document (a broken stage)."""

    name = "stops_early"

    def pipe(self, docs):
        for doc in docs:
            yield doc
            return
