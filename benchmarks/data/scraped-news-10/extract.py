"""Build the scraped-news-10 line set: news-please output from Giveme5W1H's news collections.

The documents are article texts exactly as the ``news-please`` crawler
emitted them (its ``text`` field, one paragraph a line, page furniture
included), as stored in the example collections of fhamborg/Giveme5W1H:
``news_cluster`` (world news of late December 2017 from about a hundred
English-language sites) and ``google_news`` (Google News headlines of the
same days).  No earlier set draws on these collections, and their extractor
is another than the ``newspaper`` output of the earlier sets.  All of them
are training pages: no publisher of an earlier set's ``test`` side is taken.
This script picks the documents and splits them into lines; the labels are
data, read by hand, kept in ``labels.json``.

    python extract.py raw G5W_GIT [-o raw.jsonl]
    python extract.py merge [G5W_GIT] [--raw raw.jsonl] [--labels labels.json]

``G5W_GIT`` is a git directory of fhamborg/Giveme5W1H, read at the pinned
commit through ``git``.  ``merge`` writes ``lines.jsonl.gz`` (gzip mtime 0)
next to this script with the documents that have labels; without ``--raw``
it re-runs ``raw`` first.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent.parent))

from boilerplate_sets import SCRAPED  # noqa: E402
from scraped_news import (  # noqa: E402
    abp_main,
    domain,
    git_show_folder,
    labelled,
    long_lines,
    order_key,
    split_lines,
)

G5W_REPO = "fhamborg/Giveme5W1H"
G5W_COMMIT = "fb427b8ed9cf07ed7450a01146244903053018a3"
# The crawler's own output, before Giveme5W1H filtered or edited it; the
# first folder wins where both hold an article.
G5W_DIRS = (
    "Giveme5W1H/examples/datasets/news_cluster/data_raw",
    "Giveme5W1H/examples/datasets/google_news/data_raw",
)

MAX_LINES = 60  # longer documents are cut at a paragraph boundary
MIN_LINES = 5  # shorter ones carry too little structure to be worth reading
NEAR_COPY = 0.5  # share of long paragraphs already seen that makes a near copy
PER_SITE = 2  # documents per publisher
TAKE = 150  # documents
#: The earlier labelled sets: every scraper-output set listed before this one.
EARLIER = tuple(HERE.parent / name for name in SCRAPED[: SCRAPED.index(HERE.name)])


def g5w_documents(git_dir: str) -> list[dict]:
    """news-please records: id ``g5w-`` and the first 20 characters of the
    file name (a hash of the URL), publisher the host of ``url`` (else
    ``source_domain``), text ``text``."""
    docs: list[dict] = []
    seen: set[str] = set()
    for folder in G5W_DIRS:
        for path, raw in git_show_folder(git_dir, G5W_COMMIT, folder):
            if not path.endswith(".json"):
                continue
            try:
                data = json.loads(raw or "")
            except json.JSONDecodeError:
                continue
            doc_id = "g5w-" + path.rsplit("/", 1)[1][:20]
            if not isinstance(data, dict) or doc_id in seen:
                continue
            seen.add(doc_id)
            docs.append(
                {
                    "id": doc_id,
                    "source": domain(data.get("url")) or domain(data.get("source_domain")),
                    "origin": f"{G5W_REPO}@{G5W_COMMIT[:12]}:{path} (text)",
                    "text": data.get("text") or "",
                }
            )
    return docs


def earlier_sets() -> tuple[set[str], list[list[str]]]:
    """The publishers any earlier set puts on its ``test`` side, and the
    earlier sets' texts (read from their built line sets)."""
    test: set[str] = set()
    texts: list[list[str]] = []
    for folder in EARLIER:
        path = folder / "lines.jsonl.gz"
        if not path.exists():
            raise SystemExit(f"{path} not found: build the earlier sets first")
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                rec = json.loads(line)
                texts.append(rec["lines"])
                if rec["split"] == "test":
                    test.add(rec["source"])
    return test, texts


def select(docs: list[dict]) -> list[dict]:
    """Documents in the order of the SHA-1 of their id, one a publisher in a
    first round and a second in the next, up to PER_SITE, until TAKE.

    Skipped: publishers on an earlier set's ``test`` side, texts of fewer
    than MIN_LINES lines, and texts already seen (the earlier sets' texts
    included), verbatim or as a near copy (at least half of the long
    paragraphs seen before).
    """
    old_ids, _ = labelled(folder / "labels.json" for folder in EARLIER)
    test, old = earlier_sets()
    seen_text = {"\n".join(lines) for lines in old}
    seen_long = set().union(*(long_lines(lines) for lines in old))
    taken: Counter = Counter()
    picked: list[dict] = []
    done: set[str] = set()
    ordered = sorted(docs, key=lambda d: order_key(d["id"]))
    for round_ in range(1, PER_SITE + 1):
        for doc in ordered:
            if len(picked) >= TAKE:
                break
            source = doc["source"]
            if doc["id"] in done or not source or source in test or doc["id"] in old_ids:
                continue
            if taken[source] >= round_:
                continue
            lines = split_lines(doc["text"])
            own_long = long_lines(lines)
            if len(lines) < MIN_LINES or "\n".join(lines) in seen_text:
                done.add(doc["id"])
                continue
            if own_long and len(own_long & seen_long) >= NEAR_COPY * len(own_long):
                done.add(doc["id"])
                continue
            seen_text.add("\n".join(lines))
            seen_long |= own_long
            taken[source] += 1
            done.add(doc["id"])
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
    return picked


def main(argv: list[str] | None = None) -> None:
    abp_main(__doc__.split("\n")[0], select, HERE, argv, g5w_documents, "Giveme5W1H")


if __name__ == "__main__":
    main()
