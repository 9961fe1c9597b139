"""fix_spacing: case files, the seeds, the default pipeline, and the laws it keeps."""

from __future__ import annotations

from pathlib import Path

import pytest
from case_files import load_cases
from hypothesis import given
from hypothesis import strategies as st

from textclean.changes import apply_changes
from textclean.document import Document
from textclean.errors import ConfigError
from textclean.pipeline import Pipeline
from textclean.registry import create
from textclean.repair import fix_mojibake, fix_spacing
from textclean.repair.spacing import FixSpacing, explain_spacing
from textclean.testing import ptb_tokenize

CASES = Path(__file__).parent / "cases" / "repair" / "spacing.jsonl"
SEED_002_ARTIFACTS = ["It ’ s", "“ it", "do n't", "Jon Fingas ,", "Matter '", "stopped. ”,"]


@pytest.mark.parametrize("case", load_cases(CASES))
def test_case(case):
    fixed, changes = explain_spacing(case["original"], FixSpacing(**case.get("options", {})))
    assert fixed == case["fixed"]
    assert apply_changes(case["original"], changes) == fixed
    assert fix_spacing(fixed) == fixed


def test_step_is_registered_with_replayable_records():
    step = create("fix_spacing")
    doc = Document("d", "It ’ s here , they do n't know .")
    result = step.process(doc)
    assert result.output.text == "It’s here, they don't know."
    assert {c.kind for c in result.changes} == {"contraction", "space_before_punct"}
    assert apply_changes(doc.text, result.changes) == result.output.text


def test_options_switch_repairs_off():
    text = "It ’ s here , now ."
    assert fix_spacing(text) == "It’s here, now."
    assert "It’s" not in fix_spacing(text, contractions=False)
    assert fix_spacing(text, punctuation=False) == "It’s here , now ."
    with pytest.raises(ConfigError, match="fix_spacing"):
        FixSpacing(french="maybe")


def test_seed_002_loses_its_tokenizer_artifacts(seeds):
    text = next(t for k, t in seeds.items() if k.startswith("002"))
    assert all(a in text for a in SEED_002_ARTIFACTS)
    fixed, changes = explain_spacing(fix_mojibake(text))
    for artifact in SEED_002_ARTIFACTS:
        assert artifact not in fixed, artifact
    assert apply_changes(fix_mojibake(text), changes) == fixed


def test_other_seeds_get_no_edit(seeds):
    for seed_id, text in seeds.items():
        if not seed_id.startswith("002"):
            assert explain_spacing(text) == (text, []), seed_id


def test_curly_quoted_news_passes_the_default_pipeline_unchanged():
    text = (
        "“Amazon’s decision is an important symbolic step, but this doesn’t really change "
        "the face recognition landscape in the United States since it’s not a major player,” "
        "said Clare Garvie, a researcher at Georgetown University’s Center on Privacy and "
        "Technology. The National Institute of Standards and Technology tested leading "
        "facial recognition systems — though not from Amazon, which didn’t submit its "
        "algorithms — and found that they often performed unevenly… ‘It is a moratorium,’ "
        "the company said on Wednesday. The tech industry has fought against outright bans "
        "of facial recognition, but some companies have called for federal laws that could "
        "set guidelines for responsible use of the technology."
    )
    assert Pipeline.default().clean(text) == text


def test_explain_shows_each_repair_and_steps_pickle():
    import pickle

    pipeline = Pipeline([create("fix_mojibake"), create("fix_spacing")])
    doc = Document("d", "It ’ s doesnâ€™t , ok")
    reports = {r.step: r for r in pipeline.explain(doc).steps}
    assert [c.after for c in reports["fix_mojibake"].changes] == ["doesn’t"]
    assert {c.kind for c in reports["fix_spacing"].changes} >= {"space_before_punct"}
    for name in ("fix_mojibake", "fix_spacing"):
        step = create(name)
        assert pickle.loads(pickle.dumps(step)) == step


def test_the_repair_guide_examples_run():
    import doctest

    guide = Path(__file__).resolve().parent.parent / "docs" / "repair.md"
    result = doctest.testfile(str(guide), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


# --- properties ---------------------------------------------------------------


def test_ptb_tokenize_splits_like_the_treebank():
    assert ptb_tokenize("“It’s (really) fine,” they don't say.") == (
        "“ It ’s ( really ) fine , ” they do n't say ."
    )


WORDS = ["the", "company", "said", "police", "it", "was", "and", "of", "technology", "Amazon"]
CONTRACTED = ["it's", "don't", "can't", "we're", "they've", "I'll", "she'd", "I'm", "Amazon's"]
CURLY = [w.replace("'", "’") for w in CONTRACTED]


@st.composite
def english_sentence(draw) -> str:
    curly = draw(st.booleans())
    vocab = WORDS + (CURLY if curly else CONTRACTED)
    words = draw(st.lists(st.sampled_from(vocab), min_size=3, max_size=10))
    words.insert(draw(st.integers(0, len(words))), "the")  # English has function words
    words[0] = words[0][0].upper() + words[0][1:]
    if len(words) > 4 and draw(st.booleans()):
        i = draw(st.integers(1, len(words) - 3))
        j = draw(st.integers(i + 1, len(words) - 1))
        left, right = draw(
            st.sampled_from(["“”", "()", '""', "[]"] if curly else ["()", '""', "[]"])
        )
        words[i] = left + words[i]
        words[j] = words[j] + right
    if len(words) > 3 and draw(st.booleans()):
        k = draw(st.integers(1, len(words) - 2))
        if words[k][-1].isalpha():
            words[k] += ","
    return " ".join(words) + draw(st.sampled_from([".", "?", "!"]))


english_text = st.lists(english_sentence(), min_size=2, max_size=4).map(" ".join)


@given(english_text)
def test_ptb_tokenized_text_comes_back(text):
    assert fix_spacing(ptb_tokenize(text)) == text


@given(english_text)
def test_clean_text_is_unchanged(text):
    assert explain_spacing(text) == (text, [])


@given(st.text(alphabet=" ,.;:!?'\"“”‘’()[]abcXYZ\n«»n't", max_size=60))
def test_idempotent(text):
    once = fix_spacing(text)
    assert fix_spacing(once) == once


@given(st.text(alphabet=" ,.;:!?'\"“”‘’()[]abc\n«»", max_size=60))
def test_records_replay(text):
    fixed, changes = explain_spacing(text)
    assert apply_changes(text, changes) == fixed


@given(st.text())
def test_any_input_gives_valid_utf8(text):
    fixed = fix_spacing(fix_mojibake(text))
    fixed.encode("utf-8")


@pytest.mark.parametrize("quotes", ['""', "“”", "''", "‘’"])
def test_a_quoted_title_before_a_spaced_full_stop_is_fixed_in_one_pass(quotes):
    # the double space hides the second sign of tokenizer damage until it is collapsed
    text = f"He read {quotes[0]}The Title{quotes[1]} . (1999) Was it good ? Critics said so  !"
    once = fix_spacing(text)
    assert once == f"He read {quotes[0]}The Title{quotes[1]}. (1999) Was it good? Critics said so!"
    assert fix_spacing(once) == once


@pytest.mark.parametrize("text", ["« he  !", "» he  ?", "e  n't' :", "«  le ” “"])
def test_damage_shown_by_collapsing_a_double_space_is_repaired_at_once(text):
    once = fix_spacing(text)
    assert fix_spacing(once) == once


spaced_tokens = st.lists(
    st.tuples(
        st.sampled_from(["he", "The", "Title", "n't", "'s", '"', "“", "”", "«", "»", "(", ")"]
                        + [".", ",", "?", "!", ";", ":", "\n"]),
        st.sampled_from([" ", " ", "  ", ""]),
    ),
    max_size=14,
).map(lambda pairs: "".join(token + space for token, space in pairs))  # fmt: skip


@given(spaced_tokens)
def test_idempotent_on_tokens_and_runs_of_spaces(text):
    once = fix_spacing(text)
    assert fix_spacing(once) == once
