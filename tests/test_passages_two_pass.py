"""Two passes over the corpus give what one pass in memory gives: the same clusters,
the same documents out of the stage, the same clusters file; pass one keeps no
texts and no shingle hashes."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textclean.dedup.lsh import candidate_pairs
from textclean.document import Document, Drop
from textclean.passages import RepeatedPassages, cluster_records, find_passages
from textclean.passages.first_pass import band_codes, index_texts
from textclean.passages.two_pass import find_passages_twice, keep_texts
from textclean.passages.windows import DOC_BATCH
from textclean.run import passages_files

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from synthetic_passages import generate  # noqa: E402

#: Two batches of pass one, so windows and sentences are numbered across batches.
N_DOCS = DOC_BATCH + 200


@pytest.fixture(scope="module")
def corpus() -> tuple[list[str], list[str]]:
    """Unique generated prose with quotes (some re-spelled) and furniture pasted in."""
    made = generate(N_DOCS, seed=3, n_quotes=40)
    return made.ids, made.texts


@pytest.fixture(scope="module")
def one_pass(corpus):
    return find_passages(corpus[1])


def test_two_passes_find_the_clusters_of_one(corpus, one_pass) -> None:
    texts = corpus[1]
    assert len(one_pass) > 40  # the planted quotes and the furniture were found
    assert find_passages_twice(iter(texts), lambda: iter(texts)) == one_pass


def test_stage_writes_what_a_one_pass_run_writes(corpus, one_pass) -> None:
    ids, texts = corpus
    docs = [Document(i, t) for i, t in zip(ids, texts, strict=True)]
    stage = RepeatedPassages(policy="remove_common", min_docs=3)
    found = stage.annotations(one_pass)
    expected = [stage._apply(d, found.get(i, []))[0] for i, d in enumerate(docs)]
    got = list(stage.pipe(iter(docs)))  # an iterator: spooled, then read again
    assert [_fate(d) for d in got] == [_fate(d) for d in expected]
    assert sum(isinstance(d, Document) and d.text != t for d, t in zip(got, texts, strict=True))


def _fate(item: Document | Drop) -> tuple:
    if isinstance(item, Drop):
        return ("drop", item.reason, item.document.id, item.document.text)
    return ("keep", item.id, item.text, orjson.dumps(item.meta, option=orjson.OPT_SORT_KEYS))


def test_clusters_file_is_the_one_pass_records(corpus, one_pass, tmp_path) -> None:
    ids, texts = corpus
    source = tmp_path / "in.jsonl"
    source.write_bytes(
        b"".join(
            orjson.dumps({"id": i, "text": t}) + b"\n" for i, t in zip(ids, texts, strict=True)
        )
    )
    out = tmp_path / "clusters.jsonl"
    result = passages_files([str(source)], str(out))
    expected = b"".join(orjson.dumps(r) + b"\n" for r in cluster_records(one_pass, ids, texts))
    assert out.read_bytes() == expected
    assert len(result.texts) == len(texts)
    assert "repeated" in result.summary() or result.summary()


def test_workers_give_the_same_clusters(corpus, one_pass) -> None:
    texts = corpus[1]
    assert find_passages_twice(iter(texts), lambda: iter(texts), workers=2) == one_pass


def test_pass_one_keeps_fixed_bytes_per_sentence_and_window(corpus) -> None:
    """Shingle hashes and band keys are on disk: memory holds 24 bytes a sentence
    (document, span, shingle count) and 16 a window, whatever the text length."""
    texts = corpus[1]
    with index_texts(iter(texts)) as index:
        held = sum(
            getattr(index, name).nbytes
            for name in ("doc", "start", "end", "count", "win_first", "win_stop")
        )
        sentences, windows = len(index.doc), len(index.win_first)
        assert index.docs == len(texts)
    assert held == 24 * sentences + 16 * windows
    assert sentences > 9 * len(texts)


def test_kept_texts_hold_the_reports_texts_only(one_pass, corpus) -> None:
    texts = corpus[1]
    kept = keep_texts(iter(texts), one_pass)
    firsts = {c.occurrences[0].doc for c in one_pass}
    assert all(kept[d] == texts[d] for d in firsts)
    assert all(
        kept.passage(o) == texts[o.doc][o.start : o.end] for c in one_pass for o in c.occurrences
    )
    others = [d for d in range(len(texts)) if d not in firsts]
    with pytest.raises(KeyError, match="not kept"):
        kept[others[0]]


@settings(max_examples=60)
@given(st.lists(st.integers(min_value=0, max_value=6), max_size=40))
def test_one_band_pairs_equal_the_general_banding(keys) -> None:
    keys = np.asarray(keys, dtype=np.int64)
    pairs = candidate_pairs(keys.reshape(-1, 1), max_bucket=1)
    assert band_codes(keys).tolist() == (pairs[:, 0] * len(keys) + pairs[:, 1]).tolist()
