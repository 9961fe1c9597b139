"""The ``length`` step: drop pages too short or too long to be worth keeping.

Characters are counted as `textclean.runner.length_drop` counts them, letters
and digits only, so ``min_chars`` here and the pipeline's own ``min_chars``
(the check every pipeline makes after its last per-document step) are one
rule with one pair of reasons, ``empty`` and ``too_short``. The step adds
what the pipeline's check has not: a word floor (``too_few_words``) and a
ceiling (``too_long``), and a place in the pipeline, so a long page can be
dropped before the costly steps run on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..document import Document, Drop
from ..registry import register
from ..runner import length_drop
from ..steps import Filter


def word_count(text: str) -> int:
    """Whitespace-separated tokens holding a letter or digit.

    >>> word_count("Hello , world — 42 !")
    3
    """
    return sum(1 for token in text.split() if any(map(str.isalnum, token)))


def length_check(
    doc: Document, min_words: int = 0, min_chars: int = 0, max_chars: int = 0
) -> Drop | None:
    """The drop for a page outside the bounds (0 turns a bound off), else None.

    >>> length_check(Document("a", "Two words."), min_words=3).reason
    'too_few_words'
    >>> length_check(Document("a", "abcdef"), max_chars=5).detail
    '6 letters and digits, more than 5'
    """
    drop = length_drop(doc, min_chars)
    if drop is not None:
        return Drop(drop.reason, drop.detail)
    if min_words > 0:
        words = word_count(doc.text)
        if words < min_words:
            return Drop("too_few_words", f"{words} words, fewer than {min_words}")
    if max_chars > 0:
        count = sum(map(str.isalnum, doc.text))
        if count > max_chars:
            return Drop("too_long", f"{count} letters and digits, more than {max_chars}")
    return None


@register("length")
@dataclass(frozen=True)
class Length(Filter):
    """Drop pages with too few words or too few or too many letters and digits."""

    min_words: int = field(
        default=0,
        metadata={
            "range": (0, None),
            "help": "drop pages with fewer words (too_few_words); 0: no floor",
        },
    )
    min_chars: int = field(
        default=1,
        metadata={
            "range": (0, None),
            "help": "drop pages with fewer letters and digits (empty, too_short); 0: off",
        },
    )
    max_chars: int = field(
        default=0,
        metadata={
            "range": (0, None),
            "help": "drop pages with more letters and digits (too_long); 0: no ceiling",
        },
    )

    def __post_init__(self) -> None:
        for name in ("min_words", "min_chars", "max_chars"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"{name} must be a whole number >= 0, not {value!r}")
        if self.max_chars and self.max_chars < self.min_chars:
            raise ValueError(f"max_chars ({self.max_chars}) is below min_chars ({self.min_chars})")

    def measure(self, doc: Document) -> tuple[dict[str, Any], Drop | None]:
        return {}, length_check(doc, self.min_words, self.min_chars, self.max_chars)
