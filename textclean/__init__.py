"""textclean: clean and deduplicate text scraped from the web.

>>> import textclean
>>> textclean.clean("Plain, correct text passes through unchanged.")
'Plain, correct text passes through unchanged.'
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__version__ = "0.1.0"

from .changes import Change, apply_changes  # noqa: E402
from .document import META_KEY, Document, Drop  # noqa: E402
from .errors import (  # noqa: E402
    ConfigError,
    InputError,
    MissingDependency,
    PatternTimeout,
    StepError,
    TextcleanError,
    UnknownStepError,
)
from .explain import Explanation, StepReport  # noqa: E402
from .pipeline import Pipeline  # noqa: E402
from .registry import register  # noqa: E402
from .stats import Stats  # noqa: E402
from .steps import Filter, Stage, Step, StepResult, TextStep  # noqa: E402

__all__ = [
    "META_KEY",
    "Change",
    "ConfigError",
    "Document",
    "Drop",
    "Explanation",
    "Filter",
    "InputError",
    "MissingDependency",
    "PatternTimeout",
    "Pipeline",
    "Stage",
    "Stats",
    "Step",
    "StepError",
    "StepReport",
    "StepResult",
    "TextStep",
    "Calibration",
    "TextcleanError",
    "UnknownStepError",
    "__version__",
    "apply_changes",
    "calibrate",
    "clean",
    "register",
]


def __getattr__(name: str) -> Any:
    """`calibrate` and `Calibration` load on first use (they need numpy)."""
    if name in ("calibrate", "Calibration"):
        import importlib

        return getattr(importlib.import_module(".calibrate", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return Pipeline.default(record="none")


def clean(text: str) -> str:
    """Clean one text with the default pipeline's per-document steps.

    Returns ``""`` when a filter of the default pipeline would drop the text.
    Corpus-level stages (deduplication) need a corpus: use `Pipeline.run`.
    """
    return _default_pipeline().clean(text)
