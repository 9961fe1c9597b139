"""Corpus-level templates: what a site repeats on every page is that site's furniture.

No rule list knows every site's footer in every language, but a corpus does:
a line or sentence that appears in a large share of one source's documents
("Lea también en nuestra web", a site's newsletter blurb, its caption credit)
is template text for that source. A sentence that recurs across *different*
sources is the opposite case, a quotation or a wire story, and is kept.

Counting happens once over the whole corpus (the stage holds the documents of
a run in memory), and the result does not depend on input order: keys are
stable xxhash digests of normalised text, never Python's ``hash()``.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import xxhash

from ..document import Document, Drop
from ..errors import ConfigError
from ..patterns import Pattern
from ..registry import register
from ..segment import split_sentences
from ..steps import Stage
from .classify import KEEP, Verdict, cuts_from_verdicts, line_bounds, sentence_cuts
from .features import ends_sentence, is_quoted, word_count
from .step import MODES, span_record

_DIGITS = Pattern(r"\d+", step="boilerplate_templates")
_SPACE = Pattern(r"\s+", step="boilerplate_templates")
SOURCE_FIELDS = ("source", "domain", "site", "host", "url")


def unit_key(text: str) -> int:
    """A stable key for a line or sentence: case, spacing and numbers do not matter.

    >>> unit_key("Image 1 of 23") == unit_key("image  7 of 9")
    True
    """
    norm = _SPACE.sub(" ", _DIGITS.sub("0", text.strip().lower()))
    return xxhash.xxh3_64_intdigest(norm.encode("utf-8"))


def source_of(doc: Document, source_field: str = "") -> str:
    """Which site a document came from: a URL's host, a file's directory, or the field.

    >>> source_of(Document("1", "", {"url": "https://www.example.com/a/b"}))
    'example.com'
    >>> source_of(Document("1", "", {"source": "crawl/site-a/page1.txt"}))
    'crawl/site-a'
    """
    fields = (source_field,) if source_field else SOURCE_FIELDS
    for name in fields:
        value = doc.meta.get(name)
        if not value:
            continue
        value = str(value)
        if "://" in value:
            host = urlsplit(value).hostname or value
            return host.removeprefix("www.")
        if name == "source" and (os.sep in value or "/" in value):
            return os.path.dirname(value)
        return value
    return ""


def document_units(text: str) -> list[list[str]]:
    """Per line: the line itself, then its sentences when it has several."""
    out = []
    for a, b, _ in line_bounds(text):
        line = text[a:b]
        if not line.strip():
            out.append([])
            continue
        sentences = split_sentences(line)
        out.append([line] + ([s.text for s in sentences] if len(sentences) > 1 else []))
    return out


@register("boilerplate_templates")
@dataclass(frozen=True)
class BoilerplateTemplates(Stage):
    """Remove lines and sentences that one source repeats across many of its documents."""

    source_field: str = field(
        default="",
        metadata={
            "help": "field naming the source; '' tries source (directory), domain, site, host, url (host)"
        },
    )
    min_docs: int = field(
        default=3,
        metadata={"help": "a unit must appear in at least this many documents of a source"},
    )
    min_share: float = field(
        default=0.3, metadata={"help": "...and in at least this share of the source's documents"}
    )
    cross_source_keep: int = field(
        default=2,
        metadata={
            "help": "a sentence found in this many different sources is quoted content: kept"
        },
    )
    mode: str = field(
        default="remove",
        metadata={"help": "'remove' cuts template text; 'annotate' records spans, text untouched"},
    )

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ConfigError(f"boilerplate_templates: mode must be one of {', '.join(MODES)}")
        if self.min_docs < 2:
            raise ConfigError("boilerplate_templates: min_docs must be at least 2")
        if not 0.0 < self.min_share <= 1.0:
            raise ConfigError("boilerplate_templates: min_share must be in (0, 1]")

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document | Drop]:
        held = list(docs)
        sources = [source_of(d, self.source_field) for d in held]
        units = [document_units(d.text) for d in held]
        templates = self.learn(sources, units)
        for doc, source, doc_units in zip(held, sources, units, strict=True):
            yield self.apply(doc, templates.get(source, frozenset()), doc_units)

    def learn(self, sources: list[str], units: list[list[list[str]]]) -> dict[str, frozenset[int]]:
        """Template keys per source, from every document's units."""
        per_source_docs = Counter(sources)
        counts: dict[str, Counter] = defaultdict(Counter)
        spread: dict[int, set[str]] = defaultdict(set)
        sentence_like: dict[int, bool] = {}
        for source, doc_units in zip(sources, units, strict=True):
            keys = set()
            for line_units in doc_units:
                for unit in line_units:
                    key = unit_key(unit)
                    keys.add(key)
                    if key not in sentence_like:
                        sentence_like[key] = is_quoted(unit) or (
                            word_count(unit) >= 8 and ends_sentence(unit)
                        )
            counts[source].update(keys)
            for key in keys:
                spread[key].add(source)
        out: dict[str, frozenset[int]] = {}
        for source, counter in counts.items():
            need = max(self.min_docs, self.min_share * per_source_docs[source])
            out[source] = frozenset(
                key
                for key, n in counter.items()
                if n >= need
                and not (sentence_like[key] and len(spread[key]) >= self.cross_source_keep)
            )
        return out

    def apply(
        self, doc: Document, templates: frozenset[int], doc_units: list[list[str]]
    ) -> Document:
        """The document without (or annotated with) its source's template text."""
        if not templates:
            return doc
        bounds = line_bounds(doc.text)
        lines = [doc.text[a:b] for a, b, _ in bounds]
        verdicts = [_verdict(line, u, templates) for line, u in zip(lines, doc_units, strict=True)]
        if all(not v.keep or not line.strip() for v, line in zip(verdicts, lines, strict=True)):
            return doc  # every line repeats: a duplicate page, which is deduplication's business
        cuts = cuts_from_verdicts(bounds, lines, verdicts)
        if not cuts:
            return doc
        if self.mode == "annotate":
            return doc.annotate("boilerplate_templates", [span_record(doc.text, c) for c in cuts])
        out, pos = [], 0
        for cut in cuts:
            out.append(doc.text[pos : cut.start])
            pos = cut.end
        out.append(doc.text[pos:])
        removed = sum(c.reason != "blank_line" for c in cuts)
        return doc.with_text("".join(out)).annotate("boilerplate_templates_removed", removed)


def _verdict(line: str, units: list[str], templates: frozenset[int]) -> Verdict:
    if not units:
        return KEEP
    if unit_key(units[0]) in templates:
        return Verdict(False, "template", "repeated_line")
    if len(units) == 1:
        return KEEP
    sentences = split_sentences(line)
    hits = [
        ("template", "repeated_sentence") if unit_key(s.text) in templates else None
        for s in sentences
    ]
    if all(hits):
        return Verdict(False, "template", "repeated_sentence")
    if not any(hits):
        return KEEP
    return Verdict(True, cuts=tuple(sentence_cuts(sentences, hits)))
