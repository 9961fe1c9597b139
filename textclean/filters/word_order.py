"""Word order: whether a page's recurring words recur in the same company.

Prose repeats its words in phrases: "the company", "of the", "per cent",
"mln dlrs" come back as pairs, so where two neighbouring words both recur in
a page, the pair itself often recurs too. Word salad puts the same words in
random order: its words recur (it draws them again and again from a small
vocabulary) but almost never next to the same neighbour. The share of
recurring pairs among neighbours that both recur
(``recurring_pair_share``) tells the two apart on short texts too, where
the share of function words does not (a short wire story is as terse as the
salad made from one), and needs no word list, so it reads any spaced script.
"""

from __future__ import annotations

import numpy as np

from .word_grams import WordGrams

#: Fewer neighbouring pairs of recurring words than this and the share is not judged.
MIN_PAIRS = 30


def recurring_pair_share(grams: WordGrams, min_pairs: int = MIN_PAIRS) -> float | None:
    """Of neighbouring word pairs whose two words both occur twice or more, the share of
    pairs that occur twice or more themselves; None below ``min_pairs`` such pairs.

    >>> prose = "the cat sat on the mat and the cat sat on the rug".split()
    >>> recurring_pair_share(WordGrams(prose), min_pairs=1)
    1.0
    >>> salad = "mat the on cat sat rug the sat mat cat on the".split()
    >>> recurring_pair_share(WordGrams(salad), min_pairs=1)
    0.0
    >>> recurring_pair_share(WordGrams(prose)) is None
    True
    """
    words = grams.codes(1)
    if len(words) < 2:
        return None
    recurs = np.bincount(words)[words] > 1
    both = recurs[:-1] & recurs[1:]
    pairs = int(both.sum())
    if pairs < min_pairs:
        return None
    pair_codes = grams.codes(2)
    pair_recurs = np.bincount(pair_codes)[pair_codes] > 1
    return int((both & pair_recurs).sum()) / pairs
