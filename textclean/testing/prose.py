"""Clean news-like articles: the ground truth every dirty-text strategy starts from.

An article is a few paragraphs of whole sentences from one story in
`textclean.testing.bank`, in a drawn order, with paragraphs separated by a
blank line or a single line break (both are common in scraped text).
"""

from __future__ import annotations

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from .bank import SENTENCES, STORIES

__all__ = ["articles", "join_paragraphs", "sentences"]


def join_paragraphs(paragraphs: list[list[str]], separator: str = "\n\n") -> str:
    """Sentences joined by spaces within a paragraph, paragraphs by ``separator``.

    >>> join_paragraphs([["One.", "Two."], ["Three."]], "\\n")
    'One. Two.\\nThree.'
    """
    return separator.join(" ".join(p) for p in paragraphs)


def sentences() -> st.SearchStrategy[str]:
    """One clean sentence from the bank.

    >>> from hypothesis import find
    >>> find(sentences(), lambda s: "São Paulo" in s).endswith(".")
    True
    """
    return st.sampled_from(SENTENCES)


@st.composite
def _articles(
    draw: st.DrawFn,
    min_sentences: int,
    max_sentences: int,
    max_paragraph: int,
    separators: tuple[str, ...],
) -> str:
    story = draw(st.sampled_from(sorted(STORIES)))
    pool = draw(st.permutations(STORIES[story]))
    top = min(max_sentences, len(pool))
    chosen = list(pool[: draw(st.integers(min(min_sentences, top), top))])
    paragraphs: list[list[str]] = []
    while chosen:
        size = draw(st.integers(1, min(max_paragraph, len(chosen))))
        paragraphs.append(chosen[:size])
        chosen = chosen[size:]
    return join_paragraphs(paragraphs, draw(st.sampled_from(separators)))


def articles(
    *,
    min_sentences: int = 3,
    max_sentences: int = 10,
    max_paragraph: int = 3,
    separators: tuple[str, ...] = ("\n\n", "\n"),
) -> st.SearchStrategy[str]:
    """Clean multi-paragraph news articles of whole sentences from one story.

    Shrinks towards fewer, shorter paragraphs. Stories hold 10 to 14
    sentences, so ``max_sentences`` above that gives the whole story.

    >>> from hypothesis import find
    >>> text = find(articles(min_sentences=4), lambda t: "\\n\\n" in t)
    >>> len(text.split("\\n\\n")) >= 2
    True
    """
    if not 1 <= min_sentences <= max_sentences or max_paragraph < 1 or not separators:
        raise InvalidArgument(
            "articles: need 1 <= min_sentences <= max_sentences and max_paragraph >= 1"
        )
    return _articles(min_sentences, max_sentences, max_paragraph, separators)
