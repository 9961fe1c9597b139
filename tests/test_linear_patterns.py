"""Patterns on RE2 give exactly the matches the `regex` module gives.

Every shipped pattern that runs on RE2 is checked against its `regex` form on
random text drawn from the characters its classes care about, and on the
seed articles. RE2's matching time is linear in the text by construction.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_regex_safety import shipped_patterns

from textclean.patterns import Pattern
from textclean.re2_syntax import to_re2

ALPHABET = st.sampled_from(
    list("aZé ß\n\t\r.,;:!?'’\"“”()[]{}-–—…0٣_éÃ©â€™\u00a0\u2028\u3002")
    + ["\u0301", "\U0001f600", "Ǆ", "K", "ſ"]
)
TEXTS = st.lists(ALPHABET, max_size=60).map("".join)
SEEDS = Path("/work/shared/corpus/seeds")

LINEAR = [p for p in shipped_patterns().values() if p.engine != "regex"]


def _spans(pattern: Pattern, text: str) -> object:
    regex_form = pattern.compiled
    found = pattern.search(text)
    expected = regex_form.search(text)
    assert (found and found.regs) == (expected and expected.regs)
    first = pattern.match(text)
    assert (first and first.regs) == (regex_form.match(text) and regex_form.match(text).regs)
    if pattern.engine == "re2":
        assert [m.regs for m in pattern.finditer(text)] == [
            m.regs for m in regex_form.finditer(text)
        ]
        assert pattern.findall(text) == regex_form.findall(text)
    return None


def test_most_shipped_patterns_run_on_re2():
    assert len(LINEAR) >= 30


@pytest.mark.parametrize("pattern", LINEAR, ids=lambda p: p.source[:40])
@settings(max_examples=60, deadline=None)
@given(text=TEXTS)
def test_re2_agrees_with_regex(pattern: Pattern, text: str):
    _spans(pattern, text)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not present")
def test_re2_agrees_with_regex_on_seed_articles():
    texts = [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for pattern in LINEAR:
        for text in texts:
            _spans(pattern, text)
            for line in text.splitlines()[:200]:
                _spans(pattern, line)


def test_untranslatable_constructs_stay_on_regex():
    for source in (r"\bword", r"(?<=a)b", r"a(?!b)", r"(a)\1", r"a*+", r"(?>ab)", "a$"):
        assert to_re2(source) is None, source


def test_every_code_point_but_the_surrogates_in_order() -> None:
    from textclean.re2_syntax import _every_code_point

    points = _every_code_point()
    assert len(points) == 0x110000 - 0x800
    assert list(map(ord, points)) == [*range(0xD800), *range(0xE000, 0x110000)]


@settings(max_examples=100, deadline=None)
@given(text=TEXTS, positions=st.lists(st.integers(0, 60), max_size=8))
def test_matches_at_positions_in_any_order_agree_with_regex(text: str, positions: list[int]):
    pattern = Pattern(r"\p{L}+[’'.]?", step="test")
    for pos in positions:
        found = pattern.match(text, pos)
        expected = pattern.compiled.match(text, pos)
        assert (found and found.span()) == (expected and expected.span())
        found = pattern.search(text, pos)
        expected = pattern.compiled.search(text, pos)
        assert (found and found.span()) == (expected and expected.span())


@pytest.mark.parametrize("source", ["instagram", r"pr\w+cy", "(?i)bio", "^i$"])
def test_a_caseless_pattern_reads_a_letter_re2_folds_apart_as_regex_does(source: str):
    import regex

    pattern = Pattern(source, regex.I | regex.V0)
    texts = ["\u0130nstagram", "pr\u0130vacy", "B\u0130O", "\u0130", "\u0131", "plain instagram"]
    for text in texts:
        expected = regex.search(source, text, regex.I | regex.V0)
        assert pattern.contains(text) == (expected is not None), text
        found = pattern.search(text)
        assert (found and found.span()) == (expected and expected.span()), text
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in regex.finditer(source, text, regex.I | regex.V0)
        ], text
