"""Position signals: runs of short link-like lines, and author names near bylines.

Wording rules cannot know every site's menu, but menus, related-story lists
and share bars have a shape: several short lines in a row, none ending like
a sentence. A single short line between paragraphs is a subheading and stays.
Lines the rules already condemned, and blank lines, are transparent here, so
removing them never changes which runs exist (the step stays idempotent).
"""

from __future__ import annotations

from collections.abc import Sequence

from .features import is_name, is_quoted, is_short_label

#: Short unpunctuated lines in a row needed before they count as navigation.
MIN_RUN = 3


def link_runs(texts: Sequence[str], condemned: Sequence[bool], min_run: int = MIN_RUN) -> list[int]:
    """Indices of lines in runs of at least ``min_run`` short label-like lines.

    ``texts`` are the lines (blank ones included), ``condemned`` marks lines
    already found to be boilerplate. A run that follows a line ending in a
    colon is a list the article introduced, and is kept.

    >>> link_runs(["Intro.", "Home", "", "World", "Sport", "Body text here."], [False] * 6)
    [1, 3, 4]
    >>> link_runs(["Here are the picks:", "Red", "Green", "Blue"], [False] * 4)
    []
    """
    found: list[int] = []
    run: list[int] = []
    intro = False  # the run follows "...:"
    previous = ""
    for i, text in enumerate(texts):
        if condemned[i] or not text.strip():
            continue
        if is_short_label(text) and not is_quoted(text):
            if not run:
                intro = previous.rstrip().endswith(":")
            run.append(i)
        else:
            if len(run) >= min_run and not intro:
                found.extend(run)
            run = []
        previous = text
    if len(run) >= min_run and not intro:
        found.extend(run)
    return found


def author_names(
    texts: Sequence[str], categories: Sequence[str | None], reach: int = 2
) -> list[int]:
    """Indices of bare name lines that belong to a byline or author bio nearby.

    A name line ("Brendyn Lotz") is furniture when one of the ``reach``
    nearest non-blank lines on either side is a byline, or when a byline
    line elsewhere in the document starts with the same name.

    >>> author_names(["Brendyn Lotz", "", "Brendyn Lotz writes news."], [None, None, "byline"])
    [0]
    >>> author_names(["Nissan Sentra", "The car is new."], [None, None])
    []
    """
    bylines = [t.strip() for t, c in zip(texts, categories, strict=True) if c == "byline"]
    if not bylines:
        return []
    nonblank = [i for i, t in enumerate(texts) if t.strip()]
    found = []
    for pos, i in enumerate(nonblank):
        if categories[i] is not None or not is_name(texts[i]):
            continue
        name = texts[i].strip()
        near = nonblank[max(0, pos - reach) : pos] + nonblank[pos + 1 : pos + 1 + reach]
        if any(categories[j] == "byline" for j in near) or any(
            b.startswith(name + " ") for b in bylines
        ):
            found.append(i)
    return found
