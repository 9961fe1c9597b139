"""Write textclean/data/code_point_scans.json: the code point scans the built-in steps ask.

Usage::

    python scripts/build_code_point_scans.py

Builds the default pipeline, cleans the example texts (each also with a
``İ``, which `regex` and RE2 fold apart, so the spelled forms are built), asks
every pattern then alive for its existence forms, and stores the answer to
every scan asked on the way (`textclean.code_point_scans`), scanned afresh,
under the installed `regex` and Unicode versions. Run it again after either
changes; until then the table is ignored and every scan is computed.
"""

from __future__ import annotations

import gc
import json
from pathlib import Path

from textclean import Document, Pipeline
from textclean.code_point_scans import TABLE_FILE, asked, table_json
from textclean.patterns import Pattern

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ("corpus.jsonl", "labelled.jsonl", "quiz-pages.jsonl")


def example_texts() -> list[str]:
    texts = []
    for name in EXAMPLES:
        for line in (ROOT / "examples" / name).read_text("utf-8").splitlines():
            text = json.loads(line).get("text")
            if isinstance(text, str):
                texts.append(text)
    return texts


def main() -> None:
    pipeline = Pipeline.default()
    texts = example_texts()
    docs = [Document(f"{n}", text, {}) for n, text in enumerate(texts)]
    docs += [Document(f"{n}-i", text + " İ", {}) for n, text in enumerate(texts)]
    list(pipeline.run(docs))
    for thing in gc.get_objects():
        if isinstance(thing, Pattern):
            thing.contains("a")
            thing.contains("İ")
    target = ROOT / "textclean" / "data" / TABLE_FILE
    target.write_text(table_json(list(asked())), "ascii")
    print(f"{len(asked())} scans -> {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
