"""Hypothesis strategies that make dirty text with known ground truth.

For textclean's own property tests and for users testing their pipelines::

    from hypothesis import given
    from textclean.testing import articles, mojibake

    @given(mojibake(articles()))
    def test_my_pipeline_repairs_mojibake(dirty):
        assert my_pipeline(dirty.text) == dirty.clean

Each strategy draws a `Dirty` (the damaged ``text``, the ``clean``
original, labelled ``spans`` and ``facts``), except `pasted_passages`, which
draws a `Pasted` corpus. Needs ``hypothesis`` (``pip install 'textclean[test]'``).
See docs/testing.md.
"""

from __future__ import annotations

from .._lazy import lazy_exports

_EXPORTS = {
    "Dirty": "textclean.testing.truth",
    "Span": "textclean.testing.truth",
    "Pasted": "textclean.testing.truth",
    "Occurrence": "textclean.testing.truth",
    "articles": "textclean.testing.prose",
    "sentences": "textclean.testing.prose",
    "mojibake": "textclean.testing.encoding",
    "mojibake_of": "textclean.testing.encoding",
    "tokenized": "textclean.testing.treebank",
    "ptb_tokenize": "textclean.testing.treebank",
    "spun": "textclean.testing.spin",
    "with_boilerplate": "textclean.testing.furniture",
    "near_duplicates": "textclean.testing.duplicates",
    "pasted_passages": "textclean.testing.duplicates",
    "jaccard": "textclean.testing.duplicates",
}

__all__ = sorted(_EXPORTS)


__getattr__, __dir__ = lazy_exports(
    __name__, _EXPORTS, optional=("hypothesis", "textclean.testing", "test")
)
