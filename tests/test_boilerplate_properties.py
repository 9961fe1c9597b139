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


CREDITED = [
    "A family leaves the area following a reported airstrike on the east of the city. (AP Photo/Jane Roe)",
    "ABC News",
    "Rescuers pull a child out from under the rubble of a building after the bombardment. (AP Photo/Jane Roe)",
    "Residents walk past the ruins of the market on the morning after the strike. (AP Photo/Jane Roe)",
]


def test_paragraphs_that_end_in_credits_are_stripped_to_a_fixed_point():
    # No line ends like a sentence until the credits are cut; the output then
    # reads as article prose and must not lose more when stripped again.
    once = strip_boilerplate("\n".join(CREDITED))
    assert "AP Photo" not in once
    assert strip_boilerplate(once) == once


def test_a_line_left_as_furniture_by_its_cuts_is_judged_again():
    # The first round cuts "Click here to subscribe."; what is left of the line
    # is judged again on its own, in the same call, not only when stripped twice.
    page = "\n".join(
        [
            "The council approved the new budget on Tuesday after a long debate about the park.",
            "Officials said the changes would take effect next year and would not raise taxes.",
            "The minister welcomed the decision in a statement and described it as a fair outcome.",
            "Residents questioned the plan. Click here to subscribe. This site is protected by reCAPTCHA",
        ]
    )
    once = strip_boilerplate(page)
    assert "subscribe" not in once
    assert strip_boilerplate(once) == once


def test_real_pages_settled_within_the_rounds_are_fixed_points(shared_data, monkeypatch):
    # A page is a fixed point once a round removes nothing; only a page still
    # losing lines in the last round allowed (`MAX_ROUNDS`) may lose more.
    import json

    from textclean.boilerplate import classify

    rounds = []
    judge = classify._model_round

    def counted(*args, **kwargs):
        rounds.append(1)
        return judge(*args, **kwargs)

    monkeypatch.setattr(classify, "_model_round", counted)
    path = shared_data / "boilerplate-dev" / "lines.jsonl"
    pages = [json.loads(line)["lines"] for line in path.read_text(encoding="utf-8").splitlines()]
    settled = 0
    for lines in pages[::2]:
        rounds.clear()
        once = strip_boilerplate("\n".join(lines))
        if len(rounds) < classify.MAX_ROUNDS:
            settled += 1
            assert strip_boilerplate(once) == once
    assert settled >= len(pages[::2]) * 0.9
