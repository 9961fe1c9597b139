"""Build the scraped-news-14 line set: SemEval-2019 Task 4 articles, continuing scraped-news-11.

The documents are the crawler's extracted article texts of the SemEval-2019
Task 4 (hyperpartisan news detection) by-article training data, page
furniture included, split into lines as in ``scraped-news-11`` (whose
``article_lines`` and ``semeval_documents`` this script reuses): each
``<p>`` paragraph is a line, and so is each run of loose text between
paragraphs.  First one document from every publisher that no earlier set
has; then, up to TAKE, a second document from publishers of
``scraped-news-11``, in the same walk order.  The split is by publisher:
one an earlier set has keeps that set's side, a new one gets ``split_of``.
This script picks the documents and splits them into lines; the labels are
data, read by hand, kept in ``labels.json``.

    python extract.py raw SEMEVAL_GIT [-o raw.jsonl]
    python extract.py merge [SEMEVAL_GIT] [--raw raw.jsonl] [--labels labels.json]

``SEMEVAL_GIT`` is a git directory of anshuly10/Biased-News-Detection, which
holds the by-article training files, read at the pinned commit through
``git``.  ``merge`` writes ``lines.jsonl.gz`` (gzip mtime 0) next to this
script with the documents that have labels; without ``--raw`` it re-runs
``raw`` first.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from scraped_news import (  # noqa: E402
    SeenTexts,
    abp_main,
    earlier_sets,
    labelled,
    one_a_publisher,
    order_key,
    set_folders,
    split_lines,
)

MAX_LINES = 60  # longer documents are cut at a paragraph boundary
MIN_LINES = 5  # shorter ones carry too little structure to be worth reading
NEAR_COPY = 0.5  # share of long paragraphs already seen that makes a near copy
TAKE = 120  # documents in all: every new publisher, then second documents
SECOND_FROM = "scraped-news-11"  # the set whose publishers give second documents
# The sets that existed when this one was made, pinned so that later sets
# cannot change its selection.
EARLIER = set_folders(HERE.parent, 13)


def _semeval_module():
    """``scraped-news-11/extract.py``, for its line making."""
    path = HERE.parent / SECOND_FROM / "extract.py"
    spec = importlib.util.spec_from_file_location("scraped_news_11_extract", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def semeval_documents(git_dir: str) -> list[dict]:
    """The by-article training records, read and split as in ``scraped-news-11``."""
    return _semeval_module().semeval_documents(git_dir)


def select(docs: list[dict]) -> list[dict]:
    """Documents in the order of the SHA-1 of the id, one a publisher: first
    from every publisher that no earlier set has, then, until TAKE, a second
    one from publishers of ``scraped-news-11`` (which keep its side).

    Skipped: ids labelled before, texts of fewer than MIN_LINES lines, and
    texts already seen (the earlier sets' texts and the labelled documents'
    full texts included), verbatim or as a near copy (at least half of the
    long paragraphs seen before).
    """
    old_ids, old_sources = labelled(folder / "labels.json" for folder in EARLIER)
    side, earlier_texts = earlier_sets(EARLIER)
    known = old_sources | set(side)
    _, second_sources = labelled([HERE.parent / SECOND_FROM / "labels.json"])
    old = [split_lines(d["text"]) for d in docs if d["id"] in old_ids] + earlier_texts
    seen = SeenTexts(old, NEAR_COPY)
    ordered = sorted(docs, key=lambda d: order_key(d["id"]))

    def walk(eligible: Callable[[str], bool], picked: list[dict], take: int | None) -> list[dict]:
        return one_a_publisher(
            ordered,
            seen,
            old_ids,
            side,
            min_lines=MIN_LINES,
            max_lines=MAX_LINES,
            take=take,
            eligible=eligible,
            picked=picked,
        )

    picked = walk(lambda source: source not in known, [], None)
    return walk(lambda source: source in second_sources, picked, TAKE)


def main(argv: list[str] | None = None) -> None:
    abp_main(__doc__.split("\n")[0], select, HERE, argv, semeval_documents, "SemEval-2019 Task 4")


if __name__ == "__main__":
    main()
