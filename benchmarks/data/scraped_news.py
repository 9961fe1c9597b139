"""What the scraped-news sets' ``extract.py`` scripts share.

Each set picks its documents its own way; reading a pinned snapshot through
``git``, splitting a text into lines, the split by publisher, what the
earlier sets already hold (publisher sides, texts and near copies of them),
the record a picked document becomes and joining the hand labels with the
lines are the same for all of them, and live here so a fix reaches every
set. Every function keeps the exact output of the scripts
it replaced: the rebuilt ``lines.jsonl.gz`` files are byte-identical.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import urlparse

CATEGORIES = (
    "share",
    "newsletter",
    "account",
    "legal",
    "byline",
    "caption",
    "timestamp",
    "navigation",
    "advertising",
    "widget",
    "separator",
    "duplicate",
    "other",
)

ABP_REPO = "ramybaly/Article-Bias-Prediction"
ABP_COMMIT = "ced8111a720948e6a410e52031ace99c4e53f096"
ABP_DIR = "data/jsons"


def git(git_dir: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "--git-dir", git_dir, *args], capture_output=True)


def git_show(git_dir: str, commit: str, path: str) -> str | None:
    """The file at ``commit``, or None when the snapshot lacks it."""
    proc = git(git_dir, "show", f"{commit}:{path}")
    if proc.returncode != 0:
        return None
    return proc.stdout.decode("utf-8", errors="replace")


def git_show_folder(
    git_dir: str, commit: str, folder: str, keep_missing: bool = False
) -> list[tuple[str, str | None]]:
    """(path, text) of every file in ``folder`` in path order, through one
    ``cat-file --batch``; a blob the snapshot lacks is left out, or given as
    None with ``keep_missing``."""
    listing = git(git_dir, "ls-tree", commit, folder + "/")
    if listing.returncode != 0:
        raise RuntimeError(
            f"git --git-dir {git_dir} ls-tree {commit} {folder}/ failed: "
            f"{listing.stderr.decode(errors='replace').strip()}; give the snapshot's git "
            "directory (its .git folder unless it is a bare repository)"
        )
    entries = []
    for line in listing.stdout.decode().splitlines():
        meta, path = line.split("\t", 1)
        entries.append((path, meta.split()[2]))
    entries.sort()
    blobs = subprocess.run(
        ["git", "--git-dir", git_dir, "cat-file", "--batch"],
        input="".join(f"{sha}\n" for _, sha in entries).encode(),
        capture_output=True,
        check=True,
    )
    out, pos, files = blobs.stdout, 0, []
    for path, _ in entries:
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        pos = end + 1
        if len(header) < 3 or header[1] == b"missing":
            if keep_missing:
                files.append((path, None))
            continue
        size = int(header[2])
        files.append((path, out[pos : pos + size].decode("utf-8", errors="replace")))
        pos += size + 1
    return files


def domain(url: object) -> str:
    """The host of a URL, lower case, without port and ``www.``."""
    if not isinstance(url, str):
        return ""
    host = urlparse(url if "//" in url else "//" + url).netloc.lower()
    host = host.split(":")[0]
    return host[4:] if host.startswith("www.") else host


# Hosts that stand for another site whose name the record does not keep
# (archive.today snapshots, link shorteners): such pages have no known
# publisher.  Wayback Machine links keep the archived URL, whose host is
# the publisher.
NO_PUBLISHER = {
    "archive.is",
    "archive.fo",
    "archive.li",
    "archive.ph",
    "archive.today",
    "archive.vn",
    "bit.ly",
    "t.co",
}
WAYBACK = {"web.archive.org", "replay.waybackmachine.org", "wayback.archive.org"}
WAYBACK_URL = re.compile(r"^https?://[^/]+/(?:web/)?\d+[a-z_]*/(.+)$")


def origin_publisher(url: str) -> str:
    """The host of an origin URL without ``www.``; for a Wayback Machine
    link, the host of the archived URL; empty where it is unknown."""
    host = domain(url)
    if host in WAYBACK:
        match = WAYBACK_URL.match(url.strip())
        host = domain(match.group(1)) if match else ""
    return "" if host in NO_PUBLISHER else host


def origin_pages(
    rows: Iterable[dict],
    prefix: str,
    url_field: str,
    text_field: str,
    origin: Callable[[str], str],
) -> list[dict]:
    """One document for each origin URL of fact-check rows, since several
    fact-checks can name the same page: id ``prefix`` and the first 12 hex
    digits of the SHA-1 of the URL, publisher by ``origin_publisher``, text
    ``text_field``; ``origin(url)`` says where the text was read."""
    docs: list[dict] = []
    seen: set[str] = set()
    for row in rows:
        url = (row.get(url_field) or "").strip()
        if not url:
            continue
        doc_id = prefix + hashlib.sha1(url.encode()).hexdigest()[:12]
        if doc_id in seen:
            continue
        seen.add(doc_id)
        docs.append(
            {
                "id": doc_id,
                "source": origin_publisher(url),
                "origin": origin(url),
                "text": row.get(text_field) or "",
            }
        )
    return docs


def split_lines(text: str) -> list[str]:
    """A line is a paragraph as the scraper emitted it; blank lines go."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [line.strip() for line in text.split("\n") if line.strip()]


def order_key(doc_id: str) -> str:
    """The fixed pseudo-random order every set walks its corpus in."""
    return hashlib.sha1(doc_id.encode()).hexdigest()


def split_of(source: str) -> str:
    """``test`` for four publishers in ten, by a hash of the publisher."""
    return "test" if int(hashlib.sha1(source.encode()).hexdigest(), 16) % 10 < 4 else "train"


def long_lines(lines: list[str], min_len: int = 80) -> set[str]:
    """The paragraphs long enough to identify a text."""
    return {line for line in lines if len(line) >= min_len}


def abp_documents(git_dir: str) -> list[dict]:
    """Article-Bias-Prediction records: id ``abp-<ID>``, publisher the host of
    ``url`` (else of ``source_url``), text ``content_original``."""
    docs = []
    for path, raw in git_show_folder(git_dir, ABP_COMMIT, ABP_DIR):
        try:
            data = json.loads(raw or "")
        except json.JSONDecodeError:
            continue
        docs.append(
            {
                "id": f"abp-{data['ID']}",
                "source": domain(data.get("url")) or domain(data.get("source_url")),
                "origin": f"{ABP_REPO}@{ABP_COMMIT[:12]}:{path} (content_original)",
                "text": data.get("content_original") or "",
            }
        )
    return docs


def labelled(paths: Iterable[Path]) -> tuple[set[str], set[str]]:
    """Ids and publishers (where stored) of the documents in labels files."""
    ids: set[str] = set()
    sources: set[str] = set()
    for path in paths:
        for doc_id, entry in json.loads(path.read_text(encoding="utf-8")).items():
            ids.add(doc_id)
            if entry.get("source"):
                sources.add(entry["source"])
    return ids, sources


def write_raw(docs: list[dict], out: Path) -> None:
    with open(out, "w", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(json.dumps(doc, ensure_ascii=False) + "\n")


def expand(doc: dict, entry: dict) -> tuple[list, list, dict]:
    """labels.json stores furniture lines only: {"furniture": {i: category},
    "undecided": {i: [start, end] of the furniture part in the line, or a
    list of such pairs}}; every other line is content."""
    n = len(doc["lines"])
    labels: list = [1] * n
    cats: list = [None] * n
    for i, cat in entry.get("furniture", {}).items():
        if cat not in CATEGORIES:
            raise ValueError(
                f"{doc['id']} line {i}: unknown category {cat!r}; use one of {CATEGORIES}"
            )
        labels[int(i)], cats[int(i)] = 0, cat
    notes = {}
    for i, span in entry.get("undecided", {}).items():
        labels[int(i)], cats[int(i)] = None, None
        line = doc["lines"][int(i)]
        spans = [span] if span and isinstance(span[0], int) else span or []
        notes[str(i)] = " … ".join(line[a:b] for a, b in spans)
    return labels, cats, notes


def merge(raw: Path, labels_path: Path, out: Path, n_key: str = "n_lines") -> int:
    """Write ``out`` (gzip, mtime 0) with the raw documents that have labels.

    ``n_key`` names the entry field holding the number of lines the labels
    were made for; a document whose text has another number is an error.
    """
    docs = [json.loads(line) for line in raw.read_text(encoding="utf-8").splitlines()]
    table = json.loads(labels_path.read_text(encoding="utf-8"))
    buf = io.BytesIO()
    written = 0
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0) as gz:
        for doc in docs:
            entry = table.get(doc["id"])
            if entry is None:
                continue  # not read yet
            if entry.get(n_key) != len(doc["lines"]):
                raise ValueError(
                    f"{labels_path}: {doc['id']} was labelled for {entry.get(n_key)} lines, "
                    f"the text has {len(doc['lines'])}; rebuild raw.jsonl from the pinned commit"
                )
            labels, cats, notes = expand(doc, entry)
            record = {
                "id": doc["id"],
                "source": doc["source"],
                "origin": doc["origin"],
                "lines": doc["lines"],
                "labels": labels,
                "categories": cats,
                "split": doc["split"],
                "truncated": doc["truncated"],
            }
            if notes:
                record["notes"] = notes
            gz.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
            written += 1
    out.write_bytes(buf.getvalue())
    return written


def git_ls(git_dir: str, commit: str, folder: str) -> list[str]:
    """The paths in ``folder`` at ``commit``, sorted; empty when it has none."""
    proc = git(git_dir, "ls-tree", "--name-only", commit, folder + "/")
    if proc.returncode != 0:
        return []
    return sorted(proc.stdout.decode().split("\n")[:-1])


def abp_main(
    description: str,
    select: Callable[[list[dict]], list[dict]],
    here: Path,
    argv: list[str] | None = None,
    documents: Callable[[str], list[dict]] = abp_documents,
    corpus: str = "Article-Bias-Prediction",
) -> None:
    """The ``raw``/``merge`` command line of a set drawn from one corpus's git directory
    (Article-Bias-Prediction unless ``documents`` reads another)."""

    def cmd_raw(git_dir: str, out: Path) -> None:
        docs = select(documents(git_dir))
        write_raw(docs, out)
        print(f"{len(docs)} documents, {len({d['source'] for d in docs})} publishers -> {out}")

    parser = argparse.ArgumentParser(description=description)
    sub = parser.add_subparsers(dest="cmd", required=True)
    p_raw = sub.add_parser("raw", help="select the documents, unlabelled")
    p_raw.add_argument("git_dir", help=f"a git directory of {corpus}")
    p_raw.add_argument("-o", "--out", type=Path, default=Path("raw.jsonl"))
    p_merge = sub.add_parser("merge", help="join raw documents and labels.json")
    p_merge.add_argument("git_dir", nargs="?")
    p_merge.add_argument("--raw", type=Path)
    p_merge.add_argument("--labels", type=Path, default=here / "labels.json")
    p_merge.add_argument("-o", "--out", type=Path, default=here / "lines.jsonl.gz")
    args = parser.parse_args(argv)
    if args.cmd == "raw":
        cmd_raw(args.git_dir, args.out)
        return
    raw = args.raw
    if raw is None:
        if not args.git_dir:
            parser.error(f"merge needs --raw or the {corpus} git directory")
        raw = Path("raw.jsonl")
        cmd_raw(args.git_dir, raw)
    if not raw.exists():
        sys.exit(f"{raw} not found; give the {corpus} git directory to rebuild it")
    written = merge(raw, args.labels, args.out)
    print(f"{written} labelled documents -> {args.out}")


def set_folders(parent: Path, last: int) -> tuple[Path, ...]:
    """``scraped-news`` to ``scraped-news-<last>`` under ``parent``: the
    sets a new one must not repeat, pinned by number so that a later set
    cannot change an earlier one's selection."""
    names = ["scraped-news"] + [f"scraped-news-{n}" for n in range(2, last + 1)]
    return tuple(parent / name for name in names)


def line_set_records(folders: Iterable[Path]) -> list[dict]:
    """The records of the built line sets in ``folders``, in order; they
    store every publisher, split and text, which labels files do not."""
    records: list[dict] = []
    for folder in folders:
        path = folder / "lines.jsonl.gz"
        if not path.exists():
            raise SystemExit(f"{path} not found: build the earlier sets first")
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            records.extend(json.loads(line) for line in handle)
    return records


def earlier_sets(
    folders: Iterable[Path], prefer_test: bool = False
) -> tuple[dict[str, str], list[list[str]]]:
    """The side (``train``/``test``) of every publisher of the sets in
    ``folders``, and their texts, so that a new set keeps a known
    publisher on its side and repeats no text.  A publisher found on both
    sides keeps the first one met, or ``test`` with ``prefer_test``."""
    side: dict[str, str] = {}
    texts: list[list[str]] = []
    for rec in line_set_records(folders):
        texts.append(rec["lines"])
        if prefer_test:
            if side.get(rec["source"]) != "test":
                side[rec["source"]] = rec["split"]
        else:
            side.setdefault(rec["source"], rec["split"])
    return side, texts


class SeenTexts:
    """Texts a set already has or must not repeat, to skip verbatim copies
    and near copies: texts of which at least ``near_copy`` of the long
    paragraphs have been seen (syndicated or re-crawled articles)."""

    def __init__(self, texts: Iterable[list[str]] = (), near_copy: float = 0.5) -> None:
        self.near_copy = near_copy
        self.texts: set[str] = set()
        self.long: set[str] = set()
        for lines in texts:
            self.add(lines)

    def is_copy(self, lines: list[str]) -> bool:
        """Whether ``lines`` was seen verbatim or as a near copy."""
        if "\n".join(lines) in self.texts:
            return True
        own_long = long_lines(lines)
        return bool(own_long) and len(own_long & self.long) >= self.near_copy * len(own_long)

    def add(self, lines: list[str]) -> None:
        self.texts.add("\n".join(lines))
        self.long |= long_lines(lines)

    def copy(self) -> SeenTexts:
        """An independent copy, to try a group of texts before keeping it."""
        other = SeenTexts(near_copy=self.near_copy)
        other.texts = set(self.texts)
        other.long = set(self.long)
        return other


def record(doc: dict, lines: list[str], split: str, max_lines: int) -> dict:
    """The raw record of a picked document: its first ``max_lines`` lines,
    so that long texts do not dominate the reading."""
    return {
        "id": doc["id"],
        "source": doc["source"],
        "origin": doc["origin"],
        "lines": lines[:max_lines],
        "split": split,
        "truncated": len(lines) > max_lines,
    }


def one_a_publisher(
    ordered: Iterable[dict],
    seen: SeenTexts,
    skip_ids: set[str],
    sides: dict[str, str],
    *,
    min_lines: int,
    max_lines: int,
    take: int | None = None,
    eligible: Callable[[str], bool] = lambda source: True,
    picked: list[dict] | None = None,
) -> list[dict]:
    """Walk ``ordered`` and pick one document a publisher, until ``picked``
    holds ``take`` (all there are without it); ``picked`` is extended in
    place, and none of its publishers is taken again.

    Skipped: documents without a publisher or with an ineligible one, ids
    in ``skip_ids``, texts of fewer than ``min_lines`` lines (too little
    structure to be worth reading) and texts ``seen`` has; a picked text
    is added to ``seen``.  A publisher in ``sides`` keeps its side there, so
    that no publisher is on both sides; another gets ``split_of``.
    """
    if picked is None:
        picked = []
    taken = {doc["source"] for doc in picked}
    for doc in ordered:
        if take is not None and len(picked) >= take:
            break
        source = doc["source"]
        if not source or source in taken or doc["id"] in skip_ids or not eligible(source):
            continue
        lines = split_lines(doc["text"])
        if len(lines) < min_lines or seen.is_copy(lines):
            continue
        seen.add(lines)
        taken.add(source)
        picked.append(record(doc, lines, sides.get(source) or split_of(source), max_lines))
    return picked
