"""Paragraph-level language identification: mixed documents and foreign paragraphs.

A scraped page can be one language with a block in another (a quoted tweet, a
cookie notice in the site's home language, a machine-translated tail). Each
paragraph is identified on its own; paragraphs too short to identify stay
``unknown`` and never count as foreign.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..changes import Change
from ..patterns import Pattern
from .language_detect import UNKNOWN, detect_language, letter_count

if TYPE_CHECKING:
    from .language import LanguageFilter

_BLANK_LINE = Pattern(r"\n[ \t\r\f\v]*\n", step="language")
_LINE = Pattern(r"[^\n]+", step="language")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """``text[start:end]`` (stripped) and its language."""

    start: int
    end: int
    lang: str
    prob: float
    letters: int


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraph spans without outer whitespace: blocks between blank lines, else lines.

    >>> paragraph_spans("One.\\n\\nTwo.\\n")
    [(0, 4), (6, 10)]
    """
    if not _BLANK_LINE.search(text):
        found = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    else:
        found, pos = [], 0
        for sep in _BLANK_LINE.finditer(text):
            found.append((pos, sep.start()))
            pos = sep.end()
        found.append((pos, len(text)))
    spans = []
    for start, end in found:
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((start + lead, start + lead + len(stripped)))
    return spans


def identify_paragraphs(text: str, **options: Any) -> list[Paragraph]:
    """Every paragraph with its language (options as for `detect_language`)."""
    out = []
    for start, end in paragraph_spans(text):
        chunk = text[start:end]
        found = detect_language(chunk, **options)
        out.append(Paragraph(start, end, found.lang, found.prob, letter_count(chunk)))
    return out


def removal_changes(text: str, paragraphs: list[Paragraph], remove: list[bool]) -> list[Change]:
    """Changes deleting the chosen paragraphs together with the whitespace that joins them."""
    changes = []
    i = 0
    while i < len(paragraphs):
        if not remove[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(paragraphs) and remove[j + 1]:
            j += 1
        if j + 1 < len(paragraphs):
            start, end = paragraphs[i].start, paragraphs[j + 1].start
        elif i > 0:
            start, end = paragraphs[i - 1].end, len(text)
        else:
            start, end = 0, len(text)
        langs = ", ".join(sorted({p.lang for p in paragraphs[i : j + 1]}))
        changes.append(Change("language:paragraph", start, end, text[start:end], "", langs))
        i = j + 1
    return changes


@dataclass
class ParagraphReport:
    """What paragraph-level identification found in one document."""

    main: str
    paragraphs: list[Paragraph]
    shares: dict[str, float]
    mixed: bool
    removals: list[Change] = field(default_factory=list)
    kept_text: str = ""

    def values(self) -> dict[str, Any]:
        return {
            "lang_mixed": self.mixed,
            "lang_shares": self.shares,
            "lang_paragraphs": [[p.start, p.end, p.lang, p.prob] for p in self.paragraphs],
        }


def paragraph_report(text: str, doc_lang: str, step: LanguageFilter) -> ParagraphReport:
    """Identify the paragraphs of ``text`` and decide which ones are foreign."""
    from ..changes import apply_changes

    paragraphs = identify_paragraphs(
        text, backend=step.backend, seed=step.seed, min_letters=step.min_letters
    )
    known = [p for p in paragraphs if p.lang != UNKNOWN]
    total = sum(p.letters for p in known) or 1
    letters: dict[str, int] = {}
    for p in known:
        letters[p.lang] = letters.get(p.lang, 0) + p.letters
    shares = {
        lang: round(n / total, 4)
        for lang, n in sorted(letters.items(), key=lambda kv: (-kv[1], kv[0]))
    }
    main = doc_lang if doc_lang != UNKNOWN else next(iter(shares), UNKNOWN)
    mixed = 1.0 - shares.get(main, 0.0) >= step.mixed_share if shares else False
    allowed = set(step.keep) if step.keep else {main}
    remove = [
        p.lang != UNKNOWN and p.lang not in allowed and p.prob >= step.min_prob for p in paragraphs
    ]
    removals = removal_changes(text, paragraphs, remove) if any(remove) else []
    kept = apply_changes(text, removals) if removals else text
    return ParagraphReport(main, paragraphs, shares, mixed, removals, kept)
