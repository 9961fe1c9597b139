"""The run layer: file jobs give the bytes of the engine beneath them, read a
config's [input], open what they write, and name the options that clash."""

from __future__ import annotations

import random
from dataclasses import fields

import orjson
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import textclean
from textclean import (
    DedupSettings,
    DedupTargets,
    LocalExecutor,
    PassageReport,
    PassageSettings,
    Pipeline,
    RunConfig,
    clean_files,
    dedup_files,
    passages_files,
)
from textclean.cli import main
from textclean.dedup.stage import dedup_documents
from textclean.document import Document
from textclean.errors import ConfigError, OptionError
from textclean.io import ReadOptions, read_documents
from textclean.jobs import clean_files as engine_clean_files
from textclean.passages import find_passages

QUOTE = "We hope this one-year moratorium might give Congress enough time to act on it."


def write_jsonl(path, records):
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))


def corpus(n=30, field="text"):
    rng = random.Random(n)
    words = "river council budget storm harbour school vote power road market".split()
    out = []
    for i in range(n):
        body = " ".join(rng.choice(words) for _ in range(40))
        if i % 5 == 0:
            body += " " + QUOTE
        out.append({"id": f"d{i}", field: body if i % 7 else body + " ,  it ’ s here ."})
    out.append({"id": "copy", field: out[1][field]})
    return out


def test_the_public_names_are_exported():
    for name in ("clean_files", "dedup_files", "passages_files", "RunConfig", "LocalExecutor"):
        assert name in textclean.__all__ and getattr(textclean, name).__doc__


def test_clean_files_gives_the_engines_bytes_and_the_input_size(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, corpus())
    engine_clean_files(Pipeline.default(), [str(src)], str(tmp_path / "a.jsonl"))
    stats = clean_files([str(src)], str(tmp_path / "b.jsonl"), executor=LocalExecutor(2))
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    assert (tmp_path / "a.rejects.jsonl").read_bytes() == (
        tmp_path / "b.rejects.jsonl"
    ).read_bytes()
    assert stats.bytes_in == src.stat().st_size and stats.seen == len(corpus())


def test_one_path_or_path_objects_name_the_files_of_a_job(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_jsonl(tmp_path / "in.jsonl", corpus(5))
    nothing = Pipeline([])
    stats = clean_files(
        "in.jsonl", tmp_path / "a.jsonl", nothing, run=RunConfig(rejects=tmp_path / "r.jsonl")
    )
    assert stats.seen == 6 and (tmp_path / "r.jsonl").exists()
    clean_files([tmp_path / "in.jsonl"], tmp_path / "b.jsonl", nothing)
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    assert dedup_files(tmp_path / "in.jsonl", tmp_path / "c.jsonl").seen == 6
    write_jsonl(tmp_path / "eval.jsonl", [{"text": QUOTE}])
    run = textclean.decontaminate_files("in.jsonl", tmp_path / "d.jsonl", against="eval.jsonl")
    assert run.stats.seen == 6


def test_a_configs_input_table_sets_the_read_options(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, corpus(field="body"))
    config = tmp_path / "c.toml"
    config.write_text('[input]\ntext_field = "body"\n\n[[steps]]\nname = "fix_spacing"\n')
    stats = clean_files([str(src)], str(tmp_path / "out.jsonl"), str(config))
    assert stats.kept == len(corpus())
    # explain reads the same config the same way
    result = CliRunner().invoke(main, ["explain", str(src), "--config", str(config), "--id", "d0"])
    assert result.exit_code == 0, result.output


def test_record_mode_is_set_on_a_copy(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, corpus())
    pipeline = Pipeline.default()
    clean_files([str(src)], str(tmp_path / "o.jsonl"), pipeline, run=RunConfig(record="none"))
    assert pipeline.record == "summary"
    first = orjson.loads((tmp_path / "o.jsonl").read_bytes().splitlines()[0])
    assert "changes" not in first.get("meta", {}).get("textclean", {})


@given(
    given_fields=st.dictionaries(
        st.sampled_from(["text_field", "id_field"]), st.text("abcxyz_", min_size=1), max_size=2
    )
)
def test_with_input_sets_exactly_the_fields_the_config_gives(given_fields):
    base = RunConfig(read=ReadOptions(on_error="skip"))
    read = base.with_input({"input": given_fields}).read
    assert read.text_field == given_fields.get("text_field", "text")
    assert read.id_field == given_fields.get("id_field", "id")
    assert read.on_error == "skip"


def test_a_read_option_given_twice_with_two_values_is_named_not_ignored(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, corpus(field="body"))
    config = tmp_path / "c.toml"
    config.write_text('[input]\ntext_field = "text"\n\n[[steps]]\nname = "fix_spacing"\n')
    run = RunConfig(read=ReadOptions(text_field="body"))
    with pytest.raises(OptionError) as caught:
        clean_files([str(src)], str(tmp_path / "out.jsonl"), str(config), run=run)
    assert caught.value.options == ("text_field",) and "'body'" in str(caught.value)
    assert not (tmp_path / "out.jsonl").exists()
    args = ["clean", str(src), "-o", str(tmp_path / "o.jsonl"), "--config", str(config)]
    result = CliRunner().invoke(main, [*args, "--text-field", "body"])
    assert result.exit_code == 2 and "--text-field" in result.output
    # the same value in both places, or the flag left at its default, is no clash
    assert (
        CliRunner().invoke(main, [*args, "--text-field", "text", "--on-error", "skip"]).exit_code
        == 0
    )


@pytest.mark.parametrize("command", ["clean", "explain"])
def test_a_flag_typed_with_its_default_value_still_clashes_with_the_config(tmp_path, command):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, corpus(3))
    config = tmp_path / "c.toml"
    config.write_text('[input]\ntext_field = "body"\n\n[[steps]]\nname = "fix_spacing"\n')
    args = [command, str(src), "--config", str(config), "--text-field", "text"]
    if command == "clean":
        args += ["-o", str(tmp_path / "o.jsonl")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert "text_field = 'body'" in result.output and "--text-field" in result.output
    assert not (tmp_path / "o.jsonl").exists()


def test_a_pinned_read_field_at_its_default_clashes_with_the_config():
    config = {"input": {"text_field": "body"}}
    assert RunConfig().with_input(config).read.text_field == "body"
    with pytest.raises(OptionError, match="text_field = 'body'"):
        RunConfig().with_input(config, pinned={"text_field"})


def test_dedup_files_writes_what_dedup_documents_finds(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, corpus())
    targets = DedupTargets(clusters=str(tmp_path / "clusters.jsonl"), index=str(tmp_path / "idx"))
    stats = dedup_files([str(src)], str(tmp_path / "out.jsonl"), targets=targets)
    docs = [d for d in read_documents([str(src)]) if isinstance(d, Document)]
    expected = list(dedup_documents(docs, clusters=str(tmp_path / "expected.jsonl")))
    kept = [d for d in expected if isinstance(d, Document)]
    assert stats.kept == len(kept) == len(docs) - 1
    assert (tmp_path / "clusters.jsonl").read_bytes() == (tmp_path / "expected.jsonl").read_bytes()
    assert (tmp_path / "idx" / "index.sqlite").exists()


@pytest.mark.parametrize(
    ("options", "names"),
    [
        ({"near": False}, ("near", "key")),
        ({"index_read_only": True}, ("index_read_only", "index", "redis")),
    ],
)
def test_options_that_clash_are_named(options, names):
    with pytest.raises(OptionError) as caught:
        DedupTargets(**options)
    assert caught.value.options == names and "--" not in str(caught.value)


@pytest.mark.parametrize(
    ("options", "names", "flags"),
    [
        ({"bands": 4}, ("bands", "rows"), ["--bands", "4"]),
        ({"spin_robust": True, "unit": "char"}, ("spin_robust", "unit"), ["--spin-robust", "--unit", "char"]),
    ],
)  # fmt: skip
def test_dedup_settings_that_clash_are_named_and_shown_as_flags(tmp_path, options, names, flags):
    with pytest.raises(OptionError) as caught:
        DedupSettings(**options)
    assert caught.value.options == names and "--" not in str(caught.value)
    write_jsonl(tmp_path / "in.jsonl", corpus(2))
    args = ["dedup", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), *flags]
    result = CliRunner().invoke(main, args)
    shown = ", ".join("--" + name.replace("_", "-") for name in names)
    assert result.exit_code == 2 and f"({shown})" in result.output


def test_a_clash_inside_a_step_names_the_step_not_flags():
    with pytest.raises(ConfigError, match=r"step 'near_dedup': give both bands and rows") as caught:
        Pipeline.from_steps("near_dedup(bands=4)")
    assert not isinstance(caught.value, OptionError)


def test_passages_stopped_while_finding_leaves_no_rejects_file(tmp_path, monkeypatch):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, corpus())
    (tmp_path / "bad.jsonl").write_text("{not json\n")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("textclean.run.passages.find_passages_twice", interrupted)
    with pytest.raises(KeyboardInterrupt):
        passages_files(
            [str(src), str(tmp_path / "bad.jsonl")],
            str(tmp_path / "clusters.jsonl"),
            run=RunConfig(read=ReadOptions(on_error="skip")),
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.jsonl", "in.jsonl"]


def test_passages_files_finds_what_find_passages_finds(tmp_path):
    src = tmp_path / "in.jsonl"
    records = corpus()
    write_jsonl(src, records)
    (tmp_path / "bad.jsonl").write_text("{not json\n")
    settings = PassageSettings(min_words=8)
    result = passages_files(
        [str(src), str(tmp_path / "bad.jsonl")],
        str(tmp_path / "clusters.jsonl"),
        settings,
        report=PassageReport(html=str(tmp_path / "report")),
        run=RunConfig(read=ReadOptions(on_error="skip")),
    )
    expected = find_passages([r["text"] for r in records], min_words=8)
    assert result.clusters == expected and expected
    assert result.stats.seen == len(records) + 1 and result.stats.dropped
    assert (tmp_path / "report" / "index.html").exists()
    assert len((tmp_path / "clusters.jsonl").read_bytes().splitlines()) == len(expected)


def test_every_settings_field_is_an_option_of_its_command():
    for command, classes in (
        ("dedup", (DedupSettings, DedupTargets)),
        ("passages", (PassageSettings, PassageReport)),
    ):
        params = {p.name for p in main.commands[command].params}
        missing = {f.name for cls in classes for f in fields(cls)} - params
        assert not missing, f"{command}: fields without an option: {missing}"


def test_passage_settings_check_their_values():
    with pytest.raises(ConfigError):
        PassageSettings(num_perm=100, bands=32)
    assert PassageSettings().find_options()["bands"] == 32


def test_a_pipeline_runs_through_any_mapper():
    calls = []

    def mapper(func, items):
        for item in items:
            calls.append(len(item))
            yield func(item)

    docs = [Document(str(i), f"text {i} , here .") for i in range(25)]
    plain = [d.text for d in Pipeline.default().run(docs)]
    mapped = [d.text for d in Pipeline.default().run(docs, mapper=mapper)]
    assert mapped == plain and sum(calls) == len(docs)


def test_local_executor_needs_a_worker():
    with pytest.raises(ConfigError):
        LocalExecutor(0)


def test_a_near_dedup_stage_in_a_config_gets_its_index_and_clusters_file_from_the_run(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, corpus())
    config = {
        "steps": [
            {
                "name": "near_dedup",
                "clusters": str(tmp_path / "config.clusters.jsonl"),
                "index": str(tmp_path / "idx"),
            }
        ]
    }
    stats = clean_files([str(src)], str(tmp_path / "config.jsonl"), config)
    targets = DedupTargets(clusters=str(tmp_path / "dedup.clusters.jsonl"))
    expected = dedup_files([str(src)], str(tmp_path / "dedup.jsonl"), targets=targets)
    assert stats.dropped == expected.dropped and stats.dropped["exact_duplicate"] == 1
    clusters = (tmp_path / "config.clusters.jsonl").read_bytes()
    assert clusters == (tmp_path / "dedup.clusters.jsonl").read_bytes() and clusters
    assert (tmp_path / "idx" / "index.sqlite").exists()


def test_the_clusters_file_of_a_stage_is_checked_with_the_other_outputs(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, corpus())
    config = {"steps": [{"name": "near_dedup", "clusters": str(tmp_path / "out.jsonl")}]}
    with pytest.raises(textclean.errors.PathError, match="clusters"):
        clean_files([str(src)], str(tmp_path / "out.jsonl"), config)


def test_the_stage_opens_nothing_itself():
    from textclean.dedup.stage import NearDedup

    docs = [Document("a", QUOTE), Document("b", QUOTE)]
    with pytest.raises(ConfigError, match="file job"):
        list(NearDedup(clusters="c.jsonl").pipe(docs))
    received = []
    opened = NearDedup(clusters="c.jsonl").with_targets(None, received.append)
    assert [type(o).__name__ for o in opened.pipe(docs)] == ["Document", "Drop"]
    assert [c.to_dict()["cluster"] for c in received[0].clusters] == ["a"]
