"""Build the scraped-news-2 line set from two public news-text corpora.

The documents are article texts exactly as a scraper (newspaper) emitted
them, page furniture included.  This script picks the documents and splits
them into lines; the labels are data, read by hand, kept in ``labels.json``.

    python extract.py raw ABP_GIT RECOVERY_GIT [-o raw.jsonl]
    python extract.py merge [--raw raw.jsonl] [--labels labels.json]

``ABP_GIT`` is a git directory of ramybaly/Article-Bias-Prediction,
``RECOVERY_GIT`` one of apurvamulay/ReCOVery.  Both are read at the pinned
commits below through ``git show``, so nothing depends on a work tree.
``merge`` writes ``lines.jsonl.gz`` (gzip mtime 0) next to this script with
the documents that have labels.
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
    git_show_folder,
    merge,
    order_key,
    split_lines,
    split_of,
    write_raw,
)

ABP_REPO = "ramybaly/Article-Bias-Prediction"
ABP_COMMIT = "ced8111a720948e6a410e52031ace99c4e53f096"
ABP_DIR = "data/jsons"
ABP_MIN_YEAR = "2019"  # the corpus runs 2012-2020; the recent part only

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
PER_SITE = 2  # documents per publisher
TAKE = {"abp": 90, "rec": 70}  # documents per source, in hash order


def abp_documents(git_dir: str) -> list[dict]:
    docs = []
    for path, raw in git_show_folder(git_dir, ABP_COMMIT, ABP_DIR):
        try:
            data = json.loads(raw or "")
        except json.JSONDecodeError:
            continue
        if str(data.get("date") or "")[:4] < ABP_MIN_YEAR:
            continue
        docs.append(
            {
                "id": f"abp-{data['ID']}",
                "source": domain(data.get("url")) or domain(data.get("source_url")),
                "origin": f"{ABP_REPO}@{ABP_COMMIT[:12]}:{path} (content_original)",
                "text": data.get("content_original") or "",
            }
        )
    return docs


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


def choose(docs: list[dict], take: int) -> list[dict]:
    """Hash order, basic filters, at most PER_SITE a publisher, first ``take``."""
    seen_ids: set[str] = set()
    seen_text: set[str] = set()
    per_site: dict[str, int] = defaultdict(int)
    chosen = []
    for doc in sorted(docs, key=lambda d: order_key(d["id"])):
        lines = split_lines(doc["text"])
        key = "\n".join(lines)
        if doc["id"] in seen_ids or key in seen_text or len(lines) < MIN_LINES:
            continue
        if not doc["source"] or per_site[doc["source"]] >= PER_SITE:
            continue
        seen_ids.add(doc["id"])
        seen_text.add(key)
        per_site[doc["source"]] += 1
        truncated = len(lines) > MAX_LINES
        chosen.append(
            {
                "id": doc["id"],
                "source": doc["source"],
                "origin": doc["origin"],
                "lines": lines[:MAX_LINES],
                "truncated": truncated,
            }
        )
        if len(chosen) >= take:
            break
    return chosen


def raw_documents(abp_git: str, rec_git: str) -> list[dict]:
    chosen = choose(abp_documents(abp_git), TAKE["abp"])
    taken_sites = {d["source"] for d in chosen}
    # A publisher in both corpora keeps the documents of the first.
    rec = [d for d in rec_documents(rec_git) if d["source"] not in taken_sites]
    chosen += choose(rec, TAKE["rec"])
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
