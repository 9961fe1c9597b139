"""Build the language-identification test set from translated text on this machine.

Sources, all real translations shipped by Debian packages:

* message catalogues ``/usr/share/locale/<locale>/LC_MESSAGES/*.mo`` (read
  with polib): the translated strings of one catalogue are joined in catalogue
  order into documents of a target length; English documents use the source
  strings (``msgid``) of the same catalogues;
* translated manual pages ``/usr/share/man/<locale>/man*/*.gz`` and the
  English ones in ``/usr/share/man/man*``: roff markup is stripped and
  paragraphs are joined into longer documents.

The label is the locale's language (``pt_BR`` -> ``pt``, ``zh_TW`` -> ``zh``).
Only languages langdetect knows are kept, so agreement and accuracy are
measured on the same documents. Output is deterministic: sorted inputs and a
seeded generator. Run ``python benchmarks/build_language_set.py`` to rebuild
``benchmarks/data/language/set.jsonl``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

import polib

OUT = Path(__file__).resolve().parent / "data" / "language" / "set.jsonl"
LOCALE_DIR = Path("/usr/share/locale")
MAN_DIR = Path("/usr/share/man")
#: Target document lengths in characters; short ones calibrate the "unknown" cut-off.
MO_LENGTHS = (15, 30, 60, 120, 250, 500, 1000, 2000, 4000)
MAN_LENGTHS = (300, 1500, 6000)
PER_LENGTH = 4
MIN_MESSAGES = 1500
LANGDETECT = {
    "af", "ar", "bg", "bn", "ca", "cs", "cy", "da", "de", "el", "en", "es", "et", "fa", "fi",
    "fr", "gu", "he", "hi", "hr", "hu", "id", "it", "ja", "kn", "ko", "lt", "lv", "mk", "ml",
    "mr", "ne", "nl", "no", "pa", "pl", "pt", "ro", "ru", "sk", "sl", "so", "sq", "sv", "sw",
    "ta", "te", "th", "tl", "tr", "uk", "ur", "vi", "zh",
}  # fmt: skip

PLACEHOLDER = re.compile(
    r"%(?:\([^)]*\))?[-+ #0-9.*]*[hlLqjzt]*[a-zA-Z%]|\{[^{}]*\}|\$\{?\w+\}?|<[^<>]*>|&\w+;"
)
ROFF_ESCAPE = re.compile(
    r"\\f(?:\[[^\]]*\]|\(..|.)|\\\(..|\\\[[^\]]*\]|\\\*(?:\(..|\[[^\]]*\]|.)|\\[&|^%:,/]"
)


def language_of(locale: str) -> str | None:
    """ISO 639-1 code of a locale directory name; None for variants such as ``sr@latin``."""
    if "@" in locale:
        return None
    lang = locale.split("_")[0]
    if lang == "nb":
        lang = "no"
    return lang if lang in LANGDETECT else None


def clean_message(text: str) -> str:
    """A catalogue string as prose: no placeholders, markup or accelerators."""
    text = PLACEHOLDER.sub(" ", text).replace("_", "").replace("&", "")
    return " ".join(text.split())


def catalogue_messages(path: Path, source: bool) -> list[str]:
    """Translated (or, with ``source``, original) strings of one catalogue, cleaned."""
    try:
        entries = polib.mofile(str(path))
    except (OSError, ValueError, UnicodeDecodeError):
        return []
    out = []
    for entry in entries:
        if not entry.msgstr or entry.msgstr == entry.msgid:
            continue
        text = clean_message(entry.msgid if source else entry.msgstr)
        if sum(c.isalpha() for c in text) >= 4:
            out.append(text)
    return out


def strip_roff(source: str) -> list[str]:
    """Paragraphs of a manual page's text, markup removed."""
    paragraphs, current = [], []
    for line in source.splitlines():
        if line.startswith(('.\\"', "'\\\"", '.\\"')):
            continue
        if line.startswith((".", "'")):
            macro, _, rest = line[1:].partition(" ")
            if macro in {"B", "I", "BR", "IR", "RB", "RI", "BI", "IB", "SM"} and rest:
                current.append(rest.replace('"', ""))
                continue
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if line.strip():
            current.append(line)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    out = []
    for p in paragraphs:
        p = ROFF_ESCAPE.sub("", p).replace("\\-", "-").replace("\\e", "\\").replace("\\ ", " ")
        p = " ".join(p.split())
        if sum(c.isalpha() for c in p) >= 20:
            out.append(p)
    return out


def documents(pieces: list[str], length: int, count: int, rng: random.Random) -> Iterator[str]:
    """``count`` documents of about ``length`` characters, each a run of consecutive pieces."""
    if not pieces:
        return
    for _ in range(count):
        start = rng.randrange(len(pieces))
        doc, i = "", start
        while len(doc) < length and i < len(pieces):
            piece = pieces[i]
            doc = f"{doc} {piece}".strip() if doc else piece
            i += 1
        if len(doc) > length * 1.5:
            cut = doc.rfind(" ", 0, int(length * 1.2))
            doc = doc[: cut if cut > length // 2 else int(length * 1.2)]
        if doc:
            yield doc


def mo_sources() -> dict[str, list[list[str]]]:
    """Language -> list of catalogues, each a list of cleaned messages."""
    by_lang: dict[str, list[list[str]]] = {}
    english: list[list[str]] = []
    for locale_dir in sorted(LOCALE_DIR.iterdir()):
        lang = language_of(locale_dir.name)
        if lang is None or lang == "en":
            continue
        for mo in sorted((locale_dir / "LC_MESSAGES").glob("*.mo")):
            messages = catalogue_messages(mo, source=False)
            if messages:
                by_lang.setdefault(lang, []).append(messages)
            if locale_dir.name == "de":  # one copy of every catalogue's English source
                english.append(catalogue_messages(mo, source=True))
    by_lang["en"] = [m for m in english if m]
    return {k: v for k, v in by_lang.items() if sum(map(len, v)) >= MIN_MESSAGES}


def man_sources() -> dict[str, list[list[str]]]:
    """Language -> list of manual pages, each a list of paragraphs."""
    by_lang: dict[str, list[list[str]]] = {}
    dirs = [(lang, d) for d in sorted(MAN_DIR.iterdir()) if (lang := language_of(d.name))]
    dirs.append(("en", MAN_DIR))
    for lang, root in dirs:
        for page in sorted(root.glob("man[1-8]/*.gz")):
            try:
                text = gzip.decompress(page.read_bytes()).decode("utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            paragraphs = strip_roff(text)
            if paragraphs:
                by_lang.setdefault(lang, []).append(paragraphs)
    return by_lang


def build(seed: int = 0) -> list[dict[str, str]]:
    rng = random.Random(seed)
    rows: list[dict[str, str]] = []
    for kind, sources, lengths in (
        ("mo", mo_sources(), MO_LENGTHS),
        ("man", man_sources(), MAN_LENGTHS),
    ):
        for lang in sorted(sources):
            groups = sources[lang]
            for length in lengths:
                for k in range(PER_LENGTH):
                    group = groups[rng.randrange(len(groups))]
                    for text in documents(group, length, 1, rng):
                        rows.append(
                            {
                                "id": f"{kind}-{lang}-{length}-{k}",
                                "lang": lang,
                                "source": kind,
                                "text": text,
                            }
                        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rows = build(args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    langs = sorted({r["lang"] for r in rows})
    print(f"{len(rows)} documents, {len(langs)} languages -> {args.out}")
    print(" ".join(langs))


if __name__ == "__main__":
    main()
