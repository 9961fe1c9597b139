"""Corpus-level deduplication: shingles, MinHash signatures, LSH, near-duplicate
documents, repeated passages and the persistent index."""

from __future__ import annotations

from .._lazy import lazy_exports

_EXPORTS = {
    "HASHFUNC": "textclean.dedup.minhash",
    "minhash_signatures": "textclean.dedup.minhash",
    "shingles": "textclean.dedup.shingling",
    "find_passages": "textclean.passages.stage",
    "cluster_records": "textclean.passages.stage",
    "RepeatedPassages": "textclean.passages.stage",
    "DedupSettings": "textclean.dedup.settings",
    "NearDedup": "textclean.dedup.stage",
    "KeyDedup": "textclean.dedup.key",
    "dedup_on_key": "textclean.dedup.key",
    "key_duplicates": "textclean.dedup.key",
    "dedup_documents": "textclean.dedup.stage",
    "deduplicate": "textclean.dedup.stage",
    "aligned_jaccard": "textclean.dedup.spin_align",
}

__all__ = sorted(_EXPORTS)


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
