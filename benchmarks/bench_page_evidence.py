"""What the page-evidence features cost inside the boilerplate step, on real pages.

The line model's `PAGE` features (`page_repeats`: where a line's words occur
again on the page; `line_shapes`: caption, credit and label shapes; the run
of headline-like lines) are computed in every round of `classify_lines`. This
script runs the step over every document of the article corpus
(`data/articles/articles.jsonl.gz`: real pages and their extracted articles)
and counts the CPU time spent in those features beside the step's whole
CPU time, in the same run.

    python benchmarks/bench_page_evidence.py            # writes its section
    python benchmarks/bench_page_evidence.py --no-write # print only
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from report import markdown_table, write_section  # noqa: E402

from textclean.boilerplate import line_features  # noqa: E402
from textclean.boilerplate.classify import classify_lines  # noqa: E402

ARTICLES = HERE / "data" / "articles" / "articles.jsonl.gz"


def load(path: Path) -> list[list[str]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line)["text"].split("\n") for line in handle if line.strip()]


def measure(docs: list[list[str]]) -> tuple[float, float, int]:
    """CPU seconds of the whole step, of the `PAGE` features within it, and their calls."""
    inner = line_features._page_features
    spent, calls = [0.0], [0]

    def timed(*args):
        t0 = time.process_time()
        inner(*args)
        spent[0] += time.process_time() - t0
        calls[0] += 1

    line_features._page_features = timed
    try:
        t0 = time.process_time()
        for lines in docs:
            classify_lines(lines)
        total = time.process_time() - t0
    finally:
        line_features._page_features = inner
    return total, spent[0], calls[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    docs = load(ARTICLES)
    for lines in docs[:5]:  # warm: the model and the rule tables load once
        classify_lines(lines)
    total, page, calls = measure(docs)
    lines = sum(len(d) for d in docs)
    rows = [
        ["documents", len(docs)],
        ["lines", lines],
        ["rounds (page feature calls)", calls],
        ["step CPU ms per document", 1000 * total / len(docs)],
        ["page features CPU ms per document", 1000 * page / len(docs)],
        ["page features share of the step", f"{page / total:.1%}"],
    ]
    table = markdown_table(["what", "value"], rows)
    print(table)
    if not args.no_write:
        write_section(
            "bench_page_evidence",
            "Boilerplate page-evidence features: CPU within the step",
            "Every document of the article corpus through `classify_lines` "
            "(the default model); the `PAGE` features (page repeats, caption "
            "and label shapes, headline runs) timed inside the same run.\n\n" + table,
        )


if __name__ == "__main__":
    main()
