"""Build the boilerplate evaluation set: realistic article pages as labelled lines.

Each page is assembled from the parts real news and blog pages have: a menu,
account and subscribe links, a headline and standfirst, a byline, a date and
read-time stamp, a share bar, a picture credit, the body (paragraphs, quoted
statements, subheadings, a sentence that reports on a privacy policy), an
advert label and an inline "read more" link, then the footer: author bio,
newsletter pitch, related stories, tags, cookie notice, legal links and
copyright. Some pages glue their body into one long line, as text extractors
do, so furniture sentences sit inside content lines.

Content comes from two places: English prose paragraphs from the Rust book
shipped with the local toolchain (real text, when present), and news
sentences written for this set in English, German, French and Spanish.
Furniture wording is written here in many variants, including phrasings the
built-in rules do not list, so the set measures rather than mirrors them.

    python benchmarks/data/boilerplate-eval/build.py   # rewrites pages.jsonl

Output: ``pages.jsonl``, one page per line: ``{"id", "lang", "items": [{"text",
"label", "line"}]}`` where ``label`` is ``content`` or a furniture category and
items sharing a ``line`` number are sentences of one physical line.
"""

from __future__ import annotations

import glob
import html
import json
import random
import re
from pathlib import Path

from content import CONTENT, HEADLINES, PRIVACY_REPORTING, QUOTES, SUBHEADS
from furniture import FURNITURE, NAMES

HERE = Path(__file__).resolve().parent
RUST_BOOK = "/root/.rustup/toolchains/*/share/doc/rust/html/book/ch*.html"


def rust_book_paragraphs(limit: int = 400) -> list[str]:
    """Plain-prose paragraphs of the locally installed Rust book, if any."""
    out: list[str] = []
    for path in sorted(glob.glob(RUST_BOOK)):
        text = Path(path).read_text(encoding="utf-8", errors="replace")
        for raw in re.findall(r"<p>(.*?)</p>", text, re.S):
            if "<code" in raw or "<a " in raw:
                continue
            para = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", raw))).strip()
            if 15 <= len(para.split()) <= 90 and para[-1] in ".!?":
                out.append(para)
    return out[:limit]


def pick(rng: random.Random, lang: str, category: str, n: int = 1) -> list[str]:
    pool = FURNITURE[lang].get(category) or FURNITURE["en"][category]
    return [fill(rng, s) for s in rng.sample(pool, min(n, len(pool)))]


def fill(rng: random.Random, template: str) -> str:
    """Fill {name}, {day}, {month}, {year}, {time}, {n} slots."""
    return template.format(
        name=rng.choice(NAMES),
        day=rng.randint(1, 28),
        month=rng.choice(["January", "March", "June", "September", "November"]),
        mon=rng.choice(["Jan", "Mar", "Jun", "Sep", "Nov"]),
        year=rng.choice([2019, 2020, 2021, 2022, 2023]),
        time=f"{rng.randint(1, 12)}:{rng.randint(0, 59):02d}",
        n=rng.randint(2, 12),
        iso=f"{rng.choice([2020, 2021, 2023])}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
    )


def page(rng: random.Random, lang: str, index: int, prose: list[str]) -> dict:
    items: list[tuple[str, str]] = []

    def add(label: str, texts: list[str]) -> None:
        items.extend((t, label) for t in texts)

    # Header: menu, account links, headline block.
    if rng.random() < 0.8:
        add("navigation", pick(rng, lang, "navigation", rng.randint(3, 7)))
    if rng.random() < 0.6:
        add("account", pick(rng, lang, "account", rng.randint(1, 2)))
    if rng.random() < 0.4:
        add("advertising", pick(rng, lang, "advertising"))
    add("content", [rng.choice(HEADLINES[lang])])
    if rng.random() < 0.5:
        add("content", [rng.choice(CONTENT[lang])])  # standfirst
    add("byline", pick(rng, lang, "byline"))
    add("timestamp", pick(rng, lang, "timestamp", rng.randint(1, 2)))
    if rng.random() < 0.7:
        add("share", pick(rng, lang, "share", rng.randint(2, 5)))
    if rng.random() < 0.6:
        add("caption", pick(rng, lang, "caption"))

    # Body.
    body: list[tuple[str, str]] = []
    sentences = rng.sample(CONTENT[lang], min(len(CONTENT[lang]), rng.randint(6, 10)))
    if lang == "en" and prose and rng.random() < 0.6:
        sentences[: rng.randint(1, 3)] = rng.sample(prose, 3)
    for i, s in enumerate(sentences):
        body.append((s, "content"))
        if i == 2:
            body.append((rng.choice(QUOTES[lang]), "content"))
        if i == 3 and rng.random() < 0.7:
            body.append((rng.choice(SUBHEADS[lang]), "content"))
        if i == 4 and rng.random() < 0.5:
            body.append(tuple(pick(rng, lang, "advertising")) + ("advertising",))
        if i == 5 and rng.random() < 0.5:
            body.append((pick(rng, lang, "inline_link")[0], "navigation"))
    if rng.random() < 0.5:
        body.insert(rng.randint(1, len(body)), (rng.choice(PRIVACY_REPORTING[lang]), "content"))
    body.append((rng.choice(QUOTES[lang]), "content"))
    glued = rng.random() < 0.25
    if glued:  # extractor glued the body into one line, furniture sentences inside
        body = [(t, lab) for t, lab in body if t.rstrip('”"»')[-1:] in ".!?"]
        for category in ("newsletter", "timestamp"):
            body.insert(
                rng.randint(1, len(body) - 1),
                (pick(rng, lang, "sentence_" + category)[0], category),
            )
    body_start = len(items)
    items.extend(body)

    # Footer.
    if rng.random() < 0.5:
        add("separator", [rng.choice(["____", "* * *", "———", "=====", "• • •", "----------"])])
    if rng.random() < 0.6:
        add("byline", pick(rng, lang, "bio"))
    if rng.random() < 0.6:
        add("newsletter", pick(rng, lang, "newsletter", rng.randint(1, 3)))
    if rng.random() < 0.7:
        add("navigation", pick(rng, lang, "related_heading"))
        add(
            "navigation",
            rng.sample([h for h in HEADLINES[lang] if h not in {t for t, _ in items}], 3),
        )
    if rng.random() < 0.5:
        add("navigation", pick(rng, lang, "tags"))
    if rng.random() < 0.5:
        add("legal", pick(rng, lang, "cookie"))
    add("legal", pick(rng, lang, "legal", rng.randint(1, 3)))

    out = []
    line = 0
    for k, (text, label) in enumerate(items):
        if glued and body_start < k < body_start + len(body):
            line -= 1  # same physical line as the previous item
        out.append({"text": text, "label": label, "line": line})
        line += 1
    return {"id": f"{lang}-{index:03d}", "lang": lang, "items": out}


def main() -> None:
    rng = random.Random(20240610)
    prose = rust_book_paragraphs()
    pages = []
    for lang, count in (("en", 26), ("de", 12), ("fr", 12), ("es", 12)):
        pages.extend(page(rng, lang, i, prose) for i in range(count))
    with (HERE / "pages.jsonl").open("w", encoding="utf-8") as fh:
        for p in pages:
            fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    n = sum(len(p["items"]) for p in pages)
    print(f"{len(pages)} pages, {n} labelled lines and sentences")


if __name__ == "__main__":
    main()
