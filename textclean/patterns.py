"""Regular expressions that cannot hang.

Every pattern textclean runs on user text goes through `Pattern`, which uses
the `regex` module with a timeout. A pathological page then fails with a
`PatternTimeout` that names the step and the pattern instead of stalling a
run of millions of documents.

>>> WORD = Pattern(r"\\w+", step="example")
>>> WORD.findall("two words")
['two', 'words']
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import regex

from .errors import PatternTimeout

#: Seconds one search over one document may take before it is abandoned,
#: plus `SECONDS_PER_MB` for every million characters searched, so a long
#: document gets time in proportion to its length and only a pathological
#: pattern/text pair times out.
DEFAULT_TIMEOUT = 5.0
SECONDS_PER_MB = 10.0


class Pattern:
    """A compiled `regex` pattern whose every call carries a timeout.

    Picklable (it pickles as its source), so steps holding patterns still run
    in worker processes.
    """

    __slots__ = ("source", "flags", "step", "timeout", "_compiled")

    def __init__(
        self, source: str, flags: int = 0, *, step: str = "", timeout: float = DEFAULT_TIMEOUT
    ):
        self.source = source
        self.flags = flags
        self.step = step
        self.timeout = timeout
        self._compiled = regex.compile(source, flags)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.source, self.flags, self.step, self.timeout))

    def __repr__(self) -> str:
        return f"Pattern({self.source!r}, step={self.step!r})"

    @property
    def compiled(self) -> regex.Pattern:
        return self._compiled

    def _guard(self, call: Callable[..., Any], text: str, *args: Any) -> Any:
        budget = self.timeout + len(text) * SECONDS_PER_MB / 1e6
        try:
            return call(*args, timeout=budget)
        except TimeoutError:
            raise PatternTimeout(self.step or "?", self.source) from None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        end = endpos if endpos is not None else len(text)
        return self._guard(self._compiled.search, text, text, pos, end)

    def match(self, text: str, pos: int = 0) -> regex.Match | None:
        return self._guard(self._compiled.match, text, text, pos)

    def fullmatch(self, text: str) -> regex.Match | None:
        return self._guard(self._compiled.fullmatch, text, text)

    def findall(self, text: str) -> list[Any]:
        return self._guard(self._compiled.findall, text, text)

    def finditer(self, text: str) -> Iterator[regex.Match]:
        # Materialised so the timeout covers the whole scan, not each step of a generator.
        def scan(t: str, timeout: float) -> list[regex.Match]:
            return list(self._compiled.finditer(t, timeout=timeout))

        return iter(self._guard(scan, text, text))

    def sub(self, repl: str | Callable[[regex.Match], str], text: str, count: int = 0) -> str:
        return self._guard(self._compiled.sub, text, repl, text, count)

    def subn(
        self, repl: str | Callable[[regex.Match], str], text: str, count: int = 0
    ) -> tuple[str, int]:
        return self._guard(self._compiled.subn, text, repl, text, count)

    def split(self, text: str, maxsplit: int = 0) -> list[str]:
        return self._guard(self._compiled.split, text, text, maxsplit)


def _rebuild(source: str, flags: int, step: str, timeout: float) -> Pattern:
    return Pattern(source, flags, step=step, timeout=timeout)
