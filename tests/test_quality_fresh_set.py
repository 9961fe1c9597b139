"""The fresh page-quality set's builder: article text, repeats, and the clean/degraded split."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import build_quality_fresh as fresh  # noqa: E402

PARAGRAPH = (
    "The council approved the new budget on Tuesday after a long debate about road repairs, "
    "school funding and the cost of running the city's two libraries. "
)


def story(n: int) -> str:
    return f"Headline number {n}\n\n" + "\n\n".join(f"{PARAGRAPH}Item {n}.{i}." for i in range(4))


def test_bbc_text_is_headline_then_paragraph_lines():
    raw = "Ad sales boost profit\r\n\r\nQuarterly  profits rose.\r\n\r\n  Shares fell.  \r\n"
    assert fresh.bbc_text(raw) == "Ad sales boost profit\nQuarterly profits rose.\nShares fell."


def test_basil_text_joins_each_paragraphs_sentences():
    item = {
        "title": "Senate passes bill",
        "body-paragraphs": [["WASHINGTON — The Senate voted.", "It was close."], [" "], ["More."]],
    }
    assert fresh.basil_text(item) == (
        "Senate passes bill\nWASHINGTON — The Senate voted. It was close.\nMore."
    )


def test_articles_drop_short_texts_and_repeats_keeping_the_first_id():
    long = story(1)
    out = fresh.articles([("bbc:b/2", long.upper()), ("bbc:b/1", long), ("bbc:c/1", "Too short.")])
    assert [a["id"] for a in out] == ["bbc:b/1"]
    assert out[0]["split"] == "fresh"


def test_records_account_for_every_article_once():
    news = fresh.articles((f"bbc:x/{n:03}", story(n)) for n in range(60))
    rows = fresh.records(news, furniture=[])
    clean = {r["id"] for r in rows if r["kind"] == "clean"}
    made = {r["id"].rsplit("/", 1)[0] for r in rows if r["label"] == "drop"}
    assert clean | made == {a["id"] for a in news}
    assert not clean & made
    assert 0 < len(made) < len(clean)  # one in three, roughly, becomes a degraded page
    assert {r["split"] for r in rows} == {"fresh"}
    assert all(r["label"] == ("keep" if r["kind"] == "clean" else "drop") for r in rows)
    assert rows == fresh.records(news, furniture=[])  # the same on every run
