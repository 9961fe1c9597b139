"""Build ``benchmarks/data/quality/set.jsonl.gz``: clean real articles and degraded pages, labelled.

Clean (``label: keep``): professionally edited news, furniture removed by
hand: the content lines of the scraped-news sets (``benchmarks/data/
scraped-news*/``, rebuilt from pinned commits by their ``extract.py``) from
mainstream outlets (Article-Bias-Prediction, ReCOVery's reliable sources,
FakeNewsNet's real news, FakeHealth's reviewed stories); 500+ characters.
Readability's test pages give furniture only: what they hold as the article
is its extractor's expected output on regression fixtures (parser cases,
tables of contents, RFCs, manuals, encyclopedia pages, fiction), neither
edited news nor cleaned by hand. Degraded (``label: drop``), made by the generators of
`textclean.testing.degraded` from *other* real text:

- ``word_salad``, ``keyword_stuffing``, ``repeated_lines`` and
  ``snippet_soup`` (from six other articles) from the article bodies of the
  Dragnet pages (``boilerplate-lines/dragnet.jsonl.gz``) and the rest of the
  scraped-news sets (fake-news sites, press releases), one kind per source;
- ``boilerplate_only`` from the furniture lines of one Dragnet or Readability
  page, in page order: what an extractor returns when it misses the article.

Every record keeps its source's ``split`` (by site for the page sets, by
document for scraped news): ``test`` is the held-out split, never fitted on.
Each page is drawn with a `random.Random` seeded from its id, so the set is
the same on every run::

    python benchmarks/build_quality_set.py
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
from pathlib import Path

from textclean.testing import degraded

DATA = Path(__file__).resolve().parent / "data"
OUT = DATA / "quality" / "set.jsonl.gz"
PAGE_SETS = ("dragnet", "readability")
NEWS_SETS = ("scraped-news", *(f"scraped-news-{i}" for i in range(2, 9)))
MIN_CHARS = 500
#: Scraped-news sources of professionally edited news (the clean side).
EDITED = (
    "ramybaly/Article-Bias-Prediction",
    "apurvamulay/ReCOVery@86a1b9c0d02f:dataset/reliable/",
    "KaiDMML/FakeNewsNet@104f3c552527:Data/BuzzFeed/RealNewsContent/",
    "KaiDMML/FakeNewsNet@104f3c552527:Data/PolitiFact/RealNewsContent/",
    "EnyanDai/FakeHealth@ec9379de8f8f:dataset/content/HealthStory/",
)
MIN_WORDS = 120  # a degraded page needs enough source text to look like a page
MIN_FURNITURE = 12  # furniture lines a page needs to make a boilerplate-only page
SOURCE_KINDS = ("word_salad", "keyword_stuffing", "repeated_lines", "snippet_soup")


def _hash(key: str) -> int:
    return int(hashlib.sha1(key.encode()).hexdigest(), 16)


def rng_for(key: str) -> random.Random:
    return random.Random(_hash(key) % 2**64)


def read(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def pages() -> tuple[list[dict], list[dict]]:
    """Dragnet's articles (sources) and both sets' furniture pages."""
    sources, furniture = [], []
    for name in PAGE_SETS:
        for page in read(DATA / "boilerplate-lines" / f"{name}.jsonl.gz"):
            body = page["article_body"].strip()
            if name == "dragnet" and len(body.split()) >= MIN_WORDS:
                sources.append({"id": page["id"], "text": body, "split": page["split"]})
            if _hash(page["id"]) % 4 == 0:
                record = boilerplate_page(page["id"], page["lines"], page["labels"], page["split"])
                if record is not None:
                    furniture.append(record)
    return sources, furniture


def boilerplate_page(
    page_id: str, lines: list[str], labels: list[int | None], split: str
) -> dict | None:
    """Up to 60 furniture lines of one page in page order, or None when it has too few."""
    furniture = [t for t, lab in zip(lines, labels, strict=True) if lab == 0 and t.strip()]
    if len(furniture) < MIN_FURNITURE:
        return None
    rng = rng_for(page_id + "/boilerplate_only")
    start = rng.randint(0, max(0, len(furniture) - 60))
    text = "\n".join(furniture[start : start + 60])
    return _record(f"{page_id}/boilerplate_only", text, "drop", "boilerplate_only", split)


def news() -> tuple[list[dict], list[dict]]:
    """Scraped-news content: edited news (clean) and the rest (sources)."""
    clean, sources = [], []
    for name in NEWS_SETS:
        for doc in read(DATA / name / "lines.jsonl.gz"):
            text = "\n".join(
                t for t, lab in zip(doc["lines"], doc["labels"], strict=True) if lab == 1
            )
            doc_id = f"{name}:{doc['id']}"
            if doc["origin"].startswith(EDITED):
                if len(text) >= MIN_CHARS:
                    clean.append(_record(doc_id, text, "keep", "clean", doc["split"]))
            elif len(text.split()) >= MIN_WORDS:
                sources.append({"id": doc_id, "text": text, "split": doc["split"]})
    return clean, sources


def degraded_pages(articles: list[dict]) -> list[dict]:
    out = []
    by_split: dict[str, list[dict]] = {}
    for a in articles:
        by_split.setdefault(a["split"], []).append(a)
    for a in articles:
        rng = rng_for(a["id"])
        kind = SOURCE_KINDS[_hash(a["id"]) % len(SOURCE_KINDS)]
        if kind == "snippet_soup":
            others = [o["text"] for o in rng.sample(by_split[a["split"]], 6) if o is not a]
            text = degraded.snippet_soup(others, rng, snippets=rng.randint(12, 30))
        elif kind == "word_salad":
            text = degraded.word_salad(a["text"], rng, words=rng.randint(120, 400))
        else:
            text = getattr(degraded, kind)(a["text"], rng)
        out.append(_record(f"{a['id']}/{kind}", text, "drop", kind, a["split"]))
    return out


def _record(doc_id: str, text: str, label: str, kind: str, split: str) -> dict:
    return {"id": doc_id, "text": text, "label": label, "kind": kind, "split": split}


def main() -> None:
    sources, furniture = pages()
    edited, other = news()
    made = degraded_pages(sorted(sources + other, key=lambda d: d["id"]))
    records = sorted(edited + furniture + made, key=lambda r: r["id"])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        for r in records:
            out.write((json.dumps(r, ensure_ascii=False) + "\n").encode())
    counts: dict[tuple[str, str], int] = {}
    for r in records:
        counts[r["kind"], r["split"]] = counts.get((r["kind"], r["split"]), 0) + 1
    for (kind, split), n in sorted(counts.items()):
        print(f"{kind:18} {split:5} {n:5}")
    print(f"wrote {len(records)} records to {OUT}")


if __name__ == "__main__":
    main()
