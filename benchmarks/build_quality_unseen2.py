"""Build ``benchmarks/data/quality/unseen2.jsonl.gz``: news no fit or design has read.

Every earlier page-quality set (``set``, ``fresh``, ``confirm``, ``heldout``,
``unseen``) was measured, read and fitted on; this one comes from sources used
nowhere else in textclean, was built after the last fit and is measured once.
Its sources, read at pinned commits of their public repositories:

- **Pérez-Rosas et al.'s fake news datasets** (``pmacinec/fake-news-datasets``,
  ``datasets/deception_detection_fake_news/data/``), their *legitimate* side
  only: FakeNewsAMT's news from mainstream US sites (ABC News, CNN, USA Today,
  the New York Times, Fox News, Bloomberg, CNET ...) and the Celebrity set's
  news from entertainment sections and magazines, 2018. A file is a headline,
  a blank line, then paragraphs; a page is its non-blank lines.
- **AggreFact's source documents** (``Liyan06/AggreFact``): the CNN / Daily
  Mail and XSum (BBC) articles its summaries were written from, as stored in
  ``data/AggreFact-Unified-*.xlsx`` and ``data/error_type_mapping/*.csv``
  (``doc`` column), each article once (by its origin and id). An article is
  one line, as stored. Two kinds of record are not pages and are left out, by
  a format test (`is_page`): text in lower case only or holding Penn Treebank
  bracket tokens (``-LRB-``), which is tokenized for summarisers; and text
  holding Daily Mail page furniture (``By .``, ``PUBLISHED:``, ``UPDATED:``).

Each article of 500 characters or more is one of two things, by a hash of its
id: a clean page (``label: keep``; two in three), or the source of one
degraded page made by `textclean.testing.degraded` exactly as the other sets
make them (one in three). The sources hold no page furniture, so there are no
``boilerplate_only`` pages. Every record's ``split`` is ``unseen2``; lines are
joined with single newlines, as in the other sets::

    python benchmarks/build_quality_unseen2.py FAKE_NEWS_DATASETS_GIT_DIR AGGREFACT_GIT_DIR
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from xml.etree import ElementTree

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE), str(HERE / "data" / "boilerplate-lines")]

import build_quality_fresh as fresh  # noqa: E402
from build_pages import GitReader, decode_text  # noqa: E402
from build_quality_confirm import as_lines  # noqa: E402
from build_quality_fresh import write  # noqa: E402

OUT = HERE / "data" / "quality" / "unseen2.jsonl.gz"
SPLIT = "unseen2"
PEREZ_COMMIT = "0ea4a5ccaf7698cb44ba01855295989a8e26e144"
PEREZ_DIR = "datasets/deception_detection_fake_news/data/"
AGGREFACT_COMMIT = "f0654b245232cd724d5caa5db4950abfb12d795e"
#: AggreFact's files holding source documents, in the order an article is taken from.
AGGREFACT_FILES = (
    "data/error_type_mapping/CLIFF_error_types.csv",
    "data/AggreFact-Unified-test.xlsx",
    "data/AggreFact-Unified-val.xlsx",
    "data/error_type_mapping/Goyal21_error_types.csv",
)
_FURNITURE = re.compile(r"\bBy \. |\bPUBLISHED: |\bUPDATED: ")
_SHEET = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def perez_text(raw: str) -> str:
    """A legitimate story file as its headline and paragraph lines.

    >>> perez_text("Stars  wed\\n\\nThe couple married.\\n \\nGuests came.\\n")
    'Stars wed\\nThe couple married.\\nGuests came.'
    """
    return as_lines(raw)


def is_page(text: str) -> bool:
    """Whether an AggreFact document reads as a page: not tokenized, no Daily Mail furniture.

    >>> is_page("Fans cheered as the club won the cup on Sunday.")
    True
    >>> is_page("-LRB- CNN -RRB- Fans cheered."), is_page("fans cheered as the club won.")
    (False, False)
    >>> is_page("By . Jane Doe . PUBLISHED: . 10:02 EST, 1 May 2014 . Fans cheered.")
    False
    """
    return text != text.lower() and "-LRB-" not in text and not _FURNITURE.search(text)


def perez_articles(git_dir: str) -> Iterable[tuple[str, str]]:
    repo = GitReader(git_dir, PEREZ_COMMIT)
    for path in repo.paths(PEREZ_DIR):
        parts = path[len(PEREZ_DIR) :].split("/")
        if len(parts) != 3 or parts[1] != "legit" or not parts[2].endswith(".txt"):
            continue
        dataset, _, name = parts
        data = repo.read(path)
        if data is not None:
            source = "amt" if dataset == "fakeNewsDataset" else "celebrity"
            yield f"perez-{source}:{name[:-4]}", perez_text(decode_text(data))
    repo.close()


def sheet_rows(data: bytes) -> Iterator[dict[str, str]]:
    """The rows of every sheet of an .xlsx workbook holding inline strings, by header name."""
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        sheets = sorted(n for n in book.namelist() if n.startswith("xl/worksheets/sheet"))
        for name in sheets:
            header: dict[str, str] = {}
            for row in ElementTree.fromstring(book.read(name)).iter(f"{_SHEET}row"):
                cells = {}
                for cell in row.findall(f"{_SHEET}c"):
                    column = re.match(r"[A-Z]+", cell.get("r", "")).group()  # type: ignore[union-attr]
                    inline = cell.find(f"{_SHEET}is")
                    value = cell.find(f"{_SHEET}v")
                    if inline is not None:
                        cells[column] = "".join(t.text or "" for t in inline.iter(f"{_SHEET}t"))
                    elif value is not None and value.text is not None:
                        cells[column] = value.text
                if not header:
                    header = cells
                    continue
                yield {header[c]: v for c, v in cells.items() if c in header}


def aggrefact_articles(git_dir: str) -> Iterable[tuple[str, str]]:
    repo = GitReader(git_dir, AGGREFACT_COMMIT)
    seen: set[str] = set()
    for path in AGGREFACT_FILES:
        data = repo.read(path)
        if data is None:
            continue
        if path.endswith(".csv"):
            rows: Iterable[dict[str, str]] = csv.DictReader(io.StringIO(decode_text(data)))
        else:
            rows = sheet_rows(data)
        for row in rows:
            doc, origin, doc_id = row.get("doc"), row.get("origin"), row.get("id")
            key = f"{origin}:{doc_id}"
            if not doc or not doc_id or key in seen or origin not in ("cnndm", "xsum"):
                continue
            seen.add(key)
            if is_page(doc):
                yield key, as_lines(doc)
    repo.close()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("perez", help="git dir of pmacinec/fake-news-datasets")
    ap.add_argument("aggrefact", help="git dir of Liyan06/AggreFact")
    ap.add_argument("-o", "--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    news = fresh.articles([*perez_articles(args.perez), *aggrefact_articles(args.aggrefact)], SPLIT)
    rows = fresh.records(news, [], SPLIT)
    write(args.out, rows)
    fresh.summarise(rows, args.out)


if __name__ == "__main__":
    main()
