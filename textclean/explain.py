"""What each step did to one document, for audits: `Pipeline.explain(doc)`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .changes import Change
from .document import Document, Drop


@dataclass(frozen=True)
class StepExplanation:
    """One step's effect on one document.

    ``status`` is ``changed``, ``annotated`` (metadata only), ``unchanged``,
    ``dropped`` or ``corpus`` (a stage, which needs the whole corpus).
    """

    step: str
    status: str
    changes: tuple[Change, ...] = ()
    reason: str = ""
    detail: str = ""
    notes: tuple[str, ...] = ()
    recorded: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "step": self.step,
            "status": self.status,
            "changes": [c.to_dict() for c in self.changes],
            "reason": self.reason,
            "detail": self.detail,
            "notes": list(self.notes),
            "recorded": self.recorded,
        }


@dataclass(frozen=True)
class Explanation:
    """Every step's report for one document, and where it ended."""

    document: Document
    steps: list[StepExplanation]
    drop: Drop | None

    @property
    def kept(self) -> bool:
        """Kept by the per-document steps (corpus stages are in `unjudged`)."""
        return self.drop is None

    @property
    def unjudged(self) -> list[str]:
        """The corpus stages that did not judge this document: they compare it with a
        whole corpus (``near_dedup`` may still drop a document kept here)."""
        return [r.step for r in self.steps if r.status == "corpus"] if self.kept else []

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.document.id,
            "kept": self.kept,
            "not_judged_by": self.unjudged,
            "drop": None
            if self.drop is None
            else {"reason": self.drop.reason, "step": self.drop.step, "detail": self.drop.detail},
            "steps": [r.to_dict() for r in self.steps],
            "text": None if self.drop is not None else self.document.text,
        }

    def __str__(self) -> str:
        verdict = "kept" if self.kept else f"dropped by {self.drop.step}: {self.drop.reason}"
        if self.unjudged:
            verdict += (
                f" by the per-document steps; {', '.join(self.unjudged)} "
                f"{'judges' if len(self.unjudged) == 1 else 'judge'} it only against a whole "
                "corpus (run clean or dedup for that verdict)"
            )
        lines = [f"document {self.document.id}: {verdict}"]
        for r in self.steps:
            head = f"  {r.step}: {r.status}"
            if r.status == "dropped":
                head += f" ({r.reason}{': ' + r.detail if r.detail else ''})"
            elif r.changes:
                head += f" ({len(r.changes)} edit{'s' if len(r.changes) != 1 else ''})"
            lines.append(head)
            for c in r.changes:
                why = f" — {c.reason}" if c.reason else ""
                lines.append(
                    f"    [{c.start}:{c.end}] {c.kind}: {_clip(c.before)!r} -> {_clip(c.after)!r}{why}"
                )
            for key, value in r.recorded.items():
                lines.append(f"    {key} = {_clip(repr(value), 120)}")
            for note in r.notes:
                lines.append(f"    note: {note}")
        return "\n".join(lines)


def _clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


#: The old name of `StepExplanation`, kept for one release.
StepReport = StepExplanation
