"""The phrase automaton in front of the lexicon's word split never hides a candidate."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from textclean.repair.lexicon import _PUNCT, _words_of_lower, holds_word, load_lexicon, word_count

_PHRASES = [
    "for legal reasons enforcement",
    "such as for instance",
    "counterfeit consciousness",
    "once case",
    "men and women",
]
_PIECES = [*_PHRASES, *" ’'-.,\n", "For", "Legal", "reasons", "enforce", "ment", "such", "as", "é"]
texts = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


def _reference(matcher, text: str) -> list:
    low = text.lower()
    words = _words_of_lower(low)
    present = [
        entry
        for anchor in sorted(matcher.anchors.intersection(words))
        for runs, entry in matcher.groups[anchor]
        if runs <= words
    ]
    flat = " ".join(low.replace("’", "'").split())
    return [entry for entry in present if entry.key.lower() in flat]


@given(texts | st.text(max_size=80))
def test_candidates_are_those_of_the_full_word_split(text: str) -> None:
    lexicon = load_lexicon()
    for tiers in (("repair",), ("repair", "signal")):
        matcher = lexicon.matcher(tiers)
        assert matcher.candidates(text) == _reference(matcher, text)


_WORD_PIECES = ["and", "men", "x", "_", "©", "é", "2", "’", "'", " ", "\n", "-", "İ", "ǅ", "²"]
word_texts = st.lists(st.sampled_from(_WORD_PIECES), max_size=20).map("".join)


@given(word_texts | st.text(max_size=60), st.sampled_from(["and", "men", "x", "é", "2", "x_2"]))
def test_a_word_is_held_where_the_full_word_split_has_it(text: str, word: str) -> None:
    low = text.lower()
    assert holds_word(_PUNCT(low), word) == (word in _words_of_lower(low))


@given(word_texts | st.text(max_size=60))
def test_word_count_is_the_whitespace_split(text: str) -> None:
    assert word_count(text) == len(text.split())
