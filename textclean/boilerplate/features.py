"""Cheap facts about one line or sentence: is it quoted, a separator, a name, a link?

These are the wording-free signals the classifier combines with the rules:
a quoted statement is protected whatever it says, a row of underscores is a
separator in any language, and a short unpunctuated line is only navigation
when it stands in a run of others like it.
"""

from __future__ import annotations

from ..patterns import Pattern
from ..sentence_marks import SENTENCE_TERMINALS
from .quotes import has_quotation

STEP = "boilerplate"

_OPEN_QUOTES = '“„«"‹「『'
#: Marks a separator line is drawn with: punctuation, maths and modifier signs,
#: box drawing and geometric shapes; not emoji or other pictographs.
_SEPARATOR = Pattern(r"[\s\p{P}\p{Sm}\p{Sk}\p{Sc}\u2500-\u25FF]{3,}", step=STEP)
_HAS_WORD = Pattern(r"[\p{L}\p{N}]", step=STEP)
_ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_NAME_LINE = Pattern(
    r"(?:\p{Lu}[\p{L}'’.-]+)(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|la|van|von|da|del|der)){1,3}", step=STEP
)
_TERMINAL = '.!?…:;。！？"”’»)'
_SENTENCE_END = SENTENCE_TERMINALS
_CLOSERS = "\"'”’»)]"


def is_quoted(text: str) -> bool:
    """True for a quoted statement: it opens with a quote mark or holds a quotation.

    >>> is_quoted('“We stand ready to help,” the firm added.')
    True
    >>> is_quoted("Share on Twitter")
    False
    """
    stripped = text.lstrip()
    if stripped[:1] in _OPEN_QUOTES and len(stripped.split()) >= 3:
        return True
    return has_quotation(text)


_TIME_HEADER = Pattern(
    r"(?:\d{1,2}[:.]\d{2}|\d{1,2})\s*(?:[ap]\.?\s?m\.?)?(?:\s*\p{Lu}{2,4})?", step=STEP
)


def is_time_header(text: str) -> bool:
    """True for a bare time of day ("9:50 a.m.", "14:05 GMT"): the header of a live story's entry.

    >>> is_time_header("9:50 a.m."), is_time_header("14:05 GMT"), is_time_header("5 min read")
    (True, True, False)
    """
    stripped = text.strip()
    return (
        len(stripped) <= 16
        and any(c.isdigit() for c in stripped)
        and (":" in stripped or "m" in stripped.lower())
        and _TIME_HEADER.fullmatch(stripped) is not None
    )


#: The closing line of an embedded post: "— Name (@handle) September 27, 2017".
_POST_ATTRIBUTION = Pattern(
    r"[—–―‒-]{1,2}\s*[^\n]{0,80}?\(@[\w.]{1,30}\)\s*(?:on\s+)?"
    r"(?:\p{L}{3,10}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\.?\s+\p{L}{3,10}\.?\s+\d{4})",
    step=STEP,
)
#: A dateline standing alone: a place in capitals, perhaps with its state or country
#: and its agency ("LAS VEGAS —", "SACRAMENTO, Calif. (KCRA) —"); a trail of section
#: names ("HOME - NEWS -") is no dateline.
_DATELINE = Pattern(
    r"\p{Lu}{2,}(?:(?:[ .'’]+|-)\p{Lu}{2,}){0,3}\.?"
    r"(?:,\s*\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,2})?(?:\s*\([^()\n]{1,24}\))?"
    r"\s*[—–-]{1,2}",
    step=STEP,
)


def is_post_attribution(text: str) -> bool:
    """True for the line that closes an embedded post: its author, handle and date.

    The post is content (the story quotes it), and so is its attribution, even
    when several posts by one account repeat it word for word (a scraper's
    double of the line is kept too: it cannot be told from a second post's).

    >>> is_post_attribution("— Donald J. Trump (@realDonaldTrump) September 27, 2017")
    True
    >>> is_post_attribution("Follow us on Twitter (@example)")
    False
    """
    stripped = text.strip()
    return (
        len(stripped) <= 180
        and "(@" in stripped
        and _POST_ATTRIBUTION.fullmatch(stripped) is not None
    )


def is_dateline(text: str) -> bool:
    """True for a dateline on a line of its own ("WASHINGTON (AP) —"): the story's first words.

    The shape alone cannot tell a section label from a place ("SPORTS —"):
    the caller asks only about lines no wording rule has named.

    >>> is_dateline("SACRAMENTO, Calif. (KCRA) —"), is_dateline("LAS VEGAS —")
    (True, True)
    >>> is_dateline("HOME - NEWS - LOCAL -"), is_dateline("US - WORLD - POLITICS -")
    (False, False)
    >>> is_dateline("Read more —"), is_dateline("WASHINGTON (AP) — The Senate voted.")
    (False, False)
    """
    stripped = text.strip()
    return (
        len(stripped) <= 60 and stripped[-1:] in "—–-" and _DATELINE.fullmatch(stripped) is not None
    )


def is_separator(text: str) -> bool:
    """True for a line made only of punctuation and symbols (``____``, ``* * *``).

    >>> is_separator("____"), is_separator("* * *"), is_separator("...yes")
    (True, True, False)
    """
    stripped = text.strip()
    if not stripped or stripped[0].isalnum() or stripped[-1].isalnum():
        return False
    return _SEPARATOR.fullmatch(stripped) is not None


def has_words(text: str) -> bool:
    """True when the text holds at least one letter or digit.

    Most segments open with an ASCII letter or digit, which answers at once.
    """
    return text[:1] in _ASCII_WORD or _HAS_WORD.search(text) is not None


def ends_sentence(text: str) -> bool:
    """True when the text ends like a sentence (terminal punctuation, maybe quoted).

    >>> ends_sentence("It works.”"), ends_sentence("Most Popular")
    (True, False)
    """
    stripped = text.rstrip().rstrip(_CLOSERS)
    if not stripped:
        return False
    # Armenian's full stop (։) looks like a colon, and is mostly typed as one.
    return stripped[-1] in _SENTENCE_END or (
        stripped[-1] == ":" and len(stripped) > 1 and "\u0531" <= stripped[-2] <= "\u058f"
    )


def is_short_label(text: str, max_words: int = 12) -> bool:
    """A short line without closing punctuation: a link, a heading or a label.

    >>> is_short_label("Most Popular"), is_short_label("It rained all day in Paris.")
    (True, False)
    """
    stripped = text.strip()
    if not stripped or len(stripped.split()) > max_words:
        return False
    return stripped[-1] not in _TERMINAL


def is_name(text: str) -> bool:
    """Two to four capitalised words and nothing else: how an author's name appears.

    >>> is_name("Brendyn Lotz"), is_name("Long missing the mark?")
    (True, False)
    """
    stripped = text.strip()
    return len(stripped) <= 40 and _NAME_LINE.fullmatch(stripped) is not None


def word_count(text: str) -> int:
    """Whitespace-separated tokens, the unit of every length cap."""
    return len(text.split())
