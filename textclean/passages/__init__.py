"""Corpus-level repeated passages: sentence windows, candidate matches, spans,
clusters, and the reports that show them."""

from __future__ import annotations

from .._lazy import lazy_exports

_EXPORTS = {
    "find_passages": "textclean.passages.stage",
    "cluster_records": "textclean.passages.stage",
    "RepeatedPassages": "textclean.passages.stage",
    "PassageSettings": "textclean.passages.settings",
}

__all__ = sorted(_EXPORTS)


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
