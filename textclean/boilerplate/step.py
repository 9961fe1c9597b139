"""The ``boilerplate`` step: remove (or only mark) page furniture in each document.

Options are plain data so a TOML config can carry them::

    [[steps]]
    name = "boilerplate"
    mode = "remove"                      # or "annotate"
    keep_categories = ["byline"]          # never remove these
    keywords = { promo = ["Download our app", "Get the app"] }
    patterns = [{ category = "promo", pattern = "^Sponsored by .{1,40}$", max_words = 8 }]

Removals are `Change` records of kind ``boilerplate:<category>`` whose
reason names the rule and the scope (line, sentence or clause), so
``textclean explain`` shows every cut; annotate mode leaves the text
byte-identical and lists the same spans under ``meta["textclean"]["boilerplate"]``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from ..changes import Change
from ..document import Document, Drop
from ..errors import ConfigError
from ..registry import register
from ..steps import Step, StepResult
from .classify import Cut, builtin_rules, find_cuts
from .line_model import LineModel, load_model
from .rules import CATEGORIES, Rule, RuleSet, keyword_rule

MODES = ("remove", "annotate")
#: The drop reason for a page that is mostly furniture (``max_removed_share``).
FURNITURE_DROP = "mostly_furniture"
UserPattern = tuple[str, str, str, int]


#: Categories the line judgement gives besides the rules': repeated lines, and
#: a cut line without a category of its own.
LINE_CATEGORIES = ("duplicate", "other")


@register("boilerplate", default=40)
@dataclass(frozen=True)
class Boilerplate(Step):
    """Strip share bars, signup, login, legal, byline, caption, date and link furniture."""

    mode: str = field(
        default="remove",
        metadata={"help": "'remove' cuts furniture; 'annotate' records spans, text untouched"},
    )
    patterns: tuple[Any, ...] = field(
        default=(),
        metadata={
            "help": "extra rules: tables {category, pattern, reason?, max_words?} or "
            "[category, pattern] pairs; regex, case-insensitive, checked before the built-ins"
        },
    )
    keywords: Any = field(
        default=(),
        metadata={"help": "extra phrases by category, {category = [phrase, ...]}"},
    )
    keyword_max_words: int = field(
        default=12,
        metadata={
            "range": (1, None),
            "help": "longest line or sentence a keyword may remove, in words",
        },
    )
    keep_categories: tuple[str, ...] = field(
        default=(), metadata={"help": "categories never removed (e.g. ['byline', 'timestamp'])"}
    )
    builtin: bool = field(
        default=True, metadata={"help": "use the built-in English/German/French/Spanish rules"}
    )
    layout: bool = field(
        default=True,
        metadata={"help": "use position: names beside bylines (and link runs without a model)"},
    )
    model: Any = field(
        default="builtin",
        metadata={
            "help": "the line model: 'builtin', a path to a model JSON file, or false for "
            "the rules alone"
        },
    )
    threshold: float = field(
        default=0.0,
        metadata={
            "range": (0, 1),
            "help": "the model's decision threshold (higher keeps more); 0 uses the model's",
        },
    )
    max_removed_share: float | None = field(
        default=None,
        metadata={
            "range": (0, 1),
            "help": "drop a page (mostly_furniture) when furniture is more than this share "
            "of its non-space characters, in (0, 1]; unset keeps every page",
        },
    )

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ConfigError(
                f"boilerplate: mode must be one of {', '.join(MODES)}, not {self.mode!r}"
            )
        object.__setattr__(self, "patterns", normalize_patterns(self.patterns))
        object.__setattr__(self, "keywords", normalize_keywords(self.keywords))
        object.__setattr__(self, "keep_categories", tuple(sorted(set(self.keep_categories))))
        if self.keyword_max_words < 1:
            raise ConfigError("boilerplate: keyword_max_words must be at least 1")
        if not 0.0 <= self.threshold < 1.0:
            raise ConfigError("boilerplate: threshold must be in [0, 1)")
        share = self.max_removed_share
        if share is not None and (
            isinstance(share, bool) or not isinstance(share, (int, float)) or not 0 < share <= 1
        ):
            raise ConfigError(f"boilerplate: max_removed_share must be in (0, 1], not {share!r}")
        if self.model is True:
            object.__setattr__(self, "model", "builtin")
        if not (self.model is False or self.model is None or isinstance(self.model, str)):
            raise ConfigError(
                f"boilerplate: model is 'builtin', a file path or false, not {self.model!r}"
            )
        self.rules()  # a bad user pattern fails when the step is built, not mid-run
        self.line_model()  # and so does a bad model file
        self._check_kept_categories()

    def _check_kept_categories(self) -> None:
        """A kept category that no rule or model gives (``bylines``) would keep nothing."""
        model = self.line_model()
        known = {
            *CATEGORIES,
            *LINE_CATEGORIES,
            *(rule.category for rule in builtin_rules().rules),
            *(model.categories if model else ()),
            *(pattern[0] for pattern in self.patterns),
            *(category for category, _ in self.keywords),
        }
        if unknown := sorted(set(self.keep_categories) - known):
            raise ConfigError(
                f"boilerplate: keep_categories names {', '.join(map(repr, unknown))}, which no "
                f"rule or model gives; the categories are {', '.join(sorted(known))}"
            )

    def rules(self) -> RuleSet:
        """The rules this step runs (cached per process, so the step stays picklable)."""
        return compile_rules(
            self.patterns, self.keywords, self.keyword_max_words, self.keep_categories, self.builtin
        )

    def line_model(self) -> LineModel | None:
        """The model this step runs (loaded once per process), or None for the rules alone."""
        if not self.model:
            return None
        return _load_model(None if self.model == "builtin" else self.model)

    def cuts(self, text: str) -> list[Cut]:
        """What this step would remove from ``text``."""
        return find_cuts(
            text,
            self.rules(),
            layout=self.layout,
            keep_categories=frozenset(self.keep_categories),
            model=self.line_model(),
            threshold=self.threshold or None,
        )

    def process(self, doc: Document) -> StepResult:
        cuts = self.cuts(doc.text)
        if not cuts:
            return StepResult(doc)
        if (
            self.max_removed_share is not None
            and (share := removed_share(doc.text, cuts)) > self.max_removed_share
        ):
            detail = f"furniture is {share:.0%} of the page, more than {self.max_removed_share:.0%}"
            return StepResult(Drop(FURNITURE_DROP, detail))
        if self.mode == "annotate":
            spans = [span_record(doc.text, c) for c in cuts]
            return StepResult(doc.annotate("boilerplate", spans))
        changes = cut_changes(doc.text, cuts)
        counts = Counter(c.category for c in cuts if c.reason != "blank_line")
        out = doc.with_text(text_without(doc.text, cuts)).annotate(
            "boilerplate_removed", dict(sorted(counts.items()))
        )
        return StepResult(out, changes)


def removed_share(text: str, cuts: Iterable[Cut]) -> float:
    """The share of the page's non-space characters that the cuts remove.

    Spaces are left out so blank lines and indentation weigh nothing.

    >>> removed_share("Share\\nStory", [Cut(0, 6, "share", "share", "line")])
    0.5
    """
    total = _visible(text)
    if total == 0:
        return 0.0
    removed = sum(_visible(text[c.start : c.end]) for c in cuts)
    return removed / total


def _visible(text: str) -> int:
    """Non-space characters: ``str.split`` splits exactly where ``str.isspace`` holds."""
    return sum(map(len, text.split()))


def span_record(text: str, cut: Cut) -> dict[str, Any]:
    """One annotated span, as stored in metadata."""
    record = {
        "start": cut.start,
        "end": cut.end,
        "category": cut.category,
        "reason": cut.reason,
        "scope": cut.scope,
        "text": text[cut.start : cut.end],
    }
    if cut.probability is not None:
        record["probability"] = round(cut.probability, 3)
    return record


def _probability(cut: Cut) -> str:
    return "" if cut.probability is None else f", p={cut.probability:.2f}"


@lru_cache(maxsize=8)
def _load_model(path: str | None) -> LineModel:
    return load_model(path)


#: The keys of a user pattern given as a table.
PATTERN_KEYS = ("category", "pattern", "reason", "max_words")


def normalize_patterns(items: Iterable[Any]) -> tuple[UserPattern, ...]:
    """User patterns as ``(category, reason, pattern, max_words)`` tuples."""
    out = []
    for item in items:
        if isinstance(item, Mapping):
            if "category" not in item or "pattern" not in item:
                raise ConfigError(
                    f"boilerplate: a pattern needs 'category' and 'pattern': {dict(item)!r}"
                )
            if unknown := sorted(set(item) - set(PATTERN_KEYS)):
                raise ConfigError(
                    f"boilerplate: a pattern table takes {', '.join(PATTERN_KEYS)}, not "
                    f"{', '.join(map(repr, unknown))}: {dict(item)!r}"
                )
            category, pattern = str(item["category"]), str(item["pattern"])
            reason = str(item.get("reason") or f"user_{category}")
            max_words = item.get("max_words", 12)
        elif isinstance(item, (list, tuple)) and len(item) in (2, 3, 4):
            category, pattern = str(item[0]), str(item[1])
            reason = str(item[2]) if len(item) > 2 else f"user_{category}"
            max_words = item[3] if len(item) > 3 else 12
        else:
            raise ConfigError(
                f"boilerplate: a pattern is a table or a [category, pattern] pair, not {item!r}"
            )
        if isinstance(max_words, bool) or not isinstance(max_words, int) or max_words < 1:
            raise ConfigError(
                f"boilerplate: max_words of pattern {pattern!r} is the longest segment it may "
                f"remove, a whole number of words >= 1, not {max_words!r}"
            )
        out.append((category, reason, pattern, max_words))
    return tuple(out)


def normalize_keywords(keywords: Any) -> tuple[tuple[str, str], ...]:
    """User keywords as sorted ``(category, phrase)`` pairs."""
    if isinstance(keywords, Mapping):
        pairs = []
        for category, phrases in keywords.items():
            if isinstance(phrases, str):
                phrases = [phrases]
            pairs.extend((str(category), str(p)) for p in phrases)
        return tuple(pairs)
    try:
        return tuple((str(c), str(p)) for c, p in keywords)
    except (TypeError, ValueError):
        raise ConfigError(
            f"boilerplate: keywords are {{category = [phrase, ...]}}, not {keywords!r}"
        ) from None


@lru_cache(maxsize=64)
def compile_rules(
    patterns: tuple[UserPattern, ...],
    keywords: tuple[tuple[str, str], ...],
    keyword_max_words: int,
    keep_categories: tuple[str, ...],
    builtin: bool,
) -> RuleSet:
    """User rules first, then the built-ins, minus the categories kept."""
    user = [Rule(c, r, p, m, decisive=True) for c, r, p, m in patterns]
    user += [
        replace(keyword_rule(c, phrase, keyword_max_words), decisive=True) for c, phrase in keywords
    ]
    rules = RuleSet(user)
    if builtin:
        rules = rules + builtin_rules()
    return rules.without(keep_categories) if keep_categories else rules


def cut_changes(text: str, cuts: list[Cut]) -> tuple[Change, ...]:
    """One replayable `Change` per cut: kind ``boilerplate:<category>``, reason
    the rule (or ``model``), the scope and, for model verdicts, the probability."""
    return tuple(
        Change(
            f"boilerplate:{c.category}",
            c.start,
            c.end,
            text[c.start : c.end],
            "",
            f"{c.reason} ({c.scope}{_probability(c)})",
        )
        for c in cuts
    )


def text_without(text: str, cuts: list[Cut]) -> str:
    """``text`` with the cut spans left out."""
    out, pos = [], 0
    for cut in cuts:
        out.append(text[pos : cut.start])
        pos = cut.end
    out.append(text[pos:])
    return "".join(out)
