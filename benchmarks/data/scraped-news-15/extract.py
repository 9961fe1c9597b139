"""Build the scraped-news-15 line set: MisInfoText's Snopes-checked origin pages, one a publisher.

The documents are the page texts of the Snopes312 collection of
MisInfoText (sfu-discourse-lab/Misinformation_detection), as the corpus
authors' scraper extracted them: for each Snopes fact-check, the page it
names as the origin of the claim (newspapers, broadcasters, blogs, press
offices, hoax sites), one paragraph a line, page furniture included.
Publishers that no earlier set has come first.  The split is by
publisher: one an earlier set has keeps that set's side, a new one gets
``split_of``.  This script picks the documents and splits them into lines;
the labels are data, read by hand, kept in ``labels.json``.

    python extract.py raw MISINFO_GIT [-o raw.jsonl]
    python extract.py merge [MISINFO_GIT] [--raw raw.jsonl] [--labels labels.json]

``MISINFO_GIT`` is a git directory of sfu-discourse-lab/Misinformation_detection,
read at the pinned commit through ``git``; the CSV is read from the zip
archive the repository stores.  ``merge`` writes ``lines.jsonl.gz`` (gzip
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
import zipfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from scraped_news import (  # noqa: E402
    abp_main,
    domain,
    git,
    labelled,
    long_lines,
    order_key,
    split_lines,
    split_of,
)

MIT_REPO = "sfu-discourse-lab/Misinformation_detection"
MIT_COMMIT = "dbd11cc9cca13cae74fb30d87a735700d33d93de"
MIT_ZIP = "snopes_checked_v02.csv.zip"
MIT_CSV = "snopes_checked_v02.csv"
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
TAKE = 150  # documents, one a publisher, in the order walked
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
        "scraped-news-11",
        "scraped-news-12",
        "scraped-news-13",
        "scraped-news-14",
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


def mit_documents(git_dir: str) -> list[dict]:
    """Snopes312 rows: id ``mit-`` and the first 12 hex digits of the SHA-1
    of ``article_origin_url_phase1``, publisher from that URL, text
    ``original_article_text_phase2``."""
    proc = git(git_dir, "show", f"{MIT_COMMIT}:{MIT_ZIP}")
    if proc.returncode != 0:
        raise SystemExit(f"{MIT_ZIP} not found at {MIT_COMMIT} in {git_dir}")
    with zipfile.ZipFile(io.BytesIO(proc.stdout)) as archive:
        raw = archive.read(MIT_CSV).decode("utf-8", errors="replace")
    csv.field_size_limit(1 << 30)
    docs: list[dict] = []
    seen: set[str] = set()
    for row in csv.DictReader(io.StringIO(raw, newline="")):
        url = (row.get("article_origin_url_phase1") or "").strip()
        if not url:
            continue
        doc_id = "mit-" + hashlib.sha1(url.encode()).hexdigest()[:12]
        if doc_id in seen:
            continue
        seen.add(doc_id)
        docs.append(
            {
                "id": doc_id,
                "source": publisher(url),
                "origin": f"{MIT_REPO}@{MIT_COMMIT[:12]}:{MIT_ZIP} "
                f"(original_article_text_phase2 of {url})",
                "text": row.get("original_article_text_phase2") or "",
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
    old_ids, old_sources = labelled(folder / "labels.json" for folder in EARLIER)
    pages, side, old = earlier_sets()
    for source in old_sources:
        pages[source] = max(pages[source], 1)
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
    return picked


def main(argv: list[str] | None = None) -> None:
    abp_main(__doc__.split("\n")[0], select, HERE, argv, mit_documents, "MisInfoText")


if __name__ == "__main__":
    main()
