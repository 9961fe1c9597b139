"""In-context spun repair: signal phrases are rewritten only in clearly spun text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textclean import Document
from textclean.changes import apply_changes
from textclean.repair import fix_spun
from textclean.repair.lexicon import builtin_entries, load_lexicon, normalize
from textclean.repair.spun import FixSpun, repair_spun, spun_edits

#: Three phrases no writer uses: the evidence that makes a document clearly spun.
CARRIER = (
    "Officials say the rules, such as for instance the new limits, will continue steadily to "
    "apply while interpersonal distancing stays in place. The report describes {} in detail. "
    "Critics said the plan was rushed and that the agency would revisit it next year."
)


# --- the law enforcement family: only the spinner's words are replaced ------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "recognition technology for legal reasons enforcement",
            "recognition technology for law enforcement",
        ),
        (
            "Police and for legal reasons enforcement agencies",
            "Police and law enforcement agencies",
        ),
        ("help for legal reasons enforcement agencies", "help law enforcement agencies"),
        ("the for legal reasons enforcement officers", "the law enforcement officers"),
        ("calls for legal reasons enforcement reform", "calls for law enforcement reform"),
        ("Legal reasons enforcement", "Law enforcement"),
        ("for legal reasons, enforcement", "for legal reasons, enforcement"),
    ],
)
def test_law_enforcement_family(text: str, expected: str) -> None:
    assert fix_spun(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("firms such as for instance Clearview", "firms such as Clearview"),
        (
            "social networking sites such as for instance Facebook",
            "social media sites such as Facebook",
        ),
        ("it will continue steadily to allow", "it will continue to allow"),
        ("it continues steadily to grow", "it continues to grow"),
        ("20% in once case", "20% in one case"),
        ("amid interpersonal distancing rules", "amid social distancing rules"),
        ("Banks in the united kingdom", "Banks in the United Kingdom"),
    ],
)
def test_news_repair_families(text: str, expected: str) -> None:
    assert fix_spun(text) == expected


# --- evidence levels ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "They got back the missing young ones.",
        "A split study found much more than 80% agreed, nevertheless the data were thin.",
        "Firms such as for instance Clearview and young ones online.",  # one repair phrase
        "It will continue steadily to grow, such as for instance in split study designs.",  # two
    ],
)
def test_weak_evidence_leaves_signals(text: str) -> None:
    fixed = fix_spun(text)
    for signal in ("young ones", "split study", "much more than", "nevertheless the"):
        assert (signal in text) == (signal in fixed)


def test_strong_evidence_rewrites_signals() -> None:
    fixed = fix_spun(CARRIER.format("a split study of young ones"))
    assert "describes a separate study of children in detail" in fixed


def test_in_context_can_be_turned_off() -> None:
    text = CARRIER.format("a split study")
    assert "split study" in FixSpun(in_context=False).edit(text)[0]
    assert "separate study" in FixSpun().edit(text)[0]
    assert "split study" in repair_spun(text, context=None)[0]


def test_step_counts_earlier_repairs_as_evidence() -> None:
    doc = Document("d", "A split study of 40 people.").annotate("spun_repairs", 3)
    assert FixSpun(context_min_score=0).process(doc).output.text == "A separate study of 40 people."


def test_correct_phrases_are_never_context_repairs() -> None:
    lexicon = load_lexicon()
    correct = {normalize(e.replacement) for e in builtin_entries() if e.replacement}
    assert not correct & {normalize(k) for k in lexicon.context_keys}


# --- the screener's tortured phrases in a clearly spun document --------------------------


def test_tortured_phrases_in_spun_context(shared_data: Path) -> None:
    """Seen in at least 10 papers: at least 80% repaired, expected phrases kept in 99%."""
    path = shared_data / "tortured-phrases" / "pairs.jsonl"
    pairs = [json.loads(line) for line in path.open(encoding="utf-8")]
    pairs = [
        p
        for p in pairs
        if p["num_papers"] >= 10 and not (p["uncertain"] or p["proximity"] or p["long_note"])
    ]
    assert len(pairs) > 3000
    repaired = sum(
        f"describes {normalize(p['expected'])} in detail"
        in normalize(fix_spun(CARRIER.format(p["tortured"])))
        for p in pairs
    )
    kept = sum(
        f"describes {p['expected']} in detail" in fix_spun(CARRIER.format(p["expected"]))
        for p in pairs
    )
    assert repaired >= 0.8 * len(pairs)
    assert kept >= 0.99 * len(pairs)


# --- laws ---------------------------------------------------------------------------------

NEWS = [e for e in builtin_entries() if e.source == "news"]
SPUN = st.sampled_from([e.phrase for e in NEWS])
FILLER = st.sampled_from(["the", "data", "study", "for", "as", "more", "than", ".", ",", "\n"])
SPUN_TEXT = st.lists(st.one_of(SPUN, FILLER), min_size=1, max_size=40).map(
    lambda words: CARRIER.format(" ".join(words))
)


@given(SPUN_TEXT)
def test_idempotent_in_context(text: str) -> None:
    once = fix_spun(text)
    assert fix_spun(once) == once


@given(SPUN_TEXT)
def test_context_edits_replay(text: str) -> None:
    fixed, changes = spun_edits(text)
    assert apply_changes(text, changes) == fixed


@given(st.lists(FILLER, max_size=40).map(" ".join))
def test_text_without_repair_phrases_is_unchanged(text: str) -> None:
    assert fix_spun(text) == text
