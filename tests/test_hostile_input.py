"""Hostile input: every command finishes, accounts for it and writes valid UTF-8 JSON lines.

Invalid UTF-8, mixed encodings, NUL bytes, lone surrogates (as JSON
``\\ud800`` escapes), bidirectional controls, empty files and empty texts go
through the CLI as a user runs it; a 50 MB document goes through with its
memory measured in a child process. The library laws check that repair
output can always be encoded.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_runs import run_textclean
from hypothesis import given, settings
from hypothesis import strategies as st

from textclean.document import Document, Drop
from textclean.pipeline import Pipeline
from textclean.repair.mojibake import fix_mojibake
from textclean.testing import articles
from textclean.testing.bank import SENTENCES

COMMANDS = {
    "clean": ["clean", "--steps", "fix_mojibake,fix_spacing"],
    "dedup": ["dedup"],
    "passages": ["passages"],
}

#: Lines a scraper can hand us, as raw bytes; the ids of the readable ones.
HOSTILE = [
    b'{"id": "plain", "text": "A plain sentence about the weather on Tuesday."}',
    b'{"id": "latin1", "text": "caf\xe9 written in Latin-1 \xff\xfe inside JSON"}',
    '{"id": "mixed", "text": "café beside cafÃ© and â€œquotedâ€\x9d text"}'.encode(),
    b'{"id": "nul", "text": "an escaped NUL\\u0000 inside"}',
    b'{"id": "rawnul", "text": "a raw NUL \x00 byte is not JSON"}',
    b'{"id": "surrogates", "text": "lone \\ud800 high and \\udfff low surrogate"}',
    b'{"id": "pair", "text": "a real pair \\ud83d\\ude00 stays"}',
    '{"id": "bidi", "text": "invoice \u202egnp.exe\u202c and \u2066isolate\u2069 \u200fmarks"}'.encode(),
    b'{"id": "empty", "text": ""}',
    b'{"id": "blank", "text": "  \\n\\t  "}',
    b"\xff\xfe\x00garbage that is not JSON",
    b'{"id": "ctrl", "text": "terminal \\u001b[31mred\\u001b[0m and \\u0085 NEL"}',
]
READABLE = ["plain", "mixed", "nul", "surrogates", "pair", "bidi", "empty", "blank", "ctrl"]


def run(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    proc = run_textclean(*args, timeout=300, text=False)
    if check:
        assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    return proc


def jsonl(path: Path) -> list[dict]:
    """Records of a file that must be strict UTF-8 and one JSON object a line."""
    text = path.read_bytes().decode("utf-8")  # raises on any invalid byte
    return [json.loads(line) for line in text.split("\n") if line]


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.jsonl"
    path.write_bytes(b"\n".join(HOSTILE) + b"\n")
    return path


@pytest.mark.parametrize("command", ["clean", "dedup"])
def test_hostile_records_end_in_output_or_rejects_as_valid_utf8_json(command, hostile, tmp_path):
    out, rej = tmp_path / "out.jsonl", tmp_path / "rej.jsonl"
    run(
        *COMMANDS[command],
        str(hostile),
        "-o",
        str(out),
        "--rejects",
        str(rej),
        "--on-error",
        "skip",
    )
    kept, rejected = jsonl(out), jsonl(rej)
    assert len(kept) + len(rejected) == len(HOSTILE)
    assert {r["id"] for r in kept} | {r["id"] for r in rejected} >= set(READABLE)
    unreadable = [r["textclean"]["rejected"]["reason"] for r in rejected if r["id"] not in READABLE]
    assert sorted(unreadable) == ["invalid_utf8", "invalid_utf8", "malformed_json"]


def test_clean_output_holds_no_nul_and_no_lone_surrogate(hostile, tmp_path):
    out = tmp_path / "out.jsonl"
    run(*COMMANDS["clean"], str(hostile), "-o", str(out), "--on-error", "skip", "-q")
    for record in jsonl(out):
        assert "\x00" not in record["text"]
        record["text"].encode("utf-8")  # a lone surrogate cannot be encoded
    texts = {r["id"]: r["text"] for r in jsonl(out)}
    assert texts["mixed"].startswith("café beside café and “quoted”")
    assert texts["pair"] == "a real pair 😀 stays"


def test_passages_reads_hostile_input_and_writes_valid_clusters(hostile, tmp_path):
    out = tmp_path / "clusters.jsonl"
    proc = run("passages", str(hostile), "-o", str(out), "--on-error", "skip")
    assert jsonl(out) == []
    assert f"of {len(READABLE)} document(s)" in proc.stderr.decode("utf-8")


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_an_empty_file_gives_empty_valid_output(command, tmp_path):
    src, out = tmp_path / "empty.jsonl", tmp_path / "out.jsonl"
    src.write_bytes(b"")
    proc = run(*COMMANDS[command], str(src), "-o", str(out))
    assert jsonl(out) == []
    if command != "passages":
        assert "0 read = 0 written + 0 rejected" in proc.stderr.decode("utf-8")


MEASURE = """
import resource, subprocess, sys
proc = subprocess.run(sys.argv[1:], capture_output=True)
sys.stderr.buffer.write(proc.stderr)
print(proc.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def peak_kib(*args: str) -> tuple[int, int]:
    """Exit code and peak resident memory (KiB) of one CLI run, measured by a parent process."""
    proc = subprocess.run(
        [sys.executable, "-c", MEASURE, sys.executable, "-m", "textclean", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )
    code, peak = proc.stdout.split()
    return int(code), int(peak)


@pytest.fixture(scope="module")
def fifty_mb(tmp_path_factory) -> Path:
    """One 50 MB document of news prose, then a small one."""
    block = "\n".join(SENTENCES)
    text = (block + "\n") * (50_000_000 // (len(block) + 1))
    path = tmp_path_factory.mktemp("big") / "big.jsonl"
    with path.open("w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "big", "text": text}, ensure_ascii=False) + "\n")
        f.write(json.dumps({"id": "small", "text": "A small page after it."}) + "\n")
    assert path.stat().st_size >= 50_000_000
    return path


def test_a_50_mb_document_is_cleaned_with_bounded_memory(fifty_mb, tmp_path):
    out = tmp_path / "out.jsonl"
    code, peak = peak_kib(
        "clean", str(fifty_mb), "-o", str(out), "--steps", "fix_mojibake,fix_spacing", "-q"
    )
    assert code == 0
    big, small = jsonl(out)
    assert big["id"] == "big" and big["text"].startswith(SENTENCES[0]) and small["id"] == "small"
    assert len(big["text"]) > 49_000_000
    assert peak < 16 * 50_000, f"peak {peak / 1024:.0f} MiB for a 50 MB document"


@pytest.mark.parametrize("command", ["dedup", "passages"])
def test_a_50_mb_document_over_the_size_limit_is_rejected_with_bounded_memory(
    command, fifty_mb, tmp_path
):
    out = tmp_path / "out.jsonl"
    args = [*COMMANDS[command], str(fifty_mb), "-o", str(out), "--on-error", "skip", "-q"]
    code, peak = peak_kib(*args, "--max-doc-bytes", "1000000")
    assert code == 0
    assert peak < 6 * 50_000, f"peak {peak / 1024:.0f} MiB with the 50 MB document rejected"
    if command == "dedup":
        assert [r["id"] for r in jsonl(out)] == ["small"]
        (oversize,) = jsonl(tmp_path / "out.rejects.jsonl")
        assert oversize["textclean"]["rejected"]["reason"] == "oversize"


HOSTILE_CHARS = st.sampled_from(
    ["\x00", "\ud800", "\udfff", "\u202e", "\u2066", "\u200f", "\ufeff", "\x1b[2J", "\x85", "\r"]
)


@given(articles(max_sentences=4), st.lists(st.tuples(st.integers(0, 10_000), HOSTILE_CHARS)))
def test_repaired_text_can_always_be_encoded_and_holds_no_nul(text, inserts):
    for at, chars in sorted(inserts, reverse=True):
        at %= len(text) + 1
        text = text[:at] + chars + text[at:]
    fixed = fix_mojibake(text)
    fixed.encode("utf-8")
    assert "\x00" not in fixed


DEFAULT = Pipeline.default()


@given(st.text(st.characters(codec=None, exclude_categories=()), max_size=300))
def test_the_default_pipeline_turns_any_text_into_a_document_or_a_drop(text):
    outcome = DEFAULT(Document("x", text))
    assert isinstance(outcome, (Document, Drop))
    if isinstance(outcome, Document):
        outcome.text.encode("utf-8")


def _each_step_alone() -> dict[str, Pipeline]:
    from textclean import registry

    return {name: Pipeline([registry.create(name)]) for name in registry.available()}


EACH_STEP = _each_step_alone()
LINES = st.sampled_from(
    ["Share this on Facebook", "By Jane Doe", "Home \u00bb News", "AA0", "click here", "x"]
)


@pytest.mark.filterwarnings("ignore:no document has the field")  # key_dedup, no url here
@settings(max_examples=30)
@given(st.lists(st.one_of(LINES, HOSTILE_CHARS), min_size=1, max_size=8).map(" ".join))
def test_each_step_alone_reads_lone_surrogates(line):
    """A step run without `fix_mojibake` before it still sees raw scraped text."""
    text = line + "\n\n" + SENTENCES[0] + " " + SENTENCES[1]
    for name, pipeline in EACH_STEP.items():
        (outcome,) = pipeline.outcomes([Document("x", text)])
        assert isinstance(outcome, (Document, Drop)), name
