"""Checking a run's paths before anything is read or written.

Every command calls `check_paths` first: a missing input is an error that
names it, and no output may be an input, lie where a later run over the same
input folder would read it back, be the same file as another output (a
rejects file equal to the output would replace it), or lie below a file or in
a folder this process may not write to. Nothing is created before these checks
pass.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping

from ..errors import PathError
from .files import strip_compression
from .readers import expand_inputs, format_of

#: Outputs whose format is free (a report); the others are JSON lines, and
#: ``output`` may also be Parquet.
FREE_FORMAT = ("html", "index")


def _real(path: str) -> str:
    return os.path.realpath(os.path.abspath(path))


def _same(a: str, b: str) -> bool:
    if _real(a) == _real(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _inside(path: str, folder: str) -> bool:
    real, top = _real(path), _real(folder)
    return os.path.commonpath([real, top]) == top and real != top


def _read_back(path: str, folder: str, declared: str) -> bool:
    """Would a walk of ``folder`` pick up ``path`` as input?"""
    rel = os.path.relpath(_real(path), _real(folder))
    if any(part.startswith(".") for part in rel.split(os.sep)):
        return False  # hidden files and folders are skipped
    return format_of(os.path.basename(path), declared) is not None


def _check_folder(kind: str, label: str, path: str) -> None:
    """That ``path``'s folder exists or can be made, and can be written to.

    The first folder on the way up that exists must be a folder (a file named
    like one of the folders cannot hold it) that this process may write in.
    """
    if kind == "index" and os.path.exists(path):
        # An index is a folder of its own: one that exists is used in place (read-only
        # runs write nothing to it), so only its being a folder matters here.
        if not os.path.isdir(path):
            raise PathError(f"{label} {path} is a file; an index is a folder")
        return
    parent = os.path.dirname(os.path.abspath(path))
    while not os.path.exists(parent):
        up = os.path.dirname(parent)
        if up == parent:
            break
        parent = up
    if not os.path.isdir(parent):
        raise PathError(f"{label} {path}: {parent} is a file, not a folder; name another path")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise PathError(f"{label} {path}: the folder {parent} cannot be written to")


def check_paths(
    inputs: Iterable[str], outputs: Mapping[str, str | None], declared: str = "auto"
) -> list[str]:
    """The input files of a run, after checking its outputs against them.

    ``outputs`` maps a label (``"output"``, ``"rejects"``, ``"clusters"``,
    ``"html"``) to a path; None is not checked, and ``-`` (stdout) only for
    being named twice. The
    files other than the output and the HTML report are JSON lines, so a
    Parquet name is refused for them. Raises `PathError` naming the culprit.

    >>> import tempfile, os
    >>> d = tempfile.mkdtemp(); src = os.path.join(d, "in.jsonl"); _ = open(src, "w").write("")
    >>> check_paths([src], {"output": os.path.join(d, "..", "out.jsonl")}) == [src]
    True
    >>> check_paths([src], {"output": src})
    Traceback (most recent call last):
    ...
    textclean.errors.PathError: output ... is also an input: writing it would destroy the input
    """
    inputs = [str(p) for p in inputs]
    for path in inputs:
        if path != "-" and not os.path.exists(path):
            raise PathError(f"{path}: no such file or directory")
    files = expand_inputs(inputs, declared)
    folders = [p for p in inputs if p != "-" and os.path.isdir(p)]
    to_stdout = [label for label, path in outputs.items() if path and str(path) == "-"]
    if len(to_stdout) > 1:
        raise PathError(
            f"{' and '.join(to_stdout)} both go to standard output (-), where their "
            "records would mix; write all but one to a file"
        )
    named = [(label, str(path)) for label, path in outputs.items() if path and str(path) != "-"]
    for i, (label, path) in enumerate(named):
        kind = label.split(" ")[0]  # "index 2": a second stage's index
        _check_folder(kind, label, path)
        if os.path.isdir(path) and kind != "index":
            raise PathError(f"{label} {path} is a directory; name a file")
        if kind not in FREE_FORMAT:
            if label != "output" and strip_compression(path).lower().endswith(".parquet"):
                raise PathError(f"{label} {path}: this file is JSON lines, not Parquet")
        for source in files:
            if source != "-" and _same(path, source):
                raise PathError(
                    f"{label} {path} is also an input: writing it would destroy the input"
                )
        for folder in folders:
            if _inside(path, folder) and _read_back(path, folder, declared):
                raise PathError(
                    f"{label} {path} is inside the input folder {folder}: a later run over "
                    "that folder would read it back as input; write it elsewhere"
                )
        for other_label, other in named[:i]:
            if _same(path, other):
                raise PathError(
                    f"{other_label} and {label} are the same file ({path}): "
                    "one would replace the other"
                )
    return files
