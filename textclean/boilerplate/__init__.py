"""Boilerplate stripping: line and sentence classifiers, patterns, corpus templates."""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "Verdict": "textclean.boilerplate.classify",
    "classify_lines": "textclean.boilerplate.classify",
    "strip_boilerplate": "textclean.boilerplate.classify",
    "Cut": "textclean.boilerplate.classify",
    "find_cuts": "textclean.boilerplate.classify",
    "Boilerplate": "textclean.boilerplate.step",
    "BoilerplateTemplates": "textclean.boilerplate.templates",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'textclean.boilerplate' has no attribute {name!r}")
