"""A Penn-Treebank-style tokenizer: the damage detokenization has to undo.

Corpora built from NLP pipelines (and pages generated from them) carry text
that was tokenized and joined back with spaces: ``do n't``, ``“ Hello , ”
she said .``, ``( really )``. `ptb_tokenize` makes that text from clean
text the way the Treebank conventions do, so a test knows the original.
Quote characters are kept as they are (the Treebank rewrites them as ````
and ``''``, which no web page shows).
"""

from __future__ import annotations

from hypothesis import strategies as st

from .prose import articles
from .truth import Dirty

__all__ = ["ptb_tokenize", "tokenized"]

OPENERS = "“‘\"'`([{«"
CLOSERS = "”’\"')]}»"
TRAILING = ",;:!?…"
#: Words whose final period belongs to the word (the Treebank keeps "Dr." whole).
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sen rep gov gen st jr sr inc ltd co corp vs etc no fig approx".split()
)
CONTRACTIONS = (
    "n't",
    "n’t",
    "'s",
    "’s",
    "'re",
    "’re",
    "'ve",
    "’ve",
    "'ll",
    "’ll",
    "'d",
    "’d",
    "'m",
    "’m",
)


def _keeps_period(word: str) -> bool:
    core = word[:-1]
    return "." in core or core.lower() in ABBREVIATIONS or (len(core) == 1 and core.isalpha())


def _split_contraction(word: str) -> list[str]:
    """``don't`` -> ``do n't``; ``can't`` -> ``ca n't`` as in the Treebank."""
    lower = word.lower()
    for suffix in CONTRACTIONS:
        if lower.endswith(suffix) and len(word) > len(suffix):
            return [word[: -len(suffix)], word[-len(suffix) :]]
    return [word]


def _token(word: str, split_symbols: bool) -> list[str]:
    head: list[str] = []
    tail: list[str] = []
    while len(word) > 1 and (word[0] in OPENERS or (split_symbols and word[0] in "$£€")):
        head.append(word[0])
        word = word[1:]
    while len(word) > 1:
        last = word[-1]
        split = last in CLOSERS or last in TRAILING or (split_symbols and last == "%")
        if not (split or (last == "." and not _keeps_period(word))):
            break
        tail.insert(0, last)
        word = word[:-1]
    return head + _split_contraction(word) + tail


def ptb_tokenize(text: str, *, split_symbols: bool = False) -> str:
    """Split quotes, brackets, punctuation and contractions off words, Treebank style.

    Line breaks are kept; each line is tokenized on its own. ``split_symbols``
    also splits currency signs and ``%`` (the Treebank does; French
    typography writes ``20 %`` too, so undoing it is ambiguous).

    >>> print(ptb_tokenize("“It’s (really) fine,” they don't say."))
    “ It ’s ( really ) fine , ” they do n't say .
    >>> print(ptb_tokenize("Dr. Okafor can't come.\\nWe won’t wait!"))
    Dr. Okafor ca n't come .
    We wo n’t wait !
    """
    return "\n".join(
        " ".join(t for word in line.split() for t in _token(word, split_symbols))
        for line in text.split("\n")
    )


@st.composite
def _tokenized(draw: st.DrawFn, text: st.SearchStrategy[str], split_symbols: bool) -> Dirty:
    clean = draw(text)
    return Dirty(ptb_tokenize(clean, split_symbols=split_symbols), clean)


def tokenized(
    text: str | st.SearchStrategy[str] | None = None, *, split_symbols: bool = False
) -> st.SearchStrategy[Dirty]:
    """Text tokenized Treebank style and joined with spaces; ``clean`` is the original.

    ``text`` is a string, a strategy of strings, or by default `articles()`.

    >>> from hypothesis import find
    >>> find(tokenized("Don't stop."), lambda d: True).text
    "Do n't stop ."
    """
    source = articles() if text is None else text
    strategy = st.just(source) if isinstance(source, str) else source
    return _tokenized(strategy, split_symbols)
