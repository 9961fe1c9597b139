"""Per-document keep/drop filters: language identification, page quality and length."""

from __future__ import annotations

from .._lazy import lazy_exports

_EXPORTS = {
    "Language": "textclean.filters.language",
    "detect_language": "textclean.filters.language",
    "Quality": "textclean.filters.page_quality",
    "quality": "textclean.filters.page_quality",
    "Length": "textclean.filters.length",
    "length_check": "textclean.filters.length",
}

__all__ = sorted(_EXPORTS)


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
