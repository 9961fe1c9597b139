"""Repeated passages in bounded memory: the corpus is read again instead of held.

`find_passages` holds every text and every shingle hash. `find_passages_twice`
gets the same clusters from a corpus it may read more than once (a list, a
file read again, a `textclean.dedup.replay.Replay` spool):

1. pass one (`textclean.passages.first_pass`) keeps compact per-sentence and
   per-window arrays; shingle hashes and band keys go to disk;
2. banding reads one band at a time; verification reads back the hashes of
   only the sentences in candidate windows;
3. a second read counts the words of each candidate run (the one thing the
   spans need from the texts).

Memory is about 32 bytes per sentence and 16 per window, plus what is
repeated (candidate pairs, hashes of candidate sentences, links); never the
texts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import overload

import numpy as np

from .first_pass import index_texts
from .match import sentence_links
from .span_arrays import clusters_from_link_array, link_array, runs_from_link_array
from .spans import Cluster, Occurrence
from .windows import word_count

__all__ = ["KeptTexts", "find_passages_twice", "keep_texts", "span_words"]


def find_passages_twice(
    texts: Iterable[str],
    again: Callable[[], Iterable[str]],
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
    dir: str | None = None,
) -> list[Cluster]:
    """`find_passages` of ``texts``, read once here and once more through ``again()``.

    ``dir`` holds the temporary hash and band-key files (default: the system's).

    >>> quote = "We hope this one-year moratorium might give Congress enough time to act."
    >>> texts = ["Intro line here. " + quote, "Other words first. " + quote + " Then more."]
    >>> [(o.doc, o.start) for o in find_passages_twice(iter(texts), lambda: iter(texts))[0].occurrences]
    [(0, 17), (1, 19)]
    """
    with index_texts(
        texts,
        min_words=min_words,
        max_sentences=max_sentences,
        ngram=ngram,
        unit=unit,
        num_perm=num_perm,
        bands=bands,
        seed=seed,
        workers=workers,
        dir=dir,
    ) as index:
        pairs = index.candidate_pairs()
        corpus = index.sentences_of(pairs)
    links = link_array(sentence_links(corpus, pairs, threshold=threshold, coverage=coverage))
    del pairs
    runs = runs_from_link_array(corpus.doc, links)
    docs = corpus.doc[runs[:, 0]]
    words = span_words(again(), docs, corpus.start[runs[:, 0]], corpus.end[runs[:, 1] - 1])
    return clusters_from_link_array(corpus, links, runs, words, min_words=min_words)


def span_words(
    texts: Iterable[str], docs: np.ndarray, starts: np.ndarray, ends: np.ndarray
) -> np.ndarray:
    """`word_count` of ``text[starts[k]:ends[k]]`` of document ``docs[k]`` (``docs`` sorted),
    reading ``texts`` up to the last document needed.

    >>> span_words(iter(["a b c", "d e"]), np.array([0, 1]), np.array([2, 0]), np.array([5, 3])).tolist()
    [2, 2]
    """
    words = np.zeros(len(docs), dtype=np.int64)
    if len(docs) == 0:
        return words
    last = int(docs[-1])
    bounds = np.searchsorted(docs, np.arange(last + 2))
    for doc, text in enumerate(texts):
        for k in range(bounds[doc], bounds[doc + 1]):
            words[k] = word_count(text[starts[k] : ends[k]])
        if doc == last:
            break
    return words


class KeptTexts(Sequence[str]):
    """The texts a report shows, out of a corpus of ``len()`` documents.

    Whole texts are kept for the documents in ``whole`` and the passages'
    own text for every occurrence (`passage`); asking for any other
    document's text raises a `KeyError` that says so.
    """

    def __init__(self, size: int, whole: dict[int, str], passages: dict[tuple[int, int, int], str]):
        self._size, self._whole, self._passages = size, whole, passages

    def __len__(self) -> int:
        return self._size

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._size))]
        if index in self._whole:
            return self._whole[index]
        if not -self._size <= index < self._size:
            raise IndexError(f"document {index} of {self._size}")
        raise KeyError(f"the text of document {index} was not kept: it shows in no report")

    def passage(self, occurrence: Occurrence) -> str:
        """``text[start:end]`` of an occurrence's document."""
        return self._passages[(occurrence.doc, occurrence.start, occurrence.end)]


def keep_texts(
    texts: Iterable[str], clusters: Sequence[Cluster], whole: Iterable[int] = ()
) -> KeptTexts:
    """Read ``texts`` once, keeping every occurrence's passage, the whole text of
    each cluster's first document (the reference) and of the documents ``whole``.

    >>> c = Cluster(0, (Occurrence(0, 0, 2, 0, 1), Occurrence(1, 3, 5, 1, 2)))
    >>> kept = keep_texts(iter(["Hi there", "Oh Hi", "x"]), [c])
    >>> len(kept), kept[0], kept.passage(c.occurrences[1])
    (3, 'Hi there', 'Hi')
    """
    spans: dict[int, list[tuple[int, int]]] = {}
    for cluster in clusters:
        for o in cluster.occurrences:
            spans.setdefault(o.doc, []).append((o.start, o.end))
    keep_whole = {c.occurrences[0].doc for c in clusters} | set(whole)
    kept: dict[int, str] = {}
    passages: dict[tuple[int, int, int], str] = {}
    size = 0
    for doc, text in enumerate(texts):
        size += 1
        if doc in keep_whole:
            kept[doc] = text
        for start, end in spans.get(doc, ()):
            passages[(doc, start, end)] = text[start:end]
    return KeptTexts(size, kept, passages)
