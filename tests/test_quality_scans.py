"""Shortcuts in the quality signals find exactly what the plain definitions find:
string scans that stand in for patterns, counts derived from counts, and
n-gram codes ranked with one sort."""

from __future__ import annotations

from collections import Counter
from itertools import chain

import numpy as np
from hypothesis import example, given
from hypothesis import strategies as st

from textclean.filters.page_signals import (
    _INNER_END,
    _STOP,
    MIN_LOWERED_PAIRS,
    _inner_ends,
    _title,
    lowered_name_rate,
)
from textclean.filters.snippets import joined_words, names_in
from textclean.filters.word_grams import _first_appearance_ranks

ENDS_TEXT = st.text(alphabet=".!?…\"'”’) \u00a0\u2003\t\x1c\x1f\u200bab", max_size=40)
WORDS = st.sampled_from(
    ["amazon", "Amazon", "AMAZON", "deals", "Deals", "the", "The", "É", "é2", "kelly", "Kelly"]
)


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


@example([["Fans", "of", "Kelly", "came"]] + [["deals", "kelly"]] * 6 + [["kelly", "amazon"]] * 5)
@example([["The", "Tax", "Foundation", "said"]] + [["the", "tax", "cut"]] * 6)
@example([["Fans", "of", "Andrea", "Kelly", "came"]] + [["andrea", "kelly", "news"]] * 6)
@given(st.lists(st.lists(WORDS, max_size=6), max_size=12))
def test_lowered_name_rate_counts_the_top_lower_case_pair_holding_a_name(
    cased: list[list[str]],
) -> None:
    """Against a plain reading of the definition: a pair of two names, or of a name
    the page also writes capitalised on its own and any plain word."""
    named = {w.casefold() for ws in cased for w in ws[1:] if _title(w)}
    alone = {
        ws[k].casefold()
        for ws in cased
        for k in range(1, len(ws))
        if _title(ws[k])
        and not ws[k - 1][:1].isupper()
        and (k + 1 == len(ws) or not ws[k + 1][:1].isupper())
    }
    flat = joined_words(cased)
    plain = [w.islower() and len(w) > 2 and w not in _STOP for w in flat]
    pairs = Counter(
        (a, b)
        for a, b, pa, pb in zip(flat, flat[1:], plain, plain[1:], strict=False)
        if pa and pb and ((a in named and b in named) or a in named & alone or b in named & alone)
    )
    top = max(pairs.values(), default=0)
    words = len(flat) - len(cased)
    expected = 1000.0 * top / words if words and top >= MIN_LOWERED_PAIRS else 0.0
    assert lowered_name_rate(cased) == expected
