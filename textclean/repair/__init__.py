"""Per-document text repair: mojibake, detokenization spacing, spun text, acronyms.

The public functions are loaded on first use, so ``import textclean.repair``
stays cheap and each repair's dependencies load only when it is called.
"""

from __future__ import annotations

from .._lazy import lazy_exports

_EXPORTS = {
    "fix_mojibake": "textclean.repair.mojibake",
    "fix_spacing": "textclean.repair.spacing",
    "fix_spun": "textclean.repair.spun",
    "spin_score": "textclean.repair.spun",
    "restore_from_twin": "textclean.repair.unspin",
    "unspin": "textclean.repair.unspin",
    "Unspin": "textclean.repair.unspin",
}

__all__ = sorted(_EXPORTS)


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
