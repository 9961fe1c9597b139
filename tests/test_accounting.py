"""Every command accounts for every record: read = written + rejected.

Each command runs on dirty input with bad lines and ``--on-error skip``; the
identity is read from the summary on stderr and checked against the files.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from cli_runs import run_textclean

from textclean.cli import main

EVAL_SET = Path(__file__).resolve().parent.parent / "examples" / "eval-questions.jsonl"
SUMMARY = re.compile(r"(\d[\d,]*) read = (\d[\d,]*) written \+ (\d[\d,]*) rejected")
COMMANDS = {
    "clean": ["clean", "--steps", "fix_mojibake,fix_spacing,boilerplate"],
    "dedup": ["dedup", "--threshold", "0.7"],
    "decontaminate": [
        "decontaminate",
        "--against",
        str(EVAL_SET),
        "--against-text-field",
        "question",
    ],
}
#: Commands that write no documents: explain prints, steps lists, passages writes clusters,
#: calibrate writes a config.
NOT_DOCUMENT_WRITERS = {"explain", "steps", "passages", "calibrate"}


def run(*args: str) -> subprocess.CompletedProcess:
    proc = run_textclean(*args, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture
def dirty(tmp_path: Path) -> Path:
    quote = "We hope this one-year moratorium might give Congress enough time to act on the rules."
    records = [
        {"id": f"d{i}", "text": f"Story {i} opens here. {quote} It ’s done , they said ."}
        for i in range(6)
    ]
    records.append({"id": "copy", "text": records[0]["text"]})
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines[2:2] = ['{"id": "broken", "text": ', '{"id": "no-text"}', "[1, 2, 3]"]
    path = tmp_path / "dirty.jsonl"
    path.write_bytes("\n".join(lines).encode() + b"\n\xff\xfe not utf-8\n")
    return path


def count(path: Path) -> int:
    return len(path.read_bytes().splitlines())


def test_every_document_writing_command_is_covered():
    assert set(main.commands) - NOT_DOCUMENT_WRITERS == set(COMMANDS)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_read_equals_written_plus_rejected(command, dirty, tmp_path):
    out, rej = tmp_path / "out.jsonl", tmp_path / "rej.jsonl"
    proc = run(
        *COMMANDS[command], str(dirty), "-o", str(out), "--rejects", str(rej), "--on-error", "skip"
    )
    read, written, rejected = (
        int(n.replace(",", "")) for n in SUMMARY.search(proc.stderr).groups()
    )
    assert read == count(dirty) == written + rejected
    assert (written, rejected) == (count(out), count(rej))
    block = re.search(r"rejected by reason:\n((?: {4}\S+ +\d+\n?)+)", proc.stderr).group(1)
    per_reason = {r: int(n) for r, n in re.findall(r"(\S+) +(\d+)", block)}
    assert sum(per_reason.values()) == rejected
    assert {"malformed_json", "invalid_utf8", "missing_text"} <= set(per_reason)


def test_passages_names_every_readable_document_in_its_summary(dirty, tmp_path):
    out = tmp_path / "clusters.jsonl"
    proc = run("passages", str(dirty), "-o", str(out), "--on-error", "skip")
    clusters = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    readable = 7
    assert f"of {readable} document(s)" in proc.stderr
    docs = {o["doc"] for c in clusters for o in c["occurrences"]}
    assert docs == {f"d{i}" for i in range(6)} | {"copy"}


def test_passages_accounts_for_the_records_it_skips(dirty, tmp_path):
    rej = tmp_path / "r.jsonl"
    proc = run(
        "passages",
        str(dirty),
        "-o",
        str(tmp_path / "c.jsonl"),
        "--rejects",
        str(rej),
        "--on-error",
        "skip",
    )
    found = re.search(r"(\d[\d,]*) read = (\d[\d,]*) analysed \+ (\d[\d,]*) rejected", proc.stderr)
    read, analysed, rejected = (int(n.replace(",", "")) for n in found.groups())
    assert read == count(dirty) == analysed + rejected
    assert rejected == count(rej) > 0
