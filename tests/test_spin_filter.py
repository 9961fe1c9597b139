"""The spin score and the spin filter: clean news is kept, clearly spun pages go."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textclean import Document, Drop
from textclean.errors import ConfigError
from textclean.filters.spin import DROP_REASON, SpinFilter
from textclean.pipeline import Pipeline
from textclean.registry import create, default_names
from textclean.repair import spin_score
from textclean.repair.spun import MIN_WORDS, REPAIR_WEIGHT, FixSpun, score_of, spin_evidence

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [
    json.loads(line) for line in (ROOT / "examples" / "corpus.jsonl").open(encoding="utf-8")
]


def seed(seeds: dict[str, str], prefix: str) -> str:
    return next(text for name, text in seeds.items() if name.startswith(prefix))


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_clean_seeds_are_kept_with_a_low_score(seeds: dict[str, str], prefix: str) -> None:
    doc = Document(prefix, seed(seeds, prefix))
    out = Pipeline([FixSpun(), SpinFilter()])(doc)
    assert isinstance(out, Document)
    assert out.record["spin_score"] < 5 and out.record["spin_repairs"] == 0


def test_clean_examples_are_kept() -> None:
    for record in EXAMPLES:
        if record["source"] != "content-farm":
            assert isinstance(SpinFilter()(Document(record["id"], record["text"])), Document)


def test_spun_seed_is_dropped_even_after_its_repair(seeds: dict[str, str]) -> None:
    doc = Document("004", seed(seeds, "004"))
    raw = spin_evidence(doc.text)
    assert raw.repairs >= 5 and raw.signals >= 5 and raw.score > 20
    repaired = FixSpun()(doc)
    assert spin_evidence(repaired.text).repairs == 0  # the phrases are gone ...
    out = SpinFilter()(repaired)
    assert isinstance(out, Drop) and out.reason == DROP_REASON  # ... but still count
    assert out.doc.record["spin_repairs"] == raw.repairs
    assert (
        out.doc.record["spin_signals"] >= raw.signals - 2
    )  # signals rewritten in context count too


def test_annotate_only_never_drops(seeds: dict[str, str]) -> None:
    out = SpinFilter(drop=False)(Document("004", seed(seeds, "004")))
    assert isinstance(out, Document) and out.record["spin_score"] > 20


def test_default_pipeline_records_and_a_named_filter_drops(seeds: dict[str, str]) -> None:
    doc = Document("004", seed(seeds, "004"))
    kept = Pipeline.default()(doc)
    assert isinstance(kept, Document) and kept.record["spin_score"] > 20
    assert "law enforcement" in kept.text and "AI" in kept.text
    assert isinstance(
        Pipeline.from_config({"steps": [{"name": "fix_spun"}, {"name": "spin_filter"}]})(doc), Drop
    )


def test_signals_alone_never_drop() -> None:
    text = " ".join(["Young ones, men and women, much more than a lot more than before."] * 20)
    ev = spin_evidence(text)
    assert ev.repairs == 0 and ev.score > 100
    assert isinstance(SpinFilter()(Document("s", text)), Document)


def test_thresholds_are_options() -> None:
    text = "Police and for legal reasons enforcement agencies, such as for instance ICE, agree."
    assert isinstance(SpinFilter()(Document("a", text)), Document)  # 2 repairs < 3
    assert isinstance(SpinFilter(min_repairs=2)(Document("a", text)), Drop)
    assert isinstance(SpinFilter(min_repairs=2, threshold=1000)(Document("a", text)), Document)


def test_registered_in_the_default_pipeline_after_the_repairs() -> None:
    names = default_names()
    assert names.index("fix_spun") < names.index("fix_acronyms") < names.index("spin_filter")
    step = create("spin_filter", entries=["signal: plain words"])
    assert step(Document("a", "plain words")).record["spin_signals"] == 1
    assert pickle.loads(pickle.dumps(step)) == step
    with pytest.raises(ConfigError):
        create("spin_filter", threshold=-1)


def test_score_formula() -> None:
    assert score_of(1000, 1, 2) == pytest.approx(REPAIR_WEIGHT + 2)
    assert score_of(10, 0, 1) == score_of(MIN_WORDS, 0, 1)
    assert spin_score("") == 0.0


WORDS = st.sampled_from(
    ["the", "men", "and", "women", "young", "ones", "news", "such", "as", "for", "instance", "city"]
)


@given(st.lists(WORDS, min_size=MIN_WORDS, max_size=160).map(" ".join))
def test_score_is_a_density(text: str) -> None:
    """Two copies of a text score the same as one: the score counts per 1,000 words."""
    assert spin_score(text + "\n\n" + text) == pytest.approx(spin_score(text))


@given(st.text(alphabet="xyz \n", max_size=300))
def test_text_without_lexicon_words_scores_zero(text: str) -> None:
    assert spin_score(text) == 0.0
