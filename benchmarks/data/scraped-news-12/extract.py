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
import io
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from scraped_news import (  # noqa: E402
    SeenTexts,
    abp_main,
    earlier_sets,
    git_show,
    labelled,
    line_set_records,
    one_a_publisher,
    order_key,
    origin_pages,
    set_folders,
)

VER_REPO = "lucas0/VeritasCorpus"
VER_COMMIT = "444b5264f1a36c7eb6d6698f6ba427b9f66925eb"
VER_FILE = "VeritasCorpus v4.1/veritas4.1.csv"

MAX_LINES = 60  # longer documents are cut at a paragraph boundary
MIN_LINES = 5  # shorter ones carry too little structure to be worth reading
NEAR_COPY = 0.5  # share of long paragraphs already seen that makes a near copy
TAKE = 150  # documents
#: The earlier labelled sets, pinned so that a later set does not change this one.
EARLIER = set_folders(HERE.parent, 10)


def ver_documents(git_dir: str) -> list[dict]:
    """Veritas v4.1 rows: id ``ver-`` and the first 12 hex digits of the
    SHA-1 of ``o_url``, publisher from ``o_url``, text ``o_body``."""
    raw = git_show(git_dir, VER_COMMIT, VER_FILE)
    if raw is None:
        raise SystemExit(f"{VER_FILE} not found at {VER_COMMIT} in {git_dir}")
    csv.field_size_limit(1 << 30)
    rows = csv.DictReader(io.StringIO(raw, newline=""), delimiter="\t")
    return origin_pages(
        rows,
        "ver-",
        "o_url",
        "o_body",
        lambda url: f"{VER_REPO}@{VER_COMMIT[:12]}:{VER_FILE} (o_body of {url})",
    )


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
    pages = Counter(rec["source"] for rec in line_set_records(EARLIER))
    side, old = earlier_sets(EARLIER, prefer_test=True)
    ordered = sorted(docs, key=lambda d: (pages[d["source"]], order_key(d["id"])))
    picked = one_a_publisher(
        ordered,
        SeenTexts(old, NEAR_COPY),
        old_ids,
        side,
        min_lines=MIN_LINES,
        max_lines=MAX_LINES,
        take=TAKE,
    )
    return sorted(picked, key=lambda d: (d["source"], d["id"]))


def main(argv: list[str] | None = None) -> None:
    abp_main(__doc__.split("\n")[0], select, HERE, argv, ver_documents, "VeritasCorpus")


if __name__ == "__main__":
    main()
