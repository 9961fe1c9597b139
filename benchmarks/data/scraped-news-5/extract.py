"""Build the scraped-news-5 line set from a public news-text corpus.

The documents are article texts exactly as a scraper (newspaper) emitted
them, page furniture included.  This script picks the documents and splits
them into lines; the labels are data, read by hand, kept in ``labels.json``.

    python extract.py raw ABP_GIT [-o raw.jsonl]
    python extract.py merge [--raw raw.jsonl] [--labels labels.json]

``ABP_GIT`` is a git directory of ramybaly/Article-Bias-Prediction, read at
the commit pinned in ``../scraped_news.py`` through ``git``, so nothing
depends on a work tree.  ``merge`` writes ``lines.jsonl.gz`` (gzip mtime 0) next to this
script with the documents that have labels.  Documents already labelled in
``../scraped-news-2/labels.json`` or ``../scraped-news-3/labels.json`` (and
any other document with the same text) are never picked again.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from scraped_news import (  # noqa: E402
    abp_documents,
    merge,
    order_key,
    split_lines,
    split_of,
    write_raw,
)

MAX_LINES = 60  # longer documents are cut at a paragraph boundary
MIN_LINES = 5  # shorter ones carry too little structure to be worth reading
PER_SITE = 2  # documents per publisher in this set
TAKE = 150  # documents
EARLIER_LABELS = (  # ids to leave out
    HERE.parent / "scraped-news-2" / "labels.json",
    HERE.parent / "scraped-news-3" / "labels.json",
)


def earlier_ids() -> set[str]:
    ids: set[str] = set()
    for path in EARLIER_LABELS:
        ids |= set(json.loads(path.read_text(encoding="utf-8")))
    return ids


def choose(docs: list[dict], take: int, skip: set[str]) -> list[dict]:
    """Hash order, basic filters, first ``take``; spread over publishers.

    Documents in ``skip`` and any document with the same text as one of
    them are left out.  A first pass over the hash order takes one document
    a publisher; when that gives fewer than ``take``, a second pass adds a
    second document for publishers in hash order, up to PER_SITE.  The
    result is kept in hash order.
    """
    seen_text = {"\n".join(split_lines(d["text"])) for d in docs if d["id"] in skip}
    candidates = []
    seen_ids: set[str] = set()
    for doc in sorted(docs, key=lambda d: order_key(d["id"])):
        lines = split_lines(doc["text"])
        key = "\n".join(lines)
        if doc["id"] in skip or doc["id"] in seen_ids or key in seen_text:
            continue
        if len(lines) < MIN_LINES or not doc["source"]:
            continue
        seen_ids.add(doc["id"])
        seen_text.add(key)
        candidates.append((doc, lines))
    per_site: dict[str, int] = defaultdict(int)
    picked: set[str] = set()
    for limit in range(1, PER_SITE + 1):
        for doc, _ in candidates:
            if len(picked) >= take:
                break
            if doc["id"] in picked or per_site[doc["source"]] >= limit:
                continue
            per_site[doc["source"]] += 1
            picked.add(doc["id"])
    chosen = []
    for doc, lines in candidates:
        if doc["id"] not in picked:
            continue
        chosen.append(
            {
                "id": doc["id"],
                "source": doc["source"],
                "origin": doc["origin"],
                "lines": lines[:MAX_LINES],
                "truncated": len(lines) > MAX_LINES,
            }
        )
    return chosen


def raw_documents(abp_git: str) -> list[dict]:
    chosen = choose(abp_documents(abp_git), TAKE, earlier_ids())
    for doc in chosen:
        doc["split"] = split_of(doc["source"])
    return chosen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p_raw = sub.add_parser("raw", help="pick the documents and split them into lines")
    p_raw.add_argument("abp_git")
    p_raw.add_argument("-o", "--output", default="raw.jsonl")
    p_merge = sub.add_parser("merge", help="join raw documents and labels.json")
    p_merge.add_argument("--raw", default="raw.jsonl")
    p_merge.add_argument("--labels", default=str(HERE / "labels.json"))
    p_merge.add_argument("abp_git", nargs="?")
    args = ap.parse_args()

    if args.cmd == "raw":
        docs = raw_documents(args.abp_git)
        write_raw(docs, Path(args.output))
        print(f"{len(docs)} documents -> {args.output}")
        return

    raw = Path(args.raw)
    if not raw.exists():
        if not args.abp_git:
            sys.exit(f"{args.raw} not found; give ABP_GIT to rebuild it")
        write_raw(raw_documents(args.abp_git), raw)
    out = HERE / "lines.jsonl.gz"
    written = merge(raw, Path(args.labels), out, n_key="n")
    print(f"{written} labelled documents -> {out}")


if __name__ == "__main__":
    main()
