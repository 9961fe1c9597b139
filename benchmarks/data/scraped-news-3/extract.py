"""Build the scraped-news-3 line set from two public news-text corpora.

The documents are article texts exactly as a scraper (newspaper) emitted
them, page furniture included.  This script picks the documents and splits
them into lines; the labels are data, read by hand, kept in ``labels.json``.

    python extract.py raw ABP_GIT RECOVERY_GIT [-o raw.jsonl]
    python extract.py merge [--raw raw.jsonl] [--labels labels.json]

``ABP_GIT`` is a git directory of ramybaly/Article-Bias-Prediction,
``RECOVERY_GIT`` one of apurvamulay/ReCOVery.  Both are read at pinned
commits (below, and in ``../scraped_news.py`` for Article-Bias-Prediction)
through ``git``, so nothing depends on a work tree.
``merge`` writes ``lines.jsonl.gz`` (gzip mtime 0) next to this script with
the documents that have labels.  Documents already labelled in
``../scraped-news-2/labels.json`` are never picked again.
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
    abp_documents,
    domain,
    git_ls,
    git_show,
    merge,
    order_key,
    split_lines,
    split_of,
    write_raw,
)

REC_REPO = "apurvamulay/ReCOVery"
# The per-publisher CSV files were removed later; each is read at the last
# commit that has it.
REC_COMMITS = (
    "86a1b9c0d02f8f88dd48de5fe8dd767f8f57e483",  # 2021-09-25
    "d31bd76b64e5474b3b537d322039cf12a51825ef",  # 2021-09-25
    "9c93446bd06c526c534536ecd533adca526cc63c",  # 2020-05-21
)
REC_DIRS = ("dataset/reliable", "dataset/unreliable")

MAX_LINES = 60  # longer documents are cut at a paragraph boundary
MIN_LINES = 5  # shorter ones carry too little structure to be worth reading
PER_SITE = 2  # documents per publisher in this set
TAKE = {"abp": 80, "rec": 70}  # documents per source
EARLIER_LABELS = HERE.parent / "scraped-news-2" / "labels.json"  # ids to leave out


def rec_documents(git_dir: str) -> list[dict]:
    csv.field_size_limit(1 << 30)
    docs = []
    seen_paths: set[str] = set()
    for commit in REC_COMMITS:
        for folder in REC_DIRS:
            for path in git_ls(git_dir, commit, folder):
                name = path.rsplit("/", 1)[1]
                if path in seen_paths or name.startswith("._") or not name.endswith(".csv"):
                    continue
                seen_paths.add(path)
                raw = git_show(git_dir, commit, path) or ""
                for row in csv.DictReader(io.StringIO(raw)):
                    url = row.get("url") or ""
                    if not url:
                        continue
                    key = hashlib.sha1(url.encode()).hexdigest()[:12]
                    docs.append(
                        {
                            "id": f"rec-{key}",
                            "source": domain(url),
                            "origin": f"{REC_REPO}@{commit[:12]}:{path} (url {url})",
                            "text": row.get("body_text") or "",
                        }
                    )
    return docs


def earlier_ids() -> set[str]:
    return set(json.loads(EARLIER_LABELS.read_text(encoding="utf-8")))


def choose(docs: list[dict], take: int, skip: set[str]) -> list[dict]:
    """Hash order, basic filters, first ``take``; spread over publishers.

    A first pass over the hash order takes one document a publisher; when
    that gives fewer than ``take``, a second pass adds a second document for
    publishers in hash order, up to PER_SITE.  The result is kept in hash
    order.
    """
    candidates = []
    seen_ids: set[str] = set()
    seen_text: set[str] = set()
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


def raw_documents(abp_git: str, rec_git: str) -> list[dict]:
    skip = earlier_ids()
    abp = abp_documents(abp_git)
    chosen = choose(abp, TAKE["abp"], skip)
    abp_sites = {d["source"] for d in abp}
    # A publisher in both corpora keeps the documents of the first.
    rec = [d for d in rec_documents(rec_git) if d["source"] not in abp_sites]
    chosen += choose(rec, TAKE["rec"], skip)
    for doc in chosen:
        doc["split"] = split_of(doc["source"])
    return chosen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p_raw = sub.add_parser("raw", help="pick the documents and split them into lines")
    p_raw.add_argument("abp_git")
    p_raw.add_argument("rec_git")
    p_raw.add_argument("-o", "--output", default="raw.jsonl")
    p_merge = sub.add_parser("merge", help="join raw documents and labels.json")
    p_merge.add_argument("--raw", default="raw.jsonl")
    p_merge.add_argument("--labels", default=str(HERE / "labels.json"))
    p_merge.add_argument("abp_git", nargs="?")
    p_merge.add_argument("rec_git", nargs="?")
    args = ap.parse_args()

    if args.cmd == "raw":
        docs = raw_documents(args.abp_git, args.rec_git)
        write_raw(docs, Path(args.output))
        print(f"{len(docs)} documents -> {args.output}")
        return

    raw = Path(args.raw)
    if not raw.exists():
        if not (args.abp_git and args.rec_git):
            sys.exit(f"{args.raw} not found; give ABP_GIT and RECOVERY_GIT to rebuild it")
        write_raw(raw_documents(args.abp_git, args.rec_git), raw)
    out = HERE / "lines.jsonl.gz"
    written = merge(raw, Path(args.labels), out, n_key="n")
    print(f"{written} labelled documents -> {out}")


if __name__ == "__main__":
    main()
