"""The held-out page-quality set's builder: wire stories, newswire files, the clean/degraded split."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import build_quality_heldout as heldout  # noqa: E402

PARAGRAPH = (
    "The council approved the new budget on Tuesday after a long debate about road repairs, "
    "school funding and the cost of running the city's two libraries. "
)


def test_a_wire_story_is_its_headline_and_unwrapped_paragraphs_without_the_end_mark():
    story = {
        "title": "ACME &lt;ACM> TO BUY MILL",
        "dateline": "CHICAGO, April 2 -",
        "body": "Acme Corp &lt;ACM> said it\nagreed to buy a mill.\n    The deal is worth 20 mln"
        '\ndlrs, it said.\n    "It fits," the company said.\n Reuter\n\x03',
    }
    assert heldout.reuters_text(story) == (
        "ACME <ACM> TO BUY MILL\n"
        "CHICAGO, April 2 - Acme Corp <ACM> said it agreed to buy a mill.\n"
        "The deal is worth 20 mln dlrs, it said.\n"
        '"It fits," the company said.'
    )


def test_a_table_of_figures_or_an_empty_body_is_no_article():
    table = "Shr 20 cts vs 15 cts\n    Net 1,000,000 vs 800,000\n    Revs 12 mln vs 10 mln\n Reuter"
    assert heldout.reuters_text({"title": "ACME 1ST QTR", "body": table}) is None
    assert heldout.reuters_text({"title": "ACME", "body": " Reuter\n\x03"}) is None


def test_a_newswire_file_loses_its_address_line_only():
    raw = (
        "https://news.example/a/1\r\n\r\nFirst  paragraph.\r\n\r\nhttps://cited.example is quoted."
    )
    assert heldout.newswire_text(raw) == "First paragraph.\nhttps://cited.example is quoted."
    assert heldout.newswire_text("No address.\n\nSecond.") == "No address.\nSecond."


def test_records_account_for_every_article_once():
    items = [(f"reuters:{n:05}", f"STORY {n}\n" + PARAGRAPH * 4) for n in range(60)]
    news = heldout.articles(items + [("newswire:x_1", "Too short.")])
    assert len(news) == 60
    rows = heldout.records(news)
    clean = {r["id"] for r in rows if r["kind"] == "clean"}
    made = {r["id"].rsplit("/", 1)[0] for r in rows if r["label"] == "drop"}
    assert clean | made == {a["id"] for a in news}
    assert not clean & made
    assert {r["split"] for r in rows} == {"heldout"}
    assert 0 < len(made) < len(clean)
