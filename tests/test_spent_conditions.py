"""Spending zero-width conditions on the characters beside them keeps every verdict.

`textclean.spent_conditions.spend` rewrites a pattern with look-arounds, ``\\b`` and
possessive runs into one without them. These properties draw patterns from
the constructs the built-in rules use (runs of punctuation, names that may end
in a mark, one-character look-behinds, ``\\b`` beside runs of any character,
alternatives, repetitions) and texts from the characters those constructs
tell apart, and check that the rewritten pattern, on RE2 and on `regex`,
matches exactly where the original matches on `regex`.
"""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from textclean.code_points import CodePoints, points_of
from textclean.linear import LinearRegex
from textclean.re2_syntax import to_re2
from textclean.spent_conditions import spend

ATOMS = [
    "a", "by", "in", "é", "Doe", r"\.", "-", "»", "'", r"\(", " ",
    r"\w", r"\s", r"\d", r"\p{Lu}", ".",
    r"[\p{L}'’.-]", r"[\s\p{P}\p{S}]", r"[^\])]", r"[\[(]", r"[»›>/|]", r"[\p{L}\d&'’.-]",
]  # fmt: skip
CONDITIONS = [r"\b", r"(?<=[\[(])", r"(?<!\w)", r"(?=\s)", r"(?!\w)", r"(?<=\p{L})"]
QUANTIFIERS = ["", "", "*", "+", "?", "{0,3}", "{1,2}"]
POSSESSIVE = [r"[\s\p{P}\p{S}]*+", r"[\p{L}\d&'’.-]++", r"\s*+", r"[\s\p{P}]++"]


@st.composite
def pieces(draw: st.DrawFn, depth: int = 0) -> str:
    kind = draw(st.sampled_from(["atom", "atom", "condition", "possessive", "group"][: 5 - depth]))
    if kind == "atom":
        return draw(st.sampled_from(ATOMS)) + draw(st.sampled_from(QUANTIFIERS))
    if kind == "condition":
        return draw(st.sampled_from(CONDITIONS))
    if kind == "possessive":
        return draw(st.sampled_from(POSSESSIVE))
    branches = draw(st.lists(sequences(depth + 1), min_size=1, max_size=3))
    return "(?:" + "|".join(branches) + ")" + draw(st.sampled_from(["", "", "?", "{1,2}"]))


def sequences(depth: int = 0) -> st.SearchStrategy[str]:
    return st.lists(pieces(depth), min_size=1, max_size=4).map("".join)


PATTERNS = st.tuples(st.sampled_from(["^", "^", ""]), sequences(), st.sampled_from(["", "$"])).map(
    "".join
)
TEXTS = st.lists(
    st.lists(
        st.sampled_from(list("aAbyinIé (İ[)]’'.-_\n»/1") + ["Doe", "by ", "in", "\u0301", "ſ"]),
        max_size=10,
    ).map("".join),
    min_size=1,
    max_size=8,
)


@settings(max_examples=300)
@given(source=PATTERNS, texts=TEXTS, caseless=st.booleans())
def test_a_spent_pattern_matches_where_the_original_matches(source, texts, caseless):
    flags = regex.I | regex.V0 if caseless else regex.V0
    spent = spend(source, caseless)
    if spent is None:
        return  # left to `regex` (a condition inside an unbounded repetition, say)
    original = regex.compile(source, flags)
    on_re2 = LinearRegex(to_re2(spent, flags))
    on_regex = regex.compile(spent, flags)
    for text in texts:
        expected = original.search(text) is not None
        assert on_re2.found(text) == expected, (source, text)
        assert (on_regex.search(text) is not None) == expected, (source, text)


def test_the_constructs_of_the_builtin_rules_are_spent():
    for source in (
        r"^[\s\p{P}\p{S}]*+(?:(?<=[\[(])(?:image|photo)\b[^\])]*[\])])[\s\p{P}\p{S}]*+$",
        r"^(?:follow (?:us|(?-i:\p{Lu}[\p{L}'’.-]*))\b.{0,80}(?:twitter|$))",
        r"^[\s\p{P}\p{S}]*+(?:[\p{L}\d&'’.-]++(?: [\p{L}\d&'’.-]++){0,3})[\s\p{P}\p{S}]*+$",
    ):
        assert spend(source, caseless=True) is not None, source


def test_a_possessive_run_keeps_its_meaning_where_a_greedy_one_would_differ():
    # The run takes ". » " whole, so only one separator is left for the two required.
    source = r"^[\s\p{P}\p{S}]*+[\p{L}\d&'’.-]++(?:\s*+[»›]\s*+[\p{L}\d&'’.-]++){2,7}$"
    spent = LinearRegex(to_re2(spend(source, caseless=True), regex.I))
    assert not spent.found(". » b » c")
    assert spent.found("a » b » c")
    greedy = r"^[\s\p{P}\p{S}]*[\p{L}\d&'’.-]+(?:\s*[»›]\s*[\p{L}\d&'’.-]+){2,7}$"
    assert regex.search(greedy, ". » b » c") is not None


def test_a_pattern_no_text_matches_is_spent_as_one():
    assert not regex.search(spend(r"a(?=b)c"), "abc ac a")


def test_what_is_left_unspent_is_refused():
    assert spend(r"(?:a\b)+b") is None  # a condition inside an unbounded repetition
    assert spend(r"(a)\1") is None
    assert spend(r"a{0,2}+a") is None  # a bounded possessive run
    assert spend("a$\n") is None  # a "$" something is read after


SETS = st.lists(st.tuples(st.integers(0, 300), st.integers(0, 40)), max_size=6).map(
    lambda spans: {code for low, width in spans for code in range(low, low + width)}
)


def _points(codes: set[int]) -> CodePoints:
    ranges: list[tuple[int, int]] = []
    for code in sorted(codes):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    return CodePoints(tuple(ranges))


@given(a=SETS, b=SETS)
def test_code_point_sets_obey_set_arithmetic(a, b):
    x, y = _points(a), _points(b)
    assert x & y == _points(a & b)
    assert x - y == _points(a - b)
    assert (x <= y) == (a <= b)
    assert x.isdisjoint(y) == a.isdisjoint(b)
    assert ~~x == x


def test_a_class_is_the_code_points_regex_matches():
    word = points_of(r"\w")
    assert points_of("_") <= word and points_of("\u0301") <= word
    assert points_of("i", caseless=True) == points_of("[iIİ]")
    assert points_of(".") == ~points_of(r"\n")
