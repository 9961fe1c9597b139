"""Remembered verdicts: a line judged again gets the verdict it would get fresh."""

from __future__ import annotations

import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from textclean.boilerplate import classify as classify_module
from textclean.boilerplate.classify import builtin_rules, classify_lines
from textclean.boilerplate.rules import RuleSet

LINES = st.lists(
    st.sampled_from(
        [
            "Share on Facebook",
            "Advertisement",
            "Police said the road was closed on Tuesday.",
            "“We will appeal,” she said. Sign up for our newsletter.",
            "Brendyn Lotz",
            "Home",
            "",
            "By Jane Doe, Staff Writer",
        ]
    ),
    max_size=12,
)


@settings(max_examples=10)  # each example builds two fresh rule sets
@given(LINES, LINES)
def test_remembered_verdicts_equal_fresh_ones(first, second):
    shared = RuleSet(builtin_rules().rules)
    classify_lines(first, shared)
    assert classify_lines(second, shared) == classify_lines(second, RuleSet(shared.rules))


def test_memory_is_bounded_and_left_out_of_pickles(monkeypatch):
    monkeypatch.setattr("textclean.boilerplate.rules.MEMO_SIZE", 3)
    rules = RuleSet(builtin_rules().rules)
    classify_lines([f"Line number {i} of a page." for i in range(10)], rules)
    assert 0 < len(rules.memo) <= 3
    assert pickle.loads(pickle.dumps(rules)).memo == {}


def test_very_long_lines_are_not_remembered():
    rules = RuleSet(builtin_rules().rules)
    long_line = "word " * classify_module.LONG_MEMO_CHARS
    classify_lines([long_line, "Share on Facebook"], rules)
    assert list(rules.memo) == [("line", "Share on Facebook")]


def test_long_lines_are_remembered_by_their_length(monkeypatch):
    long_line = "word " * classify_module.MEMO_CHARS
    monkeypatch.setattr("textclean.boilerplate.rules.MEMO_TEXT_CHARS", 2 * len(long_line))
    rules = RuleSet(builtin_rules().rules)
    classify_lines([long_line, "Share on Facebook", long_line + "again"], rules)
    assert ("line", long_line + "again") in rules.memo
    classify_lines([long_line + "and again"], rules)  # past the characters allowed
    assert list(rules.memo) == [("line", long_line + "and again")]
