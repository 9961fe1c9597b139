"""Acronym consistency: a defined acronym's look-alike misspellings are put right.

Spinners, OCR and some fonts turn ``AI`` into ``Al`` (lower-case L) and ``O``
into ``0``. Where a document *defines* an acronym, as in "artificial
intelligence (AI)", its look-alikes in that document are repaired: "users of
Al systems" becomes "users of AI systems". Nothing is touched in a document
that does not define the acronym, and a look-alike used as a name ("Al Gore",
"Al-Qaeda", "Weird Al") leaves the whole document alone.

Definitions are found with the Schwartz–Hearst algorithm (Schwartz and Hearst,
"A simple algorithm for identifying abbreviation definitions in biomedical
text", PSB 2003): each letter of the short form must appear, in order, in the
long form before it, the first one starting a word.

>>> fix_acronyms("Artificial intelligence (AI) is a tool. Users of Al systems agree.")
'Artificial intelligence (AI) is a tool. Users of AI systems agree.'
>>> fix_acronyms("Al Gore praised artificial intelligence (AI). Al said so.")
'Al Gore praised artificial intelligence (AI). Al said so.'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

from ..changes import Change
from ..patterns import Pattern
from ..registry import register
from ..steps import TextStep
from .phrase_match import is_word_char

KIND = "acronym_near_miss"
#: Acronym letter -> the characters it is mistaken for.
CONFUSABLES = ("I:l", "O:0")

_PARENS = Pattern(r"\(\s*([^()\n]{1,80}?)\s*\)", step="fix_acronyms")
_ACRONYM = Pattern(r"[A-Z][A-Z0-9&]{0,6}[A-Z0-9]", step="fix_acronyms")
_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_UPPER_DIGITS = _UPPER | frozenset("0123456789")
_INNER = _UPPER_DIGITS | {"&"}
#: Characters after ``(`` in which a short form's ``)`` is looked for; beyond, the pattern decides.
_INSIDE = 120
#: Characters before ``(`` in which the end of the word before it is looked for.
_BEFORE = 16
#: Characters that end a clause: a long form never reaches back past one.
_CLAUSE_MARKS = ".;:!?()[]"
_SENTENCE_START = Pattern(r"(?:^|[.!?:;\n]['\"“‘(]*)\s*$", step="fix_acronyms")


def long_form(short: str, before: str) -> str | None:
    """The long form of ``short`` at the end of ``before``, or None (Schwartz–Hearst).

    >>> long_form("AI", "According to Krishna, artificial intelligence")
    'artificial intelligence'
    >>> long_form("WHO", "the World Health Organization")
    'World Health Organization'
    >>> long_form("AI", "said the company") is None
    True
    """
    words = before.split()
    window = " ".join(words[-min(len(short) + 5, 2 * len(short)) :])
    s, i = len(short) - 1, len(window) - 1
    while s >= 0:
        ch = short[s].lower()
        if not ch.isalnum():
            s -= 1
            continue
        while i >= 0 and (
            window[i].lower() != ch or (s == 0 and i > 0 and window[i - 1].isalnum())
        ):
            i -= 1
        if i < 0:
            return None
        i, s = i - 1, s - 1
    start = window.rfind(" ", 0, i + 1) + 1
    found = window[start:]
    return found if short.lower() not in found.lower().split() else None


def is_acronym(word: str) -> bool:
    """Whether ``word`` is a whole `_ACRONYM` match, tested without a pattern call:
    most parentheses hold no short form.

    >>> is_acronym("AT&T"), is_acronym("A"), is_acronym("Ai"), is_acronym("COVID19")
    (True, False, False, True)
    """
    return (
        1 < len(word) < 9
        and word[0] in _UPPER
        and word[-1] in _UPPER_DIGITS
        and _INNER.issuperset(word[1:-1])
    )


def defined_acronyms(text: str) -> dict[str, str]:
    """Acronyms a text defines, as ``{short: long}``: "long form (SF)" or "SF (long form)".

    A `_PARENS` match holds no other parenthesis, so each ``(`` is read on its
    own, and the pattern runs only where a short form stands inside or just
    before it: most parentheses define nothing.

    >>> defined_acronyms("The American Civil Liberties Union (ACLU) and AI (artificial intelligence).")
    {'ACLU': 'American Civil Liberties Union', 'AI': 'artificial intelligence'}
    """
    found: dict[str, str] = {}
    at = text.find("(")
    while at >= 0:
        _read_definition(text, at, found)
        at = text.find("(", at + 1)
    return found


def _read_definition(text: str, at: int, found: dict[str, str]) -> None:
    """Add to ``found`` what the parenthesis at ``at`` defines, if anything."""
    if not _may_define(text, at):
        return
    match = _PARENS.match(text, at)
    if match is None:
        return
    inner = match.group(1)
    head = text[max(0, at - 300) : at]
    clause = head[max(map(head.rfind, _CLAUSE_MARKS)) + 1 :]
    if is_acronym(inner):
        long = long_form(inner, clause)
        if long:
            found.setdefault(inner, long)
        return
    words = clause.split()
    if words and is_acronym(words[-1]) and long_form(words[-1], inner) == inner.strip():
        found.setdefault(words[-1], inner.strip())


def _may_define(text: str, at: int) -> bool:
    """False when neither the parenthesis at ``at`` nor the word before it can be a
    short form: the content up to ``)`` is no acronym once stripped (the `_PARENS`
    group is the content less outer whitespace, and every ``\\s`` is `str.isspace`),
    and the text before it does not end in a capital or a digit.

    >>> _may_define("the union (ACLU)", 10), _may_define("ACLU (the union)", 5)
    (True, True)
    >>> _may_define("the union (of states)", 10)
    False
    """
    window = text[at + 1 : at + 1 + _INSIDE]
    close = window.find(")")
    if close < 0 or is_acronym(window[:close].strip()):
        return True
    before = text[max(0, at - _BEFORE) : at].rstrip()
    return not before or before[-1] in _UPPER_DIGITS


def near_misses(acronym: str, confusables: tuple[str, ...] = CONFUSABLES) -> list[str]:
    """Look-alike spellings of ``acronym``: every non-empty set of confusable letters swapped.

    >>> near_misses("AI")
    ['Al']
    >>> near_misses("WHO")
    ['WH0']
    """
    table: dict[str, str] = {}
    for pair in confusables:
        letter, _, looks = pair.partition(":")
        table.setdefault(letter, "")
        table[letter] += looks
    spots = [i for i, ch in enumerate(acronym) if ch in table][:3]
    out = set()
    for n in range(1, len(spots) + 1):
        for chosen in combinations(spots, n):
            variants = [""]
            for i, ch in enumerate(acronym):
                options = table[ch] if i in chosen else ch
                variants = [v + o for v in variants for o in options]
            out.update(v for v in variants if any(c.isalpha() for c in v))
    return sorted(out - {acronym})


def token_spans(text: str, token: str) -> list[tuple[int, int]]:
    """Where ``token`` stands alone: no word character or ``&`` glued to either side.

    The spans of ``(?<![\\w&])token(?![\\w&])``, found with `str.find`.

    >>> token_spans("AI, AIR, &AI, AI", "AI")
    [(0, 2), (14, 16)]
    """
    if not token:
        return []
    out: list[tuple[int, int]] = []
    size, n = len(token), len(text)
    pos = text.find(token)
    while pos >= 0:
        end = pos + size
        if (pos == 0 or not _glued(text[pos - 1])) and (end == n or not _glued(text[end])):
            out.append((pos, end))
            pos = text.find(token, end)
        else:
            pos = text.find(token, pos + 1)
    return out


def _glued(ch: str) -> bool:
    return ch == "&" or is_word_char(ch)


def _is_titlecase(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and any(c.islower() for c in word[1:])


def _name_like(text: str, start: int, end: int) -> bool:
    """Is the token at ``start:end`` part of a name ("Al Gore", "Weird Al", "Al-Qaeda")?"""
    after = text[end : end + 40].lstrip(" -\u00a0")
    nxt = after.split(maxsplit=1)[0].strip(".,;:!?\"'”’)") if after.split() else ""
    if text[end : end + 1] in (" ", "-", "\u00a0") and _is_titlecase(nxt):
        return True
    head = text[max(0, start - 60) : start]
    words = head.split()
    if (
        words
        and _is_titlecase(words[-1].strip("\"'“‘("))
        and not words[-1].endswith((",", ";", ":"))
    ):
        previous_start = head.rfind(words[-1])
        return _SENTENCE_START.search(head[:previous_start]) is None
    return False


def acronym_edits(
    text: str, confusables: tuple[str, ...] = CONFUSABLES
) -> tuple[str, list[Change]]:
    """Repair look-alikes of the acronyms ``text`` defines; returns the text and its records."""
    if "(" not in text:
        return text, []
    changes: list[Change] = []
    for acronym, long in sorted(defined_acronyms(text).items()):
        for variant in near_misses(acronym, confusables):
            spans = token_spans(text, variant)
            if not spans or any(_name_like(text, s, e) for s, e in spans):
                continue
            reason = f"{variant!r} -> {acronym!r}: the document defines {acronym} ({long})"
            changes += [Change(KIND, s, e, variant, acronym, reason) for s, e in spans]
    changes.sort(key=lambda c: c.start)
    out, pos = [], 0
    for ch in changes:
        out += [text[pos : ch.start], ch.after]
        pos = ch.end
    return "".join(out) + text[pos:], changes


def fix_acronyms(text: str) -> str:
    """Repair look-alike spellings of acronyms the text itself defines (see the module doc)."""
    return acronym_edits(text)[0]


@register("fix_acronyms", default=35)
@dataclass(frozen=True)
class FixAcronyms(TextStep):
    """Repair look-alikes of acronyms a document defines ("Al" -> "AI" after "artificial intelligence (AI)")."""

    confusables: tuple[str, ...] = field(
        default=CONFUSABLES,
        metadata={"help": "letter:look-alikes pairs; 'I:l' repairs 'Al' where 'AI' is defined"},
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "confusables", tuple(self.confusables))

    def edit(self, text: str) -> tuple[str, list[Change]]:
        return acronym_edits(text, self.confusables)
