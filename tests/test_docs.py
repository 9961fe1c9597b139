"""Everything a user can name is documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from textclean import registry
from textclean.cli import main

DOCS = Path(__file__).resolve().parent.parent / "docs"


def all_docs() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(DOCS.glob("*.md")))


@pytest.mark.parametrize("name", sorted(registry.available()))
def test_every_step_is_documented(name):
    info = registry.get(name)
    assert info.description, f"step {name!r} has no docstring"
    assert f"`{name}`" in all_docs(), f"step {name!r} is not mentioned in docs/"


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_is_documented(command):
    assert f"textclean {command}" in all_docs(), f"command {command!r} is not documented in docs/"


def test_every_step_option_has_help():
    missing = [
        f"{n}.{opt}"
        for n, info in registry.available().items()
        for opt, _, text in info.option_help()
        if not text
    ]
    assert not missing, f"options without help: {missing}"


@pytest.mark.parametrize(
    "page", sorted(p.name for p in DOCS.glob("*.md") if ">>> " in p.read_text())
)
def test_the_interactive_examples_of_a_guide_print_what_it_shows(page):
    import doctest

    result = doctest.testfile(str(DOCS / page), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize("page", sorted(DOCS.glob("*.md")), ids=lambda p: p.name)
def test_no_paragraph_of_a_page_is_repeated(page):
    """A guide says each thing once: a paragraph written twice is an editing slip.
    (Sections a benchmark script writes may share their method paragraph.)"""
    text = re.sub(
        r"<!-- begin .*?<!-- end [^>]*-->", "", page.read_text(encoding="utf-8"), flags=re.S
    )
    paragraphs = [p.strip() for p in text.split("\n\n")]
    long = [p for p in paragraphs if len(p) > 200 and not p.startswith(("|", "```", "    "))]
    repeated = {p[:80] for p in long if long.count(p) > 1}
    assert not repeated, f"{page.name} repeats: {sorted(repeated)}"
    assert page.stat().st_size < 200_000, f"{page.name} is {page.stat().st_size} bytes"
