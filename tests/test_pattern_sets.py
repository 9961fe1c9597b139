"""A rule table on RE2 answers exactly as its patterns do one by one on `regex`.

`textclean.pattern_sets.PatternSet` runs a table through one ``RE2::Set`` and
confirms only the hits of inexact translations, so its RE2 form must never
miss a text the original pattern matches: a class must hold what it holds
for `regex` (whose ``\\w`` takes marks and joiners, whose ``\\s`` takes NEL),
``$`` must match before a final newline, and a text RE2 cannot read or fold
as `regex` does must still be answered.
"""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from textclean.boilerplate.classify import builtin_rules
from textclean.pattern_sets import PatternSet

SOURCES = [r.pattern for r in builtin_rules().rules if r.anchored]
TABLE = PatternSet(SOURCES, step="test", at_start=True)
ORIGINALS = [regex.compile(s, regex.I | regex.V0) for s in SOURCES]


def expected(text: str) -> list[int]:
    return [i for i, p in enumerate(ORIGINALS) if p.search(text) is not None]


def test_a_word_character_regex_counts_is_read_as_one():
    text = "Share your thoughts with Bob\u200c"  # ZERO WIDTH NON-JOINER is \w to regex
    assert expected(text)
    assert TABLE.matches(text) == expected(text)


def test_a_space_regex_counts_is_read_as_one():
    text = "About the author\x85"  # NEXT LINE is \s to regex
    assert expected(text)
    assert TABLE.matches(text) == expected(text)


def test_dollar_matches_before_a_final_newline():
    text = "Follow me \u203a\n"
    assert expected(text)
    assert TABLE.matches(text) == expected(text)


def test_a_letter_the_engines_fold_apart_is_answered_by_regex():
    text = "\u0130nstagram"
    assert TABLE.matches(text) == expected(text)
    assert TABLE.first(text) == (expected(text) or [None])[0]


def test_lone_surrogates_do_not_crash():
    text = "By Ali\ud800 Baba"
    assert TABLE.matches(text) == expected(text)
    assert TABLE.first(text) == (expected(text) or [None])[0]


PIECES = st.sampled_from(
    ["share", "follow", "us", "by", "Bob", "Zoe", "home", "about the author", "email", "3",
     " ", "\n", "\x85", "\u00a0", "\u200c", "\u200d", "\u0301", "\u0130", "\u017f", "\u212a",
     "\u203a", "\u00bb", "|", "(", ")", "'", "\u2019", ".", "-", "_", "\U0001d400", "\u0661"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=8).map("".join))
def test_the_table_answers_as_the_patterns_do(text):
    assert TABLE.matches(text) == expected(text)
