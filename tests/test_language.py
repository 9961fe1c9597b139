"""Language identification: correct, honest on short text, deterministic, langdetect's answers."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from textclean.changes import apply_changes
from textclean.document import Document, Drop
from textclean.errors import ConfigError
from textclean.filters import Language, detect_language
from textclean.filters.language import UNKNOWN, LanguageFilter, sample_text
from textclean.filters.random_replay import RandomReplay

SET = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "language" / "set.jsonl"
SENTENCES = {
    "en": "The committee will publish its final report on the new railway line next spring.",
    "de": "Der Ausschuss wird seinen Abschlussbericht über die neue Bahnstrecke im Frühjahr veröffentlichen.",
    "fr": "Le comité publiera son rapport final sur la nouvelle ligne de chemin de fer au printemps.",
    "es": "El comité publicará su informe final sobre la nueva línea de ferrocarril en primavera.",
    "ru": "Комитет опубликует свой окончательный доклад о новой железнодорожной линии весной.",
    "ja": "委員会は来年の春に新しい鉄道路線に関する最終報告書を公表する予定です。",
}


def corpus(n: int) -> list[str]:
    rows = [json.loads(line) for line in SET.read_text(encoding="utf-8").splitlines()]
    return [r["text"] for r in rows[:: max(1, len(rows) // n)]][:n]


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_detects_the_language_of_a_sentence(lang):
    found = detect_language(SENTENCES[lang])
    assert found.lang == lang and found.prob > 0.9


def test_short_text_is_unknown():
    assert detect_language("Hello there") == Language(UNKNOWN, 0.0)
    assert detect_language("12 345 678 !!") == Language(UNKNOWN, 0.0)


def test_exact_mode_gives_langdetects_own_answers():
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(0)
    iso = {"zh-cn": "zh", "zh-tw": "zh"}
    for text in corpus(40):
        detector = factory.create()
        detector.append(text)
        expected = detector.get_probabilities()[0]
        found = detect_language(text, budgets=(0,), agree_after=7, min_letters=0)
        assert found.lang == iso.get(expected.lang, expected.lang)
        assert found.prob == pytest.approx(expected.prob, abs=1e-5)


def test_no_global_random_state_is_read_or_written():
    random.seed(1)
    before = random.random()
    random.seed(1)
    detect_language(SENTENCES["fr"])
    assert random.random() == before


def test_same_answers_in_another_process_with_another_hash_seed():
    texts = corpus(25)
    here = [detect_language(t) for t in texts]
    code = (
        "import json,sys\nfrom textclean.filters import detect_language\n"
        "texts=json.load(sys.stdin)\n"
        "print(json.dumps([[d.lang, d.prob] for d in map(detect_language, texts)]))"
    )
    for hash_seed in ("1", "2"):
        out = subprocess.run(
            [sys.executable, "-c", code],
            input=json.dumps(texts),
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": hash_seed, "PATH": ""},
            cwd=Path(__file__).resolve().parent.parent,
        )
        assert json.loads(out.stdout) == [[d.lang, d.prob] for d in here]


@given(st.text(min_size=0, max_size=300))
def test_same_text_same_answer_and_probability_in_bounds(text):
    first, second = detect_language(text), detect_language(text)
    assert first == second
    assert 0.0 <= first.prob <= 1.0


@given(st.integers(0, 2**32), st.integers(1, 5000), st.integers(1, 300))
def test_replayed_stream_is_pythons_random(seed, n, count):
    stream, rng = RandomReplay(seed, np.arange(n)), random.Random(seed)
    assert stream.gauss() == rng.gauss(0.0, 1.0)
    values, ends = stream.peek_choices(count)
    stream.seek(int(ends[-1]))
    assert values.tolist() == [rng.choice(range(n)) for _ in range(count)]
    assert stream.gauss() == rng.gauss(0.0, 1.0)


@given(st.text(min_size=1, max_size=2000), st.integers(10, 500))
def test_sample_is_made_of_pieces_of_the_text(text, budget):
    sample = sample_text(text, budget)
    if len(text) <= budget:
        assert sample == text
    else:
        assert all(piece in text for piece in sample.split("\n"))
        assert len(sample) <= budget + 2  # three slices joined by line breaks


def test_langid_backend():
    found = detect_language(SENTENCES["de"], backend="langid")
    assert found.lang == "de" and found.prob > 0.5


def test_unknown_backend_is_a_config_error():
    with pytest.raises(ConfigError):
        detect_language(SENTENCES["en"], backend="nope")
    with pytest.raises(ConfigError):
        LanguageFilter(backend="nope")


def test_step_annotates_and_keeps_only_the_languages_asked_for():
    en, de = Document("en", SENTENCES["en"]), Document("de", SENTENCES["de"])
    annotated = LanguageFilter()(de)
    assert annotated.record["lang"] == "de" and annotated.record["lang_prob"] > 0.9
    step = LanguageFilter(keep=["en"])
    assert isinstance(step(en), Document)
    dropped = step(de)
    assert isinstance(dropped, Drop) and dropped.reason == "language:other"
    assert isinstance(step(Document("s", "Hi")), Drop)
    assert isinstance(LanguageFilter(keep=["en"], keep_unknown=True)(Document("s", "Hi")), Document)


@pytest.mark.parametrize(
    ("keep", "backend", "message"),
    [
        (["english"], "langdetect", "'english' is not a language code langdetect answers"),
        (["en", "xx"], "langdetect", "'xx' is not a language code"),
        ([""], "langdetect", "'' is not a language code"),
        (["EN"], "langid", "'EN' is not a language code"),
        (["unknown"], "langdetect", "keep_unknown = true"),
    ],
)
def test_a_keep_code_no_document_can_have_is_refused(keep, backend, message):
    # each would drop every document as language:other
    with pytest.raises(ConfigError, match=message):
        LanguageFilter(keep=keep, backend=backend)


def test_every_code_langdetect_answers_may_be_kept():
    step = LanguageFilter(keep=["zh", "no", "en"])  # its zh-cn, zh-tw and nb are answered as these
    zh = Document("zh", "委员会将于明年春天发布关于新铁路线的最终报告，并征求公众意见。")
    assert isinstance(step(zh), Document) and step(zh).record["lang"] == "zh"


def test_a_refused_keep_code_names_the_step():
    from textclean import Pipeline

    with pytest.raises(ConfigError, match=r"step 'language': keep: 'english'"):
        Pipeline.from_steps("language(keep=english)")


def test_paragraph_mode_flags_mixed_documents_and_drops_foreign_paragraphs():
    text = "\n\n".join(
        [SENTENCES["en"], SENTENCES["de"], SENTENCES["en"].replace("spring", "year")]
    )
    doc = Document("mixed", text)
    result = LanguageFilter(paragraphs=True, drop_paragraphs=True).process(doc)
    record = result.output.record
    assert record["lang"] == "en" and record["lang_mixed"] is True
    assert set(record["lang_shares"]) == {"en", "de"}
    assert SENTENCES["de"] not in result.output.text
    assert apply_changes(text, result.changes) == result.output.text
    plain = LanguageFilter(paragraphs=True).process(Document("en", SENTENCES["en"]))
    assert plain.output.record["lang_mixed"] is False and not plain.changes


def test_the_model_matrix_is_langdetects_own_profile_table():
    """The NumPy loader gives langdetect's ``word_lang_prob_map`` number for number."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    from textclean.filters.langdetect_backend import _model

    files = sorted(p for p in Path(PROFILES_DIRECTORY).iterdir() if p.is_file())
    factory = DetectorFactory()
    factory.load_json_profile([p.read_text(encoding="utf-8") for p in files])
    grams = sorted(factory.word_lang_prob_map)
    model = _model()
    assert model.langs == tuple(factory.get_lang_list())
    assert sorted(model.index) == grams
    assert list(model.index.values()) == list(range(len(grams)))  # row k is the k-th key
    expected = np.array([factory.word_lang_prob_map[g] for g in model.index], dtype=np.float64)
    assert np.array_equal(model.probs, expected)


@given(st.lists(st.integers(0, 90_000) | st.integers(0, 5), min_size=1, max_size=300))
def test_distinct_rows_and_their_places_are_those_of_numpy_unique(rows: list[int]) -> None:
    from textclean.filters.langdetect_backend import _distinct

    array = np.array(rows, dtype=np.int64)
    used, places = _distinct(array)
    expected_used, expected_places = np.unique(array, return_inverse=True)
    assert used.tolist() == expected_used.tolist() and used.dtype == expected_used.dtype
    assert places.tolist() == expected_places.tolist() and places.dtype == expected_places.dtype
