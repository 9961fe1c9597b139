"""Rewriting a `regex`-module pattern into RE2 syntax with the same meaning.

RE2 matches in time linear in the text whatever the pattern, but it reads
some constructs differently from the `regex` module: ``\\w``, ``\\d`` and
``\\s`` are ASCII-only, ``\\b`` is an ASCII word boundary, ``$`` without
MULTILINE does not match before a final newline, and its Unicode tables may be
of another version. `to_re2` rewrites every character class into explicit
code point ranges computed by the `regex` module itself, so both engines agree
on which characters a class holds, and returns None for any construct RE2
lacks or reads differently (look-around, ``\\b``, back-references,
possessive and atomic groups, a non-multiline ``$``, verbose mode...). Such
patterns stay on the `regex` module.

>>> to_re2(r"\\d+") == "[" + _ranges(r"\\d") + "]+"
True
>>> to_re2(r"(?<=a)b") is None
True
"""

from __future__ import annotations

from functools import cache

import regex

from .code_point_scans import _every_code_point as _every_code_point  # re-exported
from .code_point_scans import scan_runs

#: Flags RE2 can express inline; anything else keeps a pattern on `regex`.
_INLINE = {regex.IGNORECASE: "i", regex.MULTILINE: "m", regex.DOTALL: "s"}
_IGNORED = regex.UNICODE | regex.VERSION0
_CLASS_ESCAPES = set("wWdDsS")
_CONTROL = {"n": 0x0A, "t": 0x09, "r": 0x0D, "f": 0x0C, "v": 0x0B, "a": 0x07}
_NEGATED = {"W": r"\w", "D": r"\d", "S": r"\s"}
_ASCII_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


class Unsupported(Exception):
    """The pattern uses a construct RE2 lacks or reads differently."""


@cache
def _ranges(item: str) -> str:
    """The body of an RE2 class holding exactly what ``[item]`` holds for `regex`."""
    parts = []
    for lo, hi in scan_runs(f"[{item}]+"):
        parts.append(f"\\x{{{lo:x}}}" if lo == hi else f"\\x{{{lo:x}}}-\\x{{{hi:x}}}")
    if not parts:
        raise Unsupported(item)
    return "".join(parts)


def _literal(ch: str) -> str:
    if ch in _ASCII_PUNCT:
        return "\\" + ch
    if ch.isascii() and ch.isprintable():
        return ch
    return f"\\x{{{ord(ch):x}}}"


class _Reader:
    def __init__(self, source: str):
        self.s = source
        self.i = 0

    def more(self) -> bool:
        return self.i < len(self.s)

    def peek(self, n: int = 1) -> str:
        return self.s[self.i : self.i + n]

    def take(self, n: int = 1) -> str:
        out = self.s[self.i : self.i + n]
        self.i += n
        return out

    def until(self, end: str) -> str:
        j = self.s.find(end, self.i)
        if j < 0:
            raise Unsupported("unterminated")
        out = self.s[self.i : j]
        self.i = j + len(end)
        return out


def _escape(r: _Reader, in_class: bool) -> tuple[str, bool]:
    """One escape after its backslash: (RE2 text, whether it is a class body)."""
    ch = r.take()
    if ch in _CLASS_ESCAPES:
        if ch in _NEGATED:
            if in_class:
                raise _NegatedInside("negated class escape inside a class")
            return "[^" + _ranges(_NEGATED[ch]) + "]", False
        return _ranges("\\" + ch), True
    if ch in "pP":
        if r.peek() != "{":
            raise Unsupported("one-letter property")
        r.take()
        name = r.until("}")
        if ch == "P" or name.startswith("^"):
            if in_class:
                raise _NegatedInside("negated property inside a class")
            return "[^" + _ranges(f"\\p{{{name.lstrip('^')}}}") + "]", False
        return _ranges(f"\\p{{{name}}}"), True
    if ch == "x":
        if r.peek() == "{":
            r.take()
            return f"\\x{{{int(r.until('}'), 16):x}}}", False
        return _literal(chr(int(r.take(2), 16))), False
    if ch in "uU":
        digits = r.take(4 if ch == "u" else 8)
        return _literal(chr(int(digits, 16))), False
    if ch == "N" and r.peek() == "{":
        import unicodedata

        r.take()
        return _literal(unicodedata.lookup(r.until("}"))), False
    if ch in _CONTROL:
        return f"\\x{{{_CONTROL[ch]:x}}}", False
    if ch == "0":
        return "\\x{0}", False
    if ch == "A":
        if in_class:
            raise Unsupported("anchor in class")
        return "\\A", False
    if ch == "Z" or ch == "z":
        if in_class:
            raise Unsupported("anchor in class")
        return "\\z", False
    if ch.isalnum():
        raise Unsupported(f"escape \\{ch}")  # \b, \B, \G, \K, \X, back-references...
    return _literal(ch), False


_SPELLED_CLASS = regex.compile(r"(?:\\u[0-9a-f]{4}|\\U[0-9a-f]{8}|-(?!\]))+\]")
_CODE_POINT = regex.compile(r"\\u[0-9a-f]{4}|\\U[0-9a-f]{8}")


def _hex_escape(m: regex.Match) -> str:
    return f"\\x{{{int(m.group()[2:], 16):x}}}"


def _class(r: _Reader) -> str:
    """A bracketed class, after its ``[``.

    A class holding a negated escape (``[^\\W\\d_]``, letters) has no RE2
    spelling piece by piece; it is spelled as the code point ranges `regex`
    itself finds in it.
    """
    spelled = _SPELLED_CLASS.match(r.s, r.i)
    if spelled is not None:  # code points only (`textclean.code_points`): one pass
        r.i = spelled.end()
        return "[" + _CODE_POINT.sub(_hex_escape, spelled.group()[:-1]) + "]"
    start = r.i
    try:
        return _class_items(r)
    except _NegatedInside:
        r.i = start
        return "[" + _ranges(_raw_class(r)) + "]"


class _NegatedInside(Unsupported):
    """A negated escape inside a class."""


def _raw_class(r: _Reader) -> str:
    """The body of a bracketed class as written, after its ``[``."""
    start = r.i
    if r.peek() == "^":
        r.take()
    if r.peek() == "]":
        r.take()
    while r.more() and r.peek() != "]":
        if r.peek() == "[" and r.peek(2) == "[:":
            raise Unsupported("POSIX class")
        r.take(2 if r.peek() == "\\" else 1)
    if not r.more():
        raise Unsupported("unterminated class")
    body = r.s[start : r.i]
    r.take()
    return body


def _class_items(r: _Reader) -> str:
    body = ""
    if r.peek() == "^":
        r.take()
        body = "^"
    first = True
    while True:
        if not r.more():
            raise Unsupported("unterminated class")
        ch = r.take()
        if ch == "]" and not first:
            return "[" + body + "]"
        first = False
        if ch == "[":
            if r.peek() == ":":
                raise Unsupported("POSIX class")
            body += "\\["
        elif ch == "\\":
            text, _ = _escape(r, in_class=True)
            body += text
        elif ch == "-" and body not in ("", "^") and r.peek() != "]":
            body += "-"
        else:
            body += _literal(ch)


def _group_open(r: _Reader, at_start: bool) -> str:
    """What follows ``(``."""
    if r.peek() != "?":
        return "("
    r.take()
    nxt = r.peek()
    if nxt == ":":
        r.take()
        return "(?:"
    if nxt == "P" and r.peek(2) == "P<":
        r.take(2)
        return f"(?P<{r.until('>')}>"
    if nxt == "<" and r.peek(2) not in ("<=", "<!"):
        r.take()
        return f"(?P<{r.until('>')}>"
    flags = ""
    while r.more() and r.peek() in "imsx-":
        flags += r.take()
    if "x" in flags or not flags:
        raise Unsupported("construct (?" + r.peek())
    end = r.take()
    if end == ")":
        if not at_start:
            raise Unsupported("global flags after the start")
        return f"(?{flags})"
    if end == ":":
        return f"(?{flags}:"
    raise Unsupported("inline flags")


def _translate(source: str, multiline: bool) -> str:
    r = _Reader(source)
    out: list[str] = []
    last_quantifier = False
    while r.more():
        ch = r.take()
        quantifier = False
        if ch == "\\":
            text, is_body = _escape(r, in_class=False)
            out.append(f"[{text}]" if is_body else text)
        elif ch == "[":
            out.append(_class(r))
        elif ch == "(":
            out.append(_group_open(r, at_start=all(o.startswith("(?") for o in out)))
        elif ch in "*+?":
            if last_quantifier and ch == "+":
                raise Unsupported("possessive quantifier")
            out.append(ch)
            quantifier = ch != "?" or not last_quantifier
        elif ch == "{":
            j = source.find("}", r.i)
            body = source[r.i : j] if j >= 0 else ""
            if body and all(c.isdigit() or c == "," for c in body) and body[0] != ",":
                if last_quantifier:
                    raise Unsupported("quantifier after quantifier")
                r.i = j + 1
                out.append(_counted(body, out[-1] if out else "", r.peek()))
                quantifier = True
            else:
                out.append("\\{")
        elif ch == "$":
            if not multiline:
                raise Unsupported("$ without MULTILINE")
            out.append("$")
        elif ch in "^.|)":
            out.append(ch)
        elif ch == "}":
            out.append("\\}")
        else:
            out.append(_literal(ch))
        last_quantifier = quantifier
    return "".join(out)


#: The largest count RE2 accepts in ``{m,n}``.
MAX_REPEAT = 1000


def _counted(body: str, atom: str, after: str) -> str:
    """A ``{m,n}`` quantifier; past `MAX_REPEAT`, greedy, on one character
    item, as greedy pieces: ``x{1,2076}`` is ``x{1,1000}x{0,1000}x{0,76}``,
    which tries the counts in the same order, most first."""
    low, comma, high = body.partition(",")
    if not comma or not high or int(high) <= MAX_REPEAT:
        return "{" + body + "}"
    single = atom.startswith("[") or (len(atom) <= 2 and atom not in ("(", ")", "|"))
    if int(low or 0) > MAX_REPEAT or after in ("?", "+") or not single:
        raise Unsupported("count too large")
    pieces = ["{" + f"{low or 0},{MAX_REPEAT}" + "}"]
    rest = int(high) - MAX_REPEAT
    while rest > 0:
        pieces.append(atom + "{0," + str(min(rest, MAX_REPEAT)) + "}")
        rest -= MAX_REPEAT
    return "".join(pieces)


def to_re2(source: str, flags: int = 0) -> str | None:
    """``source`` in RE2 syntax, or None when RE2 would read it differently."""
    rest = flags & ~_IGNORED
    prefix = ""
    for flag, letter in _INLINE.items():
        if rest & flag:
            prefix += letter
            rest &= ~flag
    if rest:
        return None
    multiline = "m" in prefix or bool(regex.match(r"\(\?[a-z]*m[a-z]*\)", source))
    try:
        body = _translate(source, multiline)
    except (Unsupported, ValueError, KeyError):
        return None
    return (f"(?{prefix})" if prefix else "") + body
