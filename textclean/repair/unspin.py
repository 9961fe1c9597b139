"""Repair from the unspun twin: a spun copy takes back its source's wording.

Where a corpus holds both a text and a spun copy of it, the copy need not be
guessed back phrase by phrase: spin-robust dedup finds the pair, the two are
aligned word by word (`textclean.dedup.spin_align`), and every *swap*
between anchors (a gap of the spinner's replaceable words, or a same-length
swap of plain words) is replaced by the source's wording. Each edit is a
replayable `Change` with reason ``twin:<source id>``. Edits (another lead,
another name, a number) are left as the copy has them, and a document that
is not the more spun of a pair, or has no twin, is passed through as it is.

>>> source = "Police in Ohio said the new study of 42 children was important."
>>> spun = "Police in Ohio said the new investigation of 42 young ones was significant."
>>> restore_from_twin(spun, source, "a")[0]
'Police in Ohio said the new study of 42 children was important.'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..changes import Change, apply_changes
from ..document import Document, Drop
from ..errors import ConfigError
from ..registry import register
from ..runner import record_changes
from ..steps import Stage

KIND = "unspin"


def restore_from_twin(text: str, source: str, source_id: str) -> tuple[str, list[Change]]:
    """``text`` with every swap against ``source`` undone, and the edits (reason ``twin:<id>``)."""
    from ..dedup.spin_align import align, tokens

    a, b = tokens(source), tokens(text)
    changes = []
    for r in align(a, b):
        if r.kind != "swap":
            continue
        # the whole stretch between the anchors, spacing and punctuation included
        start, end = _stretch(b, r.b0, r.b1, len(text))
        after = source[slice(*_stretch(a, r.a0, r.a1, len(source)))]
        if text[start:end] != after:
            changes.append(Change(KIND, start, end, text[start:end], after, f"twin:{source_id}"))
    return apply_changes(text, changes), changes


def _stretch(words: list, first: int, stop: int, size: int) -> tuple[int, int]:
    """From the end of the word before ``first`` to the start of word ``stop``."""
    start = words[first - 1].end if first > 0 else 0
    end = words[stop].start if stop < len(words) else size
    return start, end


def _more_spun(evidence: dict[str, Any]) -> bool:
    """Whether the link's evidence shows the copy, not its kept twin, as the spun one."""
    mine = (evidence["spinner_words"], evidence["spin_score"])
    kept = (evidence["kept_spinner_words"], evidence["kept_spin_score"])
    return mine > kept


def _opt(default: Any, help: str, range: tuple[float | None, float | None] | None = None) -> Any:
    return field(default=default, metadata={"help": help, **({"range": range} if range else {})})


@register("unspin")
@dataclass(frozen=True)
class Unspin(Stage):
    """Restore a spun copy's wording from its unspun twin in the corpus."""

    threshold: float = _opt(
        0.8,
        "Similarity (plain, or with swaps undone) at which a copy and its source are twins.",
        range=(0, 1),
    )
    ngram: int = _opt(5, "Words per shingle, as for near_dedup.", range=(1, None))
    num_perm: int = _opt(
        128, "MinHash permutations of the twin search, as for near_dedup.", range=(1, None)
    )

    def __post_init__(self) -> None:
        if not 0.0 < float(self.threshold) <= 1.0:
            raise ConfigError(f"unspin: threshold must be in (0, 1], got {self.threshold!r}")

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document | Drop]:
        """Every document in input order; spun copies with their twin's wording restored."""
        for doc, changes in self.edits(docs):
            yield record_changes(doc, self.name or KIND, changes, "full")

    def edits(self, docs: Iterable[Document]) -> Iterator[tuple[Document, tuple[Change, ...]]]:
        """Every document in input order, with the `Change` records of its restored swaps."""
        from ..dedup.near_duplicates import find_duplicates
        from ..dedup.settings import DedupSettings

        corpus = list(docs)
        settings = DedupSettings(
            threshold=self.threshold, ngram=self.ngram, num_perm=self.num_perm, spin_robust=True
        )
        members = find_duplicates(corpus, settings).members
        position = {doc.id: i for i, doc in enumerate(corpus)}
        for doc, member in zip(corpus, members, strict=True):
            evidence = member.evidence
            if member.kept or evidence is None or not _more_spun(evidence):
                yield doc, ()
                continue
            source = corpus[position[member.duplicate_of]]
            text, changes = restore_from_twin(doc.text, source.text, source.id)
            if not changes:
                yield doc, ()
                continue
            yield doc.with_text(text).annotate("unspun_from", source.id), tuple(changes)


def unspin(docs: Iterable[Document], threshold: float = 0.8) -> list[Document]:
    """The documents, spun copies given back their source's wording (the ``unspin`` stage)."""
    return [d for d in Unspin(threshold=threshold).pipe(docs) if isinstance(d, Document)]
