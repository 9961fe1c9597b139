"""The unseen page-quality set's builder: news-please records, the clean/degraded split."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import build_quality_fresh as fresh  # noqa: E402
import build_quality_unseen as unseen  # noqa: E402

PARAGRAPH = (
    "The company said quarterly revenue rose on strong demand for its cloud services, "
    "and it raised its forecast for the rest of the year. "
)


def test_a_record_is_its_title_then_its_paragraphs_one_to_a_line():
    story = {"title": " Acme  beats ", "language": "en", "maintext": "First  one.\n\n\nSecond."}
    assert unseen.yahoo_text(story) == "Acme beats\nFirst one.\nSecond."
    assert unseen.yahoo_text({"title": "No language field", "maintext": "Body."}) is not None


def test_no_body_or_another_language_is_no_article():
    assert unseen.yahoo_text({"title": "Empty", "language": "en", "maintext": " \n"}) is None
    assert unseen.yahoo_text({"title": "Vide", "language": "de", "maintext": "Text."}) is None


def test_records_account_for_every_article_once():
    items = [(f"yahoo:2019:{n:05}", f"Story {n}\n" + PARAGRAPH * 4) for n in range(60)]
    news = fresh.articles(items + [("yahoo:2020:00001", "Too short.")], unseen.SPLIT)
    assert len(news) == 60
    rows = fresh.records(news, [], unseen.SPLIT)
    clean = {r["id"] for r in rows if r["kind"] == "clean"}
    made = {r["id"].rsplit("/", 1)[0] for r in rows if r["label"] == "drop"}
    assert clean | made == {a["id"] for a in news}
    assert not clean & made
    assert {r["split"] for r in rows} == {"unseen"}
