"""Values the strategies draw: dirty text together with the truth about it.

A test of a cleaning step needs two things a scraped page never gives: the
text as it was before it was damaged, and where the damage is. Every strategy
in `textclean.testing` draws one of these values, so a property can compare a
step's output with the truth instead of with another step's opinion.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled stretch ``text[start:end]`` of the dirty text.

    >>> Span(0, 5, "share").of("Share this")
    'Share'
    """

    start: int
    end: int
    label: str

    def of(self, text: str) -> str:
        """The characters this span covers in ``text``."""
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Dirty:
    """Damaged text, the clean original it was made from, and what was done.

    ``spans`` label stretches of ``text`` (inserted boilerplate, spun
    phrases); ``facts`` holds numbers a test may compare with (an edit rate,
    a true Jaccard similarity, the encoding used).

    >>> d = Dirty("cafÃ©", "café", facts={"encoding": "cp1252"})
    >>> d.changed, d.facts["encoding"]
    (True, 'cp1252')
    """

    text: str
    clean: str
    spans: tuple[Span, ...] = ()
    facts: Mapping[str, Any] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        """False when the damage happened to leave the text as it was."""
        return self.text != self.clean

    def labelled(self, label: str) -> list[str]:
        """The stretches of ``text`` carrying ``label``."""
        return [s.of(self.text) for s in self.spans if s.label == label]


@dataclass(frozen=True, slots=True)
class Occurrence:
    """Where a passage sits: document index and character offsets in its text."""

    doc: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Pasted:
    """Documents into several of which one passage was pasted.

    ``occurrences`` are in document order, one per document that received
    the passage, with exact offsets: ``texts[o.doc][o.start:o.end] == passage``.
    """

    texts: tuple[str, ...]
    passage: str
    occurrences: tuple[Occurrence, ...]

    @property
    def docs(self) -> tuple[int, ...]:
        """Indexes of the documents holding the passage."""
        return tuple(o.doc for o in self.occurrences)
