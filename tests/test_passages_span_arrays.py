"""The array rules of `span_arrays` give what the dict rules of `spans` give, and groups
get one document-set id exactly when they span the same documents."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from textclean.passages import span_arrays
from textclean.passages.span_arrays import document_set_ids, link_array, runs_from_link_array
from textclean.passages.spans import sentence_runs


@st.composite
def linked_corpus(draw) -> tuple[list[int], list[tuple[int, int]]]:
    """Documents of a few sentences and links between sentences, many of them
    repeating one sentence across documents (wide groups with equal document sets)."""
    sizes = draw(st.lists(st.integers(1, 6), min_size=2, max_size=12))
    doc = [d for d, size in enumerate(sizes) for _ in range(size)]
    n = len(doc)
    sentence = st.integers(0, n - 1)
    links = draw(st.lists(st.tuples(sentence, sentence), max_size=40))
    starts = np.cumsum([0, *sizes[:-1]]).tolist()
    # the first two sentences of every document linked to those of the first: a
    # passage of two sentences, each its own group, both spanning every document
    for d, first in enumerate(starts[1:], start=1):
        for k in range(min(2, sizes[0], sizes[d])):
            links.append((k, first + k))
    return doc, [(s, t) for s, t in links if s != t]


def _dict_links(links: list[tuple[int, int]]) -> dict[int, set[int]]:
    linked: dict[int, set[int]] = {}
    for s, t in links:
        linked.setdefault(s, set()).add(t)
        linked.setdefault(t, set()).add(s)
    return linked


@given(linked_corpus())
def test_array_runs_equal_the_dict_runs(corpus) -> None:
    doc, links = corpus
    got = runs_from_link_array(np.asarray(doc), link_array(links)).tolist()
    assert [tuple(r) for r in got] == sentence_runs(doc, _dict_links(links))


@st.composite
def groups(draw) -> tuple[list[list[int]], np.ndarray, np.ndarray, np.ndarray]:
    """Sorted distinct document lists, some repeated, flattened as `document_set_ids` reads them."""
    pool = draw(st.lists(st.frozensets(st.integers(0, 9), min_size=1), min_size=1, max_size=5))
    picks = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=15))
    sets = [sorted(p) for p in picks]
    length = np.array([len(s) for s in sets])
    start = np.cumsum(length) - length
    return sets, start, length, np.array([d for s in sets for d in s])


def _same_ids_for_same_sets(sets, ids) -> bool:
    return all(
        (ids[a] == ids[b]) == (sets[a] == sets[b])
        for a in range(len(sets))
        for b in range(len(sets))
    )


@given(groups())
def test_document_set_ids_are_equal_exactly_for_equal_sets(made) -> None:
    sets, start, length, docs = made
    assert _same_ids_for_same_sets(sets, document_set_ids(start, length, docs))


@given(groups())
def test_document_set_ids_stay_exact_when_every_hash_collides(made) -> None:
    sets, start, length, docs = made
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(span_arrays, "_mix", lambda values: np.zeros(len(values), dtype=np.uint64))
        assert _same_ids_for_same_sets(sets, document_set_ids(start, length, docs))
