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
import io
import sys
import zipfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from scraped_news import (  # noqa: E402
    SeenTexts,
    abp_main,
    earlier_sets,
    git,
    labelled,
    line_set_records,
    one_a_publisher,
    order_key,
    origin_pages,
    set_folders,
)

MIT_REPO = "sfu-discourse-lab/Misinformation_detection"
MIT_COMMIT = "dbd11cc9cca13cae74fb30d87a735700d33d93de"
MIT_ZIP = "snopes_checked_v02.csv.zip"
MIT_CSV = "snopes_checked_v02.csv"

MAX_LINES = 60  # longer documents are cut at a paragraph boundary
MIN_LINES = 5  # shorter ones carry too little structure to be worth reading
NEAR_COPY = 0.5  # share of long paragraphs already seen that makes a near copy
TAKE = 150  # documents, one a publisher, in the order walked
#: The earlier labelled sets, pinned so that a later set does not change this one.
EARLIER = set_folders(HERE.parent, 14)


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
    return origin_pages(
        csv.DictReader(io.StringIO(raw, newline="")),
        "mit-",
        "article_origin_url_phase1",
        "original_article_text_phase2",
        lambda url: (
            f"{MIT_REPO}@{MIT_COMMIT[:12]}:{MIT_ZIP} (original_article_text_phase2 of {url})"
        ),
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
    old_ids, old_sources = labelled(folder / "labels.json" for folder in EARLIER)
    pages = Counter(rec["source"] for rec in line_set_records(EARLIER))
    side, old = earlier_sets(EARLIER, prefer_test=True)
    for source in old_sources:
        pages[source] = max(pages[source], 1)
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
    return picked


def main(argv: list[str] | None = None) -> None:
    abp_main(__doc__.split("\n")[0], select, HERE, argv, mit_documents, "MisInfoText")


if __name__ == "__main__":
    main()
