"""`textclean dedup` end to end: outputs, rejects, clusters file and the index."""

from __future__ import annotations

import random

import orjson
from click.testing import CliRunner

from textclean.cli import main


def write_jsonl(path, records):
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))


def read_jsonl(path):
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def test_dedup_command_writes_kept_rejects_and_clusters(tmp_path):
    rng = random.Random(0)
    base = " ".join(rng.choice("abcdefghijklmnopqrstuvwxyz") * 3 for _ in range(120))
    records = [
        {"id": "a", "text": base, "date": "2020"},
        {"id": "b", "text": base + " and a longer ending", "date": "2021"},
        {"id": "c", "text": "something else entirely " * 10},
    ]
    write_jsonl(tmp_path / "in.jsonl", records)
    args = [
        "dedup",
        str(tmp_path / "in.jsonl"),
        "-o",
        str(tmp_path / "out.jsonl"),
        "--keep",
        "newest",
    ]
    args += ["--clusters", str(tmp_path / "clusters.jsonl"), "--index", str(tmp_path / "idx"), "-q"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    kept = read_jsonl(tmp_path / "out.jsonl")
    assert [r["id"] for r in kept] == ["b", "c"]
    assert kept[0]["textclean"]["cluster"] == "b" and kept[0]["date"] == "2021"
    rejects = read_jsonl(tmp_path / "out.rejects.jsonl")
    assert [r["id"] for r in rejects] == ["a"]
    assert rejects[0]["textclean"]["duplicate_of"] == "b"
    assert read_jsonl(tmp_path / "clusters.jsonl")[0]["kept"] == "b"
    assert (tmp_path / "idx" / "index.sqlite").exists()


def test_dedup_command_reports_bad_options_in_one_line(tmp_path):
    write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": "x"}])
    args = [
        "dedup",
        str(tmp_path / "in.jsonl"),
        "-o",
        str(tmp_path / "o.jsonl"),
        "--bands",
        "40",
        "--rows",
        "8",
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and "bands * rows" in result.output


def test_output_is_identical_for_any_number_of_workers(tmp_path):
    rng = random.Random(1)
    words = [f"w{i}" for i in range(300)]
    bases = [" ".join(rng.choice(words) for _ in range(80)) for _ in range(30)]
    records = [{"id": f"d{i}", "text": rng.choice(bases) + f" tail{i % 3}"} for i in range(120)]
    write_jsonl(tmp_path / "in.jsonl", records)
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}.jsonl"
        args = ["dedup", str(tmp_path / "in.jsonl"), "-o", str(out), "--workers", workers, "-q"]
        assert CliRunner().invoke(main, args).exit_code == 0
        outputs.append((out.read_bytes(), (tmp_path / f"out{workers}.rejects.jsonl").read_bytes()))
    assert outputs[0] == outputs[1]
    assert len(read_jsonl(tmp_path / "out1.jsonl")) <= 30


def test_enumerated_settings_are_click_choices(tmp_path):
    from dataclasses import fields

    import click

    from textclean import DedupSettings

    command = main.commands["dedup"]
    options = {p.name: p for p in command.params}
    enumerated = [f for f in fields(DedupSettings) if "choices" in f.metadata]
    assert {f.name for f in enumerated} >= {"keep", "verify"}
    for f in enumerated:
        assert isinstance(options[f.name].type, click.Choice)
        assert list(options[f.name].type.choices) == list(f.metadata["choices"])
    write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": "one two three"}])
    result = CliRunner().invoke(
        main,
        ["dedup", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out"), "--keep", "biggest"],
    )
    assert result.exit_code == 2
    assert "longest" in result.output  # the error lists the accepted values
