"""The phrase automaton in front of the lexicon's word split never hides a candidate."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from textclean.repair.lexicon import _words_of_lower, load_lexicon

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
