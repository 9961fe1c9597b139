"""A `regex`-module pattern read into its atoms, for rewriting it.

`textclean.existence` and `textclean.spent_conditions` rewrite patterns whose
zero-width conditions RE2 lacks; both read a pattern with `parse`: a list of
branches, each a list of `Item` (a literal, a class, an escape, a group or a
look-around with its own branches, an anchor, ``\\b``), with the quantifier
of each. Constructs neither rewriting takes apart (named and atomic groups,
back-references, global flags in the middle...) raise `Refused`.

>>> branches, end = parse(r"^(?:ab|c)+\\b", 0)
>>> [item.kind for item in branches[0]], branches[0][1].quant
(['caret', 'group', 'bound'], '+')
"""

from __future__ import annotations

from dataclasses import dataclass, field


class Refused(Exception):
    """The pattern uses a construct the reader does not take apart."""


_CONTROLS = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}


def char_of(item: Item) -> str:
    """The character a literal item stands for."""
    if item.text.startswith("\\"):
        return _CONTROLS.get(item.text[1], item.text[1])
    return item.text


@dataclass
class Item:
    """One atom of a pattern with its quantifier; a group or look-around holds its branches."""

    kind: str  # lit, esc, class, group, bound, look, caret, dollar, dot, flags
    text: str  # as written, without the quantifier
    quant: str = ""
    low: int = 1
    high: int = 1
    alts: list[list[Item]] = field(default_factory=list)
    close: str = ""

    @property
    def possessive(self) -> bool:
        return len(self.quant) > 1 and self.quant.endswith("+")


def parse(s: str, i: int) -> tuple[list[list[Item]], int]:
    alts: list[list[Item]] = [[]]
    while i < len(s):
        c = s[i]
        if c == ")":
            return alts, i
        if c == "|":
            alts.append([])
            i += 1
            continue
        item, i = _atom(s, i)
        i = _quantifier(s, i, item)
        alts[-1].append(item)
    return alts, i


def _atom(s: str, i: int) -> tuple[Item, int]:
    c = s[i]
    if c == "\\":
        if s[i + 1] in "pPNx" and s[i + 2 : i + 3] == "{":
            end = s.index("}", i) + 1
            return Item("esc", s[i:end]), end
        if s[i + 1] == "b":
            return Item("bound", "\\b"), i + 2
        if s[i + 1] in "dDwWsS":
            return Item("esc", s[i : i + 2]), i + 2
        if s[i + 1] in "ntrfva":
            return Item("lit", s[i : i + 2]), i + 2  # a control character
        if s[i + 1].isalnum():
            raise Refused  # anchors, back-references, code point escapes...
        return Item("lit", s[i : i + 2]), i + 2
    if c == "[":
        j = i + 1
        if s[j] == "^":
            j += 1
        if s[j] == "]":
            j += 1
        while s[j] != "]":
            if s[j] == "[":
                raise Refused
            j += 2 if s[j] == "\\" else 1
        return Item("class", s[i : j + 1]), j + 1
    if c == "(":
        for prefix, kind in (("(?<=", "look"), ("(?<!", "look"), ("(?=", "look"), ("(?!", "look")):
            if s.startswith(prefix, i):
                alts, end = parse(s, i + len(prefix))
                return Item(kind, prefix, alts=alts, close=")"), end + 1
        if s.startswith("(?:", i):
            prefix = "(?:"
        elif s.startswith("(?", i):
            j = i + 2
            while s[j] in "imsx-":
                j += 1
            if s[j] == ")":
                raise Refused  # a global flag in the middle
            if s[j] != ":" or set(s[i + 2 : j]) - set("i-"):
                raise Refused  # named or atomic groups, comments, other flags...
            prefix = s[i : j + 1]
        else:
            prefix = "("
        alts, end = parse(s, i + len(prefix))
        return Item("group", prefix, alts=alts, close=")"), end + 1
    if c == "^":
        return Item("caret", c), i + 1
    if c == "$":
        return Item("dollar", c), i + 1
    if c == ".":
        return Item("dot", c), i + 1
    if c in "*+?{":
        raise Refused
    return Item("lit", c), i + 1


def _quantifier(s: str, i: int, item: Item) -> int:
    if i >= len(s) or s[i] not in "*+?{":
        return i
    start = i
    c = s[i]
    if c == "{":
        end = s.index("}", i)
        body = s[i + 1 : end]
        low, _, high = body.partition(",")
        if not (low or high) or not (low + high).isdigit():
            raise Refused
        item.low = int(low or 0)
        item.high = int(high) if "," in body and high else (10**9 if "," in body else item.low)
        i = end + 1
    else:
        item.low, item.high = {"*": (0, 10**9), "+": (1, 10**9), "?": (0, 1)}[c]
        i += 1
    if i < len(s) and s[i] in "?+":
        i += 1
    if item.kind in ("bound", "look", "caret", "dollar"):
        raise Refused
    item.quant = s[start:i]
    return i
