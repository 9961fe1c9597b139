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

#: Seconds one search over one document may take before it is abandoned.
DEFAULT_TIMEOUT = 5.0


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

    def _guard(self, call: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            return call(*args, timeout=self.timeout, **kwargs)
        except TimeoutError:
            raise PatternTimeout(self.step or "?", self.source) from None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        return self._guard(
            self._compiled.search, text, pos, endpos if endpos is not None else len(text)
        )

    def match(self, text: str, pos: int = 0) -> regex.Match | None:
        return self._guard(self._compiled.match, text, pos)

    def fullmatch(self, text: str) -> regex.Match | None:
        return self._guard(self._compiled.fullmatch, text)

    def findall(self, text: str) -> list[Any]:
        return self._guard(self._compiled.findall, text)

    def finditer(self, text: str) -> Iterator[regex.Match]:
        # Materialised so the timeout covers the whole scan, not each step of a generator.
        return iter(
            self._guard(lambda t, timeout: list(self._compiled.finditer(t, timeout=timeout)), text)
        )

    def sub(self, repl: str | Callable[[regex.Match], str], text: str, count: int = 0) -> str:
        return self._guard(self._compiled.sub, repl, text, count)

    def subn(
        self, repl: str | Callable[[regex.Match], str], text: str, count: int = 0
    ) -> tuple[str, int]:
        return self._guard(self._compiled.subn, repl, text, count)

    def split(self, text: str, maxsplit: int = 0) -> list[str]:
        return self._guard(self._compiled.split, text, maxsplit)


def _rebuild(source: str, flags: int, step: str, timeout: float) -> Pattern:
    return Pattern(source, flags, step=step, timeout=timeout)
