"""The pii step: what it finds inside prose, what it leaves alone, and its records."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textclean import Document, registry
from textclean.changes import apply_changes
from textclean.errors import ConfigError
from textclean.pii import KINDS, find_pii, redact_pii
from textclean.pii.step import PLACEHOLDERS, Pii, pii_changes
from textclean.testing import sentences

_word = st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)
_digits = lambda n: st.text("0123456789", min_size=n, max_size=n)  # noqa: E731
_nxx = st.builds(lambda a, b: a + b, st.sampled_from("23456789"), _digits(2))

emails = st.builds(
    lambda user, sep, more, host, tld: f"{user}{sep}{more}@{host}.{tld}",
    _word,
    st.sampled_from([".", "_", "+", ""]),
    _word,
    _word,
    st.sampled_from(["com", "org", "de", "co.uk", "info"]),
)
phones = st.one_of(
    st.builds(lambda a, b, c: f"({a}) {b}-{c}", _nxx, _nxx, _digits(4)),
    st.builds(lambda a, b, c: f"{a}-{b}-{c}", _nxx, _nxx, _digits(4)),
    st.builds(lambda a, b, c: f"+1 {a} {b} {c}", _nxx, _nxx, _digits(4)),
    st.builds(lambda a, b: f"+44 20 {a} {b}", _digits(4), _digits(4)),
    st.builds(
        lambda g: "0" + g[0][1] + " " + " ".join(g[1:]),
        st.lists(_digits(2), min_size=5, max_size=5),
    ),
)
ipv4 = st.builds(
    lambda o: ".".join(map(str, o)), st.lists(st.integers(0, 255), min_size=4, max_size=4)
)
ipv6 = st.builds(
    lambda g, cut: (
        ":".join(g) if cut is None else ":".join(g[:cut]) + "::" + ":".join(g[cut + 1 :])
    ),
    st.lists(st.integers(0, 0xFFFF).map(lambda n: f"{n:x}"), min_size=8, max_size=8),
    st.one_of(st.none(), st.integers(1, 6)),
).filter(lambda s: any(len(g) == 4 for g in s.split(":")) or "::" in s)
urls = st.builds(
    lambda scheme, host, path: f"{scheme}{host}.example.com/{path}",
    st.sampled_from(["https://", "http://", "www."]),
    _word,
    _word,
)
PII = {"email": emails, "phone": phones, "ip": st.one_of(ipv4, ipv6), "url": urls}


@st.composite
def prose_with(draw: st.DrawFn, kind: str) -> tuple[str, str, str]:
    """A sentence, then ``kind`` after a lead-in, then another sentence."""
    value = draw(PII[kind])
    lead = draw(st.sampled_from(["Contact:", "See", "It was", "(source"]))
    close = ")" if lead.startswith("(") else draw(st.sampled_from([".", ",", ";", ""]))
    return f"{draw(sentences())} {lead} {value}{close} {draw(sentences())}", value, kind


@given(st.sampled_from(KINDS).flatmap(prose_with))
def test_pii_in_prose_is_found_whole(case):
    text, value, kind = case
    found = [(f.kind, text[f.start : f.end]) for f in find_pii(text)]
    assert found == [(kind, value)]


@given(st.sampled_from(KINDS).flatmap(prose_with))
def test_redaction_leaves_a_typed_placeholder_and_no_trace(case):
    text, value, kind = case
    out = redact_pii(text)
    assert value not in out and out.count(PLACEHOLDERS[kind]) == 1
    assert out.replace(PLACEHOLDERS[kind], value) == text


@given(st.sampled_from(KINDS).flatmap(prose_with), st.sampled_from(["redact", "remove"]))
def test_changes_replay_to_the_output(case, mode):
    text, _, _ = case
    result = Pii(mode=mode).process(Document("a", text))
    assert apply_changes(text, result.changes) == result.output.text


@given(st.sampled_from(KINDS).flatmap(prose_with))
def test_kinds_not_chosen_stay(case):
    text, _, kind = case
    others = tuple(k for k in KINDS if k != kind)
    assert redact_pii(text, others) == text


@given(sentences(), sentences())
def test_prose_alone_is_untouched(a, b):
    assert find_pii(f"{a} {b}") == []


NEAR_MISSES = [
    "Version 1.2.3.4.5 shipped; upgrade to v2.10.4.1 now.",
    "Windows build 10.0.19041.1234 is out.",
    "It sold for $1,234.56, or €555.1234 a unit.",
    "On 2024-05-06 and 06/05/2024 and 06.05.2024 at 10:30:45.",
    "A crowd of 30 000 000 and 1 234 567 people.",
    "ISBN 978-3-16-148410-0 and ISBN 0-306-40615-2.",
    "Order number 5551234567 and code 4111111111111111.",
    "Scores were 3-2, 10-12 and 1:2:3:4:5:6:7:8.",
    "Use std::vector and a::b in C++.",
    "The icon is logo@2x.png, the handle @example.",
    "Write to user@localhost or a..b@example.com.",
    "Population 123-456-7890 is not a phone.",
    "Address 256.1.1.1 and 01.02.03.04 are not IPs.",
    "Released in 1999.2000 and 2001.",
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_misses_are_not_pii(text):
    assert find_pii(text) == [], [text[f.start : f.end] for f in find_pii(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mail a.b+c@mail.example.co.uk.", "Mail <EMAIL>."),
        ("Call (555) 234-5678!", "Call <PHONE>!"),
        ("Ring +33 6 12 34 56 78 today", "Ring <PHONE> today"),
        ("Host 10.0.0.1, or 2001:db8::ff00:42:8329.", "Host <IP>, or <IP>."),
        ("Go to http://10.0.0.1/admin.", "Go to <URL>."),
        ("See (https://en.wikipedia.org/wiki/Foo_(bar)).", "See (<URL>)."),
        ("Visit www.example.org, then mail me.", "Visit <URL>, then mail me."),
    ],
)
def test_cases_are_redacted(text, expected):
    assert redact_pii(text) == expected


def test_remove_mode_leaves_no_double_space():
    assert redact_pii("Write to ann@example.org today.", mode="remove") == "Write to today."
    assert redact_pii("Write to ann@example.org.", mode="remove") == "Write to."


def test_step_records_changes_and_counts():
    step = registry.create("pii", kinds=["email", "phone"])
    result = step.process(Document("a", "ann@example.org, (555) 234-5678, 10.0.0.1"))
    assert [c.kind for c in result.changes] == ["pii:email", "pii:phone"]
    assert {c.reason for c in result.changes} == {"email address redacted", "phone number redacted"}
    assert result.output.record["pii"] == {"email": 1, "phone": 1}
    assert result.output.text.endswith("10.0.0.1")


def test_pii_changes_are_empty_for_clean_text():
    assert pii_changes("Nothing to see here.") == []


@pytest.mark.parametrize("options", [{"mode": "mask"}, {"kinds": ["ssn"]}, {"kinds": []}])
def test_pii_rejects_bad_options(options):
    with pytest.raises(ConfigError, match="pii"):
        registry.create("pii", **options)


@pytest.mark.parametrize("unit", ["12 ", "1.", "1:", "+12 ", "a@"])
def test_cost_is_linear_on_hostile_runs(unit):
    import time

    def cost(n: int) -> float:
        # The least of three runs: one run can be slowed by other jobs on the machine.
        text = unit * n
        runs = []
        for _ in range(3):
            started = time.process_time()
            find_pii(text)
            runs.append(time.process_time() - started)
        return min(runs)

    cost(1000)
    small, large = cost(5_000), cost(20_000)
    assert (large / max(small, 1e-3)) ** 0.5 < 3.0


def test_pii_names_are_exported():
    import textclean.pii as pii

    assert pii.Pii is Pii and set(pii.__all__) == {
        "KINDS",
        "Found",
        "Pii",
        "find_pii",
        "redact_pii",
    }
