"""Shingles, the vectorised hash and signatures agree with their references and datasketch."""

from __future__ import annotations

import numpy as np
import pytest
from datasketch import LeanMinHash, MinHash
from datasketch.hashfunc import sha1_hash32
from hypothesis import given
from hypothesis import strategies as st

from textclean.dedup import HASHFUNC, minhash_signatures, shingles
from textclean.dedup.minhash import (
    HASHFUNC64,
    jaccard,
    signatures_from_hashes,
    signatures_from_shingles,
    to_lean_minhashes,
)
from textclean.dedup.polyhash import shingle_hashes, text_shingle_hashes
from textclean.errors import ConfigError

# words, punctuation, spacing and a few scripts, so tokenisation edge cases come up
alphabet = st.sampled_from(list("abcdeXYZ  ,.!'-\n\tÉßıİ日本語ﬁ①\u0301\u00a0_0123"))
texts = st.text(alphabet=alphabet, max_size=120)
doc_lists = st.lists(texts, max_size=8)


def datasketch_row(text: str, num_perm: int = 128, seed: int = 1, ngram: int = 5, **kwargs):
    m = MinHash(num_perm, seed=seed, **kwargs)
    m.update_batch([s.encode("utf-8") for s in shingles(text, ngram)])
    return m.hashvalues


@given(doc_lists, st.integers(1, 6))
def test_vectorised_hashes_equal_hashfunc_on_each_shingle(docs, ngram):
    hashes, counts = text_shingle_hashes(docs, ngram)
    expected = [HASHFUNC(s.encode()) for d in docs for s in shingles(d, ngram)]
    assert hashes.tolist() == expected
    assert counts.tolist() == [len(shingles(d, ngram)) for d in docs]


@given(doc_lists, st.integers(1, 4))
def test_char_shingle_hashes_equal_hashfunc(docs, ngram):
    hashes, _ = text_shingle_hashes(docs, ngram, unit="char")
    assert hashes.tolist() == [
        HASHFUNC(s.encode()) for d in docs for s in shingles(d, ngram, "char")
    ]


@given(st.lists(st.text(max_size=30), max_size=10))
def test_shingle_hashes_of_any_strings_equal_hashfunc64(items):
    items = [s for s in items if not any(0xD800 <= ord(c) <= 0xDFFF for c in s)]
    assert shingle_hashes(items, bits=64).tolist() == [HASHFUNC64(s.encode()) for s in items]


@given(doc_lists, st.integers(1, 2**31), st.sampled_from([1, 20, 128]))
def test_signature_rows_equal_datasketch_affine32(docs, seed, num_perm):
    sig = minhash_signatures(docs, num_perm=num_perm, seed=seed, ngram=3)
    for doc, row in zip(docs, sig, strict=True):
        assert np.array_equal(row, datasketch_row(doc, num_perm, seed, 3, hashfunc=HASHFUNC))


@pytest.mark.parametrize("scheme,hashfunc", [("affine64", HASHFUNC64), ("legacy", HASHFUNC)])
@given(docs=doc_lists)
def test_signature_rows_equal_datasketch_other_schemes(scheme, hashfunc, docs):
    sig = minhash_signatures(docs, num_perm=32, seed=7, scheme=scheme)
    for doc, row in zip(docs, sig, strict=True):
        expected = datasketch_row(doc, 32, 7, hashfunc=hashfunc, scheme=scheme)
        assert row.dtype == expected.dtype and np.array_equal(row, expected)


def test_sha1_signatures_equal_datasketch_out_of_the_box():
    docs = ["the cat sat on the mat and looked at the dog", "", "one"]
    sig = signatures_from_shingles([shingles(d) for d in docs], hashfunc=sha1_hash32)
    for doc, row in zip(docs, sig, strict=True):
        assert np.array_equal(row, datasketch_row(doc))


def test_long_documents_cross_blocks(monkeypatch):
    import textclean.dedup.minhash as mh

    monkeypatch.setattr(mh, "BLOCK", 7)
    docs = [f"w{i} " * 3 + " ".join(f"t{i}x{j}" for j in range(40)) for i in range(5)] + ["", "a"]
    sig = minhash_signatures(docs, num_perm=16)
    for doc, row in zip(docs, sig, strict=True):
        assert np.array_equal(row, datasketch_row(doc, 16, hashfunc=HASHFUNC))


def test_flat_hash_input_matches_per_document_lists():
    hashes = np.array([5, 9, 1, 7], dtype=np.uint32)
    sig = signatures_from_hashes(hashes, [2, 0, 2], num_perm=8)
    assert np.array_equal(sig[0], signatures_from_hashes(hashes[:2], [2], num_perm=8)[0])
    assert np.array_equal(sig[2], signatures_from_hashes(hashes[2:], [2], num_perm=8)[0])
    assert (sig[1] == np.iinfo(np.uint32).max).all()


@given(texts, texts)
def test_estimate_is_exact_for_identical_and_symmetric(a, b):
    sig = minhash_signatures([a, b, a], num_perm=64)
    assert jaccard(sig[0], sig[2]) == 1.0
    assert jaccard(sig[0], sig[1]) == jaccard(sig[1], sig[0])


def test_lean_minhash_output_interoperates_with_datasketch():
    docs = ["a b c d e f g h i j k", "a b c d e f g h i j z"]
    lean = to_lean_minhashes(minhash_signatures(docs), seed=1)
    assert isinstance(lean[0], LeanMinHash)
    m = MinHash(128, seed=1, hashfunc=HASHFUNC)
    m.update_batch([s.encode() for s in shingles(docs[1])])
    assert lean[1] == LeanMinHash(m)
    assert lean[0].jaccard(lean[1]) == pytest.approx(float(jaccard(*minhash_signatures(docs))))


def test_shingles_normalise_case_width_and_punctuation():
    assert shingles("HELLO, ｗｏｒｌｄ!!  again", ngram=2) == shingles("hello world again", ngram=2)
    assert shingles("", 5) == [] and shingles("...", 5) == []


def test_bad_options_raise_config_errors():
    with pytest.raises(ConfigError):
        minhash_signatures(["x"], num_perm=0)
    with pytest.raises(ConfigError):
        shingles("x", ngram=0)
    with pytest.raises(ConfigError):
        minhash_signatures(["x"], scheme="md5")  # type: ignore[arg-type]


@given(doc_lists)
def test_batch_exact_keys_equal_the_reference_key(docs):
    from textclean.dedup.exact import exact_key
    from textclean.dedup.tokens import WordBatch

    assert WordBatch.of(docs).exact_keys() == [exact_key(d) for d in docs]
