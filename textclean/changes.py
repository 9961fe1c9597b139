"""Edit records: what a step changed in a text, where, and why.

A step that rewrites text returns a list of `Change` records with spans in
the text it received. The records are replayable: `apply_changes` turns the
input into the output, which is how tests prove a record is complete and how
`Pipeline.explain` can show a user exactly what happened.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Change:
    """Replace ``text[start:end]`` (which equals ``before``) with ``after``.

    ``kind`` names the repair or removal (``"space_before_punct"``,
    ``"boilerplate:share"``); ``reason`` explains it to a human.
    """

    kind: str
    start: int
    end: int
    before: str
    after: str
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class ChangeReplayError(ValueError):
    """A change record does not fit the text it is replayed on."""


def apply_changes(text: str, changes: Iterable[Change]) -> str:
    """Replay non-overlapping changes on the text they were recorded against.

    >>> apply_changes("It ’ s here", [Change("contraction", 2, 5, " ’ ", "’")])
    'It’s here'
    """
    out: list[str] = []
    pos = 0
    for ch in sorted(changes, key=lambda c: (c.start, c.end)):
        if ch.start < pos or text[ch.start : ch.end] != ch.before:
            raise ChangeReplayError(
                f"change {ch.kind!r} at {ch.start}:{ch.end} expects {ch.before!r}, "
                f"text has {text[ch.start : ch.end]!r}"
            )
        out.append(text[pos : ch.start])
        out.append(ch.after)
        pos = ch.end
    out.append(text[pos:])
    return "".join(out)


def diff_changes(before: str, after: str, kind: str, reason: str = "") -> list[Change]:
    """Derive change records from two texts, for steps that do not record their own.

    >>> diff_changes("a  b", "a b", "spacing")
    [Change(kind='spacing', start=2, end=3, before=' ', after='', reason='')]
    """
    if before == after:
        return []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    return [
        Change(kind, i1, i2, before[i1:i2], after[j1:j2], reason)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]
