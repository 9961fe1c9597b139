"""Word scans by translate and split give the matches of the pattern they stand for."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from textclean.patterns import Pattern
from textclean.wordscan import run_scanner

WORDISH = st.text(
    st.sampled_from(list("ab Z9_'’ \t\n\x1c\x85\u00a0\u2028éß\u0301\u200d\u3000日½٣-.,\ud800")),
    max_size=60,
)
SOURCES = [r"\w+", r"\S+", r"\w+(?:['’]\w+)*", r"\w+(?:[.'’]\w+)*", r"\d+", r"[a-z]+"]


@given(WORDISH | st.text(max_size=60))
def test_a_word_scan_finds_what_regex_finds(text: str) -> None:
    for source in SOURCES:
        pattern = Pattern(source)
        assert run_scanner(source) is not None
        assert pattern.findall(text) == pattern.compiled.findall(text), source


def test_other_patterns_keep_their_engine() -> None:
    for source in (r"[\w-]+", r"\w+(?:[a']\w+)*", r"\w+\s", r"(\w+)"):
        assert run_scanner(source) is None, source


@given(WORDISH | st.text(max_size=60), st.data())
def test_a_spaced_text_splits_into_the_matches_of_any_uncut_slice(text: str, data) -> None:
    for source in SOURCES:
        pattern = Pattern(source)
        scanner = run_scanner(source)
        assert scanner is not None
        spaced = scanner.spaced(text)
        if spaced is None:
            continue
        assert len(spaced) == len(text)
        assert spaced.split() == pattern.compiled.findall(text), source
        cut = data.draw(st.integers(0, len(text)))
        if cut in (0, len(text)) or text[cut - 1].isspace():
            assert spaced[:cut].split() == pattern.compiled.findall(text[:cut]), source
