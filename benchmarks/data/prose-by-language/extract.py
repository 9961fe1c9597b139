"""Build pages.jsonl.gz and sources.json from Universal Dependencies treebank snapshots.

Usage:
    python extract.py [GIT_DIR ...]

Each GIT_DIR is a bare git directory of a `UniversalDependencies/UD_<Language>-<Treebank>`
repository (for example /work/.mirror/UniversalDependencies+UD_Greek-GDT/repo). Without
arguments the script takes every /work/.mirror/UniversalDependencies+UD_*/repo. Files are read
from HEAD with `git show`; only the standard library and the git program are used.

Output (next to this script): pages.jsonl.gz (gzip, mtime 0) and sources.json.
See README.md for the selection rules.
"""

import glob
import gzip
import io
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_GLOB = "/work/.mirror/UniversalDependencies+UD_*/repo"

MIN_CHARS = 20  # sentences shorter than this are skipped (and end a paragraph)
BULLET_RE = re.compile(r"^[-*\u2022\u25cf\u25aa] ")  # list items (-, *, bullets) are skipped too
PARA_MIN, PARA_MAX = 2, 4  # sentences per paragraph
PAGE_MIN, PAGE_MAX = 3, 6  # paragraphs per page
PAGES_PER_LANG = 30

# Treebanks used, one per language. mode:
#   newdoc  - source documents are `# newdoc` blocks (`# newpar` also ends a paragraph run)
#   prefix  - source documents are sent_id prefixes (the part before the sentence number)
#   stream  - no document markers: the sentences in file order form one stream per file
#   sorted  - like prefix, but the splits were cut at random: all files are merged and each
#             document's sentences are put back in sent_id number order
#   pud     - Parallel UD: a few sentences per news/wiki article, chosen at random and not
#             adjacent; a paragraph is sentences of one article, a page holds several articles
# Within a document a paragraph only takes sentences whose sent_id numbers follow each other
# (where the ids carry numbers), so every paragraph is adjacent text of one source.
# join: the string between sentences of a paragraph.
# exclude_docs: [regex on the document id, reason]: documents left out.
# numbered_ids (default True): sent_id numbers must follow each other inside a paragraph.
TREEBANKS = {
    "UD_Hindi-PUD": {"lang": "hi", "mode": "pud", "join": " "},
    "UD_Korean-Kaist": {"lang": "ko", "mode": "prefix", "join": " "},
    # Thai separates sentences with a space; Chinese text has no space between sentences.
    "UD_Thai-PUD": {"lang": "th", "mode": "pud", "join": " "},
    # Only the dev file of VTB has `# text` lines. Its text is tokenized (spaces around
    # punctuation, brackets written LBKT/RBKT), undone by detok_vtb.
    "UD_Vietnamese-VTB": {
        "lang": "vi",
        "mode": "stream",
        "join": " ",
        "detok": "vtb",
        "note": "sentences come in article order, but the treebank often leaves "
        "sentences out and has no document or paragraph markers, so a "
        "paragraph can skip sentences or span two articles",
    },
    "UD_Arabic-PUD": {"lang": "ar", "mode": "pud", "join": " "},
    "UD_Chinese-PUD": {"lang": "zh", "mode": "pud", "join": ""},
    "UD_Greek-GDT": {"lang": "el", "mode": "newdoc", "join": " "},
    "UD_Hebrew-HTB": {"lang": "he", "mode": "stream", "join": " "},
    "UD_Persian-Seraji": {"lang": "fa", "mode": "stream", "join": " "},
    "UD_Urdu-UDTB": {"lang": "ur", "mode": "stream", "join": " "},
    "UD_Marathi-UFAL": {"lang": "mr", "mode": "stream", "join": " "},
    "UD_Tamil-TTB": {"lang": "ta", "mode": "stream", "join": " "},
    # ArmTDP sent_ids are not running numbers; its `# newpar` marks paragraphs instead.
    "UD_Armenian-ArmTDP": {
        "lang": "hy",
        "mode": "newdoc",
        "join": " ",
        "numbered_ids": False,
        "exclude_docs": [
            "^(legal-|social-00BA$)",
            "legal documents (numbered clauses) and social-00BA, which ends in a print colophon",
        ],
    },
    "UD_Russian-PUD": {"lang": "ru", "mode": "pud", "join": " "},
    "UD_German-PUD": {"lang": "de", "mode": "pud", "join": " "},
    # Sequoia documents: Europar.550 (European Parliament debate), annodis.er (L'Est Republicain
    # articles, one after another, without article markers).
    "UD_French-Sequoia": {
        "lang": "fr",
        "mode": "sorted",
        "join": " ",
        "exclude_docs": [
            "^(emea|frwiki)",
            "EMEA medicine leaflets (headings, form labels) and the "
            "frwiki pages (category lines, references, lists)",
        ],
        "note": "train, dev and test merged and put back in sent_id order; "
        "sentences of a paragraph are adjacent; a page is one source "
        "(a debate, or a run of newspaper articles without article "
        "markers, so a page may span two articles)",
    },
    "UD_Spanish-PUD": {"lang": "es", "mode": "pud", "join": " "},
    "UD_Indonesian-PUD": {"lang": "id", "mode": "pud", "join": " "},
    "UD_Turkish-IMST": {"lang": "tr", "mode": "newdoc", "join": " "},
    "UD_Finnish-TDT": {
        "lang": "fi",
        "mode": "prefix",
        "join": " ",
        "exclude_docs": [
            "^[hj][0-9]",
            "h documents are grammar examples (unrelated sentences); "
            "j documents are EU legislation (numbered clauses, "
            "contact blocks)",
        ],
    },
    "UD_Polish-PUD": {"lang": "pl", "mode": "pud", "join": " "},
    "UD_English-PUD": {"lang": "en", "mode": "pud", "join": " "},
}

# How far the text of a page is running text of one source, by mode (a treebank's "note" wins).
MODE_NOTE = {
    "newdoc": "one source document per page; sentences of a paragraph are adjacent",
    "prefix": "one source document per page; sentences of a paragraph are adjacent",
    "sorted": "one source per page; sentences of a paragraph are adjacent",
    "stream": "no document markers: sentences of a paragraph are adjacent in the treebank, but a "
    "paragraph or page may span two articles",
    "pud": "each paragraph is 2-4 sentences of one article in article order, not adjacent (PUD "
    "keeps a few random sentences per article); a page holds paragraphs of several "
    "consecutive articles",
}

# Treebanks that may be present but are not used, and why.
_MISSING = "its .conllu files are missing from the snapshot (4 MiB and over)"
_UDT = "Google UDT sentences are independent (not consecutive text)"
NOT_USED = {
    "UD_Hindi-HDTB": _MISSING + "; UD_Hindi-PUD used",
    "UD_Arabic-PADT": _MISSING + "; UD_Arabic-PUD used",
    "UD_Russian-SynTagRus": _MISSING + "; UD_Russian-PUD used",
    "UD_Spanish-AnCora": _MISSING + "; UD_Spanish-PUD used",
    "UD_German-HDT": _MISSING + "; UD_German-PUD used",
    "UD_Japanese-PUD": _MISSING,
    "UD_Japanese-PUDLUW": _MISSING,
    "UD_Korean-GSD": _UDT + "; UD_Korean-Kaist used",
    "UD_Chinese-GSD": _UDT + "; UD_Chinese-PUD used",
    "UD_Japanese-GSD": _UDT
    + " (one newdoc per sentence); Japanese PUD files missing, so no Japanese",
    "UD_German-GSD": _UDT + " (news part sorted alphabetically); UD_German-PUD used",
    "UD_French-GSD": "README: sentences are shuffled; UD_French-Sequoia used",
    "UD_Spanish-GSD": _UDT + "; UD_Spanish-PUD used",
    "UD_Indonesian-GSD": _UDT + "; UD_Indonesian-PUD used",
    "UD_Indonesian-CSUI": "only the start of the test file is running text, the rest is in "
    "random order; UD_Indonesian-PUD used",
    "UD_Russian-GSD": _UDT + "; UD_Russian-PUD used",
    "UD_Russian-Taiga": "train files missing from the snapshot; dev/test mix social media and "
    "poetry, ids skip inside documents; UD_Russian-PUD used",
    "UD_Polish-PDB": "README: sentences assigned to files at random, no document ids; "
    "UD_Polish-PUD used",
    "UD_Vietnamese-TueCL": "OPUS subtitle sentences in random order, not running text",
    "UD_Bengali-BRU": "56 short grammar-example sentences, not prose",
    "UD_Amharic-ATT": "grammar-example sentences, not prose",
}

TEXT_RE = re.compile(r"^# text = (.*)$")
SENT_ID_RE = re.compile(r"^# sent_id = (.*)$")
NEWDOC_RE = re.compile(r"^# newdoc(?: id = (.*))?$")
NEWPAR_RE = re.compile(r"^# newpar(?: id = (.*))?$")
LICENSE_RE = re.compile(r"^License:\s*(.+?)\s*$", re.M)
GENRE_RE = re.compile(r"^Genre:\s*(.+?)\s*$", re.M)
NUM_TAIL_RE = re.compile(r"^(.*?)(\d+)$")


VTB_SPACE_BEFORE_RE = re.compile(r" +([,.:;!?)\]}%]|\.\.\.)")
VTB_SPACE_AFTER_RE = re.compile(r"([(\[{]) +")
VTB_QUOTE_RE = re.compile(r'" +(.*?) +"')


def detok_vtb(text):
    """Undo the tokenization of UD_Vietnamese-VTB sentence text.

    LBKT/RBKT become ( and ); the space before , . : ; ! ? ) ] } % ... and after ( [ { is
    removed; when a sentence has an even number of straight double quotes, the spaces inside
    each pair are removed. Nothing else is changed.
    """
    text = re.sub(r"\bLBKT\b", "(", text)
    text = re.sub(r"\bRBKT\b", ")", text)
    text = VTB_SPACE_BEFORE_RE.sub(r"\1", text)
    text = VTB_SPACE_AFTER_RE.sub(r"\1", text)
    if text.count('"') % 2 == 0:
        text = VTB_QUOTE_RE.sub(r'"\1"', text)
    return text


DETOK = {"vtb": detok_vtb}


def detok_note(name):
    """The rule paragraph of a detokenizer's docstring, on one line (None for no detokenizer)."""
    if not name:
        return None
    return " ".join(DETOK[name].__doc__.split("\n\n")[1].split())


def git(git_dir, *args):
    return subprocess.run(
        ["git", "--git-dir", git_dir, *args], check=True, capture_output=True
    ).stdout


def git_text(git_dir, path):
    try:
        return git(git_dir, "show", "HEAD:" + path).decode("utf-8")
    except subprocess.CalledProcessError:
        return None


def treebank_name(git_dir):
    base = os.path.basename(os.path.dirname(os.path.abspath(git_dir)))
    if base == "repo" or not base.startswith("UniversalDependencies+"):
        base = os.path.basename(os.path.abspath(git_dir))
    return base.split("+", 1)[-1].removesuffix(".git")


def parse_conllu(text):
    """Sentences as dicts: text, sent_id, newdoc (id or "" or None), newpar (bool)."""
    sents = []
    cur = {}
    for line in text.splitlines():
        if not line.strip():
            if "text" in cur:
                sents.append(cur)
            cur = {}
            continue
        if not line.startswith("#"):
            continue
        m = TEXT_RE.match(line)
        if m:
            cur["text"] = " ".join(m.group(1).split())
            continue
        m = SENT_ID_RE.match(line)
        if m:
            cur["sent_id"] = m.group(1).strip()
            continue
        m = NEWDOC_RE.match(line)
        if m:
            cur["newdoc"] = (m.group(1) or "").strip()
            continue
        if NEWPAR_RE.match(line):
            cur["newpar"] = True
    if "text" in cur:
        sents.append(cur)
    return sents


def split_id(sent_id):
    """(prefix, number) of a sent_id ending in digits, else (sent_id, None)."""
    m = NUM_TAIL_RE.match(sent_id or "")
    if not m:
        return sent_id or "", None
    return m.group(1), int(m.group(2))


def chunk_sizes(n, lo, hi):
    """Split n items into consecutive chunks of lo..hi items; a remainder below lo is dropped."""
    sizes = []
    while n >= lo:
        if n <= hi:
            take = n
        elif n - hi >= lo:
            take = hi
        else:
            take = n - lo
        sizes.append(take)
        n -= take
    return sizes


def chunk(items, lo, hi):
    out, i = [], 0
    for size in chunk_sizes(len(items), lo, hi):
        out.append(items[i : i + size])
        i += size
    return out


def usable(text):
    return len(text) >= MIN_CHARS and not BULLET_RE.match(text)


def documents(files, mode, numbered_ids=True):
    """Source documents as (doc_id, [run, ...]); a run is a list of adjacent sentences."""
    docs = []  # list of (doc_id, list of sentence-or-None); None marks a break
    if mode == "sorted":
        by_prefix = {}
        for _, sents in files:
            for s in sents:
                prefix, num = split_id(s.get("sent_id"))
                by_prefix.setdefault(prefix, []).append((num if num is not None else -1, s))
        for prefix in sorted(by_prefix):
            docs.append(
                (
                    prefix.rstrip("_-.") or prefix,
                    [s for _, s in sorted(by_prefix[prefix], key=lambda x: x[0])],
                )
            )
    else:
        for fname, sents in files:
            cur_id, cur = None, None
            for s in sents:
                if mode in ("prefix", "pud"):
                    key = (
                        s.get("sent_id", "")[:6] if mode == "pud" else split_id(s.get("sent_id"))[0]
                    )
                    key = key.rstrip("_-.") or key
                    start = key != cur_id
                elif mode == "newdoc":
                    start = "newdoc" in s or cur is None
                    key = s.get("newdoc") or f"{fname}:{s.get('sent_id', '')}"
                else:  # stream
                    start = cur is None
                    key = fname
                if start:
                    cur_id, cur = key, []
                    docs.append((key, cur))
                elif mode == "newdoc" and s.get("newpar"):
                    cur.append(None)
                cur.append(s)

    result = []
    seen = set()
    for doc_id, sents in docs:
        runs, run, prev = [], [], None
        for s in sents:
            brk = s is None
            if not brk:
                text = s["text"]
                prefix, num = split_id(s.get("sent_id"))
                if not usable(text) or text in seen:
                    brk = True
                elif (
                    mode != "pud"
                    and numbered_ids
                    and prev is not None
                    and num is not None
                    and prev[1] is not None
                    and (prefix != prev[0] or num != prev[1] + 1)
                ):
                    brk = True
            if brk and run:
                runs.append(run)
                run = []
            if s is not None:
                prev = split_id(s.get("sent_id"))
                if usable(s["text"]) and s["text"] not in seen:
                    seen.add(s["text"])
                    run.append(s)
        if run:
            runs.append(run)
        result.append((doc_id, runs))
    return result


def paragraphs_of(runs, join):
    paras = []
    for run in runs:
        for group in chunk(run, PARA_MIN, PARA_MAX):
            paras.append(
                (join.join(s["text"] for s in group), [s.get("sent_id", "") for s in group])
            )
    return paras


def candidate_pages(docs, mode, join):
    """Pages as (rank within document, position, doc_ids, [(line, sent_ids), ...])."""
    pages = []
    if mode == "pud":
        # A paragraph is the usable sentences of one article; pages take articles in order.
        paras = []
        for doc_id, runs in docs:
            sents = [s for run in runs for s in run]
            for group in chunk(sents, PARA_MIN, PARA_MAX):
                paras.append(
                    (
                        doc_id,
                        join.join(s["text"] for s in group),
                        [s.get("sent_id", "") for s in group],
                    )
                )
        for pos, group in enumerate(chunk(paras, PAGE_MIN, PAGE_MAX)):
            doc_ids = sorted({d for d, _, _ in group})
            pages.append((0, pos, doc_ids, [(t, ids) for _, t, ids in group]))
        return pages
    pos = 0
    for doc_id, runs in docs:
        paras = paragraphs_of(runs, join)
        for rank, group in enumerate(chunk(paras, PAGE_MIN, PAGE_MAX)):
            # Without real document boundaries every page counts as a document of its own.
            pages.append((0 if mode in ("stream", "sorted") else rank, pos, [doc_id], group))
            pos += 1
    return pages


def spread(items, k):
    """k items evenly spaced over items (deterministic)."""
    n = len(items)
    if n <= k:
        return list(items)
    return [items[(2 * i + 1) * n // (2 * k)] for i in range(k)]


def select(pages, k):
    """Up to k pages: first pages of documents spread over the treebank, then second pages ..."""
    chosen = []
    for rank in sorted({p[0] for p in pages}):
        need = k - len(chosen)
        if need <= 0:
            break
        chosen.extend(spread([p for p in pages if p[0] == rank], need))
    return sorted(chosen, key=lambda p: p[1])


def readme_meta(git_dir):
    for name in ("README.md", "README.txt", "README"):
        text = git_text(git_dir, name)
        if text:
            lic = LICENSE_RE.search(text)
            genre = GENRE_RE.search(text)
            return name, (lic.group(1) if lic else None), (genre.group(1) if genre else None)
    return None, None, None


def license_first_line(git_dir):
    for name in ("LICENSE.txt", "LICENSE", "LICENSE.md"):
        text = git_text(git_dir, name)
        if text:
            for line in text.splitlines():
                if line.strip():
                    return name, line.strip()
    return None, None


def main(argv):
    git_dirs = argv or sorted(glob.glob(DEFAULT_GLOB))
    records, sources, not_used = [], [], {}
    for git_dir in sorted(git_dirs, key=treebank_name):
        name = treebank_name(git_dir)
        if name not in TREEBANKS:
            not_used[name] = NOT_USED.get(name, "not in the list of treebanks used")
            continue
        cfg = TREEBANKS[name]
        commit = git(git_dir, "rev-parse", "HEAD").decode().strip()
        listing = git(git_dir, "ls-tree", "--name-only", "HEAD").decode().splitlines()
        files, missing = [], []
        for path in sorted(p for p in listing if p.endswith(".conllu")):
            text = git_text(git_dir, path)
            if text is None:
                missing.append(path)
                continue
            sents = parse_conllu(text)
            if cfg.get("detok"):
                for sent in sents:
                    sent["text"] = DETOK[cfg["detok"]](sent["text"])
            files.append((path, sents))
        docs = documents(files, cfg["mode"], cfg.get("numbered_ids", True))
        if cfg.get("exclude_docs"):
            docs = [d for d in docs if not re.search(cfg["exclude_docs"][0], d[0])]
        pages = select(candidate_pages(docs, cfg["mode"], cfg["join"]), PAGES_PER_LANG)
        short = name.split("-", 1)[1]
        for n, (_, _, doc_ids, group) in enumerate(pages, 1):
            records.append(
                {
                    "id": f"{cfg['lang']}-{short}-{n}",
                    "lang": cfg["lang"],
                    "treebank": name,
                    "lines": [t for t, _ in group],
                    "source_docs": doc_ids,
                    "sent_ids": [ids for _, ids in group],
                }
            )
        readme, lic, genre = readme_meta(git_dir)
        lic_file, lic_line = license_first_line(git_dir)
        sources.append(
            {
                "treebank": name,
                "lang": cfg["lang"],
                "repository": f"https://github.com/UniversalDependencies/{name}",
                "commit": commit,
                "license": lic,
                "license_file": lic_file,
                "license_file_first_line": lic_line,
                "genre": genre,
                "mode": cfg["mode"],
                "text_order": cfg.get("note") or MODE_NOTE[cfg["mode"]],
                "files_read": {p: len(s) for p, s in files},
                "text_changes": detok_note(cfg.get("detok")),
                "excluded_documents": (
                    {"pattern": cfg["exclude_docs"][0], "reason": cfg["exclude_docs"][1]}
                    if cfg.get("exclude_docs")
                    else None
                ),
                "files_missing_from_snapshot": missing,
                "sentences_with_text": sum(len(s) for _, s in files),
                "documents": len(pages),
            }
        )
    records.sort(key=lambda r: (r["lang"], r["treebank"], int(r["id"].rsplit("-", 1)[1])))

    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        for r in records:
            gz.write((json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8"))
    with open(os.path.join(HERE, "pages.jsonl.gz"), "wb") as f:
        f.write(buf.getvalue())
    with open(os.path.join(HERE, "sources.json"), "w", encoding="utf-8") as f:
        json.dump(
            {"treebanks": sources, "not_used": dict(sorted(not_used.items()))},
            f,
            ensure_ascii=False,
            indent=2,
            sort_keys=True,
        )
        f.write("\n")

    counts = {}
    for r in records:
        counts[(r["lang"], r["treebank"])] = counts.get((r["lang"], r["treebank"]), 0) + 1
    for (lang, tb), c in sorted(counts.items()):
        print(f"{lang}\t{tb}\t{c}")
    print(f"total\t\t{len(records)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
