"""The quality filter on prose in scripts other than Latin: a news report is not flagged."""

from __future__ import annotations

import pytest
from test_boilerplate_scripts import PAGES

from textclean.filters.page_quality import quality
from textclean.filters.page_signals import line_scores


def _report(lang: str) -> str:
    """The three paragraphs of the test report, without its furniture."""
    return "\n".join(PAGES[lang][1:4])


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_a_news_report_reads_as_prose(lang):
    assert line_scores(_report(lang)).prose_share > 0.9


@pytest.mark.parametrize("lang", ["ar", "el", "he", "hi"])
def test_a_news_report_is_not_flagged(lang):
    found = quality(_report(lang), lang)
    assert not found.flagged, found.rules
