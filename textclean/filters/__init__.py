"""Per-document keep/drop filters: language identification and page quality."""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "Language": "textclean.filters.language",
    "detect_language": "textclean.filters.language",
    "Quality": "textclean.filters.page_quality",
    "quality": "textclean.filters.page_quality",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'textclean.filters' has no attribute {name!r}")
