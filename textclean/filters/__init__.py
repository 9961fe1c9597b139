"""Per-document keep/drop filters: language identification, page quality and length.

The steps (what a pipeline runs) and what their measurements return have
names of their own: the ``language`` step is `LanguageFilter` and
`detect_language` returns a `DetectedLanguage`; the ``quality`` step is
`QualityFilter` and `quality` returns `QualityFindings`. `Language` and
`Quality`, the old names of those results, stay for one release, as does
`Length`, the old name of `LengthFilter`.
"""

from __future__ import annotations

from .._lazy import lazy_exports

_EXPORTS = {
    "DetectedLanguage": "textclean.filters.language_detect",
    "LanguageFilter": "textclean.filters.language",
    "detect_language": "textclean.filters.language",
    "QualityFilter": "textclean.filters.page_quality",
    "QualityFindings": "textclean.filters.page_quality",
    "quality": "textclean.filters.page_quality",
    "LengthFilter": "textclean.filters.length",
    "length_check": "textclean.filters.length",
    "SpinFilter": "textclean.filters.spin",
    # Old names, kept for one release.
    "Language": "textclean.filters.language",
    "Quality": "textclean.filters.page_quality",
    "Length": "textclean.filters.length",
}

#: New name -> the name its module defines it under.
_RENAMED = {
    "DetectedLanguage": "Language",
    "QualityFindings": "Quality",
    "LengthFilter": "Length",
}

__all__ = sorted(_EXPORTS)

_lazy_getattr, _ = lazy_exports(
    __name__, {_RENAMED.get(name, name): module for name, module in _EXPORTS.items()}
)


def __getattr__(name: str) -> object:
    """A name, new or old, imported from its module on first use."""
    return _lazy_getattr(_RENAMED.get(name, name))


def __dir__() -> list[str]:
    return __all__
