"""Turn public extraction test pages into labelled lines for the boilerplate line model.

Each page becomes one record: the visible text lines of its HTML in order, and for
each line a label against the page's gold article text:

- ``1``: the line belongs to the article body (its text is in the gold text, or at
  least 60% of its word 4-grams are);
- ``0``: it shares nothing with the body (no word 4-gram in common, not a substring);
- ``None``: partial overlap, or a headline line (left out of scores).

Lines of fewer than 4 words are labelled 1 only when they are a substring of the
gold text and sit between the first and last labelled-1 long line; 0 when they
are not in the gold text at all; otherwise None.

Sources are read straight from git directories of the public repositories (as
``git clone --bare`` or a mirror gives them), so nothing is unpacked on disk:

    python benchmarks/data/boilerplate-lines/build_pages.py \\
        --readability /path/to/mozilla/readability.git \\
        --dragnet-gold /path/to/seomoz/dragnet_data.git \\
        --dragnet-html /path/to/j-szulc/html-cleaning-dataset-merged.git

Standard library only. Output is deterministic (records sorted by id, gzip
written with mtime 0).
"""

from __future__ import annotations

import argparse
import codecs
import gzip
import hashlib
import io
import json
import re
import subprocess
import sys
import tarfile
import unicodedata
from collections import Counter
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent

# --------------------------------------------------------------------------- git


class GitReader:
    """Read files of one commit of a git directory (``git cat-file --batch``)."""

    def __init__(self, git_dir: str, rev: str = "HEAD") -> None:
        self.git_dir = git_dir
        self.rev = rev
        self._batch: subprocess.Popen[bytes] | None = None

    def _git(self, *args: str) -> bytes:
        cmd = ["git", f"--git-dir={self.git_dir}", *args]
        return subprocess.run(cmd, check=True, capture_output=True).stdout

    def commit(self) -> str:
        return self._git("rev-parse", self.rev).decode().strip()

    def paths(self, under: str) -> list[str]:
        out = self._git("ls-tree", "-r", "--name-only", "-z", self.rev, "--", under)
        return sorted(p for p in out.decode("utf-8").split("\0") if p)

    def read(self, path: str) -> bytes | None:
        if self._batch is None:
            cmd = ["git", f"--git-dir={self.git_dir}", "cat-file", "--batch"]
            self._batch = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        assert self._batch.stdin is not None and self._batch.stdout is not None
        self._batch.stdin.write(f"{self.rev}:{path}\n".encode())
        self._batch.stdin.flush()
        header = self._batch.stdout.readline().decode().split()
        if len(header) != 3:  # "<name> missing"
            return None
        data = self._batch.stdout.read(int(header[2]))
        self._batch.stdout.read(1)  # trailing newline
        return data

    def close(self) -> None:
        if self._batch is not None:
            assert self._batch.stdin is not None
            self._batch.stdin.close()
            self._batch.wait()
            self._batch = None


# --------------------------------------------------------------------- decoding

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# WHATWG: these labels mean windows-1252 in a browser.
AS_CP1252 = {"iso8859-1", "latin-1", "ascii", "us-ascii", "iso-8859-1", "cp1252", "latin1"}


def decode_html(data: bytes) -> tuple[str, str]:
    """Decode page bytes: a BOM, else strict UTF-8, else the meta charset, else cp1252.

    Bytes that are valid UTF-8 are read as UTF-8 whatever the page declares: saved
    copies are often re-encoded without their meta tag being updated, and text in a
    single-byte charset is almost never valid UTF-8 by chance.
    """
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = "cp1252"
    m = META_CHARSET.search(data[:8192])
    if m:
        label = m.group(1).decode("ascii", "replace").lower()
        try:
            declared = codecs.lookup(label).name
        except LookupError:
            declared = "cp1252"
        if label in AS_CP1252 or declared in AS_CP1252:
            declared = "cp1252"
    return data.decode(declared, errors="replace"), declared


def decode_text(data: bytes) -> str:
    """Decode a plain-text gold file: BOM, UTF-8, else cp1252."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


# ------------------------------------------------------------------ HTML to lines

BLOCK = frozenset(
    """
address article aside blockquote body br caption center dd details dialog dir div dl dt
fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 header hgroup hr
html legend li main menu nav ol optgroup option p pre section summary table tbody td
tfoot th thead tr ul
""".split()
)
SKIP = frozenset({"script", "style", "noscript", "template", "svg", "title", "head"})
LINK_RELS = frozenset({"canonical", "shortlink", "alternate", "pingback", "edituri"})
VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
SPACE = re.compile(r"\s+")


class _Lines(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.buf: list[str] = []
        self.skip: list[str] = []  # open skipped elements, innermost last
        self.pre = 0
        self.title: list[str] = []
        self.meta: dict[str, str] = {}
        self.h1: list[str] = []
        self.in_h1 = 0
        self.h1_buf: list[str] = []
        self.hosts: list[str] = []  # hrefs of feed and blog-API links: the site's own host
        self.anchors: list[str] = []  # absolute link targets

    def flush(self) -> None:
        text = SPACE.sub(" ", "".join(self.buf)).strip()
        if text:
            self.lines.append(text)
        self.buf = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("meta", "link", "base"):
            a = {k: (v or "") for k, v in attrs}
            if tag == "meta":
                key = (a.get("property") or a.get("name") or "").lower()
                if key and a.get("content") and key not in self.meta:
                    self.meta[key] = a["content"]
            elif tag == "base" and a.get("href"):
                self.meta.setdefault("base", a["href"])
            else:
                for rel in (a.get("rel") or "").lower().split():
                    if rel in LINK_RELS and a.get("href"):
                        self.meta.setdefault(f"link:{rel}", a["href"])
                        if rel in ("alternate", "pingback", "edituri"):
                            self.hosts.append(a["href"])
            return
        if tag == "head" and self.lines:  # a stray <head> inside the body: ignore
            return
        if tag == "body" and self.skip and self.skip[0] == "head":  # unclosed <head>
            self.skip = []
        if tag in SKIP:
            self.skip.append(tag)
            return
        if tag == "a":
            href = next((v for k, v in attrs if k == "href" and v), "")
            if href.startswith(("http://", "https://")):
                self.anchors.append(href)
        if tag in BLOCK:
            self.flush()
        if tag == "pre":
            self.pre += 1
        if tag == "h1":
            self.in_h1 += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP:
            return
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.skip:
            while self.skip and self.skip.pop() != tag:
                pass
            if tag == "head" and "head" not in self.skip:
                self.skip = []
            return
        if tag == "body" and self.skip:
            self.skip = []
        if tag in BLOCK:
            self.flush()
        if tag == "pre" and self.pre:
            self.pre -= 1
        if tag == "h1" and self.in_h1:
            self.in_h1 -= 1
            if not self.in_h1:
                self.h1.append(SPACE.sub(" ", "".join(self.h1_buf)).strip())
                self.h1_buf = []

    def handle_data(self, data: str) -> None:
        if self.skip:
            if self.skip[-1] == "title" and "svg" not in self.skip:
                self.title.append(data)
            return
        if self.in_h1:
            self.h1_buf.append(data)
        if self.pre and "\n" in data:
            parts = data.split("\n")
            for part in parts[:-1]:
                self.buf.append(part)
                self.flush()
            self.buf.append(parts[-1])
        else:
            self.buf.append(data)


def html_lines(text: str) -> tuple[list[str], dict[str, str], list[str]]:
    """Visible text lines of an HTML page, its head metadata and its h1 texts."""
    p = _Lines()
    p.feed(text)
    p.close()
    p.flush()
    meta = dict(p.meta)
    meta["hosts"] = "\n".join(p.hosts)
    linked = Counter(site_of(h) for h in p.anchors)
    linked = Counter({k: v for k, v in linked.items() if k and k not in SHARE_HOSTS})
    if linked:
        site, n = min(linked.items(), key=lambda kv: (-kv[1], kv[0]))
        if n >= 3:
            meta["linked_site"] = site
    title = SPACE.sub(" ", "".join(p.title)).strip()
    if title:
        meta["title"] = title
    return p.lines, meta, [h for h in p.h1 if h]


def text_lines(text: str) -> list[str]:
    out = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = SPACE.sub(" ", raw).strip()
        if line:
            out.append(line)
    return out


# ---------------------------------------------------------------------- labels

QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00ad": None,
        "\u200b": None,
    }
)
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
# A word is a run of word characters, except that each CJK character is a word of its own.
WORD = re.compile(f"[{CJK}]|[^\\W{CJK}]+")
TITLE_SEP = re.compile(r"\s+[|\-\u2013\u2014:\u00b7\u00bb\u2022/]+\s+")


def norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(QUOTES).lower()


def words(text: str) -> list[str]:
    return WORD.findall(norm(text))


def grams(tokens: list[str], n: int = 4) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def headline_keys(meta: dict[str, str], h1: list[str], title: str | None) -> set[str]:
    """Token strings that count as the page's headline."""
    cands = [title or "", meta.get("og:title", ""), meta.get("twitter:title", "")]
    page_title = meta.get("title", "")
    cands.append(page_title)
    cands.extend(TITLE_SEP.split(page_title))
    cands.extend(h for h in h1[:1] if len(words(h)) >= 3)
    keys = set()
    for c in cands:
        toks = words(c)
        if len(toks) >= 2:
            keys.add(" ".join(toks))
    return keys


def label_lines(lines: list[str], gold: str, headlines: set[str]) -> list[int | None]:
    gold_toks = words(gold)
    gold_str = " " + " ".join(gold_toks) + " "
    gold_grams = grams(gold_toks)
    gold_raw = norm(SPACE.sub("", gold))
    labels: list[int | None] = []
    short: list[int] = []
    found: list[bool] = []
    for i, line in enumerate(lines):
        toks = words(line)
        key = " ".join(toks)
        if key in headlines:
            labels.append(None)
            found.append(False)
            continue
        inside = bool(toks) and f" {key} " in gold_str
        if not toks:
            inside = norm(SPACE.sub("", line)) in gold_raw
        found.append(inside)
        if len(toks) < 4:
            labels.append(None)
            short.append(i)
            continue
        g = grams(toks)
        share = len(g & gold_grams) / len(g)
        if inside or share >= 0.6:
            labels.append(1)
        elif share == 0:
            labels.append(0)
        else:
            labels.append(None)
    ones = [i for i, lab in enumerate(labels) if lab == 1]
    lo, hi = (ones[0], ones[-1]) if ones else (-1, -1)
    for i in short:
        if not found[i]:
            labels[i] = 0
        elif lo <= i <= hi and words(lines[i]):
            labels[i] = 1
    return labels


# ----------------------------------------------------------------------- sites

# Feed, share, social and other services pages link to whatever their own site.
SHARE_HOSTS = frozenset(
    """
addthis.com addtoany.com amazon.com blogger.com delicious.com digg.com facebook.com
feedblitz.com feedburner.com feedsportal.com flickr.com google.com linkedin.com pinterest.com
reddit.com stumbleupon.com t.co technorati.com tumblr.com twitter.com wordpress.com
wordpress.org youtube.com
""".split()
)
# Hosts whose subdomains are separate sites (as in the Public Suffix List).
BLOG_HOSTS = {
    "blogspot.com",
    "typepad.com",
    "wordpress.com",
    "posterous.com",
    "tumblr.com",
    "livejournal.com",
    "tripod.com",
    "github.io",
    "blogs.com",
    "squarespace.com",
}
SECOND_LEVEL = {"co", "com", "org", "net", "ac", "gov", "edu", "gob", "or", "ne", "go"}


def site_of(url: str) -> str:
    """Registrable-domain approximation of a URL's host ('' when there is none)."""
    try:
        host = (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""
    if (
        not host
        or "." not in host
        or host in ("fakehost", "localhost")
        or host.replace(".", "").isdigit()
    ):
        return ""
    labels = host.split(".")
    if len(labels) >= 3 and (
        labels[-2] in SECOND_LEVEL and len(labels[-1]) == 2 or ".".join(labels[-2:]) in BLOG_HOSTS
    ):
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def page_url(meta: dict[str, str]) -> str:
    for key in ("link:canonical", "og:url", "twitter:url", "base", "link:shortlink"):
        url = meta.get(key, "").strip()
        if url.startswith(("http://", "https://")) and site_of(url):
            return url
    return ""


def page_site(meta: dict[str, str], guess: bool = False) -> str:
    """Site of the page's own URL, else of its feed or blog-API links, else (``guess``)
    the site it links to most often (at least 3 times); feed, share and social services
    are left out."""
    url = page_url(meta)
    if url:
        return site_of(url)
    for href in meta.get("hosts", "").split("\n"):
        site = site_of(href) if href.startswith(("http://", "https://")) else ""
        if site and site not in SHARE_HOSTS:
            return site
    return meta.get("linked_site", "") if guess else ""


def split_of(key: str) -> str:
    return "test" if int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % 10 < 3 else "train"


def make_record(
    pid: str,
    set_name: str,
    html_bytes: bytes,
    gold: str,
    title: str | None = None,
    guess_site: bool = False,
) -> dict | None:
    text, _ = decode_html(html_bytes)
    lines, meta, h1 = html_lines(text)
    if not lines or not words(gold):
        return None
    labels = label_lines(lines, gold, headline_keys(meta, h1, title))
    if 1 not in labels and len(words(gold)) >= 20:
        return None  # the gold article is not in this HTML (an interstitial or ad page)
    return {
        "id": pid,
        "set": set_name,
        "url": page_url(meta),
        "site": page_site(meta, guess_site),
        "lines": lines,
        "labels": labels,
        "article_body": gold,
    }


# --------------------------------------------------------------------- sources


def readability_pages(git_dir: str) -> Iterator[dict]:
    repo = GitReader(git_dir)
    root = "test/test-pages/"
    names = sorted({p[len(root) :].split("/")[0] for p in repo.paths(root)})
    for name in names:
        src = repo.read(f"{root}{name}/source.html")
        exp = repo.read(f"{root}{name}/expected.html")
        if src is None or exp is None:
            continue
        meta_raw = repo.read(f"{root}{name}/expected-metadata.json")
        meta = json.loads(meta_raw) if meta_raw else {}
        gold_lines, _, _ = html_lines(exp.decode("utf-8", errors="replace"))
        rec = make_record(
            f"readability:{name}", "readability", src, "\n".join(gold_lines), meta.get("title")
        )
        if rec is not None:
            rec["stem"] = re.sub(r"-\d+$", "", name)
            yield rec
    repo.close()


COMMENTS = re.compile(r"!@#\$%\^&\*\(\)\s+COMMENTS")


def dragnet_gold(git_dir: str) -> dict[str, str]:
    """Article text (comments cut off) of each Dragnet page, by page id."""
    data = GitReader(git_dir).read("dragnet_Corrected.tar.gz")
    if data is None:
        sys.exit(f"no dragnet_Corrected.tar.gz in {git_dir}")
    gold = {}
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        for member in tar.getmembers():
            name = member.name.split("/")[-1]
            if not member.isfile() or not name.endswith(".html.corrected.txt"):
                continue
            f = tar.extractfile(member)
            assert f is not None
            text = decode_text(f.read())
            text = COMMENTS.split(text)[0]
            gold[name[: -len(".html.corrected.txt")]] = "\n".join(text_lines(text))
    return gold


def dragnet_pages(gold_dir: str, html_dir: str) -> Iterator[dict]:
    gold = dragnet_gold(gold_dir)
    repo = GitReader(html_dir)
    root = "dragnet_data/input/"
    for path in repo.paths(root):
        name = path[len(root) :]
        if not name.endswith(".html") or name[:-5] not in gold:
            continue
        pid = name[:-5]
        data = repo.read(path)
        if data is None:
            continue
        try:
            rec = make_record(f"dragnet:{pid}", "dragnet", data, gold[pid], guess_site=True)
        except Exception as exc:  # a page the parser cannot read is left out
            print(f"dragnet {pid}: {exc!r}", file=sys.stderr)
            continue
        if rec is not None:
            rec["stem"] = rec["id"]
            yield rec
    repo.close()


# ---------------------------------------------------------------------- output


def assign_sources(records: list[dict]) -> None:
    """The split key of each page: its site where known.

    A page whose site is unknown takes the site of its test-name stem (``nytimes-5``
    goes with ``nytimes-1``) when the stem's other pages agree on one site; otherwise
    its stem, or for Dragnet its id, is the key.
    """
    stem_sites: dict[str, set[str]] = {}
    for r in records:
        if r["site"]:
            stem_sites.setdefault(r["stem"], set()).add(r["site"])
    for r in records:
        known = stem_sites.get(r["stem"], set())
        if r["site"]:
            r["source"] = r["site"]
        elif len(known) == 1:
            r["source"] = next(iter(known))
        else:
            r["source"] = r["stem"]


def finish(records: list[dict]) -> list[dict]:
    assign_sources(records)
    out = []
    for r in sorted(records, key=lambda r: r["id"]):
        out.append(
            {
                "id": r["id"],
                "set": r["set"],
                "url": r["url"],
                "source": r["source"],
                "split": split_of(r["source"]),
                "lines": r["lines"],
                "labels": r["labels"],
                "article_body": r["article_body"],
            }
        )
    return out


def write_gz(path: Path, records: list[dict]) -> None:
    raw = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    with (
        open(path, "wb") as f,
        gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0, compresslevel=9) as gz,
    ):
        gz.write(raw)


def summary(name: str, records: list[dict]) -> str:
    labels = [lab for r in records for lab in r["labels"]]
    n = len(labels) or 1
    counts = {k: sum(1 for lab in labels if lab == k) for k in (1, 0, None)}
    by_split = {s: sum(1 for r in records if r["split"] == s) for s in ("train", "test")}
    return (
        f"{name}: {len(records)} pages ({by_split['train']} train, {by_split['test']} test), "
        f"{len(labels)} lines: 1={counts[1]} ({counts[1] / n:.1%}), "
        f"0={counts[0]} ({counts[0] / n:.1%}), null={counts[None]} ({counts[None] / n:.1%}), "
        f"{len({r['source'] for r in records})} sources"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--readability", help="git dir of mozilla/readability")
    ap.add_argument("--dragnet-gold", help="git dir of seomoz/dragnet_data (Corrected texts)")
    ap.add_argument(
        "--dragnet-html",
        help="git dir of j-szulc/html-cleaning-dataset-merged "
        "(dragnet_data/input/*.html, the pages of seomoz/dragnet_data)",
    )
    ap.add_argument("--out", default=str(HERE), help="output folder (default: this folder)")
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.readability:
        recs = finish(list(readability_pages(args.readability)))
        write_gz(out / "readability.jsonl.gz", recs)
        print(summary("readability", recs))
    if args.dragnet_gold and args.dragnet_html:
        recs = finish(list(dragnet_pages(args.dragnet_gold, args.dragnet_html)))
        write_gz(out / "dragnet.jsonl.gz", recs)
        print(summary("dragnet", recs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
