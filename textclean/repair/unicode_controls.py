"""Character-level repairs: entities, controls, line breaks, invisible and odd spaces.

Each function returns the `Change` records that repair one kind of damage,
with spans in the text it is given; none of them touches correct text. The
rules decide by context where a character can be either damage or correct
typography: a zero-width joiner inside an emoji sequence or a Devanagari
word stays, a stray one goes; a no-break space between two words becomes a
plain space, one before a French ``:`` or inside ``25 000`` stays.
"""

from __future__ import annotations

import html
from functools import lru_cache

import regex

from ..changes import Change
from ..char_positions import char_positions
from ..context_patterns import ContextPattern
from ..patterns import Pattern
from .edits import pattern_changes
from .spacing_context import uses_french_spacing

STEP = "fix_mojibake"

#: Entities need their semicolon: ``?a=1&not=2`` in a URL is not an entity.
ENTITY = Pattern(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});", step=STEP)
#: An HTML or XML tag: entities in markup are markup, not damage.
MARKUP_TAG = Pattern(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>", step=STEP)
TERMINAL_ESCAPE = Pattern(
    r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?", step=STEP
)
SURROGATE = Pattern(r"[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]", step=STEP)
LINE_BREAK = Pattern(r"\r\n?|[\u2028\u2029]", step=STEP)
#: C0/C1 controls, deprecated format characters, interlinear annotations, and the
#: bidi embeddings, overrides and isolates: display formatting that plain text does
#: not need (the bidi algorithm orders right-to-left letters by itself) and the
#: means of spoofing (``invoice \u202egnp.exe``). The marks LRM, RLM, ALM stay.
CONTROL = Pattern(
    r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u206a-\u206f\ufff9-\ufffc]",
    step=STEP,
)

_NO_SPACE_SCRIPTS = (
    r"\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}"
    r"\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Javanese}\p{Script=Balinese}"
)
_JOINABLE = r"\p{L}\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f\u20e3\u200c\u200d"
_SIMPLE_SCRIPT_LETTER = r"[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}&&\p{L}]"
#: The invisible characters `zero_width_changes` removes, as a `regex` pattern: the
#: definition its linear-time scan (`_zero_width_spans`) is tested against.
ZERO_WIDTH = Pattern(
    # ZWSP separates words in scripts written without spaces: keep it next to them.
    rf"(?<![{_NO_SPACE_SCRIPTS}\u200b])\u200b+(?![{_NO_SPACE_SCRIPTS}\u200b])"
    # ZWNJ/ZWJ shape Arabic, Indic and emoji sequences (also word-finally, after a
    # virama): a joiner goes after a non-letter, and after a Latin, Greek or
    # Cyrillic letter, scripts that joiners do not shape.
    rf"|(?<![{_JOINABLE}])[\u200c\u200d]"
    rf"|(?<={_SIMPLE_SCRIPT_LETTER})[\u200c\u200d]"
    r"|[\u00ad\u180e\u2060\ufeff]",
    flags=regex.V1,
    step=STEP,
)
_ODD_SPACES = "\u00a0\u2000-\u200a\u202f\u205f"
#: Odd spaces between words; the left side may be closing punctuation ("said,\xa0and").
_ODD_SPACE_LEFT = r"[\p{L}\p{M},;)\]\u201d\"\u2013\u2014-]"
ODD_SPACE = ContextPattern(
    Pattern(
        rf"(?<={_ODD_SPACE_LEFT}) *[{_ODD_SPACES}][ {_ODD_SPACES}]*(?=\p{{L}})",
        step=STEP,
    ),
    rf"{_ODD_SPACE_LEFT}( *[{_ODD_SPACES}][ {_ODD_SPACES}]*)\p{{L}}",
    behind=1,
)

# C1 controls are almost always Windows-1252 bytes decoded as Latin-1.
_C1_UNDEFINED_IN_CP1252 = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def looks_like_markup(text: str) -> bool:
    """True when the text holds HTML/XML tags, so its entities are markup.

    >>> looks_like_markup("<p>caf&eacute;</p>"), looks_like_markup("x < 5 &amp; y > 2")
    (True, False)
    """
    return "<" in text and MARKUP_TAG.search(text) is not None


def html_entity_changes(text: str) -> list[Change]:
    """Decode HTML character references (``&amp;``, ``&#8217;``, ``&eacute;``).

    >>> [(c.before, c.after) for c in html_entity_changes("AT&amp;T&#8217;s &bogus;")]
    [('&amp;', '&'), ('&#8217;', '’')]
    """
    if "&" not in text:
        return []
    return pattern_changes(ENTITY, text, "html_entity", lambda m: html.unescape(m.group()))


def terminal_escape_changes(text: str) -> list[Change]:
    """Remove ANSI terminal escape sequences (colours, cursor moves).

    >>> [c.before for c in terminal_escape_changes("\\x1b[31mred\\x1b[0m")]
    ['\\x1b[31m', '\\x1b[0m']
    """
    if "\x1b" not in text:
        return []
    return pattern_changes(TERMINAL_ESCAPE, text, "terminal_escape", lambda m: "")


def surrogate_changes(text: str) -> list[Change]:
    """Join surrogate pairs into their character; a lone surrogate becomes U+FFFD.

    >>> [c.after for c in surrogate_changes("\\ud83d\\ude00 and \\udc80")]
    ['😀', '�']
    """
    return pattern_changes(SURROGATE, text, "surrogate", _join_surrogates)


def _join_surrogates(m: object) -> str:
    s = m.group()  # type: ignore[attr-defined]
    if len(s) == 2:
        return chr(0x10000 + ((ord(s[0]) - 0xD800) << 10) + (ord(s[1]) - 0xDC00))
    return "\ufffd"


def line_break_changes(text: str) -> list[Change]:
    """``\\r\\n``, ``\\r``, U+2028 and U+2029 become ``\\n``.

    >>> [(c.before, c.after) for c in line_break_changes("a\\r\\nb\\u2028c")]
    [('\\r\\n', '\\n'), ('\\u2028', '\\n')]
    """
    return pattern_changes(LINE_BREAK, text, "line_break", lambda m: "\n")


def control_char_changes(text: str) -> list[Change]:
    """Remove control characters; C1 controls become their Windows-1252 character.

    A vertical tab separates lines, so it becomes ``\\n``; a form feed (a page
    break in plain text) is whitespace, not damage, and stays.

    >>> [(c.before, c.after) for c in control_char_changes("a\\x00b\\x93c\\x0bd\\x0ce")]
    [('\\x00', ''), ('\\x93', '“'), ('\\x0b', '\\n')]
    """
    return pattern_changes(CONTROL, text, "control_char", _control_replacement)


def _control_replacement(m: object) -> str:
    code = ord(m.group())  # type: ignore[attr-defined]
    if code == 0x0B:
        return "\n"
    if 0x80 <= code <= 0x9F and code not in _C1_UNDEFINED_IN_CP1252:
        return bytes([code]).decode("cp1252")
    return ""


def zero_width_changes(text: str) -> list[Change]:
    """Remove invisible characters that only break words apart for search and dedup.

    Kept where they carry meaning: ZWSP between Thai/CJK letters, ZWNJ/ZWJ
    between letters and inside emoji sequences.

    >>> [c.before for c in zero_width_changes("pass\\u200bword 👨\\u200d👩 \\ufeffx")]
    ['\\u200b', '\\ufeff']
    """
    return [
        Change("zero_width", start, end, text[start:end], "")
        for start, end in _zero_width_spans(text)
    ]


_ZWSP = "\u200b"
_JOINERS = "\u200c\u200d"
_ALWAYS_INVISIBLE = "\u00ad\u180e\u2060\ufeff"


#: The classes of `ZERO_WIDTH`, each asked of one character at a time: a
#: one-character match takes constant time, and a page meets few distinct
#: neighbours, so nothing is built for the whole of Unicode up front.
_BESIDE_KEPT_ZWSP = regex.compile(f"[{_NO_SPACE_SCRIPTS}{_ZWSP}]")
_BEFORE_KEPT_JOINER = regex.compile(f"[{_JOINABLE}]")
_SIMPLE_LETTER = regex.compile(_SIMPLE_SCRIPT_LETTER, regex.V1)


@lru_cache(maxsize=4096)
def _neighbour(char: str) -> tuple[bool, bool]:
    """Whether ``char`` may stand beside a ZWSP that stays, and whether a joiner
    after it stays (a joinable character that is no Latin, Greek or Cyrillic letter)."""
    joinable = _BEFORE_KEPT_JOINER.fullmatch(char) is not None
    return (
        _BESIDE_KEPT_ZWSP.fullmatch(char) is not None,
        joinable and _SIMPLE_LETTER.fullmatch(char) is None,
    )


def _zero_width_spans(text: str) -> list[tuple[int, int]]:
    """The spans `ZERO_WIDTH` matches, found with `str.find` and decided by the
    characters beside each one, in time linear in the text.

    >>> _zero_width_spans("a\\u200b\\u200bb \\u0e01\\u200b\\u0e02 x\\u200d")
    [(1, 3), (10, 11)]
    """
    found = char_positions(text, _ZWSP + _JOINERS + _ALWAYS_INVISIBLE)
    if not found:
        return []
    spans = []
    end = 0
    for i in found:
        if i < end:
            continue  # inside a run of ZWSP already decided
        char = text[i]
        if char == _ZWSP:
            end = i + 1
            while end < len(text) and text[end] == _ZWSP:
                end += 1
            before = i > 0 and _neighbour(text[i - 1])[0]
            after = end < len(text) and _neighbour(text[end])[0]
            if not before and not after:
                spans.append((i, end))
        elif char in _JOINERS:
            if i == 0 or not _neighbour(text[i - 1])[1]:
                spans.append((i, i + 1))
        else:
            spans.append((i, i + 1))
    return spans


def odd_space_changes(text: str) -> list[Change]:
    """No-break and other odd spaces that only separate two words become plain spaces.

    Typographic ties stay: in numbers and units (``25\\u202f000``, ``10\\xa0km``,
    ``%d\\xa0octets``), after abbreviations (``z.\\xa0B.``), after and before
    one-letter words (Czech and Polish ``v\\xa0domu``), and every no-break space
    of a text set in French typography (``«\\xa0oui\\xa0»``, ``—\\xa0incise``).

    >>> t = "the\\xa0word, 25\\xa0000, z.\\xa0B., a\\xa0tie"
    >>> [(c.start, c.after) for c in odd_space_changes(t)]
    [(3, ' ')]
    >>> odd_space_changes("Il dit\\xa0: c’est l’algorithme\\xa0MD2 —\\xa0voilà")
    []
    >>> odd_space_changes("w\\xa0domu i\\xa0w\\xa0pracy")
    []
    """
    if not any(ch in text for ch in "\u00a0\u202f\u205f") and not _has_typographic_space(text):
        return []
    if uses_french_spacing(text):
        return []  # French typesetting places no-break spaces on purpose
    out = []
    for m in ODD_SPACE.finditer(text):
        if not _is_tie(text, m.start(), m.end()):
            out.append(Change("nbsp", m.start(), m.end(), m.group(), _plain_spaces(m)))
    return out


def _has_typographic_space(text: str) -> bool:
    return any("\u2000" <= ch <= "\u200a" for ch in text)


def _is_tie(text: str, start: int, end: int) -> bool:
    """A typographic tie: after a number, placeholder, abbreviation or one-letter word."""
    left = start
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    before = text[left:start].lstrip("([{\"'“‘„«")
    right = end
    while right < len(text) and not text[right].isspace():
        right += 1
    after = text[end:right]
    if any(ch.isdigit() for ch in before) or before.startswith("%") or "." in before:
        return True
    return (len(after) == 1 and after.isalpha()) or (len(before) == 1 and before.isalpha())


def _plain_spaces(m: object) -> str:
    return " " * len(m.group())  # type: ignore[attr-defined]
