"""Near-duplicate dedup over partitions of rows: the pure functions of a distributed run.

A run too large for one process (`textclean.parallel.dask_dedup`) computes
the local algorithm of `textclean.dedup.near_duplicates` in stages over
tables of rows (pandas frames), each partition on its own: signatures,
exact groups, band keys and candidate pairs, verification. Every function
here takes one partition and returns a frame; they read no file and know no
scheduler, so they are tested like the local functions they mirror.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..document import META_KEY, Document
from .keep import field_value
from .lsh import band_keys, candidate_pairs
from .minhash import signature_dtype, signatures_with_keys
from .near_duplicates import uncertainty
from .polyhash import text_shingle_hashes
from .settings import DedupSettings

#: A document is named by ``block << POSITION_BITS | position``.
POSITION_BITS = 32


def doc_code(block: int, position: int) -> int:
    """A document's name across partitions; codes sort in input order.

    >>> doc_code(1, 5) > doc_code(0, 99_999)
    True
    """
    return (block << POSITION_BITS) | position


class TextLength:
    """Stands in for a text where only its length is read (the ``longest`` policy)."""

    __slots__ = ("n",)

    def __init__(self, n: int):
        self.n = n

    def __len__(self) -> int:
        return self.n


@dataclass(frozen=True)
class Brief:
    """What a keep policy and a cluster record read of a document, without its text."""

    id: str
    text: TextLength
    meta: dict[str, Any]


def brief_fields(doc: Document, settings: DedupSettings) -> tuple[int, Any, Any]:
    """(text length, date field, score field): all `keep.choose` compares."""
    return (
        len(doc.text),
        field_value(doc, settings.date_field),
        field_value(doc, settings.score_field),
    )


def brief(doc_id: str, fields: tuple[int, Any, Any], settings: DedupSettings) -> Brief:
    """The `Brief` of a document from its id and `brief_fields`."""
    length, date, score = fields
    record = {settings.date_field: date, settings.score_field: score}
    if settings.date_field == settings.score_field:
        record = {settings.date_field: date}
    return Brief(doc_id, TextLength(length), {META_KEY: record})


# --- stage 1: signatures --------------------------------------------------------------


def signature_columns(num_perm: int) -> dict[str, Any]:
    return {
        "doc": "int64",
        "id": object,
        "key": object,
        "kh": "int64",
        "brief": object,
        "sig": object,
    }


def empty_frame(columns: dict[str, Any]) -> Any:
    import pandas as pd

    return pd.DataFrame({name: pd.Series([], dtype=dtype) for name, dtype in columns.items()})


def signature_rows(index: int, docs: Sequence[Document], settings: DedupSettings) -> Any:
    """One row per document of block ``index``: code, id, exact key, brief, signature."""
    import pandas as pd

    sig, keys = signatures_with_keys(
        [d.text for d in docs],
        settings.num_perm,
        settings.seed,
        settings.ngram,
        unit=settings.unit,  # type: ignore[arg-type]
        scheme=settings.scheme,  # type: ignore[arg-type]
    )
    if not docs:
        return empty_frame(signature_columns(settings.num_perm))
    return pd.DataFrame(
        {
            "doc": (index << POSITION_BITS) + np.arange(len(docs), dtype=np.int64),
            "id": pd.Series([d.id for d in docs], dtype=object),
            "key": pd.Series(keys, dtype=object),
            "kh": np.frombuffer(b"".join(k[:8] for k in keys), dtype=np.int64),
            "brief": pd.Series([brief_fields(d, settings) for d in docs], dtype=object),
            "sig": pd.Series([row.tobytes() for row in sig], dtype=object),
        }
    )


# --- stage 2: exact groups -------------------------------------------------------------


def exact_groups(part: Any) -> Any:
    """Add each row's representative (``rep``) and its exact group's size (``size``)."""
    ordered = part.sort_values(["id", "doc"], kind="stable")
    by_key = ordered.groupby("key", sort=False)["doc"]
    return ordered.assign(
        rep=by_key.transform("first").astype("int64"), size=by_key.transform("size").astype("int64")
    ).sort_values("doc")


# --- stage 3: bands and candidate pairs ---------------------------------------------------


def signature_matrix(sigs: Iterable[bytes], num_perm: int, scheme: str) -> np.ndarray:
    """Rows of signature bytes back to a ``(n, num_perm)`` array."""
    flat = b"".join(sigs)
    return np.frombuffer(flat, dtype=signature_dtype(scheme)).reshape(-1, num_perm)


def band_rows(part: Any, settings: DedupSettings) -> Any:
    """One row per (representative, band): band, band key and the rank fields."""
    import pandas as pd

    bands, rows = settings.lsh_shape
    sig = signature_matrix(part["sig"], settings.num_perm, settings.scheme)
    keys = band_keys(sig, bands, rows) if len(sig) else np.zeros((0, bands), dtype=np.int64)
    n = len(part)
    return pd.DataFrame(
        {
            "band": np.tile(np.arange(bands, dtype=np.int64), n),
            "bkey": keys.reshape(-1),
            "doc": np.repeat(part["doc"].to_numpy(), bands),
            "id": pd.Series(np.repeat(part["id"].to_numpy(dtype=object), bands), dtype=object),
            "key": pd.Series(np.repeat(part["key"].to_numpy(dtype=object), bands), dtype=object),
        }
    )


def bucket_pairs(part: Any, max_bucket: int) -> Any:
    """Candidate pairs ``(a, b)``, ``a < b``, of the buckets held whole by this partition."""
    import pandas as pd

    found = [np.zeros((0, 2), dtype=np.int64)]
    for _, band in part.groupby("band", sort=True):
        ranked = band.sort_values(["id", "key", "doc"], kind="stable")
        keys = ranked["bkey"].to_numpy()[:, None]
        local = candidate_pairs(keys, None, max_bucket)
        found.append(ranked["doc"].to_numpy()[local])
    pairs = np.sort(np.concatenate(found), axis=1)
    return pd.DataFrame({"a": pairs[:, 0], "b": pairs[:, 1]}).drop_duplicates()


# --- stage 4: verification ---------------------------------------------------------------


def estimate(part: Any, settings: DedupSettings) -> Any:
    """Signature similarity of each pair; ``near``: close enough to the threshold to check exactly."""
    a = signature_matrix(part["sa"], settings.num_perm, settings.scheme)
    b = signature_matrix(part["sb"], settings.num_perm, settings.scheme)
    sims = np.mean(a == b, axis=1) if len(part) else np.zeros(0)
    near = np.zeros(len(part), dtype=bool)
    if settings.verify == "exact":
        near = np.abs(sims - settings.threshold) <= uncertainty(
            settings.threshold, settings.num_perm
        )
    return part[["a", "b"]].assign(sim=sims.astype(np.float64), near=near)


def shingle_set_rows(
    index: int, docs: Sequence[Document], positions: Iterable[int], settings: DedupSettings
) -> Any:
    """Sorted unique shingle hashes (as bytes) of the documents at ``positions`` of block ``index``."""
    import pandas as pd

    wanted = sorted(set(positions))
    texts = [docs[p].text for p in wanted]
    hashes, counts = text_shingle_hashes(texts, settings.ngram, settings.unit)
    parts = np.split(hashes, np.cumsum(counts)[:-1]) if len(texts) else []
    return pd.DataFrame(
        {
            "doc": np.array([doc_code(index, p) for p in wanted], dtype=np.int64),
            "hashes": pd.Series([np.unique(p).tobytes() for p in parts], dtype=object),
            "dtype": pd.Series([str(hashes.dtype)] * len(texts), dtype=object),
        }
    )


def exact_similarity(part: Any) -> Any:
    """Exact Jaccard of each pair's shingle sets, as `near_duplicates.exact_jaccard` computes it."""
    sims = np.ones(len(part))
    for n, (ha, hb, dt) in enumerate(zip(part["ha"], part["hb"], part["dtype"], strict=True)):
        a, b = np.frombuffer(ha, dtype=dt), np.frombuffer(hb, dtype=dt)
        inter = len(np.intersect1d(a, b, assume_unique=True))
        union = len(a) + len(b) - inter
        sims[n] = inter / union if union else 1.0
    return part[["a", "b"]].assign(sim=sims)
