"""Position signals: runs of short link-like lines, author names near bylines, closing bios.

Wording rules cannot know every site's menu, but menus, related-story lists
and share bars have a shape: several short lines in a row, none ending like
a sentence. A single short line between paragraphs is a subheading and stays.
Lines the rules already condemned, and blank lines, are transparent here, so
removing them never changes which runs exist (the step stays idempotent).
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..patterns import Pattern
from .features import ends_sentence, is_name, is_quoted, is_short_label, word_count
from .patterns_en import NAMES
from .rules import STEP

#: Short unpunctuated lines in a row needed before they count as navigation.
MIN_RUN = 2
#: What a short line costs when measuring where the article body is.
SHORT_PENALTY = 1
#: An author's bio closes the page: it is among its last lines left once the
#: furniture after it is condemned (one: in the body, the shape introduces people)...
BIO_TAIL = 1
#: ...and is a few sentences long.
BIO_MAX_WORDS = 60
#: How a bio opens: a name, then what the person is ("Jane Roe is a columnist ...").
_BIO_OPENING = Pattern(
    rf"(?:(?:dr|prof)\.?\s+)?{NAMES},?\s+is\s+(?:a|an|the)\s", regex.I | regex.V0, step=STEP
)


def link_lines(
    texts: Sequence[str], categories: Sequence[str | None], min_run: int = MIN_RUN
) -> dict[int, str]:
    """Short label-like lines that are navigation, by index, with a reason code.

    ``texts`` are the lines (blank ones included); ``categories`` holds the
    category of lines already found to be furniture, None for the others.

    * Outside the article body (see `body_span`) every short label is a menu
      item or a related link (``outside_body``), except the headline: the
      last short line of three words or more before the body.
    * Inside the body, short lines are subheadings, list items or product
      names; a run of ``min_run`` of them is navigation (``link_run``) only
      when a navigation heading ("Related", "Most read") introduces it.

    >>> link_lines(["Home", "Police close the bridge", "A long first paragraph of the story, told in full here, with every detail."], [None] * 3)
    {0: 'outside_body'}
    """
    first, last = body_span(texts, categories)
    if first > last:
        return {}
    title = title_line(texts, categories, first)
    found: dict[int, str] = {}
    run: list[int] = []
    opener_category: str | None = None
    previous_category: str | None = None

    def close() -> None:
        outside = run and (run[-1] < first or run[0] > last)
        if len(run) >= min_run and (opener_category == "navigation" or outside):
            found.update((i, "link_run") for i in run)

    for i, text in enumerate(texts):
        if not text.strip():
            continue
        if categories[i] is not None:
            previous_category = categories[i]
            continue
        label = is_short_label(text) and not is_quoted(text) and i != title
        if label and (i < first or i > last):
            found[i] = "outside_body"
        elif label:
            if not run:
                opener_category = previous_category
            run.append(i)
            previous_category = None
            continue
        close()
        run = []
        previous_category = None
    close()
    return dict(sorted(found.items()))


def title_line(
    texts: Sequence[str], categories: Sequence[str | None], first: int, reach: int = 12
) -> int | None:
    """The headline: the longest short kept line (three words or more) just before the body.

    Menus and share bars are one or two words a line; a headline is longer.
    Only the ``reach`` non-blank lines before the body are considered.
    """
    best, best_words = None, 2
    seen = 0
    for i in range(first - 1, -1, -1):
        text = texts[i]
        if not text.strip():
            continue
        seen += 1
        if seen > reach:
            break
        if categories[i] is not None or not is_short_label(text, max_words=30):
            continue
        words = len(text.split())
        if words > best_words:
            best, best_words = i, words
    return best


def body_span(
    texts: Sequence[str], categories: Sequence[str | None], penalty: int = SHORT_PENALTY
) -> tuple[int, int]:
    """First and last line of the article body: the densest stretch of prose.

    Each long sentence-like line scores its word count, every other kept line
    costs ``penalty``; the body is the stretch with the best total (furniture
    and blank lines are free). Without any prose, the span is empty.

    >>> body_span(["Home", "A long paragraph of the story that goes on and on here.", "Home"], [None] * 3)
    (1, 1)
    """
    best, best_span = 0, (len(texts), -1)
    total, start = 0, 0
    for i, text in enumerate(texts):
        if categories[i] is not None or not text.strip():
            continue
        gain = len(text.split()) if is_anchor(text) else -penalty
        if total <= 0:
            total, start = 0, i
        total += gain
        if gain > 0 and total > best:
            best, best_span = total, (start, i)
    return best_span


def is_anchor(text: str) -> bool:
    """A line that is surely article prose: long, and ending like a sentence."""
    stripped = text.strip()
    long = len(stripped.split()) >= 12 or (len(stripped) >= 60 and " " not in stripped[:40])
    return long and ends_sentence(stripped)


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


def closing_bios(texts: Sequence[str], categories: Sequence[str | None]) -> list[int]:
    """Indices of author bios closing the page: among its last `BIO_TAIL` lines not
    condemned, a line of at most `BIO_MAX_WORDS` words that opens with a name and
    "is a", "is an" or "is the".

    Op-eds and columns end with one ("Jane Roe is a columnist for the Herald.
    Follow her at @janeroe"); in the body, a sentence of that shape introduces
    someone the story is about ("Jane Roe is a nurse at the hospital"), so only
    the line that closes what is left of the page is read.

    >>> closing_bios(["The vote is set for Friday.", "Jane Roe is a columnist for the Herald."],
    ...              [None, None])
    [1]
    >>> closing_bios(["Jane Roe is a nurse in Leeds.", "She said the ward was full.", "A", "B", "C"],
    ...              [None] * 5)
    []
    """
    left = [i for i, t in enumerate(texts) if t.strip() and categories[i] is None]
    found = []
    for i in left[-BIO_TAIL:]:
        text = texts[i].strip()
        if (
            word_count(text) <= BIO_MAX_WORDS
            and _BIO_OPENING.match(text) is not None
            and not is_quoted(text)
        ):
            found.append(i)
    return found
