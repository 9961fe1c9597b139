"""Many patterns matched in one linear-time pass: rule tables on RE2.

A table of furniture rules is written in the `regex` module's syntax, which
backtracks: one call per rule per line, each under a timeout. `PatternSet`
translates the table to RE2 (`to_re2`) and matches all of it with one
``RE2::Set`` call per segment, whose cost is linear in the segment's length
by construction, whatever the patterns. RE2 lacks lookarounds and possessive
quantifiers, its ``\\w``, ``\\s``, ``\\d`` and ``\\b`` are ASCII, its ``$`` does
not match before a final newline and its Unicode tables may be of another
version: the translation spells every class as the code points `regex`
gives it (``\\w`` takes marks and joiners), writes ``$`` as ``\\n?\\z``, drops
possessive marks (a DFA never backtracks anyway) and drops lookarounds and
``\\b``, which can only make a pattern match *more*. A pattern that lost such
a constraint is *inexact*: its RE2 hits are confirmed with the original
pattern, on the one segment that hit, so the answers are exactly the
original table's. A text RE2 cannot read (lone surrogates) or folds apart
from `regex` (`textclean.patterns.FOLDS_APART`) is asked of each pattern.

>>> table = PatternSet([r"^share on facebook$", r"(?<!\\w)cookies?\\b"])
>>> table.matches("Share on Facebook"), table.matches("We use cookies."), table.matches("Cookiesland")
([0], [1], [])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import re2
import regex
from re2 import _re2

from .errors import ConfigError
from .patterns import Pattern, _folds_apart, shared_pattern
from .re2_syntax import _ranges

#: Segments longer than this go to the original patterns one by one (under
#: their timeouts) instead of RE2's DFA, whose memory a huge segment could
#: exhaust; rule tables judge lines and sentences, which are far shorter.
MAX_SET_CHARS = 20_000
#: Memory RE2 may use for one compiled set and its DFA cache.
MAX_MEM = 64 << 20

_LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")
_CLASS_ESCAPES = frozenset(("\\w", "\\W", "\\s", "\\S", "\\d", "\\D"))


@dataclass(frozen=True, slots=True)
class Translation:
    """A pattern in RE2 syntax; ``exact`` is False when it may match more than the original."""

    source: str
    exact: bool


def to_re2(source: str) -> Translation:
    r"""Translate a `regex`-module pattern to RE2 syntax (see the module docstring).

    >>> to_re2(r"^(?:log ?in)\b")
    Translation(source='^(?:log ?in)', exact=False)
    >>> to_re2(r"[a-c]x$")
    Translation(source='[\\x{61}-\\x{63}]x\\n?\\z', exact=True)
    """
    out: list[str] = []
    exact = True
    i, n = 0, len(source)
    while i < n:
        c = source[i]
        if c == "\\":
            escape = source[i : i + 2]
            if escape[1:] in ("p", "P") and source[i + 2 : i + 3] == "{":
                end = source.index("}", i) + 1
                out.append(f"[{_ranges(source[i:end])}]")
                i = end
            elif escape == "\\N" and source[i + 2 : i + 3] == "{":
                end = source.index("}", i) + 1
                out.append(source[i:end])
                i = end
            elif escape == "\\b":
                exact = False  # RE2's \b is ASCII; dropping it only widens the pattern
                i += 2
            elif escape in ("\\B", "\\A", "\\Z", "\\G"):
                raise ConfigError(f"pattern {source!r}: {escape} has no RE2 equivalent here")
            else:
                out.append(f"[{_ranges(escape)}]" if escape in _CLASS_ESCAPES else escape)
                i += 2
        elif c == "[":
            end = _class_end(source, i)
            out.append(f"[{_ranges(source[i + 1 : end - 1])}]")
            i = end
        elif c == "$":
            out.append("\\n?\\z")  # `regex` without MULTILINE: also before a final newline
            i += 1
        elif source.startswith(_LOOKAROUNDS, i):
            i = _group_end(source, i)
            exact = False
            if i < n and source[i] in "*+?{":
                raise ConfigError(
                    f"pattern {source!r}: a quantified lookaround cannot be translated"
                )
        elif c in "*+?":
            out.append(c)
            i += 1
            if i < n and source[i] == "+":
                i += 1  # possessive: a DFA has nothing to give back
        elif c == "{" and regex.match(r"\{\d*,?\d*\}", source[i:]):
            end = source.index("}", i) + 1
            out.append(source[i:end])
            i = end
            if i < n and source[i] == "+":
                i += 1
        elif source.startswith("(?>", i):
            out.append("(?:")  # atomic group: same language, and a DFA never backtracks
            i += 3
        else:
            out.append(c)
            i += 1
    return Translation("".join(out), exact)


def _class_end(source: str, start: int) -> int:
    """Index just past the character class opening at ``start``."""
    j = start + 1
    if source[j : j + 1] == "^":
        j += 1
    if source[j : j + 1] == "]":
        j += 1
    while j < len(source) and source[j] != "]":
        if source[j] == "[" and source[j + 1 : j + 2] == ":":
            j = source.index(":]", j) + 2
            continue
        j += 2 if source[j] == "\\" else 1
    if j >= len(source):
        raise ConfigError(f"pattern {source!r}: unterminated character class")
    return j + 1


def _group_end(source: str, start: int) -> int:
    """Index just past the group opening at ``start``."""
    depth, j = 0, start
    while j < len(source):
        ch = source[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "[":
            j = _class_end(source, j)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    raise ConfigError(f"pattern {source!r}: unbalanced parentheses")


class PatternSet:
    """Patterns (case-insensitive) matched together; `matches` lists the indices that match.

    ``search`` semantics: a pattern anchored with ``^`` must match at the start.
    With ``at_start`` every pattern must match at the start of the text (as
    ``re.match``), so RE2 stops reading as soon as no pattern can still match:
    a table of whole-line rules costs a few characters on most lines.
    Picklable as its sources.
    """

    def __init__(self, sources: Sequence[str], *, step: str = "", at_start: bool = False):
        self.sources = tuple(sources)
        self.step = step
        self.at_start = at_start
        self._translations = [to_re2(s) for s in self.sources]

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.sources, self.step, self.at_start))

    @cached_property
    def _set(self) -> Any:
        """The compiled ``RE2::Set``, called directly on UTF-8 bytes (no wrapper per call)."""
        options = re2.Options()
        options.case_sensitive = False
        options.max_mem = MAX_MEM
        options.log_errors = False
        anchor = _re2.RE2.Anchor.ANCHOR_START if self.at_start else _re2.RE2.Anchor.UNANCHORED
        table = _re2.Set(anchor, options)
        for source, t in zip(self.sources, self._translations, strict=True):
            if table.Add(t.source.encode("utf-8")) == -1:
                raise ConfigError(
                    f"pattern {source!r} cannot run in linear time ({t.source!r}): "
                    "RE2 cannot parse it"
                )
        if not table.Compile():
            raise ConfigError(f"patterns of step {self.step!r}: RE2 cannot compile them as a set")
        return table

    def check(self) -> None:
        """Compile now, so an untranslatable pattern fails when its table is built."""
        if self.sources:
            self._set  # noqa: B018

    @cached_property
    def _originals(self) -> list[Pattern]:
        return [shared_pattern(s, regex.I | regex.V0, self.step) for s in self.sources]

    def matches(self, text: str) -> list[int]:
        """Indices of the patterns that match ``text``, ascending."""
        if not self.sources:
            return []
        found = self._found(text)
        if found is None:
            return [i for i in range(len(self.sources)) if self._confirm(i, text)]
        if not found:
            return []
        found.sort()
        return [i for i in found if self._translations[i].exact or self._confirm(i, text)]

    def first(self, text: str, allowed: Sequence[bool] | None = None) -> int | None:
        """The lowest index that matches ``text`` (among ``allowed`` ones), or None."""
        if not self.sources:
            return None
        found = self._found(text)
        if found is None:
            for i in range(len(self.sources)):
                if (allowed is None or allowed[i]) and self._confirm(i, text):
                    return i
            return None
        if not found:
            return None
        for i in sorted(found):
            if allowed is not None and not allowed[i]:
                continue
            if self._translations[i].exact or self._confirm(i, text):
                return i
        return None

    def _found(self, text: str) -> list[int] | None:
        """The set's hits, or None when each pattern must be asked: a text too long for
        the DFA, one RE2 cannot read (lone surrogates) or one it folds apart from `regex`."""
        if len(text) > MAX_SET_CHARS or _folds_apart(text):
            return None
        try:
            return self._set.Match(text.encode("utf-8"))
        except UnicodeEncodeError:
            return None

    def _confirm(self, i: int, text: str) -> bool:
        pattern = self._originals[i]
        if not self.at_start or pattern.source.startswith("^"):
            return pattern.contains(text)  # anchored: a search is a match
        return pattern.match(text) is not None

    def __len__(self) -> int:
        return len(self.sources)


def _rebuild(sources: tuple[str, ...], step: str, at_start: bool) -> PatternSet:
    return PatternSet(sources, step=step, at_start=at_start)
