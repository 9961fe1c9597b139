"""The learned line model: its file, its validation, and what it decides on real shapes of pages."""

from __future__ import annotations

import copy
import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textclean.boilerplate import classify_lines, strip_boilerplate
from textclean.boilerplate.line_features import FEATURES, STACKED, line_features, stacked_features
from textclean.boilerplate.line_model import VERSION, LineModel, builtin_model, load_model
from textclean.errors import ConfigError

BODY = [
    "The council voted on Tuesday to extend the bus network into the northern suburbs by 2026.",
    "Officials said the first routes would open next spring, once new drivers had been hired.",
    "Residents who spoke at the meeting welcomed the plan but asked for more evening services.",
]


def test_the_shipped_model_round_trips_through_json(tmp_path):
    model = builtin_model()
    path = tmp_path / "model.json"
    path.write_text(json.dumps(model.to_json()), encoding="utf-8")
    again = load_model(path)
    X = line_features(["Share on Facebook", *BODY, "Most read"], None, model.lexicon)
    assert np.array_equal(model.probabilities(X), again.probabilities(X))
    assert again.categories == model.categories
    assert again.decision_threshold == model.decision_threshold


def _broken(change) -> dict:
    data = copy.deepcopy(builtin_model().to_json())
    change(data)
    return data


@pytest.mark.parametrize(
    "change, why",
    [
        (lambda d: d.update(format="other"), "not a"),
        (lambda d: d.update(version=99), "version"),
        (lambda d: d.update(features=d["features"][:-1]), "other features"),
        (lambda d: d["trees"]["left"][0].__setitem__(0, 10**6), "outside its tree"),
        (lambda d: d["trees"]["feature"][0].__setitem__(0, 10**6), "feature that does not exist"),
        (lambda d: d["trees"]["value"].pop(), "shape"),
        (lambda d: d.update(decision_threshold=1.5), "threshold"),
        (lambda d: d.update(category_bias=[0.0]), "category head"),
        (lambda d: d.pop("trees"), "malformed"),
    ],
)
def test_a_broken_model_file_is_refused_with_what_is_wrong(change, why):
    with pytest.raises(ConfigError, match=why):
        LineModel.from_json(_broken(change))


def test_an_unreadable_model_file_names_the_file(tmp_path):
    path = tmp_path / "model.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigError, match="model.json"):
        load_model(path)


def test_furniture_in_unseen_wordings_goes():
    page = [
        "Get our morning briefing in your inbox.",
        *BODY,
        "Thanks for subscribing! Browse more newsletters",
        "Set your location to see local weather.",
    ]
    kept = [line for line, v in zip(page, classify_lines(page), strict=True) if v.keep]
    assert kept == BODY


def test_model_verdicts_carry_a_category_reason_and_probability():
    verdicts = classify_lines(["Thanks for subscribing! Browse more newsletters", *BODY])
    removed = verdicts[0]
    assert not removed.keep and removed.category and removed.reason
    assert removed.probability is not None and removed.probability >= 0.5
    assert all(v.keep and v.probability < 0.5 for v in verdicts[1:])


def test_a_repeated_paragraph_goes_once():
    page = [*BODY, BODY[1]]
    verdicts = classify_lines(page)
    assert [v.keep for v in verdicts] == [True, True, True, False]
    assert verdicts[-1].category == "duplicate"


def test_live_story_time_headers_and_headlines_stay():
    page = ["Council backs bus plan", "9:50 a.m.", *BODY, "10:15 a.m.", BODY[0] + " More follows."]
    kept = [line for line, v in zip(page, classify_lines(page), strict=True) if v.keep]
    assert "Council backs bus plan" in kept
    assert "9:50 a.m." in kept and "10:15 a.m." in kept


def test_without_a_model_the_rules_decide_alone():
    page = ["Get our morning briefing in your inbox.", *BODY]
    assert classify_lines(page, model=None)[0].probability is None


def test_a_higher_threshold_keeps_at_least_as_much():
    page = ["Now Playing", "RELATED VIDEO", "From the archives: the 1998 flood »", *BODY]
    low = classify_lines(page, threshold=0.2)
    high = classify_lines(page, threshold=0.9)
    assert all(h.keep for lo, h in zip(low, high, strict=True) if lo.keep)


lines = st.lists(
    st.one_of(
        st.sampled_from(BODY + ["Share", "Most read", "By Ann Lee", "Advertisement", ""]),
        st.text(max_size=60),
    ),
    max_size=20,
)


@settings(max_examples=60)
@given(lines)
def test_features_have_one_finite_row_per_line(page):
    X = line_features(page, None, builtin_model().lexicon)
    assert X.shape == (len(page), len(FEATURES))
    assert np.isfinite(X).all()


@settings(max_examples=60)
@given(lines)
def test_verdicts_do_not_depend_on_other_documents(page):
    alone = classify_lines(page)
    classify_lines(list(reversed(page)))
    assert classify_lines(page) == alone


@settings(max_examples=60)
@given(lines)
def test_stripping_is_a_fixed_point(page):
    once = strip_boilerplate("\n".join(page))
    assert strip_boilerplate(once) == once


def test_a_line_of_emoji_is_not_a_separator_and_a_huge_word_is_not_a_share_button():
    assert strip_boilerplate("😀" * 10) == "😀" * 10
    huge = "x" * 1_000_000
    assert strip_boilerplate(huge) == huge
    assert strip_boilerplate("Body text here.\n____\n") == "Body text here.\n"


def _with_second_pass() -> dict:
    """The shipped model's file with a second pass: its own trees over `FEATURES` and
    `STACKED` (enough to check the wiring; a trained second pass has its own)."""
    data = copy.deepcopy(builtin_model().to_json())
    data["version"] = VERSION  # a version 1 file has no second pass
    data["second"] = {
        "features": list(FEATURES + STACKED),
        "depth": data["depth"],
        "base_score": data["base_score"] - 1.0,
        "trees": copy.deepcopy(data["trees"]),
    }
    return data


def test_the_second_pass_judges_each_line_with_the_first_pass_around_it(tmp_path):
    path = tmp_path / "model.json"
    path.write_text(json.dumps(_with_second_pass()), encoding="utf-8")
    model = load_model(path)
    assert model.second is not None
    assert LineModel.from_json(model.to_json()).to_json() == model.to_json()
    page = ["Share on Facebook", *BODY, "", "Most read"]
    X = line_features(page, None, model.lexicon)
    present = np.array([bool(line.strip()) for line in page])
    p = model.furniture(X, present)
    rows = np.flatnonzero(present)
    first = model.probabilities(X)
    expected = model.second.probabilities(np.hstack([X[rows], stacked_features(first[rows])]))
    assert np.array_equal(p[rows], expected)
    assert not np.array_equal(p[rows], first[rows])


@pytest.mark.parametrize(
    "change, why",
    [
        (lambda d: d["second"].update(features=d["features"]), "second pass trained on other"),
        (lambda d: d["second"]["trees"]["left"][0].__setitem__(0, 10**6), "second pass: a node"),
        (lambda d: d["second"].pop("trees"), "malformed"),
    ],
)
def test_a_broken_second_pass_is_refused_with_what_is_wrong(change, why):
    data = _with_second_pass()
    change(data)
    with pytest.raises(ConfigError, match=why):
        LineModel.from_json(data)


def _walk_one(trees, row: np.ndarray) -> float:
    """A tree walk written the plain way: one row, one tree, child by child."""
    total = trees.base_score
    for t in range(trees.feature.shape[0]):
        node = 0
        while trees.threshold[t, node] < np.inf:
            right = row[trees.feature[t, node]] > trees.threshold[t, node]
            node = trees.right[t, node] if right else trees.left[t, node]
        total += trees.value[t, node]
    return 1.0 / (1.0 + np.exp(-total))


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 6), st.integers(0, 2**32 - 1))
def test_the_level_by_level_walk_reaches_the_leaves_a_plain_walk_reaches(n, seed):
    trees = builtin_model().first
    rng = np.random.default_rng(seed)
    width = trees.feature.max() + 1
    X = rng.normal(size=(n, width)) * rng.choice([0.01, 1, 100], size=(1, width))
    X[rng.random(X.shape) < 0.3] = 0.0
    got = trees.probabilities(X)
    want = [_walk_one(trees, X[i]) for i in range(n)]
    assert np.allclose(got, want, rtol=1e-12, atol=0)
