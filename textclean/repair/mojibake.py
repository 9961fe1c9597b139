"""Repair encoding damage without touching correct text.

`fix_mojibake` decodes mojibake (UTF-8 read as Windows-1252, Latin-1 and the
other single-byte encodings ftfy knows), HTML entities, control characters,
lone surrogates, invisible characters, odd line breaks and no-break spaces
between words. Unlike ``ftfy.fix_text`` it leaves correct typography alone:
curly quotes, dashes, ellipses and the text's normal form are not damage, so
uncurling, ligatures, width and NFC/NFKC are options, off by default.

Most text holds no damage at all, so a fast path returns it untouched after
one scan: mojibake always shows a UTF-8 lead byte's character followed by a
continuation byte's character (``Ã©``, ``â€™``), and text without such a pair,
without control or invisible characters and without ``&`` never reaches ftfy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from ..changes import Change
from ..errors import ConfigError
from ..patterns import Pattern
from ..registry import register
from ..steps import TextStep
from . import normalize as norm
from . import unicode_controls as uc
from .edits import EditTrail

#: Passes repeat until nothing changes (``&amp;eacute;`` needs two), at most this often.
MAX_ROUNDS = 4

_ASCII_DAMAGE = Pattern(r"[&\x00-\x08\x0b\x0d-\x1f\x7f]", step="fix_mojibake")
_LINE_BREAKS = frozenset("\r\u2028\u2029")
_INVISIBLES = frozenset("\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff")
_ODD_SPACES = frozenset("\u00a0\u202f\u205f" + "".join(map(chr, range(0x2000, 0x200B))))
_UNICODE_DAMAGE = Pattern(
    r"[&\x00-\x08\x0b\x0d-\x1f\x7f-\x9f\u00a0\u00ad\u180e\u2000-\u200d\u2028\u2029\u202f"
    r"\u205f-\u206f\ufeff\ufff9-\ufffc\ud800-\udfff]",
    step="fix_mojibake",
)


@register("fix_mojibake", default=10)
@dataclass(frozen=True)
class FixMojibake(TextStep):
    """Repair mojibake, HTML entities, control and invisible characters; keep correct text."""

    unescape_html: bool | Literal["auto"] = field(
        default="auto",
        metadata={"help": "decode &amp; &#8217; ...; 'auto' skips text that holds HTML tags"},
    )
    fix_encoding: bool = field(
        default=True, metadata={"help": "decode mojibake (UTF-8 read in a single-byte encoding)"}
    )
    remove_controls: bool = field(
        default=True,
        metadata={
            "help": "remove C0/C1 controls and terminal escapes (C1 become cp1252 characters)"
        },
    )
    fix_line_breaks: bool = field(
        default=True, metadata={"help": "\\r\\n, \\r, U+2028 and U+2029 become \\n"}
    )
    remove_zero_width: bool = field(
        default=True,
        metadata={"help": "remove stray zero-width characters, BOMs and soft hyphens"},
    )
    fix_nbsp: bool = field(
        default=True,
        metadata={"help": "no-break and odd spaces that only separate words become spaces"},
    )
    uncurl_quotes: bool = field(
        default=False, metadata={"help": "normalization: curly quotes become ASCII quotes"}
    )
    fix_ligatures: bool = field(
        default=False, metadata={"help": "normalization: Latin ligatures (ﬁ) become letters"}
    )
    fix_width: bool = field(
        default=False, metadata={"help": "normalization: full-width ASCII becomes ASCII"}
    )
    normalization: str | None = field(
        default=None, metadata={"help": "normalization: Unicode form NFC or NFKC (None: keep)"}
    )

    def __post_init__(self) -> None:
        if self.normalization is not None and self.normalization not in norm.NORMAL_FORMS:
            raise ConfigError(
                f"fix_mojibake: normalization must be one of {', '.join(norm.NORMAL_FORMS)} "
                f"or None, not {self.normalization!r}"
            )
        if self.unescape_html not in (True, False, "auto"):
            raise ConfigError(
                f"fix_mojibake: unescape_html must be true, false or 'auto', not {self.unescape_html!r}"
            )

    def edit(self, text: str) -> tuple[str, list[Change]]:
        return explain_mojibake(text, self)


DEFAULT = FixMojibake()


def fix_mojibake(text: str, **options: Any) -> str:
    """Repair encoding damage; correct text comes back unchanged.

    Options are the fields of `FixMojibake` (all normalizations off by default).

    >>> fix_mojibake("The Mona Lisa doesnâ€™t have eyebrows.")
    'The Mona Lisa doesn’t have eyebrows.'
    >>> fix_mojibake("“Curly” quotes — and … stay")
    '“Curly” quotes — and … stay'
    >>> fix_mojibake("AT&amp;T\\r\\ncaf\\u00c3\\u00a9\\x00")
    'AT&T\\ncafé'
    >>> fix_mojibake("“Quoted”", uncurl_quotes=True)
    '"Quoted"'
    """
    return explain_mojibake(text, FixMojibake(**options) if options else DEFAULT)[0]


def explain_mojibake(text: str, options: FixMojibake = DEFAULT) -> tuple[str, list[Change]]:
    """The repaired text and replayable `Change` records against ``text``.

    >>> explain_mojibake("cafÃ©")[1]
    [Change(kind='mojibake', start=0, end=5, before='cafÃ©', after='café', reason='')]
    """
    passes = _passes(text, options)
    if not passes:
        return text, []
    trail = EditTrail(text)
    current = text
    for _ in range(MAX_ROUNDS):
        start = current
        for find in passes:
            changes = find(current)
            if changes:
                trail.apply(changes)
                current = trail.text
        if current == start:
            break
        passes = _passes(current, options)  # a repair can reveal more (``&amp;eacute;``)
        if not passes:
            break
    return current, trail.changes()


def may_need_repair(text: str) -> bool:
    """False when no default repair can apply: the fast path's one scan.

    >>> may_need_repair("Plain “news” text — fine…"), may_need_repair("doesnâ€™t")
    (False, True)
    """
    if text.isascii():
        return _ASCII_DAMAGE.search(text) is not None
    return _UNICODE_DAMAGE.search(text) is not None or could_be_mojibake(text)


def could_be_mojibake(text: str) -> bool:
    """True when the text holds a lead-byte/continuation-byte character pair.

    Without one, no single-byte decoding of UTF-8 can be present, and
    ``ftfy.fix_encoding`` would return the text unchanged.

    >>> could_be_mojibake("naïve café"), could_be_mojibake("naÃ¯ve")
    (False, True)
    """
    return _mojibake_pattern().search(text) is not None


def _passes(text: str, o: FixMojibake) -> list[Any]:
    """The passes this text needs: one scan finds which kinds of damage are present."""
    normalizing = o.uncurl_quotes or o.fix_ligatures or o.fix_width or o.normalization
    if not normalizing and not may_need_repair(text):
        return []
    found = set(_UNICODE_DAMAGE.findall(text))
    passes: list[Any] = []
    html = o.unescape_html is True or (o.unescape_html == "auto" and not uc.looks_like_markup(text))
    if html and "&" in found:
        passes.append(uc.html_entity_changes)
    if o.remove_controls and "\x1b" in found:
        passes.append(uc.terminal_escape_changes)
    if o.fix_encoding and not text.isascii() and could_be_mojibake(text):
        passes.append(encoding_changes)
    if any("\ud800" <= ch <= "\udfff" for ch in found):  # always: output must be valid UTF-8
        passes.append(uc.surrogate_changes)
    if o.fix_line_breaks and any(ch in _LINE_BREAKS for ch in found):
        passes.append(uc.line_break_changes)
    if o.remove_controls and any(_is_control(ch) for ch in found):
        passes.append(uc.control_char_changes)
    if o.remove_zero_width and any(ch in _INVISIBLES for ch in found):
        passes.append(uc.zero_width_changes)
    if o.fix_nbsp and any(ch in _ODD_SPACES for ch in found):
        passes.append(uc.odd_space_changes)
    if o.uncurl_quotes:
        passes.append(norm.uncurl_quote_changes)
    if o.fix_ligatures:
        passes.append(norm.ligature_changes)
    if o.fix_width:
        passes.append(norm.width_changes)
    if o.normalization:
        form = o.normalization
        passes.append(lambda t: norm.normalization_changes(t, form))
    return passes


def _is_control(ch: str) -> bool:
    """The characters `unicode_controls.control_char_changes` repairs."""
    return (
        (ch < " " and ch not in "\t\n\r\x0c")
        or "\x7f" <= ch <= "\x9f"
        or "\u206a" <= ch <= "\u206f"
        or "\ufff9" <= ch <= "\ufffc"
    )


def encoding_changes(text: str) -> list[Change]:
    """Decode mojibake line by line with ``ftfy.fix_encoding``, only where it can be.

    >>> [(c.before, c.after) for c in encoding_changes("ok\\nâ€œhiâ€\\x9d")]
    [('â€œhiâ€\\x9d', '“hi”')]
    """
    pattern = _mojibake_pattern()
    ftfy, config = _ftfy()
    changes: list[Change] = []
    offset = 0
    for line in text.split("\n"):
        if pattern.search(line) is not None:
            fixed = ftfy.fix_encoding(line, config)
            if fixed != line:
                changes += [_shift(c, offset) for c in word_changes(line, fixed, "mojibake")]
        offset += len(line) + 1
    return changes


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


@lru_cache(maxsize=1)
def _mojibake_pattern() -> Pattern:
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
        out = set()
        for encoding in encodings:
            for code in codes:
                try:
                    out.add(bytes([code]).decode(encoding))
                except UnicodeDecodeError:
                    continue
        return "".join(regex.escape(c) for c in sorted(out))

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
