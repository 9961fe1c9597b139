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


def git_show(git_dir: str, commit: str, path: str) -> str | None:
    proc = subprocess.run(
        ["git", "--git-dir", git_dir, "show", f"{commit}:{path}"],
        capture_output=True,
    )
    if proc.returncode != 0:
        return None
    return proc.stdout.decode("utf-8", errors="replace")


def git_ls(git_dir: str, commit: str, folder: str) -> list[str]:
    proc = subprocess.run(
        ["git", "--git-dir", git_dir, "ls-tree", "--name-only", commit, folder + "/"],
        capture_output=True,
        text=True,
        check=True,
    )
    return sorted(proc.stdout.split())


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


def key(doc_id: str) -> str:
    return hashlib.sha1(doc_id.encode()).hexdigest()


def split_of(source: str) -> str:
    return "test" if int(hashlib.sha1(source.encode()).hexdigest(), 16) % 10 < 4 else "train"


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
        for doc in sorted(docs, key=lambda d: key(d["id"])):
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


def expand(doc: dict, entry: dict) -> tuple[list, list, dict]:
    """labels.json stores furniture lines only: {"furniture": {i: category},
    "undecided": {i: [start, end] of the furniture part in the line}}; every other
    line is content."""
    n = len(doc["lines"])
    labels: list = [1] * n
    cats: list = [None] * n
    for i, cat in entry.get("furniture", {}).items():
        if cat not in CATEGORIES:
            raise ValueError(f"{doc['id']} line {i}: unknown category {cat!r}")
        labels[int(i)], cats[int(i)] = 0, cat
    notes = {}
    for i, span in entry.get("undecided", {}).items():
        labels[int(i)], cats[int(i)] = None, None
        notes[str(i)] = doc["lines"][int(i)][span[0] : span[1]] if span else ""
    return labels, cats, notes


def cmd_merge(raw: Path, labels_path: Path, out: Path) -> None:
    docs = [json.loads(line) for line in raw.read_text(encoding="utf-8").splitlines()]
    table = json.loads(labels_path.read_text(encoding="utf-8"))
    buf = io.BytesIO()
    written = 0
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0) as gz:
        for doc in docs:
            entry = table.get(doc["id"])
            if entry is None:
                continue  # not read yet
            if entry.get("n_lines") != len(doc["lines"]):
                raise ValueError(f"{doc['id']}: labels were made for another text")
            labels, cats, notes = expand(doc, entry)
            record = {
                "id": doc["id"],
                "source": doc["source"],
                "origin": doc["origin"],
                "lines": doc["lines"],
                "labels": labels,
                "categories": cats,
                "split": doc["split"],
                "truncated": doc["truncated"],
            }
            if notes:
                record["notes"] = notes
            gz.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
            written += 1
    out.write_bytes(buf.getvalue())
    print(f"{written} labelled documents -> {out}")


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
    cmd_merge(raw, args.labels, args.out)


if __name__ == "__main__":
    main()
