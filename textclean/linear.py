"""Running a pattern on RE2, whose matching time is linear in the text.

RE2 works on UTF-8 bytes; `LinearRegex` hands it the text once encoded (the
last text is kept, so scanning one document at many positions encodes it
once) and turns byte offsets back into character offsets. On ASCII text, the
common case, the two are the same and nothing is converted. Matches are
`LinearMatch` objects with the parts of the `re` match interface textclean
uses.

>>> words = LinearRegex(r"[a-z]+")
>>> [m.span() for m in words.finditer("an \\u00e9t\\u00e9 of ideas")]
[(0, 2), (4, 5), (7, 9), (10, 15)]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import re2
from re2 import _re2

_UNANCHORED = _re2.RE2.Anchor.UNANCHORED
_START = _re2.RE2.Anchor.ANCHOR_START
_BOTH = _re2.RE2.Anchor.ANCHOR_BOTH
_NULL = (-1, -1)


def _options() -> re2.Options:
    options = re2.Options()
    options.log_errors = False
    options.max_mem = 64 << 20
    return options


class _Encoded:
    """A text as RE2 sees it, with byte-to-character offset conversion."""

    __slots__ = ("text", "data", "ascii", "_byte", "_char")

    def __init__(self, text: str):
        self.text = text
        self.ascii = text.isascii()
        self.data = text.encode("ascii" if self.ascii else "utf-8")
        self._byte = 0
        self._char = 0

    def to_char(self, offset: int) -> int:
        """Character offset of a byte offset; linear over increasing offsets."""
        if self.ascii or offset < 0:
            return offset
        if offset < self._byte:
            self._byte = self._char = 0
        self._char += _re2.BytesToCharLen(self.data, self._byte, offset)
        self._byte = offset
        return self._char

    def to_byte(self, offset: int) -> int:
        """Byte offset of a character offset; linear over increasing offsets (a page
        matched at each of its lines in turn converts each line start once)."""
        if self.ascii:
            return offset
        if offset < self._char:
            self._byte = self._char = 0
        self._byte += _re2.CharLenToBytes(self.data, self._byte, offset - self._char)
        self._char = offset
        return self._byte


_last: list[_Encoded | None] = [None]


def _encode(text: str) -> _Encoded:
    cached = _last[0]
    if cached is not None and cached.text is text:
        return cached
    encoded = _Encoded(text)  # raises UnicodeEncodeError on lone surrogates
    _last[0] = encoded
    return encoded


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "\\": "\\"}


def _template(template: str) -> list[tuple[str, int | str | None]]:
    """A replacement template as (literal, group) pieces, as `re.sub` reads it."""
    pieces: list[tuple[str, int | str | None]] = []
    literal, i = "", 0
    while i < len(template):
        ch = template[i]
        if ch != "\\" or i + 1 == len(template):
            literal += ch
            i += 1
            continue
        nxt = template[i + 1]
        if nxt == "g" and template[i + 2 : i + 3] == "<":
            close = template.index(">", i)
            name = template[i + 3 : close]
            pieces.append((literal, int(name) if name.isdigit() else name))
            literal, i = "", close + 1
        elif nxt.isdigit():
            j = i + 1
            while j < len(template) and j < i + 3 and template[j].isdigit():
                j += 1
            pieces.append((literal, int(template[i + 1 : j])))
            literal, i = "", j
        elif nxt in _ESCAPES:
            literal += _ESCAPES[nxt]
            i += 2
        else:
            literal += template[i : i + 2]
            i += 2
    pieces.append((literal, None))
    return pieces


class LinearMatch:
    """One match: the `re.Match` methods textclean uses."""

    __slots__ = ("string", "re", "pos", "endpos", "_spans")

    def __init__(self, rx: LinearRegex, text: str, pos: int, endpos: int, spans: list):
        self.string = text
        self.re = rx
        self.pos = pos
        self.endpos = endpos
        self._spans = spans

    def __repr__(self) -> str:
        return f"<LinearMatch span={self.span()} match={self.group()!r}>"

    def _index(self, group: int | str) -> int:
        if isinstance(group, str):
            return self.re.groupindex[group]
        if not 0 <= group < len(self._spans):
            raise IndexError("no such group")
        return group

    def span(self, group: int | str = 0) -> tuple[int, int]:
        if group == 0:  # the common call: no look-up
            return self._spans[0]
        return self._spans[self._index(group)]

    def start(self, group: int | str = 0) -> int:
        return (self._spans[0] if group == 0 else self.span(group))[0]

    def end(self, group: int | str = 0) -> int:
        return (self._spans[0] if group == 0 else self.span(group))[1]

    def group(self, *groups: int | str) -> Any:
        if len(groups) > 1:
            return tuple(self[g] for g in groups)
        return self[groups[0] if groups else 0]

    def __getitem__(self, group: int | str) -> str | None:
        s, e = self.span(group)
        return None if s < 0 else self.string[s:e]

    def groups(self, default: Any = None) -> tuple[Any, ...]:
        return tuple(default if s < 0 else self.string[s:e] for s, e in self._spans[1:])

    def groupdict(self, default: Any = None) -> dict[str, Any]:
        out = {}
        for name, i in self.re.groupindex.items():
            value = self[i]
            out[name] = default if value is None else value
        return out

    @property
    def regs(self) -> tuple[tuple[int, int], ...]:
        return tuple(self._spans)

    @property
    def lastindex(self) -> int | None:
        best, best_end = None, -1
        for i in range(1, len(self._spans)):
            if self._spans[i][1] > best_end:
                best, best_end = i, self._spans[i][1]
        return best

    @property
    def lastgroup(self) -> str | None:
        index = self.lastindex
        for name, i in self.re.groupindex.items():
            if i == index:
                return name
        return None

    def expand(self, template: str) -> str:
        """``template`` with ``\\1``, ``\\g<1>`` and ``\\g<name>`` replaced by groups."""
        if "\\" not in template:
            return template
        out = []
        for literal, group in _template(template):
            out.append(literal)
            if group is not None:
                out.append(self[group] or "")
        return "".join(out)


class LinearRegex:
    """A pattern in RE2 syntax with the `re` calls textclean makes."""

    __slots__ = ("pattern", "groups", "groupindex", "_rx")

    def __init__(self, pattern: str):
        self.pattern = pattern
        compiled = re2.compile(pattern, _options())
        self._rx = compiled._regexp
        self.groups = compiled.groups
        self.groupindex = dict(compiled.groupindex)

    def _spans(self, enc: _Encoded, raw: list) -> list:
        if enc.ascii:
            return raw
        if len(raw) == 1:  # no groups: two offsets, already in increasing order
            to_char = enc.to_char
            return [(to_char(raw[0][0]), to_char(raw[0][1]))]
        # Convert in increasing byte order so conversion stays linear.
        offsets = sorted({o for span in raw for o in span if o >= 0})
        table = {o: enc.to_char(o) for o in offsets}
        return [_NULL if s < 0 else (table[s], table[e]) for s, e in raw]

    def _one(self, anchor: Any, text: str, pos: int, endpos: int | None) -> LinearMatch | None:
        enc = _encode(text)
        end = len(text) if endpos is None else max(0, min(endpos, len(text)))
        pos = max(0, min(pos, len(text)))
        if pos > end:
            return None
        bpos = enc.to_byte(pos)
        bend = len(enc.data) if end == len(text) else enc.to_byte(end)
        raw = self._rx.Match(anchor, enc.data, bpos, bend)
        if raw[0] == _NULL:
            return None
        return LinearMatch(self, text, pos, end, self._spans(enc, raw))

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> LinearMatch | None:
        return self._one(_UNANCHORED, text, pos, endpos)

    def found(self, text: str) -> bool:
        """``search(text) is not None``, without building the match."""
        data = _encode(text).data
        return self._rx.Match(_UNANCHORED, data, 0, len(data))[0] != _NULL

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> LinearMatch | None:
        return self._one(_START, text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None) -> LinearMatch | None:
        return self._one(_BOTH, text, pos, endpos)

    def finditer(self, text: str) -> Iterator[LinearMatch]:
        """Every match, left to right; the pattern must not match the empty string."""
        enc = _encode(text)
        data, n, match = enc.data, len(enc.data), self._rx.Match
        pos = 0
        while pos <= n:
            raw = match(_UNANCHORED, data, pos, n)
            if raw[0] == _NULL:
                return
            pos = raw[0][1]
            yield LinearMatch(self, text, 0, len(text), self._spans(enc, raw))
            if raw[0][0] == pos:  # cannot happen for a pattern that never matches empty
                raise ValueError(f"pattern {self.pattern!r} matched the empty string")

    def _whole_spans(self, text: str) -> list[tuple[int, int]]:
        """The span of every match, in characters; a tight loop for `findall`."""
        enc = _encode(text)
        data, n, match = enc.data, len(enc.data), self._rx.Match
        spans: list[tuple[int, int]] = []
        pos = 0
        while pos <= n:
            s, e = match(_UNANCHORED, data, pos, n)[0]
            if s < 0:
                break
            if s == e:
                raise ValueError(f"pattern {self.pattern!r} matched the empty string")
            spans.append((s, e))
            pos = e
        if enc.ascii:
            return spans
        to_char = enc.to_char
        return [(to_char(s), to_char(e)) for s, e in spans]

    def context_spans(self, text: str, behind: int = 0, limit: int = 0) -> list[tuple[int, int]]:
        """The span of the one group that takes part in each match, in characters.

        Each search starts ``behind`` characters before the end of the last
        such span, so context the pattern consumed around it is read again
        (`textclean.context_patterns`). ``limit`` stops after that many spans.
        """
        enc = _encode(text)
        data, n, match = enc.data, len(enc.data), self._rx.Match
        spans: list[tuple[int, int]] = []
        pos = last = 0
        while pos <= n:
            raw = match(_UNANCHORED, data, pos, n)
            if raw[0] == _NULL:
                break
            s, e = next((span for span in raw[1:] if span[0] >= 0), _NULL)
            if s == e or s < last:
                raise ValueError(f"pattern {self.pattern!r}: empty or overlapping group match")
            spans.append((s, e))
            if len(spans) == limit:
                break
            last = pos = e
            for _ in range(behind):  # back one code point: skip UTF-8 continuation bytes
                pos -= 1
                while data[pos] & 0xC0 == 0x80:
                    pos -= 1
        if enc.ascii:
            return spans
        to_char = enc.to_char
        return [(to_char(s), to_char(e)) for s, e in spans]

    def findall(self, text: str) -> list[Any]:
        if self.groups == 0:
            return [text[s:e] for s, e in self._whole_spans(text)]
        if self.groups == 1:
            return [m.groups("")[0] for m in self.finditer(text)]
        return [m.groups("") for m in self.finditer(text)]

    def subn(
        self, repl: str | Callable[[LinearMatch], str], text: str, count: int = 0
    ) -> tuple[str, int]:
        pieces: list[str] = []
        end = done = 0
        for m in self.finditer(text):
            if count and done == count:
                break
            s, e = m.span()
            pieces.append(text[end:s])
            pieces.append(repl(m) if callable(repl) else m.expand(repl))
            end = e
            done += 1
        pieces.append(text[end:])
        return "".join(pieces), done

    def sub(self, repl: str | Callable[[LinearMatch], str], text: str, count: int = 0) -> str:
        return self.subn(repl, text, count)[0]

    def split(self, text: str, maxsplit: int = 0) -> list[str]:
        pieces: list[str] = []
        end = done = 0
        for m in self.finditer(text):
            if maxsplit and done == maxsplit:
                break
            pieces.append(text[end : m.start()])
            pieces.extend(m.groups())
            end = m.end()
            done += 1
        pieces.append(text[end:])
        return pieces
