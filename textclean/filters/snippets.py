"""Snippet soup and keyword stuffing: text glued together rather than written.

Aggregator pages paste search-result snippets end to end: sentences cut off
with an ellipsis, fragments that start in the middle of a sentence, and a
search query dropped into the text again and again. Two signals, both
language-independent for scripts with letter case:

* **snippet share**: the share of sentences that are truncated (end in ``…``
  or ``...``) or start like a fragment (a lower-case letter, or punctuation
  that closes something);
* **keyword repeats**: how often the most repeated phrase that writes a name
  in lower case occurs. A name the text capitalises mid-sentence elsewhere
  ("Amazon") but that also recurs in lower case inside the same phrase
  ("amazon rekognition police") is the mark of a pasted search query; normal
  prose repeats its topic ("facial recognition technology") in its usual case.
  Both words of the phrase are content words written in lower case: "the
  council" after "Security Council" is how prose refers back, not a query.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import chain, compress
from operator import itemgetter
from typing import NamedTuple

from ..patterns import Pattern
from .stopwords import STOP_WORDS

_WORD = Pattern(r"\w+(?:['’]\w+)*", step="quality")
#: ``\n?\Z`` is what ``$`` means without MULTILINE, spelled so that RE2 can run it.
_TRUNCATED = Pattern(r"(?:…|\.\.\.)[\"'”’»)\]]*\n?\Z", step="quality")
_OPENERS = "\"'“‘„«‹([¿¡"
_FRAGMENT_START = ",;:)]}”’»›–—"
_STOP = frozenset().union(*STOP_WORDS.values())
#: A word's first character (none for an empty word), and a sentence's first word.
_FIRST = itemgetter(slice(0, 1))
_FIRST_WORD = itemgetter(0)


def is_query_word(word: str) -> bool:
    """A word a pasted query is made of: lower case, three letters or more, not a stop word.

    >>> is_query_word("amazon"), is_query_word("the"), is_query_word("Amazon")
    (True, False, False)
    """
    return len(word) > 2 and word.islower() and word not in _STOP


def is_truncated(sentence: str) -> bool:
    """A sentence cut off: it ends in an ellipsis.

    >>> is_truncated("the murder of …"), is_truncated("It works.")
    (True, False)
    """
    # Most sentences hold no ellipsis: a substring test spares the pattern.
    return ("…" in sentence or "..." in sentence) and _TRUNCATED.search(sentence) is not None


def is_fragment(sentence: str) -> bool:
    """A sentence that starts in the middle of one: lower case, or closing punctuation.

    >>> is_fragment("its camera-connected doorbell company."), is_fragment("“Why?” she asked.")
    (True, False)
    """
    text = sentence.lstrip(_OPENERS + " ")
    if not text:
        return False
    first = text[0]
    return first in _FRAGMENT_START or (first.islower() and first.isalpha())


#: What a list item starts with.
BULLETS = "–—-•·*"


def list_item_starts(text: str) -> set[int]:
    """Offsets of lines that are list items, so a lower-case start there is no fragment.

    A line starting with a dash or bullet is one; so is each line that starts
    in lower case after a line ending with a colon, until a line starts
    otherwise ("... had:" / "a 16 percent lower risk" / "a 38 percent ...").

    >>> sorted(list_item_starts("Women had:\\na lower risk.\\nfewer strokes.\\n– A bullet.\\nEnd."))
    [11, 25, 40]
    """
    out: set[int] = set()
    in_list = False
    start = 0
    for line in text.splitlines(keepends=True):
        body = line.strip()
        lead = start + len(line) - len(line.lstrip())
        start += len(line)
        if not body:
            continue
        first = body[0]
        bullet = first in BULLETS
        if bullet or (in_list and first.islower()):
            out.add(lead)
        else:
            in_list = False
        if body.endswith(":"):
            in_list = True
    return out


def snippet_share(sentences: Sequence[str]) -> float:
    """Share of sentences that are truncated or fragments (0 when there are none).

    >>> snippet_share(["A full sentence.", "cut in the middle of …", "Another one."])
    0.3333333333333333
    """
    if not sentences:
        return 0.0
    bad = sum(1 for s in sentences if is_truncated(s) or is_fragment(s))
    return bad / len(sentences)


def cased_words(sentence: str) -> list[str]:
    """The words of a sentence as written (`repetition.words` case-folds these).

    >>> cased_words("It’s Amazon's day.")
    ['It’s', "Amazon's", 'day']
    """
    return _WORD.findall(sentence)


def spaced_words(text: str) -> str | None:
    """``text`` with every character outside a word made a space, so that the words
    of any span that cuts no word are one `str.split` (None: use `cased_words`).

    >>> spaced_words("It’s Amazon's day.")
    "It’s Amazon's day "
    """
    return _WORD.spaced(text)


def lowercased_names(sentences: Sequence[str]) -> set[str]:
    """Names (capitalised inside sentences at least as often) also written twice in lower case.

    >>> sorted(lowercased_names(["They said Amazon banned it.", "So Amazon did.", "amazon deals", "an amazon gift"]))
    ['amazon']
    """
    return names_in([cased_words(s) for s in sentences])


class Vocabulary(NamedTuple):
    """The distinct words of a text's sentences, counted once for every name signal."""

    counts: Counter[str]  # every word
    firsts: Counter[str]  # each sentence's first word
    caps: set[str]  # the words that start with a capital

    @classmethod
    def of(cls, tokenized: Sequence[Sequence[str]]) -> Vocabulary:
        """Count the words of ``tokenized`` (sentences split by `cased_words`) in C."""
        return cls.counted(tokenized, Counter(chain.from_iterable(tokenized)))

    @classmethod
    def counted(cls, tokenized: Sequence[Sequence[str]], counts: dict[str, int]) -> Vocabulary:
        """`of` ``tokenized`` whose words are already counted (``counts``, in order of
        first appearance)."""
        counts = counts if isinstance(counts, Counter) else Counter(counts)
        distinct = list(counts)
        caps = set(compress(distinct, map(str.isupper, map(_FIRST, distinct))))
        return cls(counts, Counter(map(_FIRST_WORD, filter(None, tokenized))), caps)


def names_in(tokenized: Sequence[Sequence[str]]) -> set[str]:
    """`lowercased_names` of sentences already split by `cased_words`."""
    return vocabulary_names(Vocabulary.of(tokenized))


def vocabulary_names(vocabulary: Vocabulary) -> set[str]:
    """`names_in` of the sentences whose `Vocabulary` this is.

    Only the distinct words that start with a capital are asked more, and then
    only the lower-case forms of those.
    """
    counts, firsts, caps = vocabulary
    # Capitalised inside a sentence: not its first word, not all capitals. A word's
    # count inside sentences is its count less its count as a first word.
    capital: Counter[str] = Counter()
    for w in caps:
        if w[0].isalpha() and not w.isupper():
            inside = counts[w] - firsts[w]
            if inside:
                capital[w.casefold()] += inside
    get = counts.get
    return {w for w, n in capital.items() if n >= get(w, 0) >= 2 and w.islower() and w[0].isalpha()}


def keyword_repeats(sentences: Sequence[str], names: set[str] | None = None) -> int:
    """Occurrences of the most repeated pair of query words that writes a name in lower case.

    ``names`` (default: found in ``sentences``) lets a passage be judged
    against the names of its whole document.

    >>> keyword_repeats(["Shop at Amazon.", "So Amazon did.", "Amazon Prime.", "amazon deals", "amazon deals"])
    2
    """
    tokenized = [cased_words(s) for s in sentences]
    return name_pair_repeats(tokenized, names_in(tokenized) if names is None else names)


def name_pair_repeats(tokenized: Sequence[Sequence[str]], names: set[str]) -> int:
    """`keyword_repeats` of sentences already split by `cased_words`."""
    if not names:
        return 0
    flat = joined_words(tokenized)
    return top_pair_count(flat, name_pair_starts(flat, names))


def name_pair_starts(flat: Sequence[str], names: set[str]) -> list[int]:
    """Where in ``flat`` (`joined_words`) a pair of query words holding one of ``names``
    starts, each place once, in order.

    A span of whole sentences holds the pairs of its own places: the ``""`` ending
    each sentence is no query word, so no pair crosses one.

    >>> name_pair_starts(joined_words([["amazon", "deals", "now"], ["Amazon"]]), {"amazon"})
    [0]
    """
    # Only pairs holding a name can count: find the names' places in C, then look around them.
    starts: list[int] = []
    last = -1
    end = len(flat) - 1
    for i in compress(range(len(flat)), map(names.__contains__, flat)):
        for k in (i - 1, i):
            if last < k < end and is_query_word(flat[k]) and is_query_word(flat[k + 1]):
                starts.append(k)
                last = k
    return starts


def top_pair_count(flat: Sequence[str], starts: Iterable[int]) -> int:
    """How often the most repeated pair of ``flat`` starting at ``starts`` occurs (0: none)."""
    return max(Counter((flat[k], flat[k + 1]) for k in starts).values(), default=0)


def joined_words(tokenized: Sequence[Sequence[str]]) -> list[str]:
    """The words of all sentences in one list, each sentence followed by ``""``.

    A pair of neighbours in it that holds no ``""`` is a pair inside one sentence.

    >>> joined_words([["a", "b"], ["c"]])
    ['a', 'b', '', 'c', '']
    """
    flat: list[str] = []
    for ws in tokenized:
        flat.extend(ws)
        flat.append("")
    return flat
