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

#: A page with few neighbouring pairs of recurring words says little about its
#: order: its share is drawn towards `PRIOR_SHARE`, a share typical of edited
#: news, as if it held `PRIOR_PAIRS` more pairs scoring that.
PRIOR_SHARE = 0.4
PRIOR_PAIRS = 10


def recurring_pair_share(grams: WordGrams) -> float | None:
    """Of neighbouring word pairs whose two words both occur twice or more, the share of
    pairs that occur twice or more themselves, drawn towards `PRIOR_SHARE` when such
    pairs are few; None for fewer than two words.

    >>> prose = "the cat sat on the mat and the cat sat on the rug".split()
    >>> round(recurring_pair_share(WordGrams(prose)), 3)
    0.667
    >>> salad = "mat the on cat sat rug the sat mat cat on the".split()
    >>> round(recurring_pair_share(WordGrams(salad)), 3)
    0.211
    >>> recurring_pair_share(WordGrams(["alone"])) is None
    True
    """
    words = grams.codes(1)
    if len(words) < 2:
        return None
    recurs = np.bincount(words)[words] > 1
    both = recurs[:-1] & recurs[1:]
    pair_codes = grams.codes(2)
    pair_recurs = np.bincount(pair_codes)[pair_codes] > 1
    recurring = int((both & pair_recurs).sum())
    return (recurring + PRIOR_SHARE * PRIOR_PAIRS) / (int(both.sum()) + PRIOR_PAIRS)
