"""Write one benchmark's results into its own section of docs/benchmarks.md.

Each script owns a section between ``<!-- begin NAME -->`` and
``<!-- end NAME -->`` markers, so scripts can be re-run independently without
clobbering each other's results.
"""

from __future__ import annotations

import datetime as _dt
import os
import platform
import re
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
HEADER = """# Benchmarks

Every table here is written by a script in `benchmarks/` from a single run;
ratios compare columns measured in that same run. Re-run a script to refresh
its section (`python benchmarks/NAME.py`).
"""


def machine() -> str:
    """One line describing where the numbers were measured."""
    return (
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, {platform.machine()}, "
        f"measured {_dt.date.today().isoformat()}"
    )


def markdown_table(headers: list[str], rows: list[list[object]]) -> str:
    """A GitHub-flavoured Markdown table."""

    def cell(v: object) -> str:
        if isinstance(v, float):
            return f"{v:,.3g}" if abs(v) < 1000 else f"{v:,.0f}"
        return str(v)

    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def write_section(name: str, title: str, body: str, script: str | None = None) -> None:
    """Replace (or append) the section ``name`` of docs/benchmarks.md (``script``: the
    script's name when it is not ``name``)."""
    DOC.parent.mkdir(parents=True, exist_ok=True)
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else HEADER
    block = (
        f"<!-- begin {name} -->\n## {title}\n\n_{machine()}; "
        f"script: `benchmarks/{script or name}.py`_\n\n{body.strip()}\n<!-- end {name} -->"
    )
    pattern = re.compile(
        rf"<!-- begin {re.escape(name)} -->.*?<!-- end {re.escape(name)} -->", re.S
    )
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text)
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    tmp = DOC.with_suffix(".md.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(DOC)
