"""Laws the quality filter relies on to compute words and n-grams once per page."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from textclean.filters.char_counts import letters_and_digits
from textclean.filters.page_signals import MIN_LOWERED_PAIRS, lowered_name_rate
from textclean.filters.regions import RECYCLE_N, SentenceWords, _recycled_chars, window_bounds
from textclean.filters.repetition import (
    _PARAGRAPH_BREAK,
    duplicate_fractions,
    duplicate_ngram_fraction,
    duplicate_ngram_fractions,
    paragraphs,
    recycled_words,
    top_ngram_fraction,
    top_ngram_fractions,
    words,
)
from textclean.filters.snippets import (
    Vocabulary,
    cased_words,
    is_query_word,
    name_pair_repeats,
    names_in,
)
from textclean.filters.stopwords import STOP_WORDS
from textclean.filters.word_grams import WordGrams
from textclean.segment import split_sentences

# Prose-like text: words, apostrophes, sentence punctuation, quotes, line breaks, CJK.
_ALPHABET = st.sampled_from(list("ab Zé’'.!?…”“«»)( \n\t,;:1。再") + ["...", "U.S.", "Mr.", " "])
texts = st.lists(_ALPHABET, max_size=80).map("".join)
tokens = st.lists(st.sampled_from(["a", "b", "cc", "d"]), max_size=40)


@given(texts)
def test_sentence_boundaries_never_cut_a_word(text: str) -> None:
    parts = SentenceWords.of(text)
    assert [w for ws in parts.folded for w in ws] == words(text)


@given(texts | st.text(max_size=80))
def test_sentence_words_from_one_spaced_text_are_each_sentences_own(text: str) -> None:
    parts = SentenceWords.of(text)
    cased = [cased_words(s.text) for s in split_sentences(text)]
    assert parts.cased == cased
    assert parts.folded == [[w.casefold() for w in ws] for ws in cased]
    assert parts.words == [w for ws in parts.folded for w in ws]


@given(texts | st.text(max_size=80))
def test_counts_and_codes_from_distinct_words_equal_those_of_every_word(text: str) -> None:
    parts = SentenceWords.of(text)
    assert parts.vocabulary() == Vocabulary.of(parts.cased)
    grams, direct = parts.grams(), WordGrams(parts.words)
    assert list(grams.tokens) == parts.words and grams.total == direct.total
    assert grams.lengths.tolist() == direct.lengths.tolist()
    for n in range(1, 6):
        assert grams.codes(n).tolist() == direct.codes(n).tolist()
        assert grams.top(n) == direct.top(n)


def test_case_folding_never_makes_or_removes_a_space() -> None:
    for ch in map(chr, range(0x110000)):
        folded = ch.casefold()
        assert folded and (ch.isspace() or not any(map(str.isspace, folded))), hex(ord(ch))
        assert not ch.isspace() or folded == ch, hex(ord(ch))


@given(texts | st.text(max_size=80))
def test_letters_and_digits_are_counted_as_each_character_says(text: str) -> None:
    digits = sum(ch.isdigit() for ch in text)
    letters = sum(ch.isalpha() and not ch.isdigit() for ch in text)
    assert letters_and_digits(text) == (letters, digits)


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


_NAMED_WORDS = st.sampled_from(
    ["andrea", "Andrea", "kelly", "Kelly", "KELLY", "the", "The", "news", "of", "ab", "Xy", "1a"]
)
_STOP = frozenset().union(*STOP_WORDS.values())


def _lowered_name_rate_by_loop(cased: list[list[str]]) -> float:
    pairs: Counter[tuple[str, str]] = Counter()
    named: set[str] = set()
    words = 0
    for ws in cased:
        words += len(ws)
        for i, w in enumerate(ws):
            if i > 0 and len(w) > 2 and w[0].isupper() and w[1:].islower():
                named.add(w.casefold())
            if i + 1 < len(ws):
                a, b = w, ws[i + 1]
                if all(x.islower() and len(x) > 2 and x not in _STOP for x in (a, b)):
                    pairs[(a, b)] += 1
    top = max((n for (a, b), n in pairs.items() if a in named or b in named), default=0)
    return 1000.0 * top / words if words and top >= MIN_LOWERED_PAIRS else 0.0


def _name_pairs_by_loop(cased: list[list[str]], names: set[str]) -> int:
    pairs: Counter[tuple[str, str]] = Counter()
    for ws in cased:
        for a, b in zip(ws, ws[1:], strict=False):
            if (a in names or b in names) and is_query_word(a) and is_query_word(b):
                pairs[(a, b)] += 1
    return max(pairs.values(), default=0)


@given(st.lists(st.lists(_NAMED_WORDS, max_size=10), max_size=12))
def test_name_pair_signals_equal_the_pair_by_pair_count(cased: list[list[str]]) -> None:
    assert lowered_name_rate(cased) == _lowered_name_rate_by_loop(cased)
    names = names_in(cased)
    assert name_pair_repeats(cased, names) == _name_pairs_by_loop(cased, names)
    for chosen in ({"andrea"}, {"andrea", "kelly"}, {"news"}):
        assert name_pair_repeats(cased, chosen) == _name_pairs_by_loop(cased, chosen)


def _duplicate_fractions_by_loop(pieces: list[str]) -> tuple[float, float]:
    seen: set[str] = set()
    count = dup_count = chars = dup_chars = 0
    for piece in pieces:
        key = " ".join(piece.split()).casefold()
        if not key:
            continue
        count += 1
        chars += len(key)
        if key in seen:
            dup_count += 1
            dup_chars += len(key)
        seen.add(key)
    return (dup_count / count if count else 0.0, dup_chars / chars if chars else 0.0)


@given(st.lists(st.sampled_from(["Share", "share ", " SHARE", "", " ", "News  here.", "ß", "ss"])))
def test_duplicate_fractions_equal_the_piece_by_piece_count(pieces: list[str]) -> None:
    assert duplicate_fractions(pieces) == _duplicate_fractions_by_loop(pieces)


_BREAKY = st.text(
    st.sampled_from(list("a. \n\t\r\x0b\x0c\x1c\x1f\x85\xa0\u2028\u3000")), max_size=40
)


@given(_BREAKY | st.text(max_size=40))
def test_paragraphs_are_the_pattern_split(text: str) -> None:
    assert paragraphs(text) == _PARAGRAPH_BREAK.split(text.strip())
