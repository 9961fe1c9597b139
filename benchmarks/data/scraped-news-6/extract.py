"""Build the scraped-news-6 line set from two public news corpora.

The documents are article texts exactly as a scraper (newspaper) emitted
them, page furniture included: FakeHealth (health news stories and press
releases, as in ``scraped-news-4``) and ReCOVery (COVID-19 news, as in
``scraped-news-2`` and ``scraped-news-3``), leaving out every document id
labelled in ``scraped-news-2``, ``-3`` and ``-4``.  At most 2 documents per
publisher are taken in the whole set.  This script picks the documents and
splits them into lines; the labels are data, read by hand, kept in
``labels.json``.

    python extract.py raw FH_GIT RECOVERY_GIT [-o raw.jsonl]
    python extract.py merge [--raw raw.jsonl] [--labels labels.json]

``FH_GIT`` is a git directory of EnyanDai/FakeHealth, ``RECOVERY_GIT`` one of
apurvamulay/ReCOVery.  Both are read at the pinned commits below through
``git``, so nothing depends on a work tree.  ``merge`` writes
``lines.jsonl.gz`` (gzip mtime 0) next to this script with the documents that
have labels; ``merge`` without a ``--raw`` file re-runs ``raw`` if the two git
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

FH_REPO = "EnyanDai/FakeHealth"
FH_COMMIT = "ec9379de8f8f13af8c436dd6dd9bfaddacd2df30"
FH_DIRS = ("dataset/content/HealthStory", "dataset/content/HealthRelease")

REC_REPO = "apurvamulay/ReCOVery"
# The per-publisher CSV files were removed later; each is read at the first
# of these commits that has it (as in scraped-news-2 and scraped-news-3).
REC_COMMITS = (
    "86a1b9c0d02f8f88dd48de5fe8dd767f8f57e483",  # 2021-09-25
    "d31bd76b64e5474b3b537d322039cf12a51825ef",  # 2021-09-25
    "9c93446bd06c526c534536ecd533adca526cc63c",  # 2020-05-21
)
REC_DIRS = ("dataset/reliable", "dataset/unreliable")

MAX_LINES = 60  # longer documents are cut at a paragraph boundary
MIN_LINES = 5  # shorter ones carry too little structure to be worth reading
# A text whose long paragraphs are mostly those of an earlier text (a
# syndicated copy on another site, an updated version) counts as seen.
LONG_LINE = 80
NEAR_COPY = 0.5
PER_SITE = 2  # documents per publisher in this set
TAKE = {"fh": 75, "rec": 75}  # documents per source
# Documents labelled in these sets are not taken again.
EARLIER_LABELS = tuple(
    HERE.parent / name / "labels.json"
    for name in ("scraped-news-2", "scraped-news-3", "scraped-news-4")
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


def git_show(git_dir: str, commit: str, path: str) -> str | None:
    proc = git(git_dir, "show", f"{commit}:{path}")
    if proc.returncode != 0:
        return None
    return proc.stdout.decode("utf-8", errors="replace")


def git_ls(git_dir: str, commit: str, folder: str) -> list[str]:
    proc = git(git_dir, "ls-tree", "--name-only", commit, folder + "/")
    if proc.returncode != 0:
        return []
    return sorted(proc.stdout.decode().split("\n")[:-1])


def git_show_folder(git_dir: str, commit: str, folder: str) -> list[tuple[str, str | None]]:
    """(path, text or None when the blob is missing) of every file in ``folder``."""
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
            files.append((path, None))
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


def fh_documents(git_dir: str) -> list[dict]:
    """FakeHealth page records, one JSON file each; ids and publishers as in
    scraped-news-4 (host of the canonical link, else of og:url, url, source)."""
    docs = []
    for folder in FH_DIRS:
        for path, raw in git_show_folder(git_dir, FH_COMMIT, folder):
            if not path.endswith(".json"):
                continue
            try:
                data = json.loads(raw or "")
            except json.JSONDecodeError:
                continue  # a few blobs are missing from snapshots
            og = (data.get("meta_data") or {}).get("og")
            og_url = og.get("url") if isinstance(og, dict) else None
            hosts = [
                domain(u)
                for u in (data.get("canonical_link"), og_url, data.get("url"), data.get("source"))
            ]
            hosts = [h for h in hosts if h]
            name = path.rsplit("/", 1)[1].removesuffix(".json")
            docs.append(
                {
                    "id": f"fh-{name}",
                    "corpus": "fh",
                    "source": hosts[0] if hosts else "unknown",
                    "origin": f"{FH_REPO}@{FH_COMMIT[:12]}:{path}",
                    "text": data.get("text") or "",
                }
            )
    return docs


def rec_documents(git_dir: str) -> list[dict]:
    """ReCOVery rows; ids (SHA-1 of the URL) and publishers (URL host) as in
    scraped-news-2 and scraped-news-3."""
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
                            "corpus": "rec",
                            "source": domain(url),
                            "origin": f"{REC_REPO}@{commit[:12]}:{path} (url {url})",
                            "text": row.get("body_text") or "",
                        }
                    )
    return docs


def earlier_ids() -> set[str]:
    ids: set[str] = set()
    for path in EARLIER_LABELS:
        ids |= set(json.loads(path.read_text(encoding="utf-8")))
    return ids


def key(doc_id: str) -> str:
    return hashlib.sha1(doc_id.encode()).hexdigest()


def split_of(source: str) -> str:
    return "test" if int(hashlib.sha1(source.encode()).hexdigest(), 16) % 10 < 4 else "train"


def text_key(lines: list[str]) -> str:
    return hashlib.sha1("\n".join(lines).encode()).hexdigest()


def long_lines(lines: list[str]) -> set[str]:
    return {line for line in lines if len(line) >= LONG_LINE}


def near_copy(lines: list[str], seen_long: set[str]) -> bool:
    own = long_lines(lines)
    return bool(own) and len(own & seen_long) >= NEAR_COPY * len(own)


def select(docs: list[dict]) -> list[dict]:
    """The documents of both corpora in one fixed pseudo-random order (SHA-1
    of the id); a document is taken while its corpus is under its TAKE and
    its publisher under PER_SITE, skipping ids labelled in the earlier sets,
    texts of fewer than MIN_LINES lines, and texts already seen (those of the
    earlier sets' documents included), verbatim or as a near copy (at least
    half of the long paragraphs seen before).  Should a corpus run out, a
    second pass fills the set from the other."""
    exclude = earlier_ids()
    earlier = [split_lines(d["text"]) for d in docs if d["id"] in exclude]
    seen_text = {text_key(lines) for lines in earlier}
    seen_long = set().union(*(long_lines(lines) for lines in earlier))
    candidates = []
    seen_ids: set[str] = set()
    for doc in sorted(docs, key=lambda d: key(d["id"])):
        lines = split_lines(doc["text"])
        digest = text_key(lines)
        if doc["id"] in exclude or doc["id"] in seen_ids or digest in seen_text:
            continue
        if len(lines) < MIN_LINES or not doc["source"] or near_copy(lines, seen_long):
            continue
        seen_ids.add(doc["id"])
        seen_text.add(digest)
        seen_long |= long_lines(lines)
        candidates.append((doc, lines))
    total = sum(TAKE.values())
    per_site: dict[str, int] = defaultdict(int)
    per_corpus: dict[str, int] = defaultdict(int)
    picked: dict[str, tuple[dict, list[str]]] = {}
    for quota in (True, False):
        for doc, lines in candidates:
            if len(picked) >= total:
                break
            if doc["id"] in picked or per_site[doc["source"]] >= PER_SITE:
                continue
            if quota and per_corpus[doc["corpus"]] >= TAKE[doc["corpus"]]:
                continue
            per_site[doc["source"]] += 1
            per_corpus[doc["corpus"]] += 1
            picked[doc["id"]] = (doc, lines)
    out = [
        {
            "id": doc["id"],
            "source": doc["source"],
            "origin": doc["origin"],
            "lines": lines[:MAX_LINES],
            "split": split_of(doc["source"]),
            "truncated": len(lines) > MAX_LINES,
        }
        for doc, lines in picked.values()
    ]
    return sorted(out, key=lambda d: (d["source"], d["id"]))


def cmd_raw(fh_git: str, rec_git: str, out: Path) -> list[dict]:
    docs = select(fh_documents(fh_git) + rec_documents(rec_git))
    with open(out, "w", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
    print(f"{len(docs)} documents, {len({d['source'] for d in docs})} sites -> {out}")
    return docs


def expand(doc: dict, entry: dict) -> tuple[list, list, dict]:
    """labels.json stores furniture lines only: {"furniture": {i: category},
    "undecided": {i: [start, end] of the furniture part in the line, or a
    list of such pairs}}; every other line is content."""
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
    p_raw.add_argument("fh_git")
    p_raw.add_argument("rec_git")
    p_raw.add_argument("-o", "--out", type=Path, default=Path("raw.jsonl"))
    p_merge = sub.add_parser("merge", help="join raw documents and labels.json")
    p_merge.add_argument("fh_git", nargs="?")
    p_merge.add_argument("rec_git", nargs="?")
    p_merge.add_argument("--raw", type=Path)
    p_merge.add_argument("--labels", type=Path, default=HERE / "labels.json")
    p_merge.add_argument("-o", "--out", type=Path, default=HERE / "lines.jsonl.gz")
    args = parser.parse_args(argv)
    if args.cmd == "raw":
        cmd_raw(args.fh_git, args.rec_git, args.out)
        return
    raw = args.raw
    if raw is None:
        if not (args.fh_git and args.rec_git):
            parser.error("merge needs --raw or the two git directories")
        raw = Path("raw.jsonl")
        cmd_raw(args.fh_git, args.rec_git, raw)
    if not raw.exists():
        sys.exit(f"{raw} not found; give FH_GIT and RECOVERY_GIT to rebuild it")
    cmd_merge(raw, args.labels, args.out)


if __name__ == "__main__":
    main()
