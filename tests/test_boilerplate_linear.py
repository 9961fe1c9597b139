"""The linear-time forms of the boilerplate matchers decide exactly what the
backtracking forms they replace decided, and finish on hostile pages."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from textclean.boilerplate.classify import builtin_rules, classify_lines
from textclean.boilerplate.features import is_quoted
from textclean.boilerplate.quotes import has_quotation
from textclean.boilerplate.rules import starts, whole

#: The quotation as one backtracking expression: right, but quadratic on long words.
REFERENCE_QUOTATION = regex.compile(
    r"“[^”“]*?\S+\s+\S+\s+\S+[^”“]*”|„[^“”„]*?\S+\s+\S+\s+\S+[^“”„]*[“”]"
    r"|«[^»«]*?\S+\s+\S+\s+\S+[^»«]*»|\"[^\"]*?\S+\s+\S+\s+\S+[^\"]*\""
)
#: Backtracking edges: any split of a leading punctuation run.
REFERENCE_EDGE = r"[\s\p{P}\p{S}]*"
QUOTE_SOUP = st.text(alphabet='ab “”„«»"\n\u00a0', max_size=24)
EDGE_TEXT = st.text(alphabet=" -–|»([:•©.,!a", max_size=6)


@given(QUOTE_SOUP)
def test_has_quotation_agrees_with_the_backtracking_expression(text):
    assert has_quotation(text) == (REFERENCE_QUOTATION.search(text) is not None)


FURNITURE = [
    "Share on Facebook",
    "(Photo: Reuters)",
    "[Image via Flickr]",
    "(Reporting by Jane Doe)",
    "Published June 10, 2020",
    "3 / 12",
    "12 comments",
    "© 2020 Example Media",
    "Advertisement",
    "By Jane Doe",
    "Follow us on Twitter",
]
ANCHORED = [r.pattern for r in builtin_rules().rules if r.anchored]


@given(EDGE_TEXT, st.sampled_from(FURNITURE), EDGE_TEXT)
def test_possessive_edges_match_what_backtracking_edges_matched(head, furniture, tail):
    """Punctuation around furniture wording: every anchored rule decides as before."""
    text = head + furniture + tail
    for pattern in ANCHORED:
        backtracking = pattern.replace(r"[\s\p{P}\p{S}]*+", REFERENCE_EDGE)
        before = regex.match(backtracking, text, regex.I | regex.V0) is not None
        assert (regex.match(pattern, text, regex.I | regex.V0) is not None) == before, pattern


def test_a_bracketed_credit_still_needs_its_bracket():
    pattern = whole(r"(?<=[\[(])(?:photo)\b[^\])]*[\])]")
    assert regex.match(pattern, "— (Photo: AP)", regex.I)
    assert not regex.match(pattern, "Photo: AP)", regex.I)
    assert regex.match(starts("share on"), "»  Share on X", regex.I)


def test_scare_quotes_protect_a_sentence():
    assert is_quoted("Officials called it “severe” or “emergency” level.")
    assert not is_quoted("Officials called it “severe” today.")


def test_hostile_lines_are_classified():
    """Long runs of quotes, spaces and punctuation: the classifier returns."""
    lines = [
        '"“”‘’' * 20_000,
        "“" + "a " * 50_000,
        "—" * 100_000 + " Share on Facebook",
        " " * 100_000,
        "5 " + "· " * 50_000,
    ]
    verdicts = classify_lines(lines)
    assert len(verdicts) == len(lines)
    assert not verdicts[2].keep  # long punctuation run, then furniture
