"""Benchmark decontamination: cut from documents every passage sharing an n-gram
with an evaluation set, or drop the documents made mostly of such passages."""

from __future__ import annotations

from .._lazy import lazy_exports

_EXPORTS = {
    "DecontaminationSettings": "textclean.decontaminate.settings",
    "EvaluationSet": "textclean.decontaminate.evaluation",
    "Decontaminated": "textclean.decontaminate.cut",
    "DecontaminationRun": "textclean.run.decontaminate",
    "decontaminate_text": "textclean.decontaminate.cut",
    "decontaminate_documents": "textclean.decontaminate.documents",
    "decontaminate_files": "textclean.run.decontaminate",
}

__all__ = sorted(_EXPORTS)

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
