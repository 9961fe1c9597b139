"""The cheap tests that let boilerplate skip work never change a verdict.

A sentence is searched for clause breaks only when some comma is followed by
spaces and a character that is not lower case, and a segment is asked whether
it is quoted only once a rule matched it; both must decide what the full
work decided.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from textclean.boilerplate.classify import (
    _CLAUSE_BREAK,
    _may_break_clause,
    builtin_rules,
    judge,
)
from textclean.boilerplate.features import has_words, is_quoted, word_count

COMMA_TEXT = st.text(alphabet=",, \u00a0\u2003\t\n\x1caAÉéß1“", max_size=30)
PHRASES = ["Share on Facebook", "Read more", "“We will appeal,” she said", "Log In", "by Jane Doe"]
SEGMENTS = st.lists(st.sampled_from([*PHRASES, "“", "”", ", ", " ", "Photo", "."]), max_size=6)


@given(COMMA_TEXT | st.text(max_size=40))
def test_no_clause_break_is_missed(text: str) -> None:
    if not _may_break_clause(text):
        assert list(_CLAUSE_BREAK.finditer(text)) == []


@given(SEGMENTS.map("".join))
def test_judge_asks_about_quotes_only_after_a_rule_hit_and_decides_the_same(segment: str) -> None:
    rules = builtin_rules()
    expected = (
        None
        if not has_words(segment) or is_quoted(segment)
        else rules.match(segment, word_count(segment))
    )
    assert judge(segment, rules) == expected
