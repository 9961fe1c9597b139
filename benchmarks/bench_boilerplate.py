"""Boilerplate stripping: accuracy on held-out labelled lines beside C4's rules, and speed.

Systems, on the same lines in the same run:

* ``keep all``: nothing removed (the floor for furniture recall);
* ``C4 line rules``: keep a line that ends in terminal punctuation, has at
  least 3 words and contains none of "javascript", "cookie", "{", "lorem
  ipsum", "terms of use", "privacy policy" (Raffel et al. 2020);
* ``rule table``: textclean's wording rules and layout signals alone
  (``classify_lines(model=None)``);
* ``line model``: the default ``boilerplate`` step (model, rules as features,
  sentence cuts);
* ``line model + corpus``: the step, then the ``boilerplate_templates``
  stage over the whole set with each page's site as its source.

Sets (`boilerplate_sets`): only the ``test`` split of each, which nothing was
fitted on, plus the dev set's neighbourhood (K lines around the article) and
whole pages. Scores: content precision/recall/F1 (content is what a user
keeps), furniture removed (micro), and per document the mean share of
furniture removed and of content kept. Speed: lines per CPU-second of
`classify_lines` on lines it has never seen, beside C4's rules.

    python benchmarks/bench_boilerplate.py            # all sets
    python benchmarks/bench_boilerplate.py --no-write # print only
"""

from __future__ import annotations

import argparse
import gzip
import os
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import orjson
from boilerplate_sets import Page, load_all, load_intl
from report import markdown_table, write_section

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textclean.boilerplate import classify_lines, line_memo  # noqa: E402
from textclean.boilerplate.classify import builtin_rules  # noqa: E402
from textclean.boilerplate.line_words import IDEOGRAPH  # noqa: E402
from textclean.boilerplate.rules import RuleSet  # noqa: E402
from textclean.boilerplate.templates import BoilerplateTemplates  # noqa: E402
from textclean.document import Document  # noqa: E402

C4_END = (".", "?", "!", '"', "'", "”", "’")
C4_BANNED = ("javascript", "cookie", "{", "lorem ipsum", "terms of use", "privacy policy")
#: Per line: None when kept, else the category it was removed as.
Removal = list[str | None]
#: Scraper-output sets the shipped model was fitted without, whatever their split, with
#: what they are: each is scored whole as one more held-out view.
UNFITTED = {"scraped-news-10": "scraped, news-please output"}


def unfitted_pages(scraped: list[Page], name: str) -> list[Page]:
    """The pages of the scraper-output set ``name`` (`UNFITTED`), by their ids."""
    path = ROOT / "benchmarks" / "data" / name / "lines.jsonl.gz"
    if not path.exists():
        return []
    with gzip.open(path, "rb") as fh:
        ids = {orjson.loads(line)["id"] for line in fh}
    return [p for p in scraped if p.id in ids]


def c4_keep(line: str) -> bool:
    """C4's line rules, as datatrove applies them per line."""
    text = line.strip()
    low = text.lower()
    return text.endswith(C4_END) and len(text.split()) >= 3 and not any(b in low for b in C4_BANNED)


def removed_by(verdicts, lines: list[str]) -> Removal:
    """A line counts as removed when its verdict drops it or cuts cover half of it."""
    out: Removal = []
    for line, v in zip(lines, verdicts, strict=True):
        if not v.keep:
            out.append(v.category or "other")
            continue
        covered = sum(c.end - c.start for c in v.cuts)
        out.append(v.cuts[0].category if v.cuts and covered * 2 >= len(line.strip()) else None)
    return out


def system_keep_all(page: Page) -> Removal:
    return [None] * len(page.lines)


def system_c4(page: Page) -> Removal:
    return [None if c4_keep(line) else "c4" for line in page.lines]


def system_rules(page: Page) -> Removal:
    return removed_by(classify_lines(page.lines, model=None), page.lines)


def system_model(page: Page) -> Removal:
    return removed_by(classify_lines(page.lines), page.lines)


def with_corpus(pages: list[Page]) -> dict[str, Removal]:
    """The step per page, then the corpus stage over all pages, sites as sources.

    A line counts as removed by the stage when the stage's output no longer
    holds it as a line of its own.
    """
    first = {p.id: system_model(p) for p in pages}
    docs = []
    for p in pages:
        kept = [line for line, gone in zip(p.lines, first[p.id], strict=True) if gone is None]
        docs.append(Document(p.id, "\n".join(kept), {"source": p.site}))
    out = {}
    stage = BoilerplateTemplates(source_field="source")
    for p, doc in zip(pages, stage.pipe(iter(docs)), strict=True):
        remaining = Counter(getattr(doc, "text", "").split("\n"))
        removal = list(first[p.id])
        for i, line in enumerate(p.lines):
            if removal[i] is not None:
                continue
            if remaining[line] > 0:
                remaining[line] -= 1
            else:
                removal[i] = "template"
        out[p.id] = removal
    return out


SYSTEMS: dict[str, Callable[[Page], Removal]] = {
    "keep all": system_keep_all,
    "C4 line rules": system_c4,
    "rule table": system_rules,
    "line model": system_model,
}


def scores(pages: list[Page], removals: dict[str, Removal], scope=None) -> list[float]:
    """Content P/R/F1, furniture removed, and per-document furniture removed / content kept."""
    tp = fp = fn = fur = fur_gone = 0
    doc_fur, doc_keep = [], []
    for p in pages:
        removal = removals[p.id]
        lo, hi = scope(p) if scope else (0, len(p.lines))
        f = fg = c = ck = 0
        for i in range(lo, hi):
            label = p.labels[i]
            if label is None or not p.lines[i].strip():
                continue
            kept = removal[i] is None
            if label:
                f += 1
                fg += not kept
            else:
                c += 1
                ck += kept
            tp += kept and not label
            fp += kept and label
            fn += (not kept) and not label
        fur += f
        fur_gone += fg
        if f:
            doc_fur.append(fg / f)
        if c:
            doc_keep.append(ck / c)
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    mean = lambda xs: sum(xs) / len(xs) if xs else float("nan")  # noqa: E731
    return [prec, rec, f1, fur_gone / fur if fur else float("nan"), mean(doc_fur), mean(doc_keep)]


def neighbourhood(k: int):
    def scope(p: Page) -> tuple[int, int]:
        body = [i for i, lab in enumerate(p.labels) if lab is False]
        return (max(0, body[0] - k), min(len(p.lines), body[-1] + k + 1)) if body else (0, 0)

    return scope


def category_recall(pages: list[Page], removals: dict[str, dict[str, Removal]]) -> list[list]:
    """Per furniture category of the sets that name one: items, and share removed per system."""
    total: Counter = Counter()
    gone: dict[str, Counter] = {name: Counter() for name in removals}
    for p in pages:
        for i, cat in enumerate(p.categories):
            if not p.labels[i] or cat is None:
                continue
            total[cat] += 1
            for name, rem in removals.items():
                gone[name][cat] += rem[p.id][i] is not None
    return [
        [cat, total[cat], *(gone[name][cat] / total[cat] for name in removals)]
        for cat in sorted(total)
    ]


#: The systems the set-by-set table shows.
BY_SET = ("C4 line rules", "line model", "line model + corpus")


def by_set(pages: list[Page], removals: dict[str, dict[str, Removal]]) -> list[list]:
    """Per-document furniture removed and content kept, for each set the pages come from."""
    rows = []
    for origin in sorted({p.origin for p in pages}, key=_set_order):
        group = [p for p in pages if p.origin == origin]
        row: list = [origin, len(group)]
        for system in BY_SET:
            row += scores(group, removals[system])[4:6]
        rows.append(row)
    return rows


def unspaced_pages(sets: dict[str, list[Page]]) -> list[Page]:
    """Labelled pages mostly in Chinese or Japanese (over 30% of their letters ideographs),
    from every set and both splits: too few for a held-out view of their own."""
    pages = []
    for name in ("scraped", "clusters", "dev", "readability", "dragnet", "intl"):
        for page in sets.get(name, []):
            text = "\n".join(page.lines)
            letters = sum(map(str.isalpha, text))
            if letters and len(IDEOGRAPH.findall(text)) > 0.3 * letters:
                pages.append(page)
    return pages


def unspaced_rows(pages: list[Page]) -> list[list]:
    """Scores of C4's rules and the line model on `unspaced_pages`, split by split."""
    rows = []
    for split in ("test", "train"):
        group = [p for p in pages if p.split == split]
        for system in ("C4 line rules", "line model"):
            removals = {p.id: SYSTEMS[system](p) for p in group}
            rows.append([split, system, len(group), *scores(group, removals)])
    return rows


PROSE = ROOT / "benchmarks" / "data" / "prose-by-language" / "pages.jsonl.gz"


def prose_rows() -> list[list]:
    """Per language of `PROSE` (pages whose every line is a paragraph of prose): the
    share of lines C4's rules and the line model remove, every one of them a loss."""
    if not PROSE.exists():
        return []
    by_lang: dict[str, list[list[str]]] = {}
    with gzip.open(PROSE, "rb") as fh:
        for line in fh:
            record = orjson.loads(line)
            by_lang.setdefault(record["lang"], []).append(record["lines"])
    rows = []
    for lang, pages in sorted(by_lang.items()):
        lines = sum(map(len, pages))
        c4 = sum(1 for page in pages for line in page if not c4_keep(line))
        model = sum(1 for page in pages for v in classify_lines(page) if not v.keep)
        rows.append([lang, len(pages), lines, round(c4 / lines, 3), round(model / lines, 3)])
    return rows


def _set_order(name: str) -> tuple[int, str]:
    number = name.rsplit("-", 1)[-1]
    return (int(number) if number.isdigit() else 1, name)


def speed(pages: list[Page], warm: list[Page]) -> list[list]:
    """Lines per CPU-second on lines none of the systems has judged before.

    Each system first runs over ``warm`` (other pages), as a long run would
    have before it reaches these: patterns compiled, RE2's automaton grown.
    Nothing is remembered from line to line, so every timed line is judged.
    """
    lines = sum(len(p.lines) for p in pages)
    out = []
    # Each call gets an empty memory of the lines' own features.
    line_memo._memory = lambda table: line_memo._Memory(table)
    t0 = time.process_time()
    for p in pages:
        [c4_keep(line) for line in p.lines]
    c4 = lines / (time.process_time() - t0)
    for name, kwargs in (("rule table", {"model": None}), ("line model", {})):
        rules = RuleSet(builtin_rules().rules)
        rules.remember = lambda *args: None  # nothing remembered: every line is unseen
        for p in warm:
            classify_lines(p.lines, rules, **kwargs)
        t0 = time.process_time()
        for p in pages:
            classify_lines(p.lines, rules, **kwargs)
        rate = lines / (time.process_time() - t0)
        out.append([f"textclean {name}", rate, rate / c4])
    out.append(["C4 line rules", c4, 1.0])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", type=int, default=15, help="dev neighbourhood around the body")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()

    sets = load_all()
    if intl := load_intl():
        sets["intl"] = intl
    headers = [
        "set",
        "system",
        "pages",
        "content P",
        "content R",
        "content F1",
        "furniture removed",
        "per doc: furniture removed",
        "per doc: content kept",
    ]
    rows: list[list] = []
    categorised: dict[str, dict[str, Removal]] = {}
    categorised_pages: list[Page] = []
    scraper_pages: list[Page] = []
    scraper_removals: dict[str, dict[str, Removal]] = {}
    for name in ("scraped", "clusters", "dev", "readability", "dragnet", "synthetic", "intl"):
        if name not in sets:
            continue
        test = [p for p in sets[name] if p.split == "test"]
        removals = {s: {p.id: fn(p) for p in test} for s, fn in SYSTEMS.items()}
        removals["line model + corpus"] = with_corpus(test)
        for system, rem in removals.items():
            rows.append([f"{name} (test)", system, len(test), *scores(test, rem)])
        if name == "dev":
            scope = neighbourhood(args.k)
            for system, rem in removals.items():
                rows.append(
                    [f"dev (test), K={args.k}", system, len(test), *scores(test, rem, scope)]
                )
        if name in ("scraped", "clusters"):
            scraper_pages += test
            for system, rem in removals.items():
                scraper_removals.setdefault(system, {}).update(rem)
        if any(c for p in test for c in p.categories):
            for system, rem in removals.items():
                categorised.setdefault(system, {}).update(rem)
            categorised_pages += test
        print(f"{name}: done", file=sys.stderr)
    for name, label in UNFITTED.items():
        pages = unfitted_pages(sets.get("scraped", []), name)
        if not pages:
            continue
        removals = {s: {p.id: fn(p) for p in pages} for s, fn in SYSTEMS.items()}
        removals["line model + corpus"] = with_corpus(pages)
        for system, rem in removals.items():
            rows.append([f"{label} (not fitted)", system, len(pages), *scores(pages, rem)])
    table = markdown_table(headers, rows)
    origin_table = markdown_table(
        [
            "set",
            "pages",
            *(f"{system}: {what}" for system in BY_SET for what in ("furniture", "content")),
        ],
        by_set(scraper_pages, scraper_removals),
    )
    unspaced_table = markdown_table(["split", *headers[1:]], unspaced_rows(unspaced_pages(sets)))
    prose_table = markdown_table(
        ["language", "pages", "lines", "C4 line rules: removed", "line model: removed"],
        prose_rows(),
    )
    cat_headers = ["category", "items", *categorised]
    cat_table = markdown_table(cat_headers, category_recall(categorised_pages, categorised))
    dev_pages = sets.get("dev", [])
    warm = [p for p in sets.get("readability", []) + sets.get("synthetic", [])][:150]
    load_before = os.getloadavg()[0]
    speed_table = markdown_table(["system", "lines / CPU-s", "ratio to C4"], speed(dev_pages, warm))
    load = max(load_before, os.getloadavg()[0])
    print(table)
    print(unspaced_table)
    print(prose_table)
    print(cat_table)
    print(speed_table)
    if args.no_write:
        return
    body = (
        "Held-out lines only: each set's `test` split (by site), never used to fit the model, "
        "its threshold or any rule. `scraped` is real scraper output labelled by reading; "
        "`clusters` more of it, eight pages from each of twelve test-side sites "
        "(`benchmarks/data/scraped-news-13`), where the corpus stage finds each site's "
        "repeated furniture; "
        "`dev` the shared development pages (whole pages, and the article's neighbourhood); "
        "`readability` and `dragnet` public test pages as visible lines; `synthetic` pages "
        "assembled from furniture variants in four languages; `intl` whole news pages in 27 "
        "languages other than English (60% German) from extractors' test pages, with their gold "
        "article (`benchmarks/data/boilerplate-lines-intl`; never trained on, both splits "
        "unseen by the model, the `test` one also unseen by any design choice). Content P/R/F1 treat content "
        "as the positive class; furniture removed is over all furniture lines, and the "
        "per-document columns average each page's own shares. A `(not fitted)` set is one "
        "the shipped model was trained without, scored whole: "
        + ", ".join(f"`{label}` is `benchmarks/data/{name}`" for name, label in UNFITTED.items())
        + " (another crawler than the other scraper-output sets).\n\n"
        + table
        + "\n\nScraper output set by set (sets with a test split; per document, furniture removed "
        "and content kept). The earlier sets are news publishers' articles; "
        "`scraped-news-11` and `-14` are a hyperpartisan-news task's crawl, `-12` and `-15` "
        "the pages fact-checkers name as a claim's origin (hoax and satire sites, blogs, "
        "forums, government and legal pages), each set's README says more:\n\n"
        + origin_table
        + "\n\nPages written without spaces between words (Chinese and Japanese: over 30% of "
        "their letters are ideographs), from every set above, by split; the `train` pages "
        "were fitted on, the `test` ones were not:\n\n"
        + unspaced_table
        + "\n\nPages of prose in 21 languages and English (`benchmarks/data/prose-by-language`: "
        "paragraphs of Universal Dependencies treebanks' text, every line content, so every "
        "line removed is a loss; the set was used to design the rescaling of pages in other "
        "languages, so it is not held out):\n\n"
        + prose_table
        + "\n\nFurniture removed per category (sets that name categories, test split):\n\n"
        + cat_table
        + f"\n\nSpeed (CPU time, one core) over the {sum(len(p.lines) for p in dev_pages):,} "
        "dev lines, after a warm-up on other pages, nothing remembered between lines "
        f"(every line is judged); load average {load:.1f} on {os.cpu_count()} CPUs during the "
        "run (a loaded machine slows every row, C4's too: the ratio is the steadier number):"
        "\n\n" + speed_table
    )
    write_section("bench_boilerplate", "Boilerplate stripping", body)


if __name__ == "__main__":
    main()
