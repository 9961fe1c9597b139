"""The fourth unseen page-quality set's builder: ISOT rows, OneStopEnglish files, the story test."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import build_quality_fresh as fresh  # noqa: E402
import build_quality_unseen4 as unseen4  # noqa: E402
from build_quality_unseen3 import capped  # noqa: E402

PARAGRAPH = (
    "The council said the new bridge would open in the spring, two years later than planned, "
    "after the cost of steel rose sharply during the works. "
)


def test_an_isot_story_is_its_title_then_its_text_as_one_line():
    text = "LONDON (Reuters) -  The council said so.  It cost more. "
    assert unseen4.isot_text(" Bridge  opens late", text) == (
        "Bridge opens late\nLONDON (Reuters) - The council said so. It cost more."
    )


def test_a_list_of_posts_or_an_empty_field_is_not_a_story():
    posts = (
        "The following statements were posted to the verified Twitter accounts of the "
        "mayor. The opinions expressed are his own. - Work ends in May. [0915 EST]"
    )
    assert not unseen4.is_story("Mayor on Twitter (May 1)", posts)
    assert not unseen4.is_story("", "LONDON (Reuters) - Work ends in May.")
    assert not unseen4.is_story("Bridge opens late", "  \n")
    quoted = "LONDON (Reuters) - " + PARAGRAPH * 3 + posts
    assert unseen4.is_story("Bridge opens late", quoted)


def test_a_onestop_file_is_its_paragraphs_as_stored():
    raw = "When the  bridge opened ...\n\n\nThe council said so.\r\nIt cost more.\n"
    assert unseen4.onestop_text(raw) == (
        "When the bridge opened ...\nThe council said so.\nIt cost more."
    )


def test_records_account_for_every_article_once_within_the_cap():
    items = [(f"isot:{n:05d}", f"Story {n}\n" + PARAGRAPH * 4) for n in range(1, 40)]
    items += [(f"onestop:Topic-{n}", PARAGRAPH * 5 + str(n)) for n in range(12)]
    news = capped(fresh.articles(items + [("isot:00099", "Short.")], unseen4.SPLIT), 30)
    assert sum(a["id"].startswith("isot:") for a in news) == 30
    assert sum(a["id"].startswith("onestop:") for a in news) == 12
    rows = fresh.records(news, [], unseen4.SPLIT)
    clean = {r["id"] for r in rows if r["kind"] == "clean"}
    made = {r["id"].rsplit("/", 1)[0] for r in rows if r["label"] == "drop"}
    assert clean | made == {a["id"] for a in news}
    assert not clean & made
    assert {r["split"] for r in rows} == {"unseen4"}
