"""The CLI, run as a user runs it (`cli_runs`: in this process where a fresh one would give the same)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from cli_runs import run_textclean

from textclean import registry

ROOT = Path(__file__).resolve().parent.parent


def run(
    *args: str,
    cwd: Path | None = None,
    check: bool = True,
    env: dict | None = None,
    stdin: str | None = None,
) -> subprocess.CompletedProcess:
    proc = run_textclean(*args, cwd=cwd, env=env, stdin=stdin)
    if check and proc.returncode != 0:
        raise AssertionError(
            f"textclean {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr}"
        )
    return proc


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_clean_the_seeds_writes_five_records_and_a_summary(seeds_dir, tmp_path):
    out = tmp_path / "out.jsonl"
    proc = run("clean", str(seeds_dir), "-o", str(out))
    records = read_jsonl(out)
    assert [r["id"] for r in records] == sorted(p.stem for p in seeds_dir.glob("*.txt"))
    assert "5 read = 5 written + 0 rejected" in proc.stderr


def test_the_quickstart_runs_on_the_examples(tmp_path):
    out = tmp_path / "out.jsonl"
    proc = run("clean", str(ROOT / "examples" / "corpus.jsonl"), "-o", str(out))
    lines = (ROOT / "examples" / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    rejects = tmp_path / "out.rejects.jsonl"
    assert len(read_jsonl(out)) + len(read_jsonl(rejects)) == len(lines)
    assert "read =" in proc.stderr


def test_a_malformed_line_fails_naming_it_and_skip_sends_it_to_rejects(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": "a", "text": "good one"}\n{"id": "b", "text": \n{"id": "c", "text": "good two"}\n'
    )
    out, rej = tmp_path / "out.jsonl", tmp_path / "rej.jsonl"
    failed = run("clean", str(src), "-o", str(out), "--steps", "", check=False)
    assert failed.returncode == 2
    assert f"{src}:2" in failed.stderr and "malformed JSON" in failed.stderr
    assert not out.exists()
    proc = run(
        "clean",
        str(src),
        "-o",
        str(out),
        "--rejects",
        str(rej),
        "--on-error",
        "skip",
        "--steps",
        "",
    )
    assert [r["id"] for r in read_jsonl(out)] == ["a", "c"]
    (bad,) = read_jsonl(rej)
    assert bad["textclean"]["rejected"]["reason"] == "malformed_json"
    assert bad["raw"] == '{"id": "b", "text": '
    assert "3 read = 2 written + 1 rejected" in proc.stderr


def test_an_unknown_step_lists_the_known_ones(tmp_path):
    proc = run(
        "clean",
        str(ROOT / "examples"),
        "-o",
        str(tmp_path / "o.jsonl"),
        "--steps",
        "nope",
        check=False,
    )
    assert proc.returncode == 2 and "unknown step 'nope'" in proc.stderr


def test_steps_lists_every_registered_step():
    listed = run("steps", "--names").stdout.split()
    assert listed == list(registry.available())


def test_explain_prints_a_report_per_document():
    proc = run("explain", str(ROOT / "examples" / "corpus.jsonl"), "--id", "museum")
    assert proc.stdout.startswith("document museum:")


def make_corpus(path: Path, n: int) -> None:
    words = "the council said on tuesday that a new lane would open near harbor street after years of debate".split()
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            body = " ".join(words[(i + k) % len(words)] for k in range(40 + i % 50))
            text = (
                f"Report {i} ,  {body} . ” It ’ s  done ."
                if i % 3 == 0
                else body.capitalize() + "."
            )
            f.write(json.dumps({"id": f"d{i}", "text": text}) + "\n")


@pytest.mark.parametrize("workers", ["2"])
def test_workers_output_is_byte_identical_on_ten_thousand_documents(tmp_path, workers):
    src = tmp_path / "big.jsonl"
    make_corpus(src, 10_000)
    one, many = tmp_path / "one.jsonl", tmp_path / "many.jsonl"
    steps = ["--steps", "fix_mojibake,fix_spacing"]
    run("clean", str(src), "-o", str(one), "-q", *steps)
    run("clean", str(src), "-o", str(many), "-q", "--workers", workers, *steps)
    assert one.read_bytes() == many.read_bytes()
    assert (tmp_path / "one.rejects.jsonl").read_bytes() == (
        tmp_path / "many.rejects.jsonl"
    ).read_bytes()


def test_clean_with_a_toml_config_file(tmp_path):
    config = tmp_path / "p.toml"
    config.write_text(
        'record = "full"\n[input]\ntext_field = "body"\n[[steps]]\nname = "fix_spacing"\n',
        encoding="utf-8",
    )
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "x", "body": "It ’ s here ."}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run("clean", str(src), "-o", str(out), "--config", str(config))
    (record,) = read_jsonl(out)
    assert record["body"] == "It’s here."
    assert {c["step"] for c in record["textclean"]["changes"]} == {"fix_spacing"}


def test_the_example_config_runs(tmp_path):
    out = tmp_path / "out.jsonl"
    run(
        "clean",
        str(ROOT / "examples" / "corpus.jsonl"),
        "-o",
        str(out),
        "--config",
        str(ROOT / "examples" / "pipeline.toml"),
    )
    assert read_jsonl(out)


def test_stdin_to_stdout(tmp_path):
    lines = '{"id": "a", "text": "Hello , world ."}\n{"id": "b", "text": \n'
    args = ["clean", "-", "-o", "-", "--steps", "fix_spacing", "--on-error", "skip", "-q"]
    proc = run(*args, cwd=tmp_path, check=False, stdin=lines)
    assert proc.returncode == 0, proc.stderr
    (record,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert (record["id"], record["text"]) == ("a", "Hello, world.")
    (reject,) = read_jsonl(tmp_path / "textclean.rejects.jsonl")
    assert (
        reject["id"] == "stdin:2" and reject["textclean"]["rejected"]["reason"] == "malformed_json"
    )


def test_a_run_from_stdin_reports_the_bytes_it_read(tmp_path):
    body = "".join(
        json.dumps({"id": str(k), "text": f"Story {k} opens here. " * 2000}) + "\n"
        for k in range(3)
    )
    args = ["clean", "-", "-o", "out.jsonl", "--steps", "fix_spacing"]
    proc = run(*args, cwd=tmp_path, check=False, stdin=body)
    assert proc.returncode == 0, proc.stderr
    summary = proc.stderr.splitlines()[0]
    assert f"{len(body.encode()) / 1e6:.2f} MB," in summary, summary


@pytest.mark.parametrize(
    ("args", "flag"),
    [
        (["dedup", "--threshold", "1.5"], "--threshold"),
        (["dedup", "--threshold", "0"], "--threshold"),
        (["dedup", "--num-perm", "0"], "--num-perm"),
        (["dedup", "--max-bucket", "1"], "--max-bucket"),
        (["passages", "--min-words", "0"], "--min-words"),
        (["clean", "--max-doc-bytes", "0"], "--max-doc-bytes"),
    ],
)
def test_a_number_out_of_its_range_is_refused_naming_its_flag(args, flag, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "One line of text."}) + "\n", encoding="utf-8")
    proc = run(args[0], str(src), "-o", str(tmp_path / "out.jsonl"), *args[1:], check=False)
    assert proc.returncode == 2, proc.stderr
    assert flag in proc.stderr
    assert not (tmp_path / "out.jsonl").exists()
