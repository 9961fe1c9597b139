"""Mojibake: UTF-8 bytes read back in a single-byte encoding.

The commonest damage in scraped text is a page saved as UTF-8 and decoded as
Windows-1252 or Latin-1 (``café`` becomes ``cafÃ©``, ``’`` becomes ``â€™``),
sometimes twice, sometimes only in the parts a template pasted in.
"""

from __future__ import annotations

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from .prose import articles
from .truth import Dirty

__all__ = ["ENCODINGS", "mojibake", "mojibake_of"]

ENCODINGS = ("cp1252", "latin-1")


def _sloppy_cp1252(data: bytes) -> str:
    """Windows-1252 as browsers read it: the five undefined bytes become C1 controls."""
    return "".join(
        bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b)
        for b in data
    )


def mojibake_of(text: str, encoding: str = "cp1252", layers: int = 1) -> str:
    """``text`` encoded as UTF-8 and decoded as ``encoding``, ``layers`` times over.

    >>> mojibake_of("café ’")
    'cafÃ© â€™'
    >>> mojibake_of("é", "latin-1", layers=2)
    'Ã\\x83Â©'
    """
    if encoding not in ENCODINGS:
        raise InvalidArgument(f"mojibake: encoding must be one of {ENCODINGS}, got {encoding!r}")
    for _ in range(layers):
        data = text.encode("utf-8")
        text = _sloppy_cp1252(data) if encoding == "cp1252" else data.decode("latin-1")
    return text


@st.composite
def _mojibake(
    draw: st.DrawFn,
    text: st.SearchStrategy[str],
    encodings: tuple[str, ...],
    layers: int,
    partial: bool,
) -> Dirty:
    clean = draw(text)
    encoding = draw(st.sampled_from(encodings))
    depth = draw(st.integers(1, layers))
    if not partial:
        return Dirty(
            mojibake_of(clean, encoding, depth),
            clean,
            facts={"encoding": encoding, "layers": depth},
        )
    lines = clean.split("\n")
    hit = draw(st.lists(st.booleans(), min_size=len(lines), max_size=len(lines)))
    dirty = "\n".join(
        mojibake_of(line, encoding, depth) if h else line
        for line, h in zip(lines, hit, strict=True)
    )
    return Dirty(
        dirty,
        clean,
        facts={
            "encoding": encoding,
            "layers": depth,
            "damaged_lines": tuple(i for i, h in enumerate(hit) if h),
        },
    )


def mojibake(
    text: str | st.SearchStrategy[str] | None = None,
    *,
    encodings: tuple[str, ...] = ENCODINGS,
    layers: int = 1,
    partial: bool = False,
) -> st.SearchStrategy[Dirty]:
    """Mojibake of ``text`` (default `articles()`); ``clean`` is the original.

    ``layers`` > 1 also draws doubly (or more) damaged text; ``partial``
    damages only a drawn subset of lines, like a page assembled from parts.
    ``facts`` records the encoding, the layers and, when partial, the
    damaged line numbers.

    >>> from hypothesis import find
    >>> d = find(mojibake("naïve"), lambda d: d.facts["encoding"] == "latin-1")
    >>> d.text, d.clean
    ('naÃ¯ve', 'naïve')
    """
    bad = [e for e in encodings if e not in ENCODINGS]
    if bad or not encodings or layers < 1:
        raise InvalidArgument(f"mojibake: encodings from {ENCODINGS} and layers >= 1")
    source = articles() if text is None else text
    strategy = st.just(source) if isinstance(source, str) else source
    return _mojibake(strategy, tuple(encodings), layers, partial)
