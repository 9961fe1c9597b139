"""Values several steps derive from one text, computed once per text.

Steps are pure, so a value derived from a text is the same whichever step
asks. When a step leaves the text alone, the next step receives the very same
string object; a single-entry cache keyed by that object (identity, so the
text is never hashed or compared) hands the next step what the previous one
derived: the language the ``language`` step found, read again by
``quality``; the lower-cased text and its lexicon words, read by ``fix_spun``
and ``spin_filter``. The cache lives in the module, not in the steps, so steps
still pickle as their options, and each worker process keeps its own.

>>> text = "Some Text"
>>> per_text(text, "lower", text.lower) is per_text(text, "lower", text.lower)
True
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class _Entry:
    __slots__ = ("text", "values")

    def __init__(self, text: str):
        self.text = text
        self.values: dict[Hashable, Any] = {}


_last: list[_Entry] = [_Entry("")]


def per_text(text: str, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or what it gave for this same text object and ``key`` before.

    ``compute`` must be a pure function of ``text`` (and of what ``key``
    names); callers must not mutate what it returns.
    """
    entry = _last[0]
    if entry.text is not text:
        entry = _Entry(text)
        _last[0] = entry
    values = entry.values
    if key not in values:
        values[key] = compute()
    return values[key]
