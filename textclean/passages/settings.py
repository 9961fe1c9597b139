"""The options of repeated-passage detection, checked once, shared by the stage,
the run layer and the command line."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from ..errors import ConfigError

__all__ = ["PassageSettings"]


@dataclass(frozen=True)
class PassageSettings:
    """Windows, shingles, the match thresholds and the MinHash LSH shape.

    >>> PassageSettings(threshold=0.6).find_options()["threshold"]
    0.6
    """

    min_words: int = field(
        default=10,
        metadata={
            "range": (1, None),
            "help": "words a window (and a reported passage) needs at least",
        },
    )
    max_sentences: int = field(
        default=4,
        metadata={"range": (1, None), "help": "most sentences a window groups to reach min_words"},
    )
    ngram: int = field(
        default=3,
        metadata={
            "range": (1, None),
            "help": "shingle size: word 3-grams survive re-spelled words",
        },
    )
    unit: str = field(
        default="word", metadata={"help": "shingle unit: word, or char for scripts without spaces"}
    )
    threshold: float = field(
        default=0.5,
        metadata={
            "range": (0, 1),
            "above": True,
            "help": "exact Jaccard similarity two windows need to match",
        },
    )
    coverage: float = field(
        default=0.5,
        metadata={
            "range": (0, 1),
            "above": True,
            "help": "share of a sentence's shingles found in the matched window to include it",
        },
    )
    num_perm: int = field(
        default=128, metadata={"range": (1, None), "help": "MinHash permutations"}
    )
    bands: int = field(
        default=32, metadata={"range": (1, None), "help": "LSH bands (num_perm must divide evenly)"}
    )
    seed: int = field(default=1, metadata={"range": (0, None), "help": "MinHash seed"})

    def __post_init__(self) -> None:
        if self.num_perm % self.bands:
            raise ConfigError(
                f"passages: bands ({self.bands}) must divide num_perm ({self.num_perm})"
            )
        if not 0.0 < self.threshold <= 1.0 or not 0.0 < self.coverage <= 1.0:
            raise ConfigError("passages: threshold and coverage must be in (0, 1]")
        if self.min_words < 1 or self.max_sentences < 1:
            raise ConfigError("passages: min_docs, min_words and max_sentences must be at least 1")

    def find_options(self) -> dict[str, Any]:
        """These settings as keyword arguments of `find_passages`."""
        return {f: v for f, v in asdict(self).items() if f in _FIND_FIELDS}


_FIND_FIELDS = (
    "min_words",
    "max_sentences",
    "ngram",
    "unit",
    "threshold",
    "coverage",
    "num_perm",
    "bands",
    "seed",
)
