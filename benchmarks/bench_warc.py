"""A crawl through `textclean clean`: records per second, and the extractor's share of time.

Builds a WARC of ``--records`` response records (HTML pages from a folder,
cycled, each under its own URL, with a request record beside each and one
image response in fifty), then reads it and runs the default pipeline on
it, timing trafilatura's extraction apart from the rest. The pages are not
in this repository: point the script at a folder of ``<page>/source.html``
files, such as mozilla/readability's test pages::

    python benchmarks/bench_warc.py path/to/readability/test/test-pages --records 1000
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time
from pathlib import Path

from report import markdown_table, write_section


def build_warc(pages: list[bytes], records: int, path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for i in range(records):
            url = f"https://example.org/{i}"
            if i % 50 == 49:
                ctype, body = "image/png", b"\x89PNG" + bytes(2048)
            else:
                ctype, body = "text/html", pages[i % len(pages)]
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body), http_headers=http
                )
            )
            req = StatusAndHeaders("GET / HTTP/1.1", [], is_http_request=True)
            writer.write_record(
                writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=req)
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pages", type=Path)
    ap.add_argument("--records", type=int, default=1000)
    ap.add_argument("--no-write", action="store_true", help="print only")
    args = ap.parse_args()
    pages = [p.read_bytes() for p in sorted(args.pages.glob("*/source.html"))]
    from textclean import Pipeline
    from textclean.document import Document
    from textclean.io import html, read_documents

    spent = [0.0]
    extract = html.extract_text

    def timed(*a, **k):
        started = time.process_time()
        try:
            return extract(*a, **k)
        finally:
            spent[0] += time.process_time() - started

    html.extract_text = timed  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "crawl.warc.gz"
        build_warc(pages, args.records, path)
        size = path.stat().st_size
        pipeline = Pipeline.default()
        started = time.process_time()
        items = list(read_documents([str(path)]))
        read = time.process_time() - started
        docs = [d for d in items if isinstance(d, Document)]
        kept = list(pipeline.run(docs))
        total = time.process_time() - started
    rows = [
        ["read WARC + extract (fastwarc, trafilatura)", f"{read:.1f}", f"{read / total:.0%}"],
        ["  of which trafilatura's extraction", f"{spent[0]:.1f}", f"{spent[0] / total:.0%}"],
        [
            "default pipeline on the extracted text",
            f"{total - read:.1f}",
            f"{(total - read) / total:.0%}",
        ],
        ["whole run", f"{total:.1f}", "100%"],
    ]
    body = (
        f"A gzipped WARC of {args.records:,} response records ({size / 1e6:.1f} MB; "
        f"{len(docs)} HTML pages, mozilla/readability's test pages cycled under new URLs, "
        "a request record beside each, one image response in fifty, dropped as `not_html`), "
        f"read and cleaned by the default pipeline in one process: "
        f"**{args.records / total:.1f} records/s**, {len(kept)} documents kept. "
        "See docs/input.md for the choice of extractor.\n\n"
        + markdown_table(["stage", "CPU s", "share of time"], rows)
    )
    print(body)
    if not args.no_write:
        write_section("bench_warc", "WARC input: a crawl of 1,000 records", body)


if __name__ == "__main__":
    main()
