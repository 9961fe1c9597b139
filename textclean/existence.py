"""Whether a pattern matches somewhere, asked of RE2 even when the pattern has word edges.

A rule table only asks *whether* a line holds a match, never where. For that
question a zero-width condition at the outer edge of a match can be spent as
one consumed character: ``\\bcookies`` matches somewhere exactly when
``(?:^|\\W)cookies`` does. `existence_source` rewrites, where this holds,

* ``\\b`` or ``(?<!\\w)``/``(?<=x)`` at the start of a match, before a letter
  or digit, into ``(?:^|[^\\w])`` (or the class it names);
* ``\\b`` or ``(?!\\w)``/``(?=x)`` at the end of a match, after a letter or
  digit, into ``(?:[^\\w]|\\Z)``;
* ``$`` at the end into ``\\n?\\Z`` (what it means to `regex`);
* a possessive run (``[\\s\\p{P}]*+``) followed by a letter or digit, or by
  the end, into a greedy one: the run holds neither, so nothing it took
  could ever be given back.

The result goes through `textclean.re2_syntax.to_re2`, so every class keeps
the code points it has for `regex`. A pattern with any other look-around,
``\\b`` or possessive run is refused here; given its case mode, `existence`
then spends those conditions on the characters beside them
(`textclean.spent_conditions`), and only what that refuses too stays on `regex`.

>>> existence_source(r"\\b(?:read|see) our (?:privacy|terms)\\b")
'(?:^|[^\\\\w])(?:read|see) our (?:privacy|terms)(?:[^\\\\w]|\\\\Z)'
>>> existence_source(r"\\w+\\b-") is None
True
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

from .pattern_items import Item as _Item
from .pattern_items import Refused as _Refused
from .pattern_items import char_of as _char
from .pattern_items import parse as _parse
from .spent_conditions import spend

_WORD_PROPERTIES = {"L", "Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "Letter"}
_EDGE_ESCAPES = {"\\s", "\\p{P}", "\\p{S}", "\\p{Z}", "\\p{Zs}", "\\p{Pd}", "\\p{Po}"}
_NOT_WORD = r"[^\w]"
_WORD = regex.compile(r"\w")
_DIGIT = regex.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Existence:
    """``source`` matches in a text exactly when the original pattern does,
    provided the text holds a digit if ``needs_digit``. ``spelled``: every
    character of ``source`` is spelled as the code points it stands for, under
    the original's case mode, so no engine's case folding plays a part."""

    source: str
    needs_digit: bool = False
    spelled: bool = False


def existence_source(source: str) -> str | None:
    """A pattern, in `regex` syntax, that matches in a text exactly when ``source`` does."""
    found = existence(source)
    return found.source if found is not None and not found.needs_digit else None


def existence(source: str, caseless: bool | None = None) -> Existence | None:
    r"""`existence_source`, also for an anchored pattern that asks, before reading
    any digit, for a digit further on (``^...(?=[^\d]*\d)``): that is a
    condition on the whole text, checked apart.

    Given the case mode (``caseless``: the pattern runs under IGNORECASE), a
    pattern the rewriting above refuses has its zero-width conditions spent
    on the characters beside them instead (`textclean.spent_conditions.spend`: a
    ``\b`` beside a name that may end in a letter or a mark, a look-behind
    after a run of punctuation, a possessive run before a mark it holds).

    >>> existence(r"^[\s\p{P}]*+(?=[^\d]*\d)(?:\d+|on)+$")
    Existence(source='^[\\s\\p{P}]*(?:\\d+|on)+\\n?\\Z', needs_digit=True, spelled=False)
    >>> existence(r"^[\s\p{P}]*+(?:(?<=\()photo\b)") is None
    True
    >>> existence(r"^[\s\p{P}]*+(?:(?<=\()photo\b)", caseless=True).spelled
    True
    """
    found = _rewritten(source)
    if found is not None or caseless is None:
        return found
    spent = spend(source, caseless)
    return None if spent is None else Existence(spent, spelled=True)


def _rewritten(source: str) -> Existence | None:
    try:
        alts, end = _parse(source, 0)
        if end != len(source):
            raise _Refused
        digit: list[bool] = []
        clean = len(alts) == 1 and bool(alts[0]) and alts[0][0].kind == "caret"
        rewritten = "|".join(_emit(seq, True, True, clean, digit) for seq in alts)
        return Existence(rewritten, bool(digit))
    except (_Refused, IndexError, ValueError):
        return None


_DIGIT_AHEAD = "(?=[^\\d]*\\d)"


def _alts_text(item: _Item) -> str:
    return "|".join("".join(i.text + i.quant for i in seq) for seq in item.alts) + item.close


def _digit_free(item: _Item) -> bool:
    """Whether ``item`` never consumes a digit."""
    if item.kind in ("caret", "bound"):
        return True
    if item.kind == "lit":
        return _DIGIT.match(_char(item)) is None
    if item.kind in ("class", "esc"):
        return _class_holds_no_word(item) and not item.text.startswith("\\d")
    if item.kind == "group":
        return all(all(map(_digit_free, seq)) for seq in item.alts)
    return False


def _is_word_atom(item: _Item, last: bool) -> bool:
    """Whether every character ``item`` can take first (or ``last``) is a letter or digit."""
    if item.kind == "lit":
        ch = _char(item)
        return unicodedata.category(ch)[0] == "L" or unicodedata.category(ch) == "Nd"
    if item.kind == "esc":
        return item.text == "\\d" or (
            item.text.startswith("\\p{") and item.text[3:-1] in _WORD_PROPERTIES
        )
    if item.kind == "class":
        return _class_is_word(item.text)
    if item.kind == "group":
        return all(_edge_is_word(seq, last) for seq in item.alts)
    return False


def _class_is_word(text: str) -> bool:
    body = text[1:-1]
    if body.startswith("^") or not body:
        return False
    i = 0
    while i < len(body):
        if body[i] == "\\":
            if body[i + 1] in "pP":
                end = body.index("}", i) + 1
                if body[i + 1] == "P" or body[i + 3 : end - 1] not in _WORD_PROPERTIES:
                    return False
                i = end
                continue
            if body[i + 1] != "d":
                return False
            i += 2
            continue
        ch = body[i]
        if ch == "-" and 0 < i < len(body) - 1:
            if i > 1 and body[i - 2] == "\\":
                return False  # after a class escape a hyphen is itself
            lo, hi = body[i - 1], body[i + 1]
            if not (lo.isascii() and hi.isascii() and lo.isalnum() and hi.isalnum()):
                return False
            if (lo.isdigit(), lo.isupper()) != (hi.isdigit(), hi.isupper()):
                return False
            i += 1
            continue
        cat = unicodedata.category(ch)
        if cat[0] != "L" and cat != "Nd":
            return False
        i += 1
    return True


def _class_holds_no_word(item: _Item) -> bool:
    """Whether a run's class holds no letter or digit (spaces, punctuation, symbols)."""
    if item.kind == "esc":
        return item.text in _EDGE_ESCAPES
    if item.kind != "class" or item.text.startswith("[^"):
        return False
    body, i = item.text[1:-1], 0
    while i < len(body):
        if body[i] == "\\":
            if body[i + 1] in "pP":
                end = body.index("}", i) + 1
                if body[i:end] not in _EDGE_ESCAPES:
                    return False
                i = end
                continue
            if body[i + 1].isalnum() and body[i : i + 2] != "\\s":
                return False
            i += 2
            continue
        if body[i] == "-" and 0 < i < len(body) - 1:
            return False
        cat = unicodedata.category(body[i])
        if cat[0] in "LNM" or body[i] == "_":
            return False
        i += 1
    return True


def _edge_is_word(seq: list[_Item], last: bool) -> bool:
    """Whether a match of ``seq`` always begins (ends, if ``last``) with a letter or digit."""
    for item in reversed(seq) if last else seq:
        if item.kind in ("bound", "look", "caret", "dollar"):
            continue  # zero-width: it only narrows which matches there are
        if item.high == 0 or not _is_word_atom(item, last):
            return False
        if item.low >= 1:
            return True
    return False


def _ends_here(rest: list[_Item], at_end: bool) -> bool:
    """Whether nothing but the end (``$``) may follow, at the end of a match."""
    return at_end and all(item.kind == "dollar" for item in rest)


def _emit(
    seq: list[_Item], at_start: bool, at_end: bool, clean: bool = False, digit: list | None = None
) -> str:
    """``seq`` rewritten; ``clean``: every match reaches ``seq`` from the start of
    the text through characters that are not digits (``digit`` collects the
    ``(?=[^\\d]*\\d)`` spent as the condition "the text holds a digit")."""
    out: list[str] = []
    skip = 0
    for k, item in enumerate(seq):
        first, last = at_start and k == 0, at_end and k == len(seq) - 1
        before, after = seq[:k], seq[k + 1 :]
        if skip:
            skip -= 1
            continue
        if item.kind == "look" and item.text + _alts_text(item) == _DIGIT_AHEAD:
            if not (clean and digit is not None and all(map(_digit_free, before))):
                raise _Refused
            digit.append(True)
            continue
        if item.kind == "bound":
            if first and _edge_is_word(after, last=False):
                out.append(f"(?:^|{_NOT_WORD})")
            elif last and _edge_is_word(before, last=True):
                out.append(f"(?:{_NOT_WORD}|\\Z)")
            else:
                text, skip = _inner_bound(before, after, last, out)
                out.append(text)
        elif item.kind == "look":
            out.append(_look(item, first, last))
        elif item.kind == "dollar":
            if not _ends_here(after, at_end):
                raise _Refused
            out.append("\\n?\\Z" if not after else "")
        elif item.kind == "group":
            single = item.high == 1
            mandatory = (
                clean
                and single
                and item.low == 1
                and len(item.alts) == 1
                and all(map(_digit_free, before))
            )
            inner = "|".join(
                _emit(alt, first and single, last and single, mandatory, digit) for alt in item.alts
            )
            out.append(item.text + inner + item.close + _quant(item, after, at_end))
        else:
            out.append(item.text + _quant(item, after, at_end))
    return "".join(out)


def _quant(item: _Item, after: list[_Item], at_end: bool) -> str:
    if not item.possessive:
        return item.quant
    if not _class_holds_no_word(item):
        raise _Refused
    if _ends_here(after, at_end) or _edge_is_word(after, last=False):
        return item.quant[:-1]
    raise _Refused


def _look(item: _Item, first: bool, last: bool) -> str:
    """A one-character look-around at the outer edge of a match, spent as a character."""
    if len(item.alts) != 1 or len(item.alts[0]) != 1:
        raise _Refused
    (inner,) = item.alts[0]
    if inner.quant or inner.kind not in ("class", "esc", "lit"):
        raise _Refused
    char = inner.text
    if inner.kind == "class":
        negated = "[" + char[2:] if char.startswith("[^") else "[^" + char[1:]
    elif inner.kind == "esc" and char in ("\\w", "\\s", "\\d"):
        negated = "[^" + char + "]"
    else:
        negated = "[^" + char + "]"
    if first and item.text == "(?<=":
        return char
    if first and item.text == "(?<!":
        return f"(?:^|{negated})"
    if last and item.text == "(?=":
        return char
    if last and item.text == "(?!":
        return f"(?:{negated}|\\Z)"
    raise _Refused


def _edge_is_not_word(seq: list[_Item], last: bool) -> bool:
    """Whether a match of ``seq`` always begins (ends) with a character that is not a
    word character to `regex`."""
    for item in reversed(seq) if last else seq:
        if item.kind in ("bound", "look", "caret", "dollar"):
            continue
        if item.kind not in ("lit", "class", "esc") or item.high == 0:
            return False
        if not _holds_no_word_char(item):
            return False
        if item.low >= 1:
            return True
    return False


def _holds_no_word_char(item: _Item) -> bool:
    if item.kind == "lit":
        return _WORD.match(_char(item)) is None
    if item.kind == "esc":
        return item.text == "\\s"
    body = item.text[1:-1]
    if body.startswith("^") or "-" in body[1:-1]:
        return False
    i = 0
    while i < len(body):
        if body[i] == "\\":
            if body[i : i + 2] != "\\s" and body[i + 1].isalnum():
                return False
            ch, i = body[i + 1], i + 2
            if ch == "s":
                continue
        else:
            ch, i = body[i], i + 1
        if _WORD.match(ch) is not None:
            return False
    return True


def _is_dot(item: _Item) -> bool:
    return item.kind == "dot" and item.high >= 1


def _inner_bound(
    before: list[_Item], after: list[_Item], last: bool, out: list[str]
) -> tuple[str, int]:
    """A ``\\b`` inside a match, where the characters on both sides are known or
    where one side is a run of any characters (``.{0,60}``): the text standing
    for it, and how many of the following items it stands for as well."""
    prev_word = _edge_is_word(before, last=True)
    prev_other = not prev_word and _edge_is_not_word(before, last=True)
    next_word = _edge_is_word(after, last=False)
    next_other = not next_word and _edge_is_not_word(after, last=False)
    if (prev_word and next_other) or (prev_other and next_word):
        return "", 0  # always a boundary
    if prev_word and after and _is_dot(after[0]):
        dots, rest = after[0], after[1:]
        low, high = dots.low, dots.high
        if rest and rest[0].kind == "bound" and _edge_is_word(rest[1:], last=False):
            # word \b .{low,high} \b word: the run has a non-word character at each end.
            if low <= 1:
                tail = "" if high < 2 else f"(?:.{_span(0, high - 2)}[^\\w\\n])?"
            else:
                tail = f".{_span(low - 2, high - 2)}[^\\w\\n]"
            return "[^\\w\\n]" + tail, 2
        if _edge_is_word(rest, last=False):
            # word \b .{low,high} word: the run starts with a non-word character.
            return f"[^\\w\\n].{_span(max(low - 1, 0), high - 1)}", 1
        if not rest and last and low == 0:
            return f"(?:{_NOT_WORD}|\\Z)", 1
    if next_word and before and _is_dot(before[-1]) and _edge_is_word(before[:-1], last=True):
        # word .{low,high} \b word: the run ends with a non-word character.
        dots = before[-1]
        out.pop()
        return f".{_span(max(dots.low - 1, 0), dots.high - 1)}[^\\w\\n]", 0
    raise _Refused


def _span(low: int, high: int) -> str:
    return f"{{{low},}}" if high >= 10**8 else f"{{{low},{high}}}"
