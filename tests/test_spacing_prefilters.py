"""The cheap tests that spare the spacing patterns never hide a match."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from textclean.phrase_search import holds_any
from textclean.repair import spacing, spacing_context, spacing_quotes
from textclean.repair.spacing_context import (
    CODE_LINE,
    CODE_LINE_REFERENCE,
    SPLIT_NOT,
    SPLIT_NOT_MARKS,
    TOKEN_SIGNS,
    Guard,
    _may_show_signs,
    code_spans,
    may_hold_code,
    tokenization_evidence,
)

_PIECES = list("ab Zé1)]'’”“‘«»,.;:!?\n\t\u2009\x1c") + ["s", "re", "ll", "n't", "n’t", "  "]
texts = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)


@given(texts)
def test_a_text_with_a_token_sign_passes_the_cheap_test(text: str) -> None:
    if TOKEN_SIGNS.findall(text):
        assert _may_show_signs(text)


@given(texts)
def test_a_text_with_a_split_not_holds_its_mark(text: str) -> None:
    if SPLIT_NOT.findall(text):
        assert any(mark in text for mark in SPLIT_NOT_MARKS)


@given(texts)
def test_evidence_counts_as_the_patterns_do(text: str) -> None:
    found = 2 * len(SPLIT_NOT.findall(text)) + len(TOKEN_SIGNS.findall(text))
    assert tokenization_evidence(text) == min(found, 2)


_CODE_PIECES = list("ab (){};=!<>/-&|:+#\n\t \u2009\x1c\u00a0") + [
    "    ",
    "def ",
    "var x",
    "return",
    "f(x)",
]
code_texts = st.lists(st.sampled_from(_CODE_PIECES), max_size=40).map("".join)


@given(code_texts)
def test_a_text_with_a_code_line_passes_the_cheap_test(text: str) -> None:
    if CODE_LINE.findall(text):
        assert may_hold_code(text)


@given(code_texts)
def test_code_spans_are_the_spans_of_the_word_boundary_pattern(text: str) -> None:
    expected = [m.span() for m in CODE_LINE_REFERENCE.compiled.finditer(text)]
    assert code_spans(text) == expected


@given(texts)
def test_a_split_negation_or_contraction_holds_its_mark(text: str) -> None:
    if spacing.SPLIT_NOT.findall(text):
        assert any(mark in text for mark in SPLIT_NOT_MARKS)
    if spacing.CONTRACTION.findall(text):
        assert any(mark in text for mark in spacing.CONTRACTION_MARKS)


def test_lazy_guard_answers_as_an_eager_one() -> None:
    text = "see https://x.org/a , f(x);\n    indented , mail me@x.org :)"
    guard = Guard(text)
    assert [guard.touches(i, i + 1) for i in range(len(text))] == [
        Guard(text).touches(i, i + 1) for i in range(len(text))
    ]
    assert guard.starts and len(guard.starts) == len(guard.ends)


_QUOTE_PIECES = list("ab \n\t\u00a0\"'“”„‘’«»,.;)") + ["  "]
quoted_texts = st.lists(st.sampled_from(_QUOTE_PIECES), max_size=40).map("".join)


@given(quoted_texts)
def test_a_quote_is_detached_exactly_where_its_roles_say(text: str) -> None:
    positions = [i for i, ch in enumerate(text) if ch in spacing_quotes.QUOTE_CHARS]
    for i, _role, detached in spacing_quotes._roles(text, positions):
        assert detached == spacing_quotes._detached(text, i)


@given(texts | st.text(max_size=30))
def test_one_automaton_pass_finds_a_mark_where_a_substring_search_does(text: str) -> None:
    for marks, automaton in (
        (spacing_context._CODE_MARKS, spacing_context._CODE_MARK_SEARCH),
        (spacing_context._SIGN_MARKS, spacing_context._SIGN_MARK_SEARCH),
    ):
        assert holds_any(automaton, text) == any(mark in text for mark in marks)


bracket_texts = st.lists(st.sampled_from([*"([{)]} \tx\n", "( ", " )"]), max_size=20).map("".join)


@given(bracket_texts)
def test_brackets_join_only_where_a_space_is_inside_one(text: str) -> None:
    inner = ("( ", "(\t", "[ ", "[\t", "{ ", "{\t", " )", "\t)", " ]", "\t]", " }", "\t}")
    assert spacing_quotes.has_inner_space(text) == any(pair in text for pair in inner)


@given(texts)
def test_an_elision_passes_the_cheap_test(text: str) -> None:
    if spacing.FRENCH_ELISION.findall(text):
        assert spacing.may_hold_elision(text)


elision_texts = st.lists(
    st.sampled_from([*"lLsSſuUtx ’'(«\n", "qu", "jusqu", "Qu", "l'", "ab", "é", "\u00a0"]),
    max_size=20,
).map("".join)


@given(elision_texts)
def test_a_french_elision_passes_the_cheap_test(text: str) -> None:
    if spacing.FRENCH_ELISION.findall(text):
        assert spacing.may_hold_elision(text)


@given(texts, st.booleans(), st.booleans())
def test_lazy_passes_repair_as_eager_signals_do(text: str, french: bool, tokenized: bool) -> None:
    lazy = spacing._passes(
        spacing.DEFAULT, french=lambda: french, tokenized=lambda: tokenized, english=lambda: True
    )
    guard = Guard(text)
    found = [find(text, guard) for find in lazy]
    expected = [
        spacing.split_not_changes(text, guard),
        spacing.contraction_changes(text, guard),
        spacing.elision_changes(text, guard) if french and tokenized else [],
        spacing_quotes.quote_changes(text, guard, guillemets=tokenized and not french),
        spacing_quotes.bracket_changes(text, guard, unmatched=True) if tokenized else [],
        spacing.punctuation_changes(
            text, guard, full_stops=tokenized, high_punctuation=tokenized and not french
        ),
        spacing.double_space_changes(text, guard),
    ]
    assert found == expected


@given(texts, st.integers(min_value=-1, max_value=5))
def test_evidence_up_to_any_bound_counts_as_the_patterns_do(text: str, enough: int) -> None:
    sample = text[:100_000]
    found = 2 * len(SPLIT_NOT.findall(sample))
    if found < enough:
        found += len(TOKEN_SIGNS.findall(sample))
    assert tokenization_evidence(text, enough) == min(found, enough)
