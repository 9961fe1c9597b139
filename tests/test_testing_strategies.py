"""The strategies of `textclean.testing` tell the truth, and the steps meet it.

First, one law per strategy about its own truth (offsets, labels, the
similarity it reports). Then the laws the cleaning steps must satisfy on
that dirty text, each comparing a step's output with the known original.
"""

from __future__ import annotations

import ftfy
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from textclean.boilerplate.step import Boilerplate
from textclean.dedup.shingling import shingles
from textclean.dedup.stage import NearDedup
from textclean.document import Document, Drop
from textclean.passages import find_passages
from textclean.repair.mojibake import fix_mojibake
from textclean.repair.spacing import fix_spacing
from textclean.repair.spun import fix_spun
from textclean.testing import (
    Dirty,
    Span,
    articles,
    mojibake,
    near_duplicates,
    pasted_passages,
    spun,
    tokenized,
    with_boilerplate,
)
from textclean.testing.bank import SENTENCES
from textclean.testing.furniture import CATEGORIES

#: For the slower laws: a quarter of the profile's budget (15 by default, thousands when fuzzing).
LIGHT = settings(max_examples=max(15, settings.default.max_examples // 4))

# --- the strategies' own truth ------------------------------------------------


@given(articles())
def test_articles_are_whole_bank_sentences(text):
    parts = [s for line in text.split("\n") for s in _bank_split(line)]
    assert parts and all(p in SENTENCES for p in parts)


def _bank_split(line: str) -> list[str]:
    out, rest = [], line
    while rest:
        head = next(s for s in SENTENCES if rest.startswith(s))
        out.append(head)
        rest = rest[len(head) :].lstrip(" ")
    return out


@given(mojibake())
def test_mojibake_truth_is_the_utf8_reading_of_the_damage(dirty):
    if dirty.facts["layers"] == 1 and dirty.facts["encoding"] == "latin-1":
        assert dirty.text.encode("latin-1").decode("utf-8") == dirty.clean


@given(tokenized())
def test_tokenized_keeps_every_non_space_character_in_order(dirty):
    assert "".join(dirty.text.split()) == "".join(dirty.clean.split())


@LIGHT
@given(spun())
def test_spun_spans_hold_the_swapped_phrases_and_the_rest_is_untouched(dirty):
    outside, pos = [], 0
    for span in dirty.spans:
        outside.append(dirty.text[pos : span.start])
        pos = span.end
    outside.append(dirty.text[pos:])
    assert all(piece in dirty.clean for piece in outside)
    assert dirty.facts["spins"] == len(dirty.spans)


@given(with_boilerplate())
def test_boilerplate_spans_removed_give_back_the_article(dirty):
    text = dirty.text
    for span in sorted(dirty.spans, key=lambda s: -s.start):
        assert span.label in CATEGORIES
        text = text[: span.start] + text[span.end :]
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    assert lines == [line for line in dirty.clean.split("\n") if line.strip()]


@LIGHT
@given(near_duplicates(edit_rate=0.1))
def test_near_duplicates_report_the_true_shingle_jaccard(dirty):
    a, b = set(shingles(dirty.clean)), set(shingles(dirty.text))
    assert dirty.facts["jaccard"] == len(a & b) / len(a | b)
    assert abs(dirty.facts["edit_rate"] - 0.1) <= 0.5 / dirty.facts["words"] + 1e-9


@given(pasted_passages(4))
def test_pasted_passages_sit_at_their_offsets_and_nowhere_else(corpus):
    assert len(corpus.occurrences) >= 2
    for index, text in enumerate(corpus.texts):
        count = text.count(corpus.passage)
        assert count == (1 if index in corpus.docs else 0)
    for o in corpus.occurrences:
        assert corpus.texts[o.doc][o.start : o.end] == corpus.passage


# --- the steps meet the truth -------------------------------------------------


@given(mojibake(layers=2, partial=True))
def test_fix_mojibake_recovers_the_original_wherever_ftfy_can(dirty):
    # The condition: ftfy's own decoder restores it. Where it cannot (a line
    # too short to judge, a decoding that would also fit correct text) we
    # claim nothing.
    assume(ftfy.fix_encoding(dirty.text) == dirty.clean)
    assert fix_mojibake(dirty.text) == dirty.clean


@given(mojibake())
def test_whole_article_mojibake_is_always_within_ftfys_reach(dirty):
    # Articles are long enough to judge, so the condition above holds for
    # every single-layer whole-document sample: the previous law is not vacuous.
    assert ftfy.fix_encoding(dirty.text) == dirty.clean


@given(articles())
def test_fix_mojibake_leaves_clean_articles_alone(text):
    assert fix_mojibake(text) == text


SPACING_MISS = Dirty(
    "Passengers have complained for years about crowded carriages at rush hour . "
    "The city ’s electric buses have now covered more than a million kilometres without a breakdown .",
    "Passengers have complained for years about crowded carriages at rush hour. "
    "The city’s electric buses have now covered more than a million kilometres without a breakdown.",
)


@LIGHT
@example(SPACING_MISS)
@given(tokenized())
def test_fix_spacing_undoes_treebank_tokenization(dirty):
    assert fix_spacing(dirty.text) == dirty.clean


@given(articles())
def test_fix_spacing_leaves_clean_articles_alone(text):
    assert fix_spacing(text) == text


@LIGHT
@given(spun().filter(lambda d: d.changed))
def test_fix_spun_repairs_spun_articles_to_the_original(dirty):
    assert fix_spun(dirty.text) == dirty.clean


@given(articles())
def test_fix_spun_leaves_clean_articles_alone(text):
    assert fix_spun(text) == text


@LIGHT
@given(with_boilerplate())
def test_boilerplate_never_removes_an_article_sentence(dirty):
    out = Boilerplate()(Document("d", dirty.text))
    assert isinstance(out, Document)
    for sentence in (s for line in dirty.clean.split("\n") for s in _bank_split(line)):
        assert sentence in out.text


BREADCRUMB = "Home » News » Local"


@LIGHT
@example(
    Dirty(
        f"{BREADCRUMB}\nThe city council voted 7–2 on Monday to turn a vacant rail yard into a public park.",
        "The city council voted 7–2 on Monday to turn a vacant rail yard into a public park.",
        (Span(0, len(BREADCRUMB), "navigation"),),
    )
)
@given(with_boilerplate(sentences=False))
def test_boilerplate_removes_every_inserted_furniture_line(dirty):
    out = Boilerplate()(Document("d", dirty.text))
    kept = {line.strip() for line in out.text.split("\n")}
    missed = [(s.label, s.of(dirty.text)) for s in dirty.spans if s.of(dirty.text) in kept]
    assert missed == []


@given(near_duplicates(edit_rate=0.05), st.booleans())
def test_near_dedup_finds_copies_with_at_most_five_percent_of_words_edited(dirty, copy_first):
    # At 5% edits each edit spoils at most 5 shingles on each side, so the
    # true Jaccard stays above (1 - 0.25) / (1 + 0.25) = 0.6: threshold 0.5 must catch it.
    assume(dirty.changed)
    assert dirty.facts["jaccard"] > 0.5
    docs = [Document("original", dirty.clean), Document("copy", dirty.text)]
    if copy_first:
        docs.reverse()
    outcomes = list(NearDedup(threshold=0.5).pipe(docs))
    dropped = [o.doc.id for o in outcomes if isinstance(o, Drop)]
    assert dropped == [docs[1].id]


@given(pasted_passages(4))
def test_passages_finds_the_pasted_passage_at_its_exact_offsets(corpus):
    found = {
        tuple((o.doc, o.start, o.end) for o in cluster.occurrences)
        for cluster in find_passages(list(corpus.texts))
    }
    truth = tuple((o.doc, o.start, o.end) for o in corpus.occurrences)
    assert truth in found
