"""The near_dedup stage: exact and near duplicates, keep policies, order independence, clusters file."""

from __future__ import annotations

import random

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from textclean.dedup.settings import DedupSettings
from textclean.dedup.stage import NearDedup, dedup_documents
from textclean.document import Document, Drop
from textclean.errors import ConfigError
from textclean.pipeline import Pipeline
from textclean.registry import create

VOCAB = [f"w{i}" for i in range(400)]


def article(rng: random.Random, words: int = 120) -> str:
    return " ".join(rng.choice(VOCAB) for _ in range(words))


def edit(text: str, rate: float, rng: random.Random) -> str:
    return " ".join(rng.choice(VOCAB) if rng.random() < rate else w for w in text.split())


def outcomes(docs, **options):
    out = list(dedup_documents(docs, DedupSettings(**options)))
    return {(o.doc if isinstance(o, Drop) else o).id: o for o in out}


def record(outcome):
    return (outcome.doc if isinstance(outcome, Drop) else outcome).record


def test_exact_near_and_unrelated_documents():
    rng = random.Random(1)
    base = article(rng)
    docs = [
        Document("a", base),
        Document("b", "  " + base.upper() + "\n"),
        Document("c", base.replace(base.split()[50], "other", 1) + " tail"),  # Jaccard ~0.9
        Document("d", article(rng)),
    ]
    got = outcomes(docs)
    assert isinstance(got["a"], Document) and isinstance(got["d"], Document)
    assert got["b"].reason == "exact_duplicate" and record(got["b"])["duplicate_of"] == "a"
    assert got["c"].reason == "near_duplicate" and record(got["c"])["similarity"] >= 0.8
    assert {record(got[k])["cluster"] for k in "abc"} == {"a"}
    assert record(got["d"]) == {"cluster": "d", "duplicate_of": None, "similarity": None}


def test_candidates_below_threshold_are_never_linked():
    """A loose LSH (one value per band) makes many candidates; verification rejects them."""
    rng = random.Random(2)
    base = article(rng)
    docs = [Document(str(i), edit(base, 0.15, rng)) for i in range(12)]
    got = outcomes(docs, threshold=0.9, bands=128, rows=1)
    kept = [o for o in got.values() if isinstance(o, Document)]
    assert len(kept) == len(docs)  # 15% edits: similarity far below 0.9


@pytest.mark.parametrize(
    "policy,expected",
    [
        ("first", "x"),
        ("longest", "y"),
        ("newest", "z"),
        ("oldest", "y"),
        ("quality", "x"),
        ("none", None),
    ],
)
def test_keep_policies(policy, expected):
    rng = random.Random(3)
    base = article(rng)
    docs = [
        Document("x", base, {"date": "2021-05-01", "textclean": {"quality": 0.9}}),
        Document("y", base + " w1 w2", {"date": "2020-01-01", "quality": 0.5}),
        Document("z", base + " w1", {"date": "2022-01-01"}),
    ]
    got = outcomes(docs, keep=policy)
    kept = [k for k, o in got.items() if isinstance(o, Document)]
    assert kept == ([expected] if expected else [])
    for k, o in got.items():
        if k != expected:
            assert record(o)["duplicate_of"] == (expected or (None if k == "x" else "x"))


corpora = (
    st.integers(0, 10_000)
    .map(random.Random)
    .map(
        lambda rng: [
            Document(f"d{n}", text, {"date": rng.choice(["2020", "2021", "2022"])})
            for n, text in enumerate(
                t
                for base in (article(rng, 60) for _ in range(rng.randint(1, 5)))
                for t in [base]
                + [edit(base, rng.choice([0.0, 0.02, 0.3]), rng) for _ in range(rng.randint(0, 3))]
            )
        ]
    )
)


@given(
    corpora,
    st.randoms(use_true_random=False),
    st.sampled_from(["longest", "newest", "oldest", "none"]),
)
def test_shuffled_input_gives_same_clusters_and_kept_documents(docs, shuffler, policy):
    shuffled = list(docs)
    shuffler.shuffle(shuffled)
    first, second = outcomes(docs, keep=policy), outcomes(shuffled, keep=policy)
    assert {k: record(o) for k, o in first.items()} == {k: record(o) for k, o in second.items()}
    assert {k for k, o in first.items() if isinstance(o, Document)} == {
        k for k, o in second.items() if isinstance(o, Document)
    }


@given(corpora)
def test_every_document_comes_out_once_in_input_order(docs):
    out = list(dedup_documents(docs))
    assert [(o.doc if isinstance(o, Drop) else o).id for o in out] == [d.id for d in docs]


def test_clusters_file_lists_members_and_pairwise_similarities(tmp_path):
    rng = random.Random(4)
    base = article(rng)
    docs = [
        Document("a", base),
        Document("b", base),
        Document("c", base + " tail"),
        Document("d", article(rng)),
    ]
    path = tmp_path / "clusters.jsonl"
    list(dedup_documents(docs, clusters=str(path)))
    lines = [orjson.loads(line) for line in path.read_bytes().splitlines()]
    assert len(lines) == 1
    cluster = lines[0]
    assert cluster["kept"] == "a" and cluster["size"] == 3
    assert [m["id"] for m in cluster["members"]] == ["a", "b", "c"]
    assert ["a", "b", 1.0] in cluster["pairs"]
    assert any(p[:2] == ["a", "c"] and 0.8 <= p[2] <= 1 for p in cluster["pairs"])


def test_exact_verification_uses_true_jaccard():
    rng = random.Random(5)
    base = article(rng, 200)
    docs = [Document("a", base), Document("b", edit(base, 0.005, rng))]
    got = outcomes(docs, verify="exact")
    assert isinstance(got["b"], Drop)


def test_stage_in_a_pipeline_and_by_name():
    rng = random.Random(6)
    base = article(rng)
    docs = [Document("a", base), Document("b", base + " w3"), Document("c", article(rng))]
    pipeline = Pipeline([create("near_dedup", threshold=0.7)])
    assert [d.id for d in pipeline.run(docs)] == ["a", "c"]
    assert pipeline.stats.dropped["near_duplicate"] == 1


def test_bad_options_are_config_errors():
    for bad in (
        {"threshold": 0},
        {"keep": "random"},
        {"bands": 20, "rows": 8},
        {"bands": 4},
        {"verify": "x"},
    ):
        with pytest.raises(ConfigError):
            NearDedup(**bad)


def test_seed_articles_are_distinct_and_their_light_copies_are_found(seeds):
    rng = random.Random(7)
    docs = [Document(k, v) for k, v in seeds.items()]
    docs += [Document(k + "-copy", edit(v, 0.01, rng)) for k, v in seeds.items()]
    got = outcomes(docs)
    for k in seeds:
        assert isinstance(got[k], Document) and record(got[k])["cluster"] == k
        assert record(got[k + "-copy"])["duplicate_of"] == k


def test_stage_pickles_with_its_options():
    import pickle

    stage = NearDedup(threshold=0.7, keep="longest", clusters="c.jsonl")
    assert pickle.loads(pickle.dumps(stage)) == stage


@given(corpora, st.randoms(use_true_random=False))
def test_first_policy_groups_the_same_documents_whatever_the_order(docs, shuffler):
    shuffled = list(docs)
    shuffler.shuffle(shuffled)

    def groups(outs):
        by_cluster: dict[str, set[str]] = {}
        for k, o in outs.items():
            by_cluster.setdefault(record(o)["cluster"], set()).add(k)
        return sorted(sorted(g) for g in by_cluster.values())

    assert groups(outcomes(docs)) == groups(outcomes(shuffled))


def test_character_shingles_find_near_duplicates_in_unspaced_scripts():
    rng = random.Random(8)
    chars = "日本語中文字的是了在有人这个们来到时大地为子中你说生国年着就那和要她出也得里后自以会"
    base = "".join(rng.choice(chars) for _ in range(400))
    near = base[:200] + "新" + base[201:]
    got = outcomes(
        [Document("a", base), Document("b", near), Document("c", base[::-1])], unit="char", ngram=4
    )
    assert record(got["b"])["duplicate_of"] == "a" and got["b"].reason == "near_duplicate"
    assert isinstance(got["c"], Document)
    # as words, each text is one long "word": no near-duplicate is visible
    assert isinstance(outcomes([Document("a", base), Document("b", near)])["b"], Document)
