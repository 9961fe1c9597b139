"""Text repair: speed of `fix_mojibake` against ``ftfy.fix_text``, and what each changes.

Texts, all read from this machine at run time:

* clean ASCII: the license texts in /usr/share/common-licenses;
* clean Unicode news: the shared seed articles (../shared/corpus/seeds) that show
  no tokenizer damage, when present;
* clean Unicode, many languages: translations from the message catalogues in
  /usr/share/locale (fr, de, ru, ja, pl, cs, el, ar, zh_CN, ...);
* damaged: the clean Unicode texts encoded as UTF-8 and decoded as Windows-1252.

Speed is MB/s of input in CPU time of this process (best of ``--repeat`` runs, so
other work on a shared machine does not count), with ``fix_mojibake``'s
time as a multiple of ``ftfy.fix_text``'s in the same run. Accuracy: the share
of correct texts each function changes (every change to correct text is
damage), and the share of damaged texts each restores exactly. Spacing:
MB/s of `fix_spacing`, and the share of sentences that come back exactly
after a Penn-Treebank-style tokenization.

    python benchmarks/bench_repair.py              # ~1 minute
    python benchmarks/bench_repair.py --per-language 5000 --repeat 5   # bigger
    python benchmarks/bench_repair.py --no-write   # print only
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from report import markdown_table, write_section

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import ftfy  # noqa: E402
import ftfy.bad_codecs  # noqa: E402,F401

from textclean.repair import fix_mojibake, fix_spacing  # noqa: E402
from textclean.repair.spacing_context import looks_tokenized  # noqa: E402
from textclean.testing import ptb_tokenize  # noqa: E402

SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
LICENSES = Path("/usr/share/common-licenses")
LANGUAGES = ["fr", "de", "es", "ru", "uk", "ja", "zh_CN", "pl", "cs", "el", "ar", "he", "tr", "vi"]


def ascii_texts() -> list[str]:
    texts = []
    for path in sorted(LICENSES.glob("*")):
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            texts += [p for p in text.split("\n\n") if p.strip() and p.isascii()]
    return texts


def seed_texts() -> list[str]:
    """Seed articles without tokenizer damage (one seed is a tokenized snippet soup)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return [t for t in texts if not looks_tokenized(t)]


def catalogue_texts(per_language: int) -> list[str]:
    """Translated messages: real, correct text in many scripts."""
    import polib

    texts: list[str] = []
    for lang in LANGUAGES:
        got: list[str] = []
        for path in sorted(Path("/usr/share/locale", lang, "LC_MESSAGES").glob("*.mo")):
            try:
                catalogue = polib.mofile(str(path))
            except Exception:
                continue
            got += [e.msgstr for e in catalogue if len(e.msgstr) > 20]
            if len(got) >= per_language:
                break
        texts += got[:per_language]
    return texts


def damage(text: str) -> str:
    return text.encode("utf-8").decode("sloppy-windows-1252")


def mb_per_s(fn: Callable[[str], str], texts: list[str], repeat: int) -> float:
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for t in texts:
            fn(t)
        best = min(best, time.process_time() - start)
    return size / best


def changed_share(fn: Callable[[str], str], texts: list[str]) -> float:
    return sum(fn(t) != t for t in texts) / max(len(texts), 1)


def restored_share(fn: Callable[[str], str], pairs: list[tuple[str, str]]) -> float:
    return sum(fn(bad) == good for good, bad in pairs) / max(len(pairs), 1)


# -- spacing ------------------------------------------------------------------


def english_paragraphs(seeds: list[str]) -> list[str]:
    """English prose paragraphs: seed articles where present, else license preambles."""
    source = seeds or ["\n".join(ascii_texts())]
    out = []
    for text in source:
        for para in text.split("\n"):
            para = " ".join(para.split())
            if len(para.split()) >= 12 and para[-1:] in '.!?”"' and "  " not in para:
                out.append(para)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-language", type=int, default=800)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()

    seeds = seed_texts()
    clean_sets = {
        "clean ASCII (licenses)": ascii_texts(),
        "clean Unicode news (seeds)": seeds,
        f"clean Unicode, {len(LANGUAGES)} languages (catalogues)": catalogue_texts(
            args.per_language
        ),
    }
    clean_sets = {k: v for k, v in clean_sets.items() if v}
    unicode_texts = seeds + clean_sets[next(k for k in clean_sets if "languages" in k)]
    pairs = [(t, damage(t)) for t in unicode_texts if damage(t) != t]
    sets = dict(clean_sets)
    sets["damaged (UTF-8 read as cp1252)"] = [bad for _, bad in pairs]

    rows = []
    for name, texts in sets.items():
        ours = mb_per_s(fix_mojibake, texts, args.repeat)
        ref = mb_per_s(ftfy.fix_text, texts, args.repeat)
        damaged = name.startswith("damaged")
        rows.append(
            [
                name,
                len(texts),
                round(ours, 2),
                round(ref, 2),
                f"{ours / ref:.1f}x",
                "—" if damaged else f"{changed_share(fix_mojibake, texts):.2%}",
                "—" if damaged else f"{changed_share(ftfy.fix_text, texts):.2%}",
            ]
        )
        print(rows[-1], flush=True)
    restored = [restored_share(fix_mojibake, pairs), restored_share(ftfy.fix_text, pairs)]

    paragraphs = english_paragraphs(seeds)
    tokenized = [ptb_tokenize(p) for p in paragraphs]
    exact = sum(fix_spacing(t) == p for t, p in zip(tokenized, paragraphs, strict=True))
    spacing_rows = [
        ["clean text (all sets above)", round(mb_per_s(fix_spacing, unicode_texts, args.repeat), 2),
         f"{changed_share(fix_spacing, unicode_texts):.2%} changed"],
        ["PTB-tokenized English paragraphs", round(mb_per_s(fix_spacing, tokenized, args.repeat), 2),
         f"{exact}/{len(paragraphs)} restored exactly"],
    ]  # fmt: skip

    body = "\n\n".join(
        [
            "`fix_mojibake` against `ftfy.fix_text` (defaults) on the same texts. "
            "*changed* is the share of correct texts a function alters: for correct "
            "text every change is damage (ftfy's defaults uncurl quotes, apply NFC "
            "and more).",
            markdown_table(
                [
                    "texts",
                    "n",
                    "fix_mojibake MB/s",
                    "ftfy.fix_text MB/s",
                    "speed ratio",
                    "fix_mojibake changed",
                    "ftfy changed",
                ],
                rows,
            ),
            f"Damaged texts restored exactly: fix_mojibake {restored[0]:.2%}, "
            f"ftfy.fix_text {restored[1]:.2%} (ftfy's misses are mostly its "
            "normalizations changing the restored text).",
            "`fix_spacing` (no reference implementation in the same run):",
            markdown_table(["texts", "MB/s", "result"], spacing_rows),
            f"Run: `python benchmarks/bench_repair.py --per-language {args.per_language} "
            f"--repeat {args.repeat}`.",
        ]
    )
    print(body)
    if not args.no_write:
        write_section("bench_repair", "Text repair: mojibake fast path and spacing", body)


if __name__ == "__main__":
    main()
