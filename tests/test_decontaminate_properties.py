"""Laws of decontamination, on generated prose and on any Unicode."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from textclean import Document, apply_changes
from textclean.decontaminate import (
    DecontaminationSettings,
    EvaluationSet,
    decontaminate_documents,
    decontaminate_text,
)
from textclean.dedup.shingling import words
from textclean.segment import split_sentences
from textclean.testing import articles

#: Made-up words that no sentence of the prose bank uses.
VOCAB = "quorvel blintar mispek trondal vashu oklem fendrig zapple yorrit quenlo drabbet \
ulvish kemtor sprindle ovrat".split()
LOOSE = DecontaminationSettings(max_overlap=1.0)


def ngrams(text: str, n: int) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}


def shares_an_ngram(text: str, records: list[str], n: int = 13, min_words: int = 8) -> bool:
    """The reference: does ``text`` hold an n-gram (or a whole short record) of ``records``?"""
    for record in records:
        size = len(words(record))
        if size < min_words:
            continue
        if ngrams(record, min(n, size)) & ngrams(text, min(n, size)):
            return True
    return False


eval_items = st.lists(st.sampled_from(VOCAB), min_size=13, max_size=30).map(" ".join)


@st.composite
def planted(draw):
    """(article, eval item, document): the item pasted as a sentence or inside one."""
    article = draw(articles(min_sentences=3, max_sentences=8))
    item = draw(eval_items)
    sentences = split_sentences(article)
    at = draw(st.integers(0, len(sentences)))
    pos = sentences[at].start if at < len(sentences) else len(article)
    inside = draw(st.booleans()) and at < len(sentences)
    glue = "" if inside else ". "
    text = f"{article[:pos]}{item.capitalize()}{glue}{' ' if inside else ''}{article[pos:]}"
    return article, item, text.strip()


@given(planted())
def test_a_planted_item_is_always_removed_and_the_rest_kept(case):
    article, item, text = case
    ev = EvaluationSet.build([("item", item)])
    out = decontaminate_text(text, ev, LOOSE)
    assert not shares_an_ngram(out.text, [item])
    assert out.changes and all(c.reason == "decontaminated: item" for c in out.changes)
    assert apply_changes(text, out.changes) == out.text
    # every sentence of the article that did not hold the item survives
    holders = [s for s in split_sentences(text) if any(v in s.text.lower() for v in VOCAB)]
    for sentence in split_sentences(article):
        if not any(sentence.text in h.text for h in holders):
            assert sentence.text in out.text


@given(st.text(max_size=300), st.lists(eval_items, min_size=1, max_size=3))
def test_a_document_sharing_no_ngram_passes_byte_for_byte(text, items):
    assume(not shares_an_ngram(text, items))
    doc = Document("d", text, {"k": [1]})
    ev = EvaluationSet.build(items)
    (out,) = decontaminate_documents([doc], ev)
    assert out is doc


@given(planted(), st.sampled_from([4, 8, 13]))
def test_decontaminating_twice_changes_nothing_more(case, n):
    _, item, text = case
    s = DecontaminationSettings(ngram=n, min_words=min(n, 8), max_overlap=1.0)
    ev = EvaluationSet.build([item, "the city council voted on monday"], settings=s)
    once = decontaminate_text(text, ev, s)
    assert decontaminate_text(once.text, ev, s).text == once.text


@st.composite
def unicode_cases(draw):
    """Evaluation records of any text, and a document made of any text and pieces of them."""
    records = draw(st.lists(st.text(max_size=60), min_size=1, max_size=4))
    pieces = st.one_of(st.text(max_size=40), st.sampled_from(records))
    return draw(st.lists(pieces, max_size=6).map("".join)), records


@given(unicode_cases(), st.integers(1, 4), st.floats(0, 1))
def test_any_unicode_ends_cut_or_dropped_with_replayable_changes(case, n, overlap):
    text, records = case
    s = DecontaminationSettings(ngram=n, min_words=1, max_overlap=overlap)
    ev = EvaluationSet.build(records, settings=s)
    out = decontaminate_text(text, ev, s)
    assert apply_changes(text, out.changes) == out.text
    assert all(c.after == "" and c.reason.startswith("decontaminated: ") for c in out.changes)
    if not out.dropped:
        assert not shares_an_ngram(out.text, records, n=n, min_words=1)
    (outcome,) = decontaminate_documents([Document("d", text)], ev, s)
    assert outcome.text == out.text if isinstance(outcome, Document) else out.dropped
