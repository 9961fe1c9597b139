"""Remembered lines: a line met again gets the features and rule hit it would get fresh."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from textclean.boilerplate import line_memo
from textclean.boilerplate.classify import builtin_rules, classify_lines
from textclean.boilerplate.line_features import OwnFeatures, own_features
from textclean.boilerplate.line_memo import remembered_own_features
from textclean.boilerplate.line_model import builtin_model
from textclean.boilerplate.rules import RuleSet

PROSE = "The council voted on Monday to close the old bridge to traffic until the repairs are done."
KNOWN = [
    "Share on Facebook",
    "Advertisement",
    "  Sign up for our newsletter  ",
    "“We will appeal,” she said, adding that the ruling was wrong and would not stand.",
    "By Jane Doe, Staff Writer",
    "Visit www.example.com for more",
    PROSE,
    "",
    "   ",
]
LINES = st.lists(st.one_of(st.sampled_from(KNOWN), st.text(max_size=40)), max_size=12)


def _same(a: OwnFeatures, b: OwnFeatures) -> bool:
    return (
        a.rows.tobytes() == b.rows.tobytes()
        and a.rows.shape == b.rows.shape
        and a.keys == b.keys
        and a.present.tolist() == b.present.tolist()
        and a.stripped == b.stripped
        and a.words.tolist() == b.words.tolist()
        and a.category.tolist() == b.category.tolist()
    )


@settings(max_examples=60, deadline=None)
@given(LINES, LINES)
def test_remembered_features_equal_fresh_ones(first, second):
    table = builtin_model().words
    remembered_own_features(first, table)  # the second page meets some lines again
    assert _same(remembered_own_features(second, table), own_features(second, None, table))


def test_memory_is_bounded(monkeypatch):
    monkeypatch.setattr(line_memo, "MEMO_LINES", 5)
    table = builtin_model().words
    for k in range(4):
        lines = [f"Line {i} of page {k}" for i in range(3)]
        assert _same(remembered_own_features(lines, table), own_features(lines, None, table))
        assert len(line_memo._memory(table).lines) <= 5


def test_memory_holds_only_what_was_met():
    table = builtin_model().words
    line_memo._MEMORY.clear()
    remembered_own_features(["Share on Facebook", "", "Share on Facebook"], table)
    assert list(line_memo._memory(table).lines) == ["Share on Facebook"]


@settings(max_examples=10, deadline=None)  # each example builds two fresh rule sets
@given(LINES, LINES)
def test_pages_judged_after_others_get_fresh_verdicts(first, second):
    shared = RuleSet(builtin_rules().rules)
    classify_lines([PROSE, *first], shared)
    page = [PROSE, *second]  # a prose line: the model judges the page
    remembered = classify_lines(page, shared)
    line_memo._MEMORY.clear()
    assert remembered == classify_lines(page, RuleSet(shared.rules))
