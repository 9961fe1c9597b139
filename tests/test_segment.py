"""Sentence segmentation: offsets, hard cases of web text, and its laws."""

from __future__ import annotations

import sys

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from textclean.segment import (
    _ABBREVIATION_ENDS,
    _CJK_TERMINALS,
    _CLOSERS,
    _OPENERS,
    _TERMINALS,
    LINE_BREAKS,
    MAY_END,
    NUMBERED,
    TITLES,
    WHITESPACE,
    _abbreviation_kind,
    _candidates,
    _line_bounds,
    _lines_with_candidates,
    _next_word,
    _next_word_start,
    _prev_token,
    split_lines,
    split_lines_and_sentences,
    split_sentences,
)


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


CASES = [
    # closing quotes after terminal punctuation
    (
        "He said “it must be stopped.” Then he left.",
        ["He said “it must be stopped.”", "Then he left."],
    ),
    ("“Why?” she asked. Nobody knew.", ["“Why?” she asked.", "Nobody knew."]),
    (
        "“We stand ready to help.”. “Face it,” said Ozer.",
        ["“We stand ready to help.”.", "“Face it,” said Ozer."],
    ),
    # a detached closing quote stays with its sentence
    ("It must be stopped. ” Amazon said so.", ["It must be stopped. ”", "Amazon said so."]),
    ("It must be stopped. ”, amazon says so.", ["It must be stopped. ”, amazon says so."]),
    # abbreviations and titles
    (
        "Sen. Ron Wyden (D-Ore.), said no. Mr. Smith agreed.",
        ["Sen. Ron Wyden (D-Ore.), said no.", "Mr. Smith agreed."],
    ),
    (
        "Racial injustice in the U.S. and elsewhere grew.",
        ["Racial injustice in the U.S. and elsewhere grew."],
    ),
    ("He moved to the U.S. The move was hard.", ["He moved to the U.S.", "The move was hard."]),
    ("Acme Inc. The firm grew.", ["Acme Inc.", "The firm grew."]),
    ("Acme Inc. Chief Executive Jo Doe spoke.", ["Acme Inc. Chief Executive Jo Doe spoke."]),
    (
        "Some fruit, e.g. apples, i.e. food. Dr. No left.",
        ["Some fruit, e.g. apples, i.e. food.", "Dr. No left."],
    ),
    (
        "It opened on Jan. 5 in town. J. Smith came.",
        ["It opened on Jan. 5 in town.", "J. Smith came."],
    ),
    ("We met at 3 p.m. on Friday.", ["We met at 3 p.m. on Friday."]),
    # decimals, numbers, money, times
    (
        "Error rates of just 0.8%, notably. Amazon spent $16.8m on it.",
        ["Error rates of just 0.8%, notably.", "Amazon spent $16.8m on it."],
    ),
    (
        "Last modified on Fri 12 Jun 2020 12.13 BST. Note that.",
        ["Last modified on Fri 12 Jun 2020 12.13 BST.", "Note that."],
    ),
    ("It rose in 2019. 5 people quit.", ["It rose in 2019.", "5 people quit."]),
    ("1. Introduction to the topic", ["1. Introduction to the topic"]),
    # ellipses
    (
        "The murder of … “This threat will stay,” she said.",
        ["The murder of …", "“This threat will stay,” she said."],
    ),
    ("Wait... what happened? Nothing...", ["Wait... what happened?", "Nothing..."]),
    # URLs and e-mails
    (
        "Visit www.example.com/a.html?x=1 today. Mail me at jo.doe@example.org. Thanks.",
        ["Visit www.example.com/a.html?x=1 today.", "Mail me at jo.doe@example.org.", "Thanks."],
    ),
    # European and CJK punctuation
    (
        "¿Dónde está? ¡Aquí! « C'est fini. » Oui.",
        ["¿Dónde está?", "¡Aquí!", "« C'est fini. »", "Oui."],
    ),
    ("今天很好。你呢？我很好！", ["今天很好。", "你呢？", "我很好！"]),
    # line breaks are hard boundaries
    (
        "Share on facebook\nShare on twitter\r\nDr.\nSmith",
        ["Share on facebook", "Share on twitter", "Dr.", "Smith"],
    ),
    ("", []),
    (" \n\t ", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_cases(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_whitespace_constant_matches_str_isspace() -> None:
    every = {chr(i) for i in range(sys.maxunicode + 1) if chr(i).isspace()}
    assert set(WHITESPACE) == every
    assert {c for c in every if len(("a" + c + "b").splitlines()) == 2} == set(LINE_BREAKS)


def test_lines_and_sentences_agree() -> None:
    text = "One. Two.\n\n  Three four.  \nFive"
    grouped = split_lines_and_sentences(text)
    assert [s for line in grouped for s in line] == split_sentences(text)
    assert [[s.text for s in line] for line in grouped] == [
        ["One.", "Two."],
        ["Three four."],
        ["Five"],
    ]
    assert [s.text for s in split_lines(text)] == ["One. Two.", "Three four.", "Five"]


def test_run_on_seed_segments_with_exact_offsets(seeds: dict[str, str]) -> None:
    run_on = next(text for key, text in seeds.items() if key.startswith("002"))
    sentences = split_sentences(run_on)
    assert len(sentences) > 80
    assert all(run_on[s.start : s.end] == s.text for s in sentences)
    assert "Amazon spent $16.8m on lobbying in 2019." in [s.text for s in sentences]
    assert (
        "“We hope this one-year moratorium might give Congress enough time to implement "
        "appropriate rules, and we stand ready to help if requested.”."
    ) in [s.text for s in sentences]


def check_spans(text: str) -> None:
    sentences = split_sentences(text)
    pos = 0
    covered = []
    for s in sentences:
        assert pos <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert not s.text[0].isspace() and not s.text[-1].isspace()
        covered.append(s.text)
        pos = s.end
    assert "".join("".join(covered).split()) == "".join(text.split())


@given(st.text())
def test_offsets_valid_ordered_and_covering_on_any_unicode(text: str) -> None:
    check_spans(text)


@given(st.text(alphabet=st.sampled_from(list("aB1 .!?…”“\"'()\n。¿«»U.S.Mr"))))
def test_offsets_valid_on_punctuation_heavy_text(text: str) -> None:
    check_spans(text)


WORD = st.from_regex(r"[a-z]{2,9}", fullmatch=True)
SENTENCE = st.builds(
    lambda first, rest, end: " ".join([first.capitalize(), *rest]) + end,
    WORD,
    st.lists(WORD, max_size=12),
    st.sampled_from([".", "!", "?", ".”", "?”"]),
)


@given(st.lists(SENTENCE, min_size=1, max_size=8), st.sampled_from([" ", "  ", "\u00a0", " \t"]))
def test_joining_prose_and_resplitting_is_stable(sentences: list[str], gap: str) -> None:
    found = texts(gap.join(sentences))
    assert texts(" ".join(found)) == found


#: The candidate ends and line breaks as regular expressions: the plain string
#: code of `textclean.segment` must find exactly what these find.
_CANDIDATE_RE = "[{cjk}][{cjk}{close}]*|[{term}][{term}{close}]*".format(
    cjk=_CJK_TERMINALS, term=_TERMINALS, close="\\" + "\\".join(_CLOSERS)
)
_LINE_BREAK_RE = r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]"
_MARKS = list(_TERMINALS + _CJK_TERMINALS + _CLOSERS + LINE_BREAKS + "ab .\r\n")


@given(st.text() | st.text(alphabet=st.sampled_from(_MARKS)))
def test_candidate_runs_are_the_pattern_matches(text: str) -> None:
    expected = [m.span() for m in regex.finditer(_CANDIDATE_RE, text)]
    assert _candidates(text) == expected


@given(st.text() | st.text(alphabet=st.sampled_from(_MARKS)))
def test_line_bounds_split_where_the_break_pattern_matches(text: str) -> None:
    expected, pos = [], 0
    for m in regex.finditer(_LINE_BREAK_RE, text):
        expected.append((pos, m.start()))
        pos = m.end()
    expected.append((pos, len(text)))
    assert _line_bounds(text) == expected


@given(st.text() | st.text(alphabet=st.sampled_from(_MARKS)))
def test_candidates_of_the_whole_text_are_those_of_its_lines(text: str) -> None:
    for start, end, marks in _lines_with_candidates(text):
        assert marks == [(a + start, b + start) for a, b in _candidates(text[start:end])]


@given(
    st.lists(st.sampled_from(list("ab(“ .\u00a0\t") + ["x" * 45])).map("".join),
    st.integers(min_value=0, max_value=200),
)
def test_previous_token_is_the_word_before_within_forty_characters(line: str, end: int) -> None:
    end = min(end, len(line))
    start = end
    while start > max(0, end - 40) and line[start - 1] not in WHITESPACE:
        start -= 1
    assert _prev_token(line, end) == line[start:end].lstrip(_OPENERS)


_ABBREVIATIONS = sorted(TITLES | MAY_END | NUMBERED)


@given(
    st.lists(st.sampled_from(_ABBREVIATIONS + ["x", "É", "ß", "1", ".", "(", "\u212a"]), max_size=4)
    .map("".join)
    .map(lambda w: w.upper() if len(w) % 3 == 0 else w.title() if len(w) % 3 == 1 else w)
)
def test_four_letters_ending_no_abbreviation_make_no_abbreviation(word: str) -> None:
    tail = word[-4:]
    if len(tail) == 4 and tail.isalpha() and tail.lower() not in _ABBREVIATION_ENDS:
        prev = _prev_token(word + ". The", len(word))
        assert _abbreviation_kind(prev) is None and not prev.isdigit()


@given(st.text(alphabet=st.sampled_from(list("ab“(’' -") + ["\u00e9"])), st.integers(0, 30))
def test_next_word_start_is_the_first_character_of_the_next_word(line: str, pos: int) -> None:
    pos = min(pos, len(line))
    assert _next_word_start(line, pos) == _next_word(line, pos)[:1]
