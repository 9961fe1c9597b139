"""Decontamination: cuts at sentence boundaries, short records, drops, the n-gram set."""

from __future__ import annotations

import pytest

import textclean
from textclean import Change, ConfigError, Document, Drop, apply_changes
from textclean.decontaminate import (
    DecontaminationSettings,
    EvaluationSet,
    decontaminate_documents,
    decontaminate_text,
)
from textclean.stats import Stats

QUESTION = (
    "A train leaves the station at noon travelling at sixty miles per hour towards the coast; "
    "when does it arrive if the coast is ninety miles away?"
)
BEFORE = "Our maths club met on Thursday evening in the library annex as usual."
AFTER = "Everyone agreed the biscuits were better than last week, and we left at nine."
LOOSE = dict(max_overlap=1.0)


def evaluation(*records: tuple[str, str], **settings) -> EvaluationSet:
    return EvaluationSet.build(records, settings=DecontaminationSettings(**settings))


def test_a_copied_item_is_cut_with_its_sentence_and_the_change_names_the_record():
    ev = evaluation(("gsm-12", QUESTION))
    text = f"{BEFORE} Then someone read out: {QUESTION} {AFTER}"
    out = decontaminate_text(text, ev, DecontaminationSettings(**LOOSE))
    assert out.text == f"{BEFORE} {AFTER}"
    (change,) = out.changes
    assert change.kind == "decontaminated" and change.reason == "decontaminated: gsm-12"
    assert change.before.strip() == f"Then someone read out: {QUESTION}"
    assert apply_changes(text, out.changes) == out.text
    assert out.records == ("gsm-12",) and out.main == "gsm-12" and not out.dropped


def test_a_copy_split_over_sentences_cuts_every_sentence_it_touches():
    ev = evaluation(("q", "the quick brown fox jumps over the lazy dog near the river bank today"))
    text = (
        "Nothing to see here at all, friends. The quick brown fox jumps. Over the lazy dog "
        "near the river bank today! And that was that for the whole afternoon."
    )
    out = decontaminate_text(text, ev, DecontaminationSettings(**LOOSE))
    assert (
        out.text
        == "Nothing to see here at all, friends. And that was that for the whole afternoon."
    )


def test_twelve_shared_words_leave_the_text_untouched():
    words = QUESTION.split()
    ev = evaluation(("q", QUESTION))
    text = f"{BEFORE} {' '.join(words[:12])} and more. {AFTER}"
    out = decontaminate_text(text, ev)
    assert out.text == text and out.changes == () and out.share == 0.0
    # thirteen are enough
    text13 = f"{BEFORE} {' '.join(words[:13])} and more. {AFTER}"
    assert (
        decontaminate_text(text13, ev, DecontaminationSettings(**LOOSE)).text == f"{BEFORE} {AFTER}"
    )


def test_case_and_punctuation_do_not_hide_a_copy():
    ev = evaluation(("q", QUESTION))
    shouted = QUESTION.upper().replace(";", " —").replace("?", "!!")
    out = decontaminate_text(f"{BEFORE} {shouted} {AFTER}", ev, DecontaminationSettings(**LOOSE))
    assert out.text == f"{BEFORE} {AFTER}"


def test_short_records_are_matched_whole_and_very_short_ones_left_out():
    ev = evaluation(
        ("capital", "What is the capital city of Australia?"),  # 7 words
        ("tiny", "Who won?"),
        min_words=5,
    )
    assert ev.lengths == (13, 7) and ev.skipped == 1 and ev.records == 2
    text = f"{BEFORE} Quiz: what is the capital city of Australia? {AFTER} Who won? We did."
    out = decontaminate_text(text, ev, DecontaminationSettings(min_words=5, **LOOSE))
    assert out.text == f"{BEFORE} {AFTER} Who won? We did."
    assert out.changes[0].reason == "decontaminated: capital"
    # only the whole sequence matches, not a part of it
    part = f"{BEFORE} What is the capital city of France? {AFTER}"
    assert decontaminate_text(part, ev, DecontaminationSettings(min_words=5)).changes == ()


def test_a_document_mostly_copied_is_dropped_naming_its_share_and_record():
    ev = evaluation(("gsm-12", QUESTION))
    doc = Document("d1", f"{QUESTION} Short tail.", {"url": "u"})
    (out,) = decontaminate_documents([doc], ev)
    assert isinstance(out, Drop)
    assert out.reason == "contaminated" and out.step == "decontaminate"
    n = len(QUESTION.split())
    assert f"{n / (n + 2):.0%} of its words" in out.detail and "'gsm-12'" in out.detail
    assert out.doc.meta["url"] == "u"
    assert out.doc.record["decontamination"] == {
        "share": round(n / (n + 2), 4),
        "records": ["gsm-12"],
    }


def test_max_overlap_decides_between_cut_and_drop():
    ev = evaluation(("q", QUESTION))
    text = f"{BEFORE} {QUESTION}"  # 13 of 40 words are the before sentence
    assert decontaminate_text(text, ev, DecontaminationSettings(max_overlap=0.8)).text == BEFORE
    assert decontaminate_text(text, ev, DecontaminationSettings(max_overlap=0.6)).dropped
    # nothing left is a drop even when any share is allowed
    assert decontaminate_text(QUESTION, ev, DecontaminationSettings(max_overlap=1.0)).dropped


def test_the_first_evaluation_record_holding_an_ngram_is_named():
    ev = evaluation(("first", QUESTION), ("second", f"Copy: {QUESTION}"))
    assert ev.records == 2 and set(ev.record.tolist()) == {0, 1}
    out = decontaminate_text(f"{BEFORE} {QUESTION} {AFTER}", ev, DecontaminationSettings(**LOOSE))
    assert out.records == ("first",)


def test_a_cut_that_joins_two_sentences_into_an_evaluation_ngram_is_cut_again():
    ev = EvaluationSet.build(
        [("inner", "red green blue yellow"), ("join", "seven eight nine ten")],
        settings=DecontaminationSettings(ngram=4, min_words=4),
    )
    text = "One two three four five six seven eight. Red green blue yellow. Nine ten eleven twelve. End of the story here, friends."
    out = decontaminate_text(text, ev, DecontaminationSettings(ngram=4, min_words=4, **LOOSE))
    assert out.text == "End of the story here, friends."
    assert apply_changes(text, out.changes) == out.text
    assert out.records == ("join", "inner")
    again = decontaminate_text(out.text, ev, DecontaminationSettings(ngram=4, min_words=4))
    assert again.changes == ()


def test_documents_keep_order_and_meta_and_unreadable_records_pass_through():
    ev = evaluation(("q", QUESTION))
    bad = Drop("bad_json", "in.jsonl:2: not JSON", "read", Document("in.jsonl:2", ""))
    docs = [
        Document("a", f"{BEFORE} {QUESTION} {AFTER}", {"lang": "en"}),
        bad,
        Document("b", BEFORE),
        Document("c", QUESTION),
    ]
    stats = Stats()
    out = list(decontaminate_documents(docs, ev, stats=stats))
    assert [type(o).__name__ for o in out] == ["Document", "Drop", "Document", "Drop"]
    assert out[0].text == f"{BEFORE} {AFTER}" and out[0].meta["lang"] == "en"
    (recorded,) = out[0].record["changes"]
    assert recorded["step"] == "decontaminate" and recorded["reason"] == "decontaminated: q"
    replay = Change(**{k: v for k, v in recorded.items() if k != "step"})
    assert apply_changes(docs[0].text, [replay]) == out[0].text
    assert out[1] is bad and out[2] is docs[2]
    assert (stats.seen, stats.kept, dict(stats.dropped)) == (
        4,
        2,
        {"bad_json": 1, "contaminated": 1},
    )
    assert stats.changed["decontaminate"] == 1
    stats.check()


@pytest.mark.parametrize(
    ("record", "keys"), [("summary", {"edits", "decontamination"}), ("none", set())]
)
def test_record_modes(record, keys):
    ev = evaluation(("q", QUESTION))
    doc = Document("a", f"{BEFORE} {QUESTION} {AFTER}")
    (out,) = decontaminate_documents([doc], ev, DecontaminationSettings(record=record))
    assert set(out.record) == keys


def test_output_is_the_same_however_documents_are_batched():
    ev = evaluation(("q", QUESTION))
    docs = [
        Document(str(i), f"{BEFORE} {QUESTION if i % 3 == 0 else AFTER} {AFTER} {i}.")
        for i in range(600)
    ]
    whole = list(decontaminate_documents(docs, ev))
    one_by_one = [next(iter(decontaminate_documents([d], ev))) for d in docs]
    assert whole == one_by_one
    assert (
        sum(isinstance(d, Document) and d.text != s.text for d, s in zip(whole, docs, strict=True))
        == 200
    )


def test_the_set_holds_twelve_bytes_per_distinct_ngram():
    ev = evaluation(("a", QUESTION), ("b", QUESTION))
    words = len(QUESTION.split())  # no punctuation-only tokens in it
    assert len(ev) == words - 13 + 1
    assert ev.nbytes == 12 * len(ev)
    assert (ev.lookup(ev.hashes) == 0).all()


def test_wrong_settings_say_which_option():
    with pytest.raises(ConfigError, match="max_overlap"):
        DecontaminationSettings(max_overlap=1.5)
    with pytest.raises(ConfigError, match="ngram"):
        DecontaminationSettings(ngram=0)
    with pytest.raises(ConfigError, match="record"):
        DecontaminationSettings(record="all")
    ev = evaluation(("q", QUESTION))
    with pytest.raises(ConfigError, match="13-grams"):
        decontaminate_text("text", ev, DecontaminationSettings(ngram=8))


def test_public_names():
    for name in (
        "DecontaminationSettings",
        "EvaluationSet",
        "decontaminate_documents",
        "decontaminate_files",
        "decontaminate_text",
    ):
        assert name in textclean.__all__
        assert getattr(textclean, name) is getattr(textclean.decontaminate, name)


@pytest.mark.parametrize("lines", ["", '{"text": "too short to hash"}\n'])
def test_evaluation_files_with_nothing_to_look_for_are_an_error(tmp_path, lines):
    # a run against them would cut nothing and look clean
    (tmp_path / "eval.jsonl").write_text(lines, encoding="utf-8")
    with pytest.raises(ConfigError, match="gave no n-gram to look for"):
        EvaluationSet.from_files([str(tmp_path / "eval.jsonl")])
