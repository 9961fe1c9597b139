"""Laws of the boilerplate step, checked on generated pages."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from textclean.boilerplate import strip_boilerplate
from textclean.boilerplate.step import Boilerplate
from textclean.changes import apply_changes
from textclean.document import Document

SUBJECTS = [
    "The council",
    "A spokesperson",
    "Officials",
    "The company",
    "Residents",
    "The minister",
    "Police",
]
VERBS = ["approved", "rejected", "announced", "questioned", "delayed", "described", "welcomed"]
OBJECTS = ["the plan", "a new budget", "the proposal", "the changes", "an inquiry", "the decision"]
TAILS = [
    "on Tuesday",
    "after a long debate",
    "in a statement",
    "last year",
    "for the second time",
    "",
]
FURNITURE = [
    "Share on Facebook",
    "Advertisement",
    "Log in",
    "Read time 4 min",
    "Sign up for our newsletter",
    "© 2021 Example Media. All rights reserved.",
    "Privacy Policy",
    "____",
    "By Maria Keller",
    "Most popular",
    "Home",
    "News",
]

sentence = st.builds(
    lambda s, v, o, t: f"{s} {v} {o}{' ' + t if t else ''}.",
    st.sampled_from(SUBJECTS),
    st.sampled_from(VERBS),
    st.sampled_from(OBJECTS),
    st.sampled_from(TAILS),
)
content_line = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
any_line = st.one_of(content_line, st.sampled_from(FURNITURE), st.just(""), st.text(max_size=40))
page = st.lists(any_line, max_size=25).map("\n".join)


def _first_occurrences(lines: list[str]) -> list[str]:
    """Each non-blank line once: a paragraph repeated word for word is furniture."""
    seen: set[str] = set()
    out = []
    for line in lines:
        if line and line in seen:
            continue
        seen.add(line)
        out.append(line)
    return out


content_page = st.lists(st.one_of(content_line, st.just("")), min_size=1, max_size=20).map(
    lambda lines: "\n".join(_first_occurrences(lines))
)


@given(page)
def test_idempotent(text):
    once = strip_boilerplate(text)
    assert strip_boilerplate(once) == once


@given(page)
def test_never_adds_text(text):
    result = Boilerplate().process(Document("d", text))
    assert all(c.after == "" for c in result.changes)
    assert apply_changes(text, result.changes) == result.output.text


@given(content_page)
def test_ordinary_content_is_unchanged(text):
    assert strip_boilerplate(text) == text


@given(page)
def test_annotate_keeps_text_byte_identical(text):
    out = Boilerplate(mode="annotate")(Document("d", text))
    assert out.text == text
