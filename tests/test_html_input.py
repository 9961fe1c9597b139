"""WARC and HTML input: response records and HTML files become documents."""

from __future__ import annotations

import io

import orjson
import pytest
from click.testing import CliRunner

from textclean.cli import main
from textclean.errors import MissingDependency
from textclean.io import read_documents
from textclean.io.html import is_html

pytest.importorskip("trafilatura")
pytest.importorskip("fastwarc")
warcio = pytest.importorskip("warcio")

PARAGRAPHS = [
    "The city council voted on Tuesday to expand the riverside park by twelve acres.",
    "Residents had asked for more green space for years, and the plan passed by seven votes to two.",
    "Work on the new paths and playground is expected to begin next spring, officials said.",
    "The council will fund the project from a state grant and the sale of an unused depot.",
]


def page(title: str, paragraphs: list[str] = PARAGRAPHS) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{title}</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>'
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>"
    )


def warc_bytes(gzip: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    records = [
        ("https://example.org/park", "text/html; charset=utf-8", page("Park grows").encode()),
        ("https://example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
        ("https://example.org/depot", "text/html", page("Depot sold", PARAGRAPHS[::-1]).encode()),
    ]
    for url, ctype, body in records:
        http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=http
        )
        writer.write_record(record)
        request = writer.create_warc_record(
            url,
            "request",
            payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders("GET / HTTP/1.1", [], is_http_request=True),
        )
        writer.write_record(request)
    return out.getvalue()


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
