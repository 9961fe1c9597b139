"""Build the scraped-news-11 line set: SemEval-2019 Task 4 articles, one a publisher.

The documents are the crawler's extracted article texts of the SemEval-2019
Task 4 (hyperpartisan news detection) by-article training data, page
furniture included: each ``<p>`` paragraph is a line, and so is each run of
loose text between paragraphs (image credits, ad teasers).  Publishers that
no earlier set has come first.  The split is by publisher: one an earlier
set has keeps that set's side, a new one gets ``split_of``.  This script
picks the documents and splits them into lines; the labels are data, read
by hand, kept in ``labels.json``.

    python extract.py raw SEMEVAL_GIT [-o raw.jsonl]
    python extract.py merge [SEMEVAL_GIT] [--raw raw.jsonl] [--labels labels.json]

``SEMEVAL_GIT`` is a git directory of anshuly10/Biased-News-Detection, which
holds the by-article training files, read at the pinned commit through
``git``.  ``merge`` writes ``lines.jsonl.gz`` (gzip mtime 0) next to this
script with the documents that have labels; without ``--raw`` it re-runs
``raw`` first.
"""

from __future__ import annotations

import html
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from scraped_news import (  # noqa: E402
    SeenTexts,
    abp_main,
    domain,
    earlier_sets,
    git_show,
    labelled,
    one_a_publisher,
    order_key,
    set_folders,
)

SEMEVAL_REPO = "anshuly10/Biased-News-Detection"
SEMEVAL_COMMIT = "89e4073cca91dfa8a250a2636082788bad170f4e"
ARTICLES = "articles-training-byarticle-20181122.xml"
GROUND_TRUTH = "ground-truth-training-byarticle-20181122.xml"

MAX_LINES = 60  # longer documents are cut at a paragraph boundary
MIN_LINES = 5  # shorter ones carry too little structure to be worth reading
NEAR_COPY = 0.5  # share of long paragraphs already seen that makes a near copy
TAKE = 150  # documents, one a publisher, in the order walked
EARLIER = set_folders(HERE.parent, 10)


def _flat(text: str) -> str:
    """Entities unescaped, whitespace collapsed."""
    return " ".join(html.unescape(text).split())


def article_lines(article: ET.Element) -> list[str]:
    """One line per ``<p>`` (its text with the link text, tags stripped)
    and one per run of loose text between paragraphs; empty ones dropped."""
    lines: list[str] = []
    loose = [article.text or ""]
    for child in article:
        if child.tag == "p":
            lines.append(_flat("".join(loose)))
            lines.append(_flat("".join(child.itertext())))
            loose = [child.tail or ""]
        else:  # a link or quote outside any paragraph belongs to the loose run
            loose.extend(("".join(child.itertext()), child.tail or ""))
    lines.append(_flat("".join(loose)))
    return [line for line in lines if line]


def semeval_documents(git_dir: str) -> list[dict]:
    """By-article training records: id ``semeval-<id>``, publisher the host
    of the ground truth's ``url``, text the article's lines."""
    articles = git_show(git_dir, SEMEVAL_COMMIT, ARTICLES)
    truth = git_show(git_dir, SEMEVAL_COMMIT, GROUND_TRUTH)
    if articles is None or truth is None:
        raise SystemExit(f"{git_dir} lacks {ARTICLES} or {GROUND_TRUTH} at {SEMEVAL_COMMIT}")
    urls = {a.get("id"): a.get("url") for a in ET.fromstring(truth.encode("utf-8"))}
    docs = []
    for article in ET.fromstring(articles.encode("utf-8")):
        art_id = article.get("id")
        docs.append(
            {
                "id": f"semeval-{art_id}",
                "source": domain(urls.get(art_id)),
                "origin": f"{SEMEVAL_REPO}@{SEMEVAL_COMMIT[:12]}:{ARTICLES} (article {art_id})",
                "text": "\n".join(article_lines(article)),
            }
        )
    return docs


def select(docs: list[dict]) -> list[dict]:
    """Publishers no earlier set has first, then the others; within each
    group in the order of the SHA-1 of the id; one document a publisher,
    until TAKE.

    Skipped: ids labelled before, texts of fewer than MIN_LINES lines, and
    texts already seen (the earlier sets' texts included), verbatim or as a
    near copy (at least half of the long paragraphs seen before).
    """
    old_ids, old_sources = labelled(folder / "labels.json" for folder in EARLIER)
    side, old = earlier_sets(EARLIER)
    known = old_sources | set(side)
    ordered = sorted(docs, key=lambda d: (d["source"] in known, order_key(d["id"])))
    return one_a_publisher(
        ordered,
        SeenTexts(old, NEAR_COPY),
        old_ids,
        side,
        min_lines=MIN_LINES,
        max_lines=MAX_LINES,
        take=TAKE,
    )


def main(argv: list[str] | None = None) -> None:
    abp_main(__doc__.split("\n")[0], select, HERE, argv, semeval_documents, "SemEval-2019 Task 4")


if __name__ == "__main__":
    main()
