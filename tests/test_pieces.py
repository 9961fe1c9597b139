"""Large JSON Lines files are read and checkpointed in pieces cut at line starts:
the pieces cover the file exactly, read the same records as the whole file, and
a run stopped inside one file resumes from its last finished piece."""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textclean import Pipeline
from textclean.document import Document, Drop
from textclean.errors import StepError
from textclean.io import ReadOptions, read_documents
from textclean.io.pieces import Piece, checkpoints, cut_at_lines, pieces_of
from textclean.io.readers import read_range
from textclean.run.engine import run_on_files

LINES = st.lists(
    st.one_of(
        st.builds(lambda t: json.dumps({"text": t}), st.text(max_size=40)),
        st.sampled_from(["", "   ", "{not json", "[1, 2]", '{"text": 5}']),
    ),
    max_size=30,
)


def write(path, lines: list[str], bom: bool = False, final_newline: bool = True) -> str:
    body = "\n".join(lines) + ("\n" if final_newline and lines else "")
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + body.encode("utf-8"))
    return str(path)


def outcome(item: Document | Drop) -> tuple:
    if isinstance(item, Drop):
        return ("drop", item.reason, item.doc.id if item.doc else None, item.detail)
    return ("doc", item.id, item.text, sorted(item.meta.items()))


@settings(max_examples=60, deadline=None)
@given(lines=LINES, piece_bytes=st.integers(1, 200), bom=st.booleans(), end=st.booleans())
def test_pieces_cover_the_file_at_line_starts(tmp_path_factory, lines, piece_bytes, bom, end):
    path = write(tmp_path_factory.mktemp("p") / "a.jsonl", lines, bom, end)
    data = open(path, "rb").read()
    if not data:
        return
    pieces = cut_at_lines(path, piece_bytes)
    assert pieces[0].start == 0 and pieces[-1].end is None
    for before, after in zip(pieces, pieces[1:], strict=False):
        assert before.end == after.start and before.end - before.start >= piece_bytes
        assert data[after.start - 1 : after.start] == b"\n"
    for piece in pieces:
        assert piece.first_line == data.count(b"\n", 0, piece.start) + 1


@settings(max_examples=60, deadline=None)
@given(
    lines=LINES,
    piece_bytes=st.integers(1, 200),
    bom=st.booleans(),
    limit=st.sampled_from([None, 30]),
)
def test_pieces_read_the_records_of_the_whole_file(
    tmp_path_factory, lines, piece_bytes, bom, limit
):
    path = write(tmp_path_factory.mktemp("p") / "a.jsonl", lines, bom)
    opts = ReadOptions(on_error="skip", max_doc_bytes=limit)
    whole = [outcome(item) for item in read_documents([path], opts)]
    pieces = pieces_of(path, piece_bytes=piece_bytes) if open(path, "rb").read() else []
    in_pieces = [
        outcome(item)
        for p in pieces
        for item in read_range(p.path, opts, p.start, p.end, p.first_line)
    ]
    assert in_pieces == whole


def test_only_plain_json_lines_files_are_cut(tmp_path):
    big = write(tmp_path / "a.jsonl", [json.dumps({"text": "x" * 50})] * 10)
    assert len(pieces_of(big, piece_bytes=100)) == 5
    text = tmp_path / "a.txt"
    text.write_text("word " * 100)
    assert [p.whole for p in pieces_of(str(text), piece_bytes=10)] == [True]
    with pytest.raises(ValueError, match="byte ranges"):
        list(read_range(str(text), ReadOptions(), 0, 10))


def corpus(tmp_path) -> str:
    lines = []
    for i in range(400):
        text = f"Report {i} , it ’ s here ." if i % 7 else ""
        lines.append(json.dumps({"id": f"d{i}", "text": text}, ensure_ascii=False))
        if i % 97 == 5:
            lines.append("{broken")
    return write(tmp_path / "big.jsonl", lines)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_run_in_pieces_writes_the_bytes_of_a_run_in_one(tmp_path, workers):
    path = corpus(tmp_path)
    opts = ReadOptions(on_error="skip")
    outputs = []
    for piece_bytes in (1 << 30, 2000):
        out, rej = tmp_path / f"o{piece_bytes}.jsonl", tmp_path / f"r{piece_bytes}.jsonl"
        stats = run_on_files(
            Pipeline.from_steps("fix_spacing"),
            [path],
            str(out),
            rejects=str(rej),
            options=opts,
            workers=workers,
            piece_bytes=piece_bytes,
        )
        outputs.append((out.read_bytes(), rej.read_bytes(), stats.seen, stats.kept))
    assert outputs[0] == outputs[1]
    assert outputs[0][2] == 405 and b"broken" in outputs[0][1]


class StopAt:
    """A step that fails on one document while armed, and counts what it sees."""

    armed = True
    seen = 0

    def __init__(self, doc_id: str):
        self.doc_id = doc_id

    def __call__(self, doc: Document) -> Document:
        StopAt.seen += 1
        if StopAt.armed and doc.id == self.doc_id:
            raise RuntimeError("stopped")
        return doc


def test_a_run_stopped_inside_one_file_resumes_from_its_last_finished_piece(tmp_path):
    path = corpus(tmp_path)
    opts = ReadOptions(on_error="skip")
    ref = tmp_path / "ref.jsonl"
    run_on_files(Pipeline.from_steps("fix_spacing"), [path], str(ref), options=opts)

    def run(resume: bool):
        pipeline = Pipeline([*Pipeline.from_steps("fix_spacing").steps, ("stop", StopAt("d300"))])
        return run_on_files(
            pipeline,
            [path],
            str(tmp_path / "out.jsonl"),
            options=opts,
            resume=resume,
            piece_bytes=2000,
        )

    StopAt.armed, StopAt.seen = True, 0
    with pytest.raises(StepError, match="stopped"):
        run(resume=False)
    assert not (tmp_path / "out.jsonl").exists()
    first = StopAt.seen
    StopAt.armed, StopAt.seen = False, 0
    stats = run(resume=True)
    assert (tmp_path / "out.jsonl").read_bytes() == ref.read_bytes()
    assert stats.seen == 405
    # the finished pieces before d300 were not run again: only the rest of the file was
    assert StopAt.seen < 400 - 250 and first + StopAt.seen < 400 + 60


def test_a_finished_piece_whose_part_is_gone_is_done_again(tmp_path):
    path = corpus(tmp_path)
    opts = ReadOptions(on_error="skip")
    ref = tmp_path / "ref.jsonl"
    run_on_files(Pipeline.from_steps("fix_spacing"), [path], str(ref), options=opts)
    out = tmp_path / "out.jsonl"
    pipeline = Pipeline([*Pipeline.from_steps("fix_spacing").steps, ("stop", StopAt("d300"))])
    StopAt.armed = True
    with pytest.raises(StepError):
        run_on_files(pipeline, [path], str(out), options=opts, piece_bytes=2000)
    # as a kill while the finished work folder is being removed leaves it
    (tmp_path / ".out.jsonl.parts" / "000000.out.jsonl").unlink()
    StopAt.armed = False
    run_on_files(pipeline, [path], str(out), options=opts, resume=True, piece_bytes=2000)
    assert out.read_bytes() == ref.read_bytes()


@pytest.mark.parametrize("workers", [1, 2])
def test_a_folder_of_small_files_is_checkpointed_in_a_few_synced_groups(
    tmp_path, monkeypatch, workers
):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(60):
        if i % 2:
            (folder / f"f{i:02d}.txt").write_text(f"Note {i} , written by hand .\n")
        else:
            write(folder / f"f{i:02d}.jsonl", [json.dumps({"id": f"j{i}", "text": "a , b"})])
    opts = ReadOptions(on_error="skip")
    ref = tmp_path / "ref.jsonl"
    run_on_files(Pipeline.from_steps("fix_spacing"), [str(folder)], str(ref), options=opts)
    syncs = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (syncs.append(fd), real_fsync(fd)))
    out = tmp_path / "out.jsonl"
    stats = run_on_files(
        Pipeline.from_steps("fix_spacing"), [str(folder)], str(out), options=opts, workers=workers
    )
    assert out.read_bytes() == ref.read_bytes() and stats.seen == 60
    # three files per checkpoint (kept, rejects, marker) and the two outputs,
    # not three per input file
    assert len(syncs) <= 5


def test_checkpoints_group_small_pieces_and_leave_large_ones_alone(tmp_path):
    path = corpus(tmp_path)
    pieces = pieces_of(path, piece_bytes=2000)
    small = []
    for i in range(5):
        small.append(Piece(write(tmp_path / f"s{i}.jsonl", ['{"text": "x"}'])))
    groups = checkpoints([*small, *pieces, *small], 2000)
    assert [p for g in groups for p in g] == [*small, *pieces, *small]
    assert groups[0] == small and len(groups) < 5 + len(pieces) + 5
    assert all(sum(p.size() for p in g) <= 2000 or len(g) == 1 for g in groups)
    # a piece cut at the limit stays a checkpoint of its own
    assert all([p] in groups for p in pieces if p.size() >= 2000)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_run_over_small_files_resumes_from_its_last_finished_group(tmp_path, workers):
    folder = tmp_path / "in"
    folder.mkdir()
    for f in range(12):
        rows = [json.dumps({"id": f"f{f}-{i}", "text": f"row {i} , of {f} ."}) for i in range(10)]
        write(folder / f"f{f:02d}.jsonl", rows)
    size = (folder / "f00.jsonl").stat().st_size
    opts = ReadOptions(on_error="skip")
    ref = tmp_path / "ref.jsonl"
    run_on_files(Pipeline.from_steps("fix_spacing"), [str(folder)], str(ref), options=opts)

    def run(resume: bool):
        pipeline = Pipeline([*Pipeline.from_steps("fix_spacing").steps, ("stop", StopAt("f9-5"))])
        return run_on_files(
            pipeline,
            [str(folder)],
            str(tmp_path / "out.jsonl"),
            options=opts,
            workers=workers,
            resume=resume,
            piece_bytes=3 * size,  # three files a checkpoint
        )

    StopAt.armed, StopAt.seen = True, 0
    with pytest.raises(StepError, match="stopped"):
        run(resume=False)
    StopAt.armed, StopAt.seen = False, 0
    stats = run(resume=True)
    assert (tmp_path / "out.jsonl").read_bytes() == ref.read_bytes() and stats.seen == 120
    if workers == 1:  # the groups of f00-f08 were not run again; f09-f11 were
        assert StopAt.seen == 30
