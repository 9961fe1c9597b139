"""A character map applied by NumPy gives what `str.translate` gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from textclean.char_map import CharMap

MAPS = {
    "spaces": CharMap(lambda code: 32 if not chr(code).isalnum() else code),
    "upper": CharMap(lambda code: ord(chr(code).upper()[0])),
    "identity": CharMap(lambda code: code),
}
MIXED = st.text(st.sampled_from(list("ab Z9_'’ \t\n\x85\u00a0éß日½😀-.,\ud800\udfff")), max_size=60)


@given(MIXED | st.text(max_size=60), st.integers(1, 40))
def test_a_char_map_gives_what_translate_gives(piece: str, copies: int) -> None:
    text = piece * copies  # long texts too: those go through NumPy
    for name, chars in MAPS.items():
        expected = text.translate({c: chars.of(c) for c in map(ord, set(text))})
        assert chars(text) == expected, name
