"""Corpus-level deduplication: shingles, MinHash signatures, LSH, near-duplicate
documents, repeated passages and the persistent index."""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "HASHFUNC": "textclean.dedup.minhash",
    "minhash_signatures": "textclean.dedup.minhash",
    "shingles": "textclean.dedup.shingling",
    "find_passages": "textclean.dedup.passages",
    "cluster_records": "textclean.dedup.passages",
    "RepeatedPassages": "textclean.dedup.passages",
    "DedupSettings": "textclean.dedup.settings",
    "NearDedup": "textclean.dedup.stage",
    "dedup_documents": "textclean.dedup.stage",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'textclean.dedup' has no attribute {name!r}")
