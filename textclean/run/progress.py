"""A progress bar for the file jobs, for the command line and for notebooks alike.

`clean_files` and `dedup_files` call ``progress(done, total)`` with input
bytes read; `ProgressBar` draws that as a bar with a rate and an ETA on
stderr, and stays silent where stderr is not a terminal (logs, CI).
"""

from __future__ import annotations

import sys
from typing import Any


class ProgressBar:
    """A ``progress(done, total)`` callable that draws input bytes against the total
    input size on stderr. Use it as a context manager so the bar is closed."""

    def __init__(self, desc: str, quiet: bool = False):
        self.desc = desc
        self.enabled = not quiet and sys.stderr.isatty()
        self._bar: Any = None

    def __call__(self, done: int, total: int | None) -> None:
        if not self.enabled:
            return
        if self._bar is None:
            from tqdm import tqdm

            self._bar = tqdm(desc=self.desc, total=total, unit="B", unit_scale=True,
                             unit_divisor=1024, file=sys.stderr, mininterval=0.5,
                             dynamic_ncols=True)  # fmt: skip
        self._bar.update(done - self._bar.n)

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
