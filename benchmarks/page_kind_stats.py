"""How well page-level statistics tell scraper output from whole pages.

Scraper output (article text with furniture inline) is mostly paragraphs;
the visible lines of a whole web page hold long runs of short navigation
lines. For each statistic this prints, on the ``train`` split of each set,
its median, and the single cut that best separates scraper-output pages
from whole pages (development, Readability, Dragnet): the balanced accuracy
(mean of the two kinds' shares on their own side) and where the pages cut
to their article (``crop``) fall.

    python benchmarks/page_kind_stats.py
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from boilerplate_sets import Page, load_all  # noqa: E402
from train_boilerplate_model import crop  # noqa: E402

WHOLE = ("dev", "readability", "dragnet")
_TERMINAL = tuple(".!?…\"'”’")


def _words(page: Page) -> np.ndarray:
    return np.array([len(x.split()) for x in page.lines if x.strip()] or [0])


def _ends(page: Page) -> float:
    lines = [x.strip() for x in page.lines if x.strip()]
    return sum(x.endswith(_TERMINAL) for x in lines) / max(len(lines), 1)


def _longest_short_run(page: Page, short: int = 5) -> float:
    best = run = 0
    for x in page.lines:
        if not x.strip():
            continue
        run = run + 1 if len(x.split()) < short else 0
        best = max(best, run)
    return best


STATS: dict[str, Callable[[Page], float]] = {
    "lines": lambda p: float((_words(p) > 0).sum()),
    **{
        f"share under {n} words": (lambda p, n=n: float((_words(p) < n).mean()))
        for n in (3, 4, 5, 6, 8)
    },
    "short lines (under 5 words)": lambda p: float((_words(p) < 5).sum()),
    "median words per line": lambda p: float(np.median(_words(p))),
    "share ending a sentence": _ends,
    "longest run under 5 words": _longest_short_run,
}


def best_cut(scraped: np.ndarray, whole: np.ndarray) -> tuple[float, float, str]:
    """The cut with the best balanced accuracy, and on which side whole pages lie."""
    best = (0.0, 0.0, ">")
    for cut in np.unique(np.concatenate([scraped, whole])):
        for side in (">", "<="):
            w = whole > cut if side == ">" else whole <= cut
            s = scraped <= cut if side == ">" else scraped > cut
            acc = (w.mean() + s.mean()) / 2
            if acc > best[0]:
                best = (float(acc), float(cut), side)
    return best


def main() -> None:
    sets = load_all()
    train = {name: [p for p in pages if p.split == "train"] for name, pages in sets.items()}
    crops = [c for name in WHOLE for c in map(crop, train.get(name, [])) if c is not None]
    groups = {"scraped": train["scraped"], **{n: train[n] for n in WHOLE if n in train}}
    groups["crop"] = crops
    print("pages:", {k: len(v) for k, v in groups.items()})
    header = [
        "statistic",
        *(f"{k} median" for k in groups),
        "best cut",
        "balanced acc",
        "crop whole",
    ]
    print(" | ".join(header))
    for name, stat in STATS.items():
        values = {k: np.array([stat(p) for p in v]) for k, v in groups.items()}
        whole = np.concatenate([values[n] for n in WHOLE if n in values])
        acc, cut, side = best_cut(values["scraped"], whole)
        crop_whole = (values["crop"] > cut if side == ">" else values["crop"] <= cut).mean()
        per_set = [f"{np.median(values[k]):.2f}" for k in groups]
        print(" | ".join([name, *per_set, f"{side} {cut:g}", f"{acc:.3f}", f"{crop_whole:.2f}"]))
        print(
            "    whole-page side: "
            + ", ".join(
                f"{k} {(values[k] > cut if side == '>' else values[k] <= cut).mean():.2f}"
                for k in groups
            )
        )


if __name__ == "__main__":
    main()
