"""Optional normalizations: they change correct text, so they are off by default.

Uncurling quotes, splitting ligatures, narrowing full-width characters and
Unicode normalization make text uniform for matching, but ``“quoted”`` and
``ﬁne`` are not damage. `FixMojibake` turns these on only when asked.
"""

from __future__ import annotations

import unicodedata

from ..changes import Change, diff_changes
from ..patterns import Pattern
from .edits import pattern_changes

STEP = "fix_mojibake"

CURLY_QUOTE = Pattern(r"[\u02bc\u2018-\u201f]", step=STEP)
LIGATURE = Pattern(
    r"[\u0132\u0133\u013f\u0140\u0149\u01c4-\u01cc\u01f1-\u01f3\ufb00-\ufb06]", step=STEP
)
WIDE = Pattern(r"[\u3000\uff01-\uff5e\uff61-\uffdc\uffe8-\uffee]", step=STEP)
GRAPHEME = Pattern(r"\X", step=STEP)

NORMAL_FORMS = ("NFC", "NFKC", "NFD", "NFKD")


def uncurl_quote_changes(text: str) -> list[Change]:
    """Curly quotes and apostrophes become ASCII ``'`` and ``\"``.

    >>> [(c.before, c.after) for c in uncurl_quote_changes("“It’s”")]
    [('“', '"'), ('’', "'"), ('”', '"')]
    """

    def plain(m: object) -> str:
        return "'" if m.group() <= "\u201b" else '"'  # type: ignore[attr-defined]

    return pattern_changes(CURLY_QUOTE, text, "uncurl_quotes", plain)


def ligature_changes(text: str) -> list[Change]:
    """Latin ligatures (``ﬁ``, ``ĳ``) become their letters.

    >>> [(c.before, c.after) for c in ligature_changes("ﬁne")]
    [('ﬁ', 'fi')]
    """
    return pattern_changes(LIGATURE, text, "ligature", _nfkc)


def width_changes(text: str) -> list[Change]:
    """Full-width Latin becomes ASCII; half-width katakana becomes full width.

    >>> [(c.before, c.after) for c in width_changes("ＡＢＣ")]
    [('Ａ', 'A'), ('Ｂ', 'B'), ('Ｃ', 'C')]
    """
    return pattern_changes(WIDE, text, "width", _nfkc)


def _nfkc(m: object) -> str:
    return unicodedata.normalize("NFKC", m.group())  # type: ignore[attr-defined]


def normalization_changes(text: str, form: str) -> list[Change]:
    """Unicode normalization, recorded per grapheme cluster that it changes.

    >>> [(len(c.before), len(c.after)) for c in normalization_changes("cafe\\u0301", "NFC")]
    [(2, 1)]
    """
    if unicodedata.is_normalized(form, text):
        return []
    changes = []
    for m in GRAPHEME.finditer(text):
        cluster = m.group()
        fixed = unicodedata.normalize(form, cluster)
        if fixed != cluster:
            changes.append(Change("normalize", m.start(), m.end(), cluster, fixed, form))
    # Composition can reach across cluster edges in rare sequences; fall back to a diff.
    pieces, pos = [], 0
    for ch in changes:
        pieces += [text[pos : ch.start], ch.after]
        pos = ch.end
    if "".join(pieces) + text[pos:] != unicodedata.normalize(form, text):
        return diff_changes(text, unicodedata.normalize(form, text), "normalize", form)
    return changes
