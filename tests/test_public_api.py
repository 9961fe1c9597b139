"""The public names other pipelines import: present, typed as promised, documented."""

from __future__ import annotations

import inspect
from pathlib import Path

import numpy as np
import pytest

DOCS = "\n".join(
    p.read_text(encoding="utf-8")
    for p in (Path(__file__).resolve().parent.parent / "docs").glob("*.md")
)

CONTRACT = [
    ("textclean", "clean", ["text"]),
    ("textclean.repair", "fix_mojibake", ["text"]),
    ("textclean.repair", "fix_spacing", ["text"]),
    ("textclean.repair", "fix_spun", ["text"]),
    ("textclean.repair", "spin_score", ["text"]),
    ("textclean.boilerplate", "classify_lines", ["lines"]),
    ("textclean.boilerplate", "strip_boilerplate", ["text"]),
    ("textclean.filters", "detect_language", ["text"]),
    ("textclean.filters", "quality", ["text"]),
    ("textclean.dedup", "shingles", ["text", "ngram"]),
    ("textclean.dedup", "minhash_signatures", ["texts", "num_perm", "seed", "ngram"]),
    ("textclean", "decontaminate_text", ["text", "against", "settings"]),
    ("textclean", "decontaminate_documents", ["docs", "against", "settings"]),
    ("textclean", "decontaminate_files", ["inputs", "output"]),
]


@pytest.mark.parametrize(("module", "name", "params"), CONTRACT)
def test_contract_functions_exist_with_their_parameters_and_docs(module, name, params):
    import importlib

    func = getattr(importlib.import_module(module), name)
    assert inspect.isfunction(func), f"{module}.{name} is {type(func).__name__}, not a function"
    assert list(inspect.signature(func).parameters)[: len(params)] == params
    assert func.__doc__
    assert f"{module}.{name}" in DOCS or f"`{name}" in DOCS


def test_contract_defaults():
    from textclean.dedup import minhash_signatures, shingles

    assert inspect.signature(shingles).parameters["ngram"].default == 5
    sig = inspect.signature(minhash_signatures).parameters
    assert (sig["num_perm"].default, sig["seed"].default, sig["ngram"].default) == (128, 1, 5)


def test_contract_return_types():
    from textclean.boilerplate import classify_lines
    from textclean.dedup import HASHFUNC, minhash_signatures
    from textclean.filters import detect_language, quality
    from textclean.repair import spin_score

    lang = detect_language(
        "The council voted on Tuesday to build a new bike lane along the harbour."
    )
    assert isinstance(lang.lang, str) and isinstance(lang.prob, float)
    q = quality("The council voted on Tuesday to build a new bike lane along the harbour.")
    assert isinstance(q.flagged, bool) and isinstance(q.rules, list) and isinstance(q.scores, dict)
    (verdict,) = classify_lines(["Share on Facebook"])
    assert (verdict.keep, isinstance(verdict.category, str), isinstance(verdict.reason, str)) == (
        False,
        True,
        True,
    )
    assert isinstance(spin_score("plain text"), float)
    sigs = minhash_signatures(["one two three four five six", "seven"], num_perm=16)
    assert isinstance(sigs, np.ndarray) and sigs.shape == (2, 16)
    assert callable(HASHFUNC)
