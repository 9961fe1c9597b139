"""Look-around patterns on RE2 give exactly their `regex` reference's matches.

Every `ContextPattern` textclean ships is checked against the look-around
pattern it stands for, on random text built from the pieces those patterns
care about, and on the seed articles; the code-line pattern, which spells
``\\b`` without it, is checked against its ``\\b`` form the same way.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from test_regex_safety import _modules

from textclean.context_patterns import ContextPattern
from textclean.patterns import Pattern
from textclean.repair.spacing_context import CODE_LINE, CODE_LINE_REFERENCE

PIECES = st.sampled_from(
    [
        *"aZé ß\n\t.,;:!?'’\"“”‘«»‹›()[]{}-_…0٣%/=<>^@#*xXDPo3|\\",
        *("\u00a0", "\u202f", "\u2009", "\u0301", "\u2028", "\U0001f600", "ſ", "\u212a", "İ"),
        *("  ", "   ", " n't", "n’t", " 's", " ’ s", "' ve", "re", "ll", " . ", " , "),
        *("the", "THE", "Thiſ", "which", "le", "Vous", "def x", "function", "return", "var a"),
        *("const", "http://x.org/a", "www.x.fr", "12 345", "10:30", ":)", ";-)", "<3", "1,5"),
        *("l'", "qu’", "jusqu'", "(", "«", "\u2003", "\u2000"),
    ]
)
TEXTS = st.lists(PIECES, max_size=40).map("".join)
SEEDS = Path("/work/shared/corpus/seeds")


def _shipped() -> list[ContextPattern]:
    found: dict[int, ContextPattern] = {}

    def walk(value: object, depth: int = 0) -> None:
        if isinstance(value, ContextPattern):
            found[id(value)] = value
        elif isinstance(value, (list, tuple)) and depth < 3:
            for item in value:
                walk(item, depth + 1)

    for module in _modules():
        for value in vars(module).values():
            walk(value)
    return list(found.values())


SHIPPED = _shipped()


def _same(pattern: ContextPattern, text: str) -> None:
    expected = [m.span() for m in pattern.reference.finditer(text)]
    assert pattern.spans(text) == expected
    assert [m.span() for m in pattern.finditer(text)] == expected
    assert pattern.findall(text) == [text[s:e] for s, e in expected]
    first = pattern.search(text)
    assert (first and first.span()) == (expected[0] if expected else None)


def test_the_repairs_hot_look_arounds_are_context_patterns():
    sources = {p.reference.source[:20] for p in SHIPPED}
    assert len(SHIPPED) >= 12, sources


@pytest.mark.parametrize("pattern", SHIPPED, ids=lambda p: p.reference.source[:40])
@settings(max_examples=150, deadline=None)
@given(text=TEXTS)
def test_context_pattern_agrees_with_its_reference(pattern: ContextPattern, text: str):
    _same(pattern, text)


@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
def test_code_line_agrees_with_its_word_boundary_form(text: str):
    assert CODE_LINE.engine == "re2"
    expected = [m.span() for m in CODE_LINE_REFERENCE.compiled.finditer(text)]
    assert [m.span() for m in CODE_LINE.finditer(text)] == expected
    for m in CODE_LINE_REFERENCE.compiled.finditer(text):
        assert CODE_LINE.match(text, m.start()).span() == m.span()


STAMP_PIECES = st.sampled_from(
    [*" \t\n:T", "Date", "POSTED", "updated", "last Updated", "PUBLİSHED", "Veröffentlicht"]
    + ["MIS À JOUR LE", "publié le", "Actualizado", "2020-01-02", "1/2/20", "12.3.2020", "10:30"]
    + [":05", "The", "the", "«", "“", '"', "é", "ǅ", "ſ", "\u212a", "x"]
)

STAMPS = (
    "Published 2020-01-02 The x",
    "UPDATED: 12.3.2020 10:30 «Hi",
    "publié le 1/2/20 été",
    "PUBLİSHED 2020-01-02 X",
    "posted 2020-01-02T10:30 X",
    "  Date:1/2/20 \u212aelvin",
)


@settings(max_examples=300, deadline=None)
@given(text=st.lists(STAMP_PIECES, max_size=12).map("".join))
@example(STAMPS[0])
@example(STAMPS[1])
@example(STAMPS[2])
@example(STAMPS[3])
@example(STAMPS[4])
@example(STAMPS[5])
def test_the_date_prefix_agrees_with_its_case_insensitive_reference(text: str):
    from textclean.boilerplate.classify import _PREFIX_STAMP

    _same(_PREFIX_STAMP, text)
    if text in STAMPS:
        assert _PREFIX_STAMP.search(text) is not None


def test_lone_surrogates_fall_back_to_the_reference():
    pattern = next(p for p in SHIPPED if "n['’]t\\b" in p.reference.source)
    text = "do n't \ud800 ca n’t"
    assert pattern.findall(text) == pattern.reference.findall(text)
    assert len(pattern.findall(text)) == 2


def test_a_context_pattern_pickles_as_its_sources():
    import pickle

    for pattern in SHIPPED:
        copy = pickle.loads(pickle.dumps(pattern))
        assert copy.linear == pattern.linear and copy.behind == pattern.behind
        assert copy.reference.source == pattern.reference.source


def test_an_untranslatable_linear_form_is_refused():
    with pytest.raises(ValueError, match="RE2"):
        ContextPattern(Pattern(r"(?<=a)b"), r"(?<=a)(b)")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not present")
def test_context_patterns_agree_on_seed_articles():
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text("utf-8")
        for pattern in SHIPPED:
            _same(pattern, text)
        assert [m.span() for m in CODE_LINE.finditer(text)] == [
            m.span() for m in CODE_LINE_REFERENCE.compiled.finditer(text)
        ]
