"""Regular expressions that cannot hang.

Every pattern textclean runs on user text goes through `Pattern`. A pattern
RE2 can express (`textclean.re2_syntax.to_re2`) runs on RE2, whose matching
time is linear in the text by construction, with no timeout. The rest, those
that need the `regex` module's look-around, ``\\b``, possessive quantifiers
or back-references, run on `regex` with a timeout scaled to the text's
length: a pathological page then fails with a `PatternTimeout` that names the
step and the pattern instead of stalling a run of millions of documents.
Both engines give the same matches; `tests/test_linear_patterns.py` checks it.

`Pattern.contains`, the question rule tables ask, is answered on RE2 even for
most of those: by an existence form (`textclean.existence`) in which each
look-around, ``\b`` and possessive run is spent on a character beside it.
What still reaches `regex` under a timeout there: a pattern neither rewriting
handles (a look-around inside an unbounded repetition or longer than one
character, a back-reference), text holding lone surrogates, and, for a
case-insensitive pattern with no spelled form, text holding a letter of
`FOLDS_APART`.

>>> WORD = Pattern(r"\\w+", step="example")
>>> WORD.findall("two words"), WORD.engine
(['two', 'words'], 're2')
>>> Pattern(r"\\bword\\b").engine
'regex'
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

import regex

from .errors import PatternTimeout
from .existence import existence
from .linear import LinearRegex
from .re2_syntax import to_re2
from .spent_conditions import spend
from .wordscan import RunScanner, run_scanner

#: Seconds one search over one document may take before it is abandoned,
#: plus `SECONDS_PER_MB` for every million characters searched, so a long
#: document gets time in proportion to its length and only a pathological
#: pattern/text pair times out. Only patterns on the `regex` engine use it.
DEFAULT_TIMEOUT = 5.0
SECONDS_PER_MB = 10.0

Match = Any  # a regex.Match or a textclean.linear.LinearMatch

#: Characters `regex` matches case-insensitively with a letter where RE2's
#: case folding does not (``İ`` with ``i``): a case-insensitive `Pattern.contains`
#: on a text holding one asks `regex` (`tests/test_no_timed_regex.py` checks the list).
FOLDS_APART = frozenset("\u0130\U0001df95")


#: Flags a spelled existence form (`textclean.spent_conditions`) reads the pattern with.
_SPELLED_FLAGS = regex.IGNORECASE | regex.UNICODE | regex.VERSION0


def _folds_apart(text: str) -> bool:
    """Whether ``text`` holds a character of `FOLDS_APART` (a substring search for each:
    a text of narrower characters answers at once)."""
    return any(char in text for char in FOLDS_APART)


def _linear_for(source: str, flags: int) -> LinearRegex | None:
    translated = to_re2(source, flags)
    if translated is None:
        return None
    try:
        return LinearRegex(translated)
    except Exception:  # RE2 refused it (too large, unsupported): stay on regex
        return None


class _Existence:
    """An RE2 pattern, and whether a text must also hold a digit (`textclean.existence`);
    ``spelled``: its characters are spelled as code points, so it also answers for a
    text holding a letter of `FOLDS_APART`."""

    __slots__ = ("linear", "digit", "spelled")

    def __init__(self, linear: LinearRegex, digit: LinearRegex | None, spelled: bool = False):
        self.linear = linear
        self.digit = digit
        self.spelled = spelled

    def search(self, text: str) -> Match | None:
        if self.digit is not None and self.digit.search(text) is None:
            return None
        return self.linear.search(text)

    def found(self, text: str) -> bool:
        """``search(text) is not None``, without building the match."""
        return (self.digit is None or self.digit.found(text)) and self.linear.found(text)


def _existence_for(source: str, flags: int) -> _Existence | None:
    if flags & ~(regex.IGNORECASE | regex.UNICODE | regex.VERSION0):
        return None  # the rewriting reads ^, $ and . as they are without flags
    found = existence(source, caseless=bool(flags & regex.IGNORECASE))
    linear = None if found is None else _linear_for(found.source, flags)
    if linear is None:
        return None
    digit = _linear_for(r"\d", 0) if found.needs_digit else None  # type: ignore[union-attr]
    return _Existence(linear, digit, found.spelled)  # type: ignore[union-attr]


class Pattern:
    """A compiled pattern: linear-time RE2 when it can be, else `regex` with a timeout.

    Picklable (it pickles as its source), so steps holding patterns still run
    in worker processes. ``engine`` says which engine runs it; ``compiled`` is
    always the `regex` form.
    """

    __slots__ = (
        "source",
        "flags",
        "step",
        "timeout",
        "_compiled",
        "_linear",
        "_iterable",
        "_runs",
        "_exists",
        "_exists_spelled",
        "_caseless",
    )

    def __init__(
        self, source: str, flags: int = 0, *, step: str = "", timeout: float = DEFAULT_TIMEOUT
    ):
        self.source = source
        self.flags = flags
        self.step = step
        self.timeout = timeout
        self._linear = _linear_for(source, flags)
        self._caseless = bool(flags & regex.I) or "(?i" in source
        # RE2 and regex step past an empty match differently, so a pattern that
        # can match the empty string scans (finditer, sub, split) on regex.
        self._iterable = self._linear is not None and self._linear.fullmatch("") is None
        # The `regex` form is compiled on first use: many patterns never need it
        # (RE2 serves every call, or `contains` does), and a worker starts sooner.
        self._compiled: regex.Pattern | None = None
        # Word-like scans (runs of one class) need no engine: see textclean.wordscan.
        self._runs: RunScanner | None = run_scanner(source, flags)
        self._exists: LinearRegex | _Existence | None | bool = False  # built on first `contains`
        self._exists_spelled: _Existence | None | bool = False  # built on first text with `İ`

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.source, self.flags, self.step, self.timeout))

    def __repr__(self) -> str:
        return f"Pattern({self.source!r}, step={self.step!r})"

    @property
    def compiled(self) -> regex.Pattern:
        if self._compiled is None:
            self._compiled = regex.compile(self.source, self.flags)
        return self._compiled

    @property
    def engine(self) -> str:
        """``"re2"`` (linear time, no timeout) or ``"regex"`` (timeout)."""
        return "re2" if self._iterable else ("re2-match" if self._linear else "regex")

    def _guard(self, call: Callable[..., Any], text: str, *args: Any) -> Any:
        budget = self.timeout + len(text) * SECONDS_PER_MB / 1e6
        try:
            return call(*args, timeout=budget)
        except TimeoutError:
            raise PatternTimeout(self.step or "?", self.source) from None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Match | None:
        if self._linear is not None and text.isascii():
            return self._linear.search(text, pos, endpos)
        if self._linear is not None and self._re2_reads(text):
            try:
                return self._linear.search(text, pos, endpos)
            except UnicodeEncodeError:
                pass  # lone surrogates: RE2 reads UTF-8 only
        end = endpos if endpos is not None else len(text)
        return self._guard(self.compiled.search, text, text, pos, end)

    def contains(self, text: str) -> bool:
        """Whether the pattern matches somewhere in ``text``: ``search(text) is not None``.

        Asked on RE2 also for a pattern with word edges the `regex` engine
        would run (see `textclean.existence`), so with no timeout.
        """
        exists = self._exists
        if exists is False:
            exists = self._exists = self._linear or _existence_for(self.source, self.flags)
        if exists is not None and not getattr(exists, "spelled", False):
            if not self._re2_reads(text):
                exists = self._spelled_existence()
        if exists is not None:
            try:
                return exists.found(text)  # type: ignore[union-attr]
            except UnicodeEncodeError:
                pass  # lone surrogates: RE2 reads UTF-8 only
        return self.search(text) is not None

    def _re2_reads(self, text: str) -> bool:
        """Whether RE2 reads ``text`` as `regex` does: it folds the letters of
        `FOLDS_APART` apart from `regex` under IGNORECASE."""
        return not self._caseless or text.isascii() or not _folds_apart(text)

    def _spelled_existence(self) -> _Existence | None:
        """The existence form with every character spelled as its code points
        (`textclean.spent_conditions`), for a text holding a letter of `FOLDS_APART`."""
        if self._exists_spelled is False:
            caseless = bool(self.flags & regex.I)
            spent = spend(self.source, caseless) if not self.flags & ~_SPELLED_FLAGS else None
            linear = None if spent is None else _linear_for(spent, self.flags)
            self._exists_spelled = None if linear is None else _Existence(linear, None, True)
        return self._exists_spelled  # type: ignore[return-value]

    def match(self, text: str, pos: int = 0) -> Match | None:
        if self._linear is not None and self._re2_reads(text):
            try:
                return self._linear.match(text, pos)
            except UnicodeEncodeError:
                pass
        return self._guard(self.compiled.match, text, text, pos)

    def fullmatch(self, text: str) -> Match | None:
        if self._linear is not None and self._re2_reads(text):
            try:
                return self._linear.fullmatch(text)
            except UnicodeEncodeError:
                pass
        return self._guard(self.compiled.fullmatch, text, text)

    def findall(self, text: str) -> list[Any]:
        if self._runs is not None:
            return self._runs.findall(text, self._findall)
        return self._findall(text)

    def spaced(self, text: str) -> str | None:
        """``text`` with every character outside a match made a space (`RunScanner.spaced`),
        for a pattern that is a run of one class; None for other patterns and texts."""
        return self._runs.spaced(text) if self._runs is not None else None

    def _findall(self, text: str) -> list[Any]:
        if self._iterable and self._re2_reads(text):
            try:
                return self._linear.findall(text)  # type: ignore[union-attr]
            except UnicodeEncodeError:
                pass
        return self._guard(self.compiled.findall, text, text)

    def finditer(self, text: str) -> Iterator[Match]:
        if self._iterable and self._re2_reads(text):
            try:
                return iter(list(self._linear.finditer(text)))  # type: ignore[union-attr]
            except UnicodeEncodeError:
                pass

        # Materialised so the timeout covers the whole scan, not each step of a generator.
        def scan(t: str, timeout: float) -> list[regex.Match]:
            return list(self.compiled.finditer(t, timeout=timeout))

        return iter(self._guard(scan, text, text))

    def sub(self, repl: str | Callable[[Match], str], text: str, count: int = 0) -> str:
        return self.subn(repl, text, count)[0]

    def subn(
        self, repl: str | Callable[[Match], str], text: str, count: int = 0
    ) -> tuple[str, int]:
        if self._iterable and self._re2_reads(text):
            try:
                return self._linear.subn(repl, text, count)  # type: ignore[union-attr]
            except UnicodeEncodeError:
                pass
        return self._guard(self.compiled.subn, text, repl, text, count)

    def split(self, text: str, maxsplit: int = 0) -> list[str]:
        if self._iterable and self._re2_reads(text):
            try:
                return self._linear.split(text, maxsplit)  # type: ignore[union-attr]
            except UnicodeEncodeError:
                pass
        return self._guard(self.compiled.split, text, text, maxsplit)


def _rebuild(source: str, flags: int, step: str, timeout: float) -> Pattern:
    return Pattern(source, flags, step=step, timeout=timeout)


@lru_cache(maxsize=4096)
def shared_pattern(source: str, flags: int = 0, step: str = "") -> Pattern:
    """One `Pattern` per (source, flags, step) in a process: rule tables that hold the
    same rule (a table and its subset of clause rules) compile it, and its
    existence check, once."""
    return Pattern(source, flags, step=step)
