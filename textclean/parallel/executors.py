"""Where a file job runs: local worker processes, or a Dask cluster.

An executor is a value the run layer dispatches on (`textclean.run`); the
steps, stages and readers never see it. Both give byte-identical output: the
local one through an ordered process `map`, the Dask one through the same
pure functions over blocks of the input.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from ..errors import ConfigError
from ..workers import Mapper, process_map
from .cluster import DEFAULT_BLOCKSIZE, check_address, dask_client

__all__ = ["DaskExecutor", "Executor", "LocalExecutor"]


@dataclass(frozen=True)
class LocalExecutor:
    """``workers`` local processes (1: this process only)."""

    workers: int = 1

    def __post_init__(self) -> None:
        if not isinstance(self.workers, int) or self.workers < 1:
            raise ConfigError(f"workers must be a whole number >= 1, not {self.workers!r}")

    @property
    def mapper(self) -> Mapper:
        """An ordered ``map`` over the worker processes."""
        return process_map(self.workers)


@dataclass(frozen=True)
class DaskExecutor:
    """A Dask cluster: ``tcp://HOST:PORT`` of a running scheduler, or ``local:N``
    for a local cluster of N workers; inputs are read in blocks of ``blocksize`` bytes."""

    address: str = "local:2"
    blocksize: int | None = DEFAULT_BLOCKSIZE

    def __post_init__(self) -> None:
        check_address(self.address)

    @contextmanager
    def client(self) -> Iterator[Any]:
        """A connected ``distributed.Client`` for the run."""
        with dask_client(self.address) as client:
            yield client


Executor = LocalExecutor | DaskExecutor
