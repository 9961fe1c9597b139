"""Timed `regex` calls on real scraped text: how many the hot path still makes, and its CPU.

A `regex` call under a timeout is the one place a pattern's cost is not
bounded by construction. This counts every such call (`Pattern._guard`) while
the built-in boilerplate rules judge every line of the scraped-news sets, and
while the default pipeline cleans the article corpus and the seed articles,
with the CPU each takes; and the one-time CPU of building the rules'
existence forms (the spelled ones of `textclean.spent_conditions` among them),
which every process pays on its first lines.

    python benchmarks/bench_timed_regex.py
"""

from __future__ import annotations

import collections
import gzip
import time
from pathlib import Path

import orjson
import regex
from report import markdown_table, write_section

from textclean import Document, Pipeline
from textclean.boilerplate.classify import builtin_rules
from textclean.boilerplate.rules import STEP
from textclean.existence import existence
from textclean.patterns import Pattern, shared_pattern

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"
SEEDS = Path("/work/shared/corpus/seeds")


def count_timed_calls() -> collections.Counter:
    """Wrap the timed path so every call through it is counted by step."""
    calls: collections.Counter = collections.Counter()
    timed = Pattern._guard

    def counted(self: Pattern, call: object, text: str, *args: object) -> object:
        calls[self.step or "?"] += 1
        return timed(self, call, text, *args)

    Pattern._guard = counted  # type: ignore[method-assign]
    return calls


def scraped_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted(DATA.glob("scraped-news*/lines.jsonl.gz")):
        with gzip.open(path, "rb") as fh:
            for record in map(orjson.loads, fh):
                lines += record["lines"]
    return lines


def article_docs() -> list[Document]:
    with gzip.open(DATA / "articles" / "articles.jsonl.gz", "rb") as fh:
        docs = [Document(r["id"], r["text"], {}) for r in map(orjson.loads, fh)]
    return docs + [Document(p.stem, p.read_text("utf-8"), {}) for p in sorted(SEEDS.glob("*.txt"))]


def main() -> None:
    calls = count_timed_calls()
    rules = builtin_rules()
    spelled = [r for r in rules.rules if existence(r.pattern) is None]
    start = time.process_time()
    for rule in spelled:
        shared_pattern(rule.pattern, regex.I | regex.V0, STEP).contains("")
    build_spelled = time.process_time() - start
    start = time.process_time()
    for rule in rules.rules:
        shared_pattern(rule.pattern, regex.I | regex.V0, STEP).contains("")
    build_rest = time.process_time() - start

    rows = []
    lines = scraped_lines()
    for label in ("first pass", "second pass"):
        before = sum(calls.values())
        start = time.process_time()
        verdicts = [rules.match(line) for line in lines]
        cpu = time.process_time() - start
        condemned = sum(v is not None for v in verdicts)
        rows.append(
            [
                f"rule table, {len(lines):,} scraped-news lines ({label})",
                sum(calls.values()) - before,
                f"{condemned:,} condemned",
                cpu,
            ]
        )
    docs = article_docs()
    before = sum(calls.values())
    start = time.process_time()
    outcomes = list(Pipeline.default().outcomes(docs))
    cpu = time.process_time() - start
    kept = sum(isinstance(o, Document) for o in outcomes)
    rows.append(
        [
            f"default pipeline, {len(docs)} articles and seeds",
            sum(calls.values()) - before,
            f"{kept} kept",
            cpu,
        ]
    )
    table = markdown_table(["work", "timed regex calls", "verdicts", "CPU s"], rows)
    body = (
        f"{table}\n\nBuilding the existence forms once per process: {build_spelled:.2f} s of "
        f"CPU for the {len(spelled)} rules whose look-arounds, `\\b` or possessive runs are "
        f"spent on the characters beside them (`textclean.spent_conditions`), "
        f"{build_rest:.2f} s for the other {len(rules.rules) - len(spelled)} (outside the "
        "passes). The first pass over the lines also builds what is built on first use."
    )
    print(body)
    write_section("bench_timed_regex", "Timed regex calls on real scraped text", body)


if __name__ == "__main__":
    main()
