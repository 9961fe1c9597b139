"""From linked sentences to passages: spans per document, clusters across documents.

A passage is a maximal run of consecutive linked sentences of one document
that are all shared with the *same set of documents* and that continue each
other somewhere else too (the sentence after a copy of ``s`` is a copy of
``s + 1``). Overlapping windows of one
repeated stretch therefore merge into one span, while two different passages
that happen to sit side by side stay apart: a quote that travels widely next
to one that two pages share (their sets differ), or two fragments glued
together by a scraper that each repeat something different (they continue
nothing). Passages linked to each other form a cluster (connected components).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from .match import jaccard_sets
from .windows import CorpusSentences, word_count

__all__ = [
    "Cluster",
    "Occurrence",
    "build_clusters",
    "clusters_from_runs",
    "linked_runs",
    "run_spans",
    "sentence_runs",
]


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One passage in one document: ``text[start:end]``, sentences ``first..stop-1``."""

    doc: int
    start: int
    end: int
    first: int
    stop: int
    similarity: float = 1.0


@dataclass(frozen=True, slots=True)
class Cluster:
    """Occurrences of one repeated passage, in corpus order; the first is the reference."""

    id: int
    occurrences: tuple[Occurrence, ...]

    @property
    def documents(self) -> list[int]:
        """Distinct document indexes, in corpus order."""
        return sorted({o.doc for o in self.occurrences})


def _components(linked: dict[int, set[int]]) -> dict[int, int]:
    """Connected component (smallest member) of every linked sentence."""
    parent = {s: s for s in linked}

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for s in sorted(linked):
        for t in linked[s]:
            a, b = root(s), root(t)
            if a != b:
                parent[max(a, b)] = min(a, b)
    return {s: root(s) for s in linked}


def sentence_runs(doc: list[int], linked: dict[int, set[int]]) -> list[tuple[int, int]]:
    """``(first, stop)`` runs of consecutive linked sentences that form one passage.

    ``linked[s]`` holds the sentences that sentence ``s`` was matched with.
    Sentences linked directly or through others form a group; neighbours
    ``s``, ``s + 1`` join one run when their groups span the same documents
    and the next sentence after a partner of ``s`` is in the group of
    ``s + 1`` (the pair is repeated together somewhere else).
    Here sentences 10-11 and 20-21 repeat 2-3; 4 repeats 30 and 5 repeats 40:

    >>> links = {2: {10, 20}, 3: {11, 21}, 4: {30}, 5: {40}}
    >>> links.update({10: {2}, 11: {3}, 20: {2}, 21: {3}, 30: {4}, 40: {5}})
    >>> doc = [0] * 10 + [1] * 10 + [2] * 10 + [3] * 20
    >>> sentence_runs(doc, links)
    [(2, 4), (4, 5), (5, 6), (10, 12), (20, 22), (30, 31), (40, 41)]
    """
    group = _components(linked)
    members: dict[int, set[int]] = {}
    for s, g in group.items():
        members.setdefault(g, set()).add(doc[s])
    docs = {g: frozenset(d) for g, d in members.items()}

    def continues(s: int) -> bool:
        prev, g = s - 1, group[s]
        if doc[s] != doc[prev] or docs[group[prev]] != docs[g] or s in linked[prev]:
            return False
        if group[prev] == g:
            return True
        return any(
            group.get(t + 1) == g and doc[t + 1] == doc[t] for t in linked[prev] if t + 1 < len(doc)
        )

    runs: list[tuple[int, int]] = []
    for s in sorted(linked):
        if runs and runs[-1][1] == s and continues(s):
            runs[-1] = (runs[-1][0], s + 1)
        else:
            runs.append((s, s + 1))
    return runs


class _Column:
    """A NumPy column read as Python ints one item at a time: no list the size of the corpus."""

    def __init__(self, values: np.ndarray):
        self.values = values

    def __getitem__(self, index: int) -> int:
        return int(self.values[index])

    def __len__(self) -> int:
        return len(self.values)


def linked_runs(corpus: CorpusSentences, links: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`sentence_runs` of the corpus's linked sentences, before the length check."""
    linked: dict[int, set[int]] = {}
    for s, t in links:
        linked.setdefault(s, set()).add(t)
        linked.setdefault(t, set()).add(s)
    return sentence_runs(_Column(corpus.doc), linked)  # type: ignore[arg-type]


def run_spans(corpus: CorpusSentences, runs: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """``(doc, start, end)`` character span of each run of sentences."""
    return [
        (int(corpus.doc[first]), int(corpus.start[first]), int(corpus.end[stop - 1]))
        for first, stop in runs
    ]


def build_clusters(
    corpus: CorpusSentences,
    texts: Sequence[str],
    links: Iterable[tuple[int, int]],
    *,
    min_words: int = 10,
) -> list[Cluster]:
    """Clusters of passages from sentence links, numbered by first occurrence."""
    link_list = list(links)
    runs = linked_runs(corpus, link_list)
    words = [word_count(texts[d][a:b]) for d, a, b in run_spans(corpus, runs)]
    return clusters_from_runs(corpus, link_list, runs, words, min_words=min_words)


def clusters_from_runs(
    corpus: CorpusSentences,
    links: list[tuple[int, int]],
    candidates: list[tuple[int, int]],
    words: list[int],
    *,
    min_words: int = 10,
) -> list[Cluster]:
    """Clusters of the runs (`linked_runs`) holding at least ``min_words`` words (``words``)."""
    doc, starts, ends = _Column(corpus.doc), _Column(corpus.start), _Column(corpus.end)
    runs = []
    run_of: dict[int, int] = {}
    for (first, stop), n_words in zip(candidates, words, strict=True):
        if n_words < min_words:
            continue
        for s in range(first, stop):
            run_of[s] = len(runs)
        runs.append((first, stop))

    parent = list(range(len(runs)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for s, t in links:
        if s in run_of and t in run_of:
            a, b = root(run_of[s]), root(run_of[t])
            if a != b:
                parent[max(a, b)] = min(a, b)

    groups: dict[int, list[int]] = {}
    for r in range(len(runs)):
        groups.setdefault(root(r), []).append(r)

    sets: dict[int, frozenset[int]] = {}

    def run_set(r: int) -> frozenset[int]:
        if r not in sets:
            first, stop = runs[r]
            sets[r] = frozenset().union(*(corpus.sentence_set(s) for s in range(first, stop)))
        return sets[r]

    clusters = []
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda r: (doc[runs[r][0]], runs[r][0]))
        reference = run_set(members[0])
        occurrences = tuple(
            Occurrence(
                doc=doc[runs[r][0]],
                start=starts[runs[r][0]],
                end=ends[runs[r][1] - 1],
                first=runs[r][0],
                stop=runs[r][1],
                similarity=round(jaccard_sets(run_set(r), reference), 4),
            )
            for r in members
        )
        clusters.append(occurrences)
    clusters.sort(key=lambda occ: (occ[0].doc, occ[0].start))
    return [Cluster(i, occ) for i, occ in enumerate(clusters)]
