"""Two page scores the rules of Gopher and the snippet signals miss.

* ``prose_share``: the share of a page's characters in lines that read as
  prose (five words or more, or ten characters of a script written without
  spaces, ending like a sentence). Menus, link lists,
  archives and footers, the page an extractor returns when it misses the
  article, are short unpunctuated lines.
* ``lowered_name_rate``: per 1,000 words, occurrences of the most repeated
  lower-case word pair holding a word the page also capitalises inside a
  sentence ("Andrea Kelly" ... "andrea kelly video"). It counts a pasted
  search query even when the query outnumbers the name, which
  ``keyword_repeats`` (a name must be capitalised at least as often) does not,
  and as a rate, so a long page is not judged by its length.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .stopwords import STOP_WORDS

_ENDS = tuple(".!?…:;\"'”’»)]。！？")
_PROSE_WORDS = 5
_STOP = frozenset().union(*STOP_WORDS.values())


def prose_share(text: str) -> float:
    """Share of non-blank line characters in lines of 5+ words that end like a sentence.

    >>> prose_share("Home\\nNews\\nThe council met on Monday to vote on the park.")
    0.851...
    """
    total = prose = 0
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        total += len(line)
        long = len(line.split()) >= _PROSE_WORDS or (" " not in line and len(line) >= 10)
        if long and line.endswith(_ENDS):
            prose += len(line)
    return prose / total if total else 0.0


def _title(word: str) -> bool:
    return len(word) > 2 and word[0].isupper() and word[1:].islower()


def lowered_name_rate(cased: Sequence[Sequence[str]]) -> float:
    """Per 1,000 words, the most repeated lower-case pair holding a word written as a name.

    ``cased`` holds each sentence's words as written; a name is a word the
    page also capitalises inside a sentence. Pairs with a stop word or a word
    of two letters or fewer do not count.

    >>> lowered_name_rate([["Fans", "of", "Andrea", "Kelly", "came"], ["andrea", "kelly", "news"]])
    125.0
    """
    lower: Counter[tuple[str, str]] = Counter()
    named: set[str] = set()
    words = 0
    for ws in cased:
        words += len(ws)
        named.update([w.casefold() for w in ws[1:] if w[0].isupper() and _title(w)])
        # Each word is judged once; a pair counts when both of its words pass.
        plain = [w.islower() and len(w) > 2 and w not in _STOP for w in ws]
        if sum(plain) > 1:
            lower.update(
                [
                    (a, b)
                    for a, b, pa, pb in zip(ws, ws[1:], plain, plain[1:], strict=False)
                    if pa and pb
                ]
            )
    top = max((n for (a, b), n in lower.items() if a in named or b in named), default=0)
    return 1000.0 * top / words if words else 0.0
