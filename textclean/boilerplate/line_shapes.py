"""Shapes of captions, credits, bylines and link labels, as features of a line.

The words of a caption are the words of news ("A man walks past the
Forbidden City"); what gives it away is how it ends: a credit after the
last sentence ("… in 1918. Jeff Snowbarger", "… /Andy Kelly via Unsplash").
An author's note opens on a name and "is a" ("Jane Doe is a visiting
scholar …"); a teaser or a related link opens on a capitalised label and a
colon ("TRENDING: …", "Digital sales boost:Walmart …", a label the scraper
glued to its link); photo captions and datelines name the full date. Each
shape is one compiled pattern, asked once per line.

>>> X = shape_features(["A man walks by. © 2013 Reuters", "TRENDING: Senate votes"])
>>> X[:, SHAPES.index("credit_tail")].tolist(), X[:, SHAPES.index("caps_label")].tolist()
([1.0, 0.0], [0.0, 1.0])
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

SHAPES = ("credit_tail", "caps_label", "glued_colon", "bio_opening", "full_date")

_NAME = r"(?:[A-Z][\w'’.&-]*|via|by|for|and|of|de|van|von|©|\d{4})"
#: A run of capitalised words after a sentence end, a slash or a copyright sign, ending the line.
_CREDIT_TAIL = re.compile(
    rf"(?:[.!?”\"]\s+|\s*/\s*|©\s*|\|\s*)(?:{_NAME})(?:[ \t]+{_NAME}){{0,5}}[ \t]*$"
)
#: An upper-case label and a colon opening the line ("BREAKING:", "WATCH NOW:").
_CAPS_LABEL = re.compile(r"^[^\w]*[A-Z][A-Z0-9'’&.\- ]{1,30}:")
#: A word, a colon and a capitalised word with no space between: a label glued to a link.
_GLUED_COLON = re.compile(r"[a-z’'!?)]:[A-Z‘'\"“]")
#: A name and "is a / is an / is the": the note on an author.
_BIO = re.compile(r"^(?:[A-Z][\w'’.-]*,?\s+){1,4}(?:is|was|has been)\s+(?:a|an|the|senior|also)\s")
_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
#: A full date ("June 5, 2016", "5 June 2016").
_FULL_DATE = re.compile(
    rf"\b(?:(?:{_MONTHS})[a-z]*\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+(?:{_MONTHS})[a-z]*\.?\s+\d{{4}})\b"
)
#: Characters of a line's end that the credit pattern reads (a credit is short)...
TAIL = 120
#: ...and of its start that the others read (a caption or a label is short too).
HEAD = 300
#: Each shape's pattern and the part of the line it reads: its end, or its start.
_PATTERNS = (
    (_CREDIT_TAIL, True),
    (_CAPS_LABEL, False),
    (_GLUED_COLON, False),
    (_BIO, False),
    (_FULL_DATE, False),
)


def shape_features(lines: Sequence[str]) -> np.ndarray:
    """One row of `SHAPES` per line (1.0 where the line has the shape); lines are stripped."""
    out = np.zeros((len(lines), len(SHAPES)))
    tails = [line[-TAIL:] for line in lines]
    heads = [line[:HEAD] for line in lines]
    for k, (pattern, at_end) in enumerate(_PATTERNS):
        search = pattern.search
        read = tails if at_end else heads
        out[:, k] = np.fromiter((search(line) is not None for line in read), dtype=np.float64)
    return out


def run_lengths(flags: np.ndarray) -> np.ndarray:
    """For each True in ``flags``, the length of the run of Trues it belongs to (0 elsewhere).

    A list of related links is a run of headline-like lines; one such line
    between paragraphs is as likely a subheading.

    >>> run_lengths(np.array([True, True, False, True])).tolist()
    [2.0, 2.0, 0.0, 1.0]
    """
    n = len(flags)
    if n == 0:
        return np.zeros(0)
    edges = np.diff(np.concatenate([[False], flags, [False]]).astype(np.int8))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    out = np.zeros(n)
    out[flags] = np.repeat(ends - starts, ends - starts)
    return out
