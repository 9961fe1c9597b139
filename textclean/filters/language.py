"""The `language` step: identify each document's language, keep the ones asked for.

It records ``lang`` and ``lang_prob`` in ``meta["textclean"]`` and, when given
languages to keep, drops the others. Detection itself lives in
`textclean.filters.language_detect` (re-exported here).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..changes import Change
from ..document import Document, Drop
from ..errors import ConfigError
from ..registry import register
from ..steps import Step, StepResult
from .language_detect import (
    AGREE_AFTER,
    BACKENDS,
    CLEAR,
    MIN_LETTERS,
    SAMPLE_BUDGETS,
    SAMPLE_SLICES,
    UNKNOWN,
    Language,
    check_keep,
    detect_language,
    letter_count,
    sample_text,
)

__all__ = [
    "AGREE_AFTER",
    "BACKENDS",
    "CLEAR",
    "MIN_LETTERS",
    "SAMPLE_BUDGETS",
    "SAMPLE_SLICES",
    "UNKNOWN",
    "Language",
    "LanguageFilter",
    "detect_language",
    "letter_count",
    "sample_text",
]


@register("language", default=50)
@dataclass(frozen=True)
class LanguageFilter(Step):
    """Identify each document's language; keep only the languages asked for."""

    keep: list[str] = field(
        default_factory=list,
        metadata={"help": "ISO 639-1 codes to keep (e.g. ['en', 'de']); empty: only annotate"},
    )
    backend: str = field(
        default="langdetect",
        metadata={"help": "'langdetect' (default) or 'langid' (py3langid, extra 'langid')"},
    )
    min_prob: float = field(
        default=0.5,
        metadata={
            "range": (0, 1),
            "help": "with keep: drop a document whose language probability is lower",
        },
    )
    keep_unknown: bool = field(
        default=False,
        metadata={"help": "with keep: keep documents too short to identify ('unknown')"},
    )
    paragraphs: bool = field(
        default=False,
        metadata={"help": "also identify each paragraph; record shares and flag mixed documents"},
    )
    drop_paragraphs: bool = field(
        default=False,
        metadata={"help": "remove paragraphs in a language other than keep (or the document's)"},
    )
    mixed_share: float = field(
        default=0.2,
        metadata={
            "range": (0, 1),
            "help": "share of letters in other languages that makes a document mixed",
        },
    )
    min_letters: int = field(
        default=MIN_LETTERS,
        metadata={"range": (0, None), "help": "texts with fewer letters are 'unknown'"},
    )
    seed: int = field(default=0, metadata={"help": "seed of langdetect's random trials"})

    def __post_init__(self) -> None:
        if self.backend not in BACKENDS:
            raise ConfigError(f"backend must be one of {', '.join(BACKENDS)}, not {self.backend!r}")
        if isinstance(self.keep, str):
            raise ConfigError("keep is a list of language codes, e.g. ['en'], not a string")
        check_keep(self.keep, self.backend)
        if not 0.0 <= self.mixed_share <= 1.0 or not 0.0 <= self.min_prob <= 1.0:
            raise ConfigError("min_prob and mixed_share are shares between 0 and 1")

    def detect(self, text: str) -> Language:
        return detect_language(
            text, backend=self.backend, seed=self.seed, min_letters=self.min_letters
        )

    def process(self, doc: Document) -> StepResult:
        found = self.detect(doc.text)
        values: dict[str, Any] = {"lang": found.lang, "lang_prob": found.prob}
        changes: tuple[Change, ...] = ()
        text = doc.text
        if self.paragraphs or self.drop_paragraphs:
            from .paragraph_language import paragraph_report

            report = paragraph_report(text, found.lang, self)
            values.update(report.values())
            if self.drop_paragraphs and report.removals:
                changes = tuple(report.removals)
                text = report.kept_text
        out = doc.annotate_many(values)
        if text != doc.text:
            out = Document(out.id, text, out.meta)
            if not text.strip():
                return StepResult(
                    Drop("language:no_paragraph_left").attach(self.name, out), changes
                )
        drop = self.verdict(found)
        if drop is not None:
            return StepResult(drop.attach(self.name, out), changes)
        return StepResult(out, changes)

    def verdict(self, found: Language) -> Drop | None:
        """The drop for a detected language, or None to keep the document."""
        if not self.keep:
            return None
        if found.lang == UNKNOWN:
            return None if self.keep_unknown else Drop("language:unknown", "too short to identify")
        if found.lang not in self.keep:
            return Drop("language:other", f"{found.lang} ({found.prob:.2f}) not in {self.keep}")
        if found.prob < self.min_prob:
            return Drop("language:low_confidence", f"{found.lang} at {found.prob:.2f}")
        return None
