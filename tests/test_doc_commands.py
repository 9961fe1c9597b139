"""Every shell command shown in README.md and docs/ runs.

Fenced ``sh`` blocks are extracted and run with ``bash`` in a scratch folder
holding the files they name (``data/``, ``in.jsonl``, ``crawl/``,
``crawl.warc.gz``, ``pages/``, ...), with ``textclean`` the package under
test; a plain ``textclean`` command runs in this process where a fresh one
would give the same (`cli_runs`), anything a shell must read in bash. A
comment line just before a block marks the ones that cannot run as written:

- ``<!-- sh: server (...) -->``: starts servers (a Dask scheduler and
  workers); the test starts them on a free port of 127.0.0.1, in the
  background, and the other blocks' ``tcp://SCHEDULER_HOST:8786`` points there;
- ``<!-- sh: after-install (...) -->``: the part after ``pip install`` runs;
- ``<!-- sh: not-run (reason) -->``: installs packages, or runs this suite.

A block of another language that starts with a command is an error: a
command the docs show is either run here or marked with its reason. Command
synopses (``IN...``, ``[--option]``) are ``text`` blocks.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_runs import run_textclean

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```(\w*)\s*$")
MARK = re.compile(r"^<!-- sh: ([\w-]+)")
COMMAND_START = re.compile(r"^(textclean|python3?|pip|dask|\.venv/bin/)\b")


def blocks() -> list[tuple[str, int, str, str | None, list[str]]]:
    """(file, line, language, mark, lines) of every fenced block."""
    found = []
    for path in DOCS:
        lines = path.read_text(encoding="utf-8").splitlines()
        i = 0
        while i < len(lines):
            m = FENCE.match(lines[i])
            if not m:
                i += 1
                continue
            j = i + 1
            while not lines[j].startswith("```"):
                j += 1
            mark = None
            for back in (i - 1, i - 2):
                if back >= 0 and (mm := MARK.match(lines[back])):
                    mark = mm.group(1)
            found.append((path.name, i + 1, m.group(1), mark, lines[i + 1 : j]))
            i = j + 1
    return found


def commands(lines: list[str]) -> list[str]:
    """Shell commands of a block: continuation lines joined, comments kept for bash."""
    out, current = [], ""
    for line in lines:
        if line.rstrip().endswith("\\"):
            current += line.rstrip()[:-1] + " "
            continue
        current += line
        if current.strip():
            out.append(current.strip())
        current = ""
    return out


SH = [b for b in blocks() if b[2] == "sh"]
# Blocks that need the documented scheduler run last, so its processes live
# only while they are used.
RUN = sorted((b for b in SH if b[3] is None), key=lambda b: any("--scheduler" in c for c in b[4]))


def test_every_command_shown_is_an_sh_block():
    loose = [
        f"{name}:{line}"
        for name, line, lang, _, lines in blocks()
        if lang not in ("sh", "text", "python", "toml", "json")
        and lines
        and COMMAND_START.match(lines[0])
    ]
    assert not loose, f"commands outside sh blocks (tag them sh, or text for a synopsis): {loose}"
    marks = {b[3] for b in SH} - {None}
    assert marks <= {"server", "after-install", "not-run"}, marks


ARTICLES = [
    json.loads(line)
    for line in (ROOT / "examples" / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory) -> dict:
    """A scratch folder with every file the commands name, and a PATH whose
    ``textclean`` is the package under test."""
    import zstandard

    base = tmp_path_factory.mktemp("docs")
    shutil.copytree(ROOT / "examples", base / "examples")
    shutil.copy(ROOT / "examples" / "pipeline.toml", base / "pipeline.toml")
    shutil.copy(ROOT / "examples" / "corpus.jsonl", base / "in.jsonl")
    for folder in ("data", "shared/crawl", "crawl"):
        (base / folder).mkdir(parents=True)
    (base / "shared" / "out").mkdir()
    half = len(ARTICLES) // 2
    for k, part in enumerate((ARTICLES[:half], ARTICLES[half:])):
        body = "".join(json.dumps(r) + "\n" for r in part).encode("utf-8")
        (base / "data" / f"part-{k}.jsonl").write_bytes(body)
        (base / "shared" / "crawl" / f"part-{k}.jsonl").write_bytes(body)
        (base / "crawl" / f"part-{k}.jsonl.zst").write_bytes(zstandard.compress(body))
    from warc_files import page, warc_bytes  # WARC and HTML input (the html extra)

    (base / "crawl.warc.gz").write_bytes(warc_bytes(gzip=True))
    (base / "pages").mkdir()
    (base / "pages" / "story.html").write_text(page("Park grows"), encoding="utf-8")
    bin_dir = base / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "textclean"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m textclean "$@"\n')
    shim.chmod(0o755)
    env = {
        **os.environ,
        "PATH": f"{bin_dir}:{Path(sys.executable).parent}:{os.environ['PATH']}",
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    return {"dir": base, "env": env, "port": free_port()}


def localize(command: str, port: int) -> str:
    command = command.replace("SCHEDULER_HOST:8786", f"127.0.0.1:{port}")
    command = command.replace("--port 8786", f"--port {port}")
    # Two cores on the test machine, and each worker process costs a start-up:
    # the documented scheduler and local clusters get one worker each.
    command = re.sub(r"--nworkers \d+", "--nworkers 1", command)
    command = re.sub(r"\blocal:\d+", "local:1", command)
    return command.replace(" /shared/", " shared/")


#: What only a shell understands: operators, expansions and globs.
SHELL_ONLY = set("|&;<>()$`*?[]{}~")


def textclean_arguments(command: str) -> list[str] | None:
    """The arguments of a plain ``textclean ...`` command (comments dropped), or
    None when it needs a shell (a pipe, a redirection, an expansion, a glob)."""
    words = shlex.split(command, comments=True)
    if not words or words[0] != "textclean" or SHELL_ONLY & set("".join(words)):
        return None
    return words[1:]


def run_block(lines: list[str], box: dict) -> None:
    """Each command in turn: a plain ``textclean`` command as the shell would run
    it, in this process where a fresh one would give the same (`cli_runs`), the
    others with bash."""
    for command in commands(lines):
        command = localize(command, box["port"])
        arguments = textclean_arguments(command)
        if arguments is not None:
            proc = run_textclean(*arguments, cwd=box["dir"], timeout=600)
        else:
            proc = subprocess.run(
                ["bash", "-euo", "pipefail", "-c", command],
                cwd=box["dir"],
                env=box["env"],
                capture_output=True,
                text=True,
                timeout=600,
            )
        assert proc.returncode == 0, f"{command}\n{proc.stderr[-3000:]}"


def _param(block):
    dask = any("--dask" in line or "--scheduler" in line for line in block[4])
    return pytest.param(
        block, id=f"{block[0]}:{block[1]}", marks=[pytest.mark.slow] if dask else []
    )


def test_the_quickstart_runs_after_its_install(sandbox):
    (block,) = [b for b in SH if b[3] == "after-install"]
    (command,) = commands(block[4])
    after = command.split("pip install", 1)[1].split("&&", 1)[1]
    run_block([after.replace(".venv/bin/", "")], sandbox)
    assert (sandbox["dir"] / "out.jsonl").stat().st_size > 0


@pytest.mark.parametrize("block", [_param(b) for b in RUN])
def test_a_documented_command_runs(block, sandbox, request):
    name, line, _, _, lines = block
    if any("--scheduler" in c for c in lines):
        request.getfixturevalue("scheduler")
    run_block(lines, sandbox)


@pytest.fixture(scope="module")
def scheduler(sandbox):
    """The documented scheduler and worker commands, started in the background.

    The port is chosen here, just before the scheduler binds it (a port picked
    earlier may have been taken meanwhile by a cluster another command
    started); a start that fails is retried on a fresh port, and the
    processes' own logs are shown when it never comes up."""
    pytest.importorskip("distributed")
    (block,) = [b for b in SH if b[3] == "server"]
    logs = sandbox["dir"] / "scheduler-logs"
    logs.mkdir(exist_ok=True)
    failures = []
    for attempt in range(3):
        sandbox["port"] = free_port()
        procs = _start_server(commands(block[4]), sandbox, logs, attempt)
        try:
            problem = _wait_for_workers(sandbox["port"], procs, deadline=240)
        except BaseException:
            _stop(procs)
            raise
        if problem is None:
            break
        _stop(procs)
        failures.append(problem + "\n" + _tails(logs, attempt))
    else:
        pytest.fail("the documented Dask scheduler did not start:\n" + "\n".join(failures))
    try:
        yield
    finally:
        _stop(procs)


def _start_server(lines: list[str], box: dict, logs: Path, attempt: int) -> list:
    procs = []
    for k, command in enumerate(lines):
        log = open(logs / f"{attempt}-{k}.log", "wb")
        procs.append(
            subprocess.Popen(
                ["bash", "-c", "exec " + localize(command, box["port"])],
                cwd=box["dir"],
                env=box["env"],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
        log.close()
        if k == 0:
            time.sleep(1)  # the scheduler binds its port before workers dial it
    return procs


def _wait_for_workers(port: int, procs: list, deadline: float) -> str | None:
    """None once a worker has joined; otherwise why not."""
    from distributed import Client

    end = time.monotonic() + deadline
    last = "no answer"
    while time.monotonic() < end:
        dead = [p.args[-1] for p in procs if p.poll() is not None]
        if dead:
            return f"exited early: {dead}"
        try:
            with Client(f"tcp://127.0.0.1:{port}", timeout=10) as client:
                if client.scheduler_info()["workers"]:
                    return None
        except Exception as error:  # noqa: BLE001 - any failure to reach it is retried
            last = f"{type(error).__name__}: {error}"
        time.sleep(1)
    return f"no worker joined within {deadline:.0f} s (last: {last})"


def _tails(logs: Path, attempt: int) -> str:
    parts = []
    for log in sorted(logs.glob(f"{attempt}-*.log")):
        text = log.read_text(encoding="utf-8", errors="replace")
        parts.append(f"--- {log.name}\n{text[-2000:]}")
    return "\n".join(parts)


def _stop(procs: list) -> None:
    for proc in procs:
        if proc.poll() is None:
            proc.terminate()
    for proc in procs:
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
