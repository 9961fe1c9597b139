"""File jobs: the library calls behind ``textclean clean``, ``dedup``, ``passages`` and ``decontaminate``.

Each takes inputs, an output, its settings, a `RunConfig` (how records are
read, rejected, recorded and resumed) and an executor (`LocalExecutor` or
`DaskExecutor`), and returns complete counts. The command line parses its
options into these and calls them; Python code calls them the same way.
"""

from __future__ import annotations

from ..parallel.executors import DaskExecutor, Executor, LocalExecutor
from .clean import clean_files
from .config import RunConfig
from .decontaminate import DecontaminationRun, decontaminate_files
from .dedup import DedupTargets, dedup_files
from .passages import PassageReport, PassagesResult, passages_files
from .progress import ProgressBar

__all__ = [
    "DaskExecutor",
    "DecontaminationRun",
    "DedupTargets",
    "Executor",
    "LocalExecutor",
    "PassageReport",
    "PassagesResult",
    "ProgressBar",
    "RunConfig",
    "clean_files",
    "decontaminate_files",
    "dedup_files",
    "passages_files",
]
