"""Steps of other installed packages, found through the ``textclean.steps`` entry points.

Each test lays out a real distribution (a module and its ``.dist-info`` with
``entry_points.txt``) in a folder on ``PYTHONPATH`` and runs the command line
in a fresh interpreter, which finds it as it finds any installed package.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from textclean import register
from textclean.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent

STEP_MODULE = '''
from dataclasses import dataclass

from textclean import Change, TextStep, register


@register("strip_tabs")
@dataclass(frozen=True)
class StripTabs(TextStep):
    """Replaces tabs with single spaces."""

    def edit(self, text):
        changes = [Change("tab", i, i + 1, "\\t", " ", "tabs are layout")
                   for i, ch in enumerate(text) if ch == "\\t"]
        return text.replace("\\t", " "), changes
'''


def install(folder: Path, module: str, source: str) -> None:
    """A distribution named ``module`` whose entry point imports ``module``."""
    (folder / f"{module}.py").write_text(source, encoding="utf-8")
    info = folder / f"{module}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f"[textclean.steps]\n{module} = {module}\n")


def textclean(folder: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(folder)])}
    return subprocess.run(
        [sys.executable, "-m", "textclean", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=folder,
        timeout=300,
    )


def test_a_step_of_an_installed_package_works_on_the_command_line(tmp_path):
    install(tmp_path, "tabs_plugin", STEP_MODULE)
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "one\ttwo"}) + "\n", encoding="utf-8")
    proc = textclean(tmp_path, "clean", str(src), "-o", "-", "--steps", "strip_tabs", "-q")
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["text"] == "one two" and record["textclean"]["edits"] == {"strip_tabs": 1}
    assert "strip_tabs" in textclean(tmp_path, "steps", "--names").stdout.split()


def test_a_plugin_that_fails_to_load_names_itself(tmp_path):
    install(tmp_path, "broken_plugin", "raise RuntimeError('no luck')\n")
    proc = textclean(tmp_path, "steps", "--names")
    assert proc.returncode == 2
    assert "steps plugin 'broken_plugin'" in proc.stderr and "no luck" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_register_refuses_a_plain_function_naming_the_way_to_use_it():
    with pytest.raises(ConfigError, match="not a class"):

        @register("plain_function_step")
        def plain(doc):  # pragma: no cover - never registered
            return doc
