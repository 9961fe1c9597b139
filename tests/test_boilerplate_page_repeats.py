"""Page repeats, caption and label shapes: the page-at-once answers equal plain set arithmetic."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textclean.boilerplate.line_features import FEATURES, PAGE, line_features
from textclean.boilerplate.line_shapes import SHAPES, run_lengths, shape_features
from textclean.boilerplate.page_repeats import MAX_SHARERS, REPEATS, SHINGLE, repeat_features


def shingles(key: str) -> set[tuple[str, ...]]:
    words = key.split()
    if len(words) < SHINGLE:
        return {tuple(words)} if words else set()
    return {tuple(words[k : k + SHINGLE]) for k in range(len(words) - SHINGLE + 1)}


def expected(keys: list[str]) -> np.ndarray:
    """`repeat_features` the slow way: every pair of lines, compared as sets."""
    sets = [shingles(k) for k in keys]
    lines_of = Counter(s for found in sets for s in found)
    out = np.zeros((len(keys), len(REPEATS)))
    for i, mine in enumerate(sets):
        for j, theirs in enumerate(sets):
            if i == j or not mine:
                continue
            longer = len(theirs) > len(mine) or (len(theirs) == len(mine) and j < i)
            if not longer:
                continue
            common = sum(1 for s in mine & theirs if lines_of[s] <= MAX_SHARERS) / len(mine)
            out[i, 0] = max(out[i, 0], common)
            out[j, 1] = max(out[j, 1], common)
        pairs = Counter(zip(keys[i].split(), keys[i].split()[1:], strict=False))
        out[i, 2] = sum(n for n in pairs.values() if n > 1) / max(len(keys[i].split()) - 1, 1)
    return out


word = st.sampled_from(["the", "council", "voted", "to", "close", "bridge", "watch", "now"])
key = st.lists(word, max_size=9).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(key, max_size=16))
def test_repeat_features_equal_pairwise_set_arithmetic(keys):
    assert np.allclose(repeat_features(keys), expected(keys))


def test_a_pull_quote_copies_its_paragraph_and_the_paragraph_is_its_source():
    keys = [
        "the council voted on monday to close the bridge for a year",
        "residents said they would appeal",
        "voted on monday to close the bridge",
    ]
    X = repeat_features(keys)
    assert X[2, 0] == 1.0 and X[0, 1] == 1.0
    assert X[1].tolist() == [0.0, 0.0, 0.0]
    assert X[0, 0] == 0.0  # the paragraph copies nothing


def test_of_two_equal_lines_the_later_is_the_copy():
    X = repeat_features(["kerry tries archery in mongolia", "kerry tries archery in mongolia"])
    assert X[:, 0].tolist() == [0.0, 1.0]


def test_a_phrase_on_many_lines_is_no_copy():
    keys = [f"one of the best line {k}" for k in range(MAX_SHARERS + 1)] + ["one of the"]
    assert repeat_features(keys)[-1, 0] == 0.0


@pytest.mark.parametrize(
    ("line", "shape"),
    [
        ("My great-grandparents’ letters from 1918. Jeff Snowbarger", "credit_tail"),
        ("A girl at Kuromon Market, Japan/Andy Kelly via Unsplash", "credit_tail"),
        ("A man in Beijing, October 18, 2013. © 2013 Reuters", "credit_tail"),
        ("TRENDING: Adam Schiff blasted by rivals", "caps_label"),
        ("Digital sales boost:Walmart sales increase 10%", "glued_colon"),
        ("William Shaw is a visiting scholar at the institute.", "bio_opening"),
        ("Kerry tries archery in Mongolia on Sunday, June 5, 2016.", "full_date"),
    ],
)
def test_caption_credit_and_label_shapes_are_found(line, shape):
    assert shape_features([line])[0, SHAPES.index(shape)] == 1.0


def test_plain_reporting_has_none_of_the_shapes():
    prose = [
        "The council voted on Monday to close the bridge.",
        "“We will appeal the ruling,” she said.",
        "Upgrade Skills: Concerns over low wages should be met with training.",
        "WASHINGTON (CNN) — The coalition struck overnight.",
    ]
    assert not shape_features(prose).any()


@given(st.lists(st.booleans(), max_size=30))
def test_run_lengths_count_each_run_of_trues(flags):
    got = run_lengths(np.array(flags, dtype=bool)).tolist()
    want, k = [], 0
    while k < len(flags):
        end = k
        while end < len(flags) and flags[end] == flags[k]:
            end += 1
        want += [float(end - k) if flags[k] else 0.0] * (end - k)
        k = end
    assert got == want


def test_the_page_block_sits_at_the_end_of_the_feature_row():
    lines = ["Senate passes the bill", "House votes on Friday", "", "The vote was close, he said."]
    X = line_features(lines)
    assert FEATURES[-len(PAGE) :] == PAGE
    run = X[:, FEATURES.index("headline_run")].tolist()
    assert run == [2.0, 2.0, 0.0, 0.0]


@settings(max_examples=150, deadline=None)
@given(st.lists(key, max_size=16), st.data())
def test_a_later_round_over_some_of_the_lines_equals_a_fresh_page(keys, data):
    repeat_features(keys)  # the page the later round's lines were on
    left = data.draw(st.lists(st.sampled_from(keys), max_size=len(keys)) if keys else st.just([]))
    assert np.allclose(repeat_features(left), expected(left))
