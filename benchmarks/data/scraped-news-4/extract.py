"""Build the scraped-news-4 line set from three public news corpora.

The documents are article texts exactly as a scraper (newspaper) emitted
them, page furniture included.  First come the two corpora of
``scraped-news``, leaving out every document id labelled there
(``../scraped-news/labels.json``); then FakeHealth, whose news contents were
collected with the same extractor.  At most 2 documents per publisher are
taken in the whole set.  This script picks the documents and splits them into
lines; the labels are data, read by hand, kept in ``labels.json``.

    python extract.py raw FNC_GIT FNN_GIT FH_GIT [-o raw.jsonl]
    python extract.py merge [--raw raw.jsonl] [--labels labels.json]

``FNC_GIT`` is a git directory of several27/FakeNewsCorpus, ``FNN_GIT`` one
of KaiDMML/FakeNewsNet, ``FH_GIT`` one of EnyanDai/FakeHealth.  All are read
at the pinned commits below through ``git show``, so nothing depends on a
work tree.  ``merge`` writes ``lines.jsonl.gz`` (gzip mtime 0) next to this
script; ``merge`` without a ``--raw`` file re-runs ``raw`` if the three git
directories are given.
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

FH_REPO = "EnyanDai/FakeHealth"
FH_COMMIT = "ec9379de8f8f13af8c436dd6dd9bfaddacd2df30"
FH_DIRS = ("dataset/content/HealthStory", "dataset/content/HealthRelease")
FH_TAKE = 105  # FakeHealth documents taken after the other two corpora

MAX_LINES = 60  # longer documents are cut at a paragraph boundary
MIN_LINES = 5  # shorter ones carry too little structure to be worth reading
PER_SITE = 2  # documents per publisher in this set
# Documents already labelled in scraped-news are not taken again.
EXCLUDE_LABELS = HERE.parent / "scraped-news" / "labels.json"


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


def page_documents(
    git_dir: str, repo: str, commit: str, folders: tuple[str, ...], prefix: str
) -> list[dict]:
    """newspaper page records (FakeNewsNet, FakeHealth): one JSON file each."""
    docs = []
    for folder in folders:
        for path in git_ls(git_dir, commit, folder):
            if not path.endswith(".json"):
                continue
            raw = git_show(git_dir, commit, path)
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
            name = path.rsplit("/", 1)[1].removesuffix(".json").removesuffix("-Webpage")
            docs.append(
                {
                    "id": f"{prefix}-{name}",
                    "source": hosts[0] if hosts else "unknown",
                    "origin": f"{repo}@{commit[:12]}:{path}",
                    "text": data.get("text") or "",
                }
            )
    return docs


def fnn_documents(git_dir: str) -> list[dict]:
    return page_documents(git_dir, FNN_REPO, FNN_COMMIT, FNN_DIRS, "fnn")


def fh_documents(git_dir: str) -> list[dict]:
    return page_documents(git_dir, FH_REPO, FH_COMMIT, FH_DIRS, "fh")


def excluded_ids() -> set[str]:
    return set(json.loads(EXCLUDE_LABELS.read_text(encoding="utf-8")))


def select(stages: list[tuple[list[dict], int | None]]) -> list[dict]:
    """Up to PER_SITE documents per publisher over all stages, each stage's
    documents in a fixed pseudo-random order (SHA-1 of the id), skipping very
    short texts, verbatim repeats and the documents of scraped-news; a stage
    stops after its limit (None: no limit)."""
    exclude = excluded_ids()
    seen_text: set[str] = set()
    by_site: dict[str, list[dict]] = defaultdict(list)
    for docs, limit in stages:
        taken = 0
        for doc in sorted(docs, key=lambda d: order_key(d["id"])):
            if limit is not None and taken >= limit:
                break
            if take(doc, exclude, seen_text, by_site):
                taken += 1
    out = [d for site in sorted(by_site) for d in by_site[site]]
    return sorted(out, key=lambda d: (d["source"], d["id"]))


def take(doc: dict, exclude: set[str], seen_text: set[str], by_site: dict) -> bool:
    lines = split_lines(doc["text"])
    digest = hashlib.sha1("\n".join(lines).encode()).hexdigest()
    if len(lines) < MIN_LINES or digest in seen_text:
        return False
    seen_text.add(digest)
    if doc["id"] in exclude or len(by_site[doc["source"]]) >= PER_SITE:
        return False
    by_site[doc["source"]].append(
        {
            "id": doc["id"],
            "source": doc["source"],
            "origin": doc["origin"],
            "lines": lines[:MAX_LINES],
            "split": split_of(doc["source"]),
            "truncated": len(lines) > MAX_LINES,
        }
    )
    return True


def cmd_raw(fnc_git: str, fnn_git: str, fh_git: str, out: Path) -> list[dict]:
    docs = select(
        [
            (fnc_documents(fnc_git) + fnn_documents(fnn_git), None),
            (fh_documents(fh_git), FH_TAKE),
        ]
    )
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
    p_raw.add_argument("fh_git")
    p_raw.add_argument("-o", "--out", type=Path, default=Path("raw.jsonl"))
    p_merge = sub.add_parser("merge", help="join raw documents and labels.json")
    p_merge.add_argument("fnc_git", nargs="?")
    p_merge.add_argument("fnn_git", nargs="?")
    p_merge.add_argument("fh_git", nargs="?")
    p_merge.add_argument("--raw", type=Path)
    p_merge.add_argument("--labels", type=Path, default=HERE / "labels.json")
    p_merge.add_argument("-o", "--out", type=Path, default=HERE / "lines.jsonl.gz")
    args = parser.parse_args(argv)
    if args.cmd == "raw":
        cmd_raw(args.fnc_git, args.fnn_git, args.fh_git, args.out)
        return
    raw = args.raw
    if raw is None:
        if not (args.fnc_git and args.fnn_git and args.fh_git):
            parser.error("merge needs --raw or the three git directories")
        raw = Path("raw.jsonl")
        cmd_raw(args.fnc_git, args.fnn_git, args.fh_git, raw)
    written = merge(raw, args.labels, args.out)
    print(f"{written} labelled documents -> {args.out}")


if __name__ == "__main__":
    main()
