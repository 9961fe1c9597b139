"""The pure row functions of a distributed dedup run, tested without a scheduler."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textclean.dedup.cluster import clusters
from textclean.dedup.settings import DedupSettings
from textclean.document import Document

pd = pytest.importorskip("pandas")

from textclean.dedup.frame_decisions import first_labels, smallest_labels  # noqa: E402
from textclean.dedup.frames import (  # noqa: E402
    POSITION_BITS,
    band_rows,
    bucket_pairs,
    exact_groups,
    signature_rows,
)

edges = st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12)), min_size=1, max_size=20)


@settings(max_examples=40, deadline=None)
@given(edges)
def test_min_label_steps_settle_on_the_components_union_find_finds(pairs):
    both = pd.DataFrame(
        [(a, b) for a, b in pairs] + [(b, a) for a, b in pairs], columns=["node", "other"]
    )
    labels = smallest_labels(first_labels(both))
    while True:
        seen = both.merge(labels.rename(columns={"node": "other"}), on="other")[["node", "label"]]
        new = smallest_labels(pd.concat([seen, labels]))
        if new.equals(labels):
            break
        labels = new
    roots = clusters(13, pairs)
    assert dict(zip(labels["node"], labels["label"], strict=True)) == {
        n: int(roots[n]) for n in labels["node"]
    }


def test_one_partition_pairs_the_copies_and_groups_the_exact_ones():
    text = "the council voted on the harbour budget after a long night of debate " * 3
    docs = [
        Document("a", text),
        Document("b", text),
        Document("c", text + "and one more line"),
        Document("d", "a wholly different page about a river and a school vote " * 3),
    ]
    options = DedupSettings(threshold=0.7)
    rows = exact_groups(signature_rows(0, docs, options))
    assert rows["rep"].tolist() == [0, 0, 2, 3] and rows["size"].tolist() == [2, 2, 1, 1]
    reps = rows[rows["doc"] == rows["rep"]]
    pairs = bucket_pairs(band_rows(reps, options), options.max_bucket)
    assert sorted(map(tuple, pairs.to_numpy().tolist())) == [(0, 2)]
    assert int(signature_rows(3, docs[:1], options)["doc"][0]) == 3 << POSITION_BITS
