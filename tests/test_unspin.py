"""The unspin stage: a spun copy takes back its source's wording; nothing else changes."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import textclean
from textclean import Document, Pipeline, apply_changes
from textclean.dedup.spin_align import tokens
from textclean.repair import Unspin, restore_from_twin
from textclean.testing import articles
from textclean.testing.spinner import spin_copy

SOURCE = (
    "Amazon said on Wednesday that it would stop selling its facial recognition technology "
    "to police departments in Seattle for one year, after months of pressure from civil "
    "rights groups. The company said it hoped Congress would use the time to pass rules "
    "for the technology. Microsoft and IBM made similar announcements earlier this week, "
    "citing concerns about racial bias in the systems. Researchers at the Massachusetts "
    "Institute of Technology found in 2018 that such systems misidentified women with "
    "darker skin far more often than men with lighter skin. Smaller firms such as "
    "Clearview AI continue to sell their software to law enforcement agencies, and the "
    "data set behind it holds more than three billion images taken from social media."
)
OTHER = (
    "Shares of Nvidia rose 4% in early trading in New York on Thursday after the chip maker "
    "reported record sales of its graphics cards to data centres in Texas and Oregon."
)


def differing_words(a: str, b: str) -> int:
    x, y = [t.key for t in tokens(a)], [t.key for t in tokens(b)]
    return sum(1 for u, v in zip(x, y, strict=False) if u != v) + abs(len(x) - len(y))


def test_restore_from_twin_records_replayable_edits_with_the_twin_reason():
    spun = spin_copy(SOURCE, random.Random(5), 0.3)
    assert spun != SOURCE
    text, changes = restore_from_twin(spun, SOURCE, "src-1")
    assert changes and all(c.reason == "twin:src-1" and c.kind == "unspin" for c in changes)
    assert apply_changes(spun, changes) == text
    assert differing_words(SOURCE, text) < differing_words(SOURCE, spun) / 5


def test_the_stage_restores_the_copy_and_leaves_source_and_others_alone():
    spun = spin_copy(SOURCE, random.Random(5), 0.3)
    docs = [Document("copy", spun), Document("src", SOURCE), Document("other", OTHER)]
    out = list(Unspin().pipe(docs))
    assert [d.id for d in out] == ["copy", "src", "other"]
    assert out[1].text == SOURCE and out[2].text == OTHER
    assert out[1].meta == docs[1].meta and out[2].meta == docs[2].meta
    record = out[0].meta["textclean"]
    assert record["unspun_from"] == "src"
    changes = record["changes"]
    assert changes and {c["reason"] for c in changes} == {"twin:src"}
    assert out[0].text != spun


def test_unspin_by_name_in_a_pipeline_and_from_python():
    spun = spin_copy(SOURCE, random.Random(9), 0.3)
    docs = [Document("copy", spun), Document("src", SOURCE)]
    pipeline = Pipeline.from_config({"steps": [{"name": "unspin", "threshold": 0.8}]})
    by_pipeline = [d.text for d in pipeline.run(docs)]
    assert by_pipeline == [d.text for d in textclean.unspin(docs)]
    assert by_pipeline[1] == SOURCE and by_pipeline[0] != spun


def test_a_wire_copy_with_another_lead_is_not_rewritten():
    words = SOURCE.split()
    wire = OTHER + " " + " ".join(words[len(words) // 4 :])
    docs = [Document("src", SOURCE), Document("wire", wire)]
    assert [d.text for d in Unspin().pipe(docs)] == [SOURCE, wire]


SETTINGS = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(articles(min_sentences=6, max_sentences=12), st.integers(0, 2**16))
def test_unspin_is_idempotent_and_touches_only_the_spun_copy(text, seed):
    spun = spin_copy(text, random.Random(seed), 0.3)
    assume(spun != text)
    docs = [Document("src", text), Document("copy", spun)]
    once = list(Unspin().pipe(docs))
    assert once[0].text == text  # the source is never rewritten
    twice = list(Unspin().pipe([Document(d.id, d.text) for d in once]))
    assert [d.text for d in twice] == [d.text for d in once]
    assert differing_words(text, once[1].text) <= differing_words(text, spun)


@SETTINGS
@given(st.lists(articles(min_sentences=2, max_sentences=6), min_size=1, max_size=5, unique=True))
def test_a_corpus_without_spun_copies_comes_back_byte_identical(texts):
    docs = [Document(f"d{i}", t, {"n": i}) for i, t in enumerate(texts)]
    out = list(Unspin().pipe(docs))
    assert [(d.id, d.text, d.meta) for d in out] == [(d.id, d.text, d.meta) for d in docs]
