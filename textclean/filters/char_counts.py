"""Letters and digits of a text, counted by byte deletion rather than character by character.

The digit ratio reads how many characters of a page are letters and how many
digits. Asking ``str.isalpha`` of every character costs a Python call each;
here the ASCII letters and digits are counted by what `bytes.translate` leaves
of the UTF-8 bytes (every byte of a wider character is 0x80 or above), and
only the distinct characters beyond ASCII (a few dozen on most pages) are
asked, once each. The counts are those of the per-character definition.
"""

from __future__ import annotations

from collections import Counter

_ASCII = bytes(range(128))
#: Every byte but the ASCII digits, and every byte but the ASCII letters.
_NOT_DIGIT = bytes(b for b in range(256) if not (b < 128 and chr(b).isdigit()))
_NOT_LETTER = bytes(
    b for b in range(256) if not (b < 128 and chr(b).isalpha() and not chr(b).isdigit())
)


def letters_and_digits(text: str) -> tuple[int, int]:
    """(letters, digits) of ``text``: characters for which ``str.isdigit`` holds are digits,
    the other ones for which ``str.isalpha`` holds letters.

    >>> letters_and_digits("Año 2024: ½ ٣")
    (3, 5)
    """
    data = text.encode("utf-8", "surrogatepass")
    digits = len(data.translate(None, _NOT_DIGIT))
    letters = len(data.translate(None, _NOT_LETTER))
    if len(data) > len(text):  # a character beyond ASCII
        wide = data.translate(None, _ASCII).decode("utf-8", "surrogatepass")
        for ch, n in Counter(wide).items():
            if ch.isdigit():
                digits += n
            elif ch.isalpha():
                letters += n
    return letters, digits
