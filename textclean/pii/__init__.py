"""Personal data and links: find email addresses, phone numbers, IP addresses and URLs."""

from __future__ import annotations

from .._lazy import lazy_exports

_EXPORTS = {
    "KINDS": "textclean.pii.detect",
    "Found": "textclean.pii.detect",
    "find_pii": "textclean.pii.detect",
    "redact_pii": "textclean.pii.step",
    "Pii": "textclean.pii.step",
}

__all__ = sorted(_EXPORTS)

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
