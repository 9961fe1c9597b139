"""Build the scraped-news-12 line set: the claim-origin pages of the Veritas fact-checking corpus.

The documents are page texts exactly as the ``newspaper`` extractor
emitted them (the ``o_body`` field, one paragraph a line, page furniture
included), as stored in lucas0/VeritasCorpus v4.1: for each Snopes
fact-check, the page it names as the origin of the claim (hoax and satire
sites, blogs, newspapers, broadcasters, press offices, government pages).
No earlier set draws on this corpus.  All of them come from publishers no
earlier set has; a publisher of an earlier set would keep its side.  This
script picks the documents and splits them into lines; the labels are
data, read by hand, kept in ``labels.json``.

    python extract.py raw VERITAS_GIT [-o raw.jsonl]
    python extract.py merge [VERITAS_GIT] [--raw raw.jsonl] [--labels labels.json]

``VERITAS_GIT`` is a git directory of lucas0/VeritasCorpus, read at the
pinned commit through ``git``.  ``merge`` writes ``lines.jsonl.gz`` (gzip
mtime 0) next to this script with the documents that have labels; without
``--raw`` it re-runs ``raw`` first.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from scraped_news import (  # noqa: E402
    abp_main,
    domain,
    git_show,
    labelled,
    long_lines,
    order_key,
    split_lines,
    split_of,
)

VER_REPO = "lucas0/VeritasCorpus"
VER_COMMIT = "444b5264f1a36c7eb6d6698f6ba427b9f66925eb"
VER_FILE = "VeritasCorpus v4.1/veritas4.1.csv"
# Hosts that stand for another site whose name the record does not keep
# (archive.today snapshots, link shorteners): such pages have no known
# publisher and are not taken.  Wayback Machine links keep the archived URL,
# whose host is the publisher.
NO_PUBLISHER = {
    "archive.is",
    "archive.fo",
    "archive.li",
    "archive.ph",
    "archive.today",
    "archive.vn",
    "bit.ly",
    "t.co",
}
WAYBACK = {"web.archive.org", "replay.waybackmachine.org", "wayback.archive.org"}
WAYBACK_URL = re.compile(r"^https?://[^/]+/(?:web/)?\d+[a-z_]*/(.+)$")

MAX_LINES = 60  # longer documents are cut at a paragraph boundary
MIN_LINES = 5  # shorter ones carry too little structure to be worth reading
NEAR_COPY = 0.5  # share of long paragraphs already seen that makes a near copy
TAKE = 150  # documents
#: The earlier labelled sets, pinned so that a later set does not change this one.
EARLIER = tuple(
    HERE.parent / name
    for name in (
        "scraped-news",
        "scraped-news-2",
        "scraped-news-3",
        "scraped-news-4",
        "scraped-news-5",
        "scraped-news-6",
        "scraped-news-7",
        "scraped-news-8",
        "scraped-news-9",
        "scraped-news-10",
    )
)


def publisher(url: str) -> str:
    """The host of the origin URL without ``www.``; for a Wayback Machine
    link, the host of the archived URL; empty where it is unknown."""
    host = domain(url)
    if host in WAYBACK:
        match = WAYBACK_URL.match(url.strip())
        host = domain(match.group(1)) if match else ""
    return "" if host in NO_PUBLISHER else host


def ver_documents(git_dir: str) -> list[dict]:
    """Veritas v4.1 rows: id ``ver-`` and the first 12 hex digits of the
    SHA-1 of ``o_url``, publisher from ``o_url``, text ``o_body``."""
    raw = git_show(git_dir, VER_COMMIT, VER_FILE)
    if raw is None:
        raise SystemExit(f"{VER_FILE} not found at {VER_COMMIT} in {git_dir}")
    csv.field_size_limit(1 << 30)
    docs: list[dict] = []
    seen: set[str] = set()
    for row in csv.DictReader(io.StringIO(raw, newline=""), delimiter="\t"):
        url = (row.get("o_url") or "").strip()
        if not url:
            continue
        doc_id = "ver-" + hashlib.sha1(url.encode()).hexdigest()[:12]
        if doc_id in seen:
            continue
        seen.add(doc_id)
        docs.append(
            {
                "id": doc_id,
                "source": publisher(url),
                "origin": f"{VER_REPO}@{VER_COMMIT[:12]}:{VER_FILE} (o_body of {url})",
                "text": row.get("o_body") or "",
            }
        )
    return docs


def earlier_sets() -> tuple[Counter, dict[str, str], list[list[str]]]:
    """Labelled pages per publisher in the earlier sets, the side each of
    their publishers is on, and their texts (read from their built line
    sets, which store every publisher and split)."""
    pages: Counter = Counter()
    side: dict[str, str] = {}
    texts: list[list[str]] = []
    for folder in EARLIER:
        path = folder / "lines.jsonl.gz"
        if not path.exists():
            raise SystemExit(f"{path} not found: build the earlier sets first")
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                rec = json.loads(line)
                pages[rec["source"]] += 1
                texts.append(rec["lines"])
                if side.get(rec["source"]) != "test":
                    side[rec["source"]] = rec["split"]
    return pages, side, texts


def select(docs: list[dict]) -> list[dict]:
    """Publishers that no earlier set has first, then the others with the
    fewest labelled pages; one page a publisher, each group in the order of
    the SHA-1 of the id, until TAKE.

    Skipped: pages without a known publisher, ids labelled before, texts of
    fewer than MIN_LINES lines, and texts already seen (the earlier sets'
    texts included), verbatim or as a near copy (at least half of the long
    paragraphs seen before).  A publisher of an earlier set keeps its side;
    a new one gets ``split_of``.
    """
    old_ids, _ = labelled(folder / "labels.json" for folder in EARLIER)
    pages, side, old = earlier_sets()
    seen_text = {"\n".join(lines) for lines in old}
    seen_long = set().union(*(long_lines(lines) for lines in old))
    taken: set[str] = set()
    picked: list[dict] = []
    ordered = sorted(docs, key=lambda d: (pages[d["source"]], order_key(d["id"])))
    for doc in ordered:
        if len(picked) >= TAKE:
            break
        source = doc["source"]
        if not source or source in taken or doc["id"] in old_ids:
            continue
        lines = split_lines(doc["text"])
        own_long = long_lines(lines)
        if len(lines) < MIN_LINES or "\n".join(lines) in seen_text:
            continue
        if own_long and len(own_long & seen_long) >= NEAR_COPY * len(own_long):
            continue
        seen_text.add("\n".join(lines))
        seen_long |= own_long
        taken.add(source)
        picked.append(
            {
                "id": doc["id"],
                "source": source,
                "origin": doc["origin"],
                "lines": lines[:MAX_LINES],
                "split": side.get(source) or split_of(source),
                "truncated": len(lines) > MAX_LINES,
            }
        )
    return sorted(picked, key=lambda d: (d["source"], d["id"]))


def main(argv: list[str] | None = None) -> None:
    abp_main(__doc__.split("\n")[0], select, HERE, argv, ver_documents, "VeritasCorpus")


if __name__ == "__main__":
    main()
