"""The marks that end a sentence, in every script.

A line that ends like a sentence reads as prose to the boilerplate step and
the quality filter. Latin full stops and question marks are not the only
ones: Hindi ends a sentence with a danda (``।``), Urdu with ``۔``, Armenian
with ``։``, Amharic with ``።``, Khmer with ``។``, Chinese and Japanese with
``。``. Unicode lists them all as the ``Sentence_Terminal`` property; the
ellipsis is added, which Unicode leaves out because it also marks an
omission inside a sentence.

>>> all(mark in SENTENCE_TERMINALS for mark in ".?!…।۔։።។。")
True
>>> ":" in SENTENCE_TERMINALS or "," in SENTENCE_TERMINALS
False
"""

from __future__ import annotations

from .code_point_scans import scan_runs

#: Every character of Unicode's ``Sentence_Terminal`` property, and the ellipsis.
SENTENCE_TERMINALS = frozenset(
    "…"
    + "".join(chr(c) for lo, hi in scan_runs(r"\p{Sentence_Terminal}") for c in range(lo, hi + 1))
)
