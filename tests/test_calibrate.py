"""`calibrate`: fitted cut-offs hold on unseen pages, configs run as written, folds are fixed."""

from __future__ import annotations

import json
import math
import random
import sys

import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import textclean
from textclean import ConfigError, Document, Pipeline
from textclean.calibrate.fit import Knob, Objective, fit_cutoffs, predict
from textclean.calibrate.labels import SampleError
from textclean.calibrate.toml_out import to_toml
from textclean.cli import main
from textclean.config import load_config, pipeline_from_config
from textclean.testing.labelled import labelled_sample

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def as_docs(records: list[dict]) -> list[Document]:
    return [Document(r["id"], r["text"], {"label": r["label"]}) for r in records]


@pytest.fixture(scope="module")
def halves() -> tuple[list[dict], list[dict]]:
    records = labelled_sample(per_kind=20, clean=100, seed=3)
    random.Random(0).shuffle(records)
    return records[::2], records[1::2]


@pytest.fixture(scope="module")
def fitted(halves):
    return textclean.calibrate(as_docs(halves[0]), step="quality", label="label")


def test_config_fitted_on_one_half_scores_97_percent_on_the_other(halves, fitted):
    pipeline = pipeline_from_config(load_config(fitted.config()))
    held_out = halves[1]
    kept = {d.id for d in pipeline.run(as_docs(held_out))}
    right = sum((r["id"] not in kept) == (r["label"] == "drop") for r in held_out)
    assert right / len(held_out) >= 0.97


def test_the_table_reports_cross_validated_figures(fitted, halves):
    o = fitted.overall
    assert o.units == len(halves[0]) and o.drops == sum(r["label"] == "drop" for r in halves[0])
    assert 0.9 <= o.accuracy <= 1.0 and o.folds == 5
    assert len(fitted.table) == len(fitted.options["limits"])
    for row in fitted.table:
        assert row.fired == 0 or 0.0 <= row.precision <= 1.0
    assert "cross-validated accuracy" in str(fitted)


def test_input_order_does_not_change_the_fit(halves, fitted):
    shuffled = list(halves[0])
    random.Random(7).shuffle(shuffled)
    again = textclean.calibrate(as_docs(shuffled), step="quality")
    assert again.options == fitted.options and again.table == fitted.table


def test_precision_floor_holds_on_the_cross_validated_figures(halves):
    result = textclean.calibrate(
        as_docs(halves[0]), step="quality", objective="precision", min_precision=0.99
    )
    assert result.overall.precision >= 0.95 and result.objective.min_precision == 0.99


def test_the_written_config_is_what_clean_runs(tmp_path):
    sample = tmp_path / "sample.jsonl"
    records = labelled_sample(per_kind=8, clean=40, seed=5)
    sample.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    tuned = tmp_path / "tuned.toml"
    runner = CliRunner()
    out = runner.invoke(
        main,
        ["calibrate", str(sample), "--label-field", "label", "--step", "quality", "-o", str(tuned)],
    )
    assert out.exit_code == 0, out.output
    assert "precision" in out.output and "cut-off" in out.output
    config = tomllib.loads(tuned.read_text(encoding="utf-8"))
    assert config["steps"][0]["name"] == "quality" and config["steps"][0]["drop"] is True
    cleaned = runner.invoke(
        main,
        ["clean", str(sample), "-o", str(tmp_path / "out.jsonl"), "--config", str(tuned), "-q"],
    )
    assert cleaned.exit_code == 0, cleaned.output
    kept = [json.loads(line)["id"] for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert kept and all(k.startswith("clean-") for k in kept)


def test_errors_name_the_record_and_the_fix():
    with pytest.raises(SampleError, match="doc-1.*label"):
        textclean.calibrate([Document("doc-1", "Text.", {})], step="length")
    with pytest.raises(SampleError, match="neither keep nor drop"):
        textclean.calibrate([Document("d", "Text.", {"label": "maybe"})], step="length")
    docs = [Document(str(i), "Some text here.", {"label": "keep"}) for i in range(10)]
    with pytest.raises(SampleError, match="both labels"):
        textclean.calibrate(docs, step="length")
    with pytest.raises(ConfigError, match="cannot calibrate 'nope'"):
        textclean.calibrate(docs, step="nope")


def test_length_learns_a_word_floor():
    rng = random.Random(1)
    docs, short, long = [], [], []
    for i in range(60):
        n = rng.randint(3, 30) if i % 2 else rng.randint(45, 200)
        (short if i % 2 else long).append(n)
        docs.append(
            Document(f"d{i}", " ".join(["word"] * n), {"label": "drop" if i % 2 else "keep"})
        )
    result = textclean.calibrate(docs, step="length")
    assert max(short) < result.options["min_words"] <= min(long)
    assert result.overall.accuracy == 1.0
    step = pipeline_from_config(load_config(result.config()))
    assert step.clean("word " * 20) == "" and step.clean("word " * 50)


def test_language_keeps_the_labelled_languages_with_a_floor():
    english = "The council met on Monday evening to vote on the new park and the bicycle lanes."
    german = "Der Stadtrat hat am Montagabend über den neuen Park und die Radwege abgestimmt."
    docs = [Document(f"e{i}", english, {"label": "keep"}) for i in range(6)]
    docs += [Document(f"g{i}", german, {"label": "drop"}) for i in range(6)]
    result = textclean.calibrate(docs, step="language", folds=3)
    assert result.options["keep"] == ["en"] and result.overall.accuracy == 1.0


def test_near_dedup_picks_a_threshold_and_bands_from_pairs():
    rng = random.Random(2)
    words = [f"w{i}" for i in range(400)]
    docs = []
    for i in range(40):
        a = rng.choices(words, k=120)
        if i % 2:
            b = list(a)
            for j in rng.sample(range(120), 6):
                b[j] = rng.choice(words)
            label = "duplicate"
        else:
            b = rng.choices(words, k=120)
            label = "distinct"
        docs.append(Document(f"p{i}", " ".join(a), {"b": " ".join(b), "label": label}))
    result = textclean.calibrate(docs, step="near_dedup", pair_fields=("text", "b"))
    opts = result.options
    assert 0.05 < opts["threshold"] < 0.8 and opts["bands"] * opts["rows"] <= opts["num_perm"]
    assert result.overall.accuracy == 1.0
    pipeline_from_config(load_config(result.config()))  # builds as written


def test_boilerplate_threshold_from_line_labels():
    from textclean.testing.labelled import clean_article, furniture_lines

    rng = random.Random(4)
    furniture = furniture_lines()
    docs = []
    for i in range(12):
        lines = clean_article(rng).split("\n")
        labels = ["keep"] * len(lines)
        for _ in range(4):
            at = rng.randint(0, len(lines))
            lines.insert(at, rng.choice(furniture))
            labels.insert(at, "drop")
        docs.append(Document(f"b{i}", "\n".join(lines), {"label": labels}))
    result = textclean.calibrate(docs, step="boilerplate", folds=3)
    assert 0.0 < result.options["threshold"] < 1.0 and result.overall.accuracy >= 0.9
    with pytest.raises(ConfigError, match="one label per line"):
        textclean.calibrate([Document("x", "a\nb", {"label": ["keep"]})], step="boilerplate")


def test_textclean_calibrate_stays_callable_after_the_package_is_imported():
    import textclean.calibrate as package

    assert callable(textclean.calibrate) and package.Calibration is textclean.Calibration


# --- the search itself -------------------------------------------------------

VALUES = st.lists(st.floats(0, 1, allow_nan=False), min_size=2, max_size=40)


@given(VALUES, VALUES)
def test_separable_scores_are_separated(keep, drop):
    top = max(keep)
    drop = [top + 0.01 + v for v in drop]
    m = np.array(keep + drop)[:, None]
    y = np.array([False] * len(keep) + [True] * len(drop))
    cut = fit_cutoffs(m, y, [Knob("r", "s")], Objective())
    assert (predict(m, [Knob("r", "s")], cut)[:, 0] == y).all()


@given(VALUES, VALUES, st.sampled_from([0.8, 0.9, 1.0]))
def test_the_precision_floor_holds_where_it_was_fitted(keep, drop, floor):
    m = np.array(keep + drop)[:, None]
    y = np.array([False] * len(keep) + [True] * len(drop))
    knob = [Knob("r", "s")]
    fired = predict(m, knob, fit_cutoffs(m, y, knob, Objective("precision", floor)))[:, 0]
    assert not fired.any() or (fired & y).sum() / fired.sum() >= floor - 1e-9


@given(VALUES, VALUES, st.sampled_from([0.0, 0.1, 0.25]))
def test_the_false_drop_budget_holds_where_it_was_fitted(keep, drop, budget):
    m = np.array(keep + drop)[:, None]
    y = np.array([False] * len(keep) + [True] * len(drop))
    knob = [Knob("r", "s", below=True)]
    cut = fit_cutoffs(m, y, knob, Objective("false_drops", max_false_drops=budget))
    fired = predict(m, knob, cut)[:, 0]
    assert (fired & ~y).sum() <= budget * len(keep) + 1e-9


LIMITS = st.dictionaries(
    st.sampled_from(["dup_line_frac", "keyword_repeats", "stop_word_ratio", "prose_share"]),
    st.one_of(st.floats(-1e6, 1e6, allow_nan=False), st.just("off")),
)


@given(LIMITS)
def test_written_toml_reads_back_the_same(limits):
    config = {"steps": [{"name": "quality", "drop": True, "limits": limits}]}
    assert tomllib.loads(to_toml(config)) == config


# --- the quality step's limits ------------------------------------------------


def test_quality_limits_change_what_is_dropped_and_are_validated():
    from textclean.filters.page_quality import QualityFilter

    text = "Buy cheap pills. Buy cheap pills. Buy cheap pills now."
    pipeline = Pipeline([QualityFilter()])
    assert pipeline.clean(text) == ""
    off = {k: "off" for k in ("dup_sentence_frac", "top_2gram_frac", "top_3gram_frac")}
    off.update({f"dup_{n}gram_frac": "off" for n in range(5, 11)})
    off.update({"top_4gram_frac": "off"})
    assert Pipeline([QualityFilter(limits=off)]).clean(text) == text
    with pytest.raises(ConfigError, match="unknown scores.*dup_lines"):
        QualityFilter(limits={"dup_lines": 0.2})
    with pytest.raises(ConfigError, match="finite number"):
        QualityFilter(limits={"dup_line_frac": math.inf})
    with pytest.raises(ConfigError, match="maps score names"):
        QualityFilter(limits=[0.2])


def test_seed_002_is_dropped_as_snippet_soup_under_the_real_text_limits(seeds):
    """Seed 002 repeats its lower-cased query less often than the keyword limit fitted on
    real news allows, so it is dropped for its pasted second half alone."""
    from textclean.filters.page_quality import RULES, quality

    text = next(t for k, t in seeds.items() if k.startswith("002"))
    found = quality(text, lang="en")
    limit = next(r.limit for r in RULES if r.score == "keyword_repeats")
    assert found.rules == ["snippet_soup"] and 0 < found.scores["keyword_repeats"] < limit
    assert found.regions and all(r.start > len(text) / 2 for r in found.regions)


def test_spin_filter_learns_its_two_floors_from_spun_and_clean_pages():
    from textclean.testing.labelled import clean_article
    from textclean.testing.spin import spin_sites

    rng = random.Random(6)
    docs = []
    while len(docs) < 40:
        text = "\n".join(clean_article(rng) for _ in range(2))
        spin = len(docs) % 2 == 1
        sites = spin_sites(text)
        if spin and len(sites) < 3:
            continue  # a page spun in fewer than three places is not clearly spun
        for start, end, phrases in reversed(sites if spin else []):
            text = text[:start] + rng.choice(phrases) + text[end:]
        docs.append(Document(f"s{len(docs)}", text, {"label": "drop" if spin else "keep"}))
    result = textclean.calibrate(docs, step="spin_filter", folds=4)
    assert result.options["drop"] is True and result.options["threshold"] > 0
    assert result.overall.accuracy >= 0.9
    pipeline = pipeline_from_config(load_config(result.config()))
    kept = {d.id for d in pipeline.run(docs)}
    right = sum((d.id not in kept) == (d.meta["label"] == "drop") for d in docs)
    assert right / len(docs) >= 0.95


def test_a_sample_without_the_label_field_names_the_flag(tmp_path):
    sample = tmp_path / "sample.jsonl"
    sample.write_text('{"id": "a", "text": "Some text.", "verdict": "keep"}\n', encoding="utf-8")
    out = CliRunner().invoke(main, ["calibrate", str(sample), "--step", "length"])
    assert out.exit_code == 2
    assert "a: no 'label' field" in out.output and "--label-field" in out.output


def test_the_worked_example_in_the_docs_prints_what_the_docs_show(tmp_path):
    """docs/calibrate.md shows the summary line and a cut-off of its worked example;
    the command on the shipped example sample prints exactly those."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    doc = (root / "docs" / "calibrate.md").read_text(encoding="utf-8")
    result = CliRunner().invoke(
        main,
        [
            "calibrate",
            str(root / "examples" / "labelled.jsonl"),
            "--label-field",
            "label",
            "--step",
            "quality",
            "-o",
            str(tmp_path / "tuned.toml"),
        ],
    )
    assert result.exit_code == 0, result.output
    summary = next(line for line in result.output.splitlines() if line.startswith("quality: "))
    assert summary in doc
    stop_words = next(line for line in result.output.splitlines() if "stop_word_ratio" in line)
    assert " ".join(stop_words.split()) in " ".join(doc.split())


def test_pair_fields_go_with_near_dedup_and_only_with_it(tmp_path):
    from textclean.errors import OptionError

    docs = [Document("a", "x y z", {"label": "keep"})]
    for step, pairs in (("near_dedup", None), ("quality", ("a", "b"))):
        with pytest.raises(OptionError) as info:
            textclean.calibrate(docs, step=step, pair_fields=pairs)
        assert info.value.options == ("pair_fields",)
    sample = tmp_path / "pairs.jsonl"
    sample.write_text('{"a": "x y z", "b": "x y z", "label": "drop"}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["calibrate", str(sample), "--step", "near_dedup"])
    assert result.exit_code == 2 and "--pair-fields" in result.output


def test_records_skipped_while_reading_the_sample_are_reported(tmp_path):
    sample = tmp_path / "sample.jsonl"
    records = labelled_sample(per_kind=8, clean=40, seed=5)
    lines = [json.dumps(r) for r in records] + ['{"text": ', '{"broken']
    sample.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["calibrate", str(sample), "--step", "quality", "--on-error", "skip"]
    )
    assert result.exit_code == 0, result.output
    assert "skipped 2 unreadable records" in result.output


def test_a_precision_floor_alone_asks_for_the_precision_objective():
    docs = [
        Document(r["id"], r["text"], {"label": r["label"]})
        for r in labelled_sample(per_kind=8, clean=40, seed=5)
    ]
    floor = textclean.calibrate(docs, step="quality", min_precision=0.99)
    explicit = textclean.calibrate(docs, step="quality", objective="precision", min_precision=0.99)
    assert str(floor) == str(explicit)


@given(
    st.lists(st.tuples(st.floats(0, 1, allow_nan=False), st.booleans()), min_size=2, max_size=30)
)
def test_with_all_knobs_the_fit_drops_nothing_unless_dropping_does_better(units):
    """Knobs that must all fire start firing on everything; the fit must end either
    doing better than keeping every unit or keeping every unit, never dropping them
    for nothing."""
    m = np.array([[score, 0.0] for score, _ in units])  # the second knob sees one value
    y = np.array([drop for _, drop in units])
    knobs = [Knob("a", "s"), Knob("a", "r", whole=True)]
    cut = fit_cutoffs(m, y, knobs, Objective(), mode="all")
    dropped = predict(m, knobs, cut).all(axis=1)
    assert (dropped == y).sum() > (~y).sum() or not dropped.any()


def test_calibrating_spin_on_a_sample_it_cannot_separate_writes_a_config_that_drops_nothing(
    tmp_path,
):
    sample = tmp_path / "sample.jsonl"
    clean = labelled_sample(per_kind=0, clean=12, seed=9)
    records = [{**r, "label": "drop" if i % 2 else "keep"} for i, r in enumerate(clean)]
    sample.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    tuned = tmp_path / "spin.toml"
    out = CliRunner().invoke(
        main, ["calibrate", str(sample), "--step", "spin_filter", "-o", str(tuned)]
    )
    assert out.exit_code == 0, out.output
    step = tomllib.loads(tuned.read_text(encoding="utf-8"))["steps"][0]
    assert step["name"] == "spin_filter" and step["drop"] is False


@pytest.mark.parametrize("name", ["sample.jsonl", "tuned.yaml"])
def test_calibrate_refuses_an_output_that_is_its_sample_or_not_a_config(tmp_path, name):
    sample = tmp_path / "sample.jsonl"
    records = labelled_sample(per_kind=2, clean=6, seed=4)
    sample.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    before = sample.read_bytes()
    target = tmp_path / name
    out = CliRunner().invoke(
        main, ["calibrate", str(sample), "--step", "length", "-o", str(target)]
    )
    assert out.exit_code == 2, out.output
    assert str(target) in out.output
    assert sample.read_bytes() == before
    assert not (tmp_path / "tuned.yaml").exists()


def test_calibrate_writes_its_config_into_a_new_folder_and_leaves_no_temporary_file(tmp_path):
    sample = tmp_path / "sample.jsonl"
    records = labelled_sample(per_kind=2, clean=6, seed=4)
    sample.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    target = tmp_path / "configs" / "new" / "tuned.toml"
    out = CliRunner().invoke(
        main, ["calibrate", str(sample), "--step", "length", "-o", str(target)]
    )
    assert out.exit_code == 0, out.output
    assert tomllib.loads(target.read_text(encoding="utf-8"))["steps"][0]["name"] == "length"
    assert sorted(p.name for p in target.parent.iterdir()) == ["tuned.toml"]


def test_calibrate_reads_its_samples_as_the_declared_format_when_checking_its_output(tmp_path):
    sample = tmp_path / "sample.dat"  # not a suffix textclean knows: --format says what it is
    records = labelled_sample(per_kind=2, clean=6, seed=4)
    sample.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    target = tmp_path / "tuned.toml"
    out = CliRunner().invoke(
        main,
        ["calibrate", str(sample), "--format", "jsonl", "--step", "length", "-o", str(target)],
    )
    assert out.exit_code == 0, out.output
    assert target.exists()


def test_a_written_config_gets_the_usual_file_mode(tmp_path):
    import os
    import stat

    sample = tmp_path / "sample.jsonl"
    records = labelled_sample(per_kind=2, clean=6, seed=4)
    sample.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    plain = tmp_path / "plain"
    plain.write_text("", encoding="utf-8")
    target = tmp_path / "tuned.toml"
    CliRunner().invoke(main, ["calibrate", str(sample), "--step", "length", "-o", str(target)])
    assert stat.S_IMODE(os.stat(target).st_mode) == stat.S_IMODE(os.stat(plain).st_mode)


def test_pair_fields_named_as_one_string_work_from_python(tmp_path):
    from textclean.calibrate.run import check_pair_fields

    assert check_pair_fields("near_dedup", "a, b") == ("a", "b")
    with pytest.raises(ConfigError, match="two field names"):
        check_pair_fields("near_dedup", "a,b,c")
