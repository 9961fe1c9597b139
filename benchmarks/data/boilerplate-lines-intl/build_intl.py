"""Label the visible lines of non-English extraction test pages (content / furniture).

Reads public article-extraction test sets (an HTML page plus the full article text
the library's test expects) straight from git directories and writes
``pages.jsonl.gz`` next to this file, in the format of
``benchmarks/data/boilerplate-lines`` (``set`` = ``"intl"``, plus ``"lang"``).
The HTML-to-lines, labelling, site and split rules are those of
``../boilerplate-lines/build_pages.py``, imported, not copied.

    python benchmarks/data/boilerplate-lines-intl/build_intl.py \\
        [--newspaper DIR] [--goose3 DIR] [--newspaper4k DIR] [--out DIR]

Each DIR is a git directory (bare clone or mirror); the defaults are the mirrors under
``/work/.mirror/``. Standard library and ``git`` only; output is deterministic.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "boilerplate-lines"))

import build_pages as bp  # noqa: E402

MIRROR = Path("/work/.mirror")
DEFAULTS = {
    "newspaper": MIRROR / "codelucas+newspaper" / "repo",
    "goose3": MIRROR / "goose3+goose3" / "repo",
    "newspaper4k": MIRROR / "AndyTheFactory+newspaper4k" / "repo",
    "fundus": MIRROR / "flairNLP+fundus" / "repo",
}

# (repo, id, lang, html path, gold path, URL the test gives for the page)
# Gold: a plain-text file (newspaper, newspaper4k) or a goose3 JSON (``expected.cleaned_text``).
# Only tests that compare the whole extracted text are used; see README for the pages left out.
PAGES = [
    # codelucas/newspaper: tests/unit_tests.py MultiLanguageTestCase (assertEqual on the full text)
    (
        "newspaper",
        "newspaper:arabic_article",
        "ar",
        "tests/data/html/arabic_article.html",
        "tests/data/text/arabic.txt",
        "http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html",
    ),
    (
        "newspaper",
        "newspaper:chinese_article",
        "zh",
        "tests/data/html/chinese_article.html",
        # The test names news.sohu.com, but the saved page is BBC Chinese (goose3 has the same page
        # as test_bbc_chinese, with this URL).
        "tests/data/text/chinese.txt",
        "http://www.bbc.co.uk/zhongwen/simp/chinese_news/2012/12/121210_hongkong_politics.shtml",
    ),
    (
        "newspaper",
        "newspaper:japanese_article",
        "ja",
        "tests/data/html/japanese_article.html",
        "tests/data/text/japanese.txt",
        "https://www.nikkei.com/article/DGXMZO31897660Y8A610C1000000/?n_cid=DSTPCS001",
    ),
    (
        "newspaper",
        "newspaper:japanese_article2",
        "ja",
        "tests/data/html/japanese_article2.html",
        "tests/data/text/japanese2.txt",
        "http://www.afpbb.com/articles/-/3178894",
    ),
    (
        "newspaper",
        "newspaper:spanish_article",
        "es",
        "tests/data/html/spanish_article.html",
        "tests/data/text/spanish.txt",
        "http://ultimahora.es/mallorca/noticia/noticias/local/"
        "fiscalia-anticorrupcion-estudia-recurre-imputacion-infanta.html",
    ),
    (
        "newspaper",
        "newspaper:thai_article",
        "th",
        "tests/data/html/thai_article.html",
        "tests/data/text/thai.txt",
        "https://prachatai.com/journal/2019/01/80642",
    ),
    # codelucas/newspaper: ExhaustiveFullTextCase (fulltext_url_list.txt, full-text equality)
    (
        "newspaper",
        "newspaper:vogue.de1",
        "de",
        "tests/data/html/vogue.de1.html",
        "tests/data/text/vogue.de1.txt",
        "http://vogue.de/beauty/beauty-blog/lieblingsstueck-die-iphone-huelle-von-iphoria",
    ),
    (
        "newspaper",
        "newspaper:vogue.de2",
        "de",
        "tests/data/html/vogue.de2.html",
        "tests/data/text/vogue.de2.txt",
        "http://vogue.de/mode/mode-trends/weihnachten-die-redaktion-zeigt-ihre-christmas-sweater",
    ),
    # goose3/goose3: tests/test_content.py; only golds that are the whole article (see README)
    (
        "goose3",
        "goose3:donga_korean",
        "ko",
        "tests/data/content/test_donga_korean.html",
        "tests/data/content/test_donga_korean.json",
        "http://news.donga.com/3/all/20131023/58406128/1",
    ),
    (
        "goose3",
        "goose3:wiwo",
        "de",
        "tests/data/content/test_wiwo.html",
        "tests/data/content/test_wiwo.json",
        "https://www.wiwo.de/unternehmen/industrie/"
        "linde-gasekonzern-muss-teile-des-us-geschaefts-verkaufen/19562798.html",
    ),
    # AndyTheFactory/newspaper4k: tests/integration/test_languages.py (full-text equality);
    # only the pages that codelucas/newspaper does not already hold
    (
        "newspaper4k",
        "newspaper4k:chinese_article_001",
        "zh",
        "tests/data/html/chinese_article_001.html",
        "tests/data/txt/chinese_article_001.txt",
        "https://china.chinadaily.com.cn/a/202311/17/WS65571297a310d5acd876f404.html",
    ),
    (
        "newspaper4k",
        "newspaper4k:chinese_article_002",
        "zh",
        "tests/data/html/chinese_article_002.html",
        "tests/data/txt/chinese_article_002.txt",
        "http://www.news.cn/fortune/2023-11/17/c_1129981476.htm",
    ),
    (
        "newspaper4k",
        "newspaper4k:latvian_article",
        "lv",
        "tests/data/html/latvian_article.html",
        "tests/data/txt/latvian_article.txt",
        "https://www.lsm.lv/raksts/zinas/arzemes/"
        "norvegija-pec-zemes-nogruvuma-pieci-bojagajusie.a387519/",
    ),
    (
        "newspaper4k",
        "newspaper4k:burmese_article",
        "my",
        "tests/data/html/burmese_article.html",
        "tests/data/txt/burmese_article.txt",
        "https://www.bbc.com/burmese/burma-45989453",
    ),
]


# Gold texts that hold furniture the library's extractor keeps: cut before the first line
# equal to the marker (the related-stories box of prachatai.com).
GOLD_CUT = {
    "newspaper:thai_article": "\u0e40\u0e23\u0e37\u0e48\u0e2d\u0e07\u0e17\u0e35\u0e48\u0e40\u0e01\u0e35\u0e48\u0e22\u0e27\u0e02\u0e49\u0e2d\u0e07"
}


def cut_gold(pid: str, gold: str) -> str:
    marker = GOLD_CUT.get(pid)
    if marker is None:
        return gold
    lines = gold.split("\n")
    if marker not in lines:
        raise ValueError(f"{pid}: gold cut marker not found")
    return "\n".join(lines[: lines.index(marker)])


def read_gold(repo: bp.GitReader, path: str) -> tuple[str, str | None]:
    """Gold article text (lines joined by newlines) and the title the test data gives."""
    data = repo.read(path)
    if data is None:
        raise FileNotFoundError(path)
    title = None
    if path.endswith(".json"):
        expected = json.loads(data)["expected"]
        text = expected["cleaned_text"]
        title = expected.get("title")
    else:
        text = bp.decode_text(data)
        meta_path = path.replace("/txt/", "/metadata/").rsplit(".", 1)[0] + ".json"
        if "/txt/" in path:  # newspaper4k keeps the expected title in tests/data/metadata
            meta = repo.read(meta_path)
            if meta is not None:
                title = json.loads(meta).get("title")
    return "\n".join(bp.text_lines(text)), title


def finish_record(rec: dict, test_url: str, lang: str) -> dict:
    """The page's own URL where it names one, else the URL its test gives; its site."""
    if not rec["url"]:
        rec["url"] = test_url
    if not rec["site"]:
        rec["site"] = bp.site_of(rec["url"])
    rec["source"] = rec["site"] or rec["id"]
    rec["lang"] = lang
    return rec


# ----------------------------------------------------------------------- fundus

FUNDUS_DATA = "tests/resources/parser/test_data/"
HTML_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?\s*([A-Za-z]{2,3})\b""", re.I)
OG_LOCALE = re.compile(
    r"""<meta\b[^>]*?property\s*=\s*["']og:locale["'][^>]*?content\s*=\s*["']([A-Za-z]{2,3})""",
    re.I,
)
DEFAULT_LANG = re.compile(r"""default_language\s*=\s*["']([a-z]{2})["']""")
PUBLISHER = re.compile(r"^\s+(\w+)\s*=\s*Publisher\(", re.M)
LANGUAGES = re.compile(r"""languages\s*=\s*\{([^}]*)\}""")
# The most frequent English words: a gold text where they make 15% of the words is English.
EN_WORDS = frozenset(
    "the and of to in is that for with on was are it as by be at from his have has said this "
    "which were they not but an".split()
)
SAME_LANG = {"nb": "no", "nn": "no"}  # one code for Norwegian


def is_english(text: str) -> bool:
    toks = bp.words(text)
    return bool(toks) and sum(t in EN_WORDS for t in toks) / len(toks) >= 0.15


def publisher_langs(init_py: str) -> dict[str, str]:
    """Publisher attribute name -> language, where its sources name exactly one language."""
    out = {}
    starts = list(PUBLISHER.finditer(init_py))
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(init_py)
        langs = set()
        for lm in LANGUAGES.finditer(init_py[m.end() : end]):
            langs.update(re.findall(r"""["']([a-z]{2})["']""", lm.group(1)))
        if len(langs) == 1:
            out[m.group(1)] = langs.pop()
    return out


def fundus_body(body: dict) -> str:
    """Gold text of a serialized fundus ``ArticleBody``: summary, then each section's
    headline and paragraphs."""
    out = list(body.get("summary") or [])
    for section in body.get("sections") or []:
        out.extend(section.get("headline") or [])
        out.extend(section.get("paragraphs") or [])
    return "\n".join(bp.text_lines("\n".join(out)))


def page_lang(text: str, default: str) -> str:
    """ISO 639-1 code of a page: ``<html lang>``, else ``og:locale``, else the group's default."""
    for pattern in (HTML_LANG, OG_LOCALE):
        m = pattern.search(text[:20000])
        if m and len(m.group(1)) == 2:
            return m.group(1).lower()
    return default


def fundus_pages(repo: bp.GitReader) -> list[dict]:
    """Non-English fundus parser test pages.

    Each publisher has ``<Name>.json`` with the expected extraction per parser version
    (``V1``, ``V1_1`` ...) and one ``<Name>_<yyyy>_<mm>_<dd>.html.gz`` page per version;
    which page goes with which version is decided in fundus by each version's validity
    dates in its Python code. Here a page takes the version whose body shares the most
    word 4-grams with the page's text (at least half of the body's 4-grams), and each
    version is used once.
    """
    records = []
    paths = repo.paths(FUNDUS_DATA)
    groups = sorted({p[len(FUNDUS_DATA) :].split("/")[0] for p in paths if p.count("/") == 5})
    for group in groups:
        init = (repo.read(f"src/fundus/publishers/{group}/__init__.py") or b"").decode("utf-8")
        m = DEFAULT_LANG.search(init)
        default = m.group(1) if m else ""
        pub_langs = publisher_langs(init)
        meta_raw = repo.read(f"{FUNDUS_DATA}{group}/meta.info")
        meta_info = json.loads(meta_raw) if meta_raw else {}
        by_pub: dict[str, list[str]] = {}
        for p in paths:
            name = p.rsplit("/", 1)[-1]
            if p.startswith(f"{FUNDUS_DATA}{group}/") and name.endswith(".html.gz") and "_" in name:
                by_pub.setdefault(name.split("_", 1)[0], []).append(p)
        for pub, html_paths in sorted(by_pub.items()):
            case_raw = repo.read(f"{FUNDUS_DATA}{group}/{pub}.json")
            if case_raw is None:
                continue
            versions = json.loads(case_raw)
            golds = {
                v: (fundus_body(d["body"]), d.get("title"))
                for v, d in sorted(versions.items())
                if isinstance(d.get("body"), dict)
            }
            gold_grams = {v: bp.grams(bp.words(g)) for v, (g, _) in golds.items()}
            used: set[str] = set()
            for path in sorted(html_paths):
                name = path.rsplit("/", 1)[-1]
                data = gzip.decompress(repo.read(path) or b"")
                text, _ = bp.decode_html(data)
                lines, _, _ = bp.html_lines(text)
                page_grams = bp.grams(bp.words("\n".join(lines)))
                best, best_cov = None, 0.0
                for v, gg in gold_grams.items():
                    cov = len(gg & page_grams) / len(gg) if gg else 0.0
                    if v not in used and cov > best_cov:
                        best, best_cov = v, cov
                pid = f"fundus:{group}/{name[: -len('.html.gz')]}"
                if best is None or best_cov < 0.5:
                    print(f"{pid}: no test case matches the page ({best_cov:.0%})", file=sys.stderr)
                    continue
                used.add(best)
                gold, title = golds[best]
                # Language: <html lang> / og:locale / the group's default; English pages are
                # left out by their gold text, and a page that declares English but whose text
                # is not takes the one language its publisher's sources name.
                if is_english(gold):
                    continue
                lang = page_lang(text, default)
                if lang == "en":
                    lang = pub_langs.get(pub) or (default if default != "en" else "")
                lang = SAME_LANG.get(lang, lang)
                if not lang or lang == "en":
                    print(f"{pid}: not English, language unknown", file=sys.stderr)
                    continue
                rec = bp.make_record(pid, "intl", data, gold, title)
                if rec is None:
                    print(f"{pid}: no article found in the page", file=sys.stderr)
                    continue
                url = meta_info.get(name, {}).get("url", "")
                rec["fundus_version"] = best
                records.append(finish_record(rec, url, lang))
    return records


def build(dirs: dict[str, str]) -> tuple[list[dict], dict[str, str]]:
    repos = {name: bp.GitReader(d) for name, d in dirs.items()}
    commits = {name: r.commit() for name, r in repos.items()}
    records = []
    for repo_name, pid, lang, html_path, gold_path, test_url in PAGES:
        repo = repos[repo_name]
        html = repo.read(html_path)
        if html is None:
            print(f"{pid}: {html_path} missing", file=sys.stderr)
            continue
        gold, title = read_gold(repo, gold_path)
        gold = cut_gold(pid, gold)
        rec = bp.make_record(pid, "intl", html, gold, title)
        if rec is None:
            print(f"{pid}: no article found in the page", file=sys.stderr)
            continue
        records.append(finish_record(rec, test_url, lang))
    records.extend(fundus_pages(repos["fundus"]))
    for r in repos.values():
        r.close()
    out = []
    for r in sorted(records, key=lambda r: r["id"]):
        out.append(
            {
                "id": r["id"],
                "set": "intl",
                "url": r["url"],
                "source": r["source"],
                "split": bp.split_of(r["source"]),
                "lang": r["lang"],
                "lines": r["lines"],
                "labels": r["labels"],
                "article_body": r["article_body"],
            }
        )
    return out, commits


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    for name, default in DEFAULTS.items():
        ap.add_argument(f"--{name}", default=str(default), help=f"git dir of {name}")
    ap.add_argument("--out", default=str(HERE), help="output folder (default: this folder)")
    args = ap.parse_args(argv)
    dirs = {name: getattr(args, name) for name in DEFAULTS}
    records, commits = build(dirs)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    bp.write_gz(out / "pages.jsonl.gz", records)
    for name, commit in commits.items():
        print(f"{name}: {commit}")
    print(bp.summary("intl", records))
    langs = Counter(r["lang"] for r in records)
    print("languages:", ", ".join(f"{k}={v}" for k, v in sorted(langs.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
