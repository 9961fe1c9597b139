"""The own features of lines met before, remembered per process.

Menus, share rows and footers come back on every page of a site, and a
syndicated story repeats its paragraphs word for word on every page that
carries it. A line's own row (`own_features`: shape, words, word scores,
category) depends on the line and the word table alone, never on the lines
around it, so a line met again takes its row from memory instead of being
split, looked up and counted again: the same bytes, less work.

Memory is bounded in lines and in characters; once either bound is passed,
everything is forgotten and the memory fills again (as `RuleSet.remember`).

>>> from textclean.boilerplate.line_model import builtin_model
>>> table = builtin_model().words
>>> lines = ["Share on Facebook", "", "The council voted on Monday to close the bridge."]
>>> fresh, again = own_features(lines, None, table), remembered_own_features(lines, table)
>>> bool((fresh.rows == again.rows).all()) and fresh.keys == again.keys
True
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .line_features import OWN, OwnFeatures, WordTable, own_features

#: Lines remembered at most, and characters in them at most (about 13 MB in all).
MEMO_LINES = 20_000
MEMO_CHARS = 2_000_000
#: What a line's memory holds: its own row (as bytes), repeat key, words and category.
Remembered = tuple[bytes, str, int, int]
#: What a blank line's memory would hold.
_BLANK: Remembered = (bytes(8 * len(OWN)), "", 0, -1)


class _Memory:
    """Remembered lines of one word table."""

    def __init__(self, table: WordTable):
        self.table = table
        self.lines: dict[str, Remembered] = {}
        self.chars = 0

    def add(self, texts: list[str], own: OwnFeatures) -> dict[str, Remembered]:
        """Remember ``texts`` (distinct, non-blank, stripped) with their features ``own``."""
        words, category = own.words.tolist(), own.category.tolist()
        found = {
            text: (own.rows[j].tobytes(), own.keys[j], words[j], category[j])
            for j, text in enumerate(texts)
        }
        size = sum(map(len, texts))
        if len(self.lines) + len(found) > MEMO_LINES or self.chars + size > MEMO_CHARS:
            self.lines.clear()
            self.chars = 0
        self.lines.update(found)
        self.chars += size
        return found


_MEMORY: list[_Memory] = []


def _memory(table: WordTable) -> _Memory:
    """The memory of ``table``: one table is in use at a time (the model's)."""
    if not _MEMORY or _MEMORY[0].table is not table:
        _MEMORY[:] = [_Memory(table)]
    return _MEMORY[0]


def remembered_own_features(lines: Sequence[str], table: WordTable) -> OwnFeatures:
    """``own_features(lines, None, table)``, with the lines met before taken from memory."""
    memory = _memory(table)
    stripped = [line.strip() for line in lines]
    known = memory.lines
    found = {text: known[text] for text in stripped if text in known}
    new = [text for text in dict.fromkeys(stripped) if text and text not in found]
    if new:
        found.update(memory.add(new, own_features(new, None, table)))
    n = len(stripped)
    found[""] = _BLANK
    remembered = list(map(found.__getitem__, stripped))
    rows, keys, words, category = zip(*remembered, strict=True) if n else ((),) * 4
    return OwnFeatures(
        np.frombuffer(bytearray(b"".join(rows)), dtype=np.float64).reshape(n, len(OWN)),
        list(keys),
        np.fromiter(map(bool, stripped), dtype=bool, count=n),
        stripped,
        np.array(words, dtype=np.int64),
        np.array(category, dtype=np.int64),
    )
