"""The options of decontamination, checked when they are built."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import ConfigError, OptionError
from ..runner import RECORD_MODES


@dataclass(frozen=True)
class DecontaminationSettings:
    """How documents are checked against an evaluation set.

    ``ngram``: words an n-gram holds; a document passage sharing one n-gram
    with the evaluation set is cut (13, as in GPT-3 and dolma).
    ``max_overlap``: a document whose cut sentences hold more than this share
    of its words is dropped as ``contaminated`` instead of cut.
    ``min_words``: evaluation records with fewer words are left out (a
    handful of words is too common to mean contamination); a record with at
    least this many words but fewer than ``ngram`` is matched as one whole
    word sequence.
    ``record``: how cuts are written to ``meta["textclean"]``: ``"full"``
    keeps every `Change` (replayable, naming the evaluation record),
    ``"summary"`` counts them, ``"none"`` writes nothing.
    """

    ngram: int = field(
        default=13,
        metadata={"help": "Words an n-gram holds; one shared n-gram cuts its sentences."},
    )
    max_overlap: float = field(
        default=0.5,
        metadata={
            "help": "Drop a document whose cut sentences hold more than this share of its words."
        },
    )
    min_words: int = field(
        default=8,
        metadata={
            "help": "Evaluation records with fewer words are left out; shorter than an n-gram, "
            "a record is matched whole."
        },
    )
    record: str = field(
        default="full",
        metadata={
            "help": "Cuts written into meta: every cut with its evaluation record (full), "
            "counts, or none.",
            "choices": RECORD_MODES,
        },
    )

    def __post_init__(self) -> None:
        if not isinstance(self.ngram, int) or isinstance(self.ngram, bool) or self.ngram < 1:
            raise OptionError(
                f"decontaminate: ngram must be a positive integer, got {self.ngram!r}", "ngram"
            )
        if not 0.0 <= self.max_overlap <= 1.0:
            raise OptionError(
                f"decontaminate: max_overlap is a share of words between 0 and 1, "
                f"got {self.max_overlap!r}",
                "max_overlap",
            )
        if (
            not isinstance(self.min_words, int)
            or isinstance(self.min_words, bool)
            or self.min_words < 1
        ):
            raise OptionError(
                f"decontaminate: min_words must be a positive integer, got {self.min_words!r}",
                "min_words",
            )
        if self.record not in RECORD_MODES:
            raise ConfigError(
                f"decontaminate: record must be one of {', '.join(RECORD_MODES)}, "
                f"not {self.record!r}"
            )
