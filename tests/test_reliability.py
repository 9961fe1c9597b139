"""Runs that are killed, resumed, or run under other hash seeds give the same bytes."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from test_cli import run

ROOT = Path(__file__).resolve().parent.parent
STEPS = ["--steps", "fix_mojibake", "--max-doc-bytes", "900", "--on-error", "skip"]


def make_shards(directory: Path, shards: int = 6, per_shard: int = 200) -> None:
    rng = random.Random(7)
    words = (
        "storm power homes utility said crews council vote lane street library opens monday".split()
    )
    directory.mkdir()
    for s in range(shards):
        lines = []
        for i in range(per_shard):
            if i % 97 == 13:
                lines.append('{"id": "broken", "text": ')
                continue
            n = rng.randint(5, 160)
            text = " ".join(rng.choice(words) for _ in range(n)) + " , it ’ s done ."
            lines.append(json.dumps({"id": f"s{s}-{i}", "text": text}, ensure_ascii=False))
        (directory / f"shard-{s:02d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_killed_run_leaves_no_finished_looking_file_and_resume_completes_it(tmp_path):
    make_shards(tmp_path / "in")
    ref, ref_rej = tmp_path / "ref.jsonl", tmp_path / "ref.rej.jsonl"
    started = time.perf_counter()
    run("clean", str(tmp_path / "in"), "-o", str(ref), "--rejects", str(ref_rej), "-q", *STEPS)
    full_run = time.perf_counter() - started
    assert ref_rej.read_bytes(), "the corpus is meant to produce rejects"
    rng = random.Random(11)
    for attempt in range(3):
        out, rej = tmp_path / f"out{attempt}.jsonl", tmp_path / f"rej{attempt}.jsonl"
        args = [
            sys.executable,
            "-m",
            "textclean",
            "clean",
            str(tmp_path / "in"),
            "-o",
            str(out),
            "--rejects",
            str(rej),
            "-q",
            *STEPS,
        ]
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 0.9) * full_run)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if out.exists():  # finished before the kill: then it must be complete
            assert out.read_bytes() == ref.read_bytes()
        run(
            "clean",
            str(tmp_path / "in"),
            "-o",
            str(out),
            "--rejects",
            str(rej),
            "-q",
            "--resume",
            *STEPS,
        )
        assert out.read_bytes() == ref.read_bytes()
        assert rej.read_bytes() == ref_rej.read_bytes()
        leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
        assert leftovers == [], f"work files left behind: {leftovers}"


def test_output_bytes_do_not_depend_on_the_hash_seed(tmp_path):
    outputs = []
    for seed in ("0", "12345"):
        out = tmp_path / f"out-{seed}.jsonl"
        run(
            "clean",
            str(ROOT / "examples" / "corpus.jsonl"),
            "-o",
            str(out),
            "-q",
            env={"PYTHONHASHSEED": seed},
        )
        outputs.append((out.read_bytes(), (tmp_path / f"out-{seed}.rejects.jsonl").read_bytes()))
    assert outputs[0] == outputs[1]


def test_resume_refuses_settings_it_cannot_checkpoint(tmp_path):
    proc = run("clean", str(ROOT / "examples"), "-o", "-", "--resume", check=False)
    assert proc.returncode == 2 and "resuming needs file input and output" in proc.stderr


def test_resume_after_a_changed_setting_redoes_the_work(tmp_path):
    src = tmp_path / "in"
    make_shards(src, shards=2, per_shard=50)
    out = tmp_path / "o.jsonl"
    work = tmp_path / ".o.jsonl.parts"
    work.mkdir()
    (work / "000000.done.json").write_text('{"expected": {"settings": "stale"}, "stats": {}}')
    run("clean", str(src), "-o", str(out), "-q", "--resume", *STEPS)
    ref = tmp_path / "ref.jsonl"
    run("clean", str(src), "-o", str(ref), "-q", *STEPS)
    assert out.read_bytes() == ref.read_bytes()
    assert not work.exists() and not os.path.exists(tmp_path / ".ref.jsonl.parts")


def test_partial_files_a_killed_run_left_are_removed_by_the_next_run(tmp_path):
    from textclean import Pipeline
    from textclean.run.engine import run_on_files

    out = tmp_path / "out.jsonl"
    stale = [tmp_path / ".out.jsonl.tmp-99999", tmp_path / ".out.rejects.jsonl.tmp-4"]
    for path in stale:
        path.write_bytes(b'{"half": ')
    keep = tmp_path / ".other.jsonl.tmp-5"
    keep.write_bytes(b"not ours")
    run_on_files(
        Pipeline.from_steps("fix_spacing"), [str(ROOT / "examples" / "corpus.jsonl")], str(out)
    )
    assert not any(path.exists() for path in stale) and keep.exists()
    assert out.read_bytes()


def test_ctrl_c_says_where_the_finished_work_is_and_how_to_go_on(tmp_path):
    """Interrupted after some checkpoints (pieces of 20 kB here; 64 MiB by default),
    the run keeps them and says where, for a resumed run to go on from."""
    make_shards(tmp_path / "in", shards=1, per_shard=3000)
    src, out = tmp_path / "in" / "shard-00.jsonl", tmp_path / "out.jsonl"
    code = (
        "from textclean import Pipeline\n"
        "from textclean.run.engine import run_on_files\n"
        "from textclean.io import ReadOptions\n"
        f"run_on_files(Pipeline.default(), [{str(src)!r}], {str(out)!r}, "
        "options=ReadOptions(on_error='skip'), piece_bytes=20_000)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True)
    work = tmp_path / ".out.jsonl.parts"
    deadline = time.monotonic() + 120
    while not any(work.glob("*.done.json")) and proc.poll() is None:
        assert time.monotonic() < deadline, "the first checkpoint never finished"
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode != 0 and not out.exists(), stderr
    assert f"interrupted: the finished checkpoints are kept in {work}" in stderr
    assert "with resume goes on" in stderr and any(work.glob("*.done.json"))


def test_ctrl_c_before_any_checkpoint_leaves_no_work_folder(tmp_path):
    make_shards(tmp_path / "in", shards=2, per_shard=300)
    out = tmp_path / "out.jsonl"
    args = [sys.executable, "-m", "textclean", "clean", str(tmp_path / "in"), "-o", str(out)]
    args += ["-q", "--on-error", "skip"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    work = tmp_path / ".out.jsonl.parts"
    deadline = time.monotonic() + 60
    while not work.is_dir() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130 and not out.exists(), stderr
    assert not work.exists() and "checkpoints are kept" not in stderr
