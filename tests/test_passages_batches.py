"""Window band keys made in batches equal those made in one go, and the
banding gives every bucket a linear number of pairs that still connects it."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from textclean.dedup.lsh import band_keys
from textclean.passages.match import candidate_pairs, window_band_keys, window_signatures
from textclean.passages.windows import corpus_sentences

SENTENCES = [
    "The council approved the new budget after a long debate on Tuesday evening.",
    "We hope this one-year moratorium might give Congress enough time to act.",
    "Share on Facebook.",
    "Residents questioned the decision to close the old library for good.",
    "The minister described the changes as necessary for the coming year.",
]
DOCS = st.lists(
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6).map(" ".join),
    min_size=2,
    max_size=8,
)


@settings(max_examples=25)
@given(DOCS, st.integers(min_value=1, max_value=7))
def test_batched_band_keys_equal_one_batch(texts, batch):
    corpus = corpus_sentences(texts)
    whole = band_keys(window_signatures(corpus), 32, 4)
    assert np.array_equal(window_band_keys(corpus, batch=batch), whole)


def test_a_bucket_of_many_windows_gives_linear_connected_pairs(seeds):
    """One quote pasted into 60 documents: about 2 pairs per copy, all in one component."""
    quote = next(iter(seeds.values())).split("\n")[0]
    texts = [f"Report number {i} opens with its own words here. {quote}" for i in range(60)]
    corpus = corpus_sentences(texts)
    pairs = candidate_pairs(corpus)
    assert len(pairs) <= 4 * len(corpus.win_first)  # every pair of copies would be 30 per window
    docs = corpus.doc[corpus.win_first[pairs]]
    across = docs[docs[:, 0] != docs[:, 1]]
    parent = list(range(60))

    def root(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for a, b in across.tolist():
        parent[root(a)] = root(b)
    assert len({root(d) for d in range(60)}) == 1
