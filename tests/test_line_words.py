"""Words of a line in scripts written without spaces, and what the line model makes of them."""

from __future__ import annotations

import math

import regex
from hypothesis import given
from hypothesis import strategies as st

from textclean.boilerplate import classify_lines
from textclean.boilerplate.line_features import FEATURES, line_features
from textclean.boilerplate.line_words import (
    WORD_IDEOGRAPHS,
    has_ideograph,
    line_words,
    spaced_word_counts,
)
from textclean.code_point_scans import split_spaces

# A short news report in Chinese and one in Japanese, written for these tests.
CHINESE = [
    "市政府周二宣布，将在明年春季开通三条连接北部新区和市中心的公交线路。",
    "交通局负责人表示，新线路将在早晚高峰时段每十分钟发一班车，其余时段每二十分钟一班。",
    "许多居民在听证会上对这一计划表示欢迎，但也希望夜间能够增加班次。",
    "据了解，这三条线路的建设费用约为两亿元，主要用于购买新能源公交车和修建站台。",
    "有关部门还计划在明年下半年对现有线路进行调整，以减少乘客的换乘次数。",
    "一位在市中心工作的市民说，以前每天上班要换两次车，新线路开通后可以节省半个小时。",
]
JAPANESE = [
    "市は火曜日、来年の春から北部の新しい住宅地と中心部を結ぶバス路線を三つ開設すると発表した。",
    "交通局によると、新しい路線は朝と夕方の混雑する時間帯に十分おきに運行される予定だという。",
    "説明会に参加した住民の多くはこの計画を歓迎したが、夜の便を増やしてほしいという声もあった。",
    "三つの路線の整備には約四十億円がかかり、主に電気バスの購入と停留所の建設に使われる。",
    "市はさらに来年の後半に既存の路線を見直し、乗り換えの回数を減らすことも検討している。",
    "中心部で働く住民からは、新しい路線で通勤の時間が短くなることを期待する声が上がっている。",
]

#: An oracle independent of the code under test: `regex`'s own script classes.
IDEOGRAPHIC = regex.compile(r"[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]")
#: Any character, lone surrogates included, with every kind of space drawn often.
any_char = st.one_of(st.characters(exclude_categories=()), st.sampled_from(split_spaces()))
no_ideograph = st.text(any_char.filter(lambda c: not IDEOGRAPHIC.match(c)))


@given(st.lists(no_ideograph, max_size=5), st.booleans())
def test_a_line_without_ideographs_is_split_on_spaces(lines, beside_chinese):
    # With a Chinese line on the page, the other lines go through the translation too.
    page = [*lines, "中文"] if beside_chinese else lines
    assert line_words(page)[: len(lines)] == [line.split() for line in lines]


@given(st.lists(st.text(any_char), max_size=5))
def test_ideographs_open_words_of_up_to_three_and_nothing_is_lost_but_spaces(lines):
    words = line_words(lines)
    assert ["".join(w) for w in words] == ["".join(line.split()) for line in lines]
    for line_of_words in words:
        for word in line_of_words:
            assert word
            marks = [bool(IDEOGRAPHIC.match(c)) for c in word]
            count = sum(marks)
            # A word's ideographs are its first characters, at most three of them.
            assert count <= WORD_IDEOGRAPHS and marks[:count] == [True] * count, word


@given(st.text(any_char, max_size=3))
def test_has_ideograph_reads_the_scripts_as_regex_does(text):
    assert has_ideograph(text) == any(IDEOGRAPHIC.match(c) for c in text)


def test_the_rules_count_the_words_of_a_chinese_line_by_spaces():
    lines = ["版权所有 © 2018 新华网", "Share on Facebook"]
    assert spaced_word_counts(lines, [12, 3]) == [4, 3]
    assert spaced_word_counts(["Share on Facebook"], [3]) == [3]


def test_runs_of_ideographs_are_cut_into_words_of_three_with_their_marks():
    assert line_words(["新线路将开通。", "バス路線を発表", "daily look 在这", "2024年3月"]) == [
        ["新线路", "将开通。"],
        ["バス路", "線を発", "表"],
        ["daily", "look", "在这"],
        ["2024", "年", "3", "月"],
    ]


def test_a_paragraph_of_chinese_counts_as_long():
    X = line_features([CHINESE[0], "分享"])
    words = X[:, FEATURES.index("words")]
    assert words[0] > words[1] and words[0] > math.log1p(10)  # 35 characters: 12 words


def test_news_in_chinese_and_japanese_keeps_its_paragraphs_and_loses_its_furniture():
    # Split on spaces, each paragraph was one long "word", as short as a button: they went.
    for body in (CHINESE, JAPANESE):
        paragraphs = ["".join(body[:3]), "".join(body[3:])]
        page = ["首页 > 新闻 > 本地", *paragraphs, "分享到：", "相关新闻"]
        verdicts = classify_lines(page)
        assert [v.keep for v in verdicts[1:]] == [True, True, False, False], verdicts
