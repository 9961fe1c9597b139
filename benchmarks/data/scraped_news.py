"""What the scraped-news sets' ``extract.py`` scripts share.

Each set picks its documents its own way; reading a pinned snapshot through
``git``, splitting a text into lines, the split by publisher and joining the
hand labels with the lines are the same for all of them, and live here so a
fix reaches every set. Every function keeps the exact output of the scripts
it replaced: the rebuilt ``lines.jsonl.gz`` files are byte-identical.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
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
