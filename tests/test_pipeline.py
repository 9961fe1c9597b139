"""The pipeline core: naming, validation, running, counting, explaining."""

from __future__ import annotations

import pickle

import pytest
from core_steps import (
    DropOdd,
    MinLength,
    StripDigits,
    collapse_spaces,
    drop_empty,
    returns_garbage,
    upper,
)
from hypothesis import given
from hypothesis import strategies as st

from textclean import ConfigError, Document, Drop, Pipeline, StepError, apply_changes
from textclean.config import pipeline_from_config, pipeline_from_steps

texts = st.lists(st.text(max_size=40), max_size=30)


def docs_of(values: list[str]) -> list[Document]:
    return [Document(str(i), t, {"n": i}) for i, t in enumerate(values)]


def test_names_are_derived_and_made_unique():
    p = Pipeline([upper, upper, ("mine", drop_empty), MinLength()])
    assert p.names == ["upper", "upper-2", "mine", "min_length"]


def test_a_non_step_is_refused_when_built():
    with pytest.raises(ConfigError, match="item 1"):
        Pipeline([upper, 42])


def test_a_step_returning_the_wrong_type_names_the_step_and_document():
    p = Pipeline([returns_garbage])
    with pytest.raises(StepError, match="returns_garbage.*'0'.*str"):
        list(p.run([Document("0", "x")]))


def test_drops_are_counted_by_reason_and_changes_by_step():
    p = Pipeline([upper, drop_empty, MinLength(min_chars=3)])
    kept = list(p.run(docs_of(["abc", "", "a", "hello"])))
    assert [d.text for d in kept] == ["ABC", "HELLO"]
    assert p.stats.to_dict() == {
        "seen": 4,
        "kept": 2,
        "dropped": {"empty": 1, "too_short": 1},
        "changed": {"upper": 3},
    }


def test_a_drop_carries_its_step_and_document():
    p = Pipeline([MinLength(min_chars=5)])
    (drop,) = list(p.outcomes([Document("x", "abc")]))
    assert isinstance(drop, Drop)
    assert (drop.step, drop.reason, drop.doc.id, drop.doc.record["chars"]) == (
        "min_length",
        "too_short",
        "x",
        3,
    )


def test_edit_records_are_written_as_asked():
    doc = Document("d", "a1b2")
    (summary,) = Pipeline([StripDigits()]).run([doc])
    assert summary.record["edits"] == {"strip_digits": 2}
    (full,) = Pipeline([StripDigits()], record="full").run([doc])
    assert [c["before"] for c in full.record["changes"]] == ["1", "2"]
    assert full.record["edits"] == {"strip_digits": 2}
    (none,) = Pipeline([StripDigits()], record="none").run([doc])
    assert "edits" not in none.record and none.text == "ab"


def test_explain_shows_edits_and_the_drop():
    p = Pipeline([StripDigits(), MinLength(min_chars=4)])
    explanation = p.explain(Document("d", "a1b2"))
    assert not explanation.kept
    first, second = explanation.steps
    assert first.status == "changed" and apply_changes("a1b2", first.changes) == "ab"
    assert second.status == "dropped" and second.reason == "too_short"
    assert "digit" in str(explanation) and "too_short" in str(explanation)


def test_stages_see_the_stream_and_earlier_drops_pass_around_them():
    p = Pipeline([drop_empty, DropOdd(), upper])
    outcomes = list(p.outcomes(docs_of(["a", "", "b", "c"])))
    kept = [o.text for o in outcomes if isinstance(o, Document)]
    assert kept == ["A", "C"]
    assert p.stats.to_dict()["dropped"] == {"empty": 1, "odd": 1}


def test_steps_pickle():
    p = Pipeline([StripDigits(), MinLength(min_chars=2), upper])
    clone = pickle.loads(pickle.dumps(p))
    assert [d.text for d in clone.run(docs_of(["a1", "bb"]))] == ["BB"]


def test_workers_give_the_same_outcomes_as_one_process():
    docs = docs_of([f"doc {i} text" if i % 7 else "" for i in range(700)])
    one = Pipeline([StripDigits(), drop_empty, upper])
    two = Pipeline([StripDigits(), drop_empty, upper])
    a = list(one.outcomes(docs))
    b = list(two.outcomes(docs, workers=2, chunk_size=50))
    assert a == b
    assert one.stats.to_dict() == two.stats.to_dict()


def test_config_builds_registered_steps_and_rejects_unknown_names():
    with pytest.raises(ConfigError, match="unknown step 'no_such_step'"):
        pipeline_from_config({"steps": [{"name": "no_such_step"}]})
    assert pipeline_from_config({"steps": []}).names == []


@pytest.mark.parametrize("build", [pipeline_from_config, pipeline_from_steps])
def test_a_misspelt_default_is_pointed_at_default(build):
    spec = {"steps": [{"name": "defualt"}]} if build is pipeline_from_config else "defualt"
    with pytest.raises(ConfigError) as err:
        build(spec)
    assert "did you mean 'default'?" in str(err.value)
    assert "default," in str(err.value).split("known steps:")[1]


def test_config_rejects_unknown_keys():
    with pytest.raises(ConfigError, match="unknown key"):
        pipeline_from_config({"stepz": []})
    with pytest.raises(ConfigError, match=r"\[input\]: unknown key\(s\) \['text_feild'\]"):
        pipeline_from_config({"input": {"text_feild": "body"}, "steps": []})


@given(texts)
def test_every_document_is_accounted_for(values):
    p = Pipeline([drop_empty, MinLength(min_chars=2), upper])
    outcomes = list(p.outcomes(docs_of(values)))
    assert len(outcomes) == len(values)
    assert p.stats.kept + p.stats.dropped_total == p.stats.seen == len(values)


@given(texts)
def test_order_and_ids_are_preserved(values):
    outcomes = list(Pipeline([upper, drop_empty]).outcomes(docs_of(values)))
    ids = [o.id if isinstance(o, Document) else o.doc.id for o in outcomes]
    assert ids == [str(i) for i in range(len(values))]


@given(texts)
def test_a_pipeline_of_idempotent_steps_is_idempotent(values):
    p = Pipeline([collapse_spaces, StripDigits(), upper], record="none")
    once = list(p.run(docs_of(values)))
    twice = list(p.run(once))
    assert [d.text for d in once] == [d.text for d in twice]


@given(st.text())
def test_default_clean_never_raises_on_any_unicode(text):
    import textclean

    out = textclean.clean(text)
    assert isinstance(out, str)
    out.encode("utf-8")


def test_a_pattern_timeout_sends_the_document_to_rejects_and_the_run_goes_on():
    from core_steps import catastrophic

    p = Pipeline([catastrophic])
    outcomes = list(p.outcomes([Document("ok", "fine"), Document("bad", "a" * 60 + "!")]))
    assert isinstance(outcomes[0], Document)
    drop = outcomes[1]
    assert (drop.reason, drop.step, drop.doc.id) == ("pattern_timeout", "catastrophic", "bad")
    assert "(a|aa)+$" in drop.detail


def test_a_config_is_data_never_code(tmp_path):
    marker = tmp_path / "ran"
    config = tmp_path / "evil.toml"
    config.write_text(
        f"[[steps]]\nname = \"__import__('pathlib').Path({str(marker)!r}).touch()\"\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="unknown step"):
        pipeline_from_config(config)
    code_file = tmp_path / "evil.py"
    code_file.write_text(
        f"import pathlib; pathlib.Path({str(marker)!r}).touch()\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError, match="not valid TOML"):
        pipeline_from_config(code_file)
    assert not marker.exists()


def test_drops_before_a_stage_survive_whatever_the_stage_yields():
    from core_steps import DropAll

    outcomes = list(Pipeline([drop_empty, DropAll()]).outcomes(docs_of(["", "a", ""])))
    assert sorted(o.reason for o in outcomes) == ["all", "empty", "empty"]


def test_a_stage_that_loses_documents_is_caught():
    from core_steps import StopsEarly, YieldNothing

    with pytest.raises(ConfigError, match="stopped before reading"):
        list(Pipeline([StopsEarly()]).outcomes(docs_of(["a", "b"])))
    with pytest.raises(AssertionError, match="accounting error"):
        list(Pipeline([YieldNothing()]).outcomes(docs_of(["a", "b"])))


def test_wrong_inputs_fail_with_what_was_given_and_what_to_do():
    p = Pipeline([upper])
    for wrong in ("plain text", {"id": "a", "text": "x"}):
        with pytest.raises(TypeError, match=f"item 1 of docs is a {type(wrong).__name__}"):
            list(p.run([Document("a", "ok"), wrong]))
    with pytest.raises(TypeError, match="doc is a str, not a Document"):
        p("plain text")
    with pytest.raises(TypeError, match="takes a str, not bytes; decode"):
        p.clean(b"bytes")
    with pytest.raises(TypeError, match="takes a str, not NoneType"):
        p.clean(None)
    with pytest.raises(ConfigError, match=r"Pipeline.from_steps\('fix_spacing'\)"):
        Pipeline(["fix_spacing"])


@pytest.mark.parametrize(
    ("name", "text"),
    [("p.toml", '[[steps]]\nname = "fix_spacing"\n'), ("p.json", '{"steps": ["fix_spacing"]}')],
)
def test_a_config_saved_with_a_byte_order_mark_is_read(tmp_path, name, text):
    path = tmp_path / name
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert pipeline_from_config(str(path)).names == ["fix_spacing"]


def test_from_steps_takes_a_list_of_specs_as_one_spec_joined_by_commas():
    listed = Pipeline.from_steps(["fix_spacing", "boilerplate(mode=annotate)"])
    joined = Pipeline.from_steps("fix_spacing,boilerplate(mode=annotate)")
    assert listed.steps == joined.steps
    with pytest.raises(TypeError, match="spec string"):
        Pipeline.from_steps(7)  # type: ignore[arg-type]


def test_a_step_built_in_python_with_a_value_of_the_wrong_type_is_refused_by_the_pipeline():
    from textclean.filters.page_quality import QualityFilter

    with pytest.raises(ConfigError, match="drop must be true or false, not 'no'"):
        Pipeline([QualityFilter(drop="no")])  # "no" is a true value: it would drop
    assert Pipeline([QualityFilter(drop=False)]).steps[0][0] == "quality"


def test_explain_says_which_corpus_stages_did_not_judge_a_kept_document():
    from textclean.registry import create

    p = Pipeline([StripDigits(), ("near_dedup", create("near_dedup"))])
    explanation = p.explain(Document("d", "a1b2 and some words"))
    assert explanation.kept and explanation.unjudged == ["near_dedup"]
    assert "near_dedup judges it only against a whole corpus" in str(explanation)
    assert explanation.to_dict()["not_judged_by"] == ["near_dedup"]
    dropped = Pipeline([MinLength(min_chars=99), ("near_dedup", create("near_dedup"))])
    assert dropped.explain(Document("d", "short")).unjudged == []


def test_document_meta_is_checked_where_the_document_is_made():
    assert Document("a", "text", None).meta == {}
    assert Document("a", "text", {"textclean": None, "url": "u"}).meta == {"url": "u"}
    with pytest.raises(TypeError, match="document 'a': meta must be a dict"):
        Document("a", "text", [])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"meta\['textclean'\] is textclean's own record"):
        Document("a", "text", {"textclean": 5})
