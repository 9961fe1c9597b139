"""Repeated passages on Dask: the clusters of `find_passages`, computed from blocks on workers.

What decomposes per document runs on the workers, one input block per task:
reading, sentence segmentation, shingle hashes, windows and their LSH band
keys (`corpus_sentences`, `window_band_keys`; a window never crosses a
document, so a block's arrays are a slice of the corpus's). The client then
holds compact arrays for the corpus, never its texts:

1. **Band keys.** Each block returns sentence offsets, windows and band keys
   (8 bytes per band per window); the client pairs them with the local
   `pairs_from_keys`, which also drops pairs of overlapping windows of one document.
2. **Shingles of candidates.** Each block with a candidate window is
   segmented again on a worker and returns the shingle hashes of only those
   windows' sentences; the client verifies the pairs (`sentence_links`).
3. **Texts of passages.** Each block holding a linked sentence is read again
   and returns the texts of only those documents, for `build_clusters` and
   the records' ``text``.

Documents are numbered in input order across blocks, so the clusters, and
the ``clusters.jsonl`` bytes, equal a local run with any block size.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..document import Document, Drop
from ..io import ReadOptions
from ..passages.match import pairs_from_keys, sentence_links, window_band_keys
from ..passages.settings import PassageSettings
from ..passages.spans import Cluster, build_clusters
from ..passages.stage import cluster_records
from ..passages.windows import CorpusSentences, corpus_sentences
from .blocks import Block, plan_blocks, read_block
from .cluster import DEFAULT_BLOCKSIZE, _dask

__all__ = ["PassageRun", "find_passages_dask", "passages_dask"]


@dataclass
class PassageRun:
    """Clusters with what records and reports read: every id, texts of clustered documents only
    (others are ``""``), and the unreadable records in input order."""

    clusters: list[Cluster]
    ids: list[str]
    texts: list[str]
    drops: list[Drop]

    def records(self) -> list[dict[str, Any]]:
        """The ``clusters.jsonl`` records, as `cluster_records` makes them locally."""
        return list(cluster_records(self.clusters, self.ids, self.texts))


@dataclass(frozen=True)
class BlockWindows:
    """A block's documents as the client needs them first: no texts, no shingle hashes."""

    ids: list[str]
    drops: list[Drop]
    doc: np.ndarray
    start: np.ndarray
    end: np.ndarray
    win_first: np.ndarray
    win_stop: np.ndarray
    keys: np.ndarray


def _block_corpus(block: Block, opts: ReadOptions, find: dict[str, Any]) -> tuple[list[Any], Any]:
    items = list(read_block(block, opts))
    docs = [d for d in items if isinstance(d, Document)]
    corpus = corpus_sentences(
        [d.text for d in docs],
        min_words=find["min_words"],
        max_sentences=find["max_sentences"],
        ngram=find["ngram"],
        unit=find["unit"],
    )
    return items, corpus


def block_windows(block: Block, opts: ReadOptions, find: dict[str, Any]) -> BlockWindows:
    """Stage 1 on a worker: a block's sentences, windows and window band keys."""
    items, corpus = _block_corpus(block, opts, find)
    keys = window_band_keys(corpus, find["num_perm"], find["bands"], find["seed"])
    return BlockWindows(
        ids=[d.id for d in items if isinstance(d, Document)],
        drops=[d for d in items if isinstance(d, Drop)],
        doc=corpus.doc,
        start=corpus.start,
        end=corpus.end,
        win_first=corpus.win_first,
        win_stop=corpus.win_stop,
        keys=keys,
    )


def block_hashes(
    block: Block, opts: ReadOptions, find: dict[str, Any], sentences: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Stage 2 on a worker: shingle counts and flat hashes of the block's ``sentences``."""
    _, corpus = _block_corpus(block, opts, find)
    lo = corpus.offset[sentences]
    counts = corpus.count[sentences]
    # sentences ascend, so their hash ranges are disjoint and in order
    return counts, corpus.hashes[spans_of(lo, lo + counts)]


def block_texts(block: Block, opts: ReadOptions, positions: Sequence[int]) -> list[str]:
    """Stage 3 on a worker: texts of the block's documents at ``positions`` (ascending)."""
    docs = [d for d in read_block(block, opts) if isinstance(d, Document)]
    return [docs[p].text for p in positions]


def spans_of(first: np.ndarray, stop: np.ndarray) -> np.ndarray:
    """Every index in the ranges ``first[i]:stop[i]``, sorted and unique.

    >>> spans_of(np.array([0, 2, 5]), np.array([3, 4, 6])).tolist()
    [0, 1, 2, 3, 5]
    """
    sizes = stop - first
    if not len(sizes):
        return np.zeros(0, dtype=np.int64)
    starts = np.repeat(first - (np.cumsum(sizes) - sizes), sizes)
    return np.unique(starts + np.arange(int(sizes.sum())))


def _by_block(indexes: np.ndarray, bases: np.ndarray) -> dict[int, np.ndarray]:
    """Global indexes grouped by the block they fall in, as block-local indexes."""
    owner = np.searchsorted(bases, indexes, side="right") - 1
    return {int(b): indexes[owner == b] - bases[b] for b in np.unique(owner)}


def _gather(client: Any, dask: Any, tasks: list[Any]) -> list[Any]:
    return list(client.gather(client.compute(tasks)))


def find_passages_dask(
    inputs: Iterable[str],
    *,
    client: Any,
    options: ReadOptions | None = None,
    blocksize: int | None = DEFAULT_BLOCKSIZE,
    **settings: Any,
) -> PassageRun:
    """`find_passages` over the records of ``inputs``, segmented and banded on Dask workers.

    ``settings`` are `PassageSettings` fields (min_words, max_sentences,
    ngram, unit, threshold, coverage, num_perm, bands, seed).
    """
    dask = _dask()
    find = PassageSettings(**settings).find_options()
    opts = options or ReadOptions()
    blocks = plan_blocks(list(inputs), opts, blocksize)
    delayed = dask.delayed
    parts: list[BlockWindows] = _gather(
        client, dask, [delayed(block_windows)(b, opts, find) for b in blocks]
    )
    doc_base = np.cumsum([0] + [len(p.ids) for p in parts])
    sent_base = np.cumsum([0] + [len(p.doc) for p in parts])
    ids = [i for p in parts for i in p.ids]
    drops = [d for p in parts for d in p.drops]

    def joined(name: str, bases: np.ndarray) -> np.ndarray:
        arrays = [getattr(p, name) + b for p, b in zip(parts, bases[:-1], strict=True)]
        return np.concatenate(arrays) if arrays else np.zeros(0, dtype=np.int64)

    doc = joined("doc", doc_base)
    win_first, win_stop = joined("win_first", sent_base), joined("win_stop", sent_base)
    pairs = _candidate_pairs(parts, doc, win_first, win_stop, find["bands"])

    # Stage 2: hashes of the sentences of candidate windows only.
    windows = np.unique(pairs.reshape(-1))
    wanted = spans_of(win_first[windows], win_stop[windows])
    count = np.zeros(len(doc), dtype=np.int64)
    hashes = np.zeros(0, dtype=np.uint64)
    if len(wanted):
        by_block = _by_block(wanted, sent_base)
        got = _gather(
            client,
            dask,
            [delayed(block_hashes)(blocks[b], opts, find, s) for b, s in by_block.items()],
        )
        count[wanted] = np.concatenate([c for c, _ in got])
        hashes = np.concatenate([h for _, h in got])
    corpus = CorpusSentences(
        doc=doc,
        start=joined("start", np.zeros(len(parts) + 1, dtype=np.int64)),
        end=joined("end", np.zeros(len(parts) + 1, dtype=np.int64)),
        hashes=hashes,
        offset=np.cumsum(count) - count,
        count=count,
        win_first=win_first,
        win_stop=win_stop,
    )
    links = list(
        sentence_links(corpus, pairs, threshold=find["threshold"], coverage=find["coverage"])
    )

    # Stage 3: texts of documents holding a linked sentence.
    texts = [""] * len(ids)
    linked_docs = np.unique(doc[np.asarray(links, dtype=np.int64).reshape(-1)])
    if len(linked_docs):
        by_block = _by_block(linked_docs, doc_base)
        got = _gather(
            client,
            dask,
            [delayed(block_texts)(blocks[b], opts, p.tolist()) for b, p in by_block.items()],
        )
        for (b, positions), found in zip(by_block.items(), got, strict=True):
            for p, text in zip(positions.tolist(), found, strict=True):
                texts[int(doc_base[b]) + p] = text
    clusters = build_clusters(corpus, texts, links, min_words=find["min_words"])
    return PassageRun(clusters, ids, texts, drops)


def _candidate_pairs(
    parts: list[BlockWindows],
    doc: np.ndarray,
    win_first: np.ndarray,
    win_stop: np.ndarray,
    bands: int,
) -> np.ndarray:
    """`passages.match.candidate_pairs` from band keys made on the workers."""
    if len(win_first) < 2:
        return np.zeros((0, 2), dtype=np.int64)
    keys = np.concatenate([p.keys.reshape(-1, bands) for p in parts])
    return pairs_from_keys(keys, doc, win_first, win_stop)


def passages_dask(
    inputs: Iterable[str],
    *,
    client: Any,
    options: ReadOptions | None = None,
    blocksize: int | None = DEFAULT_BLOCKSIZE,
    **settings: Any,
) -> list[dict[str, Any]]:
    """The ``clusters.jsonl`` records of ``textclean passages`` on ``inputs``, run on Dask."""
    run = find_passages_dask(
        inputs, client=client, options=options, blocksize=blocksize, **settings
    )
    return run.records()
