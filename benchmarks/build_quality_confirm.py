"""Build ``benchmarks/data/quality/confirm.jsonl.gz``: a page-quality set to confirm the limits on.

The limits of `quality` are fitted on ``set.jsonl.gz``'s train split and on
``fresh.jsonl.gz``; this set comes from sources used nowhere else, so it is
measured once, after the fit. Its sources, read from pinned commits of their
public repositories:

- **FNC-1** (``FakeNewsChallenge/fnc-1``): the article bodies of the Fake
  News Challenge stance set (``train_bodies.csv``, ``competition_test_bodies.csv``),
  news stories of 2014-2015 from many outlets, collected for the Emergent
  rumour tracker.
- **Horne and Adali's random political news** (``BenjaminDHorne/fakenewsdata1``,
  ``Random Poltical News Dataset/Real``): 2016 stories of the Wall Street
  Journal, the Economist, BBC, NPR, ABC, CBS, USA Today, the Guardian, NBC
  and the Washington Post, title then body (the set's Buzzfeed half is left
  out: FakeNewsNet, used elsewhere, holds the same stories).
- **McIntire's fake-or-real news** (the ``REAL`` rows only), from a copy of
  ``fake_or_real_news.csv`` holding its first 256 rows
  (``sudheerakotha/Fake-News-Detection``): 2016 political news, title then
  text.

Each article of 500 characters or more is one of two things, by a hash of
its id: a clean page (``label: keep``; two in three), or the source of one
degraded page made by `textclean.testing.degraded` exactly as
``build_quality_set.py`` makes them (one in three). None of these sources
holds page furniture, so there are no ``boilerplate_only`` pages. Every
record's ``split`` is ``confirm``; lines are joined with single newlines, as
in the other sets::

    python benchmarks/build_quality_confirm.py FNC_GIT_DIR HORNE_GIT_DIR MCINTIRE_GIT_DIR
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import zipfile
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE), str(HERE / "data" / "boilerplate-lines")]

import build_quality_fresh as fresh  # noqa: E402
from build_pages import GitReader, decode_text  # noqa: E402
from build_quality_fresh import write  # noqa: E402

OUT = HERE / "data" / "quality" / "confirm.jsonl.gz"
SPLIT = "confirm"
FNC_COMMIT = "29d473af2d15278f0464d5e41e4cbe7eb58231f2"
FNC_FILES = ("train_bodies.csv", "competition_test_bodies.csv")
HORNE_COMMIT = "74545f56e3b62d488eb153cef8e33a0d5e5385dc"
HORNE_REAL = "Public Data/Random Poltical News Dataset/Real/"
HORNE_TITLES = "Public Data/Random Poltical News Dataset/Real_titles/"
MCINTIRE_COMMIT = "9f23f5e72050deec2eaf3712d5e3e58af60cfcbe"
SPACE = re.compile(r"\s+")


def as_lines(*parts: str) -> str:
    """Non-blank lines, spaces collapsed, joined by single newlines."""
    lines = (SPACE.sub(" ", line).strip() for part in parts for line in part.splitlines())
    return "\n".join(line for line in lines if line)


def articles(items: Iterable[tuple[str, str]]) -> list[dict]:
    """(id, text) pairs as article dicts in id order: long enough, each text once."""
    return fresh.articles(items, SPLIT)


def records(news: list[dict]) -> list[dict]:
    """Clean pages and degraded pages made from the other articles, by id."""
    return fresh.records(news, [], SPLIT)


def _csv_rows(data: bytes | None) -> list[dict]:
    if data is None:
        return []
    csv.field_size_limit(1 << 30)
    return list(csv.DictReader(io.StringIO(decode_text(data), newline="")))


def fnc_articles(git_dir: str) -> Iterable[tuple[str, str]]:
    repo = GitReader(git_dir, FNC_COMMIT)
    for name in FNC_FILES:
        for row in _csv_rows(repo.read(name)):
            yield (
                f"fnc:{name.split('_')[0]}:{int(row['Body ID']):05d}",
                as_lines(row["articleBody"]),
            )
    repo.close()


def horne_articles(git_dir: str) -> Iterable[tuple[str, str]]:
    repo = GitReader(git_dir, HORNE_COMMIT)
    data = repo.read("Horne2017_FakeNewsData.zip")
    repo.close()
    if data is None:
        return
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = set(z.namelist())
        for name in sorted(names):
            if name.startswith(HORNE_REAL) and name.endswith(".txt"):
                stem = name[len(HORNE_REAL) : -4]
                title = HORNE_TITLES + stem + ".txt"
                head = decode_text(z.read(title)) if title in names else ""
                yield f"horne:{stem}", as_lines(head, decode_text(z.read(name)))


def mcintire_articles(git_dir: str) -> Iterable[tuple[str, str]]:
    repo = GitReader(git_dir, MCINTIRE_COMMIT)
    for row in _csv_rows(repo.read("fake_or_real_news.csv")):
        if row.get("label") == "REAL":
            yield f"mcintire:{int(row['id']):05d}", as_lines(row["title"], row["text"])
    repo.close()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("fnc", help="git dir of FakeNewsChallenge/fnc-1")
    ap.add_argument("horne", help="git dir of BenjaminDHorne/fakenewsdata1")
    ap.add_argument("mcintire", help="git dir of sudheerakotha/Fake-News-Detection")
    ap.add_argument("-o", "--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    news = articles(
        [
            *fnc_articles(args.fnc),
            *horne_articles(args.horne),
            *mcintire_articles(args.mcintire),
        ]
    )
    rows = records(news)
    write(args.out, rows)
    fresh.summarise(rows, args.out)


if __name__ == "__main__":
    main()
