"""Sentence segmentation for web text, with character offsets.

Scraped pages mix clean prose with run-on snippets, detokenized quotes
(``stopped. ”``), abbreviations, decimals and URLs. Steps that look at
sentences (boilerplate, passages, spun text) need the boundaries *and* where
they are in the original text, so edits and reports can point at exact spans.

The rules are local and cheap so a million pages segment in minutes:

* line breaks are hard boundaries;
* a boundary follows terminal punctuation (``. ! ? …`` and CJK ``。！？``)
  plus any closing quotes or brackets, then whitespace — so ``0.8%``,
  ``$16.8m``, ``12.13 BST`` and ``example.com`` never split;
* a closing quote detached by a stray space (``stopped. ” Next``) stays with
  the sentence it closes;
* after a period, the token before it and the word after it decide:
  titles (``Mr.``, ``Sen.``, ``e.g.``) never end a sentence; abbreviations
  that can (``U.S.``, ``Inc.``, ``J.``, months) end one only before a typical
  sentence opener (``The``, ``But``, ``It`` ...); a lowercase word continues
  the sentence only after an abbreviation;
* ``?`` ``!`` and ellipses before a lowercase word do not split
  (``“Why?” she asked``).

>>> [s.text for s in split_sentences("Dr. Smith paid $16.8m. “Why?” she asked. Done.")]
['Dr. Smith paid $16.8m.', '“Why?” she asked.', 'Done.']
"""

from __future__ import annotations

from typing import NamedTuple

from .char_positions import char_positions
from .patterns import Pattern

__all__ = ["Sentence", "split_lines", "split_lines_and_sentences", "split_sentences"]


class Sentence(NamedTuple):
    """A span of the original text: ``original[start:end] == text``, no outer whitespace."""

    start: int
    end: int
    text: str


#: Every character for which ``str.isspace()`` is true (checked by the tests).
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)
#: Characters that end a line, as `str.splitlines` treats them.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_INLINE_SPACE = "".join(c for c in WHITESPACE if c not in LINE_BREAKS)

_TERMINALS = ".!?…‼⁇⁈⁉"
_CJK_TERMINALS = "。！？｡"
_CLOSERS = "\"'”’»›)]}」』】〉》〕）"
_OPENERS = "\"'“‘„‚«‹([{¿¡「『【〈《〔（"

#: Where a sentence may end: a terminal mark, then more marks and closers of
#: its kind (``?!``, ``.”``, ``。」``); a CJK mark's run takes only CJK marks.
_ALL_TERMINALS = _TERMINALS + _CJK_TERMINALS
_TERMINAL_RUN = frozenset(_TERMINALS + _CLOSERS)
_CJK_RUN = frozenset(_CJK_TERMINALS + _CLOSERS)
#: The same characters as sets, for the per-character tests.
_SPACES = frozenset(WHITESPACE)
_INLINE_SPACES = frozenset(_INLINE_SPACE)
_BREAKS = frozenset(LINE_BREAKS)
_CLOSER_SET = frozenset(_CLOSERS)
_OPENER_SET = frozenset(_OPENERS)
_CJK_SET = frozenset(_CJK_TERMINALS)
_DOTTED = Pattern(r"(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,3}", step="segment")

#: Abbreviations that do not end a sentence (a name or example follows).
TITLES = frozenset(
    """mr mrs ms mx dr prof sen rep gov gen col lt sgt capt cmdr adm maj pres hon rev fr
    st mt ft messrs mme mlle sra srta dra herr frau e.g i.e cf viz vs approx ca nr vgl
    z.b bzw usw ggf d.h u.a p.ex""".split()
)
#: Abbreviations that may end a sentence: they do so before a typical sentence opener.
MAY_END = frozenset(
    "inc ltd corp co bros plc llc jr sr esq etc al ed eds dept est a.m p.m u.s u.k u.n e.u ph.d".split()
)
#: Abbreviations that continue a sentence only before a number ("No. 5", "Jan. 12").
NUMBERED = frozenset(
    """no nos vol vols pp p ch sec fig figs art jan feb mar apr jun jul aug sep sept oct nov
    dec mon tue tues thu thur thurs fri""".split()
)
#: Capitalised words that typically open an English sentence.
STARTERS = frozenset(
    """The A An It Its This That These Those There Their They He She We I You But And Or So
    Yet In On At For If When While After Before As Since Although However Meanwhile Still
    Then Now What Why How Who Where Some Many Most All No Not One Our My His Her Such Both
    Each Last Next Other Another Despite During""".split()
)
#: The last four characters of every abbreviation (`_abbreviation_kind`): a token before
#: a period whose last four characters are letters ending otherwise is no abbreviation.
_ABBREVIATION_ENDS = frozenset(w[-4:] for w in TITLES | MAY_END | NUMBERED)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with offsets; line breaks always end a sentence.

    >>> split_sentences("Hi there.  Bye.")
    [Sentence(start=0, end=9, text='Hi there.'), Sentence(start=11, end=15, text='Bye.')]
    >>> [s.text for s in split_sentences("Floyd died in the U.S. and police use of it grew 0.8%. The end")]
    ['Floyd died in the U.S. and police use of it grew 0.8%.', 'The end']
    >>> [s.text for s in split_sentences("must be stopped. ” Amazon said. ¿Qué? ¡Sí! 你好。再见。")]
    ['must be stopped. ”', 'Amazon said.', '¿Qué?', '¡Sí!', '你好。', '再见。']
    """
    out: list[Sentence] = []
    for start, end, marks in _lines_with_candidates(text):
        _sentences_in_line(text, start, end, marks, out)
    return out


def split_lines(text: str) -> list[Sentence]:
    """Non-blank lines of ``text`` as spans without outer whitespace.

    >>> [s.text for s in split_lines(" a \\r\\n\\n b")]
    ['a', 'b']
    """
    out: list[Sentence] = []
    for start, end in _line_bounds(text):
        span = _stripped(text, start, end)
        if span is not None:
            out.append(span)
    return out


def split_lines_and_sentences(text: str) -> list[list[Sentence]]:
    """One list of sentences per non-blank line, in order.

    >>> [[s.text for s in line] for line in split_lines_and_sentences("One. Two.\\n\\nThree.")]
    [['One.', 'Two.'], ['Three.']]
    """
    out: list[list[Sentence]] = []
    for start, end, marks in _lines_with_candidates(text):
        line: list[Sentence] = []
        _sentences_in_line(text, start, end, marks, line)
        if line:
            out.append(line)
    return out


def _line_bounds(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line, without its break; a text ending in a break
    ends with an empty line. `str.splitlines` breaks at exactly `LINE_BREAKS` and ``\\r\\n``."""
    bounds = []
    pos = 0
    for piece in text.splitlines(True):
        end = pos + len(piece)
        if piece[-1] in _BREAKS:
            bounds.append((pos, end - 2 if piece.endswith("\r\n") else end - 1))
        else:
            bounds.append((pos, end))
        pos = end
    if pos == len(text) and (not text or text[-1] in _BREAKS):
        bounds.append((pos, pos))
    return bounds


def _stripped(text: str, start: int, end: int) -> Sentence | None:
    while start < end and text[start] in _SPACES:
        start += 1
    while end > start and text[end - 1] in _SPACES:
        end -= 1
    return Sentence(start, end, text[start:end]) if start < end else None


def _lines_with_candidates(text: str) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Each line's ``(start, end)`` with the `_candidates` inside it.

    The candidates are found in the whole text at once: no run of terminal
    marks and closers crosses a line break, so each belongs to one line.
    """
    marks = _candidates(text)
    out = []
    k, total = 0, len(marks)
    for start, end in _line_bounds(text):
        j = k
        while j < total and marks[j][0] < end:
            j += 1
        out.append((start, end, marks[k:j]))
        k = j
    return out


def _sentences_in_line(
    text: str, start: int, end: int, marks: list[tuple[int, int]], out: list[Sentence]
) -> None:
    """The sentences of ``text[start:end]``, a line whose `_candidates` are ``marks``."""
    if not marks:
        span = _stripped(text, start, end)
        if span is not None:
            out.append(span)
        return
    line = text[start:end]
    sentence_start = 0
    for mark_start, mark_end in marks:
        term_start, term_end = mark_start - start, mark_end - start
        if term_start < sentence_start:
            continue
        cut = _boundary_after(line, term_start, term_end, sentence_start)
        if cut is None:
            continue
        span = _stripped(text, start + sentence_start, start + cut)
        if span is not None:
            out.append(span)
        sentence_start = cut
    span = _stripped(text, start + sentence_start, end)
    if span is not None:
        out.append(span)


def _candidates(line: str) -> list[tuple[int, int]]:
    """The runs of terminal marks in ``line`` where a sentence may end, left to right.

    Plain string searches find the marks; each mark not already in a run
    opens one, which takes the marks and closers after it.
    """
    at = char_positions(line, _ALL_TERMINALS)
    if not at:
        return []
    n = len(line)
    spans = []
    end = 0
    for i in at:
        if i < end:
            continue
        run = _CJK_RUN if line[i] in _CJK_SET else _TERMINAL_RUN
        end = i + 1
        while end < n and line[end] in run:
            end += 1
        spans.append((i, end))
    return spans


def _boundary_after(line: str, term_start: int, term_end: int, sentence_start: int) -> int | None:
    """Where the sentence ending in ``line[term_start:term_end]`` ends, or None if it does not."""
    n = len(line)
    if line[term_start] in _CJK_SET:
        return term_end
    if term_end >= n:
        return n
    if line[term_end] not in _INLINE_SPACES:
        return None  # 0.8%, U.S.A, example.com, ”, …
    nxt = _skip_space(line, term_end)
    # A closing quote detached by a stray space (`stopped. ” Next`) closes this sentence.
    close_end = nxt
    while close_end < n and line[close_end] in _CLOSER_SET:
        close_end += 1
    if close_end > nxt and (close_end >= n or line[close_end] in _INLINE_SPACES):
        cut = close_end
        nxt = _skip_space(line, close_end)
    elif close_end > nxt and line[close_end] in ",;:":
        return None  # `stopped. ”, she said`
    else:
        cut = term_end
    if nxt >= n:
        return n
    terminal = line[term_start:term_end].rstrip(_CLOSERS)
    if _continues(line, term_start, terminal, nxt, sentence_start):
        return None
    return cut


def _skip_space(line: str, pos: int) -> int:
    while pos < len(line) and line[pos] in _INLINE_SPACES:
        pos += 1
    return pos


def _continues(line: str, term_start: int, terminal: str, nxt: int, sentence_start: int) -> bool:
    """True when the text after the terminal punctuation continues the same sentence.

    Mostly the first letter of the next word decides: the whole word is read
    only after an abbreviation that may end a sentence. A period after four
    letters that end no abbreviation (most sentence ends) ends the sentence
    whatever follows: the word before it is no abbreviation, initial, dotted
    form or number.
    """
    if terminal == "." and term_start >= 4:
        tail = line[term_start - 4 : term_start]
        if tail.isalpha() and tail.lower() not in _ABBREVIATION_ENDS:
            return False
    first = _next_word_start(line, nxt)
    if not first:
        return False
    ellipsis = "…" in terminal or ".." in terminal
    if terminal[:1] != "." or ellipsis or len(terminal) > 1:
        return first.islower()
    prev = _prev_token(line, term_start)
    if (
        prev.isdigit()
        and len(prev) <= 3
        and _only_space(line, sentence_start, term_start - len(prev))
    ):
        return True  # a list marker ("1. Introduction") is not a sentence
    kind = _abbreviation_kind(prev)
    if first.islower():
        return kind is not None and kind != "numbered"
    if first.isdigit():
        return kind is not None
    if kind == "title":
        return True
    if kind == "may_end":
        return _next_word(line, nxt) not in STARTERS
    return False


def _only_space(line: str, start: int, end: int) -> bool:
    return all(c in _SPACES for c in line[start:end])


def _next_word(line: str, pos: int) -> str:
    n = len(line)
    while pos < n and line[pos] in _OPENER_SET:
        pos += 1
    end = pos
    while end < n and (line[end].isalnum() or line[end] in "'’-"):
        end += 1
    return line[pos:end] if end > pos else line[pos : pos + 1]


def _next_word_start(line: str, pos: int) -> str:
    """The first character of `_next_word` (empty at the end of the line)."""
    n = len(line)
    while pos < n and line[pos] in _OPENER_SET:
        pos += 1
    return line[pos : pos + 1]


def _prev_token(line: str, end: int) -> str:
    # The last whitespace-free run of the 40 characters before ``end``
    # (`str.split` splits at exactly `WHITESPACE`).
    chunk = line[max(0, end - 40) : end]
    if not chunk or chunk[-1] in _SPACES:
        return ""
    return chunk.rsplit(None, 1)[-1].lstrip(_OPENERS)


def _abbreviation_kind(token: str) -> str | None:
    """``"title"``, ``"may_end"``, ``"numbered"`` or None for the token before a period."""
    if not token:
        return None
    lower = token.lower()
    if lower in TITLES:
        return "title"
    if lower in MAY_END:
        return "may_end"
    if lower in NUMBERED:
        return "numbered"
    if len(token) == 1 and token.isupper():
        return "may_end"  # an initial: "J. Smith", but "Plan B. The"
    if "." in token and _DOTTED.fullmatch(token):
        return "may_end"
    return None
