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
    long_lines,
    merge,
    order_key,
    split_lines,
    split_of,
)

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


def fh_documents(git_dir: str) -> list[dict]:
    """FakeHealth page records, one JSON file each; ids and publishers as in
    scraped-news-4 (host of the canonical link, else of og:url, url, source)."""
    docs = []
    for folder in FH_DIRS:
        for path, raw in git_show_folder(git_dir, FH_COMMIT, folder, keep_missing=True):
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


def text_key(lines: list[str]) -> str:
    return hashlib.sha1("\n".join(lines).encode()).hexdigest()


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
    for doc in sorted(docs, key=lambda d: order_key(d["id"])):
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
    written = merge(raw, args.labels, args.out)
    print(f"{written} labelled documents -> {args.out}")


if __name__ == "__main__":
    main()
