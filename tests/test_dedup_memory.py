"""Law: what dedup holds between its two passes grows by signatures and records, not texts.

The documents come from a generator (so the stage spools them) and are about
3 KB each. When the first document comes out, every outcome is decided; the
memory traced then, on 4N documents, may exceed the one on N by at most
1.5 KB per extra document (holding the texts would cost over 3 KB).
"""

from __future__ import annotations

import random
import tracemalloc
from collections.abc import Iterator

import pytest

from textclean.dedup.stage import dedup_documents
from textclean.document import Document

WORDS = [f"w{i}" for i in range(5000)]


def _docs(n: int) -> Iterator[Document]:
    rng = random.Random(n)
    for i in range(n):
        text = " ".join(rng.choices(WORDS, k=500))
        yield Document(f"d{i:06d}", text, {})
        if i % 10 == 0:
            yield Document(f"c{i:06d}", text.upper(), {})


def _held_when_decided(n: int) -> tuple[int, int]:
    """Documents read and bytes traced when the first outcome is written."""
    tracemalloc.start()
    try:
        out = dedup_documents(_docs(n))
        next(out)
        held = tracemalloc.get_traced_memory()[0]
        return n + (n + 9) // 10, held + sum(0 for _ in out)
    finally:
        tracemalloc.stop()


@pytest.mark.slow
def test_dedup_holds_at_most_1_5_kb_per_document_between_passes() -> None:
    _held_when_decided(500)  # first use fills caches; not the documents' memory
    (n_small, small), (n_large, large) = _held_when_decided(500), _held_when_decided(2000)
    assert (large - small) / (n_large - n_small) <= 1500
