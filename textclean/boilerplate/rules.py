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

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate

import regex
from ahocorasick_rs import AhoCorasick

from ..errors import ConfigError
from ..pattern_sets import PatternSet
from ..patterns import shared_pattern
from ..phrase_search import find_matches

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
#: Possessive (``*+``): the run is taken whole and never given back, so a rule
#: costs one pass over a long run of spaces or dashes instead of one per split
#: of it. A phrase after it therefore starts at the first letter or digit; a
#: rule that needs a particular mark before its phrase checks it with a
#: lookbehind, as in ``(?<=[\[(])photo``.
EDGE = r"[\s\p{P}\p{S}]*+"


def whole(source: str) -> str:
    r"""Anchor ``source`` so it must be the entire segment, give or take punctuation.

    >>> bool(regex.search(whole("log ?in"), "  Log In »", regex.I))
    True
    >>> bool(regex.search(whole(r"(?<=\()photo"), "(Photo)", regex.I))
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
    phrases should do. ``hint`` (lowercase literals) lets a rule that can match
    anywhere skip segments holding none of them, which is most of them.
    """

    category: str
    reason: str
    pattern: str
    max_words: int = 12
    fragment: bool = False
    hint: tuple[str, ...] = ()
    decisive: bool = False

    @property
    def anchored(self) -> bool:
        return self.pattern.startswith("^")


def keyword_rule(category: str, phrase: str, max_words: int = 12) -> Rule:
    """A rule from a plain phrase (case-insensitive, on word boundaries).

    >>> keyword_rule("promo", "Download our app").reason
    'keyword_download_our_app'
    """
    words = phrase.split()
    if not words:
        raise ConfigError(f"boilerplate keyword for {category!r} is empty")
    reason = "keyword_" + "_".join(regex.sub(r"\W+", "", w.lower()) for w in words)[:40]
    source = r"(?<!\w)" + r"\s+".join(regex.escape(w) for w in words) + r"(?!\w)"
    return Rule(category, reason, source, max_words, hint=(words[0].lower(),))


#: Verdicts remembered per rule set; past this the memory is cleared, so memory
#: stays bounded on a corpus of any size...
MEMO_SIZE = 50_000
#: ...and past this many characters of the long texts remembered (`remember`'s ``chars``).
MEMO_TEXT_CHARS = 4_000_000
#: Segments longer than this are never furniture by wording: page furniture is
#: short, and no rule's length cap admits a segment this long in practice.
MAX_SEGMENT_CHARS = 2_000


def _trim_edges(segment: str) -> str:
    """``segment`` without the runs of spaces, punctuation and symbols at its ends,
    save the one mark next to the words (a rule may look for a bracket there)."""
    start, end = 0, len(segment)
    while start < end and _is_edge(segment[start]):
        start += 1
    while end > start and _is_edge(segment[end - 1]):
        end -= 1
    return segment[max(0, start - 1) : min(len(segment), end + 1)]


def _is_edge(char: str) -> bool:
    return not char.isalnum()


class RuleSet:
    """Rules compiled for speed, matched in order.

    Rules anchored at the start of the segment run together as one
    `PatternSet` (RE2, linear time, stopping as soon as no rule can match);
    rules that may match anywhere run only when one of their hint words
    occurs, found for all of them in one Aho–Corasick pass. The earliest rule
    in the list whose length cap admits the segment wins.
    """

    def __init__(self, rules: Iterable[Rule], *, shipped: bool = False):
        self.rules = tuple(rules)
        # The shipped rules are checked by the test suite, not in every worker.
        for rule in () if shipped else self.rules:
            try:
                regex.compile(rule.pattern, regex.I)
            except regex.error as exc:
                raise ConfigError(
                    f"boilerplate pattern {rule.pattern!r} ({rule.category}) is invalid: {exc}"
                ) from None
        self._anchored = [i for i, r in enumerate(self.rules) if r.anchored]
        self._floating = [i for i, r in enumerate(self.rules) if not r.anchored]
        self.table = PatternSet(
            [self.rules[i].pattern for i in self._anchored], step=STEP, at_start=True
        )
        if not shipped:
            # A user's pattern RE2 cannot run fails here; the shipped table (tested)
            # compiles on first use, so a process that never judges a line never pays.
            self.table.check()
        self._single = {
            i: shared_pattern(self.rules[i].pattern, regex.I | regex.V0, STEP)
            for i in self._floating
        }
        hints = sorted({h for i in self._floating for h in self.rules[i].hint})
        self._hints = hints
        self._hint_rules = {
            h: [i for i in self._floating if h in self.rules[i].hint] for h in hints
        }
        self._unhinted = [i for i in self._floating if not self.rules[i].hint]
        #: Verdicts already reached with these rules, for whoever judges with them
        #: (page furniture repeats from page to page); see `remember`.
        self.memo: dict[object, object] = {}
        self._memo_chars = 0

    def __getstate__(self) -> tuple[Rule, ...]:
        return self.rules

    def __setstate__(self, rules: tuple[Rule, ...]) -> None:
        # Checked when the pickled set was built: a worker does not compile them again.
        self.__init__(rules, shipped=True)

    @cached_property
    def longest(self) -> int:
        """The largest length cap: longer segments match no rule."""
        return max((r.max_words for r in self.rules), default=-1)

    @cached_property
    def _admits(self) -> list[tuple[bool, ...]]:
        """Per length in words: which anchored rules (in table order) admit it."""
        anchored = [self.rules[i] for i in self._anchored]
        return [tuple(r.max_words >= n for r in anchored) for n in range(self.longest + 1)]

    @cached_property
    def _admits_any(self) -> list[bool]:
        """Per length in words: whether any anchored rule admits it (else the table is skipped)."""
        return [any(admits) for admits in self._admits]

    @cached_property
    def _automaton(self) -> AhoCorasick | None:
        return AhoCorasick(self._hints) if self._hints else None

    def _floating_candidates(self, segment: str) -> list[int]:
        """Floating rules whose hint occurs in ``segment`` (one automaton pass), in order."""
        if self._automaton is None:
            return self._unhinted
        hints = find_matches(self._automaton, segment.lower(), overlapping=True)
        if not hints:
            return self._unhinted
        found = set(self._unhinted)
        for hint, _start, _end in hints:
            found.update(self._hint_rules[self._hints[hint]])
        return sorted(found)

    @cached_property
    def _fragment(self) -> RuleSet:
        # Its rules were checked when this set was built: no second compilation to check them.
        return RuleSet((r for r in self.rules if r.fragment), shipped=True)

    def match(self, segment: str, words: int | None = None) -> tuple[str, str] | None:
        """``(category, reason)`` of the first rule that condemns ``segment``."""
        rule = self._first(segment, words)
        return None if rule is None else (rule.category, rule.reason)

    def match_rule(self, segment: str, words: int | None = None) -> tuple[str, str, bool] | None:
        """Like `match`, with whether the rule is decisive (a user's own rule)."""
        rule = self._first(segment, words)
        return None if rule is None else (rule.category, rule.reason, rule.decisive)

    def match_rules(
        self, segments: Sequence[str], words: Sequence[int]
    ) -> list[tuple[str, str, bool] | None]:
        """`match_rule` for many segments (the lines of a page) with their word counts.

        The floating rules' hint words are found in all segments by one
        automaton pass over them joined, instead of one pass per segment.
        """
        hinted = self._hinted(segments)
        out: list[tuple[str, str, bool] | None] = []
        for k, (segment, n) in enumerate(zip(segments, words, strict=True)):
            if len(segment) > MAX_SEGMENT_CHARS:
                rule = self._first(segment, None)
            else:
                rule = self._first(segment, n, hinted.get(k, self._unhinted))
            out.append(None if rule is None else (rule.category, rule.reason, rule.decisive))
        return out

    def _hinted(self, segments: Sequence[str]) -> dict[int, list[int]]:
        """Per segment holding a hint word: the floating rules to try, in order."""
        if self._automaton is None or not segments:
            return {}
        lows = [segment.lower() for segment in segments]
        found = find_matches(self._automaton, "\n".join(lows), overlapping=True)
        if not found:
            return {}
        starts = list(accumulate((len(low) + 1 for low in lows[:-1]), initial=0))
        rules: dict[int, set[int]] = {}
        for hint, start, _end in found:
            k = bisect_right(starts, start) - 1
            rules.setdefault(k, set(self._unhinted)).update(self._hint_rules[self._hints[hint]])
        return {k: sorted(found) for k, found in rules.items()}

    def _first(
        self, segment: str, words: int | None, candidates: list[int] | None = None
    ) -> Rule | None:
        if len(segment) > MAX_SEGMENT_CHARS:
            segment = _trim_edges(segment)
            if len(segment) > MAX_SEGMENT_CHARS:
                return None
        n = len(segment.split()) if words is None else words
        if n > self.longest:
            return None
        admits = self._admits[n]
        hit = self.table.first(segment, admits) if self._admits_any[n] else None
        best = None if hit is None else self._anchored[hit]
        if candidates is None:
            candidates = self._floating_candidates(segment)
        for i in candidates:
            if best is not None and i > best:
                break
            if self.rules[i].max_words >= n and self._single[i].contains(segment):
                best = i
                break
        return None if best is None else self.rules[best]

    def remember(self, key: object, value: object, chars: int = 0) -> None:
        """Keep ``value`` in `memo` under ``key``, forgetting all once it is full: once it
        holds `MEMO_SIZE` values, or the ``chars`` given with them pass `MEMO_TEXT_CHARS`."""
        if len(self.memo) >= MEMO_SIZE or self._memo_chars + chars > MEMO_TEXT_CHARS:
            self.memo.clear()
            self._memo_chars = 0
        self.memo[key] = value
        self._memo_chars += chars

    def match_fragment(self, fragment: str) -> tuple[str, str] | None:
        """Like `match`, with only the rules allowed to cut a run-on clause."""
        return self._fragment.match(fragment)

    def without(self, categories: Iterable[str]) -> RuleSet:
        """The same rules minus some categories (a user may keep bylines, say)."""
        drop = set(categories)
        return RuleSet(r for r in self.rules if r.category not in drop)

    def __add__(self, other: RuleSet) -> RuleSet:
        if not self.rules or not other.rules:  # the same rules: no second compilation
            return other if not self.rules else self
        return RuleSet(self.rules + other.rules)

    def __len__(self) -> int:
        return len(self.rules)
