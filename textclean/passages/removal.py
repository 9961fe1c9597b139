"""Cutting repeated passages out of a text, at sentence boundaries only.

Passage spans already start and end on sentence boundaries. Cutting them
cleanly also means: no double spaces or empty lines left behind, and no
dangling fragment — a leftover "sentence" with no letter or digit (a stray
``”.`` or ``–``) next to a cut goes with it.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..changes import Change
from ..segment import LINE_BREAKS, WHITESPACE, split_sentences

__all__ = ["remove_spans"]

_INLINE = "".join(c for c in WHITESPACE if c not in LINE_BREAKS)


def remove_spans(
    text: str, spans: Iterable[tuple[int, int]], *, kind: str = "repeated_passage", reason: str = ""
) -> tuple[str, list[Change]]:
    """``text`` without ``spans`` (sentence-aligned) and the `Change` records of the cuts.

    >>> remove_spans("Keep this. Cut this one. Keep that.", [(11, 24)])[0]
    'Keep this. Keep that.'
    >>> remove_spans("Keep.\\nCut me.\\nKeep.", [(6, 13)])[0]
    'Keep.\\nKeep.'
    >>> remove_spans("Keep.\\n\\nCut me.\\n\\nKeep.", [(7, 14)])[0]
    'Keep.\\n\\nKeep.'
    >>> remove_spans("A kept sentence. Cut me. ”. Next one.", [(17, 24)])[0]
    'A kept sentence. Next one.'
    """
    merged = _with_fragments(text, _merge(text, sorted(spans)))
    changes = [_cut(text, start, end, kind, reason) for start, end in merged]
    changes = _merge_adjacent(changes, text, kind, reason)
    out = []
    pos = 0
    for change in changes:
        out.append(text[pos : change.start])
        pos = change.end
    out.append(text[pos:])
    return "".join(out), changes


def _merge(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans, and spans separated only by spaces on one line, become one."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if start >= end:
            continue
        if merged and (start <= merged[-1][1] or _only(text[merged[-1][1] : start], _INLINE)):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _with_fragments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Extend cuts over neighbouring sentences that have no letter or digit."""
    if not spans:
        return spans
    fragments = [
        (s.start, s.end)
        for s in split_sentences(text)
        if not any(c.isalnum() for c in s.text)
        and not any(a <= s.start and s.end <= b for a, b in spans)
    ]
    if not fragments:
        return spans
    grown = []
    for start, end in spans:
        for f_start, f_end in fragments:
            if f_start >= end and _only(text[end:f_start], _INLINE):
                end = f_end
            elif f_end <= start and _only(text[f_end:start], _INLINE):
                start = f_start
        grown.append((start, end))
    return _merge(text, grown)


def _cut(text: str, start: int, end: int, kind: str, reason: str) -> Change:
    """The change removing ``text[start:end]`` with the spacing around it."""
    n = len(text)
    line_start = start
    while line_start > 0 and text[line_start - 1] in _INLINE:
        line_start -= 1
    line_end = end
    while line_end < n and text[line_end] in _INLINE:
        line_end += 1
    at_line_start = line_start == 0 or text[line_start - 1] in LINE_BREAKS
    at_line_end = line_end == n or text[line_end] in LINE_BREAKS
    if at_line_start and at_line_end:
        # the whole line goes, with one line break
        start = line_start
        if line_end < n:
            end = _after_break(text, line_end)
            if _blank_before(text, start):
                # a paragraph between blank lines: its separator goes too
                while True:
                    j = end
                    while j < n and text[j] in _INLINE:
                        j += 1
                    if j >= n or text[j] not in LINE_BREAKS:
                        break
                    end = _after_break(text, j)
        else:
            end = line_end
            if start > 0:
                start -= 2 if text[max(0, start - 2) : start] == "\r\n" else 1
    elif at_line_end:
        start, end = line_start, line_end
    else:
        end = line_end
    return Change(kind, start, end, text[start:end], "", reason)


def _after_break(text: str, pos: int) -> int:
    return pos + (2 if text.startswith("\r\n", pos) else 1)


def _blank_before(text: str, line_start: int) -> bool:
    """True at the start of the text or when the line before is blank."""
    if line_start == 0:
        return True
    j = line_start - 1  # the line break ending the previous line
    if text[j] == "\n" and j > 0 and text[j - 1] == "\r":
        j -= 1
    while j > 0 and text[j - 1] in _INLINE:
        j -= 1
    return j == 0 or text[j - 1] in LINE_BREAKS


def _merge_adjacent(changes: list[Change], text: str, kind: str, reason: str) -> list[Change]:
    out: list[Change] = []
    for change in changes:
        if out and change.start <= out[-1].end:
            start, end = out[-1].start, max(out[-1].end, change.end)
            out[-1] = Change(kind, start, end, text[start:end], "", reason)
        else:
            out.append(change)
    return out


def _only(chunk: str, allowed: str) -> bool:
    return all(c in allowed for c in chunk)
