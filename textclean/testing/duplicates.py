"""Near-duplicate copies and passages pasted across documents, with exact truth.

`near_duplicates` edits a chosen share of a text's words (substitutions,
deletions, insertions) and reports the true Jaccard similarity of the 5-gram
shingle sets, computed with `textclean.dedup.shingles`, so a dedup test can
say what must be found. `pasted_passages` builds unrelated documents from
distinct bank sentences and pastes one passage into several of them at
sentence boundaries, reporting each occurrence's exact offsets.
"""

from __future__ import annotations

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ..patterns import Pattern
from .bank import SENTENCES
from .prose import articles, join_paragraphs
from .truth import Dirty, Occurrence, Pasted

__all__ = ["edit_words", "jaccard", "near_duplicates", "pasted_passages"]

TOKEN = Pattern(r"\S+", step="testing")
#: Words that substitutions and insertions bring in.
VOCABULARY = tuple(
    "walnut lantern copper orchard seventeen quietly mountain harvest violet engine "
    "parliament ferry basket granite whisper festival tunnel marble sparrow ledger".split()
)
OPS = ("substitute", "delete", "insert")


def jaccard(a: str, b: str, ngram: int = 5) -> float:
    """Exact Jaccard similarity of the word ``ngram``-gram shingle sets of two texts.

    >>> jaccard("a b c d e f", "a b c d e f")
    1.0
    >>> round(jaccard("one two three four five six", "one two three four five"), 2)
    0.5
    """
    from ..dedup.shingling import shingles

    x, y = set(shingles(a, ngram)), set(shingles(b, ngram))
    return len(x & y) / len(x | y) if x | y else 1.0


def edit_words(text: str, edits: dict[int, tuple[str, str]]) -> str:
    """Apply word edits by token index: ``(op, word)`` with op substitute, delete or insert.

    Tokens are runs of non-space characters; the spacing around untouched
    tokens is kept.

    >>> edit_words("a b c", {0: ("substitute", "x"), 1: ("delete", ""), 2: ("insert", "y")})
    'x c y'
    """
    out: list[str] = []
    pos = 0
    for index, match in enumerate(TOKEN.finditer(text)):
        op, word = edits.get(index, ("keep", ""))
        if op == "delete":
            out.append(text[pos : match.start()].rstrip(" ") if out else "")
            pos = match.end()
            continue
        out.append(text[pos : match.start()])
        out.append(word if op == "substitute" else match.group())
        if op == "insert":
            out.append(" " + word)
        pos = match.end()
    out.append(text[pos:])
    return "".join(out).lstrip(" ")


@st.composite
def _near(draw: st.DrawFn, text: st.SearchStrategy[str], edit_rate: float) -> Dirty:
    clean = draw(text)
    n = len(TOKEN.findall(clean))
    k = round(edit_rate * n)
    where = (
        draw(st.lists(st.integers(0, max(0, n - 1)), min_size=k, max_size=k, unique=True))
        if n
        else []
    )
    edits = {}
    for index in where:
        op = draw(st.sampled_from(OPS))
        edits[index] = (op, draw(st.sampled_from(VOCABULARY)))
    copy = edit_words(clean, edits)
    return Dirty(
        copy,
        clean,
        facts={
            "edit_rate": k / n if n else 0.0,
            "edits": k,
            "words": n,
            "jaccard": jaccard(clean, copy),
        },
    )


def near_duplicates(
    text: str | st.SearchStrategy[str] | None = None, edit_rate: float = 0.05
) -> st.SearchStrategy[Dirty]:
    """A copy of ``text`` (default `articles()`) with ``edit_rate`` of its words edited.

    ``clean`` is the original, ``text`` the copy; ``facts`` holds the actual
    ``edit_rate`` (edits / words, rounded to whole edits), ``edits``, ``words``
    and ``jaccard``, the exact similarity of their word 5-gram shingle sets.
    Edits draw from a vocabulary absent from the bank, so a substitution
    always changes a word.

    >>> from hypothesis import find
    >>> d = find(near_duplicates(edit_rate=0.1), lambda d: d.facts["edits"] > 0)
    >>> d.text != d.clean, 0 < d.facts["jaccard"] < 1
    (True, True)
    """
    if not 0.0 <= edit_rate <= 1.0:
        raise InvalidArgument(f"near_duplicates: edit_rate must be in [0, 1], got {edit_rate}")
    source = articles() if text is None else text
    strategy = st.just(source) if isinstance(source, str) else source
    return _near(strategy, edit_rate)


@st.composite
def _pasted(
    draw: st.DrawFn, n_docs: int, min_copies: int, max_sentences: int, passage_sentences: int
) -> Pasted:
    pool = draw(st.permutations(SENTENCES))
    passage = " ".join(pool[:passage_sentences])
    rest = list(pool[passage_sentences:])
    copies = draw(
        st.lists(st.integers(0, n_docs - 1), min_size=min_copies, max_size=n_docs, unique=True)
    )
    texts, occurrences = [], []
    for doc in range(n_docs):
        size = draw(st.integers(2, max_sentences))
        body, rest = rest[:size], rest[size:]
        if doc not in copies:
            texts.append(" ".join(body))
            continue
        at = draw(st.integers(0, len(body)))
        own_paragraph = draw(st.booleans())
        if own_paragraph:
            parts = [p for p in (body[:at], [passage], body[at:]) if p]
            text = join_paragraphs(parts)
        else:
            text = " ".join(body[:at] + [passage] + body[at:])
        start = text.index(passage)
        texts.append(text)
        occurrences.append(Occurrence(doc, start, start + len(passage)))
    return Pasted(tuple(texts), passage, tuple(occurrences))


def pasted_passages(
    n_docs: int = 3, *, min_copies: int = 2, max_sentences: int = 6, passage_sentences: int = 2
) -> st.SearchStrategy[Pasted]:
    """``n_docs`` documents of distinct sentences, one passage pasted into several.

    The passage (``passage_sentences`` bank sentences) goes into at least
    ``min_copies`` documents, between two sentences or as a paragraph of its
    own; every other sentence appears once in the whole corpus. The truth is
    ``occurrences``: document index and exact character offsets.

    >>> from hypothesis import find
    >>> p = find(pasted_passages(3), lambda p: len(p.occurrences) == 3)
    >>> all(p.texts[o.doc][o.start : o.end] == p.passage for o in p.occurrences)
    True
    """
    if not 2 <= min_copies <= n_docs or max_sentences < 2 or passage_sentences < 1:
        raise InvalidArgument("pasted_passages: need 2 <= min_copies <= n_docs, max_sentences >= 2")
    if passage_sentences + n_docs * max_sentences > len(SENTENCES):
        raise InvalidArgument(f"pasted_passages: the bank holds {len(SENTENCES)} sentences")
    return _pasted(n_docs, min_copies, max_sentences, passage_sentences)
