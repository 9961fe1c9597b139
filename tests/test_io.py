"""Readers and writers: every field kept, bad records named, files atomic."""

from __future__ import annotations

import base64
import gzip
import io
import json
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textclean import Document, Drop, InputError
from textclean.errors import TextcleanWarning
from textclean.io import (
    DocumentWriter,
    ReadOptions,
    RejectsWriter,
    read_documents,
    read_jsonl_range,
)
from textclean.io.files import AtomicOutput

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
records = st.dictionaries(
    st.text(max_size=8).filter(lambda k: k not in ("text", "id")), json_values, max_size=5
)


def write_lines(path, lines):
    path.write_bytes(b"".join(line + b"\n" for line in lines))
    return str(path)


@given(records, st.text())
def test_a_jsonl_round_trip_preserves_every_field(tmp_path_factory, fields, text):
    d = tmp_path_factory.mktemp("rt")
    src = d / "in.jsonl"
    src.write_text(json.dumps({**fields, "text": text}) + "\n", encoding="utf-8")
    (doc,) = read_documents([str(src)])
    out = d / "out.jsonl"
    with DocumentWriter(str(out)) as w:
        w.write(doc)
    back = json.loads(out.read_text(encoding="utf-8"))
    assert back.pop("id") == f"{src}:1"
    assert back == {**fields, "text": text}


def test_ids_come_from_the_id_field_else_file_and_line(tmp_path):
    p = write_lines(tmp_path / "a.jsonl", [b'{"id": 7, "text": "x"}', b"", b'{"text": "y"}'])
    assert [d.id for d in read_documents([p])] == ["7", f"{p}:3"]
    assert [d.id for d in read_documents([p], id_field="nope")] == [f"{p}:1", f"{p}:3"]


def test_text_files_are_documents_named_by_file(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "001_abc.txt").write_text("body\r\nline", encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00")
    (doc,) = read_documents([str(tmp_path)])
    assert (doc.id, doc.text) == ("001_abc", "body\r\nline")


def test_compressed_inputs_are_read(tmp_path):
    p = tmp_path / "a.jsonl.gz"
    with gzip.open(p, "wb") as f:
        f.write(b'{"text": "zipped"}\n')
    import zstandard

    z = tmp_path / "b.jsonl.zst"
    z.write_bytes(zstandard.ZstdCompressor().compress(b'{"text": "zstd"}\n'))
    assert [d.text for d in read_documents([str(p), str(z)])] == ["zipped", "zstd"]


def stdin_of(monkeypatch, data: bytes) -> None:
    """Standard input as a pipe gives it: a buffered stream of ``data``."""
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))


@pytest.mark.parametrize("compress", ["plain", "gzip", "zstd"])
def test_compressed_standard_input_is_read(monkeypatch, compress):
    import zstandard

    data = b'{"id": "a", "text": "piped"}\n{"id": "b", "text": "in"}\n'
    packed = {
        "plain": lambda b: b,
        "gzip": lambda b: gzip.compress(b, mtime=0),
        "zstd": zstandard.ZstdCompressor().compress,
    }[compress](data)
    stdin_of(monkeypatch, packed)
    assert [(d.id, d.text) for d in read_documents(["-"])] == [("a", "piped"), ("b", "in")]


def test_a_truncated_compressed_standard_input_names_stdin(monkeypatch):
    stdin_of(monkeypatch, gzip.compress(b'{"text": "x"}\n' * 1000, mtime=0)[:40])
    with pytest.raises(InputError, match=r"^stdin:1: read failed"):
        list(read_documents(["-"]))


def _zstd_frames(*parts: bytes) -> bytes:
    import zstandard

    return b"".join(zstandard.ZstdCompressor().compress(p) for p in parts)


def test_a_zstd_file_cut_short_fails_naming_it_after_its_whole_frames(tmp_path, monkeypatch):
    """A zstd file cut inside a frame is an error, as a cut gzip file is, after
    the lines of the frames before the cut: never a quiet end of the input."""
    first = b"".join(b'{"id": "a%d", "text": "boats"}\n' % i for i in range(300))
    second = b"".join(b'{"id": "b%d", "text": "trains"}\n' % i for i in range(300))
    whole = _zstd_frames(first, second)
    path = tmp_path / "in.jsonl.zst"
    path.write_bytes(whole)
    assert len(list(read_documents([path]))) == 600  # frames one after another
    path.write_bytes(whole[:-10])
    with pytest.raises(InputError, match=r"in\.jsonl\.zst:301: read failed: .*zstd frame"):
        list(read_documents([path]))
    items = list(read_documents([path], on_error="skip"))
    assert sum(isinstance(i, Document) for i in items) == 300
    assert [i.reason for i in items if isinstance(i, Drop)] == ["unreadable_file"]
    stdin_of(monkeypatch, whole[:-10])
    with pytest.raises(InputError, match=r"^stdin:301: read failed"):
        list(read_documents(["-"]))


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b'{"text": "ok"', "malformed_json"),
        (b'{"text": "\xff"}', "invalid_utf8"),
        (b'["text"]', "not_an_object"),
        (b'{"body": "x"}', "missing_text"),
        (b'{"text": 3}', "text_not_string"),
        (b'{"text": "ok", "textclean": "x"}', "textclean_not_object"),
        (b'{"text": "ok", "textclean": [1]}', "textclean_not_object"),
    ],
)
def test_a_bad_record_fails_naming_file_and_line_or_is_kept_for_rejects(tmp_path, line, reason):
    p = write_lines(tmp_path / "bad.jsonl", [b'{"text": "good"}', line, b'{"text": "also good"}'])
    with pytest.raises(InputError) as info:
        list(read_documents([p]))
    assert (info.value.reason, info.value.line) == (reason, 2)
    assert f"{p}:2" in str(info.value)
    items = list(read_documents([p], on_error="skip"))
    assert [type(i) for i in items] == [Document, Drop, Document]
    drop = items[1]
    assert drop.reason == reason and drop.doc.id == f"{p}:2"
    assert drop.doc.meta.get("raw", "").encode() == line or drop.doc.meta.get("raw_base64")


@pytest.mark.parametrize(
    "lines",
    [[b"[", b'  {"text": "a"},', b'  {"text": "b"}', b"]"], [b'[{"text": "a"}, {"text": "b"}]']],
)
def test_a_json_array_file_is_told_apart_from_a_bad_first_line(tmp_path, lines):
    p = write_lines(tmp_path / "array.json", lines)
    with pytest.raises(InputError, match="one object per line") as info:
        list(read_documents([p]))
    assert info.value.line == 1
    # malformed JSON further down is named as before
    q = write_lines(tmp_path / "q.jsonl", [b'{"text": "a"}', b"[{oops"])
    drops = [d for d in read_documents([q], on_error="skip") if isinstance(d, Drop)]
    assert [d.reason for d in drops] == ["malformed_json"]
    assert "one object per line" not in drops[0].detail


def test_invalid_utf8_in_a_text_file_names_the_line(tmp_path):
    p = tmp_path / "t.txt"
    p.write_bytes(b"one\ntwo\nthr\xe9e\n")
    with pytest.raises(InputError, match=r"t.txt:3: invalid UTF-8"):
        list(read_documents([str(p)]))


def test_oversize_records_are_rejected_with_their_reason(tmp_path):
    p = write_lines(tmp_path / "a.jsonl", [b'{"text": "' + b"x" * 100 + b'"}', b'{"text": "y"}'])
    items = list(read_documents([p], on_error="skip", max_doc_bytes=50))
    assert isinstance(items[0], Drop) and items[0].reason == "oversize"
    assert items[1].text == "y"


def test_an_aborted_output_leaves_no_file(tmp_path):
    target = tmp_path / "out.jsonl"
    with pytest.raises(RuntimeError):
        with AtomicOutput(str(target)) as out:
            out.write(b"partial")
            raise RuntimeError("killed")
    assert os.listdir(tmp_path) == []


def test_gzip_output_is_byte_identical_across_runs(tmp_path):
    def write(name):
        with DocumentWriter(str(tmp_path / name)) as w:
            w.write(Document("a", "text"))
        return (tmp_path / name).read_bytes()

    assert write("a.jsonl.gz") == write("a.jsonl.gz")


def test_rejects_hold_the_record_and_the_reason(tmp_path):
    doc = Document("a", "t", {"url": "u"})
    with RejectsWriter(str(tmp_path / "r.jsonl")) as w:
        w.write_drop(Drop("too_short", "1 < 3", "min_length", doc))
    rec = json.loads((tmp_path / "r.jsonl").read_text())
    assert rec["url"] == "u" and rec["text"] == "t"
    assert rec["textclean"]["rejected"] == {
        "reason": "too_short",
        "step": "min_length",
        "detail": "1 < 3",
    }


def test_parquet_round_trip(tmp_path):
    out = tmp_path / "o.parquet"
    with DocumentWriter(str(out)) as w:
        w.write(Document("a", "one", {"url": "u"}).annotate("lang", "en"))
        w.write(Document("b", "two", {"url": "v"}))
    docs = list(read_documents([str(out)]))
    assert [(d.id, d.text, d.meta["url"]) for d in docs] == [("a", "one", "u"), ("b", "two", "v")]
    assert docs[0].record == {"lang": "en"} and docs[1].record == {}


def test_parquet_output_keeps_every_field_of_every_record(tmp_path):
    """Fields missing from the first records (and from whole row groups), integers
    and fractions in one field, nested keys that vary: all written, nothing lost."""
    import pyarrow.parquet as pq

    from textclean.io.parquet import ParquetRecordWriter

    out = tmp_path / "o.parquet"
    with out.open("wb") as fh:
        w = ParquetRecordWriter(fh, row_group=2)
        w.write({"id": "a", "text": "one"})
        w.write({"id": "b", "text": "two", "n": 1})
        w.write({"id": "c", "text": "three", "n": 2.5, "m": {"x": 1}})
        w.write({"id": "d", "text": "four", "url": "u", "m": {"y": "s"}})
        w.write({"id": "e", "text": "five"})
        w.close()
    rows = pq.read_table(out).to_pylist()
    assert [r["id"] for r in rows] == ["a", "b", "c", "d", "e"]
    assert [r["n"] for r in rows] == [None, 1.0, 2.5, None, None]
    assert [r["url"] for r in rows] == [None, None, None, "u", None]
    assert rows[2]["m"] == {"x": 1, "y": None} and rows[3]["m"] == {"x": None, "y": "s"}


def test_a_parquet_field_of_mixed_types_is_written_as_text_with_a_warning(tmp_path):
    out = tmp_path / "o.parquet"
    docs = [
        Document("a", "one", {"tag": "x"}),
        Document("b", "two", {"tag": 5}),
        Document("c", "three", {"tag": [1, 2]}),
    ]
    with pytest.warns(TextcleanWarning, match="'tag'"), DocumentWriter(str(out)) as w:
        for d in docs:
            w.write(d)
    assert [d.meta["tag"] for d in read_documents([str(out)])] == ["x", "5", "[1,2]"]


def test_a_failed_parquet_run_leaves_no_file(tmp_path):
    out = tmp_path / "o.parquet"
    with pytest.raises(RuntimeError), DocumentWriter(str(out)) as w:
        w.write(Document("a", "one", {}))
        raise RuntimeError("stop")
    assert list(tmp_path.iterdir()) == []


def test_an_oversize_line_is_rejected_without_holding_it(tmp_path):
    import resource

    big = tmp_path / "big.jsonl"
    with big.open("wb") as f:
        f.write(b'{"id": "a", "text": "small"}\n')
        f.write(b'{"id": "huge", "text": "')
        block = b"x" * (1 << 20)
        for _ in range(200):  # a 200 MB line
            f.write(block)
        f.write(b'"}\n{"id": "c", "text": "after"}\n')
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    items = list(read_documents([str(big)], on_error="skip", max_doc_bytes=1 << 20))
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert [type(i).__name__ for i in items] == ["Document", "Drop", "Document"]
    drop = items[1]
    assert drop.reason == "oversize" and drop.doc.id == f"{big}:2"
    assert drop.doc.meta["raw_bytes"] > 200 * (1 << 20) and drop.doc.meta["raw_truncated"]
    assert grown_mb < 50, f"reading grew memory by {grown_mb:.0f} MB"
    with pytest.raises(InputError, match=r"big.jsonl:2: record of"):
        list(read_documents([str(big)], max_doc_bytes=1 << 20))


def test_an_oversize_text_file_is_rejected_with_a_prefix_of_its_bytes(tmp_path):
    p = tmp_path / "long.txt"
    p.write_bytes(b"word " * 1000)
    (drop,) = list(read_documents([str(p)], on_error="skip", max_doc_bytes=100))
    assert drop.reason == "oversize" and "5,000 bytes" in drop.detail
    assert drop.doc.meta["raw"] == ("word " * 20) and drop.doc.meta["raw_bytes"] == 5000


def test_a_text_file_that_is_not_utf8_is_rejected_with_its_bytes(tmp_path):
    import base64

    p = tmp_path / "t.txt"
    p.write_bytes(b"one\nthr\xe9e\n")
    (drop,) = list(read_documents([str(p)], on_error="skip"))
    assert drop.reason == "invalid_utf8" and drop.doc.id.endswith("t.txt:2")
    assert base64.b64decode(drop.doc.meta["raw_base64"]) == b"one\nthr\xe9e\n"


def test_a_parquet_row_without_text_is_rejected_with_its_fields(tmp_path):
    pytest.importorskip("pyarrow")
    import pyarrow as pa
    import pyarrow.parquet as pq

    p = tmp_path / "rows.parquet"
    pq.write_table(pa.table({"text": ["kept", None], "url": ["u1", "u2"]}), p)
    kept, drop = list(read_documents([str(p)], on_error="skip"))
    assert kept.text == "kept"
    assert json.loads(drop.doc.meta["raw"]) == {"text": None, "url": "u2"}


def test_deeply_nested_json_is_a_malformed_record_not_a_crash(tmp_path):
    p = write_lines(
        tmp_path / "deep.jsonl", [b'{"text": "x", "n": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"]
    )
    (drop,) = list(read_documents([p], on_error="skip"))
    assert drop.reason == "malformed_json"


def test_a_byte_order_mark_before_the_first_line_is_not_part_of_the_record(tmp_path):
    lines = b'{"id": "a", "text": "first"}\n{"id": "b", "text": "\xef\xbb\xbfsecond"}\n'
    plain, marked = tmp_path / "plain.jsonl", tmp_path / "marked.jsonl.gz"
    plain.write_bytes(lines)
    marked.write_bytes(gzip.compress(b"\xef\xbb\xbf" + lines))
    expected = [(d.id, d.text) for d in read_documents([str(plain)])]
    assert [(d.id, d.text) for d in read_documents([str(marked)])] == expected
    assert expected[1] == ("b", "\ufeffsecond")  # only the file's first bytes are the mark
    whole = tmp_path / "marked.jsonl"
    whole.write_bytes(b"\xef\xbb\xbf" + lines)
    opts = ReadOptions()
    blocks = read_jsonl_range(str(whole), 0, whole.stat().st_size, 1, opts)
    assert [(d.id, d.text) for d in blocks] == expected


def test_a_null_textclean_field_counts_as_absent(tmp_path):
    """Tables written with a column for every field (pandas) hold null there."""
    p = write_lines(tmp_path / "n.jsonl", [b'{"id": "a", "text": "ok", "textclean": null}'])
    (doc,) = read_documents([p])
    assert doc.annotations == {} and "textclean" not in doc.meta


def test_an_oversize_record_and_an_oversize_file_keep_the_same_prefix_in_the_rejects(tmp_path):
    """A rejects file stays small: an oversize JSONL record and an oversize text file
    both keep their first 4,096 bytes (fewer when the limit is lower)."""
    from textclean.io import ReadOptions, read_documents
    from textclean.io.readers import OVERSIZE_PREFIX

    big = "word " * 3000
    jsonl = tmp_path / "big.jsonl"
    jsonl.write_text(json.dumps({"id": "a", "text": big}) + "\n", encoding="utf-8")
    text = tmp_path / "big.txt"
    text.write_text(big, encoding="utf-8")
    for limit in (10_000, 100):
        opts = ReadOptions(max_doc_bytes=limit, on_error="skip")
        for path in (jsonl, text):
            (drop,) = list(read_documents([str(path)], opts))
            raw = drop.doc.meta["raw"]
            assert len(raw.encode()) == min(OVERSIZE_PREFIX, limit), (path.name, limit)
            assert drop.doc.meta["raw_truncated"] is True


def test_a_binary_text_column_of_parquet_is_read_as_utf8_and_bad_bytes_go_to_rejects(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    from textclean.io import ReadOptions, read_documents

    path = tmp_path / "bin.parquet"
    texts = ["Café prices rose on Monday.".encode(), b"\xff\xfe not text"]
    table = {"id": ["a", "b"], "url": ["u1", "u2"], "text": pa.array(texts, type=pa.binary())}
    pq.write_table(pa.table(table), path)
    first, second = read_documents([str(path)], ReadOptions(on_error="skip"))
    assert isinstance(first, Document) and first.text == "Café prices rose on Monday."
    assert isinstance(second, Drop) and second.reason == "invalid_utf8"
    row = json.loads(second.doc.meta["raw"])  # the row is kept whole, to trace it back
    assert row["id"] == "b" and row["url"] == "u2"
    assert second.doc.meta["text_base64"] == base64.b64encode(texts[1]).decode("ascii")
    with pytest.raises(InputError, match="invalid UTF-8"):
        list(read_documents([str(path)], ReadOptions()))
