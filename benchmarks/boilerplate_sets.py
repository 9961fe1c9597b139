"""The labelled line sets the boilerplate model is trained and measured on, in one shape.

Every set becomes a list of `Page`: its lines, a label per line (True =
furniture, False = content, None = left out of training and scores), a
furniture category per line where the set has one, and a split. The split
is fixed by a hash of the page's site, so no site is on both sides, and the
``test`` side of every set is never used to fit anything.

Sets (each skipped when its file is absent):

* ``scraped``: real scraper output, labelled by reading, one directory per
  set under ``benchmarks/data/`` (``SCRAPED``, each a ``lines.jsonl.gz``);
* ``clusters``: real scraper output from a few sites, several pages each,
  all on the ``test`` side (``CLUSTERS``): what the corpus stage gains when
  a site's furniture repeats across its pages;
* ``dev``: ../shared/data/boilerplate-dev (real pages as visible lines);
* ``readability``, ``dragnet``: public test pages with their gold article,
  as visible lines (``benchmarks/data/boilerplate-lines/``);
* ``synthetic``: pages assembled from furniture variants in four languages
  (``benchmarks/data/boilerplate-eval/pages.jsonl``).
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"
DEV = ROOT.parent / "shared" / "data" / "boilerplate-dev" / "lines.jsonl"
SETS = ("scraped", "clusters", "dev", "readability", "dragnet", "synthetic")
# The labelled scraper-output sets that make up ``scraped``; a directory is
# read only once it is listed here, so a set still being labelled stays out.
SCRAPED = (
    "scraped-news",
    "scraped-news-2",
    "scraped-news-3",
    "scraped-news-4",
    "scraped-news-5",
    "scraped-news-6",
    "scraped-news-7",
    "scraped-news-8",
    "scraped-news-9",
    "scraped-news-10",
    "scraped-news-11",
    "scraped-news-12",
    "scraped-news-14",
    "scraped-news-15",
)

#: Site clusters: several pages a publisher, held out whole (never trained on).
CLUSTERS = ("scraped-news-13",)


@dataclass
class Page:
    set: str
    id: str
    site: str
    split: str
    lines: list[str]
    labels: list[bool | None]  # True: furniture
    categories: list[str | None]
    #: The file the page comes from, for scraper output: its set's directory.
    origin: str = ""


def split_of(site: str, test_tenths: int = 3) -> str:
    """``test`` for a fixed share of sites, by a hash of the site name."""
    return (
        "test" if int(hashlib.sha1(site.encode()).hexdigest(), 16) % 10 < test_tenths else "train"
    )


def _site(url: str, fallback: str) -> str:
    host = urlsplit(url).hostname if "://" in url else ""
    return (host or fallback).removeprefix("www.")


def _jsonl(path: Path) -> Iterator[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _furniture(label: object) -> bool | None:
    return None if label is None else label == 0


def load_scraped(names: tuple[str, ...] = SCRAPED, set_name: str = "scraped") -> list[Page]:
    pages = []
    for name in names:
        path = DATA / name / "lines.jsonl.gz"
        if not path.exists():
            continue
        for rec in _jsonl(path):
            pages.append(
                Page(
                    set_name,
                    rec["id"],
                    rec["source"],
                    rec["split"],
                    rec["lines"],
                    [_furniture(x) for x in rec["labels"]],
                    list(rec.get("categories") or [None] * len(rec["lines"])),
                    name,
                )
            )
    return pages


def load_dev() -> list[Page]:
    if not DEV.exists():
        return []
    pages = []
    for rec in _jsonl(DEV):
        site = _site(rec.get("url", ""), rec["id"])
        n = len(rec["lines"])
        pages.append(
            Page(
                "dev",
                rec["id"],
                site,
                split_of(site),
                rec["lines"],
                [_furniture(x) for x in rec["labels"]],
                [None] * n,
            )
        )
    return pages


def load_lines(name: str) -> list[Page]:
    path = DATA / "boilerplate-lines" / f"{name}.jsonl.gz"
    if not path.exists():
        return []
    pages = []
    for rec in _jsonl(path):
        site = rec.get("source") or _site(rec.get("url", ""), rec["id"])
        n = len(rec["lines"])
        pages.append(
            Page(
                name,
                rec["id"],
                site,
                rec.get("split") or split_of(site),
                rec["lines"],
                [_furniture(x) for x in rec["labels"]],
                [None] * n,
            )
        )
    return pages


def load_intl() -> list[Page]:
    """Whole pages in 27 languages other than English with their gold article, as visible
    lines (``benchmarks/data/boilerplate-lines-intl``). Measured, never trained on: the
    training script reads `load_all`, which leaves them out."""
    path = DATA / "boilerplate-lines-intl" / "pages.jsonl.gz"
    if not path.exists():
        return []
    pages = []
    for rec in _jsonl(path):
        n = len(rec["lines"])
        pages.append(
            Page(
                "intl",
                rec["id"],
                rec["source"],
                rec["split"],
                rec["lines"],
                [_furniture(x) for x in rec["labels"]],
                [None] * n,
                origin=rec["lang"],
            )
        )
    return pages


def load_synthetic() -> list[Page]:
    """Items sharing a line become that line; a line mixing content and furniture is left out."""
    pages = []
    for path in sorted((DATA / "boilerplate-eval").glob("*.jsonl")):
        for rec in _jsonl(path):
            lines: list[str] = []
            kinds: list[set[str]] = []
            for item in rec["items"]:
                if item["line"] == len(lines) - 1:
                    lines[-1] += " " + item["text"]
                    kinds[-1].add(item["label"])
                else:
                    lines.append(item["text"])
                    kinds.append({item["label"]})
            labels: list[bool | None] = []
            categories: list[str | None] = []
            for k in kinds:
                if k == {"content"}:
                    labels.append(False)
                    categories.append(None)
                elif "content" not in k and len(k) == 1:
                    labels.append(True)
                    categories.append(next(iter(k)))
                else:
                    labels.append(None)
                    categories.append(None)
            pages.append(
                Page(
                    "synthetic",
                    rec["id"],
                    rec["id"],
                    split_of(rec["id"]),
                    lines,
                    labels,
                    categories,
                )
            )
    return pages


def load_all() -> dict[str, list[Page]]:
    """Every available set, by name."""
    out = {
        "scraped": load_scraped(),
        "clusters": [p for p in load_scraped(CLUSTERS, "clusters") if p.split == "test"],
        "dev": load_dev(),
        "readability": load_lines("readability"),
        "dragnet": load_lines("dragnet"),
        "synthetic": load_synthetic(),
    }
    return {k: v for k, v in out.items() if v}
