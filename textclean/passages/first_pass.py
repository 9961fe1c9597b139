"""Pass one of ``passages``: compact arrays in memory, shingle hashes and band keys on disk.

Documents are read once, a batch at a time: each batch is segmented, hashed
and windowed (`textclean.passages.windows`) and its windows' LSH band keys are
made, then its texts are dropped. What stays in memory is a few integers per
sentence and per window (document, character span, shingle count, window
range: 32 bytes a sentence, 16 a window). The 8-byte shingle hashes and the
8-byte band keys go to files in a private temporary directory: one file of
hashes in sentence order and one file per band, so banding reads one band
(8 bytes a window, paired by `band_codes`) at a time and verification reads back the hashes of only
the sentences in candidate windows.

The arrays, pairs and hashes equal those `find_passages` holds in memory, so
the clusters are the same, byte for byte.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import numpy as np

from .match import PAIR_CHUNK, _sorted_unique, window_band_keys
from .windows import DOC_BATCH, CorpusSentences, _batch

__all__ = ["PassageIndex", "band_codes", "index_texts"]

#: Sentences whose hashes are read from disk at once when gathering candidates.
SENTENCE_CHUNK = 1 << 16


@dataclass(frozen=True)
class _IndexJob:
    """One batch of texts to sentences, windows and band keys (picklable for workers)."""

    min_words: int
    max_sentences: int
    ngram: int
    unit: str
    num_perm: int
    bands: int
    seed: int

    def __call__(self, chunk: list[tuple[int, list[str]]]) -> tuple[CorpusSentences, np.ndarray]:
        ((lo, texts),) = chunk
        part = _batch(
            _Offset(texts, lo),  # type: ignore[arg-type]
            lo,
            lo + len(texts),
            self.min_words,
            self.max_sentences,
            self.ngram,
            self.unit,
        )
        return part, window_band_keys(part, self.num_perm, self.bands, self.seed)


class _Offset:
    """Texts of one batch, indexed by their position in the corpus."""

    def __init__(self, texts: list[str], lo: int):
        self.texts, self.lo = texts, lo

    def __getitem__(self, index: int) -> str:
        return self.texts[index - self.lo]


def band_codes(keys: np.ndarray) -> np.ndarray:
    """`textclean.dedup.lsh.candidate_pairs` of one band with ``max_bucket=1``, as sorted
    pair codes ``i * len(keys) + j`` (``i < j``): each window of a bucket is paired with
    the bucket's first window and with its predecessor, in window order.

    Sorting one band and pairing only the windows whose key repeats holds
    about 17 bytes a window, a third of the general banding's.

    >>> band_codes(np.array([7, 5, 7, 7, 9])).tolist()  # (0, 2), (0, 3), (2, 3)
    [2, 3, 13]
    """
    n = len(keys)
    order = np.argsort(keys, kind="stable")
    keys = keys[order]
    follows = np.flatnonzero(keys[1:] == keys[:-1]) + 1
    del keys
    if len(follows) == 0:
        return np.zeros(0, dtype=np.int64)
    new_bucket = np.ones(len(follows), dtype=bool)
    np.not_equal(follows[1:], follows[:-1] + 1, out=new_bucket[1:])
    bucket_start = (follows[new_bucket] - 1)[np.cumsum(new_bucket) - 1]
    member = order[follows]
    codes = []
    for other in (order[bucket_start], order[follows - 1]):
        low, high = np.minimum(other, member), np.maximum(other, member)
        codes.append(low * n + high)
    return _sorted_unique(np.concatenate(codes))


class PassageIndex:
    """Sentences and windows of a corpus as compact arrays; hashes and band keys on disk.

    Sentence ``i`` is ``text[start[i]:end[i]]`` of document ``doc[i]`` and has
    ``count[i]`` shingle hashes; window ``w`` is sentences ``win_first[w]`` to
    ``win_stop[w] - 1``. `close` deletes the files.
    """

    def __init__(self, bands: int, dir: str | None = None):
        self._dir = Path(tempfile.mkdtemp(prefix="textclean-passages-", dir=dir))
        self.bands = bands
        self.docs = 0
        self.doc = np.zeros(0, dtype=np.int32)
        self.start = np.zeros(0, dtype=np.int64)
        self.end = np.zeros(0, dtype=np.int64)
        self.count = np.zeros(0, dtype=np.int32)
        self.win_first = np.zeros(0, dtype=np.int64)
        self.win_stop = np.zeros(0, dtype=np.int64)

    @property
    def _hashes(self) -> Path:
        return self._dir / "hashes.u64"

    def _band(self, band: int) -> Path:
        return self._dir / f"band-{band:03d}.i64"

    def candidate_pairs(self) -> np.ndarray:
        """`textclean.passages.match.candidate_pairs` of the corpus, one band in memory at a time."""
        n = len(self.win_first)
        if n < 2:
            return np.zeros((0, 2), dtype=np.int64)
        codes = np.zeros(0, dtype=np.int64)
        for band in range(self.bands):
            merged = np.concatenate([codes, band_codes(np.fromfile(self._band(band), np.int64))])
            del codes
            merged.sort()  # in place: the pairs of all bands so far exist once, not twice
            keep = np.ones(len(merged), dtype=bool)
            np.not_equal(merged[1:], merged[:-1], out=keep[1:])
            codes = merged[keep]
            del merged, keep
        return self._apart(codes)

    def _apart(self, codes: np.ndarray) -> np.ndarray:
        """Pair codes as ``(i, j)`` rows, minus pairs of overlapping windows of one document.

        The test runs `PAIR_CHUNK` codes at a time, so besides the codes and
        the rows only a mask (a byte a pair) is held.
        """
        n = len(self.win_first)
        first, stop = self.win_first, self.win_stop
        apart = np.empty(len(codes), dtype=bool)
        for lo in range(0, len(codes), PAIR_CHUNK):
            i, j = np.divmod(codes[lo : lo + PAIR_CHUNK], n)
            same = self.doc[first[i]] == self.doc[first[j]]
            apart[lo : lo + PAIR_CHUNK] = ~(same & (first[j] < stop[i]) & (first[i] < stop[j]))
        pairs = np.empty((int(apart.sum()), 2), dtype=np.int64)
        at = 0
        for lo in range(0, len(codes), PAIR_CHUNK):
            kept = codes[lo : lo + PAIR_CHUNK][apart[lo : lo + PAIR_CHUNK]]
            pairs[at : at + len(kept), 0], pairs[at : at + len(kept), 1] = np.divmod(kept, n)
            at += len(kept)
        return pairs

    def sentences_of(self, pairs: np.ndarray) -> CorpusSentences:
        """The corpus with the shingle hashes of only the sentences in ``pairs``' windows.

        Every other sentence has no hashes (an empty set): the verification and
        the spans never look at one.
        """
        n = len(self.doc)
        edges = np.zeros(n + 1, dtype=np.int64)
        windows = np.unique(pairs.ravel())
        np.add.at(edges, self.win_first[windows], 1)
        np.add.at(edges, self.win_stop[windows], -1)
        wanted = np.cumsum(edges[:-1]) > 0
        kept = np.where(wanted, self.count, 0).astype(np.int64)
        parts: list[np.ndarray] = []
        with open(self._hashes, "rb") as f:
            for lo in range(0, n, SENTENCE_CHUNK):
                hi = min(lo + SENTENCE_CHUNK, n)
                counts = self.count[lo:hi].astype(np.int64)
                hashes = np.fromfile(f, dtype=np.uint64, count=int(counts.sum()))
                take = np.repeat(wanted[lo:hi], counts)
                parts.append(hashes[take])
        return CorpusSentences(
            doc=self.doc,
            start=self.start,
            end=self.end,
            hashes=np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint64),
            offset=np.cumsum(kept) - kept,
            count=kept,
            win_first=self.win_first,
            win_stop=self.win_stop,
        )

    def close(self) -> None:
        shutil.rmtree(self._dir, ignore_errors=True)

    def __enter__(self) -> PassageIndex:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def index_texts(
    texts: Iterable[str],
    *,
    min_words: int = 10,
    max_sentences: int = 4,
    ngram: int = 3,
    unit: str = "word",
    num_perm: int = 128,
    bands: int = 32,
    seed: int = 1,
    workers: int = 1,
    dir: str | None = None,
) -> PassageIndex:
    """Read ``texts`` once into a `PassageIndex` (``workers`` processes hash the batches).

    >>> quote = "We hope this one-year moratorium might give Congress enough time to act."
    >>> with index_texts(iter(["Intro line here. " + quote, quote])) as index:
    ...     index.docs, index.doc.tolist(), index.candidate_pairs().tolist()
    (2, [0, 0, 1], [[0, 2], [1, 2]])
    """
    from ..workers import map_ordered

    index = PassageIndex(bands, dir)
    job = _IndexJob(min_words, max_sentences, ngram, unit, num_perm, bands, seed)
    columns: dict[str, list[np.ndarray]] = {name: [] for name in _COLUMNS}
    sentences = 0
    try:
        with open(index._hashes, "wb") as hashes_out:
            band_out = [open(index._band(b), "wb") for b in range(bands)]  # noqa: SIM115
            try:
                for part, keys in map_ordered(job, _batches(texts, index), workers):
                    part.hashes.tofile(hashes_out)
                    for b, out in enumerate(band_out):
                        np.ascontiguousarray(keys[:, b]).tofile(out)
                    columns["doc"].append(part.doc.astype(np.int32))
                    columns["start"].append(part.start)
                    columns["end"].append(part.end)
                    columns["count"].append(part.count.astype(np.int32))
                    columns["win_first"].append(part.win_first + sentences)
                    columns["win_stop"].append(part.win_stop + sentences)
                    sentences += len(part.doc)
            finally:
                for out in band_out:
                    out.close()
        for name in _COLUMNS:  # one column's parts and its whole exist at once
            parts = columns.pop(name)
            if parts:
                setattr(index, name, np.concatenate(parts))
            del parts
    except BaseException:
        index.close()
        raise
    return index


_COLUMNS = ("doc", "start", "end", "count", "win_first", "win_stop")


def _batches(texts: Iterable[str], index: PassageIndex) -> Iterator[list[tuple[int, list[str]]]]:
    """``[(first document number, texts)]`` chunks of `DOC_BATCH`; counts the documents."""
    batch: list[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) == DOC_BATCH:
            yield [(index.docs, batch)]
            index.docs += len(batch)
            batch = []
    if batch:
        yield [(index.docs, batch)]
        index.docs += len(batch)
