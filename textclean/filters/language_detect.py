"""Language identification: deterministic, sampled, honest about short text.

`detect_language` reads a sample of the text instead of all of it: a few
slices spread over the document (so a long navigation header does not decide
alone), a small sample first and a larger one only when the first answer is
not clear. The default backend is langdetect's model run with a fixed seed per
call (`textclean.filters.langdetect_backend`); ``backend="langid"`` uses
py3langid. Text with fewer letters than `MIN_LETTERS` is ``unknown``: below
that length even full-text langdetect is wrong too often to act on (see
docs/filters.md for the calibration).

This module knows no step, so both the document step (`filters.language`) and
the paragraph view (`filters.paragraph_language`) build on it without
importing each other.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache

from ..errors import ConfigError
from ..per_text import per_text

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


def check_keep(keep: list[str], backend: str) -> None:
    """Raise `ConfigError` for a code in ``keep`` that ``backend`` never answers.

    A document is kept when its detected code is in ``keep``, so a name
    (``english``) or a label the backend does not have would drop every
    document. langdetect's codes are its profiles' names; listing py3langid's
    means loading its model, so for it only the form of a code is checked.

    >>> check_keep(["en", "zh"], "langdetect")
    >>> check_keep(["english"], "langdetect")
    Traceback (most recent call last):
    ...
    textclean.errors.ConfigError: keep: 'english' is not a language code langdetect answers; ...
    """
    if UNKNOWN in keep:
        raise ConfigError(
            f"keep: {UNKNOWN!r} is not a language; keep_unknown = true keeps "
            "documents too short to identify"
        )
    known = _langdetect_codes() if backend == "langdetect" else None
    for code in keep:
        if known is not None and code not in known:
            raise ConfigError(
                f"keep: {code!r} is not a language code {backend} answers; "
                f"it answers {', '.join(sorted(known))}"
            )
        if known is None and not (
            code.isascii() and code.isalpha() and code.islower() and len(code) in (2, 3)
        ):
            raise ConfigError(
                f"keep: {code!r} is not a language code; codes are two or three lowercase letters, e.g. 'en'"
            )


@lru_cache(maxsize=1)
def _langdetect_codes() -> frozenset[str]:
    from langdetect.detector_factory import PROFILES_DIRECTORY

    return frozenset(_ISO.get(name, name) for name in os.listdir(PROFILES_DIRECTORY))


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
