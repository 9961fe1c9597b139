"""The confirmation page-quality set's builder: article text, CSV rows, the clean/degraded split."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import build_quality_confirm as confirm  # noqa: E402

PARAGRAPH = (
    "The council approved the new budget on Tuesday after a long debate about road repairs, "
    "school funding and the cost of running the city's two libraries. "
)


def test_as_lines_keeps_each_non_blank_line_once_with_single_spaces():
    assert confirm.as_lines("Title  here", "\n\nFirst  line.\r\n \n\tSecond.\n") == (
        "Title here\nFirst line.\nSecond."
    )


def test_csv_rows_keep_line_breaks_inside_quoted_bodies():
    data = b'Body ID,articleBody\n7,"One line.\n\nAnother, with a comma."\n'
    rows = confirm._csv_rows(data)
    assert rows == [{"Body ID": "7", "articleBody": "One line.\n\nAnother, with a comma."}]
    assert confirm.as_lines(rows[0]["articleBody"]) == "One line.\nAnother, with a comma."


def test_records_account_for_every_article_once():
    items = [(f"fnc:train:{n:05}", f"Story {n}\n" + PARAGRAPH * 4) for n in range(60)]
    news = confirm.articles(items + [("fnc:train:99999", "Too short.")])
    assert len(news) == 60
    rows = confirm.records(news)
    clean = {r["id"] for r in rows if r["kind"] == "clean"}
    made = {r["id"].rsplit("/", 1)[0] for r in rows if r["label"] == "drop"}
    assert clean | made == {a["id"] for a in news}
    assert not clean & made
    assert 0 < len(made) < len(clean)  # one in three, roughly, becomes a degraded page
    assert {r["split"] for r in rows} == {"confirm"}
    assert "boilerplate_only" not in {r["kind"] for r in rows}
    assert rows == confirm.records(news)  # the same on every run
