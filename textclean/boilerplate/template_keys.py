"""Keys and sketches for corpus templates: what makes two lines "the same" furniture.

A site's footer changes a little from page to page: a date, a count, an
author's name, a link. `unit_keys` gives each line or sentence two stable
keys (xxhash digests of normalised text, the same in every process):

* the **text key**: lowercase, spacing folded, quote marks dropped, and dates,
  times, month and weekday names, numbers, URLs, e-mail addresses and
  ``@handles`` replaced by placeholders;
* the **skeleton key**: the text key with each run of capitalised words after
  the first word masked, so "Follow Jane Roe on Twitter" and "Follow John Smith
  on Twitter" meet. A skeleton needs at least two literal words or numbers
  beside its masks ("The <name>" is not a skeleton: headlines would meet).

`word_sketch` is a bottom-k sketch of a document's words; `resemblance`
estimates the Jaccard overlap of two documents' words from their sketches.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from functools import lru_cache

import regex
import xxhash

from ..patterns import Pattern

STEP = "boilerplate_templates"
#: Words kept in a document's sketch (the smallest hashes).
SKETCH_SIZE = 128
#: Units up to this many characters have their keys remembered.
MEMO_CHARS = 400
#: Longest unit, in words, that gets a skeleton key.
SKELETON_MAX_WORDS = 40

_I = regex.IGNORECASE
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
    "januar|februar|märz|mai|juni|juli|oktober|dezember|"
    "janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|"
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
)
_DAYS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|"
    "fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    "lunes|martes|miércoles|jueves|viernes|sábado|domingo"
)
_URL = Pattern(r"\b(?:https?://|www\.)[^\s<>\"“”]++", _I, step=STEP)
_EMAIL = Pattern(r"[\w.+-]++@[\w-]++(?:\.[\w-]++)++", step=STEP)
_HANDLE = Pattern(r"(?<![\w@])@\w{1,30}+", step=STEP)
_TIME = Pattern(
    r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?+(?:\s*+(?:[ap]\.?m\b\.?|h\b))?+"
    r"(?:\s*+(?:utc|gmt|bst|cet|cest|[ecmp][sd]t)\b)?+",
    _I,
    step=STEP,
)
_NUMERIC_DATE = Pattern(
    r"\b(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})\b(?:T\S*+)?+", step=STEP
)
_MONTH = Pattern(rf"\b(?:{_MONTHS})\b\.?+", _I, step=STEP)
_DAY = Pattern(rf"\b(?:{_DAYS})\b\.?+", _I, step=STEP)
_CALENDAR = frozenset(_MONTHS.split("|")) | frozenset(_DAYS.split("|"))
_DIGIT = Pattern(r"\d", step=STEP)
_NUMBER = Pattern(r"\d++(?:[.,]\d++)*+(?:st|nd|rd|th|er|e|º|°)?+\b", step=STEP)
_QUOTES = Pattern(r"[\"“”„«»‹›「」『』]++", step=STEP)
_EDGE = Pattern(r"^[\s\p{P}\p{S}]++|[\s\p{P}\p{S}]++$", step=STEP)
_SPACE = Pattern(r"\s++", step=STEP)
_CAPITAL = Pattern(r"\p{Lu}", step=STEP)
_WORD = Pattern(r"\p{L}[\p{L}\p{M}'’-]*+", step=STEP)
_LETTERS = Pattern(r"\p{L}{2}", step=STEP)
_PLACEHOLDERS = Pattern(r"<(?:url|email|handle|time|date|month|day|n)>", step=STEP)
_PLACEHOLDER = ("<url>", "<email>", "<handle>", "<time>", "<date>", "<month>", "<day>", "<n>")


def normalize(text: str) -> str:
    """The text a unit's key is made from: variable parts become placeholders.

    >>> normalize("Updated 12 June 2020, 12:13 BST — see https://x.com/a or @jo")
    'updated <n> <month> <n> , <time> — see <url> or <handle>'
    >>> normalize("“Copyright © 2019 Foo Media.”")
    'copyright © <n> foo media'
    """
    return _SPACE.sub(" ", _placeholders(_EDGE.sub("", text))).strip().lower()


def _normal_forms(text: str) -> tuple[str, str | None]:
    """`normalize` and `skeleton` of ``text``, sharing the placeholder pass."""
    marked = _placeholders(_EDGE.sub("", text))
    return _SPACE.sub(" ", marked).strip().lower(), _skeleton_of(marked)


def _placeholders(text: str) -> str:
    """Variable parts replaced; each pattern runs only when a cheap test says it may match."""
    low = text.lower()
    if "://" in low or "www." in low:
        text = _URL.sub(" <url> ", text)
    if "@" in text:
        text = _HANDLE.sub(" <handle> ", _EMAIL.sub(" <email> ", text))
    digits = _DIGIT.search(text) is not None
    if digits:
        text = _TIME.sub(" <time> ", _NUMERIC_DATE.sub(" <date> ", text))
    words = low.replace(".", " ").replace(",", " ").split()
    if not _CALENDAR.isdisjoint(words):
        text = _DAY.sub(" <day> ", _MONTH.sub(" <month> ", text))
    if digits:
        text = _NUMBER.sub(" <n> ", text)
    return _QUOTES.sub("", text.replace("’", "'"))


def skeleton(text: str) -> str | None:
    """The unit with capitalised words after the first masked, or None when too little is left.

    >>> skeleton("Follow Jane Roe on Twitter") == skeleton("Follow John Smith on Twitter")
    True
    >>> skeleton("Copyright 2019 Foo Media") == skeleton("Copyright 2020 Bar Media")
    True
    >>> skeleton("The Mayor Resigns") is None
    True
    """
    return _skeleton_of(_placeholders(_EDGE.sub("", text)))


def _skeleton_of(marked: str) -> str | None:
    tokens = marked.split()
    if len(tokens) > SKELETON_MAX_WORDS:
        return None
    out: list[str] = []
    literal = masked = 0
    for i, token in enumerate(tokens):
        if i and _CAPITAL.match(token) and token not in _PLACEHOLDER:
            if out[-1] != "<name>":
                out.append("<name>")
                masked += 1
            continue
        out.append(token.lower())
        literal += 1
    if not masked or literal < 2:
        return None
    return " ".join(out)


def _digest(text: str, salt: bytes = b"") -> int:
    return xxhash.xxh3_64_intdigest(salt + text.encode("utf-8", "surrogatepass"))


def unit_keys(text: str) -> tuple[int, ...]:
    """The text key, then the skeleton key when there is one (never Python's ``hash()``).

    >>> unit_keys("Image 1 of 23")[0] == unit_keys("image  7 of 9")[0]
    True
    >>> unit_keys("Posted Monday 3 May") == unit_keys("posted Fri. 12 June")
    True
    >>> unit_keys("(2)"), unit_keys("12 May, 10:42"), unit_keys("Advertisement")
    ((), (), ())
    """
    if len(text) <= MEMO_CHARS:
        return _unit_keys_remembered(text)
    return _unit_keys(text)


@lru_cache(maxsize=65_536)
def _unit_keys_remembered(text: str) -> tuple[int, ...]:
    """Short units repeat (that is the point): their keys are remembered per process."""
    return _unit_keys(text)


def _unit_keys(text: str) -> tuple[int, ...]:
    norm, shape = _normal_forms(text)
    if _LETTERS.search(_PLACEHOLDERS.sub("", norm)) is None or " " not in norm:
        return ()  # "(2)", "12:30", "Meth.": too little to be a site's wording
    if shape is None or shape == norm:
        return (_digest(norm),)
    return (_digest(norm), _digest(shape, b"\x01"))


def word_sketch(texts: Sequence[str], size: int = SKETCH_SIZE) -> tuple[int, ...]:
    """The ``size`` smallest hashes of the distinct words (four letters or more), sorted."""
    words = {w.lower() for text in texts for w in _WORD.findall(text) if len(w) >= 4}
    return tuple(heapq.nsmallest(size, {_digest(w, b"\x02") for w in words}))


def resemblance(a: Sequence[int], b: Sequence[int], size: int = SKETCH_SIZE) -> float:
    """Estimated Jaccard overlap of two documents' words, from their sketches.

    >>> s = word_sketch(["the council voted on buses"])
    >>> resemblance(s, s), resemblance(s, word_sketch(["an unrelated story about rain"]))
    (1.0, 0.0)
    """
    if not a or not b:
        return 0.0
    union = heapq.nsmallest(size, set(a) | set(b))
    both = set(a) & set(b)
    return sum(h in both for h in union) / len(union)
