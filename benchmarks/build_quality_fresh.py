"""Build ``benchmarks/data/quality/fresh.jsonl.gz``: a page-quality set from sources used nowhere else.

The limits of `quality` were fitted and inspected on ``set.jsonl.gz``; this
set is for measuring them once on text nobody chose them on. Its sources,
read from pinned commits of their public repositories:

- **BBC** (``dejanbatanjac/bbc-article-classify-bert``, the 2,225 BBC News
  stories of 2004-2005 collected by Greene and Cunningham): headline, then
  the paragraphs (UTF-8, or cp1252 where a file is not UTF-8); exact
  repeats (the collection holds some stories twice)
  are left out.
- **BASIL** (``launchnlp/BASIL``): 300 stories of the New York Times, Fox
  News and the Huffington Post, 2010-2019, stored as paragraphs of
  sentences.
- **Zyte's article-extraction benchmark**
  (``scrapinghub/article-extraction-benchmark``): 181 saved article pages and
  their hand-checked article bodies; only the page furniture of the English
  articles' pages (lines sharing nothing with the body, labelled by
  ``boilerplate-lines/build_pages.py``) is used, for ``boilerplate_only``
  pages, as the articles of the clean side are all English.

Every article of 500 characters or more is one of two things, by a hash of
its id: a clean page (``label: keep``; two in three), or the source of one
degraded page made by `textclean.testing.degraded` exactly as
``build_quality_set.py`` makes them (one in three). Each Zyte page with 12
furniture lines or more gives one ``boilerplate_only`` page (the main set
takes one page in four; this one takes all, so that kind is not the smallest
by far). Every record's ``split`` is ``fresh``. Lines are joined with single
newlines, as in the main set::

    python benchmarks/build_quality_fresh.py BBC_GIT_DIR BASIL_GIT_DIR ZYTE_GIT_DIR
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE), str(HERE / "data" / "boilerplate-lines")]

from build_pages import GitReader, decode_text, make_record  # noqa: E402
from build_quality_set import MIN_CHARS, _hash, _record, boilerplate_page, degraded_pages  # noqa: E402

from textclean.filters import detect_language  # noqa: E402

OUT = HERE / "data" / "quality" / "fresh.jsonl.gz"
SPLIT = "fresh"
BBC_COMMIT = "8265dc84e88b82b87ce7f5b2df5bbbb1159ae922"
BASIL_COMMIT = "4fdbc4f68d5ddae648990063cb6dd11424d96222"
ZYTE_COMMIT = "4a3bc979f76c0df73cb95fe272e2fc1b96f9f010"
SPACE = re.compile(r"\s+")


def bbc_text(raw: str) -> str:
    """A BBC story file (headline, blank line, paragraphs) as headline and paragraph lines."""
    return "\n".join(SPACE.sub(" ", line).strip() for line in raw.splitlines() if line.strip())


def basil_text(story: dict) -> str:
    """A BASIL story: its title, then each paragraph's sentences joined by spaces."""
    paragraphs = [" ".join(s.strip() for s in p if s.strip()) for p in story["body-paragraphs"]]
    lines = [story["title"], *paragraphs]
    return "\n".join(SPACE.sub(" ", line).strip() for line in lines if line.strip())


def articles(items: Iterable[tuple[str, str]], split: str = SPLIT) -> list[dict]:
    """(id, text) pairs as article dicts in id order: long enough, each text once."""
    out, seen = [], set()
    for doc_id, text in sorted(items):
        key = SPACE.sub(" ", text).strip().casefold()
        if len(text) < MIN_CHARS or key in seen:
            continue
        seen.add(key)
        out.append({"id": doc_id, "text": text, "split": split})
    return out


def is_clean(doc_id: str, split: str = SPLIT) -> bool:
    """Two articles in three stay clean; the third is the source of a degraded page."""
    return _hash(f"{doc_id}/{split}") % 3 != 0


def records(news: list[dict], furniture: list[dict], split: str = SPLIT) -> list[dict]:
    """Clean pages, degraded pages made from the other articles, and furniture pages, by id."""
    kept = [a for a in news if is_clean(a["id"], split)]
    clean = [_record(a["id"], a["text"], "keep", "clean", split) for a in kept]
    made = degraded_pages([a for a in news if not is_clean(a["id"], split)])
    return sorted(clean + made + furniture, key=lambda r: r["id"])


def bbc_articles(git_dir: str) -> Iterable[tuple[str, str]]:
    repo = GitReader(git_dir, BBC_COMMIT)
    for path in repo.paths("bbc/"):
        if path.endswith(".txt") and path.count("/") == 2:
            data = repo.read(path)
            if data is not None:
                yield f"bbc:{path[4:-4]}", bbc_text(decode_text(data))
    repo.close()


def basil_articles(git_dir: str) -> Iterable[tuple[str, str]]:
    repo = GitReader(git_dir, BASIL_COMMIT)
    for path in repo.paths("articles/"):
        data = repo.read(path)
        if path.endswith(".json") and data is not None:
            story = json.loads(data)
            yield f"basil:{story['source'].lower()}:{Path(path).stem}", basil_text(story)
    repo.close()


def furniture_pages(git_dir: str) -> list[dict]:
    repo = GitReader(git_dir, ZYTE_COMMIT)
    truth = json.loads(repo.read("ground-truth.json") or b"{}")
    out = []
    for key, gold in sorted(truth.items()):
        data = repo.read(f"html/{key}.html.gz")
        if data is None or detect_language(gold["articleBody"]).lang != "en":
            continue
        page = make_record(f"zyte:{key[:16]}", "zyte", gzip.decompress(data), gold["articleBody"])
        if page is not None:
            made = boilerplate_page(page["id"], page["lines"], page["labels"], SPLIT)
            if made is not None:
                out.append(made)
    repo.close()
    return out


def write(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        for r in rows:
            out.write((json.dumps(r, ensure_ascii=False) + "\n").encode())


def summarise(rows: list[dict], out: Path) -> None:
    """Print how many records each source and kind gave, and where they went."""
    counts: dict[tuple[str, str], int] = {}
    for r in rows:
        key = (r["id"].split(":")[0], r["kind"])
        counts[key] = counts.get(key, 0) + 1
    for (source, kind), n in sorted(counts.items()):
        print(f"{source:9} {kind:18} {n:5}")
    print(f"wrote {len(rows)} records to {out}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("bbc", help="git dir of dejanbatanjac/bbc-article-classify-bert")
    ap.add_argument("basil", help="git dir of launchnlp/BASIL")
    ap.add_argument("zyte", help="git dir of scrapinghub/article-extraction-benchmark")
    ap.add_argument("-o", "--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    news = articles([*bbc_articles(args.bbc), *basil_articles(args.basil)])
    rows = records(news, furniture_pages(args.zyte))
    write(args.out, rows)
    summarise(rows, args.out)


if __name__ == "__main__":
    main()
