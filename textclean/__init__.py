"""textclean: clean and deduplicate text scraped from the web.

>>> import textclean
>>> textclean.clean("Plain, correct text passes through unchanged.")
'Plain, correct text passes through unchanged.'
"""

from __future__ import annotations

from functools import lru_cache

__version__ = "0.1.0"

from ._lazy import lazy_exports  # noqa: E402
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
from .explain import Explanation, StepExplanation, StepReport  # noqa: E402
from .pipeline import Pipeline  # noqa: E402
from .registry import register  # noqa: E402
from .repair.unspin import unspin  # noqa: E402
from .stats import Stats  # noqa: E402
from .steps import Filter, Stage, Step, StepResult, TextStep  # noqa: E402

#: File jobs, their settings and decontamination, imported on first use (they
#: pull in dedup, passages, NumPy and the executors, which ``import textclean``
#: does not need).
_RUN_EXPORTS = {
    "DaskExecutor": "textclean.run",
    "DedupSettings": "textclean.dedup.settings",
    "DedupTargets": "textclean.run",
    "LocalExecutor": "textclean.run",
    "PassageReport": "textclean.run",
    "PassageSettings": "textclean.passages.settings",
    "PassagesResult": "textclean.run",
    "ProgressBar": "textclean.run",
    "RunConfig": "textclean.run",
    "clean_files": "textclean.run",
    "decontaminate_files": "textclean.run",
    "dedup_files": "textclean.run",
    "passages_files": "textclean.run",
    "DecontaminationSettings": "textclean.decontaminate",
    "EvaluationSet": "textclean.decontaminate",
    "decontaminate_documents": "textclean.decontaminate",
    "decontaminate_text": "textclean.decontaminate",
    "Calibration": "textclean.calibrate",
    "calibrate": "textclean.calibrate",
}

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
    "StepExplanation",
    "StepReport",
    "StepResult",
    "TextStep",
    "TextcleanError",
    "UnknownStepError",
    "__version__",
    "apply_changes",
    "clean",
    "register",
    "unspin",
    *_RUN_EXPORTS,
]

__getattr__ = lazy_exports(__name__, _RUN_EXPORTS)[0]


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return Pipeline.default(record="none")


def clean(text: str) -> str:
    """Clean one text with the default pipeline's per-document steps.

    Returns ``""`` when a filter of the default pipeline would drop the text.
    Corpus-level stages (deduplication) need a corpus: use `Pipeline.run`.
    """
    return _default_pipeline().clean(text)
