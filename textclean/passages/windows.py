"""Passage windows: sentences grouped until they are long enough to compare.

A repeated passage is found by comparing *windows*: runs of consecutive
sentences. Every sentence starts one window, which takes the following
sentences until it holds ``min_words`` words (or ``max_sentences``
sentences), and ends another, grown backwards the same way. So a long sentence is a window by itself, while short lines such
as a share bar ("Share on facebook", "Share on twitter", ...) are compared as
one stretch, and a quote split into several sentences is still found when
another page keeps only one of them. Windows overlap; matches of overlapping
windows are merged back into one span later.

A window's shingles are the union of its sentences' shingles (no shingle
crosses a sentence boundary), so a sentence can later be checked on its own
against the window it matched.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..dedup.polyhash import text_shingle_hashes
from ..segment import Sentence, split_sentences

__all__ = ["CorpusSentences", "corpus_sentences", "sentence_windows", "word_count"]

#: Documents segmented and hashed together: their Python lists exist only per batch.
DOC_BATCH = 1024


def word_count(text: str) -> int:
    """Whitespace-separated tokens: the length measure windows are built from.

    >>> word_count("We hope this one-year moratorium helps.")
    6
    """
    return len(text.split())


def sentence_windows(
    words: Sequence[int], min_words: int, max_sentences: int
) -> list[tuple[int, int]]:
    """``(first, stop)`` sentence ranges holding at least ``min_words`` words.

    Every sentence starts a window that grows forward and ends one that grows
    backward, so a short sentence at either end of a passage ("Otherwise.")
    is in some window made only of the passage.

    >>> sentence_windows([20, 3, 3, 3, 15], min_words=8, max_sentences=4)
    [(0, 1), (0, 2), (0, 3), (1, 4), (2, 5), (3, 5), (4, 5)]
    >>> sentence_windows([2, 2], min_words=8, max_sentences=4)
    []
    """
    n = len(words)
    found = set()
    for i in range(n):
        total, stop = 0, i
        while stop < n and stop - i < max_sentences and total < min_words:
            total += words[stop]
            stop += 1
        if total >= min_words:
            found.add((i, stop))
        total, first = 0, i + 1
        while first > 0 and i + 1 - first < max_sentences and total < min_words:
            first -= 1
            total += words[first]
        if total >= min_words:
            found.add((first, i + 1))
    return sorted(found)


@dataclass
class CorpusSentences:
    """Every sentence of a corpus, flat, with its shingle hashes and windows.

    Sentence ``i`` belongs to document ``doc[i]`` and spans
    ``text[start[i]:end[i]]``; its 64-bit shingle hashes are
    ``hashes[offset[i]:offset[i] + count[i]]``. Window ``w`` covers sentences
    ``win_first[w]`` up to (not including) ``win_stop[w]``.
    """

    doc: np.ndarray
    start: np.ndarray
    end: np.ndarray
    hashes: np.ndarray
    offset: np.ndarray
    count: np.ndarray
    win_first: np.ndarray
    win_stop: np.ndarray

    def __len__(self) -> int:
        return len(self.doc)

    def sentence_set(self, i: int) -> frozenset[int]:
        """The shingle hashes of sentence ``i`` as a set."""
        lo = int(self.offset[i])
        return frozenset(self.hashes[lo : lo + int(self.count[i])].tolist())

    def window_hashes(self) -> tuple[np.ndarray, np.ndarray]:
        """Flat shingle hashes of every window (sentence sets concatenated) and counts."""
        lo = self.offset[self.win_first]
        hi = self.offset[self.win_stop - 1] + self.count[self.win_stop - 1]
        counts = hi - lo
        if len(counts) == 0:
            return self.hashes[:0], counts
        # index of every hash of every window, without a Python loop
        starts = np.repeat(lo - (np.cumsum(counts) - counts), counts)
        index = starts + np.arange(int(counts.sum()))
        return self.hashes[index], counts


def corpus_sentences(
    texts: Sequence[str],
    *,
    min_words: int = 10,
    max_sentences: int = 4,
    ngram: int = 3,
    unit: str = "word",
    workers: int = 1,
) -> CorpusSentences:
    """Segment, shingle and window a whole corpus at once.

    With ``workers > 1`` batches of documents go to that many processes; the
    arrays are the same for any number of workers.

    >>> c = corpus_sentences(["Short one. " + "A sentence of eleven words that is long enough to count."])
    >>> len(c), c.win_first.tolist(), c.win_stop.tolist()
    (2, [0, 1], [2, 2])
    """
    spans = [(lo, min(lo + DOC_BATCH, len(texts))) for lo in range(0, len(texts), DOC_BATCH)]
    if workers > 1 and len(spans) > 1:
        from ..workers import map_ordered

        job = _BatchJob(min_words, max_sentences, ngram, unit)
        chunks = ([(lo, list(texts[lo:hi]))] for lo, hi in spans)
        parts = list(map_ordered(job, chunks, workers))
    else:
        parts = [_batch(texts, lo, hi, min_words, max_sentences, ngram, unit) for lo, hi in spans]
    if not parts:
        parts = [_batch(texts, 0, 0, min_words, max_sentences, ngram, unit)]
    # Sentence and window indexes of a batch continue those of the batches before it.
    base = np.cumsum([0] + [len(part.doc) for part in parts[:-1]])
    counts = np.concatenate([part.count for part in parts])
    return CorpusSentences(
        doc=np.concatenate([part.doc for part in parts]),
        start=np.concatenate([part.start for part in parts]),
        end=np.concatenate([part.end for part in parts]),
        hashes=np.concatenate([part.hashes for part in parts]),
        offset=np.cumsum(counts) - counts,
        count=counts,
        win_first=np.concatenate([part.win_first + b for part, b in zip(parts, base, strict=True)]),
        win_stop=np.concatenate([part.win_stop + b for part, b in zip(parts, base, strict=True)]),
    )


class _Shifted:
    """Texts ``lo`` onwards of a corpus, indexed as in the whole corpus."""

    def __init__(self, texts: list[str], lo: int):
        self.texts, self.lo = texts, lo

    def __getitem__(self, index: int) -> str:
        return self.texts[index - self.lo]


@dataclass(frozen=True)
class _BatchJob:
    """`_batch` as a picklable job for worker processes: one (lo, texts) batch."""

    min_words: int
    max_sentences: int
    ngram: int
    unit: str

    def __call__(self, chunk: list[tuple[int, list[str]]]) -> CorpusSentences:
        ((lo, texts),) = chunk
        return _batch(
            _Shifted(texts, lo),  # type: ignore[arg-type]
            lo,
            lo + len(texts),
            self.min_words,
            self.max_sentences,
            self.ngram,
            self.unit,
        )


def _batch(
    texts: Sequence[str],
    lo: int,
    hi: int,
    min_words: int,
    max_sentences: int,
    ngram: int,
    unit: str,
) -> CorpusSentences:
    """Documents ``lo`` to ``hi`` segmented, windowed and hashed, as compact arrays
    (Python lists live for one batch only); sentence indexes start at 0."""
    doc_ids: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    sentence_texts: list[str] = []
    win_first: list[int] = []
    win_stop: list[int] = []
    for d in range(lo, hi):
        sentences: list[Sentence] = split_sentences(texts[d])
        base = len(starts)
        for first, stop in sentence_windows(
            [word_count(s.text) for s in sentences], min_words, max_sentences
        ):
            win_first.append(base + first)
            win_stop.append(base + stop)
        doc_ids.extend([d] * len(sentences))
        starts.extend(s.start for s in sentences)
        ends.extend(s.end for s in sentences)
        sentence_texts.extend(s.text for s in sentences)
    hashes, counts = _hashes(sentence_texts, ngram, unit)
    return CorpusSentences(
        doc=np.asarray(doc_ids, dtype=np.int64),
        start=np.asarray(starts, dtype=np.int64),
        end=np.asarray(ends, dtype=np.int64),
        hashes=hashes,
        offset=np.cumsum(counts) - counts,
        count=counts,
        win_first=np.asarray(win_first, dtype=np.int64),
        win_stop=np.asarray(win_stop, dtype=np.int64),
    )


def _hashes(
    texts: list[str], ngram: int, unit: str, batch: int = 4096
) -> tuple[np.ndarray, np.ndarray]:
    """64-bit shingle hashes per sentence, in batches to bound temporary arrays."""
    flat: list[np.ndarray] = []
    counts: list[np.ndarray] = []
    for lo in range(0, len(texts), batch):
        h, c = text_shingle_hashes(texts[lo : lo + batch], ngram, unit, bits=64)
        flat.append(h)
        counts.append(c)
    if not flat:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
    return np.concatenate(flat), np.concatenate(counts).astype(np.int64)
