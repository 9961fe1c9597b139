"""Shortcuts in the quality signals find exactly what the plain definitions find:
string scans that stand in for patterns, counts derived from counts, and
n-gram codes ranked with one sort."""

from __future__ import annotations

from collections import Counter
from itertools import chain

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from textclean.filters.page_signals import _INNER_END, _inner_ends
from textclean.filters.snippets import names_in
from textclean.filters.word_grams import _first_appearance_ranks

ENDS_TEXT = st.text(alphabet=".!?…\"'”’) \u00a0\u2003\t\x1c\x1f\u200bab", max_size=40)
WORDS = st.sampled_from(["amazon", "Amazon", "AMAZON", "deals", "Deals", "the", "The", "É", "é2"])


@given(ENDS_TEXT | st.text(max_size=60))
def test_inner_ends_counts_the_pattern_matches(line: str) -> None:
    assert _inner_ends(line) == len(_INNER_END.findall(line))


@given(st.lists(st.lists(WORDS, max_size=6), max_size=8))
def test_names_are_lower_case_words_capitalised_inside_sentences_as_often(
    tokenized: list[list[str]],
) -> None:
    counts = Counter(chain.from_iterable(tokenized))
    inside = Counter(chain.from_iterable(ws[1:] for ws in tokenized))
    capital: Counter[str] = Counter()
    for w, n in inside.items():
        if w[0].isupper() and w[0].isalpha() and not w.isupper():
            capital[w.casefold()] += n
    expected = {
        w
        for w, n in counts.items()
        if n >= 2 and w.islower() and w[0].isalpha() and capital[w] >= n
    }
    assert names_in(tokenized) == expected


@given(st.lists(st.integers(min_value=0, max_value=6), min_size=1, max_size=40))
def test_first_appearance_ranks_number_values_in_order_of_first_appearance(
    values: list[int],
) -> None:
    order = list(dict.fromkeys(values))
    found, distinct = _first_appearance_ranks(np.array(values, dtype=np.int64))
    assert found.tolist() == [order.index(v) for v in values]
    assert distinct == (len(order) == len(values))
