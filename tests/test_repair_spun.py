"""Spun-text repair: the lexicon is sound, repairs are safe, and clean English is left alone."""

from __future__ import annotations

import json
import pickle
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from textclean import Document
from textclean.changes import apply_changes
from textclean.errors import ConfigError
from textclean.registry import create, default_names
from textclean.repair import fix_spun
from textclean.repair.lexicon import (
    TIERS,
    Entry,
    builtin_entries,
    load_lexicon,
    normalize,
    parse_inline,
    parse_tsv,
)
from textclean.repair.spun import FixSpun, match_case, spin_evidence, spun_edits

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import english_corpus  # noqa: E402

LEXICON = load_lexicon()
REPAIRS = [e for e in builtin_entries() if e.tier == "repair"]
SIGNALS = [e for e in builtin_entries() if e.tier == "signal"]


def seed(seeds: dict[str, str], prefix: str) -> str:
    return next(text for name, text in seeds.items() if name.startswith(prefix))


# --- the lexicon -----------------------------------------------------------------


def test_every_entry_is_well_formed_and_unique() -> None:
    data = (ROOT / "textclean" / "data" / "spun_lexicon.tsv").read_text(encoding="utf-8")
    assert "arXiv:2107.06751" in data and "Format:" in data
    entries = parse_tsv(data)  # raises on a malformed line
    keys = Counter(e.key for e in entries)
    assert [k for k, n in keys.items() if n > 1] == []
    assert {e.tier for e in entries} == set(TIERS)
    assert all(e.source in ("pps", "news") for e in entries)
    assert all(e.papers >= 3 for e in entries if e.source == "pps" and e.tier == "repair")
    assert len(REPAIRS) < len(SIGNALS)  # conservative: most pairs are only evidence


def test_screener_pairs_all_represented(shared_data: Path) -> None:
    shipped = {e.key for e in builtin_entries()}
    rows = [json.loads(line) for line in (shared_data / "tortured-phrases" / "pairs.jsonl").open()]
    usable = {
        normalize(r["tortured"])
        for r in rows
        if not r["long_note"] and r["tortured"] != r["expected"]
    }
    assert len(usable - shipped) <= 2  # a pair whose phrase equals its expectation is left out


def test_no_repair_fires_glued_inside_a_longer_word() -> None:
    for entry in REPAIRS:
        for glued in (
            f"x{entry.phrase}",
            f"{entry.phrase}x",
            f"{entry.phrase}-based",
            f"non-{entry.phrase}",
        ):
            hits = [e for _, _, e in LEXICON.find(glued, ("repair",))]
            assert entry not in hits, glued


def test_no_repair_fires_inside_a_correct_phrase() -> None:
    correct = "\n\n".join(sorted({e.replacement for e in builtin_entries() if e.replacement}))
    assert spun_edits(correct)[1] == []


def test_no_repair_replacement_holds_another_repair() -> None:
    for entry in REPAIRS:
        assert LEXICON.find(entry.replacement, ("repair",)) == [], entry


# --- clean English is left alone ------------------------------------------------------


def test_guard_clean_english_gets_zero_repairs(seeds: dict[str, str]) -> None:
    """Seeds that are not spun, the examples, and Python and package docs on this machine."""
    docs = [(k, t) for k, t in seeds.items() if not k.startswith("004")]
    examples = [json.loads(line) for line in (ROOT / "examples" / "corpus.jsonl").open()]
    docs += [(r["id"], r["text"]) for r in examples if r.get("source") != "content-farm"]
    words = sum(len(t.split()) for _, t in docs)
    # Packages, CMake and Perl docs first; a machine (or a fresh virtual environment)
    # with fewer of them also has Python's own docstrings and /usr/share/doc.
    for sources in (("packages", "cmake", "perl"), ("stdlib",), ("debian",)):
        if words > 1_000_000:
            break
        more = list(english_corpus.documents(sources, max_words=1_100_000 - words))
        docs += more
        words += sum(len(t.split()) for _, t in more)
    assert words > 1_000_000
    repaired = {name: changes for name, text in docs if (changes := spun_edits(text)[1])}
    assert repaired == {}


def test_guard_real_news_pages_get_zero_repairs(shared_data: Path) -> None:
    """181 real news and blog pages (article, navigation, captions, footers)."""
    pages = [json.loads(line) for line in (shared_data / "boilerplate-dev" / "lines.jsonl").open()]
    texts = ["\n".join(page["lines"]) for page in pages]
    assert sum(len(t.split()) for t in texts) > 200_000
    assert [c for t in texts for c in spun_edits(t)[1]] == []


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_clean_seeds_get_no_edit(seeds: dict[str, str], prefix: str) -> None:
    text = seed(seeds, prefix)
    assert FixSpun().process(Document(prefix, text)).changes == ()


# --- the spun seed ---------------------------------------------------------------------


def test_spun_example_is_repaired() -> None:
    record = next(
        r
        for r in map(json.loads, (ROOT / "examples" / "corpus.jsonl").open())
        if r["id"] == "rules-spun"
    )
    fixed = fix_spun(record["text"])
    assert "help law enforcement agencies" in fixed and "continue to expand" in fixed
    assert "cities such as Dayton" in fixed


SEED_004_SOURCE = [
    "technology for law enforcement",
    "firms such as Clearview",
    "continue to “allow”",
    "in one case",
    "missing children",
    "in that study",
    "but the data set",
    "separate study",
    "more than 83%",
    "more than 20%",
    "cited concerns",
    "biggest players",
]


def test_seed_004_reads_as_its_source(seeds: dict[str, str]) -> None:
    """Its repair phrases make it clearly spun, so its signal phrases are rewritten too."""
    text = seed(seeds, "004")
    fixed, changes = spun_edits(text)
    assert apply_changes(text, changes) == fixed
    assert [p for p in SEED_004_SOURCE if p not in fixed] == []
    assert "the United Kingdom" in fixed and "technology law enforcement" not in fixed
    assert spin_evidence(text).repairs >= 3


# --- case and boundaries ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Such as for instance ICE.", "Such as ICE."),
        ("SUCH AS FOR INSTANCE ICE", "SUCH AS ICE"),
        ("a Counterfeit Consciousness lab", "a Artificial Intelligence lab"),
        ("such as\nfor instance", "such as"),
        ("such as\n\nfor instance", "such as\n\nfor instance"),
        ("such as for instances", "such as for instances"),
        ("non-such as for instance", "non-such as for instance"),
        ("The United Kingdom and the united kingdom", "The United Kingdom and the United Kingdom"),
        ("all lower case: the united kingdom", "all lower case: the united kingdom"),
        ("men and women", "men and women"),
    ],
)
def test_word_boundary_and_case(text: str, expected: str) -> None:
    assert fix_spun(text) == expected


def test_match_case_keeps_lower_case() -> None:
    assert (
        match_case("counterfeit consciousness", "artificial intelligence")
        == "artificial intelligence"
    )


# --- user entries through config ------------------------------------------------------------


def test_inline_entries_add_demote_and_remove() -> None:
    text = "It will continue steadily to grow, such as for instance here, with red tape galore."
    added = FixSpun(entries=("repair: red tape galore -> much red tape",))
    assert added(Document("a", text)).text.endswith("with much red tape.")
    demoted = FixSpun(entries=("signal: continue steadily to",))
    assert "continue steadily to" in demoted(Document("a", text)).text
    removed = FixSpun(entries=["off: such as for instance"])  # a list, as TOML gives
    assert "such as for instance" in removed(Document("a", text)).text


def test_lexicon_file_and_exact_case(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text(
        "# mine\nphrase\treplacement\ttier\tcase\nbig apple\tBig Apple\trepair\texact\n",
        encoding="utf-8",
    )
    step = FixSpun(lexicon_files=(str(path),), builtin=False)
    assert (
        step(Document("a", "the big apple and the Big apple")).text
        == "the Big Apple and the Big apple"
    )


@pytest.mark.parametrize("bad", ["repair: x", "fix: a -> b", "repair: a -> a", "signal:  "])
def test_bad_inline_entry_is_a_config_error(bad: str) -> None:
    with pytest.raises(ConfigError):
        parse_inline(bad)
    with pytest.raises(ConfigError):
        create("fix_spun", entries=[bad])(Document("a", "text"))


def test_malformed_file_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("ok phrase\tfine\tsignal\nbroken line\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="bad.tsv:2"):
        load_lexicon((str(path),))


# --- the step --------------------------------------------------------------------------------------


def test_step_is_registered_records_and_pickles() -> None:
    assert "fix_spun" in default_names()
    step = create("fix_spun")
    doc = Document("d", "Police and for legal reasons enforcement agencies.", {"url": "u"})
    result = step.process(doc)
    assert result.output.text == "Police and law enforcement agencies."
    assert result.output.record["spun_repairs"] == 1 and result.output.meta["url"] == "u"
    assert apply_changes(doc.text, result.changes) == result.output.text
    assert "law enforcement" in result.changes[0].reason
    assert pickle.loads(pickle.dumps(step)) == step


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("such as for instance for instance", "such as"),
        (
            "A, such as for instance for instance for instance B in once case.",
            "A, such as B in one case.",
        ),
        ("x such as for instance y such as for instance for instance z", "x such as y such as z"),
    ],
)
def test_repair_that_completes_another_phrase_still_replays(text: str, expected: str) -> None:
    fixed, changes = spun_edits(text)
    assert fixed == expected and apply_changes(text, changes) == fixed
    assert all(c.before == text[c.start : c.end] for c in changes)


# --- laws -------------------------------------------------------------------------------------------

PHRASES = st.sampled_from(
    [e.phrase for e in REPAIRS[:200] + SIGNALS[:100] if e.source == "news"]
    + [e.phrase for e in REPAIRS[::40]]
)
CASED = st.tuples(PHRASES, st.sampled_from([str.lower, str.upper, str.capitalize, str.title])).map(
    lambda p: p[1](p[0])
)
FILLER = st.sampled_from(
    ["the", "for", "instance", "as", "such", "law", "and", "a", ",", ".", "\n", "-", "x"]
)
TEXT = st.lists(st.one_of(CASED, FILLER), max_size=30).map(" ".join)


@given(TEXT)
def test_idempotent(text: str) -> None:
    once = fix_spun(text)
    assert fix_spun(once) == once


@given(TEXT)
def test_changes_replay(text: str) -> None:
    fixed, changes = spun_edits(text)
    assert apply_changes(text, changes) == fixed


REPAIR_KEYS = [f" {e.key} " for e in REPAIRS]
VOCAB = sorted({w for e in REPAIRS for w in e.key.split()})


@given(
    st.lists(
        st.sampled_from(VOCAB[:300] + VOCAB[-300:] + ["such", "as", "for", "instance"]), max_size=25
    )
)
def test_text_holding_no_repair_phrase_is_unchanged(words: list[str]) -> None:
    text = " ".join(words)
    assume(not any(key in f" {text} " for key in REPAIR_KEYS))
    assert fix_spun(text) == text


def test_entry_identity_ignores_case_and_spacing() -> None:
    assert Entry("Such  As", "such", "signal").key == Entry("such as", "x", "signal").key
