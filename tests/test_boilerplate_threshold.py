"""The trainer's threshold rule: scores of the step's verdicts out of fold, and the choice."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from boilerplate_sets import Page  # noqa: E402
from step_threshold import (  # noqa: E402
    KEPT,
    REMOVED,
    c4_scores,
    choose_step_threshold,
    format_table,
    step_removals,
    step_scores,
    views,
)

from textclean.boilerplate.classify import builtin_rules  # noqa: E402
from textclean.boilerplate.line_model import builtin_model  # noqa: E402

PROSE = "The council approved the new budget on Tuesday after a long debate about roads."


def page(set_: str, id_: str, labels: list[bool], lines: list[str] | None = None) -> Page:
    lines = lines or [f"line {i} of {id_}." for i in range(len(labels))]
    return Page(set_, id_, "site", "train", lines, list(labels), [None] * len(labels))


def floor(**views_: float) -> dict[str, float]:
    return {REMOVED: 0.0, KEPT: 1.0, **views_}


def test_the_most_furniture_removed_among_thresholds_that_keep_enough_content():
    table = {
        0.4: {REMOVED: 0.9, KEPT: 0.96, "dev": 0.9},
        0.5: {REMOVED: 0.8, KEPT: 0.98, "dev": 0.9},
        0.6: {REMOVED: 0.7, KEPT: 0.99, "dev": 0.9},
    }
    assert choose_step_threshold(table, floor(dev=0.5), keep=0.975) == 0.5
    assert choose_step_threshold(table, floor(dev=0.5), keep=0.95) == 0.4
    assert choose_step_threshold(table, floor(dev=0.5), keep=0.995) is None


def test_a_threshold_must_beat_c4_on_every_view():
    table = {
        0.4: {REMOVED: 0.9, KEPT: 0.99, "dev": 0.9, "dev around the article": 0.70},
        0.5: {REMOVED: 0.8, KEPT: 0.99, "dev": 0.9, "dev around the article": 0.75},
        0.6: {REMOVED: 0.7, KEPT: 0.99, "dev": 0.9, "dev around the article": 0.80},
    }
    # around the article, C4 scores 0.75: a tie does not beat it
    chosen = choose_step_threshold(table, floor(dev=0.5, **{"dev around the article": 0.75}), 0.97)
    assert chosen == 0.6


def test_ties_go_to_the_higher_threshold():
    table = {t: {REMOVED: 0.8, KEPT: 0.99, "dev": 0.9} for t in (0.4, 0.5, 0.6)}
    assert choose_step_threshold(table, floor(dev=0.5), keep=0.97) == 0.6


def test_views_score_each_page_set_whole_around_the_article_and_cropped():
    whole = page("dev", "a", [True] * 20 + [False, False] + [True] * 20)
    crop = page("crop", "a#crop", [True, False, False, True])
    other = page("readability", "b", [False, True])
    named = views([whole, crop, other, page("scraped", "c", [False])])
    assert sorted(named) == [
        "dev",
        "dev around the article",
        "dev cropped",
        "readability",
        "readability around the article",
    ]
    assert named["dev cropped"][0] == [crop]
    scope = named["dev around the article"][1]
    assert scope is not None and scope(whole) == (5, 37)


def test_step_scores_are_the_benchmarks_per_document_and_f1_scores():
    scraped = [page("scraped", "s1", [True, True, False, False]), page("scraped", "s2", [False])]
    dev = page("dev", "d", [True, False, False, False])
    removals = {
        "s1": ["share", None, None, "model"],  # half its furniture, half its content
        "s2": [None],
        "d": ["nav", None, None, "model"],  # content P 1, R 2/3
    }
    got = step_scores([*scraped, dev], removals)
    assert got[REMOVED] == pytest.approx(0.5)
    assert got[KEPT] == pytest.approx((0.5 + 1.0) / 2)
    assert got["dev"] == pytest.approx(2 * (2 / 3) / (1 + 2 / 3))


def test_c4_is_scored_on_the_same_views():
    dev = page("dev", "d", [True, False], ["Home | News", PROSE])
    got = c4_scores([dev])
    assert got["dev"] == 1.0 and got["dev around the article"] == 1.0


def test_the_step_removes_furniture_and_keeps_prose_at_a_given_threshold():
    lines = ["Share on Twitter", PROSE, PROSE.replace("Tuesday", "Monday")]
    p = page("scraped", "s", [True, False, False], lines)
    removals = step_removals([p], builtin_model(), builtin_rules(), 0.5)
    assert removals["s"][0] is not None and removals["s"][1:] == [None, None]


def test_the_printed_table_marks_the_chosen_threshold():
    table = {t: {REMOVED: t, KEPT: 0.99, "dev": 0.9} for t in (0.4, 0.5)}
    lines = format_table(table, floor(dev=0.5), 0.5).splitlines()
    assert lines[0].split()[0] == "threshold" and lines[1].startswith("C4")
    assert lines[-1].startswith("0.500") and lines[-1].endswith("<")
    assert not lines[-2].endswith("<")


def test_a_margin_asks_for_a_lead_over_c4():
    table = {
        0.4: {REMOVED: 0.9, KEPT: 0.99, "dev": 0.71},
        0.5: {REMOVED: 0.8, KEPT: 0.99, "dev": 0.73},
    }
    assert choose_step_threshold(table, floor(dev=0.70), keep=0.97) == 0.4
    assert choose_step_threshold(table, floor(dev=0.70), keep=0.97, margin=0.02) == 0.5
    assert choose_step_threshold(table, floor(dev=0.70), keep=0.97, margin=0.05) is None
