"""Build the scraped-news-13 line set: held-out site clusters, eight pages a publisher.

The documents are article texts exactly as a scraper (newspaper) emitted
them, page furniture included, from Article-Bias-Prediction: eight pages
from each of a few publishers on the ``test`` side that no earlier set puts
on its ``train`` side, so that a corpus-level stage, which removes lines a
site repeats across its pages, can be measured on sites no fitting saw.
Every document is on the ``test`` side.  This script picks the documents
and splits them into lines; the labels are data, read by hand, kept in
``labels.json``.

    python extract.py raw ABP_GIT [-o raw.jsonl]
    python extract.py merge [ABP_GIT] [--raw raw.jsonl] [--labels labels.json]

``ABP_GIT`` is a git directory of ramybaly/Article-Bias-Prediction, read at
the pinned commit in ``../scraped_news.py`` through ``git``.  ``merge``
writes ``lines.jsonl.gz`` (gzip mtime 0) next to this script with the
documents that have labels; without ``--raw`` it re-runs ``raw`` first.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from scraped_news import (  # noqa: E402
    SeenTexts,
    abp_main,
    labelled,
    line_set_records,
    order_key,
    record,
    set_folders,
    split_lines,
    split_of,
)

MAX_LINES = 60  # longer documents are cut at a paragraph boundary
MIN_LINES = 5  # shorter ones carry too little structure to be worth reading
NEAR_COPY = 0.5  # share of long paragraphs already seen that makes a near copy
PAGES = 8  # documents a publisher (one site cluster)
PUBLISHERS = 12  # site clusters
EARLIER = set_folders(HERE.parent, 12)


def select(docs: list[dict]) -> list[dict]:
    """Eight pages from each of the first PUBLISHERS eligible publishers in
    the order of the SHA-1 of the publisher name, each publisher's pages in
    the order of the SHA-1 of the id.

    Eligible: ``split_of`` gives ``test``, no earlier set has the publisher
    on its ``train`` side, and it has PAGES usable pages.  Skipped pages:
    ids labelled before, texts of fewer than MIN_LINES lines, and texts
    already seen (the earlier sets' texts and the pages taken before
    included), verbatim or as a near copy (at least half of the long
    paragraphs seen before).
    """
    old_ids, _ = labelled(folder / "labels.json" for folder in EARLIER)
    earlier = line_set_records(EARLIER)
    train = {rec["source"] for rec in earlier if rec["split"] == "train"}
    old = [split_lines(d["text"]) for d in docs if d["id"] in old_ids]
    seen = SeenTexts(old + [rec["lines"] for rec in earlier], NEAR_COPY)
    by_source: dict[str, list[dict]] = defaultdict(list)
    for doc in docs:
        source = doc["source"]
        if source and split_of(source) == "test" and source not in train:
            by_source[source].append(doc)
    picked: list[dict] = []
    taken = 0
    for source in sorted(by_source, key=order_key):
        if taken >= PUBLISHERS:
            break
        cluster: list[dict] = []
        cluster_seen = seen.copy()
        for doc in sorted(by_source[source], key=lambda d: order_key(d["id"])):
            if len(cluster) >= PAGES:
                break
            if doc["id"] in old_ids:
                continue
            lines = split_lines(doc["text"])
            if len(lines) < MIN_LINES or cluster_seen.is_copy(lines):
                continue
            cluster_seen.add(lines)
            cluster.append(record(doc, lines, "test", MAX_LINES))
        if len(cluster) < PAGES:
            continue  # too few usable pages: the publisher is passed over
        seen = cluster_seen
        picked.extend(cluster)
        taken += 1
    return picked


def main(argv: list[str] | None = None) -> None:
    abp_main(__doc__.split("\n")[0], select, HERE, argv)


if __name__ == "__main__":
    main()
