"""Train the boilerplate line model and write textclean/data/boilerplate_model.json.

Deterministic: fixed folds, seeds and data order give the same file byte for
byte. Needs scikit-learn (the ``train`` extra); textclean itself only reads
the JSON it writes.

1. Lines of the ``train`` split of every labelled set (`boilerplate_sets`)
   are weighted so each set counts by a fixed share, not by its size.
2. Word weights (the ``lexical`` features): a logistic regression on the
   words of a line, its first word (``^w``) and its last (``$w``). The trees
   see *out-of-fold* word scores (folds by site), so they learn how far the
   words can be trusted on pages they were not fitted on.
3. Gradient-boosted trees on `line_features` (the first pass), fitted on
   the labelled lines and asked, out of fold, about every non-blank line.
4. With ``--second-pass``, a second pass: trees on the same features and
   `stacked_features` of the first pass's out-of-fold probabilities (the
   line's, its neighbours', the page's).
5. The category head: word weights per furniture category (multinomial
   logistic regression) on lines whose category is known.
6. The decision threshold, from what the step does out of fold
   (`step_threshold`): each fold's model (trees, word weights and category
   head fitted without that fold) runs the real step over the fold's pages at
   every threshold of a coarse grid; the threshold is the one whose step
   removes the most scraper-output furniture per document while keeping at
   least ``--keep-content`` of its content per document and beating C4's line
   rules on content F1 by ``--beat-c4-by`` on every page set, whole page,
   around the article and cropped to it. ``--threshold-rule lines`` picks it instead from the trees'
   out-of-fold line probabilities alone (the earlier rule, for comparison).
   With ``--page-kind``, two thresholds (`page_kind_thresholds`): one for
   scraper output, one for whole web pages (`textclean.boilerplate.page_kind`).

    python benchmarks/train_boilerplate_model.py
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from bench_boilerplate import UNFITTED, c4_keep, unfitted_pages  # noqa: E402
from boilerplate_sets import Page, load_all  # noqa: E402
from sklearn.ensemble import HistGradientBoostingClassifier  # noqa: E402
from sklearn.feature_extraction import DictVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from step_threshold import (  # noqa: E402
    GRID,
    c4_scores,
    choose_step_threshold,
    format_table,
    row_label,
    step_removals,
    step_scores,
)

from textclean.boilerplate.classify import builtin_rules  # noqa: E402
from textclean.boilerplate.line_features import (  # noqa: E402
    _EDGE,
    FEATURES,
    STACKED,
    lexicon_keys,
    line_features,
    stacked_features,
)
from textclean.boilerplate.line_model import (  # noqa: E402
    FORMAT,
    MODEL_FILE,
    VERSION,
    LineModel,
    Trees,
)
from textclean.boilerplate.page_kind import PageKind  # noqa: E402
from textclean.boilerplate.rules import CATEGORIES  # noqa: E402

OUT = HERE.parent / "textclean" / "data" / MODEL_FILE
#: Share of the training weight each set carries (renormalised over the sets present).
#: ``crop`` is the page sets cut down to the article and a few lines around it,
#: which is what a scraper emits.
SET_WEIGHT = {
    "scraped": 0.5,
    "crop": 0.2,
    "dev": 0.08,
    "dragnet": 0.04,
    "readability": 0.03,
    "synthetic": 0.15,
}
#: Features whose rise may only raise (+1) or lower (-1) the furniture score:
#: furniture words and a rule hit never argue for content, whatever the context.
MONOTONIC = {
    "lexical": 1,
    "lexical_max": 1,
    "rule_any": 1,
    "copyright": 1,
    "repeat": 1,
    "quoted": -1,
    **{f"rule_{c}": 1 for c in CATEGORIES},
}
#: Page sets (whole, and cropped to the article) on which the model must beat C4.
PAGE_SETS = ("dev", "readability", "dragnet", "crop")
#: Lines kept around the article when a page is cropped.
CROP_MARGIN = 15
#: Pages taken from the large page sets (their train split, in file order).
MAX_PAGES = {"dragnet": 300}
FOLDS = 4
TREES = 300
DEPTH = 6
LEXICON_SIZE = 20_000
#: The page-kind test (``--page-kind``): a page with at least `MIN_SHORT_LINES`
#: lines under `SHORT_WORDS` words is a whole page. On the train splits this
#: one count puts 98% of scraper-output pages on one side and 96% of the
#: development pages, 100% of Dragnet's and 71% of Readability's on the other
#: (``benchmarks/page_kind_stats.py``).
SHORT_WORDS = 5
MIN_SHORT_LINES = 10


def tokens(line: str) -> list[str]:
    """The words the lexicon is keyed on, as `line_features` looks them up."""
    return lexicon_keys([w.strip(_EDGE) for w in line.lower().split()])


def rule_categories(page: Page) -> list[str | None]:
    rules = builtin_rules()
    out = []
    for line in page.lines:
        hit = rules.match(line.strip()) if line.strip() else None
        out.append(hit[0] if hit else None)
    return out


def crop(page: Page) -> Page | None:
    """A whole page cut to its article and `CROP_MARGIN` lines around it, as a scraper emits it."""
    if page.set not in ("dev", "dragnet", "readability"):
        return None
    body = [i for i, label in enumerate(page.labels) if label is False]
    if not body:
        return None
    lo, hi = max(0, body[0] - CROP_MARGIN), min(len(page.lines), body[-1] + CROP_MARGIN + 1)
    return Page(
        "crop",
        page.id + "#crop",
        page.site,
        page.split,
        page.lines[lo:hi],
        page.labels[lo:hi],
        page.categories[lo:hi],
    )


def fold_of(site: str) -> int:
    """The cross-validation fold of a site (so no site is on both sides of a fold)."""
    return int(hashlib.md5(site.encode()).hexdigest(), 16) % FOLDS


def fit_lexicon(rows: list[tuple[list[str], bool, float]]) -> dict[str, float]:
    """Word weights from (tokens, furniture?, weight) rows; words seen in fewer than 3 lines are left out."""
    df = Counter(t for toks, _, _ in rows for t in set(toks))
    vocab = sorted(t for t, n in df.items() if n >= 3)
    index = {t: i for i, t in enumerate(vocab)}
    vec = DictVectorizer(dtype=np.float64)
    vec.fit([{t: 1.0 for t in vocab}])
    X = _int32(vec.transform([{t: 1.0 for t in toks if t in index} for toks, _, _ in rows]))
    y = np.array([label for _, label, _ in rows])
    w = np.array([weight for _, _, weight in rows])
    model = LogisticRegression(C=0.5, max_iter=2000, solver="liblinear")
    model.fit(X, y, sample_weight=w / w.mean())
    coef = model.coef_[0]
    names = vec.get_feature_names_out()
    order = np.argsort(-np.abs(coef), kind="stable")[:LEXICON_SIZE]
    return {str(names[i]): round(float(coef[i]), 4) for i in order if abs(coef[i]) >= 0.05}


def _int32(X):
    """liblinear takes 32-bit sparse indices only."""
    X = X.tocsr()
    X.indices = X.indices.astype(np.int32)
    X.indptr = X.indptr.astype(np.int32)
    return X


def labelled_rows(
    pages: list[Page], weights: dict[str, float]
) -> list[tuple[list[str], bool, float]]:
    return [
        (tokens(line), bool(label), weights[p.set])
        for p in pages
        for line, label in zip(p.lines, p.labels, strict=True)
        if label is not None and line.strip()
    ]


def matrix(pages: list[Page], lexicon: dict[str, float], rules: dict[str, list]):
    """Features of the non-blank lines of ``pages``, with their labels (1 furniture,
    0 content, -1 unlabelled), set names, C4's verdicts, page numbers and furniture
    categories."""
    xs, ys, sets, c4, page, cats = [], [], [], [], [], []
    for k, p in enumerate(pages):
        X = line_features(p.lines, rules[p.id], lexicon)
        for i, label in enumerate(p.labels):
            if p.lines[i].strip():
                xs.append(X[i])
                ys.append(-1 if label is None else int(label))
                sets.append(p.set)
                c4.append(c4_keep(p.lines[i]))
                page.append(k)
                cats.append(p.categories[i] or "")
    return np.array(xs), np.array(ys), sets, c4, page, cats


def stacked(X: np.ndarray, p: np.ndarray, page: np.ndarray) -> np.ndarray:
    """``X`` beside `stacked_features` of first-pass probabilities ``p``, page by page
    (rows of a page are contiguous and in page order)."""
    starts = np.flatnonzero(np.diff(page, prepend=-1))
    ends = np.append(starts[1:], len(page))
    near = np.vstack([stacked_features(p[a:b]) for a, b in zip(starts, ends, strict=True)])
    return np.hstack([X, near])


def out_of_fold(X, y, w, fold_index, monotonic) -> tuple[np.ndarray, list]:
    """P(furniture) of every row from trees fitted on the labelled rows of the other folds,
    and those trees, fold by fold."""
    p = np.zeros(len(y))
    labelled = y >= 0
    fitted = []
    for k in range(FOLDS):
        fit = labelled & (fold_index != k)
        gb = trees(monotonic).fit(X[fit], y[fit], sample_weight=w[fit])
        p[fold_index == k] = gb.predict_proba(X[fold_index == k])[:, 1]
        fitted.append(gb)
    return p, fitted


def trees(monotonic: list[int]) -> HistGradientBoostingClassifier:
    return HistGradientBoostingClassifier(
        max_iter=TREES,
        max_depth=DEPTH,
        learning_rate=0.1,
        min_samples_leaf=20,
        l2_regularization=1.0,
        early_stopping=False,
        random_state=0,
        monotonic_cst=monotonic,
    )


def content_f1(keep: np.ndarray, y: np.ndarray) -> float:
    """F1 of content (the lines a user keeps) from keep verdicts and furniture labels."""
    tp = (keep & ~y).sum()
    precision = tp / max(keep.sum(), 1)
    recall = tp / max((~y).sum(), 1)
    return 0.0 if tp == 0 else float(2 * precision * recall / (precision + recall))


def choose_threshold(
    p: np.ndarray, y: np.ndarray, sets: list[str], c4: np.ndarray, keep: float
) -> float:
    """The most scraper-output furniture removed, under two conditions.

    At least ``keep`` of scraper-output content lines stay, and on every page
    set the content F1 is at least that of C4's line rules on the same lines
    (out-of-fold, so neither is judged on lines it was fitted on).
    """
    names = np.array(sets)
    scraped = names == "scraped"
    pages = [name for name in PAGE_SETS if (names == name).any()]
    floor = {name: content_f1(c4[names == name], y[names == name]) for name in pages}
    best, best_recall = None, -1.0
    for t in np.round(np.arange(0.30, 0.96, 0.01), 2):
        kept = p < t
        if scraped.any() and kept[scraped & ~y].mean() < keep:
            continue
        if any(content_f1(kept[names == n], y[names == n]) < floor[n] for n in pages):
            continue
        recall = (~kept[scraped & y]).mean() if scraped.any() else (~kept[y]).mean()
        if recall > best_recall:
            best, best_recall = float(t), recall
    if best is None:
        raise SystemExit("no threshold keeps enough content and beats C4 on every page set")
    return best


def page_set_report(p: np.ndarray, y: np.ndarray, sets: list[str], c4: np.ndarray, t: float):
    """Each page set's content F1 at threshold ``t`` beside C4's, out of fold."""
    names = np.array(sets)
    for name in PAGE_SETS:
        mask = names == name
        if mask.any():
            print(
                f"out-of-fold {name}: content F1 {content_f1(p[mask] < t, y[mask]):.3f}, "
                f"C4 {content_f1(c4[mask], y[mask]):.3f}",
                file=sys.stderr,
            )


def export(gb: HistGradientBoostingClassifier) -> dict[str, np.ndarray]:
    """The fitted trees as padded (trees, nodes) arrays, numbered breadth first.

    Children are numbered so the right child of every inner node is its left
    child plus one (what `LineModel.probabilities` relies on); a leaf points
    at itself and never moves. The trees are read from the fitted model's
    predictors (leaf values already carry the learning rate).
    """
    fitted = [predictors[0].nodes for predictors in gb._predictors]
    width = max(len(t) for t in fitted)
    n = len(fitted)
    feature = np.zeros((n, width), dtype=np.int64)
    threshold = np.full((n, width), np.inf)
    left = np.tile(np.arange(width), (n, 1))
    right = left.copy()
    value = np.zeros((n, width))
    for k, nodes in enumerate(fitted):
        order = [0]  # breadth first, children side by side
        new_id = {0: 0}
        for old in order:
            if not nodes["is_leaf"][old]:
                for child in (nodes["left"][old], nodes["right"][old]):
                    new_id[int(child)] = len(order)
                    order.append(int(child))
        for old in order:
            i = new_id[old]
            if nodes["is_leaf"][old]:
                value[k, i] = nodes["value"][old]
            else:
                feature[k, i] = nodes["feature_idx"][old]
                threshold[k, i] = nodes["num_threshold"][old]
                left[k, i] = new_id[int(nodes["left"][old])]
                right[k, i] = new_id[int(nodes["right"][old])]
    return {
        "feature": feature,
        "threshold": threshold,
        "left": left,
        "right": right,
        "value": value,
    }


def as_trees(gb: HistGradientBoostingClassifier) -> Trees:
    """The fitted trees as one pass of a `LineModel`."""
    arrays = export(gb)
    return Trees(
        arrays["feature"],
        arrays["threshold"],
        arrays["left"],
        arrays["right"],
        arrays["value"],
        float(np.ravel(gb._baseline_prediction)[0]),
        DEPTH,
    )


def category_head(pages: list[Page], rules: dict[str, list]):
    """Per-category word weights from lines whose furniture category is known."""
    rows, cats = [], []
    for p in pages:
        for i, (line, label) in enumerate(zip(p.lines, p.labels, strict=True)):
            if not label or not line.strip():
                continue
            category = p.categories[i] or rules[p.id][i]
            if category:
                rows.append({t: 1.0 for t in tokens(line)})
                cats.append(category)
    counts = Counter(cats)
    keep = sorted(c for c, n in counts.items() if n >= 5)
    pairs = [(r, c) for r, c in zip(rows, cats, strict=True) if c in keep]
    vec = DictVectorizer(dtype=np.float64)
    X = _int32(vec.fit_transform([r for r, _ in pairs]))
    y = [c for _, c in pairs]
    model = LogisticRegression(C=1.0, max_iter=3000)
    model.fit(X, y)
    names = vec.get_feature_names_out()
    lexicon = {}
    for j, name in enumerate(names):
        column = model.coef_[:, j]
        if np.abs(column).max() >= 0.1:
            lexicon[str(name)] = [round(float(v), 4) for v in column]
    return list(model.classes_), [round(float(b), 4) for b in model.intercept_], lexicon, counts


def line_model(first, second, threshold, lexicon, head, info=None) -> LineModel:
    """A `LineModel` from fitted trees (``second`` may be None), word weights and a category head."""
    classes, bias, category_lexicon, _ = head
    return LineModel(
        features=FEATURES,
        first=as_trees(first),
        decision_threshold=threshold,
        lexicon=lexicon,
        categories=tuple(classes),
        category_lexicon={k: np.array(v) for k, v in category_lexicon.items()},
        category_bias=np.array(bias),
        second=None if second is None else as_trees(second),
        info=info or {},
    )


def step_threshold(
    folds: list[list[Page]],
    models: list[LineModel],
    keep: float,
    margin: float,
    save: Path | None = None,
) -> float:
    """The threshold chosen from the real step's out-of-fold verdicts (see `step_threshold`).

    Each fold's pages are judged by the model fitted without that fold, at
    every threshold of `GRID`; scores pool all folds' pages. ``save`` also
    writes the scores and C4's as JSON.
    """
    rules = builtin_rules()
    pages = [p for fold in folds for p in fold]
    table = {}
    start = time.process_time()
    for t in GRID:
        removals = {}
        for fold, model in zip(folds, models, strict=True):
            removals.update(step_removals(fold, model, rules, t))
        table[t] = step_scores(pages, removals)
        print(f"step at {t}: done", file=sys.stderr)
    print(
        f"step over {len(GRID)} thresholds: {time.process_time() - start:.0f} CPU-s",
        file=sys.stderr,
    )
    floor = c4_scores(pages)
    chosen = choose_step_threshold(table, floor, keep, margin)
    if save is not None:
        scores = {"C4": floor, **{str(t): row for t, row in table.items()}}
        save.write_text(json.dumps(scores, indent=1) + "\n", encoding="utf-8")
    print("out-of-fold step scores:\n" + format_table(table, floor, chosen), file=sys.stderr)
    if chosen is None:
        raise SystemExit("no threshold keeps enough content and beats C4 on every view")
    return chosen


#: Scraper-output thresholds tried with ``--page-kind`` (the whole-page one
#: runs over every other step of `GRID` from there up).
SCRAPER_GRID = tuple(t for t in GRID if 0.35 <= t <= 0.55)


def page_kind_thresholds(
    folds: list[list[Page]],
    models: list[LineModel],
    keep: float,
    margin: float,
    save: Path | None = None,
) -> tuple[float, float]:
    """The scraper-output and whole-page thresholds, from the real step's out-of-fold verdicts.

    The step runs with each pair (scraper output at a threshold of
    `SCRAPER_GRID`, whole pages at one no lower, every other step of `GRID`)
    over every page; the pair is chosen by the step rule
    (`choose_step_threshold`): the most scraper-output furniture removed per
    document while keeping ``keep`` of its content and leading C4 by
    ``margin`` on every view. Each round of the step tests the lines it has
    left, so a whole page stripped of its menus is judged at the
    scraper-output threshold: the pair is judged on what the step does.
    """
    rules = builtin_rules()
    pages = [p for fold in folds for p in fold]
    start = time.process_time()
    table = {}
    for own in SCRAPER_GRID:
        for whole in [own, *(t for t in GRID[::2] if t > own)]:
            kind = PageKind(SHORT_WORDS, MIN_SHORT_LINES, whole)
            removals = {}
            for fold, model in zip(folds, models, strict=True):
                both = replace(model, decision_threshold=own, page_kind=kind)
                removals.update(step_removals(fold, both, rules, None))
            table[own, whole] = step_scores(pages, removals)
        print(f"step at {own} for scraper output: done", file=sys.stderr)
    print(f"step with two thresholds: {time.process_time() - start:.0f} CPU-s", file=sys.stderr)
    floor = c4_scores(pages)
    chosen = choose_step_threshold(table, floor, keep, margin)
    if save is not None:
        scores = {"C4": floor, **{row_label(pair): row for pair, row in table.items()}}
        save.write_text(json.dumps(scores, indent=1) + "\n", encoding="utf-8")
    print(
        "out-of-fold step scores by threshold (scraper output/whole pages):\n"
        + format_table(table, floor, chosen),
        file=sys.stderr,
    )
    if chosen is None:
        raise SystemExit("no pair of thresholds keeps enough content and beats C4 on every view")
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--keep-content",
        type=float,
        help="least scraper-output content kept (default: 0.975 per document with the step "
        "rule, 0.97 of lines with the line rule)",
    )
    parser.add_argument(
        "--threshold-rule",
        choices=("step", "lines"),
        default="step",
        help="choose the threshold from the step's out-of-fold verdicts, or from the "
        "trees' out-of-fold line probabilities",
    )
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--beat-c4-by",
        type=float,
        default=0.02,
        help="with the step rule, the content F1 lead over C4 every view must have",
    )
    parser.add_argument("--oof", type=Path, help="also save out-of-fold predictions (.npz)")
    parser.add_argument(
        "--step-scores", type=Path, help="also save the step's out-of-fold scores (.json)"
    )
    parser.add_argument("--sets", nargs="*", help="train on these sets only (default: all)")
    parser.add_argument(
        "--second-pass", action="store_true", help="also fit the second pass (stacked_features)"
    )
    parser.add_argument(
        "--page-kind",
        action="store_true",
        help="with the step rule, a second threshold for whole web pages (page_kind)",
    )
    parser.add_argument(
        "--thresholds",
        type=float,
        nargs="+",
        metavar="T",
        help="write the model with these thresholds instead of searching: scraper output, "
        "and with --page-kind whole pages",
    )
    args = parser.parse_args()

    sets = load_all()
    # Another crawler's pages stay out of training whole: the benchmark scores them
    # as a view no fitting has seen (`bench_boilerplate.UNFITTED`).
    held_out = {p.id for name in UNFITTED for p in unfitted_pages(sets.get("scraped", []), name)}
    train = [
        p
        for name in sorted(sets)
        for p in [q for q in sets[name] if q.split == "train" and q.id not in held_out][
            : MAX_PAGES.get(name)
        ]
    ]
    train += [c for c in map(crop, train) if c is not None]
    if args.sets:
        train = [p for p in train if p.set in args.sets]
    present = {p.set for p in train}
    sizes = Counter(p.set for p in train for lab in p.labels if lab is not None)
    total = sum(SET_WEIGHT[s] for s in present)
    weights = {s: SET_WEIGHT[s] / total / sizes[s] * 1e4 for s in present}
    print("training lines per set:", dict(sorted(sizes.items())), file=sys.stderr)
    rules = {p.id: rule_categories(p) for p in train}

    folds = [[p for p in train if fold_of(p.site) == k] for k in range(FOLDS)]
    parts, fold_lexicons = [], []
    for k in range(FOLDS):
        rest = [p for j in range(FOLDS) if j != k for p in folds[j]]
        lexicon = fit_lexicon(labelled_rows(rest, weights))
        fold_lexicons.append(lexicon)
        parts.append(matrix(folds[k], lexicon, rules))
    X = np.vstack([part[0] for part in parts])
    y = np.concatenate([part[1] for part in parts])
    oof_sets = [name for part in parts for name in part[2]]
    c4_all = np.array([v for part in parts for v in part[3]], dtype=bool)
    cats_all = np.array([c for part in parts for c in part[5]])
    ids_all = np.array([folds[k][j].id for k, part in enumerate(parts) for j in part[4]])
    offsets = np.cumsum([0] + [len(f) for f in folds])
    page = np.concatenate(
        [np.asarray(part[4], dtype=np.int64) + offsets[k] for k, part in enumerate(parts)]
    )
    fold_index = np.concatenate([np.full(len(part[1]), k) for k, part in enumerate(parts)])
    w = np.array([weights[s] for s in oof_sets])
    first_monotonic = [MONOTONIC.get(name, 0) for name in FEATURES]
    second_monotonic = first_monotonic + [0] * len(STACKED)

    # Out-of-fold first-pass probabilities feed the second pass; its own
    # out-of-fold predictions pick the threshold.
    p_first, fold_first = out_of_fold(X, y, w, fold_index, first_monotonic)
    X2 = stacked(X, p_first, page)
    if not args.second_pass:
        p_oof, fold_second = p_first, [None] * FOLDS
    else:
        p_oof, fold_second = out_of_fold(X2, y, w, fold_index, second_monotonic)
    labelled = y >= 0
    y = y[labelled] == 1
    page_kind = None
    oof_sets = [name for name, keep in zip(oof_sets, labelled, strict=True) if keep]
    c4 = c4_all[labelled]
    if args.oof:
        np.savez(
            args.oof,
            p=p_oof[labelled],
            p_first=p_first[labelled],
            y=y,
            sets=np.array(oof_sets),
            c4=c4,
            category=cats_all[labelled],
            page_id=ids_all[labelled],
        )
    if args.thresholds:
        threshold = args.thresholds[0]
        if args.page_kind:
            if len(args.thresholds) != 2:
                raise SystemExit("--page-kind needs two --thresholds: scraper output, whole pages")
            page_kind = PageKind(SHORT_WORDS, MIN_SHORT_LINES, args.thresholds[1])
    elif args.threshold_rule == "lines":
        keep = 0.97 if args.keep_content is None else args.keep_content
        threshold = choose_threshold(p_oof[labelled], y, oof_sets, c4, keep)
    else:
        keep = 0.975 if args.keep_content is None else args.keep_content
        fold_models = []
        for k in range(FOLDS):
            rest = [p for j in range(FOLDS) if j != k for p in folds[j]]
            head = category_head(rest, rules)
            fold_models.append(
                line_model(fold_first[k], fold_second[k], 0.5, fold_lexicons[k], head)
            )
        if args.page_kind:
            threshold, whole_page = page_kind_thresholds(
                folds, fold_models, keep, args.beat_c4_by, args.step_scores
            )
            page_kind = PageKind(SHORT_WORDS, MIN_SHORT_LINES, whole_page)
        else:
            threshold = step_threshold(folds, fold_models, keep, args.beat_c4_by, args.step_scores)
    page_set_report(p_oof[labelled], y, oof_sets, c4, threshold)
    for name in sorted(set(oof_sets)):
        mask = np.array(oof_sets) == name
        keep = (p_oof[labelled][mask & ~y] < threshold).mean()
        recall = (p_oof[labelled][mask & y] >= threshold).mean()
        print(
            f"out-of-fold {name}: content kept {keep:.3f}, furniture removed {recall:.3f}",
            file=sys.stderr,
        )

    gb = trees(first_monotonic).fit(X[labelled], y, sample_weight=w[labelled])
    gb_second = (
        None
        if not args.second_pass
        else trees(second_monotonic).fit(X2[labelled], y, sample_weight=w[labelled])
    )
    lexicon = fit_lexicon(labelled_rows(train, weights))
    head = category_head(train, rules)
    model = line_model(
        gb,
        gb_second,
        threshold,
        lexicon,
        head,
        info={
            "trained_on": {s: sizes[s] for s in sorted(present)},
            "set_weight": {s: SET_WEIGHT[s] for s in sorted(present)},
            "trees": TREES,
            "depth": DEPTH,
            "category_lines": dict(sorted(head[3].items())),
            "threshold_rule": ("given" if args.thresholds else args.threshold_rule)
            + (", page kind" if page_kind else ""),
        },
    )
    model = replace(model, page_kind=page_kind)
    data = model.to_json()
    assert data["format"] == FORMAT and data["version"] == VERSION
    check = LineModel.from_json(data)
    p_check = check.probabilities(X[:2000])
    assert np.allclose(p_check, gb.predict_proba(X[:2000])[:, 1], atol=1e-6), "export mismatch"
    if gb_second is not None:
        assert check.second is not None
        p_check = check.second.probabilities(X2[:2000])
        assert np.allclose(p_check, gb_second.predict_proba(X2[:2000])[:, 1], atol=1e-6), (
            "export mismatch"
        )
    args.out.write_text(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(
        f"wrote {args.out} ({args.out.stat().st_size // 1024} KB), threshold {threshold}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
