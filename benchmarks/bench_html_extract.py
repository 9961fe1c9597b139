"""HTML main-text extractors side by side: trafilatura and resiliparse, speed and quality.

Quality is word-bag precision, recall and F1 of each extractor's text
against a reference article text per page (the reference HTML's text as lxml
reads it, so neither extractor's own text conversion is favoured). Speed is
pages per CPU-second over the same pages, parsing included.

The pages are not in this repository: point the script at a folder of
``<page>/source.html`` + ``<page>/expected.html`` pairs, such as the test
pages of mozilla/readability::

    python benchmarks/bench_html_extract.py path/to/readability/test/test-pages
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

WORD = re.compile(r"\w+")


def words(text: str) -> Counter[str]:
    return Counter(w.lower() for w in WORD.findall(text))


def f1(got: str, want: str) -> tuple[float, float, float]:
    """Word-bag precision, recall and F1 of ``got`` against ``want``."""
    g, w = words(got), words(want)
    common = sum((g & w).values())
    p = common / max(1, sum(g.values()))
    r = common / max(1, sum(w.values()))
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def reference_text(html: str) -> str:
    import lxml.html

    return lxml.html.fromstring(html).text_content()


def extractors() -> dict[str, Callable[[str], str]]:
    import trafilatura
    from resiliparse.extract.html2text import extract_plain_text

    return {
        "trafilatura": lambda h: trafilatura.extract(h, include_comments=False) or "",
        "trafilatura (precision)": lambda h: (
            trafilatura.extract(h, include_comments=False, favor_precision=True) or ""
        ),
        "resiliparse main_content": lambda h: extract_plain_text(
            h, main_content=True, alt_texts=False, links=False, list_bullets=False
        ),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pages", type=Path)
    ap.add_argument("--min-bytes", type=int, default=8000, help="skip synthetic test pages")
    ap.add_argument(
        "--then-boilerplate",
        action="store_true",
        help="also score each output after textclean's boilerplate step, as a pipeline runs it",
    )
    args = ap.parse_args()
    pages = []
    for d in sorted(args.pages.iterdir()):
        src, exp = d / "source.html", d / "expected.html"
        if src.exists() and exp.exists() and src.stat().st_size >= args.min_bytes:
            pages.append((src.read_text(errors="replace"), reference_text(exp.read_text())))
    print(f"{len(pages)} pages, {sum(len(s) for s, _ in pages) / 1e6:.1f} MB of HTML")
    print(f"{'extractor':28} {'P':>6} {'R':>6} {'F1':>6} {'F1 med':>7} {'pages/s':>8}")
    for name, extract in extractors().items():
        started = time.process_time()
        outputs = [extract(src) for src, _ in pages]
        seconds = time.process_time() - started
        scores = [f1(out, ref) for out, (_, ref) in zip(outputs, pages, strict=True)]
        p, r, f = (statistics.mean(s[i] for s in scores) for i in range(3))
        med = statistics.median(s[2] for s in scores)
        print(f"{name:28} {p:6.3f} {r:6.3f} {f:6.3f} {med:7.3f} {len(pages) / seconds:8.1f}")
        if args.then_boilerplate:
            from textclean.boilerplate.step import Boilerplate
            from textclean.document import Document

            step = Boilerplate()
            started = time.process_time()
            stripped = [step(Document("p", out)).text for out in outputs]  # type: ignore[union-attr]
            seconds = time.process_time() - started
            scores = [f1(out, ref) for out, (_, ref) in zip(stripped, pages, strict=True)]
            p, r, f = (statistics.mean(s[i] for s in scores) for i in range(3))
            med = statistics.median(s[2] for s in scores)
            label = "  + boilerplate"
            print(f"{label:28} {p:6.3f} {r:6.3f} {f:6.3f} {med:7.3f} {len(pages) / seconds:8.1f}")


if __name__ == "__main__":
    main()
