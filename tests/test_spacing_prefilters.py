"""The cheap tests that spare the spacing patterns never hide a match."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from textclean.repair.spacing_context import (
    _SPLIT_NOT_MARKS,
    SPLIT_NOT,
    TOKEN_SIGNS,
    _may_show_signs,
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
        assert any(mark in text for mark in _SPLIT_NOT_MARKS)


@given(texts)
def test_evidence_counts_as_the_patterns_do(text: str) -> None:
    found = 2 * len(SPLIT_NOT.findall(text)) + len(TOKEN_SIGNS.findall(text))
    assert tokenization_evidence(text) == min(found, 2)
