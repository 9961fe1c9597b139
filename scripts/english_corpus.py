"""Clean English gathered from this machine, to prove a repair leaves correct text alone.

A lexicon entry that fires on text nobody spun is a false repair. Packaged
documentation is a large, varied body of correct English that every machine
has: Python's own docstrings, Debian's READMEs, changelogs and licences, man
pages, and the READMEs shipped inside installed Python packages. Sources are
read in sorted order so a run is reproducible on one machine; documents are
(name, text) pairs.

Used by ``scripts/build_spun_lexicon.py`` (an entry seen in `BUILD_SOURCES`
cannot be a ``repair``), by the guard test, and by ``benchmarks/bench_spun.py``
(which measures false repairs on `HELD_OUT_SOURCES`, never used for tiers).
"""

from __future__ import annotations

import ast
import gzip
import re
import sysconfig
from collections.abc import Callable, Iterator
from pathlib import Path

Doc = tuple[str, str]

DOC_DIR = Path("/usr/share/doc")
MAN_DIR = Path("/usr/share/man")
_DEBIAN_NAMES = re.compile(r"^(README|NEWS|changelog|copyright|AUTHORS|THANKS|TODO|FAQ)", re.I)
_PACKAGE_DOCS = re.compile(
    r"^(README|CHANGES|CHANGELOG|HISTORY|NEWS)[^/]*$|\.(rst|md)$|^METADATA$", re.I
)
_ROFF_FONT = re.compile(r"\\f[BIRP]|\\f\(..|\\\(..|\\[&e-]|\\s[+-]?\d")
_MAX_FILE_BYTES = 2_000_000


def _read(path: Path) -> str:
    try:
        if path.stat().st_size > _MAX_FILE_BYTES:
            return ""
        raw = gzip.open(path).read() if path.suffix == ".gz" else path.read_bytes()
        return raw.decode("utf-8")
    except (OSError, UnicodeDecodeError, EOFError, gzip.BadGzipFile):
        return ""


def _mostly_ascii(text: str) -> bool:
    """Translations and binary-ish files are left out: the guard is English."""
    return bool(text) and sum(ch.isascii() for ch in text) >= 0.98 * len(text)


def python_docstrings() -> Iterator[Doc]:
    """Docstrings of the standard library (tests and vendored packages left out)."""
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    for path in sorted(stdlib.rglob("*.py")):
        rel = path.relative_to(stdlib).as_posix()
        if (
            rel.startswith(("test/", "site-packages/", "dist-packages/", "idlelib/idle_test/"))
            or "/test" in rel
        ):
            continue
        try:
            tree = ast.parse(_read(path))
        except (SyntaxError, ValueError):
            continue
        nodes = [
            tree,
            *(
                n
                for n in ast.walk(tree)
                if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
            ),
        ]
        parts = [doc for node in nodes if (doc := ast.get_docstring(node))]
        if parts:
            yield f"stdlib:{rel}", "\n\n".join(parts)


def debian_docs(root: Path = DOC_DIR) -> Iterator[Doc]:
    """READMEs, NEWS, changelogs and licences under /usr/share/doc."""
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        if _DEBIAN_NAMES.match(path.name) and not path.name.endswith((".html", ".js")):
            text = _read(path)
            if _mostly_ascii(text):
                yield f"doc:{path.relative_to(root).as_posix()}", text


def man_pages(root: Path = MAN_DIR) -> Iterator[Doc]:
    """English man pages with the roff markup stripped."""
    for path in sorted(root.glob("man[1-8]/*")):
        text = _read(path)
        if not _mostly_ascii(text):
            continue
        lines = [
            _ROFF_FONT.sub("", line)
            for line in text.splitlines()
            if not line.startswith((".", "'"))
        ]
        yield f"man:{path.name}", "\n".join(lines)


def package_docs() -> Iterator[Doc]:
    """READMEs, changelogs and long descriptions shipped inside installed packages."""
    site = Path(sysconfig.get_paths()["purelib"])
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        own = path.parts[len(site.parts)].split("-")[0] == "textclean"  # textclean, its dist-info
        if _PACKAGE_DOCS.search(path.name) and not own:
            text = _read(path)
            if _mostly_ascii(text):
                yield f"pkg:{path.relative_to(site).as_posix()}", text


def perl_pod(root: Path = Path("/usr/share/perl")) -> Iterator[Doc]:
    """The POD documentation of Perl's core modules and manuals."""
    for path in sorted(p for p in root.rglob("*") if p.suffix in (".pod", ".pm")):
        text = _read(path)
        blocks = re.findall(r"^=(?!cut)\w+.*?(?=^=cut|\Z)", text, flags=re.M | re.S)
        pod = "\n".join(
            line for block in blocks for line in block.splitlines() if not line.startswith("=")
        )
        if pod.strip() and _mostly_ascii(pod):
            yield f"perl:{path.relative_to(root).as_posix()}", pod


def cmake_help(root: Path = Path("/usr/share")) -> Iterator[Doc]:
    """CMake's reference manual (reStructuredText)."""
    for path in sorted(root.glob("cmake*/Help/**/*.rst")):
        text = _read(path)
        if _mostly_ascii(text):
            yield f"cmake:{path.relative_to(root).as_posix()}", text


def info_manuals(root: Path = Path("/usr/share/info")) -> Iterator[Doc]:
    """GNU info manuals (coreutils, find, sed, ...)."""
    for path in sorted(root.glob("*.info*")):
        text = _read(path)
        if _mostly_ascii(text):
            yield f"info:{path.name}", text


SOURCES: dict[str, Callable[[], Iterator[Doc]]] = {
    "stdlib": python_docstrings,
    "debian": debian_docs,
    "man": man_pages,
    "packages": package_docs,
    "perl": perl_pod,
    "cmake": cmake_help,
    "info": info_manuals,
}
#: What the lexicon build checks tiers against.
BUILD_SOURCES = ("stdlib", "debian", "man", "packages")
#: Never used to choose tiers: the false-repair rate is measured here.
HELD_OUT_SOURCES = ("perl", "cmake", "info")


def documents(
    sources: tuple[str, ...] = BUILD_SOURCES, max_words: int | None = None
) -> Iterator[Doc]:
    """Documents from the named sources, in order, stopping after ``max_words`` words."""
    seen = 0
    for source in sources:
        for name, text in SOURCES[source]():
            yield name, text
            seen += len(text.split())
            if max_words is not None and seen >= max_words:
                return


if __name__ == "__main__":
    for source in SOURCES:
        docs = list(SOURCES[source]())
        words = sum(len(t.split()) for _, t in docs)
        print(f"{source:10} {len(docs):7,} documents {words:12,} words")
