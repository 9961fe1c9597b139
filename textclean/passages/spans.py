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

from collections.abc import Iterable
from dataclasses import dataclass

from .match import jaccard_sets
from .windows import CorpusSentences, word_count

__all__ = ["Cluster", "Occurrence", "build_clusters", "sentence_runs"]


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


def build_clusters(
    corpus: CorpusSentences,
    texts: list[str],
    links: Iterable[tuple[int, int]],
    *,
    min_words: int = 10,
) -> list[Cluster]:
    """Clusters of passages from sentence links, numbered by first occurrence."""
    doc = corpus.doc.tolist()
    link_list = list(links)
    linked: dict[int, set[int]] = {}
    for s, t in link_list:
        linked.setdefault(s, set()).add(t)
        linked.setdefault(t, set()).add(s)
    starts, ends = corpus.start.tolist(), corpus.end.tolist()

    runs = []
    run_of: dict[int, int] = {}
    for first, stop in sentence_runs(doc, linked):
        text = texts[doc[first]][starts[first] : ends[stop - 1]]
        if word_count(text) < min_words:
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

    for s, t in link_list:
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
