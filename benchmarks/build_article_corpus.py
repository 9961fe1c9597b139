"""Rebuild ``benchmarks/data/articles/articles.jsonl.gz`` from Mozilla Readability's test pages.

Each ``test/test-pages/NAME/`` of github.com/mozilla/readability holds a real
news or blog page as scraped (``source.html``) and the article Readability
extracted from it (``expected.html``). This script turns both into plain text,
one line per block (paragraph, heading, list item, quote, caption, table
cell), and writes one JSON line each: ``{"id": "NAME/article", "text": ...}``
and ``{"id": "NAME/page", "text": ...}``. The pages keep their navigation,
share buttons and footers, as a crawler sees them; each article is a near
copy of its page's main text.

    git clone https://github.com/mozilla/readability /tmp/readability
    git -C /tmp/readability checkout ab4027a8b37669745016869a37a504727992b2ba
    python benchmarks/build_article_corpus.py /tmp/readability

Needs ``lxml`` (``pip install lxml``); the corpus itself is committed, so the
benchmark does not.
"""

from __future__ import annotations

import argparse
import gzip
import re
import subprocess
from pathlib import Path

import orjson

COMMIT = "ab4027a8b37669745016869a37a504727992b2ba"
OUT = Path(__file__).parent / "data" / "articles" / "articles.jsonl.gz"
SKIP = {"script", "style", "noscript", "template", "svg"}
BLOCKS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "figcaption",
    "td",
    "th",
    "dt",
    "dd",
}
MIN_CHARS = 300
SPACE = re.compile(r"\s+")


def blocks_of(html: str) -> list[str]:
    """The text of each innermost block element, whitespace collapsed, in page order."""
    import lxml.html

    root = lxml.html.fromstring(html)
    for el in list(root.iter(*SKIP)):
        el.drop_tree()
    lines: list[str] = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag not in BLOCKS:
            continue
        if any(isinstance(d.tag, str) and d.tag in BLOCKS for d in el.iterdescendants()):
            continue  # the inner blocks give the text
        text = SPACE.sub(" ", el.text_content()).strip()
        if text:
            lines.append(text)
    return lines


def lxml_errors() -> type[Exception]:
    import lxml.etree

    return lxml.etree.ParserError


def git_show(repo: Path, path: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), "show", f"{COMMIT}:{path}"], capture_output=True, check=True
    ).stdout.decode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "repo", type=Path, help="a clone (or bare git directory) of mozilla/readability"
    )
    args = parser.parse_args()
    names = subprocess.run(
        ["git", "-C", str(args.repo), "ls-tree", "-r", "--name-only", COMMIT, "test/test-pages"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout.split()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    count = size = 0
    with (
        open(OUT, "wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as out,
    ):
        for path in sorted(p for p in names if p.endswith(("/expected.html", "/source.html"))):
            try:
                text = "\n".join(blocks_of(git_show(args.repo, path)))
            except (ValueError, UnicodeDecodeError, lxml_errors()):
                continue
            if len(text) < MIN_CHARS:
                continue
            kind = "article" if path.endswith("/expected.html") else "page"
            doc_id = f"{path.split('/')[-2]}/{kind}"
            out.write(orjson.dumps({"id": doc_id, "text": text}) + b"\n")
            count += 1
            size += len(text.encode("utf-8"))
    print(f"{count} articles, {size / 1e6:.2f} MB of text -> {OUT}")


if __name__ == "__main__":
    main()
