"""Laws the quality filter relies on to compute words and n-grams once per page."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from textclean.filters.regions import RECYCLE_N, SentenceWords, _recycled_chars, window_bounds
from textclean.filters.repetition import (
    duplicate_ngram_fraction,
    duplicate_ngram_fractions,
    recycled_words,
    top_ngram_fraction,
    top_ngram_fractions,
    words,
)
from textclean.filters.snippets import names_in
from textclean.filters.word_grams import WordGrams

# Prose-like text: words, apostrophes, sentence punctuation, quotes, line breaks, CJK.
_ALPHABET = st.sampled_from(list("ab Zé’'.!?…”“«»)( \n\t,;:1。再") + ["...", "U.S.", "Mr.", " "])
texts = st.lists(_ALPHABET, max_size=80).map("".join)
tokens = st.lists(st.sampled_from(["a", "b", "cc", "d"]), max_size=40)


@given(texts)
def test_sentence_boundaries_never_cut_a_word(text: str) -> None:
    parts = SentenceWords.of(text)
    assert [w for ws in parts.folded for w in ws] == words(text)


@given(tokens, st.integers(5, 9))
def test_a_repeated_longer_ngram_implies_a_repeated_shorter_one(toks: list[str], n: int) -> None:
    if duplicate_ngram_fraction(toks, n + 1) > 0:
        assert duplicate_ngram_fraction(toks, n) > 0


@given(tokens | st.lists(st.sampled_from(["a", "b"]), max_size=60))
def test_ngram_fractions_from_repeated_starts_equal_each_full_scan(toks: list[str]) -> None:
    ns = (5, 6, 7, 8, 9, 10)
    assert duplicate_ngram_fractions(toks, ns) == [duplicate_ngram_fraction(toks, n) for n in ns]


@given(tokens | st.lists(st.sampled_from(["a", "b"]), max_size=60))
def test_top_ngram_fractions_from_repeated_starts_equal_each_full_count(toks: list[str]) -> None:
    ns = (2, 3, 4)
    assert top_ngram_fractions(toks, ns) == [top_ngram_fraction(toks, n) for n in ns]


@given(tokens, st.integers(2, 4))
def test_top_ngram_takes_the_greatest_of_the_most_frequent(toks: list[str], n: int) -> None:
    grams = Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))
    total = sum(map(len, toks))
    expected = 0.0
    if grams and total:
        gram, k = max(grams.items(), key=lambda kv: (kv[1], kv[0]))
        expected = 0.0 if k < 2 else min(1.0, sum(map(len, gram)) * k / total)
    assert top_ngram_fraction(toks, n) == expected


def _recycled_by_loop(text: str) -> list[float]:
    """Each window's recycled share, with `recycled_words` window after window."""
    parts = SentenceWords.of(text)
    seen: set[tuple[str, ...]] = set()
    shares = []
    for _start, _end, a, b in window_bounds(text, parts):
        flat = [w for ws in parts.folded[a:b] for w in ws]
        covered = recycled_words(flat, RECYCLE_N, seen)
        shares.append(sum(len(flat[i]) for i in covered) / (sum(map(len, flat)) or 1))
    return shares


_SENTENCE = st.lists(st.sampled_from(["a", "b", "cc", "d", "Bé"]), min_size=1, max_size=12).map(
    lambda ws: " ".join(ws) + ". "
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_SENTENCE, max_size=60).map("".join))
def test_window_recycling_from_codes_equals_the_word_by_word_count(text: str) -> None:
    parts = SentenceWords.of(text)
    spans = window_bounds(text, parts)
    grams = WordGrams([w for ws in parts.folded for w in ws])
    reused, chars = _recycled_chars(parts, spans, grams)
    assert [r / (c or 1) for r, c in zip(reused, chars, strict=True)] == _recycled_by_loop(text)


def _names_by_loop(tokenized: list[list[str]]) -> set[str]:
    capital: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for tokens in tokenized:
        for i, word in enumerate(tokens):
            if not word[:1].isalpha():
                continue
            if word.islower():
                lower[word] += 1
            elif i > 0 and word[0].isupper() and not word.isupper():
                capital[word.casefold()] += 1
    return {w for w, n in lower.items() if n >= 2 and capital[w] >= n}


@given(
    st.lists(st.lists(st.sampled_from(["amazon", "Amazon", "AMAZON", "ⓐmazon", "Ⓐmazon", "1a"])))
)
def test_names_are_lower_case_words_as_often_capitalised(tokenized: list[list[str]]) -> None:
    assert names_in(tokenized) == _names_by_loop(tokenized)
