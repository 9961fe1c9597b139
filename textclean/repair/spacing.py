"""Undo tokenizer damage: text split into tokens and joined back with spaces.

``It ’ s here , “ he said ” ( twice )`` becomes ``It’s here, “he said” (twice)``.
Every repair removes spaces, so each is guarded: protected spans (URLs,
e-mail, ``25 000``, times, emoticons, code) are never edited; quotes and
brackets are joined by pairing (`spacing_quotes`); the space before
``: ; ! ?`` is removed only in a text that shows other tokenizer damage and
does not follow French typography, where that space is correct.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from ..changes import Change
from ..context_patterns import ContextPattern, caseless
from ..errors import ConfigError
from ..patterns import Pattern
from ..registry import register
from ..steps import TextStep
from .edits import EditTrail
from .spacing_context import (
    SPLIT_NOT_MARKS,
    STEP,
    Guard,
    looks_english,
    looks_tokenized,
    uses_french_spacing,
)
from .spacing_quotes import GUILLEMETS, bracket_changes, has_inner_space, quote_changes

MAX_ROUNDS = 3

#: Anything the repairs could act on; text without a match is returned at once.
CANDIDATE = Pattern(r" [,.;:!?)\]}'’”\"]|[(\[{“‘„\"'] | n['’]t|['’] \p{L}|  ", step=STEP)
#: The look-around patterns below run on RE2 as `ContextPattern`: the context
#: is consumed and the match is the group that took part.
SPLIT_NOT = ContextPattern(
    Pattern(r"(?<=\p{L}) +(?=n['’]t(?![\p{L}'’]))", step=STEP),  # do n't
    r"\p{L}( +)n['’]t(?:[^\p{L}'’]|\Z)",
    behind=1,
)
_CLITIC_END = r"(?:[^\p{L}\p{N}'’-]|\Z)"
CONTRACTION = ContextPattern(
    Pattern(
        r"(?<=\p{L})(?: +(?=['’](?:s|re|ve|ll|d|m)(?![\p{L}\p{N}'’-]))"  # Sheriff 's
        r"| +['’] +(?=(?:s|t|re|ve|ll|d|m)(?![\p{L}\p{N}'’-]))"  # It ’ s
        r"|['’] +(?=(?:s|t|re|ve|ll|d|m)(?![\p{L}\p{N}'’-])))",  # It’ s
        step=STEP,
    ),
    rf"\p{{L}}(?:( +)['’](?:s|re|ve|ll|d|m){_CLITIC_END}"
    rf"|( +['’] +)(?:s|t|re|ve|ll|d|m){_CLITIC_END}"
    rf"|(['’] +)(?:s|t|re|ve|ll|d|m){_CLITIC_END})",
    behind=1,
)
#: Every `CONTRACTION` match holds a space beside an apostrophe (and every
#: `SPLIT_NOT` match one of `SPLIT_NOT_MARKS`): texts without them skip the scan.
CONTRACTION_MARKS = (" '", " ’", "' ", "’ ")
FRENCH_ELISION = ContextPattern(
    Pattern(
        r"(?i)(?<=(?:^|[\s(«“\"])(?:[lcdjmnst]|qu|jusqu|lorsqu|puisqu)['’]) +(?=\p{L})",
        step=STEP,
    ),
    r"(?:^|[\s(«“\"])(?:" + caseless("l|c|d|j|m|n|s|t|qu|jusqu|lorsqu|puisqu") + r")['’]( +)\p{L}",
    behind=1,
)
#: Every `FRENCH_ELISION` match holds an apostrophe and then a space.
ELISION_MARKS = ("' ", "’ ")
#: A space before punctuation that ends a word: followed by a space, the end or a closer.
SPACE_BEFORE_PUNCT = ContextPattern(
    Pattern(
        r"(?<=[\p{L}\p{N}\p{M})\]}”’\"'%».]) +(?=(?:[,;:!?]|\.(?!\.))[,.;:!?]*(?:\s|$|[\"'”’)\]}»]))",
        step=STEP,
    ),
    r"[\p{L}\p{N}\p{M})\]}”’\"'%».]( +)(?:[,;:!?][,.;:!?]*|\.(?:[,;:!?][,.;:!?]*)?)"
    r"(?:\s|\Z|[\"'”’)\]}»])",
    behind=1,
)
#: A full stop that ends a paragraph or comes before a capital: a sentence end, not a word.
SENTENCE_END = Pattern(r"\.[\"'”’)\]]*(?:[ \t]*(?:\n|\Z)| +[\"“‘(]?\p{Lu})", step=STEP)
#: Exactly two spaces inside a sentence; more is layout, and two after a full stop is a convention.
DOUBLE_SPACE = ContextPattern(
    Pattern(r"(?<=[^\s\p{Sentence_Terminal}:;])  (?=[^\s])", step=STEP),
    r"[^\s\p{Sentence_Terminal}:;](  )[^\s]",
    behind=1,
)
#: A run of two or more spaces inside a line (its end column marks a table column).
INNER_RUN = ContextPattern(Pattern(r"(?<=\S)  +(?=\S)", step=STEP), r"\S(  +)\S", behind=1)


@register("fix_spacing", default=20)
@dataclass(frozen=True)
class FixSpacing(TextStep):
    """Undo tokenizer spacing: It ’ s, do n't, word , “ quote ”, ( x ); keep correct spacing."""

    contractions: bool = field(
        default=True, metadata={"help": "join split contractions: do n't, It ’ s, Sheriff 's"}
    )
    quotes: bool = field(
        default=True, metadata={"help": "join detached quotes to the words they enclose"}
    )
    brackets: bool = field(
        default=True,
        metadata={"help": "remove spaces just inside matched brackets, in tokenized text"},
    )
    punctuation: bool = field(
        default=True,
        metadata={
            "help": "remove spaces before , and, in tokenized text, before . ; : ! ? (not ; : ! ? in French)"
        },
    )
    double_spaces: bool = field(
        default=True,
        metadata={"help": "two spaces inside a sentence become one (not layout, tables or code)"},
    )
    french: bool | Literal["auto"] = field(
        default="auto",
        metadata={"help": "keep French spaces before : ; ! ?; 'auto' detects French typography"},
    )

    def __post_init__(self) -> None:
        if self.french not in (True, False, "auto"):
            raise ConfigError(
                f"fix_spacing: french must be true, false or 'auto', not {self.french!r}"
            )

    def edit(self, text: str) -> tuple[str, list[Change]]:
        return explain_spacing(text, self)


DEFAULT = FixSpacing()


def fix_spacing(text: str, **options: Any) -> str:
    """Undo tokenizer spacing damage; correctly spaced text comes back unchanged.

    Options are the fields of `FixSpacing`.

    >>> fix_spacing("It ’ s here , they do n't know ( yet ) .")
    "It’s here, they don't know (yet)."
    >>> fix_spacing("Visit https://x.org/a , at 10 : 30 :) Il dit : « oui » !")
    'Visit https://x.org/a, at 10 : 30 :) Il dit : « oui » !'
    """
    return explain_spacing(text, FixSpacing(**options) if options else DEFAULT)[0]


def explain_spacing(text: str, options: FixSpacing = DEFAULT) -> tuple[str, list[Change]]:
    """The repaired text and replayable `Change` records against ``text``.

    >>> explain_spacing("Jon Fingas , @jonfingas")[1]
    [Change(kind='space_before_punct', start=10, end=11, before=' ', after='', reason='')]
    """
    if CANDIDATE.search(text) is None:
        return text, []
    trail = EditTrail(text)
    current, guard = text, Guard(text)
    for _ in range(MAX_ROUNDS):
        start = current
        # Each round judges the text it starts from: an earlier round's edit can
        # show tokenizer damage that was hidden (``word  ?`` becomes ``word ?``),
        # and the output must be what a second cleaning leaves unchanged.
        for find in _passes_for(start, options):
            changes = find(current, guard)
            if changes:
                trail.apply(changes)
                current = trail.text
                guard = Guard(current)
        if current == start:
            break
    return current, trail.changes()


Finder = Callable[[str, Guard], list[Change]]


def _passes_for(text: str, options: FixSpacing) -> list[Finder]:
    """The repairs `_passes` allows on ``text``, from what ``text`` itself shows.

    Each signal is read from the text only when a repair asks for it: most
    texts offer no edit that needs one.
    """
    if options.french == "auto":
        french = functools.cache(functools.partial(uses_french_spacing, text))
    else:
        french = functools.partial(bool, options.french)
    return _passes(
        options,
        french=french,
        tokenized=functools.cache(functools.partial(looks_tokenized, text)),
        english=functools.cache(functools.partial(looks_english, text)),
    )


def _if(condition: Callable[[], bool], changes: list[Change]) -> list[Change]:
    return changes if changes and condition() else []


Signal = Callable[[], bool]


def _passes(o: FixSpacing, *, french: Signal, tokenized: Signal, english: Signal) -> list[Finder]:
    """The repairs this text allows: the riskier ones need evidence of tokenization.

    Each signal is asked only once a repair that depends on it could apply:
    whether the text reads as English once a contraction would be joined,
    whether it is tokenized once a bracket, guillemet or full stop could be
    edited; most texts have none, and the scans behind them are not free.
    """
    passes: list[Finder] = []
    if o.contractions:
        passes.append(split_not_changes)
        passes.append(lambda t, g: _if(english, contraction_changes(t, g)))
        passes.append(lambda t, g: _elisions(t, g, french, tokenized))
    if o.quotes:
        passes.append(lambda t, g: _quotes(t, g, french, tokenized))
    if o.brackets:
        passes.append(lambda t, g: _brackets(t, g, tokenized))
    if o.punctuation:
        passes.append(
            lambda t, g: _punctuation(t, g, tokenized, lambda: tokenized() and not french())
        )
    if o.double_spaces:
        passes.append(double_space_changes)
    return passes


def _elisions(text: str, guard: Guard, french: Signal, tokenized: Signal) -> list[Change]:
    """`elision_changes` in French tokenized text (every elision is an apostrophe, a space)."""
    if not may_hold_elision(text):
        return []
    return elision_changes(text, guard) if french() and tokenized() else []


def may_hold_elision(text: str) -> bool:
    """False only when `FRENCH_ELISION` cannot match ``text``: each match is an apostrophe
    and a space after an elided word (``l' homme``, ``qu' il``), a word that ends in one
    of ``lcdjmnstu`` (a caseless letter beyond ASCII may stand for one) and has one
    letter or ends in ``qu``. English text holds such marks after plurals and closing
    quotes (``the students' books``), which end longer words.

    >>> may_hold_elision("the students' books"), may_hold_elision("« l' homme »")
    (False, True)
    """
    for mark in ELISION_MARKS:
        at = text.find(mark, 1)
        while at >= 0:
            if _may_end_elided_word(text, at):
                return True
            at = text.find(mark, at + 1)
    return False


def _may_end_elided_word(text: str, apostrophe: int) -> bool:
    last = text[apostrophe - 1]
    if not last.isascii() or last in "uU":
        return True
    if last not in "lcdjmnstLCDJMNST":
        return False
    return apostrophe == 1 or not (
        text[apostrophe - 2].isascii() and text[apostrophe - 2].isalnum()
    )


def _quotes(text: str, guard: Guard, french: Signal, tokenized: Signal) -> list[Change]:
    """`quote_changes`, guillemets joined in tokenized text that is not French."""
    guillemets = any(g in text for g in GUILLEMETS) and tokenized() and not french()
    return quote_changes(text, guard, guillemets=guillemets)


def _brackets(text: str, guard: Guard, tokenized: Signal) -> list[Change]:
    """`bracket_changes` with lone brackets joined, in tokenized text only."""
    if not has_inner_space(text):
        return []
    return bracket_changes(text, guard, unmatched=True) if tokenized() else []


def _removals(
    pattern: Pattern | ContextPattern, text: str, guard: Guard, kind: str
) -> list[Change]:
    """Delete each match that stays clear of protected spans, keeping non-space parts."""
    out = []
    for m in pattern.finditer(text):
        start, end = m.start(), m.end()
        if guard.touches(start, end + 1):
            continue
        kept = m.group().strip(" ")
        out.append(Change(kind, start, end, m.group(), kept))
    return out


def split_not_changes(text: str, guard: Guard | None = None) -> list[Change]:
    """Join a split negation: ``do n't`` has no other reading in any language.

    >>> [c.start for c in split_not_changes("They do n't know, ca n’t say")]
    [7, 20]
    """
    if not any(mark in text for mark in SPLIT_NOT_MARKS):
        return []  # every match is spaces before ``n't``
    return _removals(SPLIT_NOT, text, guard or Guard(text), "contraction")


def contraction_changes(text: str, guard: Guard | None = None) -> list[Change]:
    """Join English contractions a tokenizer split off: ``It ’ s``, ``Sheriff 's``, ``I' ve``.

    >>> t = "It ’ s the Sheriff 's car, I' ve said, rock 'n' roll"
    >>> [t[c.start : c.end] for c in contraction_changes(t)]
    [' ’ ', ' ', "' "]
    """
    if not any(mark in text for mark in CONTRACTION_MARKS):
        return []  # every match holds a space beside an apostrophe
    return _removals(CONTRACTION, text, guard or Guard(text), "contraction")


def elision_changes(text: str, guard: Guard | None = None) -> list[Change]:
    """Join French elisions a tokenizer split: ``l' homme``, ``qu' il``.

    >>> [c.start for c in elision_changes("l' homme qu' il")]
    [2, 12]
    """
    return _removals(FRENCH_ELISION, text, guard or Guard(text), "elision")


def punctuation_changes(
    text: str,
    guard: Guard | None = None,
    *,
    full_stops: bool = True,
    high_punctuation: bool = True,
) -> list[Change]:
    """Remove spaces before ``,``; before ``.`` and ``; : ! ?`` only when allowed.

    A lone ``.`` is also a word (``the entries . and ..``), so without
    ``full_stops`` only a ``.`` that ends a paragraph or precedes a capital
    loses its space; French puts a space before ``; : ! ?``, so the caller
    allows those from context.

    >>> [c.start for c in punctuation_changes("Fingas , me . Wait ... ok ?")]
    [6, 11, 25]
    >>> t = "ok ? fine , yes . and . Then end ."
    >>> [c.start for c in punctuation_changes(t, full_stops=False, high_punctuation=False)]
    [9, 21, 32]
    """
    return _punctuation(text, guard or Guard(text), lambda: full_stops, lambda: high_punctuation)


def _punctuation(
    text: str, guard: Guard, full_stops: Signal, high_punctuation: Signal
) -> list[Change]:
    """`punctuation_changes`, asking each signal only for a mark it decides; the
    guard is asked last, as it is the costliest."""
    out = []
    for start, end in SPACE_BEFORE_PUNCT.spans(text):
        mark = text[end]
        if mark == ",":
            allowed = True
        elif mark == ".":
            allowed = full_stops() or SENTENCE_END.match(text, end) is not None
        else:
            allowed = mark in ";:!?" and high_punctuation()
        if allowed and not guard.touches(start, end + 1):
            spaces = text[start:end]
            out.append(Change("space_before_punct", start, end, spaces, spaces.strip(" ")))
    return out


def double_space_changes(text: str, guard: Guard | None = None) -> list[Change]:
    """Collapse two spaces inside a sentence; keep layout, tables, code and ``end.  Next``.

    >>> [c.start for c in double_space_changes("one  two.  Three\\nName   Age\\n  indented  text")]
    [3]
    >>> double_space_changes("Name  Age\\nBob   42")  # columns line up: a table
    []
    """
    if "  " not in text:
        return []
    guard = guard or Guard(text)
    layout = aligned_lines(text)  # indented and laid-out lines are in the guard
    out = []
    for m in DOUBLE_SPACE.finditer(text):
        if guard.touches(m.start(), m.end()) or any(s <= m.start() < e for s, e in layout):
            continue
        out.append(Change("double_space", m.start(), m.end(), m.group(), " "))
    return out


def aligned_lines(text: str) -> list[tuple[int, int]]:
    """Spans of adjacent lines whose space runs end in the same column: a table.

    >>> aligned_lines("x\\nName  Age\\nBob   42\\nplain  text")
    [(2, 11), (12, 20)]
    """
    lines, pos = [], 0
    for line in text.split("\n"):
        ends = {m.end() for m in INNER_RUN.finditer(line)} if "  " in line else set()
        lines.append((pos, pos + len(line), ends))
        pos += len(line) + 1
    spans = set()
    for (s1, e1, c1), (s2, e2, c2) in zip(lines, lines[1:], strict=False):
        if c1 & c2:
            spans.update({(s1, e1), (s2, e2)})
    return sorted(spans)
