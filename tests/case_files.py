"""Loading data-driven test cases (see tests/cases/repair/README.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


def load_cases(path: Path) -> list:
    """One pytest param per case; ``"expect": "fail"`` marks a known failure (strict xfail)."""
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [
        pytest.param(
            c,
            id=c["label"],
            marks=[pytest.mark.xfail(strict=True)] if c.get("expect") == "fail" else [],
        )
        for c in cases
    ]
