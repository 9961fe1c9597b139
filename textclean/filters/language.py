"""Language identification: deterministic, sampled, honest about short text.

`detect_language` reads a sample of the text instead of all of it: a few
slices spread over the document (so a long navigation header does not decide
alone), a small sample first and a larger one only when the first answer is
not clear. The default backend is langdetect's model run with a fixed seed per
call (`textclean.filters.langdetect_backend`); ``backend="langid"`` uses
py3langid. Text with fewer letters than `MIN_LETTERS` is ``unknown``: below
that length even full-text langdetect is wrong too often to act on (see
docs/filters.md for the calibration).

The `language` step records ``lang`` and ``lang_prob`` in
``meta["textclean"]`` and, when given languages to keep, drops the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..changes import Change
from ..document import Document, Drop
from ..errors import ConfigError
from ..per_text import per_text
from ..registry import register
from ..steps import Step, StepResult

UNKNOWN = "unknown"
BACKENDS = ("langdetect", "langid")
#: Fewer letters than this and the answer is ``unknown`` (calibrated on the test set).
MIN_LETTERS = 25
#: Sample sizes in characters, tried in order until the answer is clear; 0 = whole text.
SAMPLE_BUDGETS = (400, 1600, 0)
#: Slices a sample is taken from, spread evenly over the text.
SAMPLE_SLICES = 3
#: A top probability at or above this ends sampling early, per backend.
CLEAR = {"langdetect": 0.999, "langid": 0.9}
#: langdetect stops after this many of its seven trials if they agree and converged.
AGREE_AFTER = 3
#: Backend labels that are not ISO 639-1 codes.
_ISO = {"zh-cn": "zh", "zh-tw": "zh", "nb": "no"}


@dataclass(frozen=True, slots=True)
class Language:
    """The most likely language of a text (ISO 639-1, or ``unknown``) and its probability."""

    lang: str
    prob: float


def letter_count(text: str) -> int:
    """Letters in a text (any script), the unit of the short-text cut-off.

    >>> letter_count("It's 9 o'clock!")
    9
    """
    return sum(map(str.isalpha, text))


def sample_text(text: str, budget: int, slices: int = SAMPLE_SLICES) -> str:
    """About ``budget`` characters of ``text``: ``slices`` pieces spread evenly, cut at spaces.

    >>> sample_text("one two three four five six seven eight nine ten eleven twelve", 24, slices=2)
    'four\\nnine ten'
    """
    if budget <= 0 or len(text) <= budget:
        return text
    size = budget // slices
    step = len(text) / slices
    pieces = []
    for i in range(slices):
        start = int(i * step + (step - size) / 2)
        end = start + size
        piece = text[start:end]
        if start > 0 and not text[start - 1].isspace() and " " in piece:
            piece = piece[piece.index(" ") + 1 :]  # drop a partial first word
        if end < len(text) and not text[end].isspace() and " " in piece:
            piece = piece[: piece.rindex(" ")]  # and a partial last word
        pieces.append(piece.strip())
    return "\n".join(p for p in pieces if p)


def _ranked(text: str, backend: str, seed: int, agree_after: int) -> list[tuple[str, float]]:
    if backend == "langdetect":
        from . import langdetect_backend

        prepared = langdetect_backend.prepare(text)
        return langdetect_backend.detect_probabilities(prepared, seed, agree_after)
    if backend == "langid":
        from . import langid_backend

        return langid_backend.detect_probabilities(text)
    raise ConfigError(f"unknown language backend {backend!r}; choose one of {', '.join(BACKENDS)}")


def detect_language(
    text: str,
    *,
    backend: str = "langdetect",
    seed: int = 0,
    min_letters: int = MIN_LETTERS,
    budgets: tuple[int, ...] = SAMPLE_BUDGETS,
    agree_after: int = AGREE_AFTER,
) -> Language:
    """The language of ``text``, the same on every call, process and machine.

    >>> detect_language("Der schnelle braune Fuchs springt über den faulen Hund.")
    Language(lang='de', prob=0.99...)
    >>> detect_language("OK")
    Language(lang='unknown', prob=0.0)
    """
    budgets = tuple(budgets)
    key = ("language", backend, seed, min_letters, budgets, agree_after)
    return per_text(
        text, key, lambda: _detect(text, backend, seed, min_letters, budgets, agree_after)
    )


def _detect(
    text: str, backend: str, seed: int, min_letters: int, budgets: tuple[int, ...], agree_after: int
) -> Language:
    ranked: list[tuple[str, float]] = []
    for i, budget in enumerate(budgets):
        sample = sample_text(text, budget)
        if i == 0 and letter_count(sample) < min_letters:
            if sample is text or letter_count(text) < min_letters:
                return Language(UNKNOWN, 0.0)
        ranked = _ranked(sample, backend, seed, agree_after)
        if not ranked or sample is text or ranked[0][1] >= CLEAR.get(backend, 1.0):
            break
    if not ranked:
        return Language(UNKNOWN, 0.0)
    lang, prob = ranked[0]
    return Language(_ISO.get(lang, lang), round(prob, 6))


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
        metadata={"help": "with keep: drop a document whose language probability is lower"},
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
        metadata={"help": "share of letters in other languages that makes a document mixed"},
    )
    min_letters: int = field(
        default=MIN_LETTERS,
        metadata={"help": "texts with fewer letters are 'unknown'"},
    )
    seed: int = field(default=0, metadata={"help": "seed of langdetect's random trials"})

    def __post_init__(self) -> None:
        if self.backend not in BACKENDS:
            raise ConfigError(f"backend must be one of {', '.join(BACKENDS)}, not {self.backend!r}")
        if isinstance(self.keep, str):
            raise ConfigError("keep is a list of language codes, e.g. ['en'], not a string")
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
