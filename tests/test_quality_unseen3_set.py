"""The third unseen page-quality set's builder: article files, XML articles, the furniture test."""

from __future__ import annotations

import sys
from pathlib import Path
from xml.etree import ElementTree

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import build_quality_fresh as fresh  # noqa: E402
import build_quality_unseen3 as unseen3  # noqa: E402

PARAGRAPH = (
    "The council said the new bridge would open in the spring, two years later than planned, "
    "after the cost of steel rose sharply during the works. "
)


def _article(body: str, title: str = "Bridge  opens late") -> ElementTree.Element:
    return ElementTree.fromstring(f'<article id="0000007" title="{title}">{body}</article>')


def test_a_ptc_file_is_its_title_then_its_sentences_as_stored():
    raw = "Bridge  opens late\n\nThe council said so.\nIt cost more.\n\n\nWork ends in May.\n"
    assert unseen3.ptc_text(raw) == (
        "Bridge opens late\nThe council said so.\nIt cost more.\nWork ends in May."
    )


def test_an_xml_article_is_its_title_then_its_paragraphs_links_included():
    body = '<p>The <a href="x">council</a> said <q>soon</q>.</p>\n\t<p> Work  ends. </p>\n'
    assert unseen3.hyperpartisan_text(_article(body)) == (
        "Bridge opens late\nThe council said soon.\nWork ends."
    )


def test_text_outside_paragraphs_or_a_paragraph_of_links_is_furniture():
    assert unseen3.hyperpartisan_text(_article("<p>Work ends.</p> Photo: Getty")) is None
    assert unseen3.hyperpartisan_text(_article("Credit: AP <p>Work ends.</p>")) is None
    assert unseen3.hyperpartisan_text(_article('<p>Work ends.</p><a href="x">Share</a>')) is None
    links = '<p>Work ends.</p><p><a href="x">Permission</a> <a>Details</a></p>'
    assert unseen3.hyperpartisan_text(_article(links)) is None
    assert unseen3.hyperpartisan_text(_article('<p>Read <a href="x">this</a>.</p>')) is not None


def test_no_source_gives_more_than_its_cap_and_the_choice_is_by_id():
    news = [{"id": f"ptc:article{n:03}", "text": "x"} for n in range(9)]
    news += [{"id": f"hyperpartisan:{n:07}", "text": "x"} for n in range(3)]
    kept = unseen3.capped(news, limit=4)
    assert [a["id"] for a in kept] == sorted(a["id"] for a in kept)
    assert sum(a["id"].startswith("ptc:") for a in kept) == 4
    assert sum(a["id"].startswith("hyperpartisan:") for a in kept) == 3
    assert kept == unseen3.capped(list(reversed(news)), limit=4)


def test_records_account_for_every_article_once():
    items = [(f"ptc:article{n:03}", f"Story {n}\n" + PARAGRAPH * 4) for n in range(60)]
    news = unseen3.capped(fresh.articles(items + [("indiannews:0001", "Short.")], unseen3.SPLIT))
    assert len(news) == 60
    rows = fresh.records(news, [], unseen3.SPLIT)
    clean = {r["id"] for r in rows if r["kind"] == "clean"}
    made = {r["id"].rsplit("/", 1)[0] for r in rows if r["label"] == "drop"}
    assert clean | made == {a["id"] for a in news}
    assert not clean & made
    assert {r["split"] for r in rows} == {"unseen3"}
