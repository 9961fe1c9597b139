"""Windows of consecutive sentences that look pasted rather than written.

A page can start as an article and end as an aggregator's snippet soup. Whole
page averages dilute that; scoring windows of about `WINDOW_WORDS` words finds
the half that went wrong. A window is pasted when the share of its text
recycled from earlier in the page (fragments of earlier sentences stitched
together) plus the share of its sentences that are truncated or fragments
passes `PASTED_LIMIT`, or when it repeats a lower-cased name phrase (a search
query). Manuals and reference docs reuse phrases too, so either signal alone
is not enough.
"""

from __future__ import annotations

from typing import NamedTuple

from ..segment import split_sentences
from .repetition import recycled_words, words
from .snippets import keyword_repeats, lowercased_names, snippet_share

#: Words per window (a window is a run of whole sentences).
WINDOW_WORDS = 150
#: A window whose recycled share plus snippet share passes this is pasted.
PASTED_LIMIT = 0.6
#: A window repeating a lower-cased name phrase this often is stuffed.
KEYWORD_LIMIT = 3
#: n of the word n-grams whose reuse counts as recycling.
RECYCLE_N = 4


class Region(NamedTuple):
    """``text[start:end]`` looks pasted; ``signals`` says why, with the window's scores."""

    start: int
    end: int
    signals: tuple[str, ...]
    recycled: float
    snippets: float
    keywords: int


def windows(text: str) -> list[tuple[int, int, list[str], list[list[str]]]]:
    """(start, end, sentence texts, their words) for runs of about `WINDOW_WORDS` words."""
    out, current, tokens, count, start = [], [], [], 0, 0
    for sentence in split_sentences(text):
        if not current:
            start = sentence.start
        current.append(sentence.text)
        tokens.append(words(sentence.text))
        count += len(tokens[-1])
        if count >= WINDOW_WORDS:
            out.append((start, sentence.end, current, tokens))
            current, tokens, count = [], [], 0
    if current:
        if out and count < WINDOW_WORDS // 2:  # a short tail joins the window before it
            s, _, sents, toks = out.pop()
            current, tokens, start = sents + current, toks + tokens, s
        out.append((start, len(text.rstrip()), current, tokens))
    return out


def flagged_regions(text: str) -> list[Region]:
    """The windows of ``text`` that look pasted, merged where they touch."""
    spans = windows(text)
    if len(spans) < 2:
        return []
    names = lowercased_names([s for _, _, sents, _ in spans for s in sents])
    seen: set[tuple[str, ...]] = set()
    regions: list[Region] = []
    for start, end, sentences, tokens in spans:
        flat = [w for ws in tokens for w in ws]
        covered = recycled_words(flat, RECYCLE_N, seen)
        chars = sum(map(len, flat)) or 1
        recycled = sum(len(flat[i]) for i in covered) / chars
        snippets = snippet_share(sentences)
        keywords = keyword_repeats(sentences, names)
        pasted = recycled + snippets > PASTED_LIMIT
        signals = tuple(
            name
            for name, fired in (
                ("recycled", pasted and recycled > 0),
                ("snippets", pasted and snippets > 0),
                ("keywords", keywords >= KEYWORD_LIMIT),
            )
            if fired
        )
        if signals:
            regions.append(
                Region(start, end, signals, round(recycled, 4), round(snippets, 4), keywords)
            )
    return regions
