"""What the Dask dedup run reads on its workers: blocks of input, turned into rows.

The row functions themselves are pure and live in `textclean.dedup.frames`
(re-exported here); this module reads a block (`read_block`) and hands its
documents to them, and sizes the shuffles.
"""

from __future__ import annotations

import os
from typing import Any

from ..dedup.frames import (
    POSITION_BITS,
    Brief,
    TextLength,
    band_rows,
    brief,
    brief_fields,
    bucket_pairs,
    doc_code,
    empty_frame,
    estimate,
    exact_groups,
    exact_similarity,
    shingle_set_rows,
    signature_columns,
    signature_matrix,
    signature_rows,
)
from ..dedup.settings import DedupSettings
from ..document import Document
from ..io import ReadOptions
from .blocks import Block, read_block

__all__ = [
    "COMPONENTS",
    "DASK_CONFIG",
    "POSITION_BITS",
    "SHUFFLE_BYTES",
    "Brief",
    "TextLength",
    "band_rows",
    "block_shingle_sets",
    "block_signatures",
    "brief",
    "brief_fields",
    "bucket_pairs",
    "doc_code",
    "empty_frame",
    "estimate",
    "exact_groups",
    "exact_similarity",
    "shuffle_partitions",
    "signature_columns",
    "signature_matrix",
]

#: Shuffles keep bytes columns as bytes (no conversion to Arrow strings).
DASK_CONFIG = {"dataframe.convert-string": False, "dataframe.shuffle.method": "tasks"}
COMPONENTS = ("client", "dask")
#: Input bytes per shuffle partition: a document's shuffled rows (signature,
#: 16 band keys, ids) take about a fifth of a 3 KB page, so a partition holds
#: tens of megabytes whatever the corpus size.
SHUFFLE_BYTES = 256 * 1024 * 1024


def shuffle_partitions(blocks: list[Block]) -> int:
    """Partitions for the shuffles: grows with the input, so each stays bounded."""
    total = sum(b.end - b.start if b.end >= 0 else _size(b.path) for b in blocks)
    return max(1, -(-total // SHUFFLE_BYTES))


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _documents(block: Block, opts: ReadOptions) -> list[Document]:
    return [item for item in read_block(block, opts) if isinstance(item, Document)]


def block_signatures(index: int, block: Block, opts: ReadOptions, settings: DedupSettings) -> Any:
    """One row per readable document of a block (`signature_rows`)."""
    return signature_rows(index, _documents(block, opts), settings)


def block_shingle_sets(
    index: int, block: Block, opts: ReadOptions, positions: list[int], settings: DedupSettings
) -> Any:
    """The shingle sets of the documents at ``positions`` of a block (`shingle_set_rows`)."""
    return shingle_set_rows(index, _documents(block, opts), positions, settings)
