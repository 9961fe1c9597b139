"""Build the scraped-news-9 line set: more training pages from publishers on the train side.

The documents are article texts exactly as a scraper (newspaper) emitted
them, page furniture included, from Article-Bias-Prediction: first one page
from every publisher no earlier set has, then one more page from publishers
that every earlier set puts on the ``train`` side, fewest labelled pages
first.  All of them are training pages: no publisher of an earlier set's
``test`` side is taken, so that side stays as it was.  This script picks the
documents and splits them into lines; the labels are data, read by hand,
kept in ``labels.json``.

    python extract.py raw ABP_GIT [-o raw.jsonl]
    python extract.py merge [ABP_GIT] [--raw raw.jsonl] [--labels labels.json]

``ABP_GIT`` is a git directory of ramybaly/Article-Bias-Prediction, read at
the pinned commit in ``../scraped_news.py`` through ``git``.  ``merge``
writes ``lines.jsonl.gz`` (gzip mtime 0) next to this script with the
documents that have labels; without ``--raw`` it re-runs ``raw`` first.
"""

from __future__ import annotations

import gzip
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
)

MAX_LINES = 60  # longer documents are cut at a paragraph boundary
MIN_LINES = 5  # shorter ones carry too little structure to be worth reading
NEAR_COPY = 0.5  # share of long paragraphs already seen that makes a near copy
TAKE = 120  # documents
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
    )
)


def earlier_publishers() -> tuple[Counter, set[str]]:
    """Labelled pages per publisher in the earlier sets, and the publishers
    any of them puts on the ``test`` side (read from their built line sets,
    which store every publisher and split)."""
    pages: Counter = Counter()
    test: set[str] = set()
    for folder in EARLIER:
        path = folder / "lines.jsonl.gz"
        if not path.exists():
            raise SystemExit(f"{path} not found: build the earlier sets first")
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                rec = json.loads(line)
                pages[rec["source"]] += 1
                if rec["split"] == "test":
                    test.add(rec["source"])
    return pages, test


def select(docs: list[dict]) -> list[dict]:
    """New publishers first, then train-side publishers with the fewest
    labelled pages; one page a publisher, each group in the order of the
    SHA-1 of the id.

    Skipped: ids labelled before, test-side publishers, texts of fewer than
    MIN_LINES lines, and texts already seen (the earlier sets' texts
    included), verbatim or as a near copy (at least half of the long
    paragraphs seen before).
    """
    old_ids, _ = labelled(folder / "labels.json" for folder in EARLIER)
    pages, test = earlier_publishers()
    old = [split_lines(d["text"]) for d in docs if d["id"] in old_ids]
    seen_text = {"\n".join(lines) for lines in old}
    seen_long = set().union(*(long_lines(lines) for lines in old))
    taken: set[str] = set()
    picked: list[dict] = []
    ordered = sorted(docs, key=lambda d: (pages[d["source"]], order_key(d["id"])))
    for doc in ordered:
        if len(picked) >= TAKE:
            break
        source = doc["source"]
        if not source or source in test or source in taken or doc["id"] in old_ids:
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
                "split": "train",
                "truncated": len(lines) > MAX_LINES,
            }
        )
    return sorted(picked, key=lambda d: (d["source"], d["id"]))


def main(argv: list[str] | None = None) -> None:
    abp_main(__doc__.split("\n")[0], select, HERE, argv)


if __name__ == "__main__":
    main()
