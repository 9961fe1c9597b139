"""The evaluation set as 64-bit n-gram hashes, each mapped to the first record holding it.

A benchmark of millions of n-grams must fit in memory beside the run, so the
set keeps no text: one sorted ``uint64`` array of distinct n-gram hashes and,
beside it, an ``int32`` index of the first evaluation record (in input order)
holding each one, 12 bytes per distinct n-gram, plus each record's id.
Lookup is a binary search of a whole batch of document n-grams at once.

A record shorter than ``ngram`` words is held as one hash of all its words,
and documents are then also hashed at that length, so the record is found
wherever its whole word sequence appears.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from ..document import Document, Drop
from ..errors import ConfigError, InputError
from ..io import ReadOptions, check_paths, read_documents
from .ngrams import gram_hashes, words_batch
from .settings import DecontaminationSettings

__all__ = ["EvaluationSet"]

#: Evaluation records tokenised and hashed together.
BATCH = 1024

Record = Document | str | tuple[str, str]


@dataclass(frozen=True, eq=False)
class EvaluationSet:
    """Distinct n-gram hashes of an evaluation set and the record each came from first.

    ``hashes`` is sorted; ``record[i]`` indexes ``ids``. ``lengths`` are the
    window sizes documents are hashed at: ``ngram`` and the word counts of the
    short records held. ``records`` counts every record read, ``skipped``
    those left out (no word, or fewer than ``min_words``).
    """

    hashes: np.ndarray
    record: np.ndarray
    ids: tuple[str, ...]
    ngram: int
    min_words: int
    lengths: tuple[int, ...]
    records: int
    skipped: int

    @classmethod
    def build(
        cls,
        records: Iterable[Record],
        *,
        settings: DecontaminationSettings | None = None,
    ) -> EvaluationSet:
        """Hash every record's n-grams: records are `Document`\\ s, ``(id, text)`` pairs,
        or texts (their id is their position).

        >>> ev = EvaluationSet.build(["one two three four five six seven eight nine ten"],
        ...                          settings=DecontaminationSettings(ngram=4))
        >>> len(ev), ev.lengths, ev.ids
        (7, (4,), ('0',))
        """
        s = settings or DecontaminationSettings()
        parts_h: list[np.ndarray] = []
        parts_r: list[np.ndarray] = []
        ids: list[str] = []
        short: set[int] = set()
        skipped = 0
        for chunk in _chunks(records, BATCH):
            base = len(ids)
            ids.extend(_id(r, base + k) for k, r in enumerate(chunk))
            batch = words_batch([_text(r) for r in chunk])
            words = batch.words_per_doc
            hashes, counts = gram_hashes(batch, s.ngram)
            owner = np.repeat(np.arange(base, base + len(chunk), dtype=np.int32), counts)
            # a short record is one hash; below min_words it is too common to keep
            keep = np.repeat(words >= s.min_words, counts)
            parts_h.append(hashes[keep])
            parts_r.append(owner[keep])
            skipped += int(np.count_nonzero(words < s.min_words))
            short.update(
                int(w) for w in np.unique(words[(words >= s.min_words) & (words < s.ngram)])
            )
        flat = np.concatenate(parts_h) if parts_h else np.zeros(0, dtype=np.uint64)
        owners = np.concatenate(parts_r) if parts_r else np.zeros(0, dtype=np.int32)
        parts_h.clear()  # the batches' arrays go before the sort needs its own
        parts_r.clear()
        # np.unique sorts stably for return_index: the index is each hash's first record
        unique, first = np.unique(flat, return_index=True)
        return cls(
            hashes=unique,
            record=owners[first].astype(np.int32),
            ids=tuple(ids),
            ngram=s.ngram,
            min_words=s.min_words,
            lengths=(s.ngram, *sorted(short, reverse=True)),
            records=len(ids),
            skipped=skipped,
        )

    @classmethod
    def from_files(
        cls,
        paths: Sequence[str],
        options: ReadOptions | None = None,
        *,
        settings: DecontaminationSettings | None = None,
    ) -> EvaluationSet:
        """Read evaluation records from files in any input format and hash them.

        An unreadable evaluation record is an error whatever ``options.on_error``
        says: a benchmark item silently left out would leak into the output.
        So are files holding no record long enough to look for.
        """
        opts = options or ReadOptions()
        opts = ReadOptions(
            text_field=opts.text_field,
            id_field=opts.id_field,
            on_error="fail",
            max_doc_bytes=None,
            format=opts.format,
        )
        files = check_paths(list(paths), {}, opts.format)
        try:
            evaluation = cls.build(_documents(read_documents(files, opts)), settings=settings)
        except InputError as exc:
            raise ConfigError(
                f"evaluation set: {exc}; every evaluation record must be read, none is "
                "skipped: fix the record or name the fields that hold its text and id"
            ) from None
        if not len(evaluation):
            # files that give nothing to look for would make a run that cuts nothing look clean
            raise ConfigError(
                f"evaluation set: {', '.join(files) or 'no file'} gave no n-gram to look for "
                f"({evaluation.records:,} record(s), {evaluation.skipped:,} under "
                f"{evaluation.min_words} words)"
            )
        return evaluation

    def __len__(self) -> int:
        return len(self.hashes)

    @property
    def nbytes(self) -> int:
        """Bytes of the hash and record arrays (ids not counted)."""
        return int(self.hashes.nbytes + self.record.nbytes)

    def lookup(self, hashes: np.ndarray) -> np.ndarray:
        """For each hash, the index of the first record holding it, or -1.

        >>> ev = EvaluationSet.build([("q1", "a b c d"), ("q2", "c d e f")],
        ...                          settings=DecontaminationSettings(ngram=2, min_words=1))
        >>> ev.lookup(ev.hashes).tolist().count(0), len(ev)
        (3, 5)
        """
        if len(self.hashes) == 0 or len(hashes) == 0:
            return np.full(len(hashes), -1, dtype=np.int64)
        at = np.searchsorted(self.hashes, hashes)
        at[at == len(self.hashes)] = 0
        found = self.hashes[at] == hashes
        return np.where(found, self.record[at].astype(np.int64), -1)

    def check(self, settings: DecontaminationSettings) -> None:
        """Raise `ConfigError` when the set was built with other n-gram settings."""
        if (self.ngram, self.min_words) != (settings.ngram, settings.min_words):
            raise ConfigError(
                f"decontaminate: the evaluation set holds {self.ngram}-grams "
                f"(min_words={self.min_words}) but the settings ask for {settings.ngram}-grams "
                f"(min_words={settings.min_words}); build it with the same settings"
            )


def _chunks(items: Iterable[Record], size: int) -> Iterator[list[Record]]:
    chunk: list[Record] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _text(record: Record) -> str:
    if isinstance(record, Document):
        return record.text
    if isinstance(record, tuple):
        return record[1]
    return record


def _id(record: Record, position: int) -> str:
    if isinstance(record, Document):
        return str(record.id)
    if isinstance(record, tuple):
        return str(record[0])
    return str(position)


def _documents(stream: Iterable[Document | Drop]) -> Iterator[Document]:
    """Readable records; a record that holds no text (a WARC request) is not evaluation text."""
    for item in stream:
        if isinstance(item, Document):
            yield item
