"""The page signals that tell degraded pages from real articles with lists and quotes."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from textclean.filters import quality
from textclean.filters.page_quality import MIN_LINES, MIN_WORDS
from textclean.filters.page_signals import HEADLINES_AFTER_WORDS, TAIL_AFTER_WORDS, line_scores
from textclean.filters.regions import SentenceWords, flagged_regions
from textclean.filters.repetition import line_fractions
from textclean.filters.word_grams import WordGrams
from textclean.filters.word_order import PRIOR_PAIRS, PRIOR_SHARE, recurring_pair_share
from textclean.testing import degraded

WORD = st.text(alphabet="abcdefghij", min_size=3, max_size=8)
SENTENCE = st.lists(WORD, min_size=2, max_size=14).map(lambda ws: " ".join(ws).capitalize() + ".")
MENU = ["Home", "World", "Politics", "Business", "Sport", "Weather", "Contact us"]


def _seed(seeds, prefix: str) -> str:
    return next(t for k, t in seeds.items() if k.startswith(prefix))


@given(st.lists(SENTENCE, min_size=1, max_size=30))
def test_text_inside_sentences_has_no_loose_phrases(lines):
    assert line_scores("\n".join(lines)).loose_phrase_repeats == 0


@given(st.integers(0, 2**32))
def test_a_query_glued_after_sentences_and_listed_is_keyword_stuffing(seeds, seed):
    text = _seed(seeds, "000")
    assert "keyword_stuffing" not in quality(text, lang="en").rules
    stuffed = degraded.keyword_stuffing(text, random.Random(seed))
    found = quality(stuffed, lang="en")
    assert found.scores["loose_phrase_repeats"] >= 3
    assert "keyword_stuffing" in found.rules


def test_lower_case_list_items_under_a_colon_are_no_fragments():
    items = ["a lower risk of dying from cancer.", "a lower risk of dying from stroke."]
    listed = SentenceWords.of("\n".join(["The optimistic women had:", *items]))
    loose = SentenceWords.of("\n".join(["The optimistic women were studied.", *items]))
    assert not any(listed.snippet)
    assert loose.snippet[1:] == [True, True]
    bullets = SentenceWords.of("– Aldi: looting.\n— Walgreens: fire damage.")
    assert not any(bullets.snippet)


def test_a_list_in_an_article_leaves_its_stop_word_share(seeds):
    text = _seed(seeds, "001")
    places = ", ".join(f"Town {i} Map {i % 3}" for i in range(60))
    before = quality(text, lang="en").scores["stop_word_ratio"]
    after = quality(text + "\nAreas affected: " + places, lang="en").scores["stop_word_ratio"]
    assert after == before


def test_a_short_page_of_menu_lines_is_judged_by_its_shape():
    page = "\n".join(MENU[i % len(MENU)] + f" {i}" for i in range(MIN_LINES))
    assert len(page.split()) < MIN_WORDS
    assert "not_prose" in quality(page, lang="en").rules
    few = "\n".join(page.splitlines()[: MIN_LINES - 1])
    assert quality(few, lang="en").rules == []


def test_a_comment_thread_is_not_an_article(seeds):
    article = _seed(seeds, "003")
    comments = []
    for i, line in enumerate(article.splitlines()[:12]):
        comments += [f"reader{i} on June {i + 1}, 2012 at {i % 12 + 1}:0{i % 6} pm", line, "Reply"]
    assert "comment_thread" in quality("\n".join(comments), lang="en").rules
    dated = "Posted June 3, 2019 at 5:00 pm\nUpdated June 3, 2019 at 7:10 pm\n" + article
    assert line_scores(dated).stamp_share == 0.0
    assert "comment_thread" not in quality(dated, lang="en").rules


def test_recycled_phrasing_without_snippets_is_not_pasted():
    rows = [
        f"The number of openings rose over the year in sector {name} by {n},000 to a new high."
        for n, name in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    ]
    text = "\n".join(rows * 2)
    assert flagged_regions(text) == []
    cut = "\n".join(f"{r[:-25]}…" if i % 2 else r for i, r in enumerate(rows * 2))
    assert flagged_regions(cut) != []


PLAIN = st.sampled_from(["the", "of", "and", "in", "match", "scored", "late", "goal", "won"])
LONG_SENTENCE = st.lists(PLAIN, min_size=5, max_size=12).map(
    lambda ws: " ".join(ws).capitalize() + "."
)
SEPARATORS = ["- - - -", "---", "* * *", "=====", "•"]
NAME = st.sampled_from(["Cardiff", "Llewellyn", "Jones", "3-1", "2,400", "Ospreys"])


@given(st.lists(st.lists(LONG_SENTENCE, min_size=3, max_size=6), min_size=1, max_size=4), st.data())
def test_paragraphs_kept_several_to_a_line_count_by_their_sentences(paragraphs, data):
    sentences = sum(map(len, paragraphs))
    sheet = data.draw(st.lists(st.sampled_from(MENU), min_size=0, max_size=sentences))
    text = "\n".join(sheet + [" ".join(p) for p in paragraphs])
    assert line_scores(text).long_line_share == sentences / (sentences + len(sheet))
    assert "not_prose" not in quality(text, lang="en").rules


@given(
    st.lists(LONG_SENTENCE, min_size=1, max_size=40), st.lists(st.sampled_from(MENU), max_size=30)
)
def test_a_list_after_enough_prose_is_left_out_of_the_line_shares(sentences, sheet):
    prose = len(" ".join(sentences).split())
    alone = line_scores("\n".join(sentences))
    shares = line_scores("\n".join(sentences + sheet))
    if prose >= TAIL_AFTER_WORDS or not sheet:
        assert shares[:2] == alone[:2]
    else:
        assert shares.prose_share < alone.prose_share == 1.0


HEADLINE = st.lists(
    st.sampled_from(["new", "phone", "tested", "city", "plans", "five"]), min_size=2, max_size=10
).map(lambda ws: "The " + " ".join(ws))


@given(
    st.lists(LONG_SENTENCE, min_size=1, max_size=30), st.lists(HEADLINE, min_size=4, max_size=40)
)
def test_related_headlines_after_a_short_story_are_left_out_of_the_line_shares(story, tail):
    prose = len(" ".join(story).split())
    alone = line_scores("\n".join(story))
    shares = line_scores("\n".join([*story, "More:", *tail]))
    if prose >= HEADLINES_AFTER_WORDS:
        assert shares[:2] == alone[:2]
    else:
        assert shares.prose_share < alone.prose_share == 1.0


def test_headlines_after_a_page_of_furniture_are_not_prose():
    blurb = "Sign up to our newsletter to get the best stories of the week, every week."
    head = [line for i in range(4) for line in (*MENU, blurb.replace("week,", f"week {i},"))]
    tail = [f"The {n} best phones you can buy this year" for n in range(3, 12)]
    page = "\n".join(head + tail)
    assert len(" ".join(head).split()) >= HEADLINES_AFTER_WORDS
    assert line_scores(page).long_line_share < line_scores("\n".join(head)).long_line_share
    assert "not_prose" in quality(page, lang="en").rules


CAPTION = st.lists(WORD, min_size=1, max_size=8).map(lambda ws: " ".join(ws).title())


@given(st.lists(SENTENCE, min_size=3, max_size=20), CAPTION)
def test_an_article_of_one_line_ending_in_a_caption_is_prose(sentences, caption):
    body = " ".join(sentences)
    if len(body.split()) < 12:
        body = " ".join(sentences * 6)
    captioned = line_scores(f"{body} {caption}")
    assert captioned.prose_share == len(body) / len(f"{body} {caption}")
    assert captioned.prose_words == line_scores(body).prose_words


@given(st.lists(SENTENCE, min_size=3, max_size=20), CAPTION)
def test_a_phrase_glued_in_lower_case_after_the_last_sentence_is_not_prose(sentences, caption):
    body = " ".join(sentences * 6)
    assert line_scores(f"{body} {caption.lower()}").prose_share == 0.0


@given(st.lists(SENTENCE, min_size=3, max_size=20), CAPTION)
def test_only_the_last_line_of_a_page_may_end_in_a_caption(sentences, caption):
    body = " ".join(sentences * 6)
    page = f"{body} {caption}\nThe council met on Monday to vote on the park."
    assert line_scores(page).prose_share < 0.5


@given(st.lists(CAPTION, min_size=1, max_size=8), st.sampled_from(["news", "video", "2024"]))
def test_a_phrase_glued_to_each_title_counts_once_a_title(titles, tail):
    page = "\n".join(f"{title} harbour times {tail}" for title in titles)
    assert line_scores(page).loose_phrase_repeats == len(titles)


@given(st.lists(st.sampled_from(["David", "Ronski1965", "Mary Jo"]), min_size=3, max_size=9))
def test_comment_headers_ending_in_a_time_are_no_glued_phrase(names):
    page = "\n".join(f"{name} {n} minutes ago" for n, name in enumerate(names, 2))
    assert line_scores(page).loose_phrase_repeats == 0


@given(st.integers(2, 9), st.sampled_from(["news", "video", "latest", "review"]))
def test_each_tag_repeating_a_phrase_counts(tags, tail):
    story = "Shares of the company rose on Monday after it said sales grew."
    page = f"{story}\nTags: " + ", ".join([f"plug power {tail}"] * tags)
    assert line_scores(page).loose_phrase_repeats == tags


@given(st.integers(0, 2**32))
def test_a_phrase_pasted_into_a_long_article_is_keyword_stuffing(seeds, seed):
    text = "\n".join(t for k, t in sorted(seeds.items()) if not k.startswith("002"))
    assert "keyword_stuffing" not in quality(text, lang="en").rules
    stuffed = degraded.keyword_stuffing(text, random.Random(seed))
    assert "keyword_stuffing" in quality(stuffed, lang="en").rules


@given(st.lists(LONG_SENTENCE, min_size=1, max_size=5), st.integers(20, 40))
def test_a_furniture_page_with_one_long_blurb_is_not_prose(blurb, menu_lines):
    menu = [MENU[i % len(MENU)] for i in range(menu_lines)]
    page = "\n".join(
        menu[:5] + [" ".join(blurb + ["More details are in the full story."])] + menu[5:]
    )
    assert "not_prose" in quality(page, lang="en").rules


@given(
    st.lists(st.lists(LONG_SENTENCE, min_size=1, max_size=4), min_size=1, max_size=12), st.data()
)
def test_names_and_figures_inside_sentences_leave_the_stop_word_share(lines, data):
    text = "\n".join(" ".join(line) for line in lines)
    named = []
    for line in lines:
        out = []
        for sentence in line:
            words = sentence.split()
            at = data.draw(st.integers(1, len(words) - 1))
            out.append(" ".join([*words[:at], data.draw(NAME), *words[at:]]))
        named.append(" ".join(out))
    before = quality(text, lang="en").scores["stop_word_ratio"]
    assert quality("\n".join(named), lang="en").scores["stop_word_ratio"] == before


@given(st.integers(0, 2**32), st.sampled_from(["000", "001", "003", "004"]))
def test_a_few_lines_pasted_again_and_again_are_repeated_lines(seeds, seed, prefix):
    page = degraded.repeated_lines(_seed(seeds, prefix), random.Random(seed))
    found = quality(page, lang="en")
    assert found.scores["pasted_line_frac"] > 0.3
    assert "dup_line" in found.rules


def test_labels_a_repeated_title_and_a_doubled_gallery_are_no_pasted_lines(seeds):
    article = _seed(seeds, "000").splitlines()
    title = next(line for line in article if line.strip())
    labelled = [
        title,
        *(f"{line}\nTwitter" if i % 9 == 4 else line for i, line in enumerate(article)),
    ]
    captions = [
        f"Photo {n}: people walk past the market in the rain on day {n}." for n in range(30)
    ]
    for lines in (labelled, article + captions + captions):
        found = quality("\n".join(lines), lang="en")
        assert found.scores["pasted_line_frac"] < 0.1
        assert "dup_line" not in found.rules


DISTINCT = st.lists(
    st.from_regex(r"[a-z]{3,8}", fullmatch=True), min_size=4, max_size=40, unique=True
)


@given(DISTINCT)
def test_words_recurring_in_the_same_order_recur_as_pairs(words):
    n = len(words)
    # Every pair recurs but the one joining the two copies, then the prior's pairs.
    expected = (2 * n - 2 + PRIOR_SHARE * PRIOR_PAIRS) / (2 * n - 1 + PRIOR_PAIRS)
    assert recurring_pair_share(WordGrams(words + words)) == expected


@given(DISTINCT)
def test_the_same_words_in_reverse_order_share_no_pair(words):
    n = len(words)
    expected = PRIOR_SHARE * PRIOR_PAIRS / (2 * n - 1 + PRIOR_PAIRS)
    assert recurring_pair_share(WordGrams(words + words[::-1])) == expected


@given(DISTINCT, st.randoms(use_true_random=False))
def test_word_salad_scores_below_the_prose_it_is_drawn_from(words, rng):
    prose = words * 4  # a phrase said four times: every pair recurs
    salad = [rng.choice(words) for _ in prose]
    assert recurring_pair_share(WordGrams(salad)) <= recurring_pair_share(WordGrams(prose))


@given(st.lists(LONG_SENTENCE, min_size=5, max_size=12, unique=True), st.sampled_from(SEPARATORS))
def test_separator_lines_are_not_repeated_lines(items, separator):
    page = f"\n{separator}\n".join(items)
    assert line_fractions(page.splitlines()) == (0.0, 0.0, 0.0)
    assert "dup_line" not in quality(page, lang="en").rules
