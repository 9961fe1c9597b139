"""Corpus-level furniture: lines repeated across documents that share nothing else.

No rule list knows every site's footer in every language, but a corpus does.
A line or sentence repeated in many documents is one of two things:

* **furniture** — a site's newsletter blurb, caption credit or menu, or a promo
  syndicated to many sites — when the documents holding it share nothing else;
* **quotation or wire copy** — a company statement quoted by several outlets, an
  agency story run by several papers — when the documents holding it also
  share other content: the story around the quote, the rest of the wire copy.

Two levels of repetition are judged. A unit in at least ``min_docs`` documents
and ``min_share`` of one source's documents is a *site* candidate; a unit in at
least ``min_docs`` documents from ``min_sources`` sources is a *corpus*
candidate. A candidate is furniture unless its documents resemble each other
more than documents of the same scope usually do: the mean word overlap
(`template_keys.resemblance`) of a sample of the documents holding it must
exceed the usual overlap (a sample of the source's documents for a site
candidate, of documents from different sources for a corpus candidate) by
``related``. Overlap is measured on whole documents, so the unit's own words
count for little against an article's.

Memory is bounded by the number of distinct keys, not of documents. Pass one
streams the documents into a compressed spool (`textclean.io.spool`) while it
counts, per key, its documents and the sources they come from (a per-source
count only for keys seen in a few sources). Pass two reads the spool and keeps,
per candidate, a sample of at most ``SAMPLE`` documents' word sketches chosen by
document hash (so the sample, like every count, does not depend on input order).
Pass three reads the spool again and yields each document's fate in input order.

Keys (`template_keys.unit_keys`) tolerate dates, times, numbers, URLs, handles
and changed names; they are xxhash digests, stable across processes.
"""

from __future__ import annotations

import os
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import combinations
from urllib.parse import urlsplit

import xxhash

from ..changes import Change
from ..document import Document, Drop
from ..errors import ConfigError
from ..io.spool import Spool
from ..registry import register
from ..runner import record_changes
from ..segment import split_sentences
from ..steps import Stage
from .classify import KEEP, Verdict, cuts_from_verdicts, line_bounds, sentence_cuts
from .step import MODES, cut_changes, span_record, text_without
from .template_keys import resemblance, unit_keys, word_sketch

SOURCE_FIELDS = ("source", "domain", "site", "host", "url")
#: Documents sampled per candidate unit, and per source or corpus for the usual overlap.
SAMPLE = 8
BASELINE_SAMPLE = 24
#: A key seen in more sources than this keeps no per-source counts (it is judged corpus-wide).
TRACKED_SOURCES = 32


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


def document_keys(units: list[list[str]]) -> array:
    """The distinct keys of a document's units, sorted (a compact array, for the spool)."""
    return array("Q", sorted({k for line in units for unit in line for k in unit_keys(unit)}))


def _hash(text: str) -> int:
    return xxhash.xxh3_64_intdigest(text.encode("utf-8", "surrogatepass"))


@dataclass
class Counts:
    """Pass one: documents per key, per source, and per key and source (bounded)."""

    docs: dict[int, int] = field(default_factory=dict)
    home: dict[int, int] = field(default_factory=dict)  # key -> its only source so far
    spread: dict[int, dict[int, int] | None] = field(default_factory=dict)  # None: too wide
    sources: dict[int, int] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)

    def add(self, source: int, keys: Iterable[int]) -> None:
        self.sources[source] = self.sources.get(source, 0) + 1
        for key in keys:
            n = self.docs.get(key, 0)
            self.docs[key] = n + 1
            if n == 0:
                self.home[key] = source
                continue
            per = self.spread.get(key, 0)
            if per is None:
                continue
            if per == 0:
                if self.home[key] == source:
                    continue
                per = self.spread[key] = {self.home[key]: n}
            per[source] = per.get(source, 0) + 1
            if len(per) > TRACKED_SOURCES:
                self.spread[key] = None

    def per_source(self, key: int) -> dict[int, int] | None:
        """Documents holding ``key`` per source; None when it is in too many sources."""
        if key not in self.spread:
            return {self.home[key]: self.docs[key]}
        return self.spread[key]


@dataclass(frozen=True)
class Candidate:
    """A repeated key, at site level (``source`` set) or corpus level (``source`` None)."""

    key: int
    source: int | None
    docs: int
    sources: int


class Sample:
    """A bounded, order-free sample of the documents holding a candidate.

    Site level: the ``SAMPLE`` documents with the smallest hashes. Corpus level:
    one document (smallest hash) from each of the ``SAMPLE`` sources with the
    smallest hashes, so pairs compare different sources.
    """

    __slots__ = ("by_source", "size", "items")

    def __init__(self, by_source: bool, size: int = SAMPLE):
        self.by_source = by_source
        self.size = size
        self.items: dict[int, tuple[int, tuple[int, ...]]] = {}

    def offer(self, source: int, doc_hash: int, sketch: tuple[int, ...]) -> None:
        slot = source if self.by_source else doc_hash
        held = self.items.get(slot)
        if held is not None:
            if doc_hash < held[0]:
                self.items[slot] = (doc_hash, sketch)
            return
        self.items[slot] = (doc_hash, sketch)
        if len(self.items) > self.size:
            del self.items[max(self.items)]

    def overlap(self, memo: dict[tuple[int, int], float]) -> float:
        """Mean resemblance over the sampled pairs (0 with fewer than two)."""
        held = sorted(self.items.values())
        pairs = list(combinations(held, 2))
        if not pairs:
            return 0.0
        total = 0.0
        for (ha, sa), (hb, sb) in pairs:
            pair = (ha, hb)
            if pair not in memo:
                memo[pair] = resemblance(sa, sb)
            total += memo[pair]
        return total / len(pairs)


@dataclass(frozen=True)
class Furniture:
    """What pass two decided: furniture keys per source and corpus-wide, with reasons."""

    site: dict[int, dict[int, str]]
    corpus: dict[int, str]

    def reason(self, source: int, keys: tuple[int, ...]) -> str | None:
        mine = self.site.get(source, {})
        for key in keys:
            why = mine.get(key) or self.corpus.get(key)
            if why:
                return why
        return None


@register("boilerplate_templates")
@dataclass(frozen=True)
class BoilerplateTemplates(Stage):
    """Remove lines and sentences repeated across documents that share nothing else."""

    source_field: str = field(
        default="",
        metadata={
            "help": "field naming the source; '' tries source (directory), domain, site, host, url (host)"
        },
    )
    min_docs: int = field(
        default=3,
        metadata={
            "range": (2, None),
            "help": "a unit must appear in at least this many documents to be judged",
        },
    )
    min_share: float = field(
        default=0.3,
        metadata={
            "range": (0, 1),
            "help": "site furniture: in at least this share of its source's documents",
        },
    )
    min_sources: int = field(
        default=3,
        metadata={
            "range": (2, None),
            "help": "corpus furniture: in documents from at least this many sources",
        },
    )
    related: float = field(
        default=0.08,
        metadata={
            "range": (0, 1),
            "help": "documents holding a unit share other content when their word overlap "
            "exceeds the usual overlap by this much; the unit is then kept",
        },
    )
    mode: str = field(
        default="remove",
        metadata={"help": "'remove' cuts furniture; 'annotate' records spans, text untouched"},
    )
    spool_dir: str = field(
        default="", metadata={"help": "directory for the temporary spool; '' the system's"}
    )

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ConfigError(f"boilerplate_templates: mode must be one of {', '.join(MODES)}")
        if self.min_docs < 2:
            raise ConfigError("boilerplate_templates: min_docs must be at least 2")
        if not 0.0 < self.min_share <= 1.0:
            raise ConfigError("boilerplate_templates: min_share must be in (0, 1]")
        if self.min_sources < 2:
            raise ConfigError("boilerplate_templates: min_sources must be at least 2")
        if not 0.0 <= self.related <= 1.0:
            raise ConfigError("boilerplate_templates: related must be in [0, 1]")

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document | Drop]:
        """Every document in input order, its removals recorded under ``meta["textclean"]``."""
        for doc, changes in self.edits(docs):
            yield record_changes(doc, self.name, changes, "full")

    def edits(self, docs: Iterable[Document]) -> Iterator[tuple[Document, tuple[Change, ...]]]:
        """Every document in input order, with the `Change` records of its removals."""
        with Spool(self.spool_dir or None) as spool:
            counts = Counts()
            for doc in docs:
                source = source_of(doc, self.source_field)
                sid = _hash(source)
                counts.names.setdefault(sid, source)
                units = document_units(doc.text)
                keys = document_keys(units)
                counts.add(sid, keys)
                spool.write((doc, sid, keys, word_sketch([u[0] for u in units if u])))
            spool.finish()
            candidates = self.candidates(counts)
            furniture = self.judge(counts, candidates, spool) if candidates else None
            for doc, sid, _keys, _sketch in spool.read():
                yield self.apply(doc, sid, furniture)

    def candidates(self, counts: Counts) -> dict[tuple[int | None, int], Candidate]:
        """Keys repeated enough to be judged, by (source or None, key)."""
        out: dict[tuple[int | None, int], Candidate] = {}
        for key, n in counts.docs.items():
            if n < self.min_docs:
                continue
            per = counts.per_source(key)
            spread = len(per) if per is not None else TRACKED_SOURCES + 1
            if spread >= self.min_sources:
                out[(None, key)] = Candidate(key, None, n, spread)
            for source, m in (per or {}).items():
                if m >= max(self.min_docs, self.min_share * counts.sources[source]):
                    out[(source, key)] = Candidate(key, source, m, 1)
        return out

    def judge(
        self, counts: Counts, candidates: dict[tuple[int | None, int], Candidate], spool: Spool
    ) -> Furniture:
        """Pass two: sample the documents of each candidate, keep what they share."""
        samples = {slot: Sample(by_source=slot[0] is None) for slot in candidates}
        baselines: dict[int | None, Sample] = {None: Sample(True, BASELINE_SAMPLE)}
        for source, _key in candidates:
            if source is not None and source not in baselines:
                baselines[source] = Sample(False, BASELINE_SAMPLE)
        for doc, sid, keys, sketch in spool.read():
            doc_hash = _hash(f"{sid}\x00{doc.text}")
            baselines[None].offer(sid, doc_hash, sketch)
            if sid in baselines:
                baselines[sid].offer(sid, doc_hash, sketch)
            for key in keys:
                for slot in ((sid, key), (None, key)):
                    sample = samples.get(slot)
                    if sample is not None:
                        sample.offer(sid, doc_hash, sketch)
        memo: dict[tuple[int, int], float] = {}
        usual = {scope: s.overlap(memo) for scope, s in baselines.items()}
        site: dict[int, dict[int, str]] = {}
        corpus: dict[int, str] = {}
        for slot, cand in candidates.items():
            if samples[slot].overlap(memo) >= usual[cand.source] + self.related:
                continue  # its documents share other content: a quotation or wire copy
            if cand.source is None:
                corpus[cand.key] = f"{cand.docs} documents from {cand.sources} sources"
            else:
                name = counts.names.get(cand.source) or "(no source)"
                total = counts.sources[cand.source]
                site.setdefault(cand.source, {})[cand.key] = (
                    f"{cand.docs} of {total} documents of {name}"
                )
        return Furniture(site, corpus)

    def apply(
        self, doc: Document, source: int, furniture: Furniture | None
    ) -> tuple[Document, tuple[Change, ...]]:
        """The document without (or annotated with) its furniture, and the removals."""
        if furniture is None:
            return doc, ()
        bounds = line_bounds(doc.text)
        lines = [doc.text[a:b] for a, b, _ in bounds]
        verdicts = [_verdict(line, source, furniture) for line in lines]
        if all(not v.keep or not line.strip() for v, line in zip(verdicts, lines, strict=True)):
            return doc, ()  # every line repeats: a duplicate page, deduplication's business
        cuts = cuts_from_verdicts(bounds, lines, verdicts)
        if not cuts:
            return doc, ()
        if self.mode == "annotate":
            return doc.annotate(self.name, [span_record(doc.text, c) for c in cuts]), ()
        changes = cut_changes(doc.text, cuts)
        out = doc.with_text(text_without(doc.text, cuts))
        removed = sum(c.reason != "blank_line" for c in cuts)
        return out.annotate(f"{self.name}_removed", removed), changes


def _verdict(line: str, source: int, furniture: Furniture) -> Verdict:
    if not line.strip():
        return KEEP
    why = furniture.reason(source, unit_keys(line))
    if why:
        return Verdict(False, "template", f"repeated_line: {why}")
    sentences = split_sentences(line)
    if len(sentences) < 2:
        return KEEP
    hits: list[tuple[str, str] | None] = []
    for s in sentences:
        why = furniture.reason(source, unit_keys(s.text))
        hits.append(("template", f"repeated_sentence: {why}") if why else None)
    if all(hits):
        return Verdict(False, "template", hits[0][1])  # type: ignore[index]
    if not any(hits):
        return KEEP
    return Verdict(True, cuts=tuple(sentence_cuts(sentences, hits)))
