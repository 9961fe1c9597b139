"""Values shared between steps through `per_text` are the ones each step would compute."""

from __future__ import annotations

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from textclean import Document, Pipeline
from textclean.filters import language_detect as language
from textclean.repair import encoding, lexicon, spun
from textclean.testing.prose import articles


def _outputs(text: str) -> bytes:
    pipeline = Pipeline.default(record="full")
    items = pipeline.outcomes([Document("a", text, {})])
    return orjson.dumps(
        [getattr(i, "meta", None) or repr(i) for i in items]
        + [getattr(i, "text", "") for i in items]
    )


def _uncached(text, key, compute):  # noqa: ANN001, ANN202 - the per_text signature
    return compute()


@settings(max_examples=25, deadline=None)
@given(articles() | st.text(max_size=300) | st.just("Police and for legal reasons enforcement."))
def test_shared_values_equal_each_steps_own(text: str) -> None:
    shared = _outputs(text)
    originals = (language.per_text, lexicon.per_text, spun.per_text, encoding.per_text)
    language.per_text = lexicon.per_text = spun.per_text = encoding.per_text = _uncached
    try:
        own = _outputs(text)
    finally:
        language.per_text, lexicon.per_text, spun.per_text, encoding.per_text = originals
    assert shared == own


def test_quality_reads_the_language_the_language_step_found() -> None:
    text = "Short one."
    found = language.detect_language(text)
    assert language.detect_language(text) is found  # the same object: not detected again
