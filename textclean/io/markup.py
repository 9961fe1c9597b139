"""Noticing an input whose text field holds whole HTML pages.

The steps clean text: given a page's markup they keep it, tags, scripts and
all, and every count in the summary looks fine. The main text of an HTML or
WARC file is extracted when the file is read (`textclean.io.html`); an HTML
page stored inside a JSON Lines or Parquet record is not, so a run looks at
the first record of its first such input and warns when it is a page.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from itertools import islice

from ..document import Document
from ..errors import TextcleanError, TextcleanWarning
from .readers import ReadOptions, expand_inputs, format_of, read_documents

#: Tags that make a page, not a paragraph quoting a tag.
PAGE_TAG = re.compile(r"<(?:!doctype html|html|head|body|meta|script|div|p)\b", re.IGNORECASE)

#: How a whole page opens.
PAGE_START = re.compile(r"<(?:!doctype html|html)\b", re.IGNORECASE)

#: Formats whose records carry text as it was stored (HTML and WARC are extracted).
RECORDS = ("jsonl", "parquet")

#: How much of a text is looked at, and how many page tags make a page.
HEAD_CHARS = 4096
PAGE_TAGS = 5


def looks_like_html_page(text: str) -> bool:
    """True when ``text`` opens with HTML markup rather than text: it starts with
    a tag and its first characters hold the tags of a page.

    >>> looks_like_html_page("<!DOCTYPE html><html><head><meta charset=utf-8></head><body><p>Hi")
    True
    >>> looks_like_html_page("\\ufeff<html lang=en>" + "x" * 5000)
    True
    >>> looks_like_html_page("Quote: <html><head><meta></head><body><p>an example</p>")
    False
    """
    start = len(text) - len(text.lstrip("\ufeff \t\r\n"))
    if not text.startswith("<", start):
        return False
    if PAGE_START.match(text, start):
        return True
    return len(PAGE_TAG.findall(text, start, start + HEAD_CHARS)) >= PAGE_TAGS


def html_page_warning(files: Iterable[str], opts: ReadOptions) -> str | None:
    """A warning naming the first record of the first JSON Lines or Parquet input
    when its text is an HTML page; None otherwise (or when it cannot be read:
    the run itself reports that)."""
    first = next((f for f in files if f != "-" and format_of(f, opts.format) in RECORDS), None)
    if first is None:
        return None
    records = read_documents([first], opts)
    try:
        doc = next((d for d in islice(records, 100) if isinstance(d, Document)), None)
    except TextcleanError:
        return None
    finally:
        records.close()
    if doc is None or not looks_like_html_page(doc.text):
        return None
    return (
        f"{first}: the {opts.text_field!r} field of document {doc.id!r} holds an HTML page; "
        "the steps clean text and keep markup as it is. Extract the main text first "
        "(HTML and WARC files are extracted as they are read)"
    )


def warn_html_pages(inputs: Iterable[str], opts: ReadOptions, stacklevel: int = 3) -> None:
    """Warn (`TextcleanWarning`) with `html_page_warning` for a run's ``inputs``
    (files or folders); every runner, local or on Dask, calls this once per run.
    Inputs that an earlier part of the same run wrote (``opts.same_run``) were
    looked at as that part read them."""
    if opts.same_run:
        return
    files = expand_inputs([str(p) for p in inputs], opts.format)
    if (page := html_page_warning(files, opts)) is not None:
        warnings.warn(page, TextcleanWarning, stacklevel=stacklevel)
