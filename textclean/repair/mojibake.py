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
from typing import Any, Literal

from ..changes import Change
from ..errors import ConfigError
from ..registry import register
from ..steps import TextStep
from . import normalize as norm
from . import unicode_controls as uc
from .edits import EditTrail
from .encoding import beyond_ascii, could_be_mojibake, encoding_changes

#: Passes repeat until nothing changes (``&amp;eacute;`` needs two), at most this often.
MAX_ROUNDS = 4

_LINE_BREAKS = frozenset("\r\u2028\u2029")
_INVISIBLES = frozenset("\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff")
_ODD_SPACES = frozenset("\u00a0\u202f\u205f" + "".join(map(chr, range(0x2000, 0x200B))))
_DAMAGE_RANGES = [(0x00, 0x08), (0x0B, 0x0B), (0x0D, 0x1F), (0x7F, 0xA0), (0xAD, 0xAD),
                  (0x180E, 0x180E), (0x2000, 0x200D), (0x2028, 0x202F),
                  (0x205F, 0x206F), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFC), (0xD800, 0xDFFF)]  # fmt: skip
#: The characters a default repair may act on besides mojibake: ``&`` and `_DAMAGE_RANGES`.
_DAMAGE_CHARS = frozenset("&").union(chr(c) for lo, hi in _DAMAGE_RANGES for c in range(lo, hi + 1))
#: Every byte but the ASCII damage characters: deleting these from UTF-8 leaves the
#: ASCII damage (multi-byte sequences are made of bytes 0x80 and above only).
_NOT_ASCII_DAMAGE = bytes(b for b in range(256) if b >= 0x80 or chr(b) not in _DAMAGE_CHARS)


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
    return bool(damage_found(text)) or (not text.isascii() and could_be_mojibake(text))


def damage_found(text: str) -> set[str]:
    """The distinct characters of ``text`` that are in `_DAMAGE_CHARS`.

    Read from the bytes and the distinct code points beyond ASCII: a set
    test over the text itself would hash every character.

    >>> sorted(damage_found("AT&amp;T\\u00a0caf\\u00e9\\x00"))
    ['\\x00', '&', '\\xa0']
    """
    if text.isascii():
        return set(text.encode("ascii").translate(None, _NOT_ASCII_DAMAGE).decode("ascii"))
    data = text.encode("utf-8", "surrogatepass").translate(None, _NOT_ASCII_DAMAGE)
    return set(data.decode("ascii")) | (_DAMAGE_CHARS & beyond_ascii(text))


def _passes(text: str, o: FixMojibake) -> list[Any]:
    """The passes this text needs: one scan finds which kinds of damage are present."""
    normalizing = o.uncurl_quotes or o.fix_ligatures or o.fix_width or o.normalization
    found = damage_found(text)
    mojibake = not text.isascii() and could_be_mojibake(text)
    if not normalizing and not found and not mojibake:
        return []
    passes: list[Any] = []
    html = o.unescape_html is True or (o.unescape_html == "auto" and not uc.looks_like_markup(text))
    if html and "&" in found:
        passes.append(uc.html_entity_changes)
    if o.remove_controls and "\x1b" in found:
        passes.append(uc.terminal_escape_changes)
    if o.fix_encoding and mojibake:
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
        or "\u202a" <= ch <= "\u202e"
        or "\u2066" <= ch <= "\u206f"
        or "\ufff9" <= ch <= "\ufffc"
    )
