"""Edit bookkeeping for repairs that run in several passes.

A repair such as `fix_mojibake` runs passes one after another (entities, then
encoding, then controls ...). Each pass records `Change` spans in the text *it*
received; `EditTrail` folds them into spans of the *original* text, so the
records a step returns replay on its input with `apply_changes`. Where a later
pass edits text an earlier pass produced, the two edits merge into one record
whose kind names both (``"html_entity+control_char"``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..changes import Change
from ..patterns import Pattern


class EditTrail:
    """The original text, the current text, and the edits between them.

    >>> trail = EditTrail("a &amp;  b")
    >>> trail.apply([Change("html_entity", 2, 7, "&amp;", "&")])
    >>> trail.apply([Change("double_space", 3, 5, "  ", " ")])
    >>> trail.text
    'a & b'
    >>> [(c.kind, c.before, c.after) for c in trail.changes()]
    [('html_entity', '&amp;', '&'), ('double_space', '  ', ' ')]
    """

    __slots__ = ("original", "_pieces")

    def __init__(self, text: str):
        self.original = text
        # (orig_start, orig_end, current_text, kind); kind "" means untouched.
        self._pieces: list[tuple[int, int, str, str]] = [(0, len(text), text, "")]

    @property
    def text(self) -> str:
        return "".join(p[2] for p in self._pieces)

    def apply(self, changes: Iterable[Change]) -> None:
        """Fold changes recorded against `text` into the trail."""
        edits = sorted(changes, key=lambda c: (c.start, c.end))
        if not edits:
            return
        if len(self._pieces) == 1 and not self._pieces[0][3]:
            self._pieces = _first_edits(self.original, edits)  # nothing to merge with yet
        else:
            self._pieces = _fold(self._pieces, edits)

    def changes(self) -> list[Change]:
        """Records against the original text; replaying them gives `text`."""
        out = []
        for start, end, current, kind in self._pieces:
            if kind and current != self.original[start:end]:
                out.append(Change(kind, start, end, self.original[start:end], current))
        return out


Piece = tuple[int, int, str, str]


def _first_edits(text: str, edits: list[Change]) -> list[Piece]:
    """Pieces for edits on the untouched original: gaps stay, edits become pieces."""
    out: list[Piece] = []
    pos = 0
    for edit in edits:
        if edit.start > pos:
            out.append((pos, edit.start, text[pos : edit.start], ""))
        out.append((edit.start, edit.end, edit.after, edit.kind))
        pos = edit.end
    out.append((pos, len(text), text[pos:], ""))
    return out


def _fold(pieces: list[Piece], edits: list[Change]) -> list[Piece]:
    """Apply sorted, non-overlapping edits (in current coordinates) to the pieces.

    Edits that touch the same piece form one cluster and become one piece.
    """
    split = _split_untouched(pieces, edits)
    offsets, pos = [], 0
    for piece in split:
        offsets.append(pos)
        pos += len(piece[2])
    out: list[Piece] = []
    i = 0
    cluster: list[Change] = []
    lo = hi = 0  # piece range of the open cluster

    def close() -> None:
        base = offsets[lo] if lo < len(split) else pos
        old = "".join(p[2] for p in split[lo:hi])
        new = replay(old, [_shift(c, -base) for c in cluster])
        kinds: list[str] = []
        for kind in [k for p in split[lo:hi] for k in p[3].split("+")] + [c.kind for c in cluster]:
            if kind and kind not in kinds:
                kinds.append(kind)
        if hi > lo:
            span = (split[lo][0], split[hi - 1][1])
        else:
            at = out[-1][1] if out else 0
            span = (at, at)
        out.append((span[0], span[1], new, "+".join(kinds)))

    for edit in edits:
        s, e = edit.start, edit.end
        if cluster and (i > lo and offsets[i - 1] + len(split[i - 1][2]) > s):
            cluster.append(edit)  # the edit reaches into the open cluster's last piece
        else:
            if cluster:
                close()
            while i < len(split) and offsets[i] + len(split[i][2]) <= s:
                out.append(split[i])
                i += 1
            cluster, lo = [edit], i
        while i < len(split) and _overlaps(offsets[i], split[i], s, e):
            i += 1
        hi = i
    if cluster:
        close()
    out.extend(split[i:])
    return out


def _overlaps(offset: int, piece: Piece, s: int, e: int) -> bool:
    end = offset + len(piece[2])
    if s == e:  # an insertion belongs to a piece only when it falls strictly inside
        return offset < s < end
    return offset < e and end > s


def _shift(change: Change, by: int) -> Change:
    return Change(change.kind, change.start + by, change.end + by, change.before, change.after)


def _split_untouched(pieces: list[Piece], edits: list[Change]) -> list[Piece]:
    """Cut untouched pieces at every edit boundary; edited pieces stay whole."""
    cuts = sorted({c.start for c in edits} | {c.end for c in edits})
    out: list[Piece] = []
    pos, k = 0, 0
    for start, end, cur, kind in pieces:
        stop = pos + len(cur)
        while k < len(cuts) and cuts[k] <= pos:
            k += 1
        if kind or not cur:
            out.append((start, end, cur, kind))
        else:
            here = pos
            while k < len(cuts) and cuts[k] < stop:
                cut = cuts[k] - pos
                prev = here - pos
                out.append((start + prev, start + cut, cur[prev:cut], ""))
                here = cuts[k]
                k += 1
            prev = here - pos
            out.append((start + prev, end, cur[prev:], ""))
        pos = stop
    return out


def pattern_changes(
    pattern: Pattern, text: str, kind: str, replace: Callable[[object], str | None]
) -> list[Change]:
    """One `Change` per match whose replacement differs (``None`` keeps the match).

    >>> from textclean.patterns import Pattern
    >>> pattern_changes(Pattern(r"\\s+,"), "a , b", "space", lambda m: ",")
    [Change(kind='space', start=1, end=3, before=' ,', after=',', reason='')]
    """
    out = []
    for m in pattern.finditer(text):
        after = replace(m)
        if after is not None and after != m.group():
            out.append(Change(kind, m.start(), m.end(), m.group(), after))
    return out


def replay(text: str, changes: list[Change]) -> str:
    """The text with the changes applied (changes sorted, non-overlapping)."""
    if not changes:
        return text
    parts, pos = [], 0
    for ch in sorted(changes, key=lambda c: (c.start, c.end)):
        parts.append(text[pos : ch.start])
        parts.append(ch.after)
        pos = ch.end
    parts.append(text[pos:])
    return "".join(parts)
