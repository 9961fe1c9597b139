"""Record the full output of the default pipeline, to prove an optimisation changes nothing.

Writes one JSON line per outcome of ``Pipeline.default(record="full")``
(text, metadata with every change record and score, or the drop with its
reason) for the shared seed articles, ``examples/corpus.jsonl``, the article
corpus and the synthetic corpus of ``bench_whole_pipeline``, then the
near-duplicate verdicts over the article corpus. ``--quality-sets`` adds the
labelled quality pages (``data/quality/*.jsonl.gz``) through the default
pipeline with ``quality`` dropping, so its drop decisions and scores are
recorded too. Compare two recordings with ``cmp``:

    python benchmarks/record_outputs.py before.jsonl
    ... change the code ...
    python benchmarks/record_outputs.py after.jsonl && cmp before.jsonl after.jsonl
"""

from __future__ import annotations

import argparse
import gzip
from collections.abc import Iterator
from pathlib import Path

import orjson

from textclean import Document, Drop, Pipeline
from textclean.registry import create

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path("/work/shared/corpus/seeds")
ARTICLES = ROOT / "benchmarks" / "data" / "articles" / "articles.jsonl.gz"
QUALITY_SETS = ROOT / "benchmarks" / "data" / "quality"


def article_docs() -> list[Document]:
    """The real article corpus (see ``data/articles/README.md``)."""
    with gzip.open(ARTICLES, "rb") as fh:
        return [Document(r["id"], r["text"], {}) for r in map(orjson.loads, fh)]


def quality_set_docs(path: Path) -> list[Document]:
    """One labelled quality set (see ``data/quality/README.md``)."""
    with gzip.open(path, "rb") as fh:
        return [Document(r["id"], r["text"], {}) for r in map(orjson.loads, fh)]


def corpora() -> Iterator[tuple[str, list[Document]]]:
    if SEEDS.is_dir():
        yield (
            "seeds",
            [Document(p.stem, p.read_text("utf-8"), {}) for p in sorted(SEEDS.glob("*.txt"))],
        )
    with open(ROOT / "examples" / "corpus.jsonl", "rb") as fh:
        yield (
            "examples",
            [
                Document(str(r.get("id", i)), r["text"], {})
                for i, r in enumerate(map(orjson.loads, fh))
            ],
        )
    yield "articles", article_docs()
    from bench_whole_pipeline import make_docs

    yield "synthetic", make_docs(1000)


def outcome_record(corpus: str, item: Document | Drop) -> bytes:
    if isinstance(item, Drop):
        doc = item.doc
        body = {"drop": [item.reason, item.step, item.detail], "id": doc.id if doc else None}
        if doc is not None:
            body["text"], body["meta"] = doc.text, doc.meta
    else:
        body = {"id": item.id, "text": item.text, "meta": item.meta}
    return orjson.dumps({"corpus": corpus, **body}, option=orjson.OPT_SORT_KEYS) + b"\n"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("output", type=Path)
    parser.add_argument(
        "--quality-sets",
        action="store_true",
        help="also record the quality sets through the default pipeline, quality dropping",
    )
    args = parser.parse_args()
    with open(args.output, "wb") as out:
        for name, docs in corpora():
            pipeline = Pipeline.default(record="full")
            for item in pipeline.outcomes(docs):
                out.write(outcome_record(name, item))
            if name == "articles":
                dedup = Pipeline([("near_dedup", create("near_dedup"))], record="full")
                for item in dedup.outcomes(docs):
                    out.write(outcome_record("articles-dedup", item))
        if args.quality_sets:
            for path in sorted(QUALITY_SETS.glob("*.jsonl.gz")):
                pipeline = Pipeline.from_steps("default(quality.drop=true)", record="full")
                for item in pipeline.outcomes(quality_set_docs(path)):
                    out.write(outcome_record(f"quality-{path.name.split('.')[0]}", item))


if __name__ == "__main__":
    main()
