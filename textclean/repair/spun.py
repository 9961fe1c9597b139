"""Spun text: rewrite the phrases an article spinner left, and score how spun a text is.

Spinners swap words for "synonyms" to pass copied text off as new, leaving
phrases no writer would use ("for legal reasons enforcement" for law
enforcement, "counterfeit consciousness" for artificial intelligence). The
lexicon (`textclean.repair.lexicon`) says which phrases are safe to rewrite
(``repair``) and which are only evidence (``signal``).

>>> fix_spun("Police and for legal reasons enforcement agencies, such as for instance ICE.")
'Police and law enforcement agencies, such as ICE.'
>>> spin_score("A plain sentence about the weather.")
0.0
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from ..changes import Change
from ..document import Document
from ..per_text import per_text
from ..registry import register
from ..steps import StepResult, TextStep
from .lexicon import Entry, Lexicon, load_lexicon, word_count

KIND = "spun_phrase"
#: A ``repair`` hit is unambiguous, so it weighs as much as this many signals.
REPAIR_WEIGHT = 3.0
#: Texts shorter than this are scored as if this long, so one hit in a
#: headline does not look like a heavily spun page.
MIN_WORDS = 100
#: Distinct phrases recorded in metadata (the first, alphabetically): keeps records small.
MAX_PHRASES = 20
#: Passes over the text until no repair applies (a rewrite can complete a new phrase).
MAX_PASSES = 3
#: In-context repair: a text holding at least this many ``repair``-tier phrases
#: (a clean text holds none) and scoring at least `CONTEXT_MIN_SCORE` is clearly
#: spun, so its signal phrases are rewritten too (calibration in docs/spun.md).
CONTEXT_MIN_REPAIRS = 3
CONTEXT_MIN_SCORE = 10.0
#: Marks the reason of an in-context repair.
IN_CONTEXT = "in a spun text"


def match_case(found: str, replacement: str) -> str:
    """Give ``replacement`` the capitalisation of the text it replaces.

    >>> match_case("Such as for instance", "such as")
    'Such as'
    >>> match_case("COUNTERFEIT CONSCIOUSNESS", "artificial intelligence")
    'ARTIFICIAL INTELLIGENCE'
    >>> match_case("Counterfeit Consciousness", "artificial intelligence")
    'Artificial Intelligence'
    """
    letters = [ch for ch in found if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return replacement.upper()
    words = found.split()
    if len(words) > 1 and all(w[:1].isupper() for w in words if w[:1].isalpha()):
        return " ".join(w[:1].upper() + w[1:] for w in replacement.split(" "))
    if found[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _skip(entry: Entry, text: str) -> bool:
    """A capitalisation-only repair is pointless in text written all in lower case."""
    return entry.replacement.lower() == entry.phrase.lower() and text.lower() == text


def _one_pass(
    text: str,
    lexicon: Lexicon,
    tiers: tuple[str, ...] = ("repair",),
    hits: list[tuple[int, int, Entry]] | None = None,
) -> list[Change]:
    """The repairs of one pass: ``hits`` is ``lexicon.find(text, tiers)`` when known."""
    changes = []
    for start, end, entry in lexicon.find(text, tiers) if hits is None else hits:
        if _skip(entry, text):
            continue
        before = text[start:end]
        after = (
            entry.replacement if entry.case == "exact" else match_case(before, entry.replacement)
        )
        if after != before:
            where = "lexicon" if entry.tier == "repair" else f"{IN_CONTEXT}, lexicon"
            reason = (
                f"spun phrase {entry.phrase!r} -> {entry.replacement!r} ({where}: {entry.source})"
            )
            changes.append(Change(KIND, start, end, before, after, reason))
    return changes


def in_context(
    evidence: SpinEvidence,
    min_repairs: int = CONTEXT_MIN_REPAIRS,
    min_score: float = CONTEXT_MIN_SCORE,
) -> bool:
    """Whether a text is spun clearly enough to rewrite its signal phrases too.

    One ambiguous phrase proves nothing; several phrases no writer uses do.

    >>> in_context(SpinEvidence(words=400, repairs=3, signals=2, phrases=(), score=27.5))
    True
    >>> in_context(SpinEvidence(words=400, repairs=0, signals=9, phrases=(), score=22.5))
    False
    """
    return evidence.repairs >= min_repairs and evidence.score >= min_score


def _apply(text: str, changes: list[Change]) -> str:
    out, pos = [], 0
    for ch in changes:
        out += [text[pos : ch.start], ch.after]
        pos = ch.end
    return "".join(out) + text[pos:]


def repair_spun(
    text: str,
    lexicon: Lexicon | None = None,
    prior_repairs: int = 0,
    context: tuple[int, float] | None = (CONTEXT_MIN_REPAIRS, CONTEXT_MIN_SCORE),
) -> tuple[str, list[Change], int]:
    """The repaired text, the `Change` records that turn ``text`` into it, and the repair count.

    ``context`` is ``(min_repairs, min_score)`` for in-context repair (see
    `in_context`), ``None`` to rewrite the ``repair`` tier only; the count
    includes in-context repairs. Repairs are applied until none applies (a
    rewrite can complete a new phrase), so a second run changes nothing.
    Edits of later passes are composed with the earlier ones, so the records
    always replay on ``text``.
    """
    new_text, changes, repairs, signals = repair_counts(text, lexicon, prior_repairs, context)
    return new_text, changes, repairs + signals


def repair_counts(
    text: str,
    lexicon: Lexicon | None = None,
    prior_repairs: int = 0,
    context: tuple[int, float] | None = (CONTEXT_MIN_REPAIRS, CONTEXT_MIN_SCORE),
) -> tuple[str, list[Change], int, int]:
    """As `repair_spun`, counting ``repair``-tier and in-context (signal) repairs apart."""
    lexicon = lexicon if lexicon is not None else load_lexicon()
    tiers: tuple[str, ...] = ("repair",)
    hits = lexicon.find(text, tiers)
    changes = _one_pass(text, lexicon, tiers, hits)
    # Weighing the whole text costs a scan of every tier: only a text with
    # enough repair-tier hits can be clearly spun, and clean text has none.
    if (
        context is not None
        and len(hits) + prior_repairs >= context[0]
        and in_context(spin_evidence(text, lexicon, prior_repairs), *context)
    ):
        tiers = ("repair", "context")
        changes = _one_pass(text, lexicon, tiers)
    current, made = _apply(text, changes), list(changes)
    for _ in range(MAX_PASSES - 1):
        more = _one_pass(current, lexicon, tiers) if changes else []
        if not more:
            break
        current, made = _apply(current, more), made + more
        changes = compose(text, changes, more)
    context = sum(IN_CONTEXT in c.reason for c in made)
    return current, changes, len(made) - context, context


def compose(text: str, first: list[Change], second: list[Change]) -> list[Change]:
    """Records on ``text`` equal to applying ``first``, then ``second`` on its result.

    Overlapping or touching edits merge into one record carrying both reasons.

    >>> a = [Change(KIND, 0, 20, "such as for instance", "such as", "r1")]
    >>> b = [Change(KIND, 0, 20, "such as for instance", "such as", "r2")]
    >>> compose("such as for instance for instance", a, b)
    [Change(kind='spun_phrase', start=0, end=33, before='such as for instance for instance', after='such as', reason='r1; r2')]
    """
    first = sorted(first, key=lambda c: c.start)
    starts, shift, shifts = [], 0, []
    for ch in first:  # where each first edit's output sits in the intermediate text
        starts.append(ch.start + shift)
        shifts.append(shift)
        shift += len(ch.after) - (ch.end - ch.start)

    def to_original(pos: int, side: str) -> int:
        i = bisect_right(starts, pos) - 1
        if i < 0:
            return pos
        ch, out_end = first[i], starts[i] + len(first[i].after)
        if pos > out_end:
            return pos - shifts[i] - len(ch.after) + (ch.end - ch.start)
        if pos == out_end:
            return ch.end
        if pos == starts[i]:
            return ch.start
        return ch.start if side == "start" else ch.end

    spans = [(c.start, c.end, len(c.after) - (c.end - c.start), c.reason) for c in first]
    spans += [
        (
            to_original(c.start, "start"),
            to_original(c.end, "end"),
            len(c.after) - (c.end - c.start),
            c.reason,
        )
        for c in second
    ]
    spans.sort()
    merged: list[list] = []
    for start, end, delta, reason in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2] += delta
            merged[-1][3].append(reason)
        else:
            merged.append([start, end, delta, [reason]])
    result = _apply(text, first)
    result = _apply(result, sorted(second, key=lambda c: c.start))
    out, offset = [], 0
    for start, end, delta, reasons in merged:
        after = result[start + offset : end + offset + delta]
        reason = "; ".join(dict.fromkeys(reasons))
        out.append(Change(KIND, start, end, text[start:end], after, reason))
        offset += delta
    return out


def spun_edits(text: str, lexicon: Lexicon | None = None) -> tuple[str, list[Change]]:
    """The repaired text and its replayable `Change` records (see `repair_spun`)."""
    new_text, changes, _ = repair_spun(text, lexicon)
    return new_text, changes


def fix_spun(text: str) -> str:
    """Rewrite the ``repair``-tier spun phrases of the shipped lexicon.

    Word-boundary and case aware: "Such as for instance" becomes "Such as";
    "such as for instances" and "non-such as for instance" are left alone.

    >>> fix_spun("It will continue steadily to allow its use in once case.")
    'It will continue to allow its use in one case.'
    """
    return spun_edits(text)[0]


@dataclass(frozen=True)
class SpinEvidence:
    """What `spin_evidence` found: counts, the distinct phrases, and the score."""

    words: int
    repairs: int
    signals: int
    phrases: tuple[str, ...]
    score: float

    def to_meta(self) -> dict[str, Any]:
        return {
            "spin_score": round(self.score, 3),
            "spin_repairs": self.repairs,
            "spin_signals": self.signals,
            "spin_phrases": list(self.phrases[:MAX_PHRASES]),
        }


def score_of(words: int, repairs: int, signals: int) -> float:
    """Signals per 1,000 words, a repair hit counting `REPAIR_WEIGHT` signals.

    >>> score_of(500, 1, 2)
    10.0
    >>> score_of(20, 0, 1)  # short texts count as MIN_WORDS long
    10.0
    """
    return 1000.0 * (REPAIR_WEIGHT * repairs + signals) / max(words, MIN_WORDS)


def spin_evidence(
    text: str, lexicon: Lexicon | None = None, prior_repairs: int = 0, prior_signals: int = 0
) -> SpinEvidence:
    """Count the lexicon's phrases in ``text``, plus repairs and signals rewritten earlier."""
    lexicon = lexicon if lexicon is not None else load_lexicon()
    hits = lexicon.find(text)
    repairs = sum(1 for *_, e in hits if e.tier == "repair") + prior_repairs
    signals = sum(1 for *_, e in hits if e.tier == "signal") + prior_signals
    words = per_text(text, "whitespace_words", lambda: word_count(text))
    phrases = tuple(sorted({e.phrase for *_, e in hits}))
    return SpinEvidence(words, repairs, signals, phrases, score_of(words, repairs, signals))


def spin_score(text: str) -> float:
    """How spun a text looks: lexicon signals per 1,000 words, repair hits weighing more.

    0 for text holding no lexicon phrase; see docs/spun.md for the calibration.

    >>> spin_score("The study found that men and women differ.")  # one signal, short text
    10.0
    """
    return spin_evidence(text).score


def _lexicon_options(step: Any) -> Lexicon:
    return load_lexicon(tuple(step.lexicon_files), tuple(step.entries), step.builtin)


LEXICON_FILES_HELP = "extra lexicon files (TSV: phrase, replacement, tier[, case, source, papers])"
ENTRIES_HELP = "inline entries: 'repair: A -> B', 'signal: A', 'off: A' (override the files)"
BUILTIN_HELP = "start from the shipped lexicon (textclean/data/spun_lexicon.tsv)"


@register("fix_spun", default=30)
@dataclass(frozen=True)
class FixSpun(TextStep):
    """Rewrite phrases left by article spinners ("for legal reasons enforcement" -> "law enforcement")."""

    lexicon_files: tuple[str, ...] = field(default=(), metadata={"help": LEXICON_FILES_HELP})
    entries: tuple[str, ...] = field(default=(), metadata={"help": ENTRIES_HELP})
    builtin: bool = field(default=True, metadata={"help": BUILTIN_HELP})
    in_context: bool = field(
        default=True, metadata={"help": "in a clearly spun text, rewrite signal phrases too"}
    )
    context_min_repairs: int = field(
        default=CONTEXT_MIN_REPAIRS,
        metadata={
            "range": (0, None),
            "help": "repair-tier phrases a text needs for in-context repair",
        },
    )
    context_min_score: float = field(
        default=CONTEXT_MIN_SCORE,
        metadata={"range": (0, None), "help": "spin score a text needs for in-context repair"},
    )

    def __post_init__(self) -> None:
        # Config files give lists; tuples keep the step hashable and the lexicon cache keyed.
        object.__setattr__(self, "lexicon_files", tuple(self.lexicon_files))
        object.__setattr__(self, "entries", tuple(self.entries))

    def _context(self) -> tuple[int, float] | None:
        return (self.context_min_repairs, self.context_min_score) if self.in_context else None

    def edit(self, text: str) -> tuple[str, list[Change]]:
        new_text, changes, _ = repair_spun(text, _lexicon_options(self), 0, self._context())
        return new_text, changes

    def process(self, doc: Document) -> StepResult:
        prior = doc.record.get("spun_repairs", 0)
        new_text, changes, repairs, signals = repair_counts(
            doc.text, _lexicon_options(self), prior, self._context()
        )
        if new_text == doc.text:
            return StepResult(doc)
        out = doc.with_text(new_text).annotate("spun_repairs", prior + repairs)
        if signals:
            earlier = doc.record.get("spun_context_repairs", 0)
            out = out.annotate("spun_context_repairs", earlier + signals)
        return StepResult(out, tuple(changes))
