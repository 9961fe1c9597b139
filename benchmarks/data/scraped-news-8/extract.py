"""Build the scraped-news-8 line set: a second document from the publishers of scraped-news-7.

The documents are article texts exactly as a scraper (newspaper) emitted
them, page furniture included, from the Article-Bias-Prediction publishers
that ``scraped-news-2``, ``-3``, ``-5`` and ``-6`` do not have: a second
document for publishers first labelled in ``scraped-news-7`` (two pages of
one site are what the corpus-level furniture stage learns from) and a first
one for those it did not reach.  This script picks the documents and splits
them into lines; the labels are data, read by hand, kept in ``labels.json``.

    python extract.py raw ABP_GIT [-o raw.jsonl]
    python extract.py merge [ABP_GIT] [--raw raw.jsonl] [--labels labels.json]

``ABP_GIT`` is a git directory of ramybaly/Article-Bias-Prediction, read at
the pinned commit in ``../scraped_news.py`` through ``git``, so nothing
depends on a work tree.  ``merge`` writes ``lines.jsonl.gz`` (gzip mtime 0)
next to this script with the documents that have labels; without ``--raw``
it re-runs ``raw`` first.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from scraped_news import (  # noqa: E402
    abp_main,
    labelled,
    long_lines,
    order_key,
    split_lines,
    split_of,
)

MAX_LINES = 60  # longer documents are cut at a paragraph boundary
MIN_LINES = 5  # shorter ones carry too little structure to be worth reading
NEAR_COPY = 0.5  # share of long paragraphs already seen that makes a near copy
TAKE = 100  # documents
PER_SITE = 2  # documents per publisher in scraped-news-7 and this set together
# Labels of the earlier sets: their ids are not taken again and their texts
# count as seen; the publishers named in OLD_SITES are left out.
EARLIER_LABELS = tuple(
    HERE.parent / name / "labels.json"
    for name in (
        "scraped-news",
        "scraped-news-2",
        "scraped-news-3",
        "scraped-news-4",
        "scraped-news-5",
        "scraped-news-6",
        "scraped-news-7",
    )
)
OLD_SITES = EARLIER_LABELS[:-1]
SISTER = EARLIER_LABELS[-1]  # scraped-news-7: its publishers count towards PER_SITE


def select(docs: list[dict]) -> list[dict]:
    """Documents in the order of the SHA-1 of the id, while their publisher
    has fewer than PER_SITE documents in scraped-news-7 and here.

    Skipped: ids labelled before, publishers named in the labels of the sets
    before scraped-news-7, texts of fewer than MIN_LINES lines, and texts
    already seen (the earlier sets' texts included), verbatim or as a near
    copy (at least half of the long paragraphs seen before: a syndicated
    copy on another site or an updated version).
    """
    old_ids, _ = labelled(EARLIER_LABELS)
    _, old_sources = labelled(OLD_SITES)
    per_site = Counter(
        entry["source"] for entry in json.loads(SISTER.read_text(encoding="utf-8")).values()
    )
    old = [split_lines(d["text"]) for d in docs if d["id"] in old_ids]
    seen_text = {"\n".join(lines) for lines in old}
    seen_long = set().union(*(long_lines(lines) for lines in old))
    picked: list[dict] = []
    for doc in sorted(docs, key=lambda d: order_key(d["id"])):
        if len(picked) >= TAKE:
            break
        source = doc["source"]
        if not source or source in old_sources or doc["id"] in old_ids:
            continue
        if per_site[source] >= PER_SITE:
            continue
        lines = split_lines(doc["text"])
        own_long = long_lines(lines)
        if len(lines) < MIN_LINES or "\n".join(lines) in seen_text:
            continue
        if own_long and len(own_long & seen_long) >= NEAR_COPY * len(own_long):
            continue
        seen_text.add("\n".join(lines))
        seen_long |= own_long
        per_site[source] += 1
        picked.append(
            {
                "id": doc["id"],
                "source": source,
                "origin": doc["origin"],
                "lines": lines[:MAX_LINES],
                "split": split_of(source),
                "truncated": len(lines) > MAX_LINES,
            }
        )
    return sorted(picked, key=lambda d: (d["source"], d["id"]))


def main(argv: list[str] | None = None) -> None:
    abp_main(__doc__.split("\n")[0], select, HERE, argv)


if __name__ == "__main__":
    main()
