"""`ProgressBar`: the file jobs' progress callable, silent off a terminal."""

from __future__ import annotations

import io
import json

import textclean
from textclean.run import ProgressBar, clean_files


def test_the_bar_is_silent_off_a_terminal(capsys):
    with ProgressBar("clean") as bar:
        bar(10, 100)
    assert bar.enabled is False
    assert capsys.readouterr().err == ""


def test_the_bar_reaches_the_total_input_size(tmp_path, monkeypatch):
    src = tmp_path / "in.jsonl"
    rows = [{"id": str(i), "text": f"Story number {i} says the park reopened."} for i in range(50)]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    err = io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    seen: list[tuple[int, int | None]] = []
    with ProgressBar("clean") as bar:
        bar.enabled = True  # as on a terminal

        def record(done: int, total: int | None) -> None:
            seen.append((done, total))
            bar(done, total)

        clean_files([str(src)], str(tmp_path / "out.jsonl"), progress=record)
    assert seen and seen[-1] == (src.stat().st_size, src.stat().st_size)
    assert "clean" in err.getvalue() and "100%" in err.getvalue()
    assert bar._bar is None  # closed on exit


def test_the_bar_is_public():
    assert textclean.ProgressBar is ProgressBar
    assert "ProgressBar" in textclean.__all__
