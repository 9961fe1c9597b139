"""Boilerplate stripping: accuracy against C4's line rules, and speed.

Two labelled sets:

* ``dev``: ../shared/data/boilerplate-dev (181 real pages as lines; content =
  label 1, furniture = 0, null left out), scored on the article's
  neighbourhood (K lines around the body) and on the whole page;
* ``eval``: benchmarks/data/boilerplate-eval (our own pages in several
  languages, every line or sentence labelled with a category).

For each, precision/recall/F1 of *content* (what a user keeps), then recall
per furniture category on the eval set. The reference is C4's line rules
(keep a line that ends in terminal punctuation, has at least 3 words and
contains none of "javascript", "cookie", "{", "lorem ipsum", the usual policy
phrases), applied to the same lines in the same run. Speed: lines per second
of `classify_lines` and of the C4 rules over the dev pages.

    python benchmarks/bench_boilerplate.py            # both sets, ~1 minute
    python benchmarks/bench_boilerplate.py --k 30     # another neighbourhood
    python benchmarks/bench_boilerplate.py --no-write # print only
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from report import markdown_table, write_section

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textclean.boilerplate import classify_lines  # noqa: E402
from textclean.boilerplate.classify import builtin_rules  # noqa: E402
from textclean.boilerplate.rules import RuleSet  # noqa: E402

DEV = ROOT.parent / "shared" / "data" / "boilerplate-dev" / "lines.jsonl"
EVAL = ROOT / "benchmarks" / "data" / "boilerplate-eval"
C4_END = (".", "?", "!", '"', "'", "”", "’")
C4_BANNED = ("javascript", "cookie", "{", "lorem ipsum", "terms of use", "privacy policy")


def c4_keep(line: str) -> bool:
    """C4's line rules (Raffel et al. 2020), as datatrove applies them per line."""
    text = line.strip()
    low = text.lower()
    return text.endswith(C4_END) and len(text.split()) >= 3 and not any(b in low for b in C4_BANNED)


def ours_keep(lines: list[str]) -> list[bool]:
    return [v.keep for v in classify_lines(lines)]


def prf(pairs: list[tuple[bool, bool]]) -> tuple[float, float, float]:
    """Precision, recall, F1 of the positive class from (gold, predicted) pairs."""
    tp = sum(g and p for g, p in pairs)
    fp = sum(p and not g for g, p in pairs)
    fn = sum(g and not p for g, p in pairs)
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


def load_dev() -> list[dict]:
    return [json.loads(line) for line in DEV.open(encoding="utf-8")]


def dev_scores(pages: list[dict], k: int) -> dict[str, dict[str, list[tuple[bool, bool]]]]:
    """(gold, predicted) pairs per system, for the neighbourhood and the whole page."""
    out: dict[str, dict[str, list]] = {
        "neighbourhood": {"textclean": [], "c4": []},
        "page": {"textclean": [], "c4": []},
    }
    for page in pages:
        lines, labels = page["lines"], page["labels"]
        ours = ours_keep(lines)
        c4 = [c4_keep(line) for line in lines]
        body = [i for i, lab in enumerate(labels) if lab == 1]
        lo, hi = (max(0, body[0] - k), min(len(lines), body[-1] + k + 1)) if body else (0, 0)
        for i, lab in enumerate(labels):
            if lab is None:
                continue
            for scope in ("page",) + (("neighbourhood",) if lo <= i < hi else ()):
                out[scope]["textclean"].append((lab == 1, ours[i]))
                out[scope]["c4"].append((lab == 1, c4[i]))
    return out


def load_eval() -> list[dict]:
    pages = []
    for path in sorted(EVAL.glob("*.jsonl")):
        pages.extend(json.loads(line) for line in path.open(encoding="utf-8"))
    return pages


def eval_predictions(page: dict) -> list[str | None]:
    """Per labelled item, None when kept, else the category it was removed as.

    Items sharing a line are that line's sentences; an item counts as removed
    when its line is, or when cuts cover at least half of it.
    """
    lines: list[str] = []
    spans: list[tuple[int, int, int]] = []  # (line, start, end) per item
    for item in page["items"]:
        if item["line"] == len(lines) - 1:
            start = len(lines[-1]) + 1
            lines[-1] += " " + item["text"]
        else:
            start = 0
            lines.append(item["text"])
        spans.append((item["line"], start, start + len(item["text"])))
    verdicts = classify_lines(lines)
    out: list[str | None] = []
    for line, start, end in spans:
        verdict = verdicts[line]
        if not verdict.keep:
            out.append(verdict.category)
            continue
        over = [(min(end, c.end) - max(start, c.start), c.category) for c in verdict.cuts]
        covered = sum(n for n, _ in over if n > 0)
        out.append(max(over)[1] if covered * 2 >= end - start else None)
    return out


def eval_scores(pages: list[dict]) -> tuple[dict[str, list], Counter, Counter, Counter, Counter]:
    """Content pairs per system; per category: gold total, removed by us as that
    category, removed by C4, and everything we labelled with that category."""
    pairs: dict[str, list] = {"textclean": [], "c4": []}
    total: Counter = Counter()
    ours_hit: Counter = Counter()
    c4_hit: Counter = Counter()
    predicted: Counter = Counter()
    for page in pages:
        lines: dict[int, str] = {}
        for item in page["items"]:
            lines[item["line"]] = (lines.get(item["line"], "") + " " + item["text"]).strip()
        for item, removed_as in zip(page["items"], eval_predictions(page), strict=True):
            gold = item["label"] == "content"
            c4 = c4_keep(lines[item["line"]])  # C4 keeps or drops whole lines
            pairs["textclean"].append((gold, removed_as is None))
            pairs["c4"].append((gold, c4))
            if removed_as is not None:
                predicted[removed_as] += 1
            if not gold:
                total[item["label"]] += 1
                ours_hit[item["label"]] += removed_as == item["label"]
                c4_hit[item["label"]] += not c4
    return pairs, total, ours_hit, c4_hit, predicted


def speed(pages: list[dict], warm: list[dict]) -> tuple[float, float]:
    """Lines per second: textclean, C4 rules.

    textclean runs with fresh rules, warmed on other pages (``warm``, the eval
    set) so its patterns are compiled but none of the timed lines has been
    judged before: a line seen again *within* the timed pages is remembered,
    as it would be over a real crawl, but nothing from the accuracy passes is.
    """
    rules = RuleSet(builtin_rules().rules)
    for page in warm:
        classify_lines([item["text"] for item in page["items"]], rules)
    lines = sum(len(p["lines"]) for p in pages)
    t0 = time.process_time()  # CPU time: the machine may be shared
    for p in pages:
        classify_lines(p["lines"], rules)
    t1 = time.process_time()
    for p in pages:
        [c4_keep(line) for line in p["lines"]]
    t2 = time.process_time()
    return lines / (t1 - t0), lines / (t2 - t1)


def content_rows(name: str, pairs: dict[str, list]) -> list[list[object]]:
    ours, ref = prf(pairs["textclean"]), prf(pairs["c4"])
    n = sum(g for g, _ in pairs["textclean"])
    return [
        [name, "textclean", n, *ours, ours[2] / ref[2] if ref[2] else float("nan")],
        [name, "C4 line rules", n, *ref, 1.0],
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", type=int, default=15, help="neighbourhood size around the body")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()

    headers = ["set", "system", "content lines", "precision", "recall", "F1", "F1 / C4"]
    rows: list[list[object]] = []
    dev = load_dev() if DEV.exists() else []
    if dev:
        scores = dev_scores(dev, args.k)
        rows += content_rows(f"dev, neighbourhood K={args.k}", scores["neighbourhood"])
        rows += content_rows("dev, whole page", scores["page"])
    pages = load_eval()
    cat_table = ""
    if pages:
        pairs, total, ours_hit, c4_hit, predicted = eval_scores(pages)
        rows += content_rows(f"eval ({len(pages)} pages)", pairs)
        cat_rows = []
        for cat in sorted(total):
            prec = ours_hit[cat] / predicted[cat] if predicted[cat] else 1.0
            rec = ours_hit[cat] / total[cat]
            f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
            cat_rows.append([cat, total[cat], prec, rec, f1, c4_hit[cat] / total[cat]])
        cat_table = markdown_table(
            ["category", "items", "precision", "recall", "F1", "C4 removes"], cat_rows
        )
    table = markdown_table(headers, rows)
    ours_speed, c4_speed = speed(dev, pages) if dev else (float("nan"), float("nan"))
    speed_table = markdown_table(
        ["system", "lines / s", "ratio to C4"],
        [
            ["textclean classify_lines", ours_speed, ours_speed / c4_speed],
            ["C4 line rules", c4_speed, 1.0],
        ],
    )
    print(table, cat_table, speed_table, sep="\n\n")
    if not args.no_write:
        body = (
            "Content precision/recall/F1 (content = the lines a user keeps). Reference: C4's "
            "line rules on the same lines in the same run.\n\n"
            + table
            + "\n\nPer furniture category on the eval set: precision and recall of removing an "
            "item *as that category* (a share button removed as navigation counts as a miss), "
            "and the share of the category's items C4's rules drop:\n\n"
            + cat_table
            + f"\n\nSpeed (CPU time, one core) over the {sum(len(p['lines']) for p in dev):,} dev lines, "
            "none judged before (lines repeated within them are remembered, as over a crawl):\n\n"
            + speed_table
        )
        write_section("bench_boilerplate", "Boilerplate stripping", body)


if __name__ == "__main__":
    main()
