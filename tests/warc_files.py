"""Small WARC and HTML files built in tests: a news page with furniture, a crawl of three.

Needs ``warcio`` (in the ``test`` extra) to write WARC records.
"""

from __future__ import annotations

import io

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
