"""Workers die with their parent, and a terminated run leaves no temporary files.

A real ``textclean clean --workers 2`` run is started on enough documents to
keep both workers busy, then its parent is killed. Every process it started
(the workers and the multiprocessing resource tracker) must be gone shortly
after.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from textclean.workers import map_ordered

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

WORDS = "the quick brown fox jumps over a lazy dog while reporters write long news stories".split()


def _corpus(path: Path, n: int = 6000) -> None:
    with open(path, "wb") as fh:
        for i in range(n):
            words = [WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(300)]
            text = "\n".join(" ".join(words[j : j + 15]) + "." for j in range(0, 300, 15))
            fh.write(orjson.dumps({"id": i, "text": text}) + b"\n")


def _children_of(pid: int) -> set[int]:
    """Every live process whose command line names this run's marker directory."""
    out = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == pid:
            out.add(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _start(tmp_path: Path) -> tuple[subprocess.Popen, set[int]]:
    src = tmp_path / "in.jsonl"
    _corpus(src)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "textclean",
            "clean",
            str(src),
            "-o",
            str(tmp_path / "out.jsonl"),
            "--workers",
            "2",
            "--quiet",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group, as a terminal gives it
    )
    deadline = time.monotonic() + 60
    children: set[int] = set()
    while time.monotonic() < deadline:
        children = _children_of(proc.pid)
        if len(children) >= 3:  # two workers and the resource tracker
            break
        time.sleep(0.1)
    assert len(children) >= 3, "the run did not start its workers"
    time.sleep(1.0)
    return proc, children


def _wait_gone(pids: set[int], seconds: float = 10.0) -> set[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        left = {p for p in pids if _alive(p)}
        if not left:
            return left
        time.sleep(0.1)
    return {p for p in pids if _alive(p)}


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_die_with_their_parent(tmp_path: Path, sig: int):
    proc, children = _start(tmp_path)
    proc.send_signal(sig)
    proc.wait(timeout=30)
    survivors = _wait_gone(children)
    for pid in survivors:
        os.kill(pid, signal.SIGKILL)
    assert not survivors


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_terminated_run_leaves_no_temporary_files(tmp_path: Path, sig: int):
    """SIGTERM to the run, or Ctrl-C (SIGINT to its whole process group)."""
    proc, children = _start(tmp_path)
    if sig == signal.SIGINT:
        os.killpg(proc.pid, sig)
    else:
        proc.send_signal(sig)
    assert proc.wait(timeout=30) == 128 + sig
    assert not _wait_gone(children)
    leftovers = [p.name for p in tmp_path.rglob("*") if ".tmp-" in p.name]
    assert leftovers == []
    assert not (tmp_path / "out.jsonl").exists()


def test_stopping_early_kills_running_chunks_instead_of_waiting_for_them():
    """A run interrupted in the parent alone (SIGTERM, an error while writing)
    must not sit out the chunks its workers are still cleaning."""
    results = map_ordered(time.sleep, [0, 60, 60, 60, 60], workers=2)
    assert next(results) is None
    started = time.monotonic()
    results.close()
    assert time.monotonic() - started < 20, "closing waited for the running chunks"
