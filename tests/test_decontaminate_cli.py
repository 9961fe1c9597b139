"""`textclean decontaminate` from files: outputs, rejects, summary, errors."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from click.testing import CliRunner

from textclean import Change, apply_changes
from textclean.cli import main

ITEM = "Which planet in our solar system has the most moons orbiting it according to recent counts?"
SHORT = "Name the capital city of Australia, please."  # 7 words
CORPUS = {
    "talk": f"We talked about space over dinner. {ITEM} Saturn, it turns out, after new "
    "discoveries were confirmed by astronomers last year.",
    "quiz": f"The pub quiz was hard. Question one: {SHORT} Nobody knew it, sadly, though "
    "Canberra was on the tip of every tongue in the room.",
    "copy": f"{ITEM} Answer below.",
    "garden": "Unrelated text about gardens and the many moons of poetry.",
}


def write_jsonl(path: Path, records: list[dict], opener=open) -> None:
    with opener(path, "wt", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r) + "\n" for r in records)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def setup(tmp_path: Path) -> None:
    write_jsonl(
        tmp_path / "eval.jsonl",
        [{"qid": "astro-3", "question": ITEM}, {"qid": "geo-1", "question": SHORT}],
    )
    write_jsonl(
        tmp_path / "in.jsonl.gz",
        [{"id": k, "text": v, "src": "web"} for k, v in CORPUS.items()],
        opener=gzip.open,
    )


def run(tmp_path: Path, *extra: str, code: int = 0):
    args = ["decontaminate", str(tmp_path / "in.jsonl.gz"), "-o", str(tmp_path / "out.jsonl")]
    args += ["--against", str(tmp_path / "eval.jsonl"), "--against-text-field", "question"]
    args += ["--against-id-field", "qid", *extra]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


def test_cuts_drops_and_accounts_for_every_record(tmp_path):
    setup(tmp_path)
    result = run(tmp_path, "--min-words", "5")
    out = {r["id"]: r for r in read_jsonl(tmp_path / "out.jsonl")}
    rejects = read_jsonl(tmp_path / "out.rejects.jsonl")
    assert set(out) == {"talk", "quiz", "garden"} and [r["id"] for r in rejects] == ["copy"]
    assert out["garden"]["text"] == CORPUS["garden"] and "textclean" not in out["garden"]
    assert ITEM not in out["talk"]["text"] and out["talk"]["src"] == "web"
    assert SHORT not in out["quiz"]["text"]
    for key in ("talk", "quiz"):
        changes = out[key]["textclean"]["changes"]
        replay = [Change(**{k: v for k, v in c.items() if k != "step"}) for c in changes]
        assert apply_changes(CORPUS[key], replay) == out[key]["text"]
    assert out["quiz"]["textclean"]["changes"][0]["reason"] == "decontaminated: geo-1"
    rejected = rejects[0]["textclean"]["rejected"]
    assert rejected["reason"] == "contaminated" and "'astro-3'" in rejected["detail"]
    assert "4 read = 3 written + 1 rejected" in result.stderr
    assert "2 record(s), " in result.stderr and "0 record(s) under 5 words" in result.stderr


def test_defaults_leave_a_short_record_out_and_options_change_the_outcome(tmp_path):
    setup(tmp_path)
    run(tmp_path, "--rejects", str(tmp_path / "dropped.jsonl"), "--max-overlap", "1")
    out = {r["id"]: r for r in read_jsonl(tmp_path / "out.jsonl")}
    assert out["quiz"]["text"] == CORPUS["quiz"]  # 7 words < --min-words 8
    assert out["copy"]["text"] == "Answer below."  # kept: any share allowed
    assert read_jsonl(tmp_path / "dropped.jsonl") == []


def test_text_input_and_the_same_bytes_on_every_run(tmp_path):
    setup(tmp_path)
    pages = tmp_path / "pages"
    pages.mkdir()
    for key, text in CORPUS.items():
        (pages / f"{key}.txt").write_text(text, encoding="utf-8")
    args = ["decontaminate", str(pages), "--against", str(tmp_path / "eval.jsonl")]
    args += ["--against-text-field", "question", "-q"]
    first = CliRunner().invoke(main, [*args, "-o", str(tmp_path / "a.jsonl")])
    second = CliRunner().invoke(main, [*args, "-o", str(tmp_path / "b.jsonl")])
    assert first.exit_code == second.exit_code == 0 and first.stderr == ""
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    texts = [r["text"] for r in read_jsonl(tmp_path / "a.jsonl")]
    assert len(texts) == 3 and not any(ITEM in t for t in texts)


def test_errors_name_the_culprit(tmp_path):
    setup(tmp_path)
    eval_file = str(tmp_path / "eval.jsonl")
    args = ["decontaminate", str(tmp_path / "in.jsonl.gz"), "-o", eval_file, "--against", eval_file]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and "is also an input" in result.output
    assert (tmp_path / "eval.jsonl").read_text(encoding="utf-8").count("astro-3") == 1
    # the evaluation records have no "text" field: which file, which line, what to do
    result = CliRunner().invoke(
        main,
        ["decontaminate", str(tmp_path / "in.jsonl.gz"), "-o", str(tmp_path / "o.jsonl")]
        + ["--against", eval_file],
    )
    assert result.exit_code == 2 and "evaluation set: " in result.output
    assert "eval.jsonl:1: no 'text' field" in result.output and "name the fields" in result.output


def test_workers_write_the_same_bytes(tmp_path):
    setup(tmp_path)
    texts = list(CORPUS.values())
    records = [{"id": f"d{i}", "text": f"{texts[i % 4]} Page {i}."} for i in range(700)]
    write_jsonl(tmp_path / "many.jsonl", records)
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}.jsonl"
        args = ["decontaminate", str(tmp_path / "many.jsonl"), "-o", str(out), "--workers", workers]
        args += ["--against", str(tmp_path / "eval.jsonl"), "--against-text-field", "question"]
        result = CliRunner().invoke(main, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        assert "700 read = 525 written + 175 rejected" in result.stderr
        outputs.append(
            (out.read_bytes(), out.with_name(f"out{workers}.rejects.jsonl").read_bytes())
        )
    assert outputs[0] == outputs[1]


def test_an_evaluation_record_without_the_text_field_names_the_flags(tmp_path):
    setup(tmp_path)
    args = ["decontaminate", str(tmp_path / "in.jsonl.gz"), "-o", str(tmp_path / "out.jsonl")]
    result = CliRunner().invoke(main, [*args, "--against", str(tmp_path / "eval.jsonl")])
    assert result.exit_code == 2
    assert "eval.jsonl:1: no 'text' field" in result.output
    assert "--against-text-field" in result.output
