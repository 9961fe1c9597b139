"""The length step and the boilerplate step's furniture-share guard."""

from __future__ import annotations

import pytest

from textclean import Document, Drop, Pipeline, registry
from textclean.errors import ConfigError
from textclean.filters.length import Length, length_check, word_count
from textclean.runner import length_drop

FURNITURE = (
    "Share on Facebook\nShare on Twitter\nSign up for our newsletter\nSubscribe now\nA short line."
)


def test_length_drops_name_their_reason():
    step = Length(min_words=3, max_chars=20)
    assert step(Document("a", "two words")).reason == "too_few_words"
    assert step(Document("a", " ... ")).reason == "empty"
    assert step(Document("a", "one two three four five six")).reason == "too_long"
    assert isinstance(step(Document("a", "one two three")), Document)


def test_length_min_chars_is_the_pipeline_rule():
    # One rule, one pair of reasons: the step and Pipeline.min_chars agree.
    for text in ("", "...", "Hi!", "Hello there"):
        doc = Document("a", text)
        ours = length_check(doc, min_chars=5)
        theirs = length_drop(doc, 5)
        assert (ours and ours.reason) == (theirs and theirs.reason)


def test_length_step_is_registered_and_counts_drops():
    pipeline = Pipeline([registry.create("length", min_words=2)], min_chars=0)
    kept = list(pipeline.run([Document("a", "one"), Document("b", "one two")]))
    assert [d.id for d in kept] == ["b"]
    assert pipeline.stats.dropped["too_few_words"] == 1


@pytest.mark.parametrize("options", [{"min_words": -1}, {"max_chars": 2, "min_chars": 5}])
def test_length_rejects_bad_options(options):
    with pytest.raises(ConfigError, match="length"):
        registry.create("length", **options)


def test_word_count_skips_punctuation_tokens():
    assert word_count("A , b — c !") == 3


def test_boilerplate_drops_mostly_furniture_pages():
    step = registry.create("boilerplate", max_removed_share=0.5)
    out = step(Document("a", FURNITURE))
    assert isinstance(out, Drop) and out.reason == "mostly_furniture"
    assert "more than 50%" in out.detail


def test_boilerplate_keeps_pages_under_the_share():
    step = registry.create("boilerplate", max_removed_share=0.95)
    assert isinstance(step(Document("a", FURNITURE)), Document)
    assert isinstance(registry.create("boilerplate")(Document("a", FURNITURE)), Document)


@pytest.mark.parametrize("share", [0, 1.5, -0.1, True, "half"])
def test_boilerplate_rejects_bad_shares(share):
    with pytest.raises(ConfigError, match="max_removed_share"):
        registry.create("boilerplate", max_removed_share=share)


def test_length_names_are_exported_from_filters():
    from textclean import filters

    assert filters.Length is Length and filters.length_check is length_check
