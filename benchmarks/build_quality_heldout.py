"""Build ``benchmarks/data/quality/heldout.jsonl.gz``: a page-quality set held out from every fit.

The limits of `quality` are fitted on ``set.jsonl.gz``'s train split and on
the fresh and confirmation sets, which were all read while the scores were
designed; this set comes from sources used nowhere else, was built after the
last fit and is measured once. Its sources, read from pinned commits of their
public repositories:

- **Reuters-21578** (``mihaibogdan10/json-reuters-21578``, the collection's
  SGML files converted to JSON): Reuters newswire stories of 1987. The wire
  wraps its lines at about 70 characters and starts each paragraph with an
  indent; a story is rebuilt as its headline, then one line per paragraph,
  with the dateline ("LONDON, March 9 -") before the first, the SGML
  entities decoded and the wire's end mark ("Reuter") left out. Tables of
  figures (results, prices, shipping lists) are wire items, not articles: a
  story is kept only when half or more of its paragraphs end like a sentence.
  One story in four is taken, by a hash of its id, so that one source does
  not outweigh the other by far.
- **English Worldwide Newswire** (``stanfordnlp/en-worldwide-newswire``,
  ``original_articles/``): about 1,100 articles of 2010-2022 from local
  English-language newspapers and agencies of Asia, Africa, Latin America,
  the Middle East and Oceania, collected by hand for Shan et al. (EMNLP
  2023). A file is its page address, then the article's paragraphs; the
  address is left out. The Al Jazeera files are left out too (that site's
  pages are in the scraped-news sets).

Each article of 500 characters or more is one of two things, by a hash of
its id: a clean page (``label: keep``; two in three), or the source of one
degraded page made by `textclean.testing.degraded` exactly as the other sets
make them (one in three). Neither source holds page furniture, so there are
no ``boilerplate_only`` pages. Every record's ``split`` is ``heldout``; lines
are joined with single newlines, as in the other sets::

    python benchmarks/build_quality_heldout.py REUTERS_GIT_DIR NEWSWIRE_GIT_DIR
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE), str(HERE / "data" / "boilerplate-lines")]

import build_quality_fresh as fresh  # noqa: E402
from build_pages import GitReader, decode_text  # noqa: E402
from build_quality_confirm import as_lines  # noqa: E402
from build_quality_fresh import write  # noqa: E402
from build_quality_set import _hash  # noqa: E402

OUT = HERE / "data" / "quality" / "heldout.jsonl.gz"
SPLIT = "heldout"
REUTERS_COMMIT = "af8b9c6096e4a4625a490ab41b676927265c3fec"
NEWSWIRE_COMMIT = "e082527b86d9a68475166ab584b9c47f282177da"
NEWSWIRE_LEFT_OUT = ("asia_aljazeera_",)
#: One Reuters story in this many is taken.
REUTERS_SAMPLE = 4
SPACE = re.compile(r"\s+")
# A wire paragraph starts on a line indented by a tab or two spaces or more.
_PARAGRAPH = re.compile(r"\n(?=\t| {2,})")
# The wire's end mark: "Reuter" (or "REUTER") alone on the last line, then ETX.
_END_MARK = re.compile(r"\s*\b(?:Reuter|REUTER)\s*$")
_SENTENCE_END = tuple(".!?\"')”’")


def articles(items: Iterable[tuple[str, str]]) -> list[dict]:
    """(id, text) pairs as article dicts in id order: long enough, each text once."""
    return fresh.articles(items, SPLIT)


def records(news: list[dict]) -> list[dict]:
    """Clean pages and degraded pages made from the other articles, by id."""
    return fresh.records(news, [], SPLIT)


def reuters_text(story: dict) -> str | None:
    """A Reuters-21578 story as headline and paragraph lines; None for a table or no body.

    >>> reuters_text({"title": "BANK CUTS RATE", "dateline": "LONDON, March 9 -",
    ...     "body": "The bank said it\\ncut its rate.\\n    The cut takes\\neffect today.\\n Reuter\\n&#3;"})
    'BANK CUTS RATE\\nLONDON, March 9 - The bank said it cut its rate.\\nThe cut takes effect today.'
    """
    body = html.unescape(story.get("body") or "").replace("\x03", "")
    body = _END_MARK.sub("", body)
    paragraphs = [SPACE.sub(" ", p).strip() for p in _PARAGRAPH.split(body)]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        return None
    sentences = sum(p.endswith(_SENTENCE_END) for p in paragraphs)
    if 2 * sentences < len(paragraphs):
        return None
    dateline = SPACE.sub(" ", html.unescape(story.get("dateline") or "")).strip()
    if dateline:
        paragraphs[0] = f"{dateline} {paragraphs[0]}"
    title = SPACE.sub(" ", html.unescape(story.get("title") or "")).strip()
    return "\n".join([title, *paragraphs] if title else paragraphs)


def newswire_text(raw: str) -> str:
    """A Worldwide Newswire file as paragraph lines, its first line (the page address) left out.

    >>> newswire_text("https://example.org/story\\r\\n\\r\\nFirst  paragraph.\\r\\n\\r\\nSecond.")
    'First paragraph.\\nSecond.'
    """
    lines = raw.splitlines()
    if lines and lines[0].strip().startswith(("http://", "https://")):
        lines = lines[1:]
    return as_lines("\n".join(lines))


def reuters_articles(git_dir: str) -> Iterable[tuple[str, str]]:
    repo = GitReader(git_dir, REUTERS_COMMIT)
    for path in repo.paths("json-data/"):
        data = repo.read(path)
        if not path.endswith(".json") or data is None:
            continue
        for story in json.loads(data):
            doc_id = f"reuters:{int(story['attrs']['newid']):05d}"
            if _hash(f"{doc_id}/{SPLIT}/sample") % REUTERS_SAMPLE:
                continue
            text = reuters_text(story)
            if text is not None:
                yield doc_id, text
    repo.close()


def newswire_articles(git_dir: str) -> Iterable[tuple[str, str]]:
    repo = GitReader(git_dir, NEWSWIRE_COMMIT)
    for path in repo.paths("original_articles/"):
        stem = Path(path).stem
        data = repo.read(path)
        if path.endswith(".txt") and data is not None and not stem.startswith(NEWSWIRE_LEFT_OUT):
            yield f"newswire:{stem}", newswire_text(decode_text(data))
    repo.close()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("reuters", help="git dir of mihaibogdan10/json-reuters-21578")
    ap.add_argument("newswire", help="git dir of stanfordnlp/en-worldwide-newswire")
    ap.add_argument("-o", "--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    news = articles([*reuters_articles(args.reuters), *newswire_articles(args.newswire)])
    rows = records(news)
    write(args.out, rows)
    fresh.summarise(rows, args.out)


if __name__ == "__main__":
    main()
