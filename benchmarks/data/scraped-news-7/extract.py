"""Build the scraped-news-7 line set from Article-Bias-Prediction, new publishers only.

The documents are article texts exactly as a scraper (newspaper) emitted
them, page furniture included, each from a publisher that no earlier
scraped-news set has: a new site brings new furniture and new phrasing.
This script picks the documents and splits them into lines; the labels are
data, read by hand, kept in ``labels.json``.

    python extract.py raw ABP_GIT [-o raw.jsonl]
    python extract.py merge [ABP_GIT] [--raw raw.jsonl] [--labels labels.json]

``ABP_GIT`` is a git directory of ramybaly/Article-Bias-Prediction, read at
the pinned commit below through ``git``, so nothing depends on a work tree.
``merge`` writes ``lines.jsonl.gz`` (gzip mtime 0) next to this script with
the documents that have labels; without ``--raw`` it re-runs ``raw`` first.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent

ABP_REPO = "ramybaly/Article-Bias-Prediction"
ABP_COMMIT = "ced8111a720948e6a410e52031ace99c4e53f096"
ABP_DIR = "data/jsons"

MAX_LINES = 60  # longer documents are cut at a paragraph boundary
MIN_LINES = 5  # shorter ones carry too little structure to be worth reading
LONG_LINE = 80  # paragraphs this long identify a text
NEAR_COPY = 0.5  # share of long paragraphs already seen that makes a near copy
TAKE = 250  # documents, one a publisher
# Labels of the earlier sets: their ids are not taken again, their texts
# count as seen, and the publishers they name are left out.
EARLIER_LABELS = tuple(
    HERE.parent / name / "labels.json"
    for name in (
        "scraped-news",
        "scraped-news-2",
        "scraped-news-3",
        "scraped-news-4",
        "scraped-news-5",
        "scraped-news-6",
    )
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


def git_show_folder(git_dir: str, commit: str, folder: str) -> list[tuple[str, str]]:
    """(path, text) of every file in ``folder``, through one ``cat-file --batch``."""
    listing = subprocess.run(
        ["git", "--git-dir", git_dir, "ls-tree", commit, folder + "/"],
        capture_output=True,
        check=True,
    )
    entries = []
    for line in listing.stdout.decode().splitlines():
        meta, path = line.split("\t", 1)
        entries.append((path, meta.split()[2]))
    entries.sort()
    blobs = subprocess.run(
        ["git", "--git-dir", git_dir, "cat-file", "--batch"],
        input="".join(f"{sha}\n" for _, sha in entries).encode(),
        capture_output=True,
        check=True,
    )
    out, pos, files = blobs.stdout, 0, []
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
    host = urlparse(url if "//" in url else "//" + url).netloc.lower().split(":")[0]
    return host[4:] if host.startswith("www.") else host


def split_lines(text: str) -> list[str]:
    """A line is a paragraph as the scraper emitted it; blank lines go."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [line.strip() for line in text.split("\n") if line.strip()]


def abp_documents(git_dir: str) -> list[dict]:
    """Ids and publishers exactly as in scraped-news-2, -3 and -5."""
    docs = []
    for path, raw in git_show_folder(git_dir, ABP_COMMIT, ABP_DIR):
        try:
            data = json.loads(raw)
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


def earlier() -> tuple[set[str], set[str]]:
    """Ids and publishers of the documents labelled in the earlier sets."""
    ids: set[str] = set()
    sources: set[str] = set()
    for path in EARLIER_LABELS:
        for doc_id, entry in json.loads(path.read_text(encoding="utf-8")).items():
            ids.add(doc_id)
            if entry.get("source"):
                sources.add(entry["source"])
    return ids, sources


def split_of(source: str) -> str:
    return "test" if int(hashlib.sha1(source.encode()).hexdigest(), 16) % 10 < 4 else "train"


def long_lines(lines: list[str]) -> set[str]:
    return {line for line in lines if len(line) >= LONG_LINE}


def select(docs: list[dict]) -> list[dict]:
    """One document a new publisher, in the order of the SHA-1 of the id.

    Skipped: ids labelled before, publishers named in earlier labels, texts
    of fewer than MIN_LINES lines, and texts already seen (the earlier sets'
    texts included), verbatim or as a near copy (at least half of the long
    paragraphs seen before: a syndicated copy on another site).
    """
    old_ids, old_sources = earlier()
    old = [split_lines(d["text"]) for d in docs if d["id"] in old_ids]
    seen_text = {"\n".join(lines) for lines in old}
    seen_long = set().union(*(long_lines(lines) for lines in old))
    picked: dict[str, dict] = {}
    for doc in sorted(docs, key=lambda d: hashlib.sha1(d["id"].encode()).hexdigest()):
        if len(picked) >= TAKE:
            break
        source = doc["source"]
        if not source or source in old_sources or source in picked or doc["id"] in old_ids:
            continue
        lines = split_lines(doc["text"])
        own_long = long_lines(lines)
        if len(lines) < MIN_LINES or "\n".join(lines) in seen_text:
            continue
        if own_long and len(own_long & seen_long) >= NEAR_COPY * len(own_long):
            continue
        seen_text.add("\n".join(lines))
        seen_long |= own_long
        picked[source] = {
            "id": doc["id"],
            "source": source,
            "origin": doc["origin"],
            "lines": lines[:MAX_LINES],
            "split": split_of(source),
            "truncated": len(lines) > MAX_LINES,
        }
    return sorted(picked.values(), key=lambda d: (d["source"], d["id"]))


def cmd_raw(abp_git: str, out: Path) -> None:
    docs = select(abp_documents(abp_git))
    with open(out, "w", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
    print(f"{len(docs)} documents, {len({d['source'] for d in docs})} publishers -> {out}")


def expand(doc: dict, entry: dict) -> tuple[list, list, dict]:
    """labels.json stores furniture lines only: {"furniture": {i: category},
    "undecided": {i: [start, end] of the furniture part in the line, or a
    list of such pairs}}; every other line is content."""
    n = len(doc["lines"])
    labels: list = [1] * n
    cats: list = [None] * n
    for i, cat in entry.get("furniture", {}).items():
        if cat not in CATEGORIES:
            raise ValueError(
                f"{doc['id']} line {i}: unknown category {cat!r}; use one of {CATEGORIES}"
            )
        labels[int(i)], cats[int(i)] = 0, cat
    notes = {}
    for i, span in entry.get("undecided", {}).items():
        labels[int(i)], cats[int(i)] = None, None
        line = doc["lines"][int(i)]
        spans = [span] if span and isinstance(span[0], int) else span or []
        notes[str(i)] = " … ".join(line[a:b] for a, b in spans)
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
                raise ValueError(
                    f"{labels_path}: {doc['id']} was labelled for {entry.get('n_lines')} lines, "
                    f"the text has {len(doc['lines'])}; rebuild raw.jsonl from the pinned commit"
                )
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
    p_raw.add_argument("abp_git")
    p_raw.add_argument("-o", "--out", type=Path, default=Path("raw.jsonl"))
    p_merge = sub.add_parser("merge", help="join raw documents and labels.json")
    p_merge.add_argument("abp_git", nargs="?")
    p_merge.add_argument("--raw", type=Path)
    p_merge.add_argument("--labels", type=Path, default=HERE / "labels.json")
    p_merge.add_argument("-o", "--out", type=Path, default=HERE / "lines.jsonl.gz")
    args = parser.parse_args(argv)
    if args.cmd == "raw":
        cmd_raw(args.abp_git, args.out)
        return
    raw = args.raw
    if raw is None:
        if not args.abp_git:
            parser.error("merge needs --raw or the Article-Bias-Prediction git directory")
        raw = Path("raw.jsonl")
        cmd_raw(args.abp_git, raw)
    if not raw.exists():
        sys.exit(f"{raw} not found; give ABP_GIT to rebuild it")
    cmd_merge(raw, args.labels, args.out)


if __name__ == "__main__":
    main()
