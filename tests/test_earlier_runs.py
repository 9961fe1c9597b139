"""A record read back from an earlier run's output: the run's own counts are its
own, the earlier run's are kept apart, measurements stay for a step to replace."""

from __future__ import annotations

import json

from test_cli import run

from textclean import Pipeline
from textclean.document import EARLIER_RUNS, META_KEY
from textclean.io import ReadOptions, read_documents
from textclean.jobs import clean_files
from textclean.registry import create

TEXT = "The caf&eacute; is open , they do n't know why ( yet ) . It is the best place in town."


def _lines(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_cleaning_an_output_again_counts_only_the_second_runs_edits(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": TEXT}) + "\n", encoding="utf-8")
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    run("clean", str(src), "-o", str(first), "-q", "--steps", "fix_mojibake,language")
    run("clean", str(first), "-o", str(second), "-q", "--steps", "fix_spacing,language")
    (before,) = _lines(first)
    (after,) = _lines(second)
    assert before[META_KEY]["edits"] == {"fix_mojibake": 1}
    assert after[META_KEY]["edits"] == {"fix_spacing": 5}
    assert after[META_KEY][EARLIER_RUNS] == [{"edits": {"fix_mojibake": 1}}]
    assert after[META_KEY]["lang"] == "en"
    assert (
        after["text"]
        == "The café is open, they don't know why (yet). It is the best place in town."
    )


def test_a_run_that_edits_nothing_reports_no_edits_and_keeps_every_earlier_run(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": TEXT}) + "\n", encoding="utf-8")
    outs = [tmp_path / f"run{i}.jsonl" for i in range(3)]
    clean_files(Pipeline([create("fix_mojibake")]), [str(src)], str(outs[0]))
    clean_files(Pipeline([create("fix_spacing")]), [str(outs[0])], str(outs[1]))
    clean_files(Pipeline([create("fix_spacing")]), [str(outs[1])], str(outs[2]))
    (record,) = _lines(outs[2])
    assert "edits" not in record[META_KEY]
    assert record[META_KEY][EARLIER_RUNS] == [
        {"edits": {"fix_mojibake": 1}},
        {"edits": {"fix_spacing": 5}},
    ]


def test_a_rejects_file_read_again_keeps_why_the_earlier_run_dropped_it_apart(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "s", "text": "Too short."}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    clean_files(Pipeline([create("length", min_words=5)]), [str(src)], str(out))
    (doc,) = read_documents([str(tmp_path / "out.rejects.jsonl")], ReadOptions())
    assert "rejected" not in doc.annotations
    assert doc.annotations[EARLIER_RUNS][0]["rejected"]["reason"] == "too_few_words"


def test_the_same_runs_own_output_is_read_as_it_is():
    from textclean.io.records import record_to_document

    record = {"id": "a", "text": "x", META_KEY: {"edits": {"fix_spacing": 1}}}
    doc = record_to_document(record, "text", "id", "f:1", "f", 1, same_run=True)
    assert doc.annotations == {"edits": {"fix_spacing": 1}}
    doc = record_to_document(record, "text", "id", "f:1", "f", 1)
    assert doc.annotations == {EARLIER_RUNS: [{"edits": {"fix_spacing": 1}}]}
