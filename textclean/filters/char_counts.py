"""Letters and digits of a text, counted by NumPy rather than character by character.

The digit ratio reads how many characters of a page are letters and how many
digits. Asking ``str.isalpha`` of every character costs a Python call each;
here ASCII is counted with one `numpy.bincount` over the code points, and
only the distinct characters beyond ASCII (a few dozen on most pages) are
asked, once each. The counts are those of the per-character definition.
"""

from __future__ import annotations

import numpy as np

_ASCII = 128
#: Per ASCII code point: 1 for a digit, 0 otherwise; and likewise for letters.
_ASCII_DIGIT = np.array([chr(c).isdigit() for c in range(_ASCII)], dtype=np.int64)
_ASCII_LETTER = np.array(
    [chr(c).isalpha() and not chr(c).isdigit() for c in range(_ASCII)], dtype=np.int64
)


def letters_and_digits(text: str) -> tuple[int, int]:
    """(letters, digits) of ``text``: characters for which ``str.isdigit`` holds are digits,
    the other ones for which ``str.isalpha`` holds letters.

    >>> letters_and_digits("Año 2024: ½ ٣")
    (3, 5)
    """
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    small = codes < _ASCII
    counts = np.bincount(codes[small], minlength=_ASCII)
    digits = int(counts @ _ASCII_DIGIT)
    letters = int(counts @ _ASCII_LETTER)
    if not small.all():
        values, many = np.unique(codes[~small], return_counts=True)
        for code, n in zip(values.tolist(), many.tolist(), strict=True):
            ch = chr(code)
            if ch.isdigit():
                digits += n
            elif ch.isalpha():
                letters += n
    return letters, digits
