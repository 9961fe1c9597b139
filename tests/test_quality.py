"""Quality scores and rules: the seed articles, bounds, repetition laws, the step."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textclean.changes import apply_changes
from textclean.document import Document, Drop
from textclean.errors import ConfigError
from textclean.filters import Quality, quality
from textclean.filters.page_quality import RULES, QualityFilter, drop_repeated_sentences
from textclean.filters.repetition import duplicate_ngram_fraction, repetition_scores, words
from textclean.segment import split_sentences

WORD = st.text(alphabet="abcdefghij", min_size=1, max_size=8)
PROSE = st.lists(WORD, min_size=5, max_size=120).map(" ".join)
RATIOS = {"mean_word_length", "keyword_repeats", "lowered_name_rate", "loose_phrase_repeats"}


def test_seed_002_is_flagged_for_its_second_half(seeds):
    text = next(t for k, t in seeds.items() if k.startswith("002"))
    found = quality(text)
    assert found.flagged and "snippet_soup" in found.rules
    assert found.regions and all(r.start > len(text) / 2 for r in found.regions)


@pytest.mark.parametrize("prefix", ["000", "001", "003", "004"])
def test_the_other_seeds_pass(seeds, prefix):
    text = next(t for k, t in seeds.items() if k.startswith(prefix))
    found = quality(text)
    assert not found.flagged, found.rules


def test_keyword_stuffing_is_named():
    subjects = ["Our town", "The mayor", "A neighbour", "My sister", "The school", "Every shop"]
    names = " ".join(f"{s} bought a hammer from Acme last week." for s in subjects)
    verbs = ["loves", "sells", "repairs", "lends", "paints"]
    stuffed = " ".join(f"Everyone {v} the acme tools in the garden." for v in verbs)
    found = quality(names + " " + stuffed, lang="en")
    assert "keyword_stuffing" in found.rules


def test_stop_word_rule_only_for_languages_it_knows():
    salad = " ".join(["quantum", "widget", "turbo", "laser", "mega", "crypto"] * 12)
    assert "stop_words" in quality(salad, lang="en").rules
    assert "stop_words" not in quality(salad, lang="lt").rules


@given(st.text(max_size=400))
def test_scores_stay_within_their_bounds(text):
    found = quality(text, lang="en")
    assert isinstance(found, Quality)
    for name, value in found.scores.items():
        assert value >= 0.0, name
        if name not in RATIOS:
            assert value <= 1.0, name
    assert found.flagged == bool(found.rules)


@given(PROSE)
def test_appending_a_copy_raises_repetition(text):
    before = repetition_scores(text, [text])
    after = repetition_scores(text + "\n" + text, [text, text])
    assert after["dup_5gram_frac"] > before["dup_5gram_frac"]
    assert after["dup_line_frac"] > before["dup_line_frac"]


@given(PROSE)
def test_duplicate_fraction_is_a_fraction(text):
    assert 0.0 <= duplicate_ngram_fraction(words(text), 5) < 1.0


@given(
    st.lists(
        st.sampled_from(["Buy it now.", "Great deals on tools.", "Call us today!"]), max_size=12
    )
)
def test_repeated_sentences_removed_and_replayable(sentences):
    text = " ".join(sentences)
    new, changes = drop_repeated_sentences(text)
    assert apply_changes(text, changes) == new
    kept = [s.text for s in split_sentences(new)]
    assert len(kept) == len(set(kept))


def test_same_scores_in_another_process(seeds):
    texts = list(seeds.values())
    here = [quality(t).scores for t in texts]
    code = (
        "import json,sys\nfrom textclean.filters import quality\n"
        "print(json.dumps([quality(t).scores for t in json.load(sys.stdin)]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "7", "PATH": ""},
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert json.loads(out.stdout) == here


def test_step_drops_with_the_rule_and_records_scores(seeds):
    text = next(t for k, t in seeds.items() if k.startswith("002"))
    out = QualityFilter()(Document("002", text, {"textclean": {"lang": "en"}}))
    assert isinstance(out, Drop) and out.reason.startswith("quality:")
    assert out.doc.record["quality"]["snippet_share"] > 0
    assert out.doc.record["quality_regions"]
    kept = QualityFilter(drop=False)(Document("002", text))
    assert isinstance(kept, Document) and kept.record["quality_rules"]


def test_step_dedup_sentences_records_changes():
    text = "We sell tools online. Visit our store. We sell tools online. Thanks."
    result = QualityFilter(dedup_sentences=True, drop=False).process(Document("d", text))
    assert result.output.text == "We sell tools online. Visit our store. Thanks."
    assert apply_changes(text, result.changes) == result.output.text


def test_unknown_rule_names_are_config_errors():
    with pytest.raises(ConfigError):
        QualityFilter(ignore=["nope"])
    assert {r.name for r in RULES} >= {"keyword_stuffing", "snippet_soup", "stop_words"}


def test_worker_count_does_not_change_labels_or_scores(seeds):
    from textclean.filters.language import LanguageFilter
    from textclean.pipeline import Pipeline

    docs = [Document(k, t) for k, t in sorted(seeds.items())]
    steps = [LanguageFilter(), QualityFilter(drop=False)]
    one = [d.record for d in Pipeline(steps).run(docs, workers=1)]
    two = [d.record for d in Pipeline(steps).run(docs, workers=2)]
    assert one == two and [r["lang"] for r in one] == ["en"] * len(docs)
