"""Repeated passages: the seed clusters, the laws of pasting, and the policies."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textclean.document import Document, Drop
from textclean.errors import ConfigError
from textclean.passages import RepeatedPassages, cluster_records, find_passages
from textclean.registry import create


def span(text: str, first: str, last: str) -> tuple[int, int]:
    """The span from the start of ``first`` to the end of the next ``last``."""
    start = text.index(first)
    return start, text.index(last, start) + len(last)


def occurrence_spans(clusters, ids) -> list[set[tuple[str, int, int]]]:
    return [{(ids[o.doc], o.start, o.end) for o in c.occurrences} for c in clusters]


@pytest.fixture(scope="module")
def seed_run(seeds: dict[str, str]):
    ids = sorted(seeds)
    texts = [seeds[i] for i in ids]
    return ids, texts, find_passages(texts)


def test_seed_clusters_found_with_exact_spans(seeds, seed_run) -> None:
    ids, _, clusters = seed_run
    by_prefix = {key[:3]: key for key in ids}

    def at(prefix: str, first: str, last: str) -> tuple[str, int, int]:
        key = by_prefix[prefix]
        return (key, *span(seeds[key], first, last))

    ap_lead = {
        at("000", "Amazon on Wednesday banned police", "with darker skin."),
        at("002", "Amazon banned police use of its face-recognition", "use of systems."),
    }
    thorn = {
        at("001", "“We will continue to allow organizations like Thorn", "on Wednesday."),
        at("003", "“We will continue to allow organisations like Thorn", "the company says."),
    }
    statement = {
        at("001", "“We’ve advocated that governments", "the firm added."),
        at("002", "“We hope this one-year moratorium", "requested.”."),
        at("002", "“We’ve advocated that governments", "challenge,” Amazon said."),
        at("003", "“We’ve advocated that governments", "we stand ready to help if requested.”"),
    }
    found = occurrence_spans(clusters, ids)
    for expected in (ap_lead, thorn, statement):
        assert expected in found


def test_seed_clusters_hold_only_related_passages(seed_run) -> None:
    _, texts, clusters = seed_run
    for cluster in clusters:
        first = cluster.occurrences[0]
        assert first.similarity == 1.0
        assert all(o.similarity >= 0.3 for o in cluster.occurrences), texts[first.doc][
            first.start : first.end
        ]


def test_seed_records_carry_the_exact_text(seeds, seed_run) -> None:
    ids, texts, clusters = seed_run
    for record in cluster_records(clusters, ids, texts):
        for occ in record["occurrences"]:
            assert seeds[occ["doc"]][occ["start"] : occ["end"]] == occ["text"]


# --- laws on generated corpora -------------------------------------------------------


def make_words(rng: random.Random, n: int) -> list[str]:
    """``n`` distinct made-up words: no two share a shingle by accident."""
    words: set[str] = set()
    while len(words) < n:
        words.add(
            "".join(
                rng.choice("bcdfghjklmnprstvwz") + rng.choice("aeiou")
                for _ in range(rng.randint(2, 4))
            )
        )
    return sorted(words)


def sentence(words: list[str], end: str) -> str:
    return " ".join([words[0].capitalize(), *words[1:]]) + end


@st.composite
def pasted_corpus(draw):
    """Documents of unrelated filler with one passage pasted into several of them."""
    rng = random.Random(draw(st.integers(0, 2**32)))
    n_docs = draw(st.integers(2, 5))
    n_passage = draw(st.integers(1, 3))
    sizes = [rng.randint(10, 16) for _ in range(n_passage)]
    plan = [(rng.randint(0, 4), rng.randint(0, 4)) for _ in range(n_docs)]
    filler_sizes = [[rng.randint(1, 14) for _ in range(b + a)] for b, a in plan]
    words = iter(make_words(rng, sum(sizes) + sum(map(sum, filler_sizes))))
    passage = " ".join(sentence([next(words) for _ in range(k)], ".") for k in sizes)
    texts, spans = [], []
    for (before, after), fills in zip(plan, filler_sizes, strict=True):
        fillers = [sentence([next(words) for _ in range(k)], rng.choice(".!?")) for k in fills]
        seps = [rng.choice([" ", "\n", "\n\n", "  "]) for _ in range(before + after + 1)]
        head = "".join(f + s for f, s in zip(fillers[:before], seps, strict=False))
        tail = "".join(s + f for s, f in zip(seps[before:], fillers[before:], strict=False))
        texts.append(head + passage + tail)
        spans.append((len(head), len(head) + len(passage)))
    return texts, spans


@given(pasted_corpus())
def test_pasted_passage_is_found_everywhere_with_exact_offsets(corpus) -> None:
    texts, spans = corpus
    expected = {(d, start, end) for d, (start, end) in enumerate(spans)}
    clusters = find_passages(texts)
    assert expected in [{(o.doc, o.start, o.end) for o in c.occurrences} for c in clusters]


@given(st.integers(0, 2**32), st.integers(1, 6))
def test_text_without_repeats_has_no_clusters(seed, n_docs) -> None:
    words = iter(make_words(random.Random(seed), 60 * n_docs))
    texts = [
        " ".join(sentence([next(words) for _ in range(12)], ".") for _ in range(5))
        for _ in range(n_docs)
    ]
    assert find_passages(texts) == []


@given(pasted_corpus())
def test_remove_repeats_keeps_the_first_occurrence_and_every_other_sentence(corpus) -> None:
    texts, spans = corpus
    passage = texts[0][spans[0][0] : spans[0][1]]
    docs = [Document(str(i), t) for i, t in enumerate(texts)]
    out = list(RepeatedPassages(policy="remove_repeats").pipe(docs))
    kept = [o.text for o in out if isinstance(o, Document)]
    assert passage in out[0].text
    assert all(passage not in text for text in kept[1:])
    for original, result in zip(texts, out, strict=True):
        if isinstance(result, Document):
            for word in original.split():
                if word not in passage.split():
                    assert word in result.text


# --- policies and the stage ------------------------------------------------------------

QUOTE = "We hope this one-year moratorium might give Congress enough time to implement rules."


def docs_with_quote() -> list[Document]:
    return [
        Document("a", "First page opens here with its own words.\n" + QUOTE + "\nIt closes alone."),
        Document(
            "b", "Second page starts differently today. " + QUOTE + " Then it goes on its way."
        ),
        Document("c", QUOTE + "\n" + QUOTE.upper()),
        Document("d", "Nothing repeated on this page at all, only unique prose."),
    ]


def test_annotate_keeps_text_and_records_spans() -> None:
    out = list(create("passages").pipe(docs_with_quote()))
    assert [o.text for o in out] == [d.text for d in docs_with_quote()]
    for doc in out[:3]:
        for p in doc.record["passages"]:
            assert doc.text[p["start"] : p["end"]].lower() == QUOTE.lower()
            assert p["removed"] is False
    assert "passages" not in out[3].record
    assert len(out[2].record["passages"]) == 2  # repeats within one document count


def test_remove_common_cuts_passages_in_enough_documents() -> None:
    out = list(create("passages", policy="remove_common", min_docs=3).pipe(docs_with_quote()))
    assert out[0].text == "First page opens here with its own words.\nIt closes alone."
    assert out[1].text == "Second page starts differently today. Then it goes on its way."
    assert isinstance(out[2], Drop) and out[2].reason == "repeated_passages"
    assert out[3].text == docs_with_quote()[3].text
    assert (
        list(create("passages", policy="remove_common", min_docs=4).pipe(docs_with_quote()))[0].text
        == docs_with_quote()[0].text
    )


def test_remove_repeats_keeps_first_in_corpus_order() -> None:
    out = list(create("passages", policy="remove_repeats").pipe(docs_with_quote()))
    assert out[0].text == docs_with_quote()[0].text
    assert out[1].text == "Second page starts differently today. Then it goes on its way."
    assert isinstance(out[2], Drop)


def test_a_pipeline_records_what_the_stage_cut_as_it_records_a_step() -> None:
    """Each cut is a replayable `Change` under ``changes`` (``record="full"``), counted
    under ``edits`` and in the run's changed-by-step summary."""
    from textclean.changes import Change, apply_changes
    from textclean.pipeline import Pipeline

    pipeline = Pipeline([("passages", create("passages", policy="remove_repeats"))], record="full")
    out = {d.id: d for d in pipeline.run(docs_with_quote())}
    second = out["b"]
    assert second.text == "Second page starts differently today. Then it goes on its way."
    assert second.record["edits"] == {"passages": 1}
    changes = second.record["changes"]
    assert [c["step"] for c in changes] == ["passages"]
    assert "edits" not in out["a"].record and "edits" not in out["d"].record
    assert pipeline.stats.changed["passages"] == 1
    original = docs_with_quote()[1].text
    fields = ("kind", "start", "end", "before", "after", "reason")
    replay = [Change(**{k: c[k] for k in fields}) for c in changes]
    assert apply_changes(original, replay) == second.text


@pytest.mark.parametrize(
    "options",
    [{"policy": "delete"}, {"bands": 7}, {"threshold": 0.0}, {"min_docs": 0}],
)
def test_bad_options_name_the_step(options) -> None:
    with pytest.raises(ConfigError, match="passages"):
        create("passages", **options)


def test_window_signatures_equal_signatures_of_the_windows_own_shingles(seeds) -> None:
    import numpy as np

    from textclean.dedup.minhash import signatures_from_hashes
    from textclean.passages.match import window_signatures
    from textclean.passages.windows import corpus_sentences

    corpus = corpus_sentences([seeds[k] for k in sorted(seeds)])
    hashes, counts = corpus.window_hashes()
    direct = signatures_from_hashes((hashes >> np.uint64(32)).astype(np.uint32), counts)
    assert np.array_equal(window_signatures(corpus), direct)


def test_find_passages_reads_an_iterator_of_texts_as_it_reads_a_list() -> None:
    quote = "We hope this one-year moratorium might give Congress enough time to act on it."
    texts = ["Intro line here. " + quote, "Other words first. " + quote + " Then more."]
    assert find_passages(iter(texts)) == find_passages(texts)
    with pytest.raises(TypeError, match="list of texts"):
        find_passages(quote)  # type: ignore[arg-type]
