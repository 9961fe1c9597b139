"""Language identification: textclean's sampled, seeded langdetect against plain langdetect.

Reads the test set built by ``build_language_set.py`` (translated message
catalogues and manual pages, 51 languages) and runs every method, taking turns
on 50 documents at a time so machine load hits every column alike:

* ``langdetect.detect`` on the full text, seeded (``DetectorFactory.seed = 0``):
  the reference for agreement and speed;
* ``textclean.filters.detect_language`` with its defaults (sampled, seeded);
* py3langid's ``classify`` on the full text, and textclean's ``langid`` backend.

Agreement is measured on the documents textclean answers (at least
``MIN_LETTERS`` letters); shorter ones are ``unknown`` by design, and the
calibration table shows why: below the cut-off even full-text langdetect is
wrong too often. Accuracy is against the catalogue's language, which is only
approximately the truth (catalogues and manual pages contain untranslated
English). Speed is CPU time (``time.process_time``) per document.

Usage: ``python benchmarks/bench_language.py`` (about two minutes);
``--every N`` takes every N-th document for a quick look; ``--no-write``
prints without updating docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

from report import markdown_table, write_section

SET = Path(__file__).resolve().parent / "data" / "language" / "set.jsonl"
ISO = {"zh-cn": "zh", "zh-tw": "zh", "nb": "no"}
#: Letter-count buckets of the calibration table.
ROUND = 50  # documents each method runs on in turn
BUCKETS = (0, 10, 15, 20, 25, 30, 40, 60, 100, 200, 400, 1000, 3000, 10**9)


def load(every: int) -> list[dict]:
    rows = [json.loads(line) for line in SET.read_text(encoding="utf-8").splitlines()]
    return rows[::every]


def plain_langdetect(seed: int = 0) -> Callable[[str], str]:
    """``langdetect.detect`` on the whole text, as users call it, seeded for repeatability."""
    import langdetect
    from langdetect import DetectorFactory
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = seed

    def run(text: str) -> str:
        try:
            lang = langdetect.detect(text)
        except LangDetectException:
            return "unknown"
        return ISO.get(lang, lang)

    return run


def plain_py3langid() -> Callable[[str], str]:
    import py3langid

    def run(text: str) -> str:
        lang = py3langid.classify(text)[0]
        return ISO.get(lang, lang)

    return run


def textclean(**options) -> Callable[[str], str]:
    from textclean.filters import detect_language

    return lambda text: detect_language(text, **options).lang


def measure(rows: list[dict], methods: dict[str, Callable[[str], str]]) -> dict[str, dict]:
    """Every method on every document, in turns of `ROUND` documents; answers and CPU seconds.

    Turns keep each method's caches its own (as in a real run) while load
    changes on a shared machine still hit every method alike.
    """
    for run in methods.values():
        run("warm up: load the model before timing")
    answers = {name: [] for name in methods}
    seconds = dict.fromkeys(methods, 0.0)
    for first in range(0, len(rows), ROUND):
        texts = [row["text"] for row in rows[first : first + ROUND]]
        for name, run in methods.items():
            start = time.process_time()
            answers[name].extend(run(text) for text in texts)
            seconds[name] += time.process_time() - start
    return {name: {"answers": answers[name], "seconds": seconds[name]} for name in methods}


def share(pairs: list[tuple[str, str]]) -> float:
    return sum(a == b for a, b in pairs) / len(pairs) if pairs else float("nan")


def summary(rows: list[dict], results: dict[str, dict], reference: str) -> list[list[object]]:
    ref = results[reference]
    gold = [r["lang"] for r in rows]
    chars = sum(len(r["text"]) for r in rows)
    table = []
    for name, res in results.items():
        answered = [i for i, a in enumerate(res["answers"]) if a != "unknown"]
        table.append(
            [
                name,
                f"{len(answered) / len(rows):.1%}",
                f"{share([(res['answers'][i], ref['answers'][i]) for i in answered]):.2%}",
                f"{share([(res['answers'][i], gold[i]) for i in answered]):.1%}",
                f"{res['seconds'] / len(rows) * 1e3:.2f}",
                f"{chars / res['seconds'] / 1e6:.2f}",
                f"{ref['seconds'] / res['seconds']:.1f}x",
            ]
        )
    return table


def calibration(rows: list[dict], results: dict[str, dict], reference: str) -> list[list[object]]:
    """Accuracy of full-text langdetect by letter count: where guessing stops paying."""
    from textclean.filters.language import letter_count

    letters = [letter_count(r["text"]) for r in rows]
    out = []
    for lo, hi in zip(BUCKETS, BUCKETS[1:], strict=False):
        idx = [i for i, n in enumerate(letters) if lo <= n < hi]
        if not idx:
            continue
        pairs = [(results[reference]["answers"][i], rows[i]["lang"]) for i in idx]
        label = f"{lo}-{hi - 1}" if hi < 10**9 else f"{lo}+"
        out.append([label, len(idx), f"{share(pairs):.1%}"])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=1, help="take every N-th document")
    parser.add_argument("--no-write", action="store_true", help="do not update docs/benchmarks.md")
    args = parser.parse_args()

    from textclean.filters.language import MIN_LETTERS

    rows = load(args.every)
    reference = "langdetect.detect, full text"
    methods = {
        reference: plain_langdetect(0),
        "textclean detect_language (langdetect)": textclean(),
        "textclean, exact (no sampling, 7 trials)": textclean(budgets=(0,), agree_after=7),
        "py3langid.classify, full text": plain_py3langid(),
        "textclean detect_language (langid)": textclean(backend="langid"),
    }
    results = measure(rows, methods)
    headers = [
        "method",
        "answered",
        "agrees with langdetect",
        "accuracy",
        "ms/doc",
        "MB/s",
        "speed",
    ]
    body = summary(rows, results, reference)
    calib = calibration(rows, results, reference)
    langs = len({r["lang"] for r in rows})
    text = (
        f"{len(rows)} documents in {langs} languages (`benchmarks/data/language/set.jsonl`, "
        "built by `benchmarks/build_language_set.py` from translated message catalogues and "
        "manual pages). Agreement and accuracy are over the documents a method answers; "
        f"textclean answers `unknown` below {MIN_LETTERS} letters. Speed is CPU time per "
        "document, the methods taking turns on 50 documents at a time in one run; `speed` is relative to full-text "
        "langdetect.\n\n"
        + markdown_table(headers, body)
        + "\n\nCalibration of the short-text cut-off: accuracy of full-text langdetect "
        "by the number of letters in the document.\n\n"
        + markdown_table(["letters", "documents", "langdetect accuracy"], calib)
    )
    print(text)
    if not args.no_write:
        write_section("bench_language", "Language identification", text)


if __name__ == "__main__":
    main()
