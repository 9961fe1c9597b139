"""Boilerplate rules: what a piece of page furniture says, as data.

A `Rule` names a category (``share``, ``legal`` ...), a reason code, a regular
expression and the longest segment (in words) it may condemn. The length cap is
the precision guard: "Share on Facebook" is furniture as a whole line, but a
forty-word sentence that mentions Facebook is reporting. Whole-segment rules
are written with `whole`, so they only fire when the phrase *is* the segment.

`RuleSet` compiles many rules into a few alternations (one per length cap), so
classifying a segment costs one or two regex searches, not one per rule.

>>> rules = RuleSet((Rule("share", "share_button", whole(r"share on facebook"), 6),))
>>> rules.match("Share on Facebook")
('share', 'share_button')
>>> rules.match("He said he would share on Facebook a photo of the crowd at noon.") is None
True
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

import regex

from ..errors import ConfigError
from ..patterns import Pattern

STEP = "boilerplate"

#: The built-in categories, in the order they are documented.
CATEGORIES = (
    "share",
    "newsletter",
    "account",
    "legal",
    "byline",
    "caption",
    "timestamp",
    "navigation",
    "advertising",
    "separator",
)

#: Characters that may surround a whole-segment phrase: spaces, punctuation, symbols.
EDGE = r"[\s\p{P}\p{S}]*"


def whole(source: str) -> str:
    """Anchor ``source`` so it must be the entire segment, give or take punctuation.

    >>> bool(regex.search(whole("log ?in"), "  Log In »", regex.I))
    True
    """
    return rf"^{EDGE}(?:{source}){EDGE}$"


def starts(source: str) -> str:
    """Anchor ``source`` at the start of the segment (after punctuation)."""
    return rf"^{EDGE}(?:{source})"


@dataclass(frozen=True, slots=True)
class Rule:
    """One way a piece of furniture can read.

    ``max_words`` caps the length of the segment the rule may condemn;
    ``fragment`` lets the rule cut a clause at the head or tail of a run-on
    sentence (joined with ", " by a scraper), which only strong, specific
    phrases should do.
    """

    category: str
    reason: str
    pattern: str
    max_words: int = 12
    fragment: bool = False


def keyword_rule(category: str, phrase: str, max_words: int = 12) -> Rule:
    """A rule from a plain phrase (case-insensitive, on word boundaries)."""
    words = [regex.escape(w) for w in phrase.split()]
    if not words:
        raise ConfigError(f"boilerplate keyword for {category!r} is empty")
    reason = "keyword_" + "_".join(regex.sub(r"\W+", "", w.lower()) for w in phrase.split())[:40]
    return Rule(category, reason, r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", max_words)


class RuleSet:
    """Rules compiled into one alternation per length cap.

    A segment of ``n`` words is tested only against the rules whose cap is at
    least ``n``; the leftmost match wins, ties going to the earlier rule.
    """

    def __init__(self, rules: Iterable[Rule]):
        self.rules = tuple(rules)
        for rule in self.rules:
            try:
                regex.compile(rule.pattern, regex.I)
            except regex.error as exc:
                raise ConfigError(
                    f"boilerplate pattern {rule.pattern!r} ({rule.category}) is invalid: {exc}"
                ) from None

    @cached_property
    def _caps(self) -> list[int]:
        return sorted({r.max_words for r in self.rules})

    @cached_property
    def _compiled(self) -> list[Pattern | None]:
        out: list[Pattern | None] = []
        for cap in self._caps:
            parts = [
                f"(?P<r{i}>{r.pattern})" for i, r in enumerate(self.rules) if r.max_words >= cap
            ]
            out.append(Pattern("|".join(parts), regex.I | regex.V0, step=STEP) if parts else None)
        return out

    @cached_property
    def _fragment(self) -> RuleSet:
        return RuleSet(r for r in self.rules if r.fragment)

    def match(self, segment: str, words: int | None = None) -> tuple[str, str] | None:
        """``(category, reason)`` of the first rule that condemns ``segment``."""
        if not self.rules:
            return None
        n = len(segment.split()) if words is None else words
        slot = bisect.bisect_left(self._caps, n)
        if slot == len(self._caps):
            return None
        pattern = self._compiled[slot]
        found = pattern.search(segment) if pattern is not None else None
        if found is None:
            return None
        rule = self.rules[int(found.lastgroup[1:])]
        return rule.category, rule.reason

    def match_fragment(self, fragment: str) -> tuple[str, str] | None:
        """Like `match`, with only the rules allowed to cut a run-on clause."""
        return self._fragment.match(fragment)

    def without(self, categories: Iterable[str]) -> RuleSet:
        """The same rules minus some categories (a user may keep bylines, say)."""
        drop = set(categories)
        return RuleSet(r for r in self.rules if r.category not in drop)

    def __add__(self, other: RuleSet) -> RuleSet:
        return RuleSet(self.rules + other.rules)

    def __len__(self) -> int:
        return len(self.rules)
