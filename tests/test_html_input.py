"""WARC and HTML input: response records and HTML files become documents."""

from __future__ import annotations

import orjson
import pytest
from click.testing import CliRunner
from warc_files import PARAGRAPHS, page, warc_bytes

from textclean.cli import main
from textclean.errors import MissingDependency
from textclean.io import read_documents
from textclean.io.html import is_html

pytest.importorskip("trafilatura")
pytest.importorskip("fastwarc")
warcio = pytest.importorskip("warcio")


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_responses_become_documents_with_their_meta(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(warc_bytes(gzip=name.endswith(".gz")))
    items = list(read_documents([str(path)]))
    docs = [d for d in items if not hasattr(d, "reason")]
    drops = [d for d in items if hasattr(d, "reason")]
    assert [d.meta["url"] for d in docs] == [
        "https://example.org/park",
        "https://example.org/depot",
    ]
    assert "riverside park by twelve acres" in docs[0].text
    assert "Home" not in docs[0].text and "Copyright" not in docs[0].text
    for doc in docs:
        assert doc.meta["warc_record_id"].startswith("<urn:uuid:")
        assert doc.meta["warc_date"][:2] == "20"
        assert doc.id == doc.meta["warc_record_id"].strip("<>")
    assert [(d.reason, d.doc.meta["content_type"]) for d in drops] == [("not_html", "image/png")]


def test_one_command_turns_a_warc_and_an_html_file_into_clean_jsonl(tmp_path):
    (tmp_path / "crawl.warc.gz").write_bytes(warc_bytes(gzip=True))
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "story.html").write_text(page("Story"), encoding="utf-8")
    (pages / "notes.htm").write_text(page("Notes", PARAGRAPHS[:2]), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        main,
        ["clean", str(tmp_path / "crawl.warc.gz"), str(pages), "-o", str(out), "-q",
         "--rejects", str(tmp_path / "rejects.jsonl")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    records = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert len(records) == 4
    assert {r["id"] for r in records} >= {"story", "notes"}
    assert all("council" in r["text"] for r in records)
    rejects = [
        orjson.loads(line) for line in (tmp_path / "rejects.jsonl").read_bytes().splitlines()
    ]
    assert [r["textclean"]["rejected"]["reason"] for r in rejects] == ["not_html"]


def test_is_html_reads_the_media_type():
    assert is_html("application/xhtml+xml") and not is_html("application/json")


def test_without_the_extra_the_error_names_it(monkeypatch, tmp_path):
    import builtins

    real = builtins.__import__

    def blocked(name, *args, **kwargs):
        if name.startswith("trafilatura"):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", blocked)
    (tmp_path / "a.html").write_text(page("A"), encoding="utf-8")
    with pytest.raises(MissingDependency, match=r"pip install 'textclean\[html\]'"):
        list(read_documents([str(tmp_path / "a.html")]))
