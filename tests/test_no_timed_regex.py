"""The default pipeline makes no `regex` call under a timeout on ordinary text.

Every pattern it runs on a page is served by RE2 (a `Pattern` RE2 can
express, a `ContextPattern`, a rule's existence form from
`textclean.existence`, or, for a rule with look-arounds, ``\b`` or possessive
runs inside it, its form from `textclean.spent_conditions`; a spun phrase's
`PhraseMatch`) or by plain string code. The timed path (`Pattern._guard`)
is patched to fail, and the pipeline runs on the example corpus and on lines
written to reach every rewritten pattern. The existence forms are also
checked against the patterns they stand for, on random lines built from the
pieces the rules read.
"""

from __future__ import annotations

import json

import pytest
import re2
import regex
from conftest import EXAMPLES_DIR
from hypothesis import given, settings
from hypothesis import strategies as st

from textclean import Document, Pipeline
from textclean.boilerplate.classify import builtin_rules
from textclean.existence import existence
from textclean.filters.page_signals import _CLOCK, _YEAR
from textclean.patterns import FOLDS_APART, Pattern, _existence_for
from textclean.re2_syntax import _every_code_point
from textclean.repair.acronyms import token_spans
from textclean.repair.lexicon import _compile, load_lexicon

REACHING = """\
Published on January 5, 2020 at 10:30 am
Updated: 12/05/2019
Veröffentlicht am 3. März 2021, 14:00 Uhr
Mis à jour le 4 avril 2020
Corina June 28, 2012 at 3:08 pm
We use cookies to improve your experience. By continuing you agree to our Terms.
Sign up for our newsletter to get the top stories delivered to your inbox every morning.
Photo: Getty Images / Reuters
Read more » 5 min read
Opinions expressed by contributors are their own.
L' avion d' Air France est arrivé jusqu' à Paris, qu' il soit dit.
The council,\u00a0which met on Monday,\u2003voted for a plan.
Artificial intelligence (AI) is a tool. Users of Al systems agree. See https://example.org/a?b=c.
For legal reasons enforcement officers said a large number of people came to the planet.
`code span` and text.
Share on Facebook
Click to print (Opens in new window)
Follow Jane O'Neil-Smith. on Twitter
By Jane Doe and John Roe
Von Jürgen Ölberg und Eva Klein
(Reporting by Jane Doe; Editing by Tom Roe)
View all posts by Jane Doe »
(Photo: Getty Images)
Home » News » World
Posted in News | 3 Comments
Back to top
pass\u200bword 👨\u200d👩 \ufeffsoft\u00adhyphen ZWNJ\u200c here \u0e01\u200b\u0e02
市政府周二宣布，将在明年春季开通三条公交线路。交通局负责人表示，新线路将每十分钟发一班车。
市は火曜日、来年の春から新しいバス路線を三つ開設すると発表した。नगर निगम ने घोषणा की।
"""

#: The built-in rules no existence form could be written for until look-arounds, ``\b``
#: and possessive runs were spent on the characters beside them (`textclean.spent_conditions`),
#: each with a line of `REACHING` it condemns.
SPENT_RULES = {
    "share_button": "Share on Facebook",
    "share_prompt": "Click to print (Opens in new window)",
    "follow_prompt": "Follow Jane O'Neil-Smith. on Twitter",
    "byline": "Von Jürgen Ölberg und Eva Klein",
    "reporting_credit": "(Reporting by Jane Doe; Editing by Tom Roe)",
    "author_link": "View all posts by Jane Doe »",
    "image_credit": "(Photo: Getty Images)",
    "breadcrumb": "Home » News » World",
    "related_links": "Posted in News | 3 Comments",
    "nav_link": "Back to top",
}


def _timed(self: Pattern, call: object, text: str, *args: object) -> None:
    raise AssertionError(f"timed regex call: step {self.step!r}, pattern {self.source[:80]!r}")


def _documents() -> list[Document]:
    with open(EXAMPLES_DIR / "corpus.jsonl", encoding="utf-8") as fh:
        docs = [Document(str(i), json.loads(line)["text"], {}) for i, line in enumerate(fh)]
    paragraphs = REACHING.split("\n")
    docs.append(Document("reaching", REACHING, {}))
    docs += [Document(f"line{i}", line, {}) for i, line in enumerate(paragraphs) if line]
    return docs


def test_the_default_pipeline_makes_no_timed_regex_call(monkeypatch):
    monkeypatch.setattr(Pattern, "_guard", _timed)
    outcomes = list(Pipeline.default().outcomes(_documents()))
    assert len(outcomes) == len(_documents())


def test_no_builtin_rule_needs_a_timed_confirmation():
    refused = {
        r.reason for r in builtin_rules().rules if existence(r.pattern, caseless=True) is None
    }
    assert refused == set()
    for rule in builtin_rules().rules:
        assert _existence_for(rule.pattern, regex.I | regex.V0) is not None, rule.reason


@pytest.mark.parametrize("reason", sorted(SPENT_RULES))
def test_a_rule_with_a_spent_form_is_reached_and_answers_on_re2(monkeypatch, reason):
    monkeypatch.setattr(Pattern, "_guard", _timed)
    line = SPENT_RULES[reason]
    assert line in REACHING
    assert builtin_rules().match(line)[1] == reason


RULE_PIECES = st.sampled_from(
    [
        *"aé .,:;|/-_()[]»›>&•·–—+@\n0123456789",
        *("\u00a0", "ⓒ", "©", "İ", "ſ", "’", "'", "Jan", "jan.", "2020", "10:30", "pm", "at "),
        *("\u0301", "Ä", "Ölberg", "O'Neil", "Smith-Jones.", "J.", "de ", "von ", "und ", "et"),
        *("share ", "click to ", "print", "follow ", "us", "@jane", "and ", "for ", "in ", "y "),
        *("reporting by ", "editing by ", "about the author", "view all posts by", "(photo"),
        *("[image", "credit", "via", "home", " » ", " › ", " / ", "posted in ", "comments"),
        *("permalink", "menu", "back to top", "search in ", "next", " shares", "twitter", "_"),
        *("photo", "Photo: ", "getty images", "by ", "By ", "Jane", "Doe", "news", "delivered"),
        *("inbox", "every morning", "read", "min read", "cookies", "we use", "our", "terms"),
        *("published", "updated", "subscribe to", "newsletter", "share on", "facebook", "x"),
        *("opinions expressed", "are their own", "Veröffentlicht am", "uhr", "le ", "posted in"),
    ]
)
LINES = st.lists(RULE_PIECES, max_size=14).map("".join)
WITH_EXISTENCE = [r.pattern for r in builtin_rules().rules] + [_CLOCK.source, _YEAR.source]


@pytest.mark.parametrize("source", WITH_EXISTENCE, ids=lambda s: s[:40])
@settings(max_examples=25, deadline=None)
@given(line=LINES)
def test_contains_agrees_with_a_regex_search(source: str, line: str):
    pattern = Pattern(source, regex.I | regex.V0)
    assert pattern.contains(line) == (pattern.compiled.search(line) is not None)


ENTRIES = sorted(load_lexicon().entries.values(), key=lambda e: e.key)[::40]


@settings(max_examples=200, deadline=None)
@given(
    entry=st.sampled_from(ENTRIES),
    around=st.lists(st.sampled_from([" ", "  \n", "_", "é", "-", "x", "ſ", "'", "İ"]), max_size=6),
    overlapped=st.booleans(),
)
def test_a_phrase_match_finds_what_its_look_around_pattern_finds(entry, around, overlapped):
    words = entry.key.split()
    text = "".join(around) + " ".join(words + words[:1]) + " " + entry.key.upper() + "".join(around)
    matcher = _compile(entry)
    found = matcher.reference.compiled.finditer(text, overlapped=overlapped)
    assert matcher.spans(text, overlapped) == [m.span() for m in found]


@settings(max_examples=300, deadline=None)
@given(
    token=st.text("AIl&0", min_size=1, max_size=3),
    text=st.lists(st.sampled_from(["AI", "l", "I", "&", " ", "é", "_", "A", ",", "0"])).map(
        "".join
    ),
)
def test_token_spans_are_the_look_around_pattern_spans(token: str, text: str):
    reference = regex.compile(rf"(?<![\w&]){regex.escape(token)}(?![\w&])")
    assert token_spans(text, token) == [m.span() for m in reference.finditer(text)]


def test_the_shipped_rules_are_valid_patterns():
    # A worker does not check the shipped rules when it builds them; this does.
    for rule in builtin_rules().rules:
        regex.compile(rule.pattern, regex.I | regex.V0)


def test_the_letters_re2_folds_apart_are_listed():
    letters = {c for r in builtin_rules().rules for c in r.pattern if c.isalpha()}
    letters |= set("abcdefghijklmnopqrstuvwxyz")
    every = _every_code_point()
    options = re2.Options()
    options.case_sensitive = False
    apart = set()
    for letter in sorted(letters):
        by_regex = set(regex.findall(f"(?i){regex.escape(letter)}", every))
        by_re2 = {m.group() for m in re2.compile(re2.escape(letter), options).finditer(every)}
        apart |= by_regex ^ by_re2
    assert apart <= FOLDS_APART


def test_a_letter_re2_folds_apart_is_read_as_regex_reads_it(monkeypatch):
    pattern = Pattern(r"\bprivacy policy\b", regex.I | regex.V0)
    monkeypatch.setattr(Pattern, "_guard", _timed)  # the spelled form answers
    assert pattern.contains("Our prİvacy policy")
    assert pattern.contains("Our PRIVACY policy")
    assert not pattern.contains("Our prıvacy policy")


def test_a_spelled_form_answers_a_text_holding_a_letter_re2_folds_apart(monkeypatch):
    (source,) = [r.pattern for r in builtin_rules().rules if r.reason == "byline"][1:2]
    pattern = Pattern(source, regex.I | regex.V0)
    reference = pattern.compiled
    monkeypatch.setattr(Pattern, "_guard", _timed)
    lines = ["By İsmail Doe", "By Jane Doe İn London", "Bİ Jane Doe", "By jane İn"]
    assert [pattern.contains(line) for line in lines] == [
        reference.search(line) is not None for line in lines
    ]
    assert [pattern.contains(line) for line in lines] == [True, True, False, False]
