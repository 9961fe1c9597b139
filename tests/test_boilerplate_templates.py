"""Corpus furniture: repeated lines go when their documents share nothing else, quotes stay."""

from __future__ import annotations

import gc
import random
import tracemalloc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textclean.boilerplate.template_keys import skeleton, unit_keys
from textclean.boilerplate.templates import BoilerplateTemplates, document_keys, document_units
from textclean.changes import apply_changes
from textclean.document import Document, Drop
from textclean.io import spool as spool_module
from textclean.pipeline import Pipeline
from textclean.testing.bank import SENTENCES

_SYLLABLES = ["ka", "lo", "mi", "ter", "san", "vo", "ri", "pel", "dun", "mar", "gi", "tho", "bel"]
_VOCAB_RNG = random.Random(7)
VOCAB = [
    "".join(_VOCAB_RNG.choice(_SYLLABLES) for _ in range(_VOCAB_RNG.randint(2, 4)))
    for _ in range(20_000)
]
WEIGHTS = [1 / (i + 1) ** 0.8 for i in range(len(VOCAB))]


def article(rng: random.Random, paragraphs: int = 6) -> str:
    """An article of made-up words with a natural spread of frequencies: unrelated to any other."""
    out = []
    for _ in range(paragraphs):
        sentences = [
            " ".join(rng.choices(VOCAB, WEIGHTS, k=rng.randint(8, 22))).capitalize() + "."
            for _ in range(rng.randint(1, 4))
        ]
        out.append(" ".join(sentences))
    return "\n\n".join(out)


def unrelated(n: int, footer: str | list[str], seed: int = 0, sources: int = 0) -> list[Document]:
    """``n`` unrelated articles, each ending with the footer (a list: one per document)."""
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        tail = footer[i] if isinstance(footer, list) else footer
        source = f"site{i % sources}" if sources else f"site{i}"
        docs.append(Document(f"u{i}", f"{article(rng)}\n\n{tail}", {"source": source}))
    return docs


def texts(stage: BoilerplateTemplates, docs: list[Document]) -> dict[str, str]:
    return {d.id: d.text for d in stage.pipe(docs)}


# -- keys --------------------------------------------------------------------------


def test_keys_tolerate_dates_times_numbers_links_and_names():
    same = [
        ("Updated 3 May 2021 at 10:42 BST", "updated 14 June 2020 at 9.05 am GMT"),
        ("Posted on 2020-06-11", "Posted on 12/03/2019"),
        ("Follow Jane Roe on Twitter", "Follow John Smith on Twitter"),
        ("Copyright 2019 Foo Media", "Copyright 2020 Bar Media"),
        ("Write to us at news@foo.com or @foonews", "Write to us at desk@bar.org or @bar_desk"),
        ("Read more at https://foo.com/a/b", "Read more at www.bar.net/c"),
    ]
    for a, b in same:
        assert set(unit_keys(a)) & set(unit_keys(b)), (a, b)
    assert not set(unit_keys("The Mayor Resigns")) & set(unit_keys("The Floods Return"))
    assert skeleton("Story about buses") is None


# -- the laws of the design ---------------------------------------------------------


def test_seed_statement_survives_while_a_planted_footer_goes(seeds):
    # min_docs/min_sources at 2 so the statement (in two or three seeds) is judged at all.
    footer = "Sign up for the Morning Brief newsletter and get our best stories every day."
    docs = [Document(name, text, {"source": name}) for name, text in seeds.items()]
    docs += unrelated(20, footer)
    out = texts(BoilerplateTemplates(min_docs=2, min_sources=2), docs)
    statement = "We hope this one-year moratorium might give Congress enough time"
    advocated = "We’ve advocated that governments should put in place stronger regulations"
    for name in seeds:
        if name[:3] in ("001", "002", "003"):
            assert statement in out[name] and advocated in out[name]
        assert out[name] == seeds[name]
    assert all(footer not in out[f"u{i}"] for i in range(20))


def test_a_site_footer_with_a_changing_name_number_and_date_goes():
    names = ["Jane Roe", "John Smith", "Ana Lima", "Wei Chen", "Sam Okafor", "Lea Roux"]
    footers = [
        f"Follow {names[i % 6]} on Twitter for more updates\n"
        f"Updated {1 + i} March 202{i % 4} at {8 + i % 5}:{10 + i} BST\nPhoto {i + 1} of {30 - i}"
        for i in range(12)
    ]
    docs = unrelated(12, footers, seed=1, sources=1)
    out = texts(BoilerplateTemplates(), docs)
    for doc in docs:
        assert "Follow" not in out[doc.id] and "Updated" not in out[doc.id]
        assert "Photo" not in out[doc.id]
        assert out[doc.id].strip() == doc.text.split("\n\nFollow")[0].strip()


def test_a_promo_syndicated_to_sources_that_share_nothing_else_goes():
    promo = "Download the Daily Planet app for breaking news alerts wherever you are."
    docs = unrelated(16, promo, seed=2, sources=8)  # two documents per source: no site furniture
    out = texts(BoilerplateTemplates(), docs)
    assert not any(promo in text for text in out.values())
    changed = [d for d in docs if out[d.id] != d.text]
    assert len(changed) == 16


def test_a_wire_story_run_by_several_sources_is_kept():
    rng = random.Random(3)
    wire = article(rng, paragraphs=4)
    promo = "Download the Daily Planet app for breaking news alerts wherever you are."
    docs = [
        Document(f"w{i}", f"{article(rng, 1)}\n\n{wire}\n\n{promo}", {"source": f"paper{i}"})
        for i in range(5)
    ]
    docs += unrelated(15, promo, seed=4)
    out = texts(BoilerplateTemplates(), docs)
    for i in range(5):
        assert wire in out[f"w{i}"]
    assert not any(promo in text for text in out.values())  # the promo still goes everywhere


def test_removals_are_replayable_changes_with_counts_in_the_reason():
    footer = "Sign up for the Morning Brief newsletter and get our best stories every day."
    docs = unrelated(6, footer, seed=5)
    stage = BoilerplateTemplates()
    for doc, (out, changes) in zip(docs, stage.edits(docs), strict=True):
        assert apply_changes(doc.text, changes) == out.text
        assert [c.kind for c in changes] == ["boilerplate:template"]
        assert changes[0].reason == "repeated_line: 6 documents from 6 sources (line)"
        assert out.record["boilerplate_templates_removed"] == 1


def test_the_pipeline_records_and_counts_the_stage_changes():
    footer = "Sign up for the Morning Brief newsletter and get our best stories every day."
    docs = unrelated(6, footer, seed=5)
    pipeline = Pipeline([BoilerplateTemplates()], record="full")
    out = list(pipeline.run(docs))
    assert pipeline.stats.changed["boilerplate_templates"] == 6
    for doc, result in zip(docs, out, strict=True):
        records = result.record["changes"]
        assert [r["step"] for r in records] == ["boilerplate_templates"]
        assert doc.text[records[0]["start"] : records[0]["end"]] == records[0]["before"]


def test_annotate_mode_marks_the_same_spans():
    footer = "Sign up for the Morning Brief newsletter and get our best stories every day."
    docs = unrelated(6, footer, seed=5)
    for doc, out in zip(docs, BoilerplateTemplates(mode="annotate").pipe(docs), strict=True):
        assert out.text == doc.text
        (span,) = out.record["boilerplate_templates"]
        assert doc.text[span["start"] : span["end"]] == span["text"] and footer in span["text"]


def test_the_stage_spools_documents_instead_of_holding_them(monkeypatch):
    spools = []

    class Watched(spool_module.Spool):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            spools.append(self)

    monkeypatch.setattr("textclean.boilerplate.templates.Spool", Watched)
    footer = "Sign up for the Morning Brief newsletter and get our best stories every day."
    docs = unrelated(30, footer, seed=6)
    out = BoilerplateTemplates().pipe(iter(docs))
    first = next(out)
    assert first.id == "u0" and footer not in first.text
    assert spools[0].count == 30 and spools[0].size < spools[0].bytes_in
    assert len(list(out)) == 29


def _peak(n: int) -> int:
    """Peak traced memory while the stage runs over ``n`` documents made of repeated lines."""
    rng = random.Random(8)
    lines = [article(rng, 1) for _ in range(40)]

    def docs():
        for i in range(n):
            picked = [lines[(i * 7 + j * 3) % 40] for j in range(12)]
            yield Document(f"d{i}", "\n".join(picked), {"source": f"s{i % 5}"})

    gc.collect()
    tracemalloc.start()
    try:
        for _ in BoilerplateTemplates().pipe(docs()):
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_grows_with_distinct_lines_not_documents():
    small, large = _peak(60), _peak(240)
    # Holding 180 more documents of ~3.6 kB each would add about 650 kB.
    assert large < small * 1.2 + 100_000, (small, large)


# -- hypothesis laws -----------------------------------------------------------------

FURNITURE = [
    "Share this story with your friends",
    "Sign up for our newsletter to get the best stories every morning.",
    "Follow Jane Roe on Twitter",
    "Updated 12 May 2021 at 10:42",
    "Download our app",
]


@st.composite
def corpora(draw: st.DrawFn) -> list[Document]:
    n = draw(st.integers(2, 12))
    docs = []
    for i in range(n):
        content = draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4, unique=True))
        extra = draw(st.lists(st.sampled_from(FURNITURE), max_size=3, unique=True))
        lines = [f"{s} ({i})" if draw(st.booleans()) else s for s in content] + extra
        source = draw(st.sampled_from(["a", "b", "c", "d"]))
        docs.append(Document(f"d{i}", "\n".join(lines), {"source": source}))
    return docs


LAWS = settings(max_examples=40, deadline=None)


@LAWS
@given(corpora(), st.randoms(use_true_random=False))
def test_verdicts_do_not_depend_on_input_order(docs, rng):
    stage = BoilerplateTemplates(min_docs=2, min_sources=2)
    shuffled = list(docs)
    rng.shuffle(shuffled)
    assert texts(stage, docs) == texts(stage, shuffled)


@LAWS
@given(corpora())
def test_a_second_run_finds_no_new_furniture(docs):
    # The law: what a second run removes was repeated in at least min_docs documents
    # of the original corpus (it was judged by the first run). It may still remove some
    # of it: the first run's removals change what the documents have in common.
    stage = BoilerplateTemplates(min_docs=2, min_sources=2)
    seen: dict[int, int] = {}
    for doc in docs:
        for key in document_keys(document_units(doc.text)):
            seen[key] = seen.get(key, 0) + 1
    once = [Document(d.id, d.text, d.meta) for d in stage.pipe(docs)]
    for _doc, changes in stage.edits(once):
        for change in changes:
            for line in change.before.splitlines():
                keys = {k for unit in document_units(line) for u in unit for k in unit_keys(u)}
                assert not line.strip() or any(seen.get(k, 0) >= 2 for k in keys), line


def test_a_second_run_removes_nothing_when_the_first_took_whole_footers():
    footer = "Sign up for the Morning Brief newsletter and get our best stories every day."
    rng = random.Random(9)
    wire = article(rng, paragraphs=3)
    docs = unrelated(12, footer, seed=9)
    docs += [
        Document(f"w{i}", f"{article(rng, 1)}\n\n{wire}", {"source": f"p{i}"}) for i in range(4)
    ]
    stage = BoilerplateTemplates()
    once = list(stage.pipe(docs))
    assert sum(d.text != o.text for d, o in zip(docs, once, strict=True)) == 12
    assert texts(stage, once) == {d.id: d.text for d in once}


@LAWS
@given(corpora())
def test_annotate_never_changes_text(docs):
    out = BoilerplateTemplates(mode="annotate", min_docs=2, min_sources=2).pipe(docs)
    assert [(d.id, d.text) for d in out] == [(d.id, d.text) for d in docs]


@LAWS
@given(corpora())
def test_every_document_is_accounted_for_and_drops_pass_through(docs):
    def drop_odd(doc: Document) -> Document | Drop:
        return Drop("odd") if int(doc.id[1:]) % 2 else doc

    pipeline = Pipeline([drop_odd, BoilerplateTemplates(min_docs=2, min_sources=2)])
    out = list(pipeline.outcomes(docs))
    assert sorted(o.doc.id if isinstance(o, Drop) else o.id for o in out) == sorted(
        d.id for d in docs
    )
    stats = pipeline.stats
    assert stats.kept + sum(stats.dropped.values()) == stats.seen == len(docs)


@pytest.mark.parametrize(
    "options", [{"min_docs": 1}, {"min_sources": 1}, {"related": 2.0}, {"mode": "cut"}]
)
def test_bad_options_fail_when_built(options):
    from textclean.errors import ConfigError

    with pytest.raises(ConfigError):
        BoilerplateTemplates(**options)
