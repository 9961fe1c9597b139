"""The cheap tests that let boilerplate skip work never change a verdict.

A sentence is searched for clause breaks only when some comma is followed by
spaces and a character that is not lower case, a segment is asked whether it
is quoted only once a rule matched it, and a kept line is split into
sentences only when it may hold more than one or a clause to cut; each must
decide what the full work decided.
"""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from textclean.boilerplate.classify import (
    _CLAUSE_BREAK,
    _inner_verdict,
    _judge_line,
    _may_break_clause,
    _rule_hit,
    builtin_rules,
    judge,
)
from textclean.boilerplate.features import has_words, is_quoted, word_count

COMMA_TEXT = st.text(alphabet=",, \u00a0\u2003\t\n\x1caAÉéß1“", max_size=30)
PHRASES = ["Share on Facebook", "Read more", "“We will appeal,” she said", "Log In", "by Jane Doe"]
LINE_PIECES = [
    *PHRASES,
    "Police said",
    "The council said",
    ", who",
    ", Monday",
    ", All rights reserved",
    ", Last modified on Fri 12 Jun 2020 12.13 BST",
    ", and",
    "Published 2020-06-12 ",
    "Updated: ",
    ". ",
    "? ",
    " the road was closed",
    " the road near the old bridge was closed for most of the day on Monday after the storm"
    " brought down trees and power lines across the county and the next",
    "Advertisement",
    "“",
    "”",
    "\u00a0",
]
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


@example(
    "The council said the road near the old bridge was closed for most of the day on Monday"
    " after the storm brought down trees and power lines across the county, All rights reserved"
)
@given(st.lists(st.sampled_from(LINE_PIECES), min_size=1, max_size=8).map("".join))
def test_a_line_skipped_by_the_inner_prefilter_is_kept_whole(line: str) -> None:
    rules = builtin_rules()
    stripped = line.strip()
    if not stripped or not stripped[0].isalnum():  # blank and separator lines go elsewhere
        return
    hit = _rule_hit(line, rules)
    assert _inner_verdict(line, stripped, hit, rules) == _judge_line(line, rules)
