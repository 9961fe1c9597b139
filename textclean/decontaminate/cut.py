"""Cutting matched sentences out of texts, until none shares an n-gram with the evaluation set.

Cuts are whole sentences with the spacing around them, made by the passages
machinery's `remove_spans`, so the same tidy rules apply (no double spaces,
no blank line left behind, no stray ``”.``). Removing a sentence joins its
neighbours, and the words on both sides of the join could form an
evaluation n-gram of their own; the result is checked again and any such
sentences are cut from the original too, so the output never shares an
n-gram with the evaluation set and a second run changes nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from ..changes import Change
from .evaluation import EvaluationSet
from .machinery import Sentence, remove_spans
from .matches import matched_sentences, texts_with_matches
from .ngrams import sentence_words
from .settings import DecontaminationSettings

__all__ = ["Decontaminated", "decontaminate_text", "decontaminate_texts"]

KIND = "decontaminated"


@dataclass(frozen=True)
class Decontaminated:
    """One text after decontamination.

    ``changes`` replay ``original`` into ``text`` (`textclean.apply_changes`);
    ``share`` is the share of the original words that were in cut sentences;
    ``records`` are the matched evaluation record ids in text order, and
    ``main`` the one whose sentences held most words. ``dropped`` is true
    when ``share`` passes ``max_overlap`` or nothing with a letter or digit
    is left: the document goes to the rejects file.
    """

    original: str
    text: str
    changes: tuple[Change, ...]
    share: float
    records: tuple[str, ...]
    main: str | None
    dropped: bool

    @property
    def changed(self) -> bool:
        return bool(self.changes)


def decontaminate_text(
    text: str, against: EvaluationSet, settings: DecontaminationSettings | None = None
) -> Decontaminated:
    """Cut from ``text`` every sentence holding an n-gram of ``against``.

    >>> ev = EvaluationSet.build([("q7", "what is the boiling point of water at sea level")],
    ...                          settings=DecontaminationSettings(ngram=5))
    >>> out = decontaminate_text("Tea is nice. What is the boiling point of water? Ask.", ev,
    ...                          DecontaminationSettings(ngram=5, max_overlap=1.0))
    >>> out.text, out.changes[0].reason, round(out.share, 2)
    ('Tea is nice. Ask.', 'decontaminated: q7', 0.64)
    """
    return decontaminate_texts([text], against, settings)[0]


def decontaminate_texts(
    texts: Sequence[str], against: EvaluationSet, settings: DecontaminationSettings | None = None
) -> list[Decontaminated]:
    """`decontaminate_text` for a batch: segmentation, hashing and lookup are done once."""
    s = settings or DecontaminationSettings()
    against.check(s)
    out = [Decontaminated(t, t, (), 0.0, (), None, False) for t in texts]
    found = np.flatnonzero(texts_with_matches(texts, against)).tolist()
    if not found:
        return out
    sw = sentence_words([texts[d] for d in found])
    for k, marks in enumerate(matched_sentences(sw, against)):
        if not marks:
            continue
        base, n = int(sw.first_word[k]), int(sw.words[k])
        per_sentence = np.bincount(
            sw.word_sentence[base : base + n], minlength=len(sw.sentences[k])
        )
        d = found[k]
        out[d] = _cut(texts[d], sw.sentences[k], per_sentence, marks, against, s)
    return out


def _cut(
    text: str,
    sentences: list[Sentence],
    words: np.ndarray,
    marks: dict[int, int],
    against: EvaluationSet,
    settings: DecontaminationSettings,
) -> Decontaminated:
    while True:
        spans = [(sentences[i].start, sentences[i].end) for i in sorted(marks)]
        new_text, changes = remove_spans(text, spans, kind=KIND)
        if not texts_with_matches([new_text], against)[0]:
            break
        cut_sw = sentence_words([new_text])
        (again,) = matched_sentences(cut_sw, against)
        if not again:
            break
        added = _marks_in_original(cut_sw.sentences[0], again, changes, sentences, marks)
        if not added:  # cannot happen: a kept character lies in a kept sentence
            break
    total = int(words.sum())
    cut = int(sum(int(words[i]) for i in marks))
    weight: Counter[int] = Counter()
    for i, r in marks.items():
        weight[r] += int(words[i])
    main = min(weight, key=lambda r: (-weight[r], r))
    order = [marks[i] for i in sorted(marks)]
    records = tuple(against.ids[r] for r in dict.fromkeys(order))
    labelled = tuple(_label(c, sentences, marks, against) for c in changes)
    share = cut / total if total else 1.0
    empty = not any(ch.isalnum() for ch in new_text)
    dropped = share > settings.max_overlap or empty
    return Decontaminated(text, new_text, labelled, share, records, against.ids[main], dropped)


def _marks_in_original(
    cut_sentences: list[Sentence],
    again: dict[int, int],
    changes: list[Change],
    sentences: list[Sentence],
    marks: dict[int, int],
) -> int:
    """Mark the original sentences under the sentences matched in the cut text; how many were new."""
    added = 0
    for i, r in sorted(again.items()):
        lo = _to_original(changes, cut_sentences[i].start)
        hi = _to_original(changes, cut_sentences[i].end - 1) + 1
        for k, original in enumerate(sentences):
            if original.start < hi and original.end > lo and k not in marks:
                marks[k] = r
                added += 1
    return added


def _to_original(changes: list[Change], pos: int) -> int:
    """Where the character at ``pos`` of the cut text was in the original."""
    removed = 0
    for change in changes:
        if change.start - removed <= pos:
            removed += change.end - change.start
        else:
            break
    return pos + removed


def _label(
    change: Change, sentences: list[Sentence], marks: dict[int, int], against: EvaluationSet
) -> Change:
    """The cut's reason names the evaluation records of the sentences it removes."""
    ids = dict.fromkeys(
        against.ids[marks[i]]
        for i in sorted(marks)
        if change.start <= sentences[i].start and sentences[i].end <= change.end
    )
    return replace(change, reason=f"{KIND}: {', '.join(ids)}")
