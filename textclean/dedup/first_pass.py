"""Pass one of ``dedup``: signatures, exact keys and keep-policy facts, never the texts.

Texts go to the signature workers in chunks and are dropped once signed; what
stays is 4 (or 8) bytes per permutation, a 16-byte exact key and a `FactTable`
row per document. `gather_rows` then keeps only the representatives' rows,
freeing each chunk as it is copied, so the signatures are never held twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from ..document import Document
from .facts import FactTable, compared_field
from .keep import warn_missing_field
from .minhash import TEXT_BATCH, WORKER_CHUNK, signature_chunks, signature_dtype
from .settings import DedupSettings


@dataclass
class FirstPass:
    """Per document, in input order: its facts, exact key and signature (in chunks)."""

    facts: FactTable
    keys: list[bytes]
    chunks: list[np.ndarray]


def first_pass(
    docs: Iterable[Document], settings: DedupSettings, workers: int = 1, *, own_docs: bool = True
) -> FirstPass:
    """Read ``docs`` once and keep what the dedup decision needs.

    ``own_docs``: the documents are the run's own (not views made of them), so a
    compared field none of them holds is worth a warning."""
    facts = FactTable(compared_field(settings))
    size = TEXT_BATCH if workers <= 1 else WORKER_CHUNK

    def texts() -> Iterator[list[str]]:
        chunk: list[str] = []
        for doc in docs:
            facts.append(doc)
            chunk.append(doc.text)
            if len(chunk) == size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    keys: list[bytes] = []
    chunks: list[np.ndarray] = []
    for sig, chunk_keys in signature_chunks(
        texts(),
        settings.num_perm,
        settings.seed,
        settings.ngram,
        unit=settings.unit,  # type: ignore[arg-type]
        scheme=settings.scheme,  # type: ignore[arg-type]
        workers=workers,
    ):
        chunks.append(sig)
        keys += chunk_keys
    if facts.field is not None and own_docs:
        found = any(value is not None for value in facts.values)
        role = f"compared by keep={settings.keep!r}: ties go to the lowest id"
        warn_missing_field(facts.field, role, found, len(facts))
    return FirstPass(facts, keys, chunks)


def gather_rows(
    chunks: list[np.ndarray], rows: Sequence[int], num_perm: int, scheme: str
) -> np.ndarray:
    """Rows ``rows`` (in that order) of the chunks stacked; empties ``chunks`` as it goes."""
    out = np.empty((len(rows), num_perm), dtype=signature_dtype(scheme))
    wanted = np.asarray(rows, dtype=np.int64)
    order = np.argsort(wanted, kind="stable")
    sorted_rows = wanted[order]
    lo = 0
    chunks.reverse()
    while chunks:
        chunk = chunks.pop()
        hi = lo + len(chunk)
        a, b = np.searchsorted(sorted_rows, [lo, hi])
        out[order[a:b]] = chunk[sorted_rows[a:b] - lo]
        del chunk
        lo = hi
    return out


def texts_at(docs: Iterable[Document], wanted: dict[int, int]) -> dict[int, str]:
    """Texts of the documents at input positions ``wanted`` (keys), under their values."""
    out: dict[int, str] = {}
    if not wanted:
        return out
    for i, doc in enumerate(docs):
        if i in wanted:
            out[wanted[i]] = doc.text
            if len(out) == len(wanted):
                break
    return out
