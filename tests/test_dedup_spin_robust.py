"""Spin-robust dedup: spun copies link to their source, near misses stay apart."""

from __future__ import annotations

import random

import orjson
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from textclean.cli import main
from textclean.dedup import aligned_jaccard
from textclean.dedup.settings import DedupSettings
from textclean.dedup.shingling import shingles
from textclean.dedup.spin_align import align, tokens
from textclean.dedup.spin_view import spin_view
from textclean.dedup.stage import NearDedup, dedup_documents
from textclean.document import Document, Drop
from textclean.errors import ConfigError
from textclean.testing import articles
from textclean.testing.spinner import spin_copy

SOURCE = (
    "Amazon said on Wednesday that it would stop selling its facial recognition technology "
    "to police departments in Seattle for one year, after months of pressure from civil "
    "rights groups. The company said it hoped Congress would use the time to pass rules "
    "for the technology. Microsoft and IBM made similar announcements earlier this week, "
    "citing concerns about racial bias in the systems. Researchers at the Massachusetts "
    "Institute of Technology found in 2018 that such systems misidentified women with "
    "darker skin far more often than men with lighter skin. The American Civil Liberties "
    "Union welcomed the decision but said a moratorium of one year was not enough. "
    "Smaller firms such as Clearview AI continue to sell their software to law "
    "enforcement agencies, and the data set behind it holds more than three billion "
    "images taken from social media sites without consent."
)


def jaccard(a: str, b: str) -> float:
    x, y = set(shingles(a)), set(shingles(b))
    return len(x & y) / len(x | y)


def spun_twin(text: str = SOURCE, seed: int = 7, rate: float = 0.3) -> str:
    return spin_copy(text, random.Random(seed), rate)


def fates(docs, **options):
    out = {}
    for o in dedup_documents(docs, DedupSettings(**options)):
        doc = o.doc if isinstance(o, Drop) else o
        out[doc.id] = (isinstance(o, Drop), doc.meta["textclean"], o)
    return out


def test_view_keeps_names_and_numbers_and_drops_replaceable_words():
    view = spin_view(SOURCE).split()
    assert {"seattle", "massachusetts", "clearview", "2018"} <= set(view)
    assert not {"study", "children", "the", "of"} & set(view)


def test_a_spun_copy_at_half_the_plain_jaccard_is_linked_to_its_source():
    spun = spun_twin()
    assert jaccard(SOURCE, spun) <= 0.6
    assert aligned_jaccard(SOURCE, spun) >= 0.9
    docs = [Document("copy", spun), Document("source", SOURCE)]
    assert not fates(docs)["copy"][0]  # plain dedup keeps both
    out = fates(docs, spin_robust=True)
    dropped, meta, drop = out["copy"]
    assert dropped and meta["duplicate_of"] == "source"
    evidence = meta["spin_evidence"]
    assert evidence["plain_similarity"] < 0.8 <= evidence["aligned_similarity"]
    assert evidence["spin_score"] > evidence["kept_spin_score"] or (
        evidence["spinner_words"] > evidence["kept_spinner_words"]
    )
    assert "spin-robust: plain" in drop.detail and "source" in drop.detail
    assert not out["source"][0]


@pytest.mark.parametrize("keep", ["first", "longest", "newest", "oldest", "quality"])
def test_every_keep_policy_keeps_the_least_spun_copy(keep):
    docs = [
        Document("copy", spun_twin(), {"date": "2024", "quality": 0.9}),
        Document("source", SOURCE, {"date": "2020", "quality": 0.1}),
    ]
    out = fates(docs, spin_robust=True, keep=keep)
    assert out["copy"][0] and not out["source"][0]


def test_keep_none_drops_both_copies():
    out = fates(
        [Document("copy", spun_twin()), Document("source", SOURCE)], spin_robust=True, keep="none"
    )
    assert out["copy"][0] and out["source"][0]


def test_a_wire_copy_with_another_lead_and_a_quoting_article_stay_apart():
    other = (
        "Shares of Nvidia rose 4% in early trading in New York on Thursday after the chip "
        "maker reported record sales of its graphics cards to data centres in Texas, Oregon "
        "and Virginia, beating forecasts by analysts at Goldman Sachs and Morgan Stanley."
    )
    words = SOURCE.split()
    wire = other + " " + " ".join(words[len(words) // 4 :])
    quote = other + ' "' + " ".join(words[10:45]) + '" ' + other
    docs = [Document("source", SOURCE), Document("wire", wire), Document("quote", quote)]
    assert jaccard(SOURCE, wire) < 0.8
    plain = fates(docs)
    robust = fates(docs, spin_robust=True)
    for doc in ("source", "wire", "quote"):
        assert robust[doc][0] == plain[doc][0] is False


def test_two_pass_input_and_workers_give_the_same_outcome():
    rng = random.Random(3)
    docs = [
        Document(f"s{i}", SOURCE.replace("Seattle", city))
        for i, city in enumerate(["Oslo", "Lima"])
    ]
    docs += [Document(f"c{i}", spin_copy(d.text, rng, 0.3)) for i, d in enumerate(docs)]
    options = DedupSettings(spin_robust=True)
    as_list = [
        (
            type(o).__name__,
            (o.doc if isinstance(o, Drop) else o).meta,
            o.text if isinstance(o, Document) else o.doc.text,
        )
        for o in dedup_documents(docs, options)
    ]
    as_stream = [
        (
            type(o).__name__,
            (o.doc if isinstance(o, Drop) else o).meta,
            o.text if isinstance(o, Document) else o.doc.text,
        )
        for o in dedup_documents(iter(docs), options, workers=2)
    ]
    assert as_list == as_stream


def test_the_index_and_dask_paths_refuse_it(tmp_path):
    docs = [Document("a", SOURCE)]
    with pytest.raises(ConfigError, match="persistent index"):
        list(dedup_documents(docs, DedupSettings(spin_robust=True), index=str(tmp_path / "idx")))
    with pytest.raises(ConfigError, match="spin_robust compares words"):
        DedupSettings(spin_robust=True, unit="char")
    pytest.importorskip("dask")
    from textclean.parallel.dask_dedup import dedup_files_dask

    src = tmp_path / "in.jsonl"
    src.write_bytes(orjson.dumps({"id": "a", "text": SOURCE}) + b"\n")
    with pytest.raises(ConfigError, match="Dask path"):
        dedup_files_dask([str(src)], str(tmp_path / "out.jsonl"), DedupSettings(spin_robust=True))


def test_the_cli_flag_and_the_stage_option(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(
        orjson.dumps({"id": "copy", "text": spun_twin()})
        + b"\n"
        + orjson.dumps({"id": "source", "text": SOURCE})
        + b"\n"
    )
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["dedup", str(src), "-o", str(out), "--spin-robust", "-q"])
    assert result.exit_code == 0, result.output
    assert [orjson.loads(line)["id"] for line in out.read_bytes().splitlines()] == ["source"]
    rejects = [
        orjson.loads(line) for line in (tmp_path / "out.rejects.jsonl").read_bytes().splitlines()
    ]
    assert [r["id"] for r in rejects] == ["copy"]
    stage = NearDedup(spin_robust=True)
    kept = [
        d.id
        for d in stage.pipe([Document("copy", spun_twin()), Document("source", SOURCE)])
        if isinstance(d, Document)
    ]
    assert kept == ["source"]


def test_a_changed_lead_is_an_edit_not_a_swap():
    a = tokens("Officials in Ohio said on Monday that the storm had passed. The roads were closed.")
    b = tokens(
        "Voters in Texas went to the polls on Tuesday in record numbers. The roads were closed."
    )
    kinds = {r.kind for r in align(a, b)}
    assert "edit" in kinds


SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(
    articles(min_sentences=6, max_sentences=12), st.integers(0, 2**16), st.sampled_from([0.2, 0.3])
)
def test_a_spun_copy_of_generated_text_is_linked(text, seed, rate):
    spun = spin_copy(text, random.Random(seed), rate)
    assume(spun != text and len(text.split()) >= 60)
    out = fates([Document("copy", spun), Document("source", text)], spin_robust=True)
    # linked: one goes, as a duplicate of the other (the less spun one, where the evidence tells)
    assert out["copy"][0] != out["source"][0]
    dropped, kept = ("copy", "source") if out["copy"][0] else ("source", "copy")
    assert out[dropped][1]["duplicate_of"] == kept


@SETTINGS
@given(articles(min_sentences=3, max_sentences=6), articles(min_sentences=3, max_sentences=6))
def test_articles_sharing_no_sentence_are_never_linked(a, b):
    sentences = lambda t: {s.strip() for s in t.replace("\n", " ").split(". ")}  # noqa: E731
    assume(not sentences(a) & sentences(b))
    out = fates([Document("a", a), Document("b", b)], spin_robust=True)
    assert not out["a"][0] and not out["b"][0]


@SETTINGS
@given(
    st.lists(articles(min_sentences=2, max_sentences=5), min_size=1, max_size=6), st.integers(0, 99)
)
def test_every_document_is_accounted_for_and_order_does_not_matter(texts, seed):
    rng = random.Random(seed)
    docs = [Document(f"d{i}", t) for i, t in enumerate(texts)]
    docs += [Document(f"s{i}", spin_copy(t, rng, 0.3)) for i, t in enumerate(texts)]
    shuffled = docs[:]
    rng.shuffle(shuffled)
    one = fates(docs, spin_robust=True, keep="longest")
    two = fates(shuffled, spin_robust=True, keep="longest")
    assert set(one) == {d.id for d in docs}
    assert {i: v[0] for i, v in one.items()} == {i: v[0] for i, v in two.items()}
