"""Moved: the file engine to `textclean.run.engine` (``clean_files`` is now
`run_on_files`), its output parts to `textclean.io.parts`. These names stay
here for one release."""

from __future__ import annotations

import importlib
from typing import Any

_MOVED = {
    "clean_files": ("textclean.run.engine", "run_on_files"),
    "settings_fingerprint": ("textclean.run.engine", "settings_fingerprint"),
    "shard_fingerprint": ("textclean.run.engine", "shard_fingerprint"),
    "Progress": ("textclean.run.engine", "Progress"),
    "join_parts": ("textclean.io.parts", "join_parts"),
    "work_dir_for": ("textclean.io.parts", "work_dir_for"),
    "write_outcomes": ("textclean.io.parts", "write_outcomes"),
}

__all__ = sorted(_MOVED)


def __getattr__(name: str) -> Any:
    if name not in _MOVED:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, attr = _MOVED[name]
    return getattr(importlib.import_module(module), attr)
