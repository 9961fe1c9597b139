"""Word n-grams of a batch of texts, hashed, with the sentence each word sits in.

Matching uses the tokeniser and the 64-bit shingle hash of the passages and
near-duplicate machinery (NFKC, case-folded ``\\w+`` words; a polynomial hash
of the words joined by one space), so an evaluation n-gram and a document
n-gram are equal exactly when their normalised words are. Unlike passage
shingles, an n-gram here may cross sentence boundaries: a copied benchmark
item is found whatever the surrounding text's punctuation did to it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .machinery import Sentence, WordBatch, batch_shingle_hashes, split_sentences

__all__ = ["SentenceWords", "gram_hashes", "sentence_words", "words_batch"]


@dataclass
class SentenceWords:
    """The sentences of a batch of texts and their words, counted per text.

    Text ``d``'s sentences are ``sentences[d]``; its words are numbered from 0
    and word ``k`` lies in sentence ``word_sentence[first_word[d] + k]`` (an
    index into ``sentences[d]``).
    """

    sentences: list[list[Sentence]]
    batch: WordBatch
    first_word: np.ndarray
    word_sentence: np.ndarray

    @property
    def words(self) -> np.ndarray:
        """Words per text."""
        return self.batch.words_per_doc


def words_batch(texts: Sequence[str]) -> WordBatch:
    """The normalised words of each text (no segmentation): what evaluation records need."""
    return WordBatch.of(texts)


def sentence_words(texts: Sequence[str]) -> SentenceWords:
    """Segment ``texts`` into sentences and tokenise them in one pass.

    The words are found sentence by sentence (so each word knows its
    sentence), then renumbered per text, so n-grams run across sentences.

    >>> sw = sentence_words(["One two. Three!", "", "Four"])
    >>> sw.words.tolist(), sw.word_sentence.tolist()
    ([3, 0, 1], [0, 0, 1, 0])
    """
    sentences = [split_sentences(t) for t in texts]
    owner = np.repeat(np.arange(len(texts)), [len(s) for s in sentences])
    first_sentence = np.cumsum([0] + [len(s) for s in sentences])
    by_sentence = WordBatch.of([s.text for ss in sentences for s in ss])
    doc = owner[by_sentence.doc] if len(by_sentence.doc) else by_sentence.doc
    per_text = [
        "\n".join(by_sentence.normalized[first_sentence[d] : first_sentence[d + 1]])
        for d in range(len(texts))
    ]
    # The same words, now numbered within their text rather than their sentence.
    batch = dataclasses.replace(by_sentence, normalized=per_text, doc=doc)
    words = batch.words_per_doc
    first_word = np.cumsum(words) - words
    word_sentence = by_sentence.doc - first_sentence[:-1][doc] if len(doc) else doc
    return SentenceWords(sentences, batch, first_word, word_sentence)


def gram_hashes(batch: WordBatch, length: int) -> tuple[np.ndarray, np.ndarray]:
    """64-bit hashes of every ``length``-word window of each text, and their count per text.

    Window ``k`` of a text starts at its word ``k``. A text with fewer words
    than ``length`` (but some) has one window: all its words.
    """
    return batch_shingle_hashes(batch, length, bits=64)
