"""Build ``benchmarks/data/quality/unseen.jsonl.gz``: modern news no fit or design has read.

Every earlier page-quality set (``set``, ``fresh``, ``confirm``, ``heldout``)
was measured, read and fitted on; this one comes from a source used nowhere
else in textclean, was built after the last fit and is measured once. Its
source, read at a pinned commit of its public repository:

- **Yahoo Finance news, 2017-2020** (``FelixDrinkall/financial-news-dataset``,
  ``data/*_processed.json.xz``): articles from finance.yahoo.com, found in
  Common Crawl's news crawl and extracted by news-please (Drinkall et al.,
  "When Dimensionality Hurts", 2024). A record's ``maintext`` holds the
  article's paragraphs one to a line; a page is its ``title`` on the first
  line, then those paragraphs. Only records in English are taken.

Each article of 500 characters or more is one of two things, by a hash of its
id: a clean page (``label: keep``; two in three), or the source of one
degraded page made by `textclean.testing.degraded` exactly as the other sets
make them (one in three). The source holds no page furniture, so there are no
``boilerplate_only`` pages. Every record's ``split`` is ``unseen``; lines are
joined with single newlines, as in the other sets::

    python benchmarks/build_quality_unseen.py FINANCIAL_NEWS_GIT_DIR
"""

from __future__ import annotations

import argparse
import json
import lzma
import sys
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE), str(HERE / "data" / "boilerplate-lines")]

import build_quality_fresh as fresh  # noqa: E402
from build_pages import GitReader  # noqa: E402
from build_quality_confirm import as_lines  # noqa: E402
from build_quality_fresh import write  # noqa: E402

OUT = HERE / "data" / "quality" / "unseen.jsonl.gz"
SPLIT = "unseen"
YAHOO_COMMIT = "3d87f0a8140d6517619d56ad9014f7f6c68abdcb"


def yahoo_text(story: dict) -> str | None:
    """A news-please record as its title, then its paragraphs; None without a body or in
    another language.

    >>> yahoo_text({"title": "Shares rise", "language": "en",
    ...     "maintext": "Stocks  rose today.\\n\\nTraders were calm."})
    'Shares rise\\nStocks rose today.\\nTraders were calm.'
    >>> yahoo_text({"title": "Hausse", "language": "fr", "maintext": "Les actions."}) is None
    True
    """
    body = story.get("maintext") or ""
    if not body.strip() or story.get("language") not in (None, "en"):
        return None
    return as_lines(story.get("title") or "", body)


def yahoo_articles(git_dir: str) -> Iterable[tuple[str, str]]:
    repo = GitReader(git_dir, YAHOO_COMMIT)
    for path in repo.paths("data/"):
        data = repo.read(path)
        if not path.endswith("_processed.json.xz") or data is None:
            continue
        year = Path(path).name.split("_")[0]
        for n, story in enumerate(json.loads(lzma.decompress(data))):
            text = yahoo_text(story)
            if text is not None:
                yield f"yahoo:{year}:{n:05d}", text
    repo.close()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("yahoo", help="git dir of FelixDrinkall/financial-news-dataset")
    ap.add_argument("-o", "--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    news = fresh.articles(yahoo_articles(args.yahoo), SPLIT)
    rows = fresh.records(news, [], SPLIT)
    write(args.out, rows)
    fresh.summarise(rows, args.out)


if __name__ == "__main__":
    main()
