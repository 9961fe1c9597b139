"""Workers that parse, clean and serialise give the bytes of one process."""

from __future__ import annotations

import pickle
import warnings
from pathlib import Path

import orjson
import pytest

from textclean import Pipeline
from textclean.errors import InputError, PatternTimeout, StepError
from textclean.io import ReadOptions
from textclean.jobs import clean_files

TEXTS = [
    "The storm knocked out power to 30 000 homes overnight , the utility said .",
    "Share on Facebook\nThe council met on Tuesday to discuss the budget for next year.",
    "...",
    "Der schnelle braune Fuchs springt über den faulen Hund und läuft weiter.",
    "cafÃ© owners said the rules were unclear",
]


def _corpus(path: Path, n: int) -> None:
    lines = []
    for i in range(n):
        if i % 97 == 5:
            lines.append(b"{not json")
        elif i % 89 == 7:
            lines.append(b'{"id": "bad", "text": "\xff\xfe"}')
        elif i % 83 == 3:
            lines.append(b"   ")
        elif i % 79 == 1:
            lines.append(orjson.dumps({"id": i, "text": "x" * 3000}))  # oversize, non-string id
        else:
            doc_id = "dup" if i % 50 == 0 else f"d{i}"
            lines.append(orjson.dumps({"id": doc_id, "text": TEXTS[i % len(TEXTS)], "n": i}))
    path.write_bytes(b"\n".join(lines) + b"\n")


def _run(tmp: Path, src: Path, workers: int) -> tuple[bytes, bytes, dict, list[str]]:
    out, rej = tmp / f"out{workers}.jsonl", tmp / f"rej{workers}.jsonl"
    opts = ReadOptions(on_error="skip", max_doc_bytes=2000)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        stats = clean_files(
            Pipeline.default(),
            [str(src)],
            str(out),
            rejects=str(rej),
            options=opts,
            workers=workers,
        )
    counts = {k: v for k, v in stats.to_dict().items() if k not in ("seconds", "elapsed")}
    return out.read_bytes(), rej.read_bytes(), counts, [str(w.message) for w in caught]


def test_two_workers_write_the_bytes_of_one(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    _corpus(src, 700)
    one, two = _run(tmp_path, src, 1), _run(tmp_path, src, 2)
    assert one[0] == two[0] and one[1] == two[1]
    assert one[2] == two[2] and one[3] == two[3]
    assert one[3]  # duplicate and non-string ids were reported


def test_chunks_closed_by_size_give_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textclean import raw_chunks

    src = tmp_path / "in.jsonl"
    _corpus(src, 300)
    one = _run(tmp_path, src, 1)
    monkeypatch.setattr(raw_chunks, "CHUNK_BYTES", 2048)  # a dozen chunks, not two
    sizes: list[int] = []
    chunker = raw_chunks.byte_chunks
    monkeypatch.setattr(
        raw_chunks,
        "byte_chunks",
        lambda *a: (sizes.append(len(c)) or c for c in chunker(*a)),
    )
    two = _run(tmp_path, src, 2)
    assert len(sizes) > 10
    assert one == two


def test_a_malformed_line_fails_the_same_way_with_workers(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    _corpus(src, 300)
    messages = []
    for workers in (1, 2):
        with pytest.raises(InputError) as info:
            clean_files(Pipeline.default(), [str(src)], str(tmp_path / "o.jsonl"), workers=workers)
        messages.append(str(info.value))
    assert messages[0] == messages[1]


def test_errors_cross_process_boundaries_whole() -> None:
    for error in (
        InputError("a.jsonl", 3, "malformed_json", "bad"),
        StepError("s", "d", "m"),
        PatternTimeout("s", "x+", "d"),
    ):
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error) and str(copy) == str(error)
        assert copy.__dict__ == error.__dict__
