"""The spin filter: record how spun each document looks, and drop the clearly spun.

The score is `textclean.repair.spun.spin_score`'s: lexicon signals per 1,000
words, a ``repair``-tier hit weighing `REPAIR_WEIGHT` signals. Repairs that
``fix_spun`` already made earlier in the pipeline (recorded as
``meta["textclean"]["spun_repairs"]``) still count as evidence, so running the
repair first does not hide a spun page from the filter.

A document is dropped only when the evidence is strong on two counts: a high
score *and* several unambiguous (``repair``-tier) phrases. Signals alone never
drop a page: they are phrases correct English also uses, and a wrongly
dropped news article costs more than a spun one kept (its phrases are
repaired anyway). See docs/spun.md for how the defaults were calibrated.

In the default pipeline the step only records (``drop=False``, as every
filter there); named in a config it drops with the rule above.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..document import Document, Drop
from ..registry import register
from ..repair.lexicon import load_lexicon
from ..repair.spun import (
    BUILTIN_HELP,
    ENTRIES_HELP,
    LEXICON_FILES_HELP,
    SpinEvidence,
    spin_evidence,
)
from ..steps import Filter

#: Score at or above which a document may be dropped (see docs/spun.md).
DEFAULT_THRESHOLD = 10.0
#: Unambiguous spun phrases a document must hold (or have had repaired) to be dropped.
DEFAULT_MIN_REPAIRS = 3
DROP_REASON = "spun_text"


def is_spun(
    evidence: SpinEvidence,
    threshold: float = DEFAULT_THRESHOLD,
    min_repairs: int = DEFAULT_MIN_REPAIRS,
) -> bool:
    """The drop rule: score at or above ``threshold`` and at least ``min_repairs`` repair hits.

    >>> from textclean.repair.spun import SpinEvidence
    >>> is_spun(SpinEvidence(800, 5, 6, (), 26.25))
    True
    >>> is_spun(SpinEvidence(800, 0, 30, (), 37.5))  # signals alone never drop
    False
    """
    return evidence.score >= threshold and evidence.repairs >= min_repairs


@register("spin_filter", default=65, default_options={"drop": False})
@dataclass(frozen=True)
class SpinFilter(Filter):
    """Record a spin score (spun-phrase signals per 1,000 words); drop clearly spun pages."""

    threshold: float = field(
        default=DEFAULT_THRESHOLD,
        metadata={
            "range": (0, None),
            "help": "drop at or above this spin score (signals per 1,000 words)",
        },
    )
    min_repairs: int = field(
        default=DEFAULT_MIN_REPAIRS,
        metadata={
            "range": (0, None),
            "help": "and only with at least this many unambiguous spun phrases",
        },
    )
    drop: bool = field(default=True, metadata={"help": "false: only record the score, never drop"})
    lexicon_files: tuple[str, ...] = field(default=(), metadata={"help": LEXICON_FILES_HELP})
    entries: tuple[str, ...] = field(default=(), metadata={"help": ENTRIES_HELP})
    builtin: bool = field(default=True, metadata={"help": BUILTIN_HELP})

    def __post_init__(self) -> None:
        object.__setattr__(self, "lexicon_files", tuple(self.lexicon_files))
        object.__setattr__(self, "entries", tuple(self.entries))
        if self.threshold < 0 or self.min_repairs < 0:
            raise ValueError("threshold and min_repairs must not be negative")

    def measure(self, doc: Document) -> tuple[dict[str, Any], Drop | None]:
        lexicon = load_lexicon(self.lexicon_files, self.entries, self.builtin)
        evidence = spin_evidence(
            doc.text,
            lexicon,
            prior_repairs=doc.record.get("spun_repairs", 0),
            prior_signals=doc.record.get("spun_context_repairs", 0),
        )
        values = evidence.to_meta()
        if self.drop and is_spun(evidence, self.threshold, self.min_repairs):
            detail = (
                f"spin score {evidence.score:.1f} >= {self.threshold:g} with "
                f"{evidence.repairs} spun phrases repaired or found, {evidence.signals} signals"
            )
            return values, Drop(DROP_REASON, detail)
        return values, None
