"""The passages and near-duplicate machinery this package builds on, imported in one place.

Decontamination matches words exactly as those do (the same tokeniser and
64-bit shingle hash) and cuts sentences with their `remove_spans`, so a
move of those modules changes only these lines.
"""

from __future__ import annotations

from ..dedup.polyhash import batch_shingle_hashes
from ..dedup.tokens import WordBatch
from ..passages.removal import remove_spans
from ..segment import Sentence, split_sentences

__all__ = ["Sentence", "WordBatch", "batch_shingle_hashes", "remove_spans", "split_sentences"]
