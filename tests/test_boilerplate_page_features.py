"""Page-at-once features, rule hits and shortcuts agree with the one-line answers they replace."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from textclean.boilerplate.classify import (
    KEEP,
    _inner_verdict,
    _judge_line,
    _rule_hit,
    builtin_rules,
)
from textclean.boilerplate.features import is_separator
from textclean.boilerplate.line_features import (
    _EDGE,
    FEATURES,
    MISSING,
    NEAR,
    RUN_FROM,
    STACKED,
    assemble,
    lexicon_keys,
    line_features,
    own_features,
    stacked_features,
    strip_edges,
)
from textclean.boilerplate.line_model import builtin_model

#: Lines with the marks the features count: quotes, bullets, links, brackets, commas, stops.
LINES = [
    "Share on Facebook",
    "“We will appeal the ruling,” she said.",
    "(Jane Roe/The Daily Herald)",
    "Most read » Sport · Weather",
    "Visit www.example.com for more.",
    "Published 2020-01-02 The council met on Monday.",
    "The council voted, Residents said, to keep the bridge open. It reopens in May.",
    "© 2021 Example Media. All rights reserved.",
    "Get our morning briefing in your inbox.",
    "By MARIA KELLER, AP Business Writer",
    "9:50 a.m.",
    "____",
    "   ",
    "",
    "Ünïcödé Straße – „Zitat hier drin“, sagte er.",
    "İstanbul ΣΟΦΟΣ σοφος",
    "emoji 😀 line 😀",
]
line = st.one_of(st.sampled_from(LINES), st.text(max_size=60))
page = st.lists(line, max_size=12)
model = builtin_model()


@settings(max_examples=150, deadline=None)
@given(page)
def test_a_lines_own_features_do_not_depend_on_the_other_lines(lines):
    together = own_features(lines, None, model.words)
    for i, text in enumerate(lines):
        alone = own_features([text], None, model.words)
        assert np.array_equal(together.rows[i], alone.rows[0]), text
        assert together.category[i] == alone.category[0]
        assert together.keys[i] == alone.keys[0]


#: Words the lexicon's pair and edge keys are made of, so generated lines hit those keys.
KEY_WORDS = sorted({w for key in model.lexicon if " " in key for w in key.split(" ")})[:400]
keyed_line = st.lists(
    st.one_of(st.sampled_from(KEY_WORDS), st.sampled_from(["—", "“", "said,", "(AP)", "’s"])),
    min_size=1,
    max_size=12,
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(keyed_line, line), max_size=8))
def test_lexical_features_equal_the_weights_of_each_lines_keys(lines):
    """Pair and edge keys found by word ids weigh what their strings weigh in the lexicon."""
    own = own_features(lines, None, model.words)
    columns = [FEATURES.index(c) for c in ("lexical", "lexical_max", "lexical_min")]
    for i, text in enumerate(lines):
        keys = lexicon_keys([w.strip(_EDGE) for w in text.lower().split()])
        if not keys:
            continue
        weights = [model.lexicon.get(key, 0.0) for key in keys]
        total = 0.0
        for weight in weights:
            total += weight
        expected = [total / np.sqrt(len(keys)), max(weights), min(weights)]
        assert own.rows[i, columns].tolist() == expected, text


@given(st.lists(st.text(max_size=12)))
def test_edges_are_stripped_as_str_strip_strips_them(words):
    assert strip_edges(words) == [w.strip(_EDGE) for w in words]


@settings(max_examples=100, deadline=None)
@given(page, st.data())
def test_features_of_the_lines_left_equal_features_of_those_lines_as_a_page(lines, data):
    """What a later round reads (`take` then `assemble`) is what the lines alone give."""
    keep = data.draw(st.lists(st.booleans(), min_size=len(lines), max_size=len(lines)))
    left = [i for i, k in enumerate(keep) if k]
    taken = assemble(own_features(lines, None, model.words).take(left))
    fresh = line_features([lines[i] for i in left], None, model.words)
    assert np.array_equal(taken, fresh)


def test_the_category_head_on_the_page_matches_the_one_line_head():
    own = own_features(LINES, None, model.words)
    for i, text in enumerate(LINES):
        if text.strip():
            assert model.categories[own.category[i]] == model.category(text.strip())
        else:
            assert own.category[i] == -1


def test_a_plain_mapping_gives_the_same_features_as_the_models_word_table():
    assert np.array_equal(
        line_features(LINES, None, model.lexicon), line_features(LINES, None, model.words)
    )


def test_rule_columns_follow_the_categories_given():
    rules = [None, None, "caption", None, "navigation"] + [None] * (len(LINES) - 5)
    X = line_features(LINES, rules, model.words)
    assert X[2, FEATURES.index("rule_any")] == 1.0
    assert X[2, FEATURES.index("rule_caption")] == 1.0
    assert X[4, FEATURES.index("rule_navigation")] == 1.0
    assert X[0, FEATURES.index("rule_any")] == 0.0


@settings(max_examples=150, deadline=None)
@given(page)
def test_rule_hits_for_a_page_equal_hits_line_by_line(lines):
    rules = builtin_rules()
    segments = [text.strip() for text in lines if text.strip()]
    words = [len(s.split()) for s in segments]
    assert rules.match_rules(segments, words) == [rules.match_rule(s) for s in segments]


@settings(max_examples=200, deadline=None)
@given(line)
def test_the_sentence_pass_is_skipped_only_where_it_would_keep_the_line(text):
    """Blank lines and separators are judged before the sentence pass, so never reach it."""
    rules = builtin_rules()
    stripped = text.strip()
    if not stripped or is_separator(stripped):
        return
    hit = _rule_hit(text, rules)
    shortcut = _inner_verdict(text, stripped, hit, rules)
    if shortcut is KEEP:
        assert _judge_line(text, rules) == KEEP


def _stacked_one_line_at_a_time(p: list[float], i: int) -> list[float]:
    """`STACKED` of line ``i`` as their names say, one line at a time."""

    def at(j: int) -> float:
        return p[j] if 0 <= j < len(p) else MISSING

    near = [p[j] for j in range(max(0, i - NEAR), min(len(p), i + NEAR + 1))]
    run = 0
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(p) and p[j] >= RUN_FROM:
            run, j = run + 1, j + step
    row = [p[i], at(i - 2), at(i - 1), at(i + 1), at(i + 2)]
    return [*row, sum(near) / len(near), max(near), sum(p) / len(p), float(run)]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(0, 1), min_size=1, max_size=30))
def test_stacked_features_of_a_page_equal_those_of_each_line_alone(p):
    page = stacked_features(np.array(p))
    assert page.shape == (len(p), len(STACKED))
    for i in range(len(p)):
        assert np.allclose(page[i], _stacked_one_line_at_a_time(p, i))


def test_the_class_table_is_each_characters_class() -> None:
    from textclean.boilerplate.line_features import _class_table, class_of

    expected = np.array([class_of(chr(code)) for code in range(0x10000)], dtype=np.uint8)
    assert np.array_equal(_class_table(), expected)
