"""The second unseen page-quality set's builder: story files, workbook rows, the format test."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import build_quality_fresh as fresh  # noqa: E402
import build_quality_unseen2 as unseen2  # noqa: E402

PARAGRAPH = (
    "The singer said the tour would go ahead as planned, and tickets for the extra dates "
    "sold out within an hour of going on sale. "
)


def _cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _workbook(rows: list[list[str]]) -> bytes:
    body = "".join(
        f"<row>{''.join(_cell(f'{chr(65 + j)}{i + 1}', v) for j, v in enumerate(row))}</row>"
        for i, row in enumerate(rows)
    )
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{body}</sheetData></worksheet>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as book:
        book.writestr("xl/worksheets/sheet1.xml", sheet)
    return out.getvalue()


def test_workbook_rows_are_read_by_their_header():
    data = _workbook([["origin", "id", "doc"], ["xsum", "7", "A story."], ["xsum", "8", "B."]])
    assert list(unseen2.sheet_rows(data)) == [
        {"origin": "xsum", "id": "7", "doc": "A story."},
        {"origin": "xsum", "id": "8", "doc": "B."},
    ]


def test_tokenized_text_and_page_furniture_are_no_pages():
    assert unseen2.is_page(PARAGRAPH)
    assert not unseen2.is_page(PARAGRAPH.lower())
    assert not unseen2.is_page("-LRB- CNN -RRB- " + PARAGRAPH)
    assert not unseen2.is_page("By . Jane Doe . PUBLISHED: . 10:02 EST . " + PARAGRAPH)


def test_records_account_for_every_article_once():
    items = [(f"perez-amt:biz{n:02}.legit", f"Story {n}\n" + PARAGRAPH * 4) for n in range(60)]
    news = fresh.articles(items + [("xsum:1", "Too short.")], unseen2.SPLIT)
    assert len(news) == 60
    rows = fresh.records(news, [], unseen2.SPLIT)
    clean = {r["id"] for r in rows if r["kind"] == "clean"}
    made = {r["id"].rsplit("/", 1)[0] for r in rows if r["label"] == "drop"}
    assert clean | made == {a["id"] for a in news}
    assert not clean & made
    assert {r["split"] for r in rows} == {"unseen2"}
