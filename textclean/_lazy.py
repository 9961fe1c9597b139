"""Lazy re-exports for package ``__init__`` modules.

A package lists its public names and the modules that define them; a name
is imported on first use, so ``import textclean.repair`` stays cheap and an
optional dependency loads only when its feature is used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_exports(
    package: str, exports: dict[str, str], *, optional: tuple[str, str, str] | None = None
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``(__getattr__, __dir__)`` for ``package`` re-exporting ``exports`` lazily.

    ``optional`` is ``(module, feature, extra)``: when that module is missing,
    a `MissingDependency` says which extra to install.
    """
    names = sorted(exports)

    def __getattr__(name: str) -> Any:
        if name not in exports:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        try:
            module = importlib.import_module(exports[name])
        except ModuleNotFoundError as exc:
            if optional is None or exc.name != optional[0]:
                raise
            from .errors import MissingDependency

            raise MissingDependency(optional[1], optional[0], optional[2]) from None
        return getattr(module, name)

    def __dir__() -> list[str]:
        return names

    return __getattr__, __dir__
