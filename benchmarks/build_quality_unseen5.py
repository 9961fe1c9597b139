"""Build ``benchmarks/data/quality/unseen5.jsonl.gz``: a fifth set no fit has read, with furniture pages.

Every earlier page-quality set (``set``, ``fresh``, ``confirm``, ``heldout``,
``unseen`` to ``unseen4``) was measured, read and fitted on, and no unseen set
holds ``boilerplate_only`` pages; this one does. It comes from sources used
nowhere else in textclean, was built after the last fit and is measured once.
Its sources, read at pinned commits of their public repositories:

- **The BuzzFeed-Webis Fake News Corpus 2016** (Potthast et al., ACL 2018; a
  copy of its ``articles/*.xml`` and ``overview.csv``,
  ``BotanB/Python_for_DS_FakeNewsDetection``, the commit that added them): the
  articles nine publishers posted to Facebook in a week of September 2016, as
  extracted from the crawl by the corpus's authors. Only the three mainstream
  publishers are taken (ABC News, CNN, Politico; the six hyperpartisan ones
  are left out); the veracity BuzzFeed's journalists gave each is not used. A
  page is the title, then each paragraph of the stored text as the corpus
  marks it (character offsets into ``mainText``; `webis_text`). Records with
  no title or no text are not articles and are left out (`is_story`), and so
  are the articles FakeNewsNet's BuzzFeed set also holds (same title or same
  opening; `in_fakenewsnet`): that set, drawn from the same fact-check, is in
  the scraped-news sets the limits were fitted on.
- **CleanEval** (Baroni, Chantree, Kilgarriff and Sharoff, LREC 2008; the
  development and final sets as stored in
  ``j-szulc/html-cleaning-dataset-merged``, ``cleaneval-{dev,final}/``): web
  pages of 2006 as crawled (``input/*.html``) and their text as cleaned by
  hand (``GoldStandard/*.txt``). Only furniture is taken from them, for
  ``boilerplate_only`` pages. A gold file's markup (its ``URL:`` header line
  and the ``<p>``, ``<h>`` and ``<l>`` marks opening paragraphs, headings and
  list items) is stripped (`cleaneval_gold`); a page whose gold text is not
  English is left out. Each page is turned into visible text lines and each
  line labelled against the gold text by
  ``boilerplate-lines/build_pages.py`` (`make_record`: furniture is a line
  sharing no word 4-gram with the gold text, or a short line not in it), and
  each page with 12 furniture lines or more (``MIN_FURNITURE``) gives one
  ``boilerplate_only`` page exactly as ``build_quality_set.py`` makes them (up
  to 60 of its furniture lines in page order, seeded per page).

Each distinct article of 500 characters or more is one of two things, by a hash of its
id: a clean page (``label: keep``; two in three), or the source of one
degraded page made by `textclean.testing.degraded` exactly as the other sets
make them (one in three). Every record's ``split`` is ``unseen5``; lines are
joined with single newlines, as in the other sets::

    python benchmarks/build_quality_unseen5.py WEBIS_GIT_DIR CLEANEVAL_GIT_DIR FAKENEWSNET_GIT_DIR
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from xml.etree import ElementTree

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE), str(HERE / "data" / "boilerplate-lines")]

import build_quality_fresh as fresh  # noqa: E402
from build_pages import GitReader, decode_text, make_record, text_lines  # noqa: E402
from build_quality_confirm import as_lines  # noqa: E402
from build_quality_fresh import write  # noqa: E402
from build_quality_set import boilerplate_page  # noqa: E402

from textclean.filters import detect_language  # noqa: E402

OUT = HERE / "data" / "quality" / "unseen5.jsonl.gz"
SPLIT = "unseen5"
#: The commit that added the corpus (a later one replaced it with a zip file).
WEBIS_COMMIT = "121c8358d1bbfb54817ee39cc3f0905c086d9b65"
WEBIS_DIR = "DataSet/BuzzFeed_Corpus_2016/"
CLEANEVAL_COMMIT = "46e01a04b47051838a228bf23631430b2c9de375"
CLEANEVAL_SETS = ("dev", "final")
FAKENEWSNET_COMMIT = "104f3c5525274549420e141d8b1ba0c3fa4602fc"
FAKENEWSNET_DIRS = ("Data/BuzzFeed/RealNewsContent/", "Data/BuzzFeed/FakeNewsContent/")
#: The publishers of the corpus that are mainstream news.
MAINSTREAM = ("abc", "cnn", "politico")
#: The header line and the paragraph, heading and list-item marks of a CleanEval gold file.
GOLD_URL = re.compile(r"^\s*URL:.*$", re.M)
GOLD_MARK = re.compile(r"<\s*[phl]\s*>", re.I)
KEY_WORD = re.compile(r"\w+")


def is_story(title: str, text: str) -> bool:
    """Whether a corpus record is an article: a title and a text.

    >>> is_story("Debates rarely move the polls", "With the debates upon us ...")
    True
    >>> is_story("", "With the debates upon us ..."), is_story("Debates", " ")
    (False, False)
    """
    return bool(title.strip()) and bool(text.strip())


def webis_text(article: ElementTree.Element) -> str:
    """A corpus article: its title, then each marked paragraph of its text (all of it where
    none is marked).

    >>> page = ElementTree.fromstring(
    ...     "<article><title>Polls  open</title><mainText>Vote today. Go early.</mainText>"
    ...     "<paragraph><start>0</start><end>11</end></paragraph>"
    ...     "<paragraph><start>12</start><end>12</end></paragraph>"
    ...     "<paragraph><start>12</start><end>21</end></paragraph></article>")
    >>> webis_text(page)
    'Polls open\\nVote today.\\nGo early.'
    """
    text = article.findtext("mainText") or ""
    spans = [
        (int(p.findtext("start") or 0), int(p.findtext("end") or 0))
        for p in article.iter("paragraph")
    ]
    paragraphs = [text[s:e] for s, e in spans] if spans else [text]
    return as_lines(article.findtext("title") or "", *paragraphs)


def _key(text: str, n: int) -> str:
    return " ".join(KEY_WORD.findall(text.casefold()))[:n]


def fakenewsnet_keys(git_dir: str) -> set[str]:
    """Titles and text openings of FakeNewsNet's BuzzFeed articles, normalised."""
    repo = GitReader(git_dir, FAKENEWSNET_COMMIT)
    keys = set()
    for folder in FAKENEWSNET_DIRS:
        for path in repo.paths(folder):
            data = repo.read(path)
            if not path.endswith(".json") or not data:
                continue
            story = json.loads(data)
            keys.add(f"t:{_key(story.get('title') or '', 80)}")
            keys.add(f"x:{_key(story.get('text') or '', 60)}")
    repo.close()
    return keys - {"t:", "x:"}


def in_fakenewsnet(title: str, text: str, keys: set[str]) -> bool:
    """Whether an article is one FakeNewsNet's BuzzFeed set holds: same title or same opening."""
    return f"t:{_key(title, 80)}" in keys or f"x:{_key(text, 60)}" in keys


def webis_articles(git_dir: str, seen: set[str]) -> Iterable[tuple[str, str]]:
    repo = GitReader(git_dir, WEBIS_COMMIT)
    overview = repo.read(f"{WEBIS_DIR}overview.csv")
    portals = {
        row["XML"]: row["portal"]
        for row in csv.DictReader(io.StringIO(decode_text(overview or b""), newline=""))
        if row["orientation"] == "mainstream"
    }
    for name, portal in sorted(portals.items()):
        data = repo.read(f"{WEBIS_DIR}articles/{name}")
        if data is None or portal not in MAINSTREAM:
            continue
        article = ElementTree.fromstring(data)
        title, text = article.findtext("title") or "", article.findtext("mainText") or ""
        if is_story(title, text) and not in_fakenewsnet(title, text, seen):
            yield f"webis-{portal}:{name[:-4]}", webis_text(article)
    repo.close()


def cleaneval_gold(raw: str) -> str:
    """A CleanEval gold file as text lines: its URL header and its marks stripped.

    >>> cleaneval_gold("URL: http://a.example/\\n\\n <h> Title\\n <p> One line\\n  goes on.\\n<l> item")
    'Title\\nOne line\\ngoes on.\\nitem'
    """
    return "\n".join(text_lines(GOLD_MARK.sub(" ", GOLD_URL.sub("", raw))))


def furniture_pages(git_dir: str) -> list[dict]:
    """One ``boilerplate_only`` page from each English CleanEval page with enough furniture."""
    repo = GitReader(git_dir, CLEANEVAL_COMMIT)
    out = []
    for which in CLEANEVAL_SETS:
        root = f"cleaneval-{which}/"
        for path in repo.paths(f"{root}GoldStandard/"):
            stem = path.rsplit("/", 1)[1][: -len(".txt")]
            gold_raw, html = repo.read(path), repo.read(f"{root}input/{stem}.html")
            if not path.endswith(".txt") or gold_raw is None or html is None:
                continue
            gold = cleaneval_gold(decode_text(gold_raw))
            if not gold or detect_language(gold).lang != "en":
                continue
            page = make_record(f"cleaneval:{which}-{stem}", "cleaneval", html, gold)
            if page is not None:
                made = boilerplate_page(page["id"], page["lines"], page["labels"], SPLIT)
                if made is not None:
                    out.append(made)
    repo.close()
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("webis", help="git dir of BotanB/Python_for_DS_FakeNewsDetection")
    ap.add_argument("cleaneval", help="git dir of j-szulc/html-cleaning-dataset-merged")
    ap.add_argument("fakenewsnet", help="git dir of KaiDMML/FakeNewsNet (articles to leave out)")
    ap.add_argument("-o", "--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    news = fresh.articles(webis_articles(args.webis, fakenewsnet_keys(args.fakenewsnet)), SPLIT)
    rows = fresh.records(news, furniture_pages(args.cleaneval), SPLIT)
    write(args.out, rows)
    fresh.summarise(rows, args.out)


if __name__ == "__main__":
    main()
