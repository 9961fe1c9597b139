"""Whole web pages or scraper output: which threshold the line model's verdicts use.

Scraper output (an article with furniture left inline) is mostly paragraphs;
the visible lines of a whole web page hold long runs of short navigation
lines. On the labelled training pages one count tells them apart: fewer than
ten lines of under five words in 98% of scraper-output pages, ten or more in
96% of the development pages, 100% of Dragnet's and 71% of Readability's.
What counts as furniture differs too: around the article of a whole page,
product boxes, link lists and comments are part of the page a reader sees,
while in scraper output they are furniture left behind. A model may so carry
a second, more careful threshold for whole pages (`PageKind`).

The test reads the lines a round judges (the lines left), so the step's
result stays a fixed point: once its menus are gone, a whole page is judged
as the scraper output it has become.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass(frozen=True)
class PageKind:
    """A page with at least ``min_short_lines`` lines of fewer than ``short_words``
    words is a whole page, judged at ``threshold``; other pages at the model's own."""

    short_words: int
    min_short_lines: int
    threshold: float

    def is_whole_page(self, words: np.ndarray) -> bool:
        """Whether lines with these word counts (blank lines count 0) make a whole page.

        >>> kind = PageKind(short_words=5, min_short_lines=3, threshold=0.6)
        >>> kind.is_whole_page(np.array([2, 1, 0, 3, 40]))
        True
        >>> kind.is_whole_page(np.array([2, 0, 0, 30, 40]))
        False
        """
        short = (words > 0) & (words < self.short_words)
        return int(np.count_nonzero(short)) >= self.min_short_lines

    def cut_off(self, words: np.ndarray, own: float) -> float:
        """The decision threshold for a page whose lines have these word counts."""
        return self.threshold if self.is_whole_page(words) else own

    def to_json(self) -> dict[str, Any]:
        return {
            "short_words": self.short_words,
            "min_short_lines": self.min_short_lines,
            "threshold": self.threshold,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PageKind:
        return cls(
            short_words=int(data["short_words"]),
            min_short_lines=int(data["min_short_lines"]),
            threshold=float(data["threshold"]),
        )

    def problem(self) -> str | None:
        """What makes these settings unusable, or None."""
        if self.short_words < 1 or self.min_short_lines < 1:
            return "page kind: short_words and min_short_lines must be at least 1"
        if not 0.0 < self.threshold < 1.0:
            return "page kind: threshold outside (0, 1)"
        return None
