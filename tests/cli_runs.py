"""Run the `textclean` command for a test, in this process where that is the same.

Starting a fresh interpreter costs about a second of CPU (imports, the
boilerplate model, the language profiles, the rule automata), paid again by
every command a test runs. A command that needs nothing a fresh process gives
runs here instead, through click's test runner, with what a process would
have reset put back: the working directory, the signal handlers the command
installs, and the warning filters (so a warning shown once per run is shown
again by the next run). A command that starts workers or a Dask cluster, or
that a test runs with its own environment, still gets a process of its own.
An exception the command does not handle becomes a traceback on stderr and
exit status 1, as Python prints it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import traceback
import warnings
from pathlib import Path

from click.testing import CliRunner

from textclean.cli import main

#: Options whose commands start processes: these run as a command of their own.
NEEDS_A_PROCESS = ("--workers", "--dask", "--scheduler")


def needs_a_process(args: tuple[str, ...], env: dict | None) -> bool:
    return bool(env) or any(a.split("=")[0] in NEEDS_A_PROCESS for a in args)


def run_textclean(
    *args: str,
    cwd: Path | None = None,
    env: dict | None = None,
    stdin: str | None = None,
    timeout: float | None = None,
    text: bool = True,
) -> subprocess.CompletedProcess:
    """``python -m textclean ARGS``: its exit status, stdout and stderr (text, or
    bytes with ``text=False``)."""
    if needs_a_process(args, env):
        return subprocess.run(
            [sys.executable, "-m", "textclean", *args],
            capture_output=True,
            text=text,
            cwd=cwd,
            env={**os.environ, **(env or {})},
            input=stdin,
            timeout=timeout,
        )
    handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    here = os.getcwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        with warnings.catch_warnings():
            warnings.simplefilter("default")
            result = CliRunner().invoke(
                main, list(args), input=stdin, prog_name="python -m textclean"
            )
    finally:
        os.chdir(here)
        for number, handler in handlers.items():
            signal.signal(number, handler)
    stdout, stderr = result.stdout_bytes, result.stderr_bytes
    code = result.exit_code
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        error = result.exception
        shown = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        stderr += shown.encode("utf-8")
        code = 1
    if text:
        stdout, stderr = stdout.decode("utf-8", "replace"), stderr.decode("utf-8", "replace")
    return subprocess.CompletedProcess(["textclean", *args], code, stdout, stderr)
