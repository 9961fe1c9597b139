"""Which sentences of each text hold an n-gram of the evaluation set, and whose.

A matched n-gram run covers one or more sentences; each of them is marked
with the first evaluation record (in evaluation order) among the n-grams that
touch it, so the mark does not depend on the order hits are found in.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .evaluation import EvaluationSet
from .ngrams import SentenceWords, gram_hashes, words_batch

__all__ = ["matched_sentences", "texts_with_matches"]


def texts_with_matches(texts: Sequence[str], evaluation: EvaluationSet) -> np.ndarray:
    """Which texts share an n-gram with the evaluation set: tokenised, not segmented.

    Segmenting is most of the cost, and most texts of a corpus share nothing,
    so only the texts found here are segmented.

    >>> from textclean.decontaminate.settings import DecontaminationSettings
    >>> ev = EvaluationSet.build(["red fox jumps"], settings=DecontaminationSettings(ngram=3, min_words=3))
    >>> texts_with_matches(["A red fox. Jumps!", "A red dog."], ev).tolist()
    [True, False]
    """
    batch = words_batch(texts)
    found = np.zeros(len(texts), dtype=bool)
    for length in evaluation.lengths:
        hashes, counts = gram_hashes(batch, length)
        hit = evaluation.lookup(hashes) >= 0
        found[np.repeat(np.arange(len(texts)), counts)[hit]] = True
    return found


def matched_sentences(sw: SentenceWords, evaluation: EvaluationSet) -> list[dict[int, int]]:
    """Per text, ``{sentence index: evaluation record index}`` of its matched sentences.

    >>> from textclean.decontaminate.ngrams import sentence_words
    >>> from textclean.decontaminate.settings import DecontaminationSettings
    >>> ev = EvaluationSet.build([("q", "red fox jumps high")],
    ...                          settings=DecontaminationSettings(ngram=3, min_words=1))
    >>> matched_sentences(sentence_words(["A red fox. Jumps high today. Calm."]), ev)
    [{0: 0, 1: 0}]
    """
    marks: list[dict[int, int]] = [{} for _ in sw.sentences]
    words = sw.words
    for length in evaluation.lengths:
        hashes, counts = gram_hashes(sw.batch, length)
        record = evaluation.lookup(hashes)
        hits = np.flatnonzero(record >= 0)
        if len(hits) == 0:
            continue
        doc = np.repeat(np.arange(len(counts)), counts)[hits]
        first = hits - (np.cumsum(counts) - counts)[doc]
        for d, k, r in zip(doc.tolist(), first.tolist(), record[hits].tolist(), strict=True):
            stop = k + length if words[d] >= length else int(words[d])
            base = int(sw.first_word[d])
            lo, hi = int(sw.word_sentence[base + k]), int(sw.word_sentence[base + stop - 1])
            for s in range(lo, hi + 1):
                if marks[d].get(s, r) >= r:
                    marks[d][s] = r
    return marks
