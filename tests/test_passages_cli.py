"""`textclean passages`: the clusters file, the summary and the HTML report in a browser."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from textclean.cli import main

QUOTE = "We hope this one-year moratorium might give Congress enough time to implement rules."
FURNITURE = "Sign up for our newsletter to get the most important stories delivered every morning."


def write_corpus(folder: Path) -> dict[str, str]:
    texts = {
        "a": f"A page about one thing, written plainly.\n{QUOTE}\n{FURNITURE}",
        "b": f"<script>alert('x')</script> Another page & more. {QUOTE} It ends here.\n{FURNITURE}",
        "c": f"{FURNITURE}\nA third page with nothing else in common with the others at all.",
    }
    lines = [json.dumps({"id": key, "text": text}) for key, text in texts.items()]
    (folder / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return texts


def run(args: list[str]):
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def test_clusters_file_summary_and_html(tmp_path: Path) -> None:
    texts = write_corpus(tmp_path)
    out, page = tmp_path / "clusters.jsonl", tmp_path / "report"
    result = run(["passages", str(tmp_path / "in.jsonl"), "-o", str(out), "--html", str(page)])
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["cluster"] for r in records] == list(range(len(records)))
    found = {tuple(sorted(o["doc"] for o in r["occurrences"])): r for r in records}
    assert set(found) == {("a", "b"), ("a", "b", "c")}
    for record in records:
        for occ in record["occurrences"]:
            assert set(occ) == {"doc", "start", "end", "text", "similarity"}
            assert texts[occ["doc"]][occ["start"] : occ["end"]] == occ["text"]
    assert {o["text"] for o in found[("a", "b")]["occurrences"]} == {QUOTE}
    # the summary ranks the furniture (3 documents) first
    lines = result.stderr.splitlines()
    assert lines[0].startswith("2 repeated passage(s), 5 occurrence(s) in 3 of 3")
    assert FURNITURE[:40] in lines[2] and "in: a, b, c" in lines[3]
    html = (page / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html


def test_no_repeats_writes_an_empty_file(tmp_path: Path) -> None:
    (tmp_path / "in.jsonl").write_text(
        json.dumps({"id": "x", "text": "Only one page here, and nothing on it repeats anywhere."})
        + "\n"
    )
    out = tmp_path / "clusters.jsonl"
    result = run(["passages", str(tmp_path / "in.jsonl"), "-o", str(out)])
    assert out.read_text() == ""
    assert result.stderr.startswith("0 repeated passage(s)")


def test_seeds_from_the_command_line(
    seeds_dir: Path, seeds: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "clusters.jsonl"
    run(["passages", str(seeds_dir), "-o", str(out), "-q"])
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    docs_per_cluster = [sorted({o["doc"][:3] for o in r["occurrences"]}) for r in records]
    assert ["000", "002"] in docs_per_cluster
    assert ["001", "003"] in docs_per_cluster
    assert ["001", "002", "003"] in docs_per_cluster
    for record in records:
        for occ in record["occurrences"]:
            assert seeds[occ["doc"]][occ["start"] : occ["end"]] == occ["text"]


class Marks(HTMLParser):
    """Collects ``<mark>`` elements with their text, element tags, ids and in-page links."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[tuple[dict[str, str], str]] = []
        self.tags: list[str] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self._open: dict[str, str] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        found = dict(attrs)
        if "id" in found:
            self.ids.add(found["id"])
        if tag == "a" and found.get("href", "").startswith("#occ-"):
            self.links.append(found["href"])
        if tag == "mark":
            self._open, self._text = dict(attrs), []

    def handle_endtag(self, tag):
        if tag == "mark" and self._open is not None:
            self.marks.append((self._open, "".join(self._text)))
            self._open = None

    def handle_data(self, data):
        if self._open is not None:
            self._text.append(data)


def chromium_dom(page: Path) -> str:
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary is None:
        pytest.skip(
            "chromium is not installed (apt-get install -y chromium): the browser check cannot run"
        )
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [
                binary,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--dump-dom",
                page.resolve().as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_html_report_highlights_the_spans_in_chromium(tmp_path: Path) -> None:
    write_corpus(tmp_path)
    out, page = tmp_path / "clusters.jsonl", tmp_path / "report.html"
    run(["passages", str(tmp_path / "in.jsonl"), "-o", str(out), "--html", str(page), "-q"])
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    parsed = Marks()
    parsed.feed(chromium_dom(page))
    assert "script" not in parsed.tags  # the scraped <script> is text, not an element
    expected = {
        (str(r["cluster"]), o["start"], o["end"], o["text"])
        for r in records
        for o in r["occurrences"]
    }
    shown = {
        (attrs["data-cluster"], int(attrs["data-start"]), int(attrs["data-end"]), text)
        for attrs, text in parsed.marks
        if "passage" in attrs.get("class", "")
    }
    assert shown == expected
    assert len(parsed.marks) == sum(len(r["occurrences"]) for r in records)
    # every link to another occurrence lands on a highlighted passage
    assert parsed.links and all(href[1:] in parsed.ids for href in parsed.links)
