"""Build the scraped-news-5 line set from a public news-text corpus.

The documents are article texts exactly as a scraper (newspaper) emitted
them, page furniture included.  This script picks the documents and splits
them into lines; the labels are data, read by hand, kept in ``labels.json``.

    python extract.py raw ABP_GIT [-o raw.jsonl]
    python extract.py merge [--raw raw.jsonl] [--labels labels.json]

``ABP_GIT`` is a git directory of ramybaly/Article-Bias-Prediction, read at
the pinned commit below through ``git show``, so nothing depends on a work
tree.  ``merge`` writes ``lines.jsonl.gz`` (gzip mtime 0) next to this
script with the documents that have labels.  Documents already labelled in
``../scraped-news-2/labels.json`` or ``../scraped-news-3/labels.json`` (and
any other document with the same text) are never picked again.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent

ABP_REPO = "ramybaly/Article-Bias-Prediction"
ABP_COMMIT = "ced8111a720948e6a410e52031ace99c4e53f096"
ABP_DIR = "data/jsons"

MAX_LINES = 60  # longer documents are cut at a paragraph boundary
MIN_LINES = 5  # shorter ones carry too little structure to be worth reading
PER_SITE = 2  # documents per publisher in this set
TAKE = 150  # documents
EARLIER_LABELS = (  # ids to leave out
    HERE.parent / "scraped-news-2" / "labels.json",
    HERE.parent / "scraped-news-3" / "labels.json",
)

CATEGORIES = (
    "share",
    "newsletter",
    "account",
    "legal",
    "byline",
    "caption",
    "timestamp",
    "navigation",
    "advertising",
    "widget",
    "separator",
    "duplicate",
    "other",
)


def git(git_dir: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "--git-dir", git_dir, *args], capture_output=True)


def git_show_folder(git_dir: str, commit: str, folder: str) -> list[tuple[str, str]]:
    """(path, text) of every file in ``folder``, through one ``cat-file --batch``."""
    proc = git(git_dir, "ls-tree", commit, folder + "/")
    entries = []
    for line in proc.stdout.decode().splitlines():
        meta, path = line.split("\t", 1)
        entries.append((path, meta.split()[2]))
    entries.sort()
    proc = subprocess.run(
        ["git", "--git-dir", git_dir, "cat-file", "--batch"],
        input="".join(f"{sha}\n" for _, sha in entries).encode(),
        capture_output=True,
        check=True,
    )
    out, pos, files = proc.stdout, 0, []
    for path, _ in entries:
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        pos = end + 1
        if len(header) < 3 or header[1] == b"missing":
            continue
        size = int(header[2])
        files.append((path, out[pos : pos + size].decode("utf-8", errors="replace")))
        pos += size + 1
    return files


def domain(url: object) -> str:
    if not isinstance(url, str):
        return ""
    host = urlparse(url if "//" in url else "//" + url).netloc.lower()
    host = host.split(":")[0]
    return host[4:] if host.startswith("www.") else host


def split_lines(text: str) -> list[str]:
    """A line is a paragraph as the scraper emitted it; blank lines go."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [line.strip() for line in text.split("\n") if line.strip()]


def abp_documents(git_dir: str) -> list[dict]:
    docs = []
    for path, raw in git_show_folder(git_dir, ABP_COMMIT, ABP_DIR):
        try:
            data = json.loads(raw or "")
        except json.JSONDecodeError:
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
    for doc in sorted(docs, key=lambda d: hashlib.sha1(d["id"].encode()).hexdigest()):
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


def split_of(source: str) -> str:
    return "test" if int(hashlib.sha1(source.encode()).hexdigest(), 16) % 10 < 4 else "train"


def raw_documents(abp_git: str) -> list[dict]:
    chosen = choose(abp_documents(abp_git), TAKE, earlier_ids())
    for doc in chosen:
        doc["split"] = split_of(doc["source"])
    return chosen


def merge(raw: list[dict], labels: dict) -> list[dict]:
    out = []
    for doc in raw:
        entry = labels.get(doc["id"])
        if entry is None:
            continue
        n = len(doc["lines"])
        if entry["n"] != n:
            sys.exit(f"{doc['id']}: labels made for {entry['n']} lines, document has {n}")
        lab: list[int | None] = [1] * n
        cat: list[str | None] = [None] * n
        for idx, category in entry.get("furniture", {}).items():
            if category not in CATEGORIES:
                sys.exit(f"{doc['id']}: unknown category {category!r}")
            lab[int(idx)] = 0
            cat[int(idx)] = category
        notes = {}
        for idx, span in entry.get("undecided", {}).items():
            lab[int(idx)] = None
            line = doc["lines"][int(idx)]
            # one furniture part: [start, end]; several: [[start, end], ...]
            spans = [span] if span and isinstance(span[0], int) else span or []
            notes[str(idx)] = " … ".join(line[a:b] for a, b in spans)
        rec = {
            "id": doc["id"],
            "source": doc["source"],
            "origin": doc["origin"],
            "lines": doc["lines"],
            "labels": lab,
            "categories": cat,
            "split": doc["split"],
            "truncated": doc["truncated"],
        }
        if notes:
            rec["notes"] = notes
        out.append(rec)
    return out


def write_gz(records: list[dict], path: Path) -> None:
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0) as gz:
        for rec in records:
            gz.write((json.dumps(rec, ensure_ascii=False) + "\n").encode())
    path.write_bytes(buf.getvalue())


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
        with open(args.output, "w", encoding="utf-8") as fh:
            for doc in docs:
                fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
        print(f"{len(docs)} documents -> {args.output}")
        return

    if Path(args.raw).exists():
        with open(args.raw, encoding="utf-8") as fh:
            raw = [json.loads(line) for line in fh]
    elif args.abp_git:
        raw = raw_documents(args.abp_git)
    else:
        sys.exit(f"{args.raw} not found; give ABP_GIT to rebuild it")
    labels = json.loads(Path(args.labels).read_text(encoding="utf-8"))
    records = merge(raw, labels)
    write_gz(records, HERE / "lines.jsonl.gz")
    print(f"{len(records)} labelled documents -> {HERE / 'lines.jsonl.gz'}")


if __name__ == "__main__":
    main()
