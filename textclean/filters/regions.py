"""Windows of consecutive sentences that look pasted rather than written.

A page can start as an article and end as an aggregator's snippet soup. Whole
page averages dilute that; scoring windows of about `WINDOW_WORDS` words finds
the half that went wrong. A window is pasted when the share of its text
recycled from earlier in the page (fragments of earlier sentences stitched
together) plus the share of its sentences that are truncated or fragments
passes `PASTED_LIMIT` with each of the two at least `MIN_RECYCLED` and
`MIN_SNIPPETS`, or when it repeats a lower-cased name phrase (a search query)
`KEYWORD_LIMIT` times. Manuals, statistics releases and reference docs reuse
phrases too, and transcripts and lists start lines in lower case, so neither
signal alone is enough.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate, chain
from typing import NamedTuple

import numpy as np

from ..segment import Sentence, split_sentences
from .snippets import (
    Vocabulary,
    cased_words,
    is_fragment,
    is_truncated,
    joined_words,
    list_item_starts,
    name_pair_starts,
    names_in,
    spaced_words,
    top_pair_count,
)
from .word_grams import WordGrams

#: Words per window (a window is a run of whole sentences).
WINDOW_WORDS = 150
#: A window whose recycled share plus snippet share passes this is pasted...
PASTED_LIMIT = 0.6
#: ...when each of the two is at least this (recycled) and this (snippets).
MIN_RECYCLED = 0.1
MIN_SNIPPETS = 0.15
#: A window repeating a lower-cased name phrase this often is stuffed.
KEYWORD_LIMIT = 5
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


class SentenceWords:
    """A text's sentences with what every score reads from them, found once per text.

    Each word is counted once, as written: ``distinct`` holds the distinct
    words in order of first appearance and ``ids`` every word as its place
    there, so the name counts (`vocabulary`) and the n-gram codes of the
    case-folded words (`grams`) fold and count distinct words, not every word.
    The case-folded words themselves (``folded``, ``words``) are made only
    when asked for.
    """

    __slots__ = ("sentences", "cased", "snippet", "flat", "distinct", "ids", "_words")

    def __init__(
        self,
        sentences: list[Sentence],
        cased: list[list[str]],
        snippet: list[bool],
    ):
        self.sentences = sentences
        #: Words as written (`snippets.cased_words`), one list per sentence.
        self.cased = cased
        #: Per sentence: truncated or a fragment.
        self.snippet = snippet
        #: `cased` as one list, each sentence followed by "" (`snippets.joined_words`).
        self.flat = joined_words(cased)
        index = dict.fromkeys(chain.from_iterable(cased))
        self.distinct: list[str] = list(index)
        index.update(zip(self.distinct, range(len(self.distinct)), strict=True))
        count = len(self.flat) - len(cased)
        self.ids = np.fromiter(
            map(index.__getitem__, chain.from_iterable(cased)), dtype=np.int64, count=count
        )
        self._words: list[str] | None = None

    @classmethod
    def of(cls, text: str) -> SentenceWords:
        """Split ``text`` once; every word and flag comes from that one split.

        A list item starting a line is not a fragment (`snippets.list_item_starts`).

        >>> SentenceWords.of("It’s here. and cut …").folded
        [['it’s', 'here'], ['and', 'cut']]
        """
        sentences = split_sentences(text)
        spaced = spaced_words(text)
        if spaced is None:
            cased = [cased_words(s.text) for s in sentences]
        else:
            # Sentences cut no word: one split of the spaced text per sentence.
            cased = [spaced[s.start : s.end].split() for s in sentences]
        fragment = [is_fragment(s.text) for s in sentences]
        if any(fragment):  # lists are looked for only on pages with fragments
            items = list_item_starts(text)
            fragment = [
                f and s.start not in items for f, s in zip(fragment, sentences, strict=True)
            ]
        snippet = [f or is_truncated(s.text) for f, s in zip(fragment, sentences, strict=True)]
        return cls(sentences, cased, snippet)

    @property
    def words(self) -> list[str]:
        """Every case-folded word of the text, in order (`repetition.words`)."""
        if self._words is None:
            self._words = list(map(str.casefold, chain.from_iterable(self.cased)))
        return self._words

    @property
    def folded(self) -> list[list[str]]:
        """`cased` case-folded, one list per sentence (folding makes no space)."""
        words = self.words
        folded = []
        at = 0
        for ws in self.cased:
            folded.append(words[at : at + len(ws)])
            at += len(ws)
        return folded

    def vocabulary(self) -> Vocabulary:
        """`snippets.Vocabulary.of` the sentences, from the distinct words' counts."""
        counts = np.bincount(self.ids, minlength=len(self.distinct)).tolist()
        return Vocabulary.counted(self.cased, dict(zip(self.distinct, counts, strict=True)))

    def grams(self) -> WordGrams:
        """`WordGrams` of `words`, from the distinct words case-folded."""
        return WordGrams.of_distinct(list(map(str.casefold, self.distinct)), self.ids)


def window_bounds(text: str, parts: SentenceWords) -> list[tuple[int, int, int, int]]:
    """(start, end, first sentence, after last sentence) of runs of about `WINDOW_WORDS` words."""
    out: list[tuple[int, int, int, int]] = []
    first, count = 0, 0
    for i, sentence in enumerate(parts.sentences):
        count += len(parts.cased[i])
        if count >= WINDOW_WORDS:
            out.append((parts.sentences[first].start, sentence.end, first, i + 1))
            first, count = i + 1, 0
    if first < len(parts.sentences):
        if out and count < WINDOW_WORDS // 2:  # a short tail joins the window before it
            first = out.pop()[2]
        out.append((parts.sentences[first].start, len(text.rstrip()), first, len(parts.sentences)))
    return out


def windows(text: str) -> list[tuple[int, int, list[str], list[list[str]]]]:
    """(start, end, sentence texts, their words) for runs of about `WINDOW_WORDS` words."""
    parts = SentenceWords.of(text)
    return [
        (start, end, [s.text for s in parts.sentences[a:b]], parts.folded[a:b])
        for start, end, a, b in window_bounds(text, parts)
    ]


def flagged_regions(
    text: str,
    parts: SentenceWords | None = None,
    names: set[str] | None = None,
    grams: WordGrams | None = None,
    pairs: list[int] | None = None,
) -> list[Region]:
    """The windows of ``text`` that look pasted, merged where they touch.

    ``parts`` is ``SentenceWords.of(text)``, ``names`` its `snippets.names_in`,
    ``grams`` the `WordGrams` of its folded words and ``pairs`` the
    `snippets.name_pair_starts` of those names when the caller already has them.
    """
    parts = SentenceWords.of(text) if parts is None else parts
    spans = window_bounds(text, parts)
    if len(spans) < 2:
        return []
    if grams is None:
        grams = WordGrams(parts.words)
    recycled_chars, window_chars = _recycled_chars(parts, spans, grams)
    if pairs is None:
        names = names_in(parts.cased) if names is None else names
        pairs = name_pair_starts(parts.flat, names) if names else []
    # Where each sentence starts in `parts.flat`: its words and a "" for each sentence before.
    at = [i + k for i, k in enumerate(accumulate(map(len, parts.cased), initial=0))]
    regions: list[Region] = []
    for (start, end, a, b), reused, chars in zip(spans, recycled_chars, window_chars, strict=True):
        recycled = reused / (chars or 1)
        snippets = _share(parts.snippet[a:b])
        inside = pairs[bisect_left(pairs, at[a]) : bisect_left(pairs, at[b])]
        keywords = top_pair_count(parts.flat, inside)
        pasted = (
            recycled + snippets > PASTED_LIMIT
            and recycled >= MIN_RECYCLED
            and snippets >= MIN_SNIPPETS
        )
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


def _recycled_chars(
    parts: SentenceWords, spans: list[tuple[int, int, int, int]], grams: WordGrams
) -> tuple[list[int], list[int]]:
    """Per window: characters of its words inside a `RECYCLE_N`-gram of the window seen
    earlier in the page (an earlier window, or earlier in this one), and all its word
    characters. The same as `recycled_words` window after window with one ``seen`` set.
    """
    sizes = [sum(map(len, parts.cased[a:b])) for _, _, a, b in spans]
    bounds = np.cumsum([0, *sizes])
    window = np.repeat(np.arange(len(spans)), sizes)
    n = RECYCLE_N
    count = len(grams.codes(n))
    inside = np.flatnonzero(window[:count] == window[n - 1 : n - 1 + count])
    seen_before = inside[~grams.first_seen(n, inside)]
    covered = grams.covered(seen_before, n)
    reused = np.concatenate([[0], np.cumsum(grams.lengths * covered)])
    chars = np.concatenate([[0], np.cumsum(grams.lengths)])
    return (
        (reused[bounds[1:]] - reused[bounds[:-1]]).tolist(),
        (chars[bounds[1:]] - chars[bounds[:-1]]).tolist(),
    )


def _share(flags: Sequence[bool]) -> float:
    """`snippets.snippet_share` from flags already computed."""
    return sum(flags) / len(flags) if flags else 0.0
