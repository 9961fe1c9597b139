"""Build ``benchmarks/data/quality/unseen4.jsonl.gz``: a fourth set of news no fit has read.

Every earlier page-quality set (``set``, ``fresh``, ``confirm``, ``heldout``,
``unseen``, ``unseen2``, ``unseen3``) was measured, read and fitted on; this one
comes from sources used nowhere else in textclean, was built after the last fit
and is measured once. Its sources, read at pinned commits of their public
repositories:

- **The ISOT fake news dataset's true side** (Ahmed, Traore and Saad, 2017-18;
  a copy of ``True.csv`` holding 989 of its rows, its ``subject`` column
  relabelled, ``Vatshayan/Fake-News-Prediction``): Reuters wire stories of
  2017, as columns ``title`` and ``text``. The stored text is one
  line (the paragraphs were run together by the collectors); a page is the
  title, then that line (`isot_text`). One kind of record is not an article and
  is left out by a format test (`is_story`): the lists of a politician's
  posts on social media that Reuters sent out as stories ("The following
  statements were posted to the verified Twitter accounts ..."), and records
  with no title or no text.
- **The OneStopEnglish corpus** (Vajjala and Lučić, BEA 2018;
  ``nishkalavallabhi/OneStopEnglishCorpus``,
  ``Texts-SeparatedByReadingLevel/Adv-Txt/``): Guardian articles of 2013-2016
  as edited for onestopenglish.com's readers, the advanced level only (the
  elementary and intermediate levels rewrite the same articles, and would be
  near-copies). A file is one paragraph a line with no headline; a page is its
  non-blank lines, as stored (`onestop_text`).

Each source gives at most `MAX_PER_SOURCE` articles (the first by a hash of
their ids; only ISOT has more: it gives four pages in five, so that the set
reaches 600 clean pages with the 189 OneStopEnglish texts). Each article of
500 characters or more is one of two things, by a hash of its id: a clean page
(``label: keep``; two in three), or the source of one degraded page made by
`textclean.testing.degraded` exactly as the other sets make them (one in
three). Neither source stores page
furniture (no bylines, share lines or adverts: Reuters datelines such as
"WASHINGTON (Reuters) -" open the stories and are kept), so no record is
stripped and there are no ``boilerplate_only`` pages. Every record's ``split``
is ``unseen4``; lines are joined with single newlines, as in the other sets::

    python benchmarks/build_quality_unseen4.py ISOT_GIT_DIR ONESTOPENGLISH_GIT_DIR
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE), str(HERE / "data" / "boilerplate-lines")]

import build_quality_fresh as fresh  # noqa: E402
from build_pages import GitReader, decode_text  # noqa: E402
from build_quality_confirm import as_lines  # noqa: E402
from build_quality_fresh import write  # noqa: E402
from build_quality_unseen3 import capped  # noqa: E402

OUT = HERE / "data" / "quality" / "unseen4.jsonl.gz"
SPLIT = "unseen4"
ISOT_COMMIT = "be794ed4fd40ea715d134873ed91609063953a9a"
ISOT_FILE = "True.csv"
ONESTOP_COMMIT = "37f8db3945cd2f3cc0caafe45674147b224349be"
ONESTOP_DIR = "Texts-SeparatedByReadingLevel/Adv-Txt/"
#: The most articles one source gives, before the clean/degraded split.
MAX_PER_SOURCE = 720
#: How a list of social-media posts sent out as a wire story opens.
_POSTS = "The following statements were posted to the verified"


def is_story(title: str, text: str) -> bool:
    """Whether an ISOT record is a story: a title and a text, not a list of posts.

    >>> is_story("Senate passes bill", "WASHINGTON (Reuters) - The Senate passed ...")
    True
    >>> is_story("Trump on Twitter (Dec 1)", "The following statements were posted to the "
    ...          "verified Twitter accounts of U.S. President Donald Trump ...")
    False
    >>> is_story("", "WASHINGTON (Reuters) - ..."), is_story("Senate passes bill", " ")
    (False, False)
    """
    return bool(title.strip()) and bool(text.strip()) and _POSTS not in text[:200]


def isot_text(title: str, text: str) -> str:
    """An ISOT story: its title, then its text as stored (one line).

    >>> isot_text("Senate  passes bill ", "WASHINGTON (Reuters) -  The Senate voted. It passed. ")
    'Senate passes bill\\nWASHINGTON (Reuters) - The Senate voted. It passed.'
    """
    return as_lines(title, text)


def onestop_text(raw: str) -> str:
    """A OneStopEnglish file as stored: one paragraph a line, blank lines dropped.

    >>> onestop_text("When you see the word  Amazon ...\\n\\nThese questions have risen.\\n")
    'When you see the word Amazon ...\\nThese questions have risen.'
    """
    return as_lines(raw)


def isot_articles(git_dir: str) -> Iterable[tuple[str, str]]:
    repo = GitReader(git_dir, ISOT_COMMIT)
    data = repo.read(ISOT_FILE)
    repo.close()
    if data is None:
        return
    rows = csv.DictReader(io.StringIO(decode_text(data), newline=""))
    for row_number, row in enumerate(rows, 1):
        title, text = row.get("title") or "", row.get("text") or ""
        if is_story(title, text):
            yield f"isot:{row_number:05d}", isot_text(title, text)


def onestop_articles(git_dir: str) -> Iterable[tuple[str, str]]:
    repo = GitReader(git_dir, ONESTOP_COMMIT)
    for path in repo.paths(ONESTOP_DIR):
        name = path[len(ONESTOP_DIR) :]
        if "/" in name or not name.endswith("-adv.txt"):
            continue
        data = repo.read(path)
        if data is not None:
            slug = "-".join(name[: -len("-adv.txt")].split())
            yield f"onestop:{slug}", onestop_text(decode_text(data))
    repo.close()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("isot", help="git dir of Vatshayan/Fake-News-Prediction")
    ap.add_argument("onestop", help="git dir of nishkalavallabhi/OneStopEnglishCorpus")
    ap.add_argument("-o", "--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    items = [*isot_articles(args.isot), *onestop_articles(args.onestop)]
    news = capped(fresh.articles(items, SPLIT), MAX_PER_SOURCE)
    rows = fresh.records(news, [], SPLIT)
    write(args.out, rows)
    fresh.summarise(rows, args.out)


if __name__ == "__main__":
    main()
