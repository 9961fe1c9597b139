"""fix_mojibake: case files, the step's records, the seeds, and the laws it keeps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import regex
from case_files import load_cases
from hypothesis import assume, given
from hypothesis import strategies as st

from textclean.changes import Change, apply_changes
from textclean.document import Document
from textclean.errors import ConfigError
from textclean.registry import create, default_names
from textclean.repair import fix_mojibake
from textclean.repair import unicode_controls as uc
from textclean.repair.edits import EditTrail
from textclean.repair.encoding import (
    _beyond_ascii,
    _ftfy,
    _suspect_lines,
    could_be_mojibake,
    mojibake_pattern,
)
from textclean.repair.mojibake import (
    FixMojibake,
    damage_found,
    explain_mojibake,
    may_need_repair,
)

CASES = Path(__file__).parent / "cases" / "repair" / "mojibake.jsonl"


@pytest.mark.parametrize("case", load_cases(CASES))
def test_case(case):
    options = case.get("options", {})
    fixed, changes = explain_mojibake(case["original"], FixMojibake(**options))
    assert fixed == case["fixed"]
    assert apply_changes(case["original"], changes) == fixed
    assert fix_mojibake(fixed, **options) == fixed


def test_case_labels_are_unique():
    labels = [json.loads(line)["label"] for line in CASES.read_text(encoding="utf-8").splitlines()]
    assert len(labels) == len(set(labels))


def test_step_is_registered_first_in_the_default_pipeline():
    names = default_names()
    assert "fix_mojibake" in names
    assert isinstance(create("fix_mojibake"), FixMojibake)
    assert names.index("fix_mojibake") < names.index("fix_spacing")


def test_step_records_replayable_changes():
    doc = Document("d", "Tom &amp; Jerry\r\ndoesnâ€™t\u00a0care\x00")
    result = FixMojibake().process(doc)
    assert result.output.text == "Tom & Jerry\ndoesn’t care"
    kinds = {kind for c in result.changes for kind in c.kind.split("+")}
    assert kinds == {"html_entity", "line_break", "mojibake", "nbsp", "control_char"}
    assert apply_changes(doc.text, result.changes) == result.output.text


def test_unchanged_document_is_returned_as_is():
    doc = Document("d", "“Fine” — really…")
    result = FixMojibake().process(doc)
    assert result.output is doc and result.changes == ()


def test_bad_options_name_the_step():
    with pytest.raises(ConfigError, match="fix_mojibake"):
        FixMojibake(normalization="NFX")
    with pytest.raises(ConfigError, match="fix_mojibake"):
        FixMojibake(unescape_html="sometimes")


def test_seeds_without_damage_get_no_edit(seeds):
    for seed_id, text in seeds.items():
        if seed_id.startswith("002"):
            continue
        assert explain_mojibake(text) == (text, []), seed_id


def test_seed_002_only_loses_no_break_spaces_between_words(seeds):
    text = next(t for k, t in seeds.items() if k.startswith("002"))
    fixed, changes = explain_mojibake(text)
    assert changes and {c.kind for c in changes} == {"nbsp"}
    assert apply_changes(text, changes) == fixed
    assert fixed.replace("\u00a0", " ") == text.replace("\u00a0", " ")
    # A no-break space stays only as a tie after a one-letter word.
    assert all(fixed[i - 2] == " " for i, ch in enumerate(fixed) if ch == "\u00a0")


# --- properties ---------------------------------------------------------------

CLEAN_WORDS = [
    "café", "naïve", "Straße", "“quoted”", "it’s", "—", "…", "–", "‘single’", "Москва",
    "東京", "Ελλάδα", "niño", "São", "œuvre", "€5", "½", "±2", "°C", "«oui»", "עברית",
    "the", "news", "said", "2020", "(AP)", "U.S.", "e-mail", "Zürich", "Kraków", "😀",
    "a", "résumé", "Dvořák", "İstanbul", "ﬁne", "ＡＢ", "x²", "José’s", "•", "™", "©",
]  # fmt: skip
clean_text = st.lists(st.sampled_from(CLEAN_WORDS), max_size=25).map(" ".join)


@given(st.text())
def test_idempotent(text):
    once = fix_mojibake(text)
    assert fix_mojibake(once) == once


@given(clean_text)
def test_clean_text_is_unchanged(text):
    assert explain_mojibake(text) == (text, [])


@given(st.text())
def test_any_input_gives_valid_utf8(text):
    fixed = fix_mojibake(text)
    fixed.encode("utf-8")  # raises on a lone surrogate


@given(
    st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("\ud83d\ude00\udc80\x00\x85"))
)
def test_records_replay(text):
    fixed, changes = explain_mojibake(text)
    assert apply_changes(text, changes) == fixed


@given(clean_text, st.sampled_from(["latin-1", "sloppy-windows-1252"]))
def test_mojibake_round_trips_where_ftfy_can(text, encoding):
    import ftfy.bad_codecs  # noqa: F401  registers the sloppy codecs

    damaged = text.encode("utf-8").decode(encoding)
    ftfy, config = _ftfy()
    assume(ftfy.fix_encoding(damaged, config) == text)
    assert fix_mojibake(damaged) == text


def _charmap_images() -> list[str]:
    import ftfy.bad_codecs  # noqa: F401
    from ftfy import chardata

    chars = set(" ?\ufffdab")
    for enc in chardata.CHARMAP_ENCODINGS:
        for b in range(0x80, 0x100):
            try:
                chars.add(bytes([b]).decode(enc))
            except UnicodeDecodeError:
                pass
    return sorted(chars)


@given(
    st.text(alphabet=_charmap_images(), max_size=8)
    | st.text(alphabet=_charmap_images() + list("abc  "), min_size=20, max_size=60)
)
def test_fast_path_skips_only_text_ftfy_would_keep(text):
    ftfy, config = _ftfy()
    if not could_be_mojibake(text):
        assert ftfy.fix_encoding(text, config) == text


@given(clean_text)
def test_fast_path_takes_clean_text(text):
    normalizable = any(w in text for w in ("ﬁne", "ＡＢ"))
    assert not may_need_repair(text) or normalizable or "é" in text or "½" in text


# --- edit composition ---------------------------------------------------------

edits = st.lists(
    st.tuples(st.integers(0, 25), st.integers(0, 3), st.text(alphabet="XYZ", max_size=3)),
    max_size=4,
)


@given(st.text(alphabet="abc ", max_size=20), st.lists(edits, max_size=4))
def test_edit_trail_composes_passes_into_replayable_records(text, passes):
    trail, current = EditTrail(text), text
    for raw in passes:
        changes, last = [], -1
        for start, length, after in sorted(raw):
            end = min(len(current), start + length)
            if start < last or start > len(current) or (start == last and start == end):
                continue
            changes.append(Change("k", start, end, current[start:end], after))
            last = end
        trail.apply(changes)
        current = apply_changes(current, changes)
    assert trail.text == current
    assert apply_changes(text, trail.changes()) == current


INVISIBLE_PIECES = st.sampled_from(
    [*"\u200b\u200c\u200d\u00ad\u180e\u2060\ufeff", *"aΩЖก中क्ع .1_\n", "👨", "\U0001f3fb"]
    + ["\ufe0f", "\u20e3", "\u0301", "\ud800", "ſ", "\u0e01\u200b\u0e02", "a\u200b\u200bb"]
)


@given(st.lists(INVISIBLE_PIECES, max_size=16).map("".join))
def test_invisible_characters_are_found_where_their_pattern_finds_them(text):
    expected = [m.span() for m in uc.ZERO_WIDTH.compiled.finditer(text)]
    assert [(c.start, c.end) for c in uc.zero_width_changes(text)] == expected


@given(st.text(max_size=40))
def test_characters_beyond_ascii_are_those_of_the_text(text: str) -> None:
    assert _beyond_ascii(text) == {ch for ch in text if not ch.isascii()}


#: What `damage_found` reports, as one character class.
DAMAGE_CLASS = regex.compile(
    r"[&\x00-\x08\x0b\x0d-\x1f\x7f-\x9f\u00a0\u00ad\u180e\u2000-\u200d\u2028-\u202f"
    r"\u205f-\u206f\ufeff\ufff9-\ufffc\ud800-\udfff]"
)
DAMAGE_PIECES = st.sampled_from(
    [*"&\x00\x0b\x1b\x7f\x85\u00a0\u00ad\u200b\u2028\u202f\u2060\ufeff\ufffc\ud800"]
    + [*"a \t\n\x0c\r~é’—€\U0001f600\u2000\u206f\ufff8"]
)


@given(st.lists(DAMAGE_PIECES, max_size=16).map("".join) | st.text(max_size=40))
def test_damage_found_is_what_the_damage_class_matches(text: str) -> None:
    assert damage_found(text) == set(DAMAGE_CLASS.findall(text))


@given(
    st.lists(st.sampled_from(["ok", "\n", " ", "Ã©", "â€™", "Ã", "\x85", "\ud800"]), max_size=12)
)
def test_suspect_lines_are_the_lines_the_pattern_matches(pieces: list[str]) -> None:
    text = "".join(pieces)
    expected, offset = [], 0
    for line in text.split("\n"):
        if mojibake_pattern().search(line) is not None:
            expected.append((offset, offset + len(line)))
        offset += len(line) + 1
    assert _suspect_lines(text) == expected
