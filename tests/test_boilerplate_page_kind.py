"""Whole pages and scraper output: the page-kind test, its place in the model file, its thresholds."""

from __future__ import annotations

import copy
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from textclean.boilerplate import classify_lines
from textclean.boilerplate.classify import find_cuts
from textclean.boilerplate.line_model import LineModel, builtin_model
from textclean.boilerplate.page_kind import PageKind
from textclean.errors import ConfigError

BODY = [
    "The council voted on Tuesday to extend the bus network into the northern suburbs by 2026.",
    "Officials said the first routes would open next spring, once new drivers had been hired.",
    "Residents who spoke at the meeting welcomed the plan but asked for more evening services.",
]
MENU = ["Home", "World news", "Local politics", "Sport", "Weather today", "Jobs"]


@settings(max_examples=100)
@given(st.lists(st.integers(min_value=0, max_value=40), max_size=30), st.integers(1, 8))
def test_a_whole_page_has_enough_non_blank_lines_under_the_word_limit(words, least):
    kind = PageKind(short_words=5, min_short_lines=least, threshold=0.6)
    short = sum(1 for n in words if 0 < n < 5)
    assert kind.is_whole_page(np.array(words, dtype=np.int64)) == (short >= least)
    expected = 0.6 if short >= least else 0.3
    assert kind.cut_off(np.array(words, dtype=np.int64), 0.3) == expected


def _with_page_kind(data: dict, kind: PageKind) -> dict:
    data = copy.deepcopy(data)
    data["version"] = 3
    data["page_kind"] = kind.to_json()
    return data


def test_a_model_with_a_page_kind_round_trips_and_uses_it():
    kind = PageKind(short_words=5, min_short_lines=4, threshold=0.7)
    model = LineModel.from_json(_with_page_kind(builtin_model().to_json(), kind))
    assert model.page_kind == kind
    assert LineModel.from_json(model.to_json()).to_json() == model.to_json()
    whole = np.array([len(line.split()) for line in MENU + BODY])
    scraped = np.array([len(line.split()) for line in BODY])
    assert model.cut_off(whole) == 0.7
    assert model.cut_off(scraped) == model.decision_threshold
    assert builtin_model().cut_off(whole) == builtin_model().decision_threshold


@pytest.mark.parametrize(
    "change, why",
    [
        (lambda d: d.update(version=2), "page_kind in a version 2 file"),
        (lambda d: d["page_kind"].update(threshold=1.5), "threshold outside"),
        (lambda d: d["page_kind"].update(min_short_lines=0), "at least 1"),
        (lambda d: d["page_kind"].pop("short_words"), "malformed"),
    ],
)
def test_a_broken_page_kind_is_refused_with_what_is_wrong(change, why):
    data = _with_page_kind(builtin_model().to_json(), PageKind(5, 4, 0.7))
    change(data)
    with pytest.raises(ConfigError, match=why):
        LineModel.from_json(data)


def test_a_whole_page_is_judged_at_its_own_threshold_and_scraper_output_at_the_models():
    # A bold model (it removes almost any line) that is careful on whole pages:
    # a page keeping four lines of under five words is a whole page.
    careful = replace(builtin_model(), decision_threshold=0.001, page_kind=PageKind(5, 4, 0.999))
    scraped = ["Most read", *BODY]
    assert classify_lines(scraped, model=careful) == classify_lines(
        scraped, model=careful, threshold=0.001
    )
    whole = [*MENU, *BODY]
    verdicts = classify_lines(whole, model=careful)
    assert verdicts == classify_lines(whole, threshold=0.999)
    assert verdicts != classify_lines(whole, threshold=0.001)
    # The rules still take the menu's "Home" and "Jobs"; four short lines stay.
    assert [line for line, v in zip(whole, verdicts, strict=True) if v.keep] == MENU[1:5] + BODY
    # An explicit threshold rules every page.
    assert classify_lines(whole, model=careful, threshold=0.5) == classify_lines(
        whole, threshold=0.5
    )


def _strip(text: str, model: LineModel) -> str:
    out, pos = [], 0
    for cut in find_cuts(text, model=model):
        out.append(text[pos : cut.start])
        pos = cut.end
    return "".join(out) + text[pos:]


#: Short lines the built-in model scores between 0.4 and 0.9 beside `BODY`.
DOUBTFUL = ["Bus fares", "The new routes", "Map of the routes", "Timetable", "Northern suburbs"]
page = st.lists(st.sampled_from([*MENU, *DOUBTFUL, *BODY, "Share", ""]), max_size=24)


@settings(max_examples=40, deadline=None)
@given(page, st.sampled_from([0.3, 0.6, 0.9]))
# Judged once as a whole page, its menu gone, it is scraper output: what the
# careful threshold kept must survive the bold one, or stripping is not a fixed point.
@example([*MENU[:4], BODY[0], *DOUBTFUL[:3], *BODY[1:]], 0.9)
def test_stripping_with_two_thresholds_is_a_fixed_point(lines, whole_page):
    model = replace(builtin_model(), decision_threshold=0.4, page_kind=PageKind(5, 4, whole_page))
    once = _strip("\n".join(lines), model)
    assert _strip(once, model) == once
