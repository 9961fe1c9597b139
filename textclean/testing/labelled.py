"""A labelled keep/drop sample made from the sentence bank: clean articles and degraded pages.

Small and deterministic (a seed gives the same records), for testing
`textclean.calibrate` and for the worked example of docs/calibrate.md
(``examples/labelled.jsonl``: ``python -m textclean.testing.labelled
examples/labelled.jsonl``, 40 clean articles and 8 pages of each kind).
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from .bank import STORIES
from .degraded import (
    KINDS,
    boilerplate_only,
    keyword_stuffing,
    repeated_lines,
    snippet_soup,
    word_salad,
)
from .furniture import LINES

_FILL = {
    "name": "Maria Keller",
    "outlet": "Harbour Times",
    "agency": "AP",
    "month": "June",
    "day": "12",
    "year": "2024",
    "hour": "09",
    "hour_short": "9",
    "minute": "30",
}


def clean_article(rng: random.Random) -> str:
    """Six or more sentences of one story, in paragraphs of one to three."""
    story = STORIES[rng.choice(sorted(STORIES))]
    chosen = rng.sample(story, rng.randint(min(6, len(story)), len(story)))
    paragraphs, i = [], 0
    while i < len(chosen):
        size = rng.randint(1, 3)
        paragraphs.append(" ".join(chosen[i : i + size]))
        i += size
    return "\n".join(paragraphs)


def furniture_lines() -> list[str]:
    """The furniture templates of `textclean.testing.furniture`, filled in."""
    return [line.format(**_FILL) for lines in LINES.values() for line in lines]


def degraded_page(kind: str, rng: random.Random) -> str:
    """One page of ``kind`` (see `textclean.testing.degraded.KINDS`)."""
    if kind == "snippet_soup":
        return snippet_soup([clean_article(rng) for _ in range(4)], rng, rng.randint(12, 24))
    if kind == "boilerplate_only":
        return boilerplate_only(furniture_lines(), rng, rng.randint(20, 40))
    text = "\n".join(clean_article(rng) for _ in range(2))
    make = {"word_salad": word_salad, "keyword_stuffing": keyword_stuffing}
    return make.get(kind, repeated_lines)(text, rng)


def labelled_sample(per_kind: int = 20, clean: int = 100, seed: int = 0) -> list[dict]:
    """``clean`` articles labelled keep, ``per_kind`` pages of each degraded kind labelled drop."""
    rng = random.Random(seed)
    records = [
        {"id": f"clean-{i:03d}", "text": clean_article(rng), "label": "keep", "kind": "clean"}
        for i in range(clean)
    ]
    for kind in KINDS:
        records += [
            {
                "id": f"{kind}-{i:03d}",
                "text": degraded_page(kind, rng),
                "label": "drop",
                "kind": kind,
            }
            for i in range(per_kind)
        ]
    return records


def write_sample(path: str | Path, **kwargs: int) -> None:
    """Write `labelled_sample` as JSONL."""
    lines = [json.dumps(r, ensure_ascii=False) for r in labelled_sample(**kwargs)]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":  # python -m textclean.testing.labelled examples/labelled.jsonl
    write_sample(sys.argv[1], per_kind=8, clean=40)
