"""Build ``benchmarks/data/quality/unseen3.jsonl.gz``: a third set of news no fit has read.

Every earlier page-quality set (``set``, ``fresh``, ``confirm``, ``heldout``,
``unseen``, ``unseen2``) was measured, read and fitted on; this one comes from
sources used nowhere else in textclean, was built after the last fit and is
measured once. Its sources, read at pinned commits of their public repositories:

- **The Propaganda Techniques Corpus** (Da San Martino et al., EMNLP 2019; the
  SemEval-2020 task 11 release, ``aschern/semeval2020_task11``,
  ``datasets/{train,dev,test}-articles/``): news articles from 48 outlets,
  mainstream and propagandistic, taken with newspaper3k. A file is a title, a
  blank line, then the article one sentence a line (split by NLTK for the
  annotators; two files in three mark no paragraphs, the others put a blank
  line between some). A page is the file as stored, its non-blank lines: the
  title, then one sentence a line (`ptc_text`).
- **The Hyperpartisan News Detection articles** (Kiesel et al., SemEval-2019
  task 4; the by-article training set, ``anshuly10/Biased-News-Detection``,
  ``articles-training-byarticle-20181122.xml``): 645 articles, most published
  in 2016-2018, hyperpartisan or not, as XML with ``<p>`` paragraphs. A page
  is the title, then each paragraph's text (its links and quotes included).
  Two kinds of record carry page furniture and are left out by a format test
  (`hyperpartisan_text`): one holding text outside its paragraphs (image
  captions, credits and adverts stored between them) and one holding a
  paragraph made of links alone (credit and share lines).
- **Indian news** (``knkcse/News-Classification``, ``Articles.csv``,
  ``news`` column): business, technology, sport, health and entertainment
  articles of the Economic Times, the Times of India, the Indian Express, the
  Financial Express, the Hindustan Times, Deccan Chronicle and others. A page
  is the article as stored, its non-blank lines; some records hold paragraphs
  run together with no space after the full stop, as scraped, and are kept so.

Each source gives at most `MAX_PER_SOURCE` articles (the first by a hash of
their ids), so that none outweighs the others. Each article of 500 characters
or more is one of two things, by a hash of its id: a clean page (``label:
keep``; two in three), or the source of one degraded page made by
`textclean.testing.degraded` exactly as the other sets make them (one in
three). The PTC and Indian news records are kept as stored, with the odd
furniture line their scrapers left (a line opening with "Also Read",
"Advertisement", "Share", "Click here", a photo credit ...: 46 of their clean
pages hold one or more, counted by pattern, not read). No furniture page is
made, so there are no ``boilerplate_only`` pages. Every record's ``split`` is
``unseen3``; lines are joined with single newlines, as in the other sets::

    python benchmarks/build_quality_unseen3.py PTC_GIT_DIR HYPERPARTISAN_GIT_DIR INDIAN_NEWS_GIT_DIR
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Iterable
from pathlib import Path
from xml.etree import ElementTree

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE), str(HERE / "data" / "boilerplate-lines")]

import build_quality_fresh as fresh  # noqa: E402
from build_pages import GitReader, decode_text  # noqa: E402
from build_quality_confirm import as_lines  # noqa: E402
from build_quality_fresh import write  # noqa: E402
from build_quality_set import _hash  # noqa: E402

OUT = HERE / "data" / "quality" / "unseen3.jsonl.gz"
SPLIT = "unseen3"
#: The commit that added the corpus (a later one removed it).
PTC_COMMIT = "84c384d3813a51f4face15086463952ebc2e0993"
PTC_DIRS = ("datasets/train-articles/", "datasets/dev-articles/", "datasets/test-articles/")
HYPERPARTISAN_COMMIT = "89e4073cca91dfa8a250a2636082788bad170f4e"
HYPERPARTISAN_FILE = "articles-training-byarticle-20181122.xml"
INDIAN_NEWS_COMMIT = "ae6e6c02c3b085d90242148c42246ab0495c4cbc"
INDIAN_NEWS_FILE = "Articles.csv"
#: The most articles one source gives, before the clean/degraded split.
MAX_PER_SOURCE = 500


def ptc_text(raw: str) -> str:
    """A PTC article file as stored: its title, then one sentence a line.

    >>> ptc_text("Storm  hits\\n\\nRain fell.\\nRoads shut.\\n\\nPower is back.\\n")
    'Storm hits\\nRain fell.\\nRoads shut.\\nPower is back.'
    """
    return as_lines(raw)


def _text(element: ElementTree.Element) -> str:
    return "".join(element.itertext()).strip()


def _links_only(paragraph: ElementTree.Element) -> bool:
    """Whether a paragraph's text all sits in links."""
    own = (paragraph.text or "") + "".join(child.tail or "" for child in paragraph)
    return bool(_text(paragraph)) and not own.strip() and all(c.tag == "a" for c in paragraph)


def hyperpartisan_text(article: ElementTree.Element) -> str | None:
    """A Hyperpartisan ``<article>`` as its title, then its paragraphs; None where it carries
    page furniture: text outside its paragraphs, or a paragraph of links alone.

    >>> page = ElementTree.fromstring(
    ...     '<article title="Vote  today"><p>Polls open at <a>nine</a>.</p> <p>Go.</p></article>')
    >>> hyperpartisan_text(page)
    'Vote today\\nPolls open at nine.\\nGo.'
    >>> hyperpartisan_text(ElementTree.fromstring('<article><p>A.</p>Photo: AP</article>'))
    >>> hyperpartisan_text(ElementTree.fromstring('<article><p><a>Share</a></p></article>'))
    """
    if (article.text or "").strip() or any((child.tail or "").strip() for child in article):
        return None
    paragraphs = []
    for child in article:
        if child.tag != "p":
            if _text(child):
                return None
            continue
        if _links_only(child):
            return None
        paragraphs.append(_text(child))
    return as_lines(article.get("title") or "", *paragraphs)


def indian_news_text(news: str) -> str:
    """An Indian news record as stored: its non-blank lines, spaces collapsed."""
    return as_lines(news)


def capped(news: list[dict], limit: int = MAX_PER_SOURCE) -> list[dict]:
    """At most ``limit`` articles of each source (an id's prefix), the first by id hash, in id order."""
    by_source: dict[str, list[dict]] = {}
    for a in news:
        by_source.setdefault(a["id"].split(":")[0], []).append(a)
    kept = [
        a
        for items in by_source.values()
        for a in sorted(items, key=lambda a: _hash(a["id"]))[:limit]
    ]
    return sorted(kept, key=lambda a: a["id"])


def ptc_articles(git_dir: str) -> Iterable[tuple[str, str]]:
    repo = GitReader(git_dir, PTC_COMMIT)
    for folder in PTC_DIRS:
        for path in repo.paths(folder):
            name = path[len(folder) :]
            data = repo.read(path)
            if "/" not in name and name.endswith(".txt") and data is not None:
                yield f"ptc:{name[:-4]}", ptc_text(decode_text(data))
    repo.close()


def hyperpartisan_articles(git_dir: str) -> Iterable[tuple[str, str]]:
    repo = GitReader(git_dir, HYPERPARTISAN_COMMIT)
    data = repo.read(HYPERPARTISAN_FILE)
    repo.close()
    if data is None:
        return
    for article in ElementTree.fromstring(data).iter("article"):
        text = hyperpartisan_text(article)
        if text is not None:
            yield f"hyperpartisan:{article.get('id')}", text


def indian_news_articles(git_dir: str) -> Iterable[tuple[str, str]]:
    repo = GitReader(git_dir, INDIAN_NEWS_COMMIT)
    data = repo.read(INDIAN_NEWS_FILE)
    repo.close()
    if data is None:
        return
    rows = csv.DictReader(io.StringIO(decode_text(data), newline=""))
    for row_number, row in enumerate(rows, 1):
        yield f"indiannews:{row_number:04d}", indian_news_text(row.get("news") or "")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("ptc", help="git dir of aschern/semeval2020_task11")
    ap.add_argument("hyperpartisan", help="git dir of anshuly10/Biased-News-Detection")
    ap.add_argument("indian_news", help="git dir of knkcse/News-Classification")
    ap.add_argument("-o", "--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    items = [
        *ptc_articles(args.ptc),
        *hyperpartisan_articles(args.hyperpartisan),
        *indian_news_articles(args.indian_news),
    ]
    news = capped(fresh.articles(items, SPLIT))
    rows = fresh.records(news, [], SPLIT)
    write(args.out, rows)
    fresh.summarise(rows, args.out)


if __name__ == "__main__":
    main()
