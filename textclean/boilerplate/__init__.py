"""Boilerplate stripping: line and sentence classifiers, patterns, corpus templates."""

from __future__ import annotations

from .._lazy import lazy_exports

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


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
