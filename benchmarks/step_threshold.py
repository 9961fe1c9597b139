"""Choosing the line model's decision threshold from what the step does, out of fold.

The trees' line probabilities are not what a user gets: the step judges a
page in rounds until nothing more goes (neighbours are read again), vetoes
headlines, quotations and time headers, removes rule hits and repeated
lines, and cuts sentences and clauses out of kept lines. A threshold chosen
on line probabilities alone can look safe and still cut content once the
step runs. So the trainer exports, for each of its site folds, the model
fitted without that fold, runs the real step (`classify_lines`) over the
fold's pages at each threshold of `GRID`, and scores the verdicts exactly as
``bench_boilerplate.py`` scores the test splits: per document furniture
removed and content kept on scraper output, and content F1 beside C4's line
rules on every page set, whole page and around the article.

Pure scoring and choosing live here (`step_scores`, `c4_scores`,
`choose_step_threshold`); the trainer supplies the fold models.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

from bench_boilerplate import Removal, neighbourhood, removed_by, scores, system_c4
from boilerplate_sets import Page

from textclean.boilerplate import classify_lines
from textclean.boilerplate.line_model import LineModel
from textclean.boilerplate.rules import RuleSet

#: Thresholds the step is run at: coarse, to bound the cost of running it.
GRID = tuple(round(0.30 + 0.025 * i, 3) for i in range(21))  # 0.30 ... 0.80
#: Whole-page sets on which the step must beat C4, each also scored around its article.
PAGE_SETS = ("dev", "readability", "dragnet")
#: Lines kept around the article in the "around the article" view (as the benchmark's ``--k``).
AROUND = 15
#: Score names: scraper-output furniture removed and content kept, per document.
REMOVED = "scraped furniture removed"
KEPT = "scraped content kept"
CROP_SUFFIX = "#crop"

Scope = Callable[[Page], tuple[int, int]] | None
#: What a row of scores is keyed by: a threshold, or a pair of them (scraper output, whole pages).
Key = TypeVar("Key", float, tuple[float, float])


def views(pages: Sequence[Page]) -> dict[str, tuple[list[Page], Scope]]:
    """Named groups of pages to score content F1 on, with the lines each is scored over.

    Each page set gives three views: its whole pages, the same verdicts scored
    only around the article, and pages cut to the article before the step runs
    (``crop`` pages, named after the set they were cut from).
    """
    origin = {p.id: p.set for p in pages if p.set in PAGE_SETS}
    out: dict[str, tuple[list[Page], Scope]] = {}
    for name in PAGE_SETS:
        whole = [p for p in pages if p.set == name]
        cropped = [
            p
            for p in pages
            if p.set == "crop" and origin.get(p.id.removesuffix(CROP_SUFFIX)) == name
        ]
        if whole:
            out[name] = (whole, None)
            out[f"{name} around the article"] = (whole, neighbourhood(AROUND))
        if cropped:
            out[f"{name} cropped"] = (cropped, None)
    return out


def step_scores(pages: Sequence[Page], removals: Mapping[str, Removal]) -> dict[str, float]:
    """Scraper-output per-document furniture removed and content kept, and each view's content F1."""
    scraped = [p for p in pages if p.set == "scraped"]
    out: dict[str, float] = {}
    if scraped:
        *_, removed, kept = scores(scraped, removals)
        out[REMOVED], out[KEPT] = removed, kept
    for name, (group, scope) in views(pages).items():
        out[name] = scores(group, removals, scope)[2]
    return out


def c4_scores(pages: Sequence[Page]) -> dict[str, float]:
    """C4's line rules scored like the step: the floor every view's F1 must reach."""
    return step_scores(pages, {p.id: system_c4(p) for p in pages})


def step_removals(
    pages: Iterable[Page], model: LineModel, rules: RuleSet, threshold: float | None
) -> dict[str, Removal]:
    """What the step removes from each page with ``model`` at ``threshold`` (None: the
    model's own, which may depend on the page's kind)."""
    return {
        p.id: removed_by(classify_lines(p.lines, rules, model=model, threshold=threshold), p.lines)
        for p in pages
    }


def choose_step_threshold(
    table: Mapping[Key, Mapping[str, float]],
    floor: Mapping[str, float],
    keep: float,
    margin: float = 0.0,
) -> Key | None:
    """The threshold whose step removes the most scraper-output furniture per document,
    while keeping at least ``keep`` of its content per document and scoring a content
    F1 above ``floor`` (C4's) by more than ``margin`` on every view; None when no
    threshold qualifies.

    A view holds a few dozen to a few hundred pages, so a threshold that ties
    C4 out of fold is as likely as not to fall below it on other pages: the
    margin asks for a lead that such noise does not erase. Ties go to the
    higher threshold, which keeps more (for pairs, the higher first, then second).

    >>> table = {0.4: {REMOVED: 0.8, KEPT: 0.96, "dev": 0.9},
    ...          0.5: {REMOVED: 0.7, KEPT: 0.98, "dev": 0.9},
    ...          0.6: {REMOVED: 0.6, KEPT: 0.99, "dev": 0.9}}
    >>> choose_step_threshold(table, {REMOVED: 0.0, KEPT: 1.0, "dev": 0.8}, keep=0.975)
    0.5
    """
    views_ = [name for name in floor if name not in (REMOVED, KEPT)]
    best, best_removed = None, -1.0
    for t in sorted(table, reverse=True):
        row = table[t]
        if row.get(KEPT, 1.0) < keep:
            continue
        if any(row[name] <= floor[name] + margin for name in views_):
            continue
        removed = row.get(REMOVED, 0.0)
        if removed > best_removed:
            best, best_removed = t, removed
    return best


def format_table(
    table: Mapping[Key, Mapping[str, float]], floor: Mapping[str, float], chosen: Key | None
) -> str:
    """The out-of-fold step scores per threshold as text, C4's floor first, the choice marked."""
    names = [REMOVED, KEPT, *(n for n in floor if n not in (REMOVED, KEPT))]

    def row(first: str, values: Mapping[str, float]) -> str:
        cells = (f"{values.get(n, float('nan')):.3f}".rjust(len(n)) for n in names)
        return f"{first:<11}  " + "  ".join(cells)

    lines = ["threshold    " + "  ".join(names), row("C4", floor)]
    lines += [row(row_label(t), table[t]) + (" <" if t == chosen else "") for t in sorted(table)]
    return "\n".join(lines)


def row_label(key: float | tuple[float, ...]) -> str:
    """A threshold, or a pair of them, as a row label: ``0.450`` or ``0.400/0.650``."""
    return "/".join(f"{t:.3f}" for t in (key if isinstance(key, tuple) else (key,)))
