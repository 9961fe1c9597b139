"""Acronym consistency: look-alikes of a defined acronym are repaired, names never."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textclean import Document
from textclean.changes import apply_changes
from textclean.registry import create
from textclean.repair.acronyms import (
    _ACRONYM,
    _PARENS,
    FixAcronyms,
    acronym_edits,
    defined_acronyms,
    fix_acronyms,
    is_acronym,
    long_form,
    near_misses,
)

AI_DEFINED = "According to the firm, artificial intelligence (AI) is a powerful tool. "


@pytest.mark.parametrize(
    ("short", "before", "expected"),
    [
        ("AI", "artificial intelligence", "artificial intelligence"),
        (
            "NIST",
            "the National Institute of Standards and Technology",
            "National Institute of Standards and Technology",
        ),
        ("ACLU", "In 2018 the American Civil Liberties Union", "American Civil Liberties Union"),
        ("WHO", "said the World Health Organization", "World Health Organization"),
        ("AI", "said the company on Monday", None),
        ("ICE", "police", None),
    ],
)
def test_long_form_follows_the_letters(short: str, before: str, expected: str | None) -> None:
    assert long_form(short, before) == expected


def test_definitions_in_both_orders() -> None:
    text = "The World Health Organization (WHO) said AI (artificial intelligence) helps. Sales (2020) rose."
    assert defined_acronyms(text) == {
        "WHO": "World Health Organization",
        "AI": "artificial intelligence",
    }


def test_seed_003_reads_ai_systems(seeds: dict[str, str]) -> None:
    text = next(t for k, t in seeds.items() if k.startswith("003"))
    assert "Al systems" in text
    fixed, changes = acronym_edits(text)
    assert "users of AI systems" in fixed and "Al systems" not in fixed
    assert "that AI is tested" in fixed
    assert apply_changes(text, changes) == fixed
    assert {c.before for c in changes} == {"Al"}


@pytest.mark.parametrize("prefix", ["000", "001", "002", "004"])
def test_other_seeds_are_untouched(seeds: dict[str, str], prefix: str) -> None:
    text = next(t for k, t in seeds.items() if k.startswith(prefix))
    assert fix_acronyms(text) == text


def test_look_alikes_are_repaired_only_where_defined() -> None:
    assert fix_acronyms(AI_DEFINED + "Vendors of Al systems must test Al.") == (
        AI_DEFINED + "Vendors of AI systems must test AI."
    )
    undefined = "Vendors of Al systems must test Al."
    assert fix_acronyms(undefined) == undefined


@pytest.mark.parametrize(
    "name",
    [
        "Al Gore spoke at the event.",
        "Fans of Weird Al laughed.",
        "Reports on Al-Qaeda grew.",
        "Al Jazeera reported it.",
    ],
)
def test_names_leave_the_document_alone(name: str) -> None:
    text = AI_DEFINED + name + " Users of Al systems agree."
    assert fix_acronyms(text) == text


def test_zero_for_o() -> None:
    text = (
        "The World Health Organization (WHO) met. The WH0 said so; WHO0 and WH0s are other tokens."
    )
    assert fix_acronyms(text) == text.replace("The WH0 said", "The WHO said")


def test_near_misses_swap_every_confusable_subset() -> None:
    assert near_misses("OIO") == ["0I0", "0IO", "0l0", "0lO", "OI0", "Ol0", "OlO"]
    assert near_misses("ACLU") == []
    assert near_misses("AI", ("I:l1",)) == ["A1", "Al"]


def test_step_records_replayable_changes_and_pickles() -> None:
    step = create("fix_acronyms")
    assert isinstance(step, FixAcronyms) and step.name == "fix_acronyms"
    doc = Document("d", AI_DEFINED + "Users of Al systems agree.")
    result = step.process(doc)
    assert result.output.text.endswith("Users of AI systems agree.")
    assert apply_changes(doc.text, result.changes) == result.output.text
    assert pickle.loads(pickle.dumps(step)) == step
    assert create("fix_acronyms", confusables=["O:0"])(doc).text == doc.text


WORDS = st.sampled_from(
    ["Al", "AI", "the", "systems", "Gore", "(AI)", "artificial", "intelligence", ".", "WH0"]
)


@given(st.lists(WORDS, max_size=40).map(" ".join))
def test_idempotent(text: str) -> None:
    once = fix_acronyms(text)
    assert fix_acronyms(once) == once


@given(st.lists(WORDS, max_size=40).map(" ".join))
def test_changes_replay(text: str) -> None:
    fixed, changes = acronym_edits(text)
    assert apply_changes(text, changes) == fixed


@given(st.text(alphabet=st.characters(blacklist_characters="()"), max_size=200))
def test_text_without_a_definition_is_unchanged(text: str) -> None:
    assert fix_acronyms(text) == text


@given(
    st.lists(st.sampled_from([*"AIOZaz09&lÉ (", "AT&T", "COVID"]), max_size=10).map("".join)
    | st.text(max_size=12)
)
def test_is_acronym_is_a_whole_match_of_the_acronym_pattern(word: str) -> None:
    assert is_acronym(word) == (_ACRONYM.fullmatch(word) is not None)


def _defined_by_scan(text: str) -> dict[str, str]:
    """`defined_acronyms` as one scan of every parenthesis with the pattern."""
    found: dict[str, str] = {}
    for match in _PARENS.finditer(text):
        inner = match.group(1)
        head = text[max(0, match.start() - 300) : match.start()]
        clause = head[max(map(head.rfind, ".;:!?()[]")) + 1 :]
        if _ACRONYM.fullmatch(inner):
            long = long_form(inner, clause)
            if long:
                found.setdefault(inner, long)
            continue
        words = clause.split()
        if words and _ACRONYM.fullmatch(words[-1]) and long_form(words[-1], inner) == inner.strip():
            found.setdefault(words[-1], inner.strip())
    return found


_DEFINITION_PIECES = [
    *"() \n\t\u00a0\u2003.;AIWHO",
    "artificial intelligence",
    "World Health Organization",
    "AI ",
    "WHO",
    " (AI)",
    "( AI )",
    "x" * 90,
]


@given(st.lists(st.sampled_from(_DEFINITION_PIECES), max_size=16).map("".join))
def test_definitions_are_those_of_a_scan_of_every_parenthesis(text: str) -> None:
    assert defined_acronyms(text) == _defined_by_scan(text)
