"""Per-document text repair: mojibake, detokenization spacing, spun text, acronyms.

The public functions are loaded on first use, so ``import textclean.repair``
stays cheap and each repair's dependencies load only when it is called.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "fix_mojibake": "textclean.repair.mojibake",
    "fix_spacing": "textclean.repair.spacing",
    "fix_spun": "textclean.repair.spun",
    "spin_score": "textclean.repair.spun",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'textclean.repair' has no attribute {name!r}")
