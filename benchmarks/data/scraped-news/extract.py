"""Build the scraped-news line set from two public fake-news corpora.

The documents are article texts exactly as a scraper (newspaper) emitted
them, page furniture included.  This script picks the documents and splits
them into lines; the labels are data, read by hand, kept in ``labels.json``.

    python extract.py raw FNC_GIT FNN_GIT [-o raw.jsonl]
    python extract.py merge [--raw raw.jsonl] [--labels labels.json]

``FNC_GIT`` is a git directory of several27/FakeNewsCorpus, ``FNN_GIT`` one
of KaiDMML/FakeNewsNet.  Both are read at the pinned commits below through
``git show``, so nothing depends on a work tree.  ``merge`` writes
``lines.jsonl.gz`` (gzip mtime 0) next to this script; ``merge`` without a
``--raw`` file re-runs ``raw`` if ``FNC_GIT`` and ``FNN_GIT`` are given.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from scraped_news import (  # noqa: E402
    domain,
    git_ls,
    git_show,
    merge,
    order_key,
    split_lines,
    split_of,
)

FNC_REPO = "several27/FakeNewsCorpus"
FNC_COMMIT = "e8060d4ea5dafe1e1263e0d11c08525af6259137"
FNC_FILE = "news_sample.csv"

FNN_REPO = "KaiDMML/FakeNewsNet"
FNN_COMMIT = "104f3c5525274549420e141d8b1ba0c3fa4602fc"
FNN_DIRS = (
    "Data/BuzzFeed/FakeNewsContent",
    "Data/BuzzFeed/RealNewsContent",
    "Data/PolitiFact/FakeNewsContent",
    "Data/PolitiFact/RealNewsContent",
)

MAX_LINES = 60  # longer documents are cut at a paragraph boundary
MIN_LINES = 5  # shorter ones carry too little structure to be worth reading
PER_SITE = 2  # documents per publisher, in general
PER_SITE_BIG = {  # publishers with many articles in the sources
    "beforeitsnews.com": 6,
    "politico.com": 3,
    "cnn.com": 3,
    "abcnews.go.com": 3,
    "canadafreepress.com": 3,
    "washingtonexaminer.com": 3,
}


def fnc_documents(git_dir: str) -> list[dict]:
    raw = git_show(git_dir, FNC_COMMIT, FNC_FILE)
    if raw is None:
        sys.exit(f"{FNC_FILE} not found at {FNC_COMMIT} in {git_dir}")
    csv.field_size_limit(1 << 30)
    docs = []
    for row in csv.DictReader(io.StringIO(raw)):
        docs.append(
            {
                "id": f"fnc-{row['id']}",
                "source": domain(row["url"]) or row["domain"],
                "origin": f"{FNC_REPO}@{FNC_COMMIT[:12]}:{FNC_FILE} (id {row['id']})",
                "text": row["content"],
            }
        )
    return docs


def fnn_documents(git_dir: str) -> list[dict]:
    docs = []
    for folder in FNN_DIRS:
        for path in git_ls(git_dir, FNN_COMMIT, folder):
            if not path.endswith(".json"):
                continue
            raw = git_show(git_dir, FNN_COMMIT, path)
            try:
                data = json.loads(raw or "")
            except json.JSONDecodeError:
                continue  # a few blobs are missing from snapshots
            og = (data.get("meta_data") or {}).get("og")
            og_url = og.get("url") if isinstance(og, dict) else None
            # Many "url" fields are shortener links (politi.co, cnn.it); the
            # canonical link names the publisher.
            hosts = [
                domain(u)
                for u in (data.get("canonical_link"), og_url, data.get("url"), data.get("source"))
            ]
            hosts = [h for h in hosts if h]
            name = path.rsplit("/", 1)[1].removesuffix("-Webpage.json")
            docs.append(
                {
                    "id": f"fnn-{name}",
                    "source": hosts[0] if hosts else "unknown",
                    "origin": f"{FNN_REPO}@{FNN_COMMIT[:12]}:{path}",
                    "text": data.get("text") or "",
                }
            )
    return docs


def select(docs: list[dict]) -> list[dict]:
    """Up to PER_SITE documents per publisher, in a fixed pseudo-random order,
    skipping very short texts and verbatim repeats."""
    seen_text: set[str] = set()
    by_site: dict[str, list[dict]] = defaultdict(list)
    for doc in sorted(docs, key=lambda d: order_key(d["id"])):
        lines = split_lines(doc["text"])
        digest = hashlib.sha1("\n".join(lines).encode()).hexdigest()
        if len(lines) < MIN_LINES or digest in seen_text:
            continue
        seen_text.add(digest)
        if len(by_site[doc["source"]]) >= PER_SITE_BIG.get(doc["source"], PER_SITE):
            continue
        truncated = len(lines) > MAX_LINES
        by_site[doc["source"]].append(
            {
                "id": doc["id"],
                "source": doc["source"],
                "origin": doc["origin"],
                "lines": lines[:MAX_LINES],
                "split": split_of(doc["source"]),
                "truncated": truncated,
            }
        )
    out = [d for site in sorted(by_site) for d in by_site[site]]
    return sorted(out, key=lambda d: (d["source"], d["id"]))


def cmd_raw(fnc_git: str, fnn_git: str, out: Path) -> list[dict]:
    docs = select(fnc_documents(fnc_git) + fnn_documents(fnn_git))
    with open(out, "w", encoding="utf-8") as fh:
        for doc in docs:
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    print(f"{len(docs)} documents, {len({d['source'] for d in docs})} sites -> {out}")
    return docs


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    p_raw = sub.add_parser("raw", help="select the documents, unlabelled")
    p_raw.add_argument("fnc_git")
    p_raw.add_argument("fnn_git")
    p_raw.add_argument("-o", "--out", type=Path, default=Path("raw.jsonl"))
    p_merge = sub.add_parser("merge", help="join raw documents and labels.json")
    p_merge.add_argument("fnc_git", nargs="?")
    p_merge.add_argument("fnn_git", nargs="?")
    p_merge.add_argument("--raw", type=Path)
    p_merge.add_argument("--labels", type=Path, default=HERE / "labels.json")
    p_merge.add_argument("-o", "--out", type=Path, default=HERE / "lines.jsonl.gz")
    args = parser.parse_args(argv)
    if args.cmd == "raw":
        cmd_raw(args.fnc_git, args.fnn_git, args.out)
        return
    raw = args.raw
    if raw is None:
        if not (args.fnc_git and args.fnn_git):
            parser.error("merge needs --raw or the two git directories")
        raw = Path("raw.jsonl")
        cmd_raw(args.fnc_git, args.fnn_git, raw)
    written = merge(raw, args.labels, args.out)
    print(f"{written} labelled documents -> {args.out}")


if __name__ == "__main__":
    main()
