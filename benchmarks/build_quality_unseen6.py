"""Build ``benchmarks/data/quality/unseen6.jsonl.gz``: a sixth set of news no fit has read.

Every earlier page-quality set (``set``, ``fresh``, ``confirm``, ``heldout``,
``unseen`` to ``unseen5``) was measured, read and fitted on; this one comes
from a source used nowhere else in textclean, was built after the last fit and
is measured once. Its source, read at a pinned commit of its public repository:

- **The Reuter_50_50 (C50) corpus** (Liu, 2011; UCI Machine Learning
  Repository, a subset of Reuters Corpus Volume 1 of Lewis, Yang, Rose and Li,
  2004), as a copy of it is stored in
  ``nschaetti/RCNLP-authorship-attribution`` (``data/*.txt``, one story a
  file, with ``data/authors.json`` naming each file's writer): Reuters wire
  stories of 1996-97 by 50 staff writers, 100 each, mostly business and
  technology news. A file is the story's body, one paragraph a line, with no
  headline; a page is its non-blank lines (`c50_text`), HTML entities decoded
  ("AT&amp;T" is stored for "AT&T") and the wire's contact sign-off at its end
  left out (`strip_sign_off`: "-- London Newsroom +44 171 542 8864", "((Chicago
  Newsdesk, 312-408-8787))", as the heldout set leaves out Reuters-21578's
  end mark). One kind of record is not an article and is left out by a
  format test (`is_story`): the statistics tables sent as stories (air cargo
  tonnage by country, earnings estimates by company, bids by bidder), whose
  rows are columns set apart by tabs or runs of spaces.

At most `MAX_PER_SOURCE` stories are taken (the first by a hash of their ids).
Each story of 500 characters or more is one of two things, by a hash of its
id: a clean page (``label: keep``; two in three), or the source of one
degraded page made by `textclean.testing.degraded` exactly as the other sets
make them (one in three). The source stores no page furniture (no bylines,
share lines or adverts), so nothing else is stripped and there are no
``boilerplate_only`` pages. Every record's ``split`` is ``unseen6``; lines
are joined with single newlines, as in the other sets::

    python benchmarks/build_quality_unseen6.py C50_GIT_DIR
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
from build_quality_unseen3 import capped  # noqa: E402

OUT = HERE / "data" / "quality" / "unseen6.jsonl.gz"
SPLIT = "unseen6"
C50_COMMIT = "e1eb5f47cf51eed18717b20ee5577abe66baf4b1"
C50_DIR = "data/"
C50_AUTHORS = "data/authors.json"
#: The most stories the source gives, before the clean/degraded split.
MAX_PER_SOURCE = 660
#: A gap between table columns: a tab, or three spaces or more.
_GAP = re.compile(r"\S(?:[ \t]*\t[ \t]*| {3,})(?=\S)")
#: A telephone (and fax) number, as the wire's sign-offs give them.
_PHONE = r"(?:tel\s*)?\"?\+?\s*\(?\d[\d ()./-]{5,}\d(?:\s*fax\s*:?\s*\+?[\d ()./-]{3,}\d)?"
#: Who to call: the sign-off's desk, bureau or e-mail address.
_DESK = r"(?:news ?room|newsrom|newroom|news ?desk|bureau|equities|\S+@\S+)"
#: What some sign-offs carry after the number: a copyright line, a web or e-mail
#: address, the wire's end mark or an operator's initials.
_TAIL = (
    r"(?:\.?\s*(?:\(c\) Reuters Limited \d{4}|or \S+@\S+|https?://\S+"
    r"|REUTER(?: [A-Z]{2,4})?|[a-z]{1,3}(?:/[a-z]{1,3})?|,\s*\w{1,3}(?: [\d ]+)?))?"
)
#: A character of a sign-off's words: no sentence ends inside one (a dot may
#: sit in an e-mail address or after an initial).
_WORD = r"(?:[^\n.!?\"]|\.(?=\w)|(?<=\b[A-Z])\.)"
#: The forms of a sign-off, the last thing on a story's last line: after a
#: double dash ("-- London Newsroom +44 171 542 8864", "-- Jakarta Newsroom"), a
#: desk after a single dash, an opening bracket, a line's start or a sentence's
#: end ("((Chicago newsdesk, 312-408-8787))", "Reuters Chicago Newsdesk -
#: 312-408-8787"), or a number alone after a single dash or in brackets.
_SIGN_OFF_FORMS = (
    "--" + _WORD + "{0,60}?" + _PHONE,
    r"--\s*" + _WORD + r"{0,40}?\b" + _DESK,
    r"(?:(?<=\s)-\s*|(?<=\()|(?<![^\n])|(?<=[.!?\"] ))"
    + _WORD
    + r"{0,60}?\b"
    + _DESK
    + "(?:"
    + _WORD
    + "{0,40}?"
    + _PHONE
    + ")?",
    r"(?:(?<=\s)-\s*|(?<=\())" + _PHONE,
)
#: The wire's contact sign-off ending a story, a currency note after it kept.
_SIGN_OFF = re.compile(
    r"\s*(?:\(\(?\s*)?(?:"
    + "|".join(_SIGN_OFF_FORMS)
    + ")"
    + _TAIL
    + r"\.?\s*(?:\)\)?)?\.?(?P<note>\s*\(\$\s*1?\s*=[^()\n]*\))?\s*$",
    re.IGNORECASE,
)
#: The wire's copyright line, which a few stories end with.
_COPYRIGHT = re.compile(r"(?:\s*\(c\) Reuters Limited \d{4})+\s*$", re.IGNORECASE)


def is_story(text: str) -> bool:
    """Whether a C50 record is a story, not a table: no line has two column gaps.

    >>> is_story("Macquarie Bank posted a stronger profit.\\nAnalysts had forecast less.")
    True
    >>> is_story("Air cargo rose.\\n AUSTRALIA\\t   3,330.30     2,866.51     -2.75")
    False
    >>> is_story("Fears battered markets.    \\"There will always be a risk,\\" he said.")
    True
    """
    return not any(len(_GAP.findall(line.strip())) >= 2 for line in text.splitlines())


def strip_sign_off(text: str) -> str:
    """A story without the wire's sign-off at its end (a currency note after it stays).

    >>> strip_sign_off("Analysts had forecast less.\\n-- London Newsroom +44 171 542 8864")
    'Analysts had forecast less.'
    >>> strip_sign_off("Shares rose. ((Chicago newsdesk, 312-408-8787))")
    'Shares rose.'
    >>> strip_sign_off("It fell.\\n-- Prague Newsroom, 42-2-2423-0003 ($1=27.84 Czech Crown)")
    'It fell.\\n($1=27.84 Czech Crown)'
    >>> strip_sign_off("It rose.\\n--Abidjan newsroom +225 21 90 90\\n(c) Reuters Limited 1996")
    'It rose.'
    >>> strip_sign_off("Output rose in 1996-1997.")
    'Output rose in 1996-1997.'
    """
    text = _COPYRIGHT.sub("", text.rstrip())
    found = _SIGN_OFF.search(text)
    if found is None:
        return text
    note = (found.group("note") or "").strip()
    return text[: found.start()].rstrip() + ("\n" + note if note else "")


def c50_text(raw: str) -> str:
    """A C50 file: entities decoded, the sign-off left out, one paragraph a line.

    >>> c50_text("AT&amp;T  said on Monday ...\\r\\n\\r\\nIt rose.\\r\\n-- New York Newsroom 212 859 1610")
    'AT&T said on Monday ...\\nIt rose.'
    """
    return as_lines(strip_sign_off(html.unescape(raw)))


def c50_articles(git_dir: str) -> Iterable[tuple[str, str]]:
    repo = GitReader(git_dir, C50_COMMIT)
    writers = json.loads(repo.read(C50_AUTHORS) or b"{}")
    writer_of = {key: name for name, keys in writers.items() for key in keys}
    for path in repo.paths(C50_DIR):
        key = path[len(C50_DIR) :].removesuffix(".txt")
        if "/" in key or not path.endswith(".txt") or key not in writer_of:
            continue
        data = repo.read(path)
        if data is None:
            continue
        raw = decode_text(data)
        if is_story(raw):
            yield f"c50:{writer_of[key]}:{key}", c50_text(raw)
    repo.close()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("c50", help="git dir of nschaetti/RCNLP-authorship-attribution")
    ap.add_argument("-o", "--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    news = capped(fresh.articles(c50_articles(args.c50), SPLIT), MAX_PER_SOURCE)
    rows = fresh.records(news, [], SPLIT)
    write(args.out, rows)
    fresh.summarise(rows, args.out)


if __name__ == "__main__":
    main()
