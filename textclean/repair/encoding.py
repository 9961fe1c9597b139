"""Mojibake decoding: where it can occur, and ftfy's decoding with word-level records.

UTF-8 read in a single-byte encoding always leaves a lead byte's character
followed by a continuation byte's character (``Ã©``, ``â€™``). `could_be_mojibake`
looks for such a pair in one scan, so text without one never reaches ftfy;
`encoding_changes` decodes the lines that have one with ``ftfy.fix_encoding``
and records each repaired word.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np

from ..changes import Change
from ..patterns import Pattern
from ..per_text import per_text


def could_be_mojibake(text: str) -> bool:
    """True when the text holds a lead-byte/continuation-byte character pair.

    Without one, no single-byte decoding of UTF-8 can be present, and
    ``ftfy.fix_encoding`` would return the text unchanged. Text with few
    lead characters (English with curly quotes: MacRoman's lead bytes are
    ``– — “ ” ‘ ’``) is checked at those characters only; text full of them
    (Cyrillic, Greek) gets one pattern scan.

    >>> could_be_mojibake("naïve café — “quoted”"), could_be_mojibake("naÃ¯ve")
    (False, True)
    """
    leads, follow, space_ok = _pair_sets()
    present = leads.intersection(beyond_ascii(text))
    if not present:
        return False
    if len(present) > 8 or any("\x80" <= ch <= "\x9f" for ch in present):
        return mojibake_pattern().search(text) is not None
    checked = 0
    for lead in present:
        i = text.find(lead)
        while i != -1:
            after = text[i + 1 : i + 2]
            if after in follow or (after == " " and lead in space_ok):
                return True
            checked += 1
            if checked > 64:
                return mojibake_pattern().search(text) is not None
            i = text.find(lead, i + 1)
    return False


def beyond_ascii(text: str) -> frozenset[str]:
    """The distinct characters of ``text`` beyond ASCII, found once per text: the
    damage test and the mojibake test of `fix_mojibake` both ask."""
    return per_text(text, "beyond_ascii", lambda: frozenset(_beyond_ascii(text)))


def _beyond_ascii(text: str) -> set[str]:
    """The distinct characters of ``text`` beyond ASCII, from one NumPy pass over its code
    points (a set made from the text itself hashes every character, ASCII ones too).

    >>> sorted(_beyond_ascii("naÃ¯ve café"))
    ['¯', 'Ã', 'é']
    """
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return set(map(chr, np.unique(codes[codes >= 0x80]).tolist()))


@lru_cache(maxsize=1)
def _pair_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Lead characters (with C1), what may follow one, and leads that a space may follow."""
    from ftfy import chardata

    every = list(chardata.CHARMAP_ENCODINGS)
    a0_capable = [e for e in every if e != "macroman"]
    leads = _images(range(0xC2, 0xF5), every) | {chr(c) for c in range(0x80, 0xA0)}
    follow = _images(range(0x80, 0xC0), every) | {"?", "\ufffd"}
    space_ok = _images([0xC2, 0xC3, 0xC5, 0xCE, 0xD0, 0xD9, 0xE2, 0xE3, 0xF0], a0_capable)
    return frozenset(leads), frozenset(follow), frozenset(space_ok)


def encoding_changes(text: str) -> list[Change]:
    """Decode mojibake line by line with ``ftfy.fix_encoding``, only where it can be.

    >>> [(c.before, c.after) for c in encoding_changes("ok\\nâ€œhiâ€\\x9d")]
    [('â€œhiâ€\\x9d', '“hi”')]
    """
    ftfy, config = _ftfy()
    changes: list[Change] = []
    for offset, end in _suspect_lines(text):
        line = text[offset:end]
        fixed = ftfy.fix_encoding(line, config)
        if fixed != line:
            changes += [_shift(c, offset) for c in word_changes(line, fixed, "mojibake")]
    return changes


def _suspect_lines(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each line holding a `mojibake_pattern` match.

    No match spans a line break, so one scan of the whole text, resumed after
    each line found, finds the lines a search of each line would.

    >>> _suspect_lines("ok\\nâ€œhi\\nfine\\nCafÃ©")
    [(3, 8), (14, 19)]
    """
    pattern = mojibake_pattern()
    lines = []
    found = pattern.search(text)
    while found is not None:
        start = text.rfind("\n", 0, found.start()) + 1
        end = text.find("\n", found.end())
        if end < 0:
            lines.append((start, len(text)))
            break
        lines.append((start, end))
        found = pattern.search(text, end + 1)
    return lines


def word_changes(before: str, after: str, kind: str) -> list[Change]:
    """Records for whole words that differ: ``doesnâ€™t -> doesn’t``.

    Decoding keeps the spaces of a line except where a lost 0xA0 is restored,
    so words usually pair one to one; otherwise one record spans the
    stretch between the common beginning and end.

    >>> [(c.before, c.after) for c in word_changes("a doesnâ€™t b", "a doesn’t b", "m")]
    [('doesnâ€™t', 'doesn’t')]
    >>> [(c.before, c.after) for c in word_changes("voilÃ  le", "voilà le", "m")]
    [('Ã ', 'à')]
    """
    old, new = before.split(" "), after.split(" ")
    if len(old) != len(new):
        head = 0
        limit = min(len(before), len(after))
        while head < limit and before[head] == after[head]:
            head += 1
        tail = 0
        while tail < limit - head and before[-1 - tail] == after[-1 - tail]:
            tail += 1
        end = len(before) - tail
        return [Change(kind, head, end, before[head:end], after[head : len(after) - tail])]
    out, pos = [], 0
    for a, b in zip(old, new, strict=True):
        if a != b:
            out.append(Change(kind, pos, pos + len(a), a, b))
        pos += len(a) + 1
    return out


def _shift(change: Change, by: int) -> Change:
    return Change(change.kind, change.start + by, change.end + by, change.before, change.after)


@lru_cache(maxsize=1)
def _ftfy() -> tuple[Any, Any]:
    """ftfy and the config that runs only its encoding repairs."""
    import ftfy

    config = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
    )
    return ftfy, config


def _images(codes: range | list[int], encodings: list[str]) -> set[str]:
    """The characters these bytes decode to in these encodings."""
    out = set()
    for encoding in encodings:
        for code in codes:
            try:
                out.add(bytes([code]).decode(encoding))
            except UnicodeDecodeError:
                continue
    return out


@lru_cache(maxsize=1)
def mojibake_pattern() -> Pattern:
    """A lead-byte character then a continuation-byte character, in any ftfy encoding.

    Also matches the damaged forms ftfy repairs: a continuation byte replaced
    by a space (``Ã `` for ``à``), by ``?`` or by U+FFFD, and C1 controls.
    One character class per byte role, merged over the encodings, keeps the
    scan to a single pass; it matches a little more than needed (a Cyrillic
    letter before ``«``), which only sends such text on to ftfy.
    """
    import regex
    from ftfy import chardata

    def chars(codes: range | list[int], encodings: list[str]) -> str:
        return "".join(regex.escape(c) for c in sorted(_images(codes, encodings)))

    every = list(chardata.CHARMAP_ENCODINGS)
    # ftfy restores a lost 0xA0 in every encoding but MacRoman.
    a0_capable = [e for e in every if e != "macroman"]
    lead, cont = chars(range(0xC2, 0xF5), every), chars(range(0x80, 0xC0), every)
    a0_lead = chars([0xC2, 0xC3, 0xC5, 0xCE, 0xD0, 0xD9], a0_capable)
    space_lead = chars([0xE2, 0xE3, 0xF0], a0_capable)
    return Pattern(
        rf"[\x80-\x9f]|[{lead}][{cont}?\ufffd]|[{a0_lead}] |[{space_lead}] [{cont}]",
        step="fix_mojibake",
    )
