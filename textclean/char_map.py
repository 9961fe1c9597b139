"""One-character-for-one-character maps applied by NumPy, for texts beyond ASCII.

`str.translate` is quick on an ASCII text, but on any other text it looks
every character up in the table one by one (about 25 ns each). A map that
puts one character for each character can instead work on the text's code
points as an array: ASCII through a 128-entry table, and each distinct
character beyond ASCII (a few dozen on most pages) asked once. The result is
the one `str.translate` gives; `tests/test_char_map.py` states the law. Short
texts still go to `str.translate`, since NumPy costs microseconds a call.

>>> spaces = CharMap(lambda code: 32 if chr(code) in ",’" else code)
>>> spaces("It’s here, now")
'It s here  now'
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

_ASCII = 128
#: Texts shorter than this go to `str.translate`: NumPy's fixed cost per call is more.
SHORT = 1000
_CODES = np.dtype("<u4")


class CharMap:
    """``code -> code`` for every character, applied to whole texts."""

    __slots__ = ("of", "table", "_ascii")

    def __init__(self, of: Callable[[int], int]):
        self.of = of
        #: The same map as a `str.translate` table, filled on demand.
        self.table = _Table(of)
        self._ascii = np.array([of(c) for c in range(_ASCII)], dtype=_CODES)

    def __call__(self, text: str) -> str:
        if len(text) < SHORT or text.isascii():  # `str.translate` is quick on these
            return text.translate(self.table)
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=_CODES)
        out = self._ascii[np.minimum(codes, _ASCII - 1)]
        wide = np.flatnonzero(codes >= _ASCII)
        values, inverse = np.unique(codes[wide], return_inverse=True)
        table = self.table
        mapped = np.array([table[v] for v in values.tolist()], dtype=_CODES)
        out[wide] = mapped[inverse.reshape(-1)]
        return out.tobytes().decode("utf-32-le", "surrogatepass")


class _Table(dict):
    """Code point -> code point, asked of the map's function once per character."""

    def __init__(self, of: Callable[[int], int]):
        super().__init__()
        self.of = of

    def __missing__(self, code: int) -> int:
        value = self.of(code)
        self[code] = value
        return value
