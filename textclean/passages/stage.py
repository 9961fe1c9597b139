"""Repeated passages: the same stretch of text across (and within) documents.

News pages quote the same statements, sites repeat the same furniture,
aggregators paste the same snippets. `find_passages` segments every document
into sentences, groups them into overlapping windows
(`textclean.passages.windows`), proposes candidate pairs with MinHash
LSH on word 3-gram shingles, verifies each pair on the exact shingle sets
(`textclean.passages.match`) and merges the matches into sentence-aligned
spans and clusters (`textclean.passages.spans`).

Word 3-grams are small on purpose: a re-spelled word ("organisations",
"Centre") changes only the three shingles that contain it, so a British copy
of an American quote stays well above the threshold, while 3 words are
already specific enough that unrelated sentences rarely share many.

`find_passages` holds the corpus; the stage reads its input twice instead
(`textclean.passages.two_pass`), with the same clusters.

The `passages` stage applies a policy per run: ``annotate`` (spans in
``meta["textclean"]["passages"]``, text untouched), ``remove_repeats``
(cut every occurrence after the first in corpus order) or ``remove_common``
(cut passages found in at least ``min_docs`` documents: templates, furniture).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..changes import Change
from ..dedup.replay import Replay
from ..document import Document, Drop
from ..errors import ConfigError
from ..registry import register
from ..steps import Stage
from .match import candidate_pairs, sentence_links
from .removal import remove_spans
from .settings import PassageSettings
from .spans import Cluster, Occurrence, build_clusters
from .two_pass import find_passages_twice
from .windows import corpus_sentences

__all__ = [
    "POLICIES",
    "Cluster",
    "Occurrence",
    "RepeatedPassages",
    "cluster_records",
    "find_passages",
    "passage_records",
]

POLICIES = ("annotate", "remove_repeats", "remove_common")


def find_passages(
    texts: Sequence[str],
    *,
    min_words: int = 10,
    max_sentences: int = 4,
    ngram: int = 3,
    unit: str = "word",
    threshold: float = 0.5,
    coverage: float = 0.5,
    num_perm: int = 128,
    bands: int = 32,
    seed: int = 1,
    workers: int = 1,
) -> list[Cluster]:
    """Clusters of passages repeated in ``texts`` (document indexes and character offsets).

    ``workers`` processes segment and hash the documents; the clusters are the
    same for any number.

    >>> quote = "We hope this one-year moratorium might give Congress enough time to act."
    >>> texts = ["Intro line here. " + quote, "Other words first. " + quote + " Then more."]
    >>> [(o.doc, texts[o.doc][o.start : o.end] == quote) for o in find_passages(texts)[0].occurrences]
    [(0, True), (1, True)]
    """
    if isinstance(texts, str):
        raise TypeError("find_passages takes a list of texts, not one str")
    texts = texts if isinstance(texts, Sequence) else list(texts)  # read an iterator once
    corpus = corpus_sentences(
        texts,
        min_words=min_words,
        max_sentences=max_sentences,
        ngram=ngram,
        unit=unit,
        workers=workers,
    )
    pairs = candidate_pairs(corpus, num_perm=num_perm, bands=bands, seed=seed)
    links = sentence_links(corpus, pairs, threshold=threshold, coverage=coverage)
    return build_clusters(corpus, list(texts), links, min_words=min_words)


def cluster_records(
    clusters: Iterable[Cluster], ids: Sequence[str], texts: Sequence[str]
) -> Iterator[dict[str, Any]]:
    """One ``clusters.jsonl`` record per cluster; ``text == document[start:end]``.

    >>> c = Cluster(0, (Occurrence(0, 0, 2, 0, 1), Occurrence(1, 3, 5, 1, 2, 0.5)))
    >>> next(cluster_records([c], ["a", "b"], ["Hi there", "Oh Hi"]))["occurrences"][1]
    {'doc': 'b', 'start': 3, 'end': 5, 'text': 'Hi', 'similarity': 0.5}
    """
    yield from passage_records(clusters, ids, lambda o: texts[o.doc][o.start : o.end])


def passage_records(
    clusters: Iterable[Cluster], ids: Sequence[str], passage: Callable[[Occurrence], str]
) -> Iterator[dict[str, Any]]:
    """`cluster_records` with each occurrence's text from ``passage(occurrence)``."""
    for cluster in clusters:
        yield {
            "cluster": cluster.id,
            "occurrences": [
                {
                    "doc": ids[o.doc],
                    "start": o.start,
                    "end": o.end,
                    "text": passage(o),
                    "similarity": o.similarity,
                }
                for o in cluster.occurrences
            ],
        }


@register("passages")
@dataclass(frozen=True)
class RepeatedPassages(PassageSettings, Stage):
    """Find passages repeated across and within documents; annotate or remove them."""

    policy: str = field(
        default="annotate",
        metadata={
            "help": "annotate (spans in metadata), remove_repeats (keep the first in corpus order) or remove_common (cut passages in >= min_docs documents)"
        },
    )
    min_docs: int = field(
        default=3,
        metadata={
            "range": (1, None),
            "help": "remove_common: cut passages found in at least this many documents",
        },
    )
    workers: int = field(
        default=1,
        metadata={
            "range": (1, None),
            "help": "processes segmenting and hashing; clusters are the same for any number",
        },
    )

    def __post_init__(self) -> None:
        if self.policy not in POLICIES:
            raise ConfigError(
                f"passages: policy must be one of {', '.join(POLICIES)}, got {self.policy!r}"
            )
        super().__post_init__()
        if self.min_docs < 1:
            raise ConfigError("passages: min_docs, min_words and max_sentences must be at least 1")

    def find(self, texts: Sequence[str]) -> list[Cluster]:
        """`find_passages` with this stage's options."""
        return find_passages(texts, **self.find_options(), workers=self.workers)

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document | Drop]:
        """Read ``docs`` to find the passages, then again to annotate or cut them
        (a list is read twice; any other iterable is spooled, compressed, on disk)."""
        for item, _changes in self.edits(docs):
            yield item

    def edits(
        self, docs: Iterable[Document]
    ) -> Iterator[tuple[Document | Drop, tuple[Change, ...]]]:
        """`pipe`'s outputs, each with the `Change` records of the passages cut from it
        (a pipeline records them as a step's, per its ``record`` mode)."""
        with Replay(docs) as source:
            clusters = find_passages_twice(
                (d.text for d in source.first()),
                lambda: (d.text for d in source.again()),
                **self.find_options(),
                workers=self.workers,
            )
            found = self.annotations(clusters)
            del clusters
            for index, doc in enumerate(source.again()):
                yield self._apply(doc, found.pop(index, []))

    def annotations(self, clusters: Iterable[Cluster]) -> dict[int, list[dict[str, Any]]]:
        """Per document index, its passages as ``meta["textclean"]["passages"]`` lists them."""
        found: dict[int, list[dict[str, Any]]] = {}
        for cluster in clusters:
            n_docs = len(cluster.documents)
            for k, o in enumerate(cluster.occurrences):
                found.setdefault(o.doc, []).append(
                    {
                        "cluster": cluster.id,
                        "start": o.start,
                        "end": o.end,
                        "similarity": o.similarity,
                        "occurrence": k,
                        "documents": n_docs,
                        "removed": self._removes(k, n_docs),
                    }
                )
        for passages in found.values():
            passages.sort(key=lambda p: (p["start"], p["cluster"]))
        return found

    def _removes(self, occurrence: int, n_docs: int) -> bool:
        if self.policy == "remove_repeats":
            return occurrence > 0
        if self.policy == "remove_common":
            return n_docs >= self.min_docs
        return False

    def _apply(
        self, doc: Document, passages: list[dict[str, Any]]
    ) -> tuple[Document | Drop, tuple[Change, ...]]:
        if not passages:
            return doc, ()
        cut = [(p["start"], p["end"]) for p in passages if p["removed"]]
        annotated = doc.annotate("passages", passages)
        if not cut:
            return annotated, ()
        text, changes = remove_spans(doc.text, cut, reason=f"repeated passage ({self.policy})")
        result = annotated.with_text(text).annotate(
            "passages_removed_chars", len(doc.text) - len(text)
        )
        if not any(c.isalnum() for c in text):
            drop = Drop(
                "repeated_passages",
                f"{len(cut)} repeated passage(s) were the whole text",
                self.name,
                result,
            )
            return drop, ()
        return result, tuple(changes)
