"""Finding email addresses, phone numbers, IP addresses and URLs in text.

Each kind has a broad candidate pattern, run on RE2 in linear time, and a
check in Python that throws out what only looks like one: ``icon@2x.png`` is
a file name, ``1.2.3.4.5`` a version, ``2024-05-06`` a date, ``30 000 000``
a count, ``$555.1234`` a price and ``0-306-40615-2`` an ISBN. A phone
number needs a phone's shape: a ``+`` and a country code, the North American
``(555) 123-4567`` or a trunk ``0`` and groups of two to four digits; a bare
run of digits is never one, since it is as likely an order number.

Kinds found inside one another resolve to the outer span, so the IP in
``http://10.0.0.1/admin`` is part of the URL, whatever kinds are redacted.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import regex

from ..patterns import Pattern

STEP = "pii"
#: The kinds, in the order they win a tie between spans starting together.
KINDS = ("url", "email", "ip", "phone")

URL = Pattern(r"(?:(?:https?|ftp)://|www\.)[^\s<>\"'`{}|\\^]+", regex.IGNORECASE, step=STEP)
EMAIL = Pattern(
    r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}",
    step=STEP,
)
IPV4 = Pattern(r"[0-9]{1,3}(?:\.[0-9]{1,3}){3}", step=STEP)
IPV6 = Pattern(
    r"[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3})?", step=STEP
)
_SEP = r"(?:[ .\-]|[ ]?\([0-9]{1,4}\)[ ]?)"
PHONE = Pattern(
    rf"(?:\+[ ]?|\([0-9]{{2,4}}\)[ ]?)?[0-9]{{1,15}}(?:{_SEP}[0-9]{{1,15}}){{0,7}}", step=STEP
)
_DIGITS = Pattern(r"[0-9]+", step=STEP)

#: File extensions after an ``@``: retina image names (``logo@2x.png``), not addresses.
_FILE_TLDS = frozenset({"png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "ico", "pdf"})
#: Characters that make a number before them a price or an amount.
_CURRENCY = frozenset("$€£¥₹₽¢")
_TRAILING = ".,;:!?'\")]}>"
#: The fewest digits of any phone shape accepted (``+`` and a country code).
MIN_PHONE_DIGITS = 8


@dataclass(frozen=True, slots=True)
class Found:
    """One match: ``text[start:end]`` is a ``kind`` (one of `KINDS`)."""

    kind: str
    start: int
    end: int


def find_pii(text: str, kinds: Iterable[str] = KINDS) -> list[Found]:
    """Every email, phone, IP and URL of the chosen ``kinds`` in ``text``, in order.

    >>> [(f.kind, f.start) for f in find_pii("Mail ann@example.org or call +44 20 7946 0958.")]
    [('email', 5), ('phone', 29)]
    >>> find_pii("Version 1.2.3.4.5 shipped on 2024-05-06 for $19.99.")
    []
    """
    wanted = set(kinds)
    found: list[Found] = []
    for kind, finder in _FINDERS:
        found.extend(Found(kind, s, e) for s, e in finder(text))
    rank = {k: i for i, k in enumerate(KINDS)}
    found.sort(key=lambda f: (f.start, -(f.end - f.start), rank[f.kind]))
    out: list[Found] = []
    end = 0
    for f in found:
        if f.start >= end:
            out.append(f)
            end = f.end
    return [f for f in out if f.kind in wanted]


def _before(text: str, i: int) -> str:
    return text[i - 1] if i > 0 else " "


def _after(text: str, i: int) -> str:
    return text[i] if i < len(text) else " "


def find_urls(text: str) -> list[tuple[int, int]]:
    """Spans of URLs with a scheme or ``www.``, without trailing punctuation.

    >>> find_urls("See (https://example.org/a_(b)).")
    [(5, 30)]
    """
    out = []
    for m in URL.finditer(text):
        start, end = m.start(), m.end()
        if _before(text, start).isalnum():
            continue
        while end > start and text[end - 1] in _TRAILING:
            closer = text[end - 1]
            opener = {")": "(", "]": "[", "}": "{"}.get(closer)
            span = text[start:end]
            if opener and span.count(opener) >= span.count(closer):
                break
            end -= 1
        if "." in text[start:end].split("//", 1)[-1].split("/", 1)[0]:
            out.append((start, end))
    return out


def find_emails(text: str) -> list[tuple[int, int]]:
    """Spans of email addresses; file names like ``logo@2x.png`` are not ones.

    >>> find_emails("ann.lee@mail.example.com, logo@2x.png, a..b@x.io")
    [(0, 24)]
    """
    out = []
    for m in EMAIL.finditer(text):
        start, end = m.start(), m.end()
        local, domain = text[start:end].split("@", 1)
        if local.startswith(".") or local.endswith(".") or ".." in local:
            continue
        if domain.rsplit(".", 1)[-1].lower() in _FILE_TLDS:
            continue
        if _before(text, start) in "@/" or _after(text, end) in "@":
            continue
        out.append((start, end))
    return out


def find_ips(text: str) -> list[tuple[int, int]]:
    """Spans of IPv4 and IPv6 addresses; versions and times are neither.

    >>> find_ips("hosts 192.168.0.10 and fe80::1ff:fe23:4567:890a, not v1.2.3.4 or 10:30:00")
    [(6, 18), (23, 47)]
    """
    out = []
    for m in IPV4.finditer(text):
        start, end = m.start(), m.end()
        if _is_ipv4(text[start:end]) and _number_boundary(text, start, end):
            out.append((start, end))
    for m in IPV6.finditer(text):
        start, end = m.start(), m.end()
        token = text[start:end]
        if not _is_ipv6(token):
            continue
        if (
            _before(text, start).isalnum()
            or _after(text, end).isalnum()
            or _after(text, end) == ":"
        ):
            continue
        out.append((start, end))
    return sorted(out)


def _is_ipv4(token: str) -> bool:
    parts = token.split(".")
    return all(int(p) <= 255 and (p == "0" or not p.startswith("0")) for p in parts)


def _is_ipv6(token: str) -> bool:
    if token.count(":") < 2 or not any(c.isdigit() for c in token):
        return False
    if "::" not in token and (token.count(":") < 7 or max(map(len, token.split(":"))) < 4):
        return False  # times (10:30:00) and ratios (1:2:3) are short groups without "::"
    try:
        ipaddress.IPv6Address(token)
    except ValueError:
        return False
    return True


def _number_boundary(text: str, start: int, end: int) -> bool:
    """No letter, digit, dot-digit or currency sign glued to the number."""
    before, after = _before(text, start), _after(text, end)
    if before.isalnum() or before in _CURRENCY or before in "+-_/":
        return False
    if before == "." and _before(text, start - 1).isdigit():
        return False
    if after.isalnum() or after in "-_%":
        return False
    return not (after in ".," and _after(text, end + 1).isdigit())


def find_phones(text: str) -> list[tuple[int, int]]:
    """Spans of phone numbers of a phone's shape.

    >>> find_phones("Call (555) 234-5678 or 020 7946 0958; 30 000 000 people, ISBN 0-306-40615-2.")
    [(5, 19), (23, 36)]
    """
    out = []
    for m in PHONE.finditer(text):
        start, end = m.start(), m.end()
        groups = [(g.start() + start, g.end() + start) for g in _DIGITS.finditer(text[start:end])]
        span = _best_phone(text, start, end, groups)
        if span is not None:
            out.append(span)
    return out


def _best_phone(
    text: str, start: int, end: int, groups: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """The longest run of digit groups in the candidate that is a phone number."""
    n = len(groups)
    ends = [0]
    for s, e in groups:
        ends.append(ends[-1] + e - s)
    if ends[-1] < MIN_PHONE_DIGITS:
        return None
    for size in range(n, 0, -1):
        for i in range(n - size + 1):
            total = ends[i + size] - ends[i]
            s = start if i == 0 else groups[i][0]
            if not (8 <= total <= 15 if text[s] == "+" else 9 <= total <= 11):
                continue  # no phone shape has this many digits: skip the checks
            if i == 0 and text[s] == "(":
                s = start
            e = groups[i + size - 1][1]
            if i + size == n and end > e and text[end - 1] == ")":
                continue
            if _is_phone(text, s, e):
                return s, e
    return None


def _is_phone(text: str, start: int, end: int) -> bool:
    token = text[start:end]
    if token.count("(") != token.count(")"):
        return False
    if not _number_boundary(text, start, end) or text[max(0, start - 5) : start].upper().endswith(
        ("ISBN ", "ISBN:", "ISSN ")
    ):
        return False
    digits = [g.group() for g in _DIGITS.finditer(token)]
    total = sum(map(len, digits))
    seps = set(token) - set("0123456789+() ")
    if len(seps) > 1:
        return False  # 555-123.4567 mixes separators: a version or a code
    if token.startswith("+"):
        return 8 <= total <= 15 and len(digits) >= 2 and all(len(g) <= 5 for g in digits[1:])
    return _nanp(digits) or _trunk(digits, total)


def _nanp(digits: list[str]) -> bool:
    """North American: (NXX) NXX-XXXX or NXX-NXX-XXXX, optionally after a 1."""
    if len(digits) == 4 and digits[0] == "1":
        digits = digits[1:]
    if [len(g) for g in digits] != [3, 3, 4]:
        return False
    return digits[0][0] in "23456789" and digits[1][0] in "23456789"


def _trunk(digits: list[str], total: int) -> bool:
    """A national number: trunk 0, then groups of 2-4 digits, 9-11 digits in all."""
    if len(digits) < 2 or not digits[0].startswith("0") or not 9 <= total <= 11:
        return False
    if not all(2 <= len(g) <= 4 for g in digits):
        return False
    return not all(len(g) == 2 for g in digits[:-1]) or len(digits) >= 4


_FINDERS: tuple[tuple[str, Callable[[str], list[tuple[int, int]]]], ...] = (
    ("url", find_urls),
    ("email", find_emails),
    ("ip", find_ips),
    ("phone", find_phones),
)
