"""The Dask client and what every Dask job starts with: blocks and a work directory.

Install the extra: ``pip install 'textclean[dask]'``.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import ConfigError, MissingDependency
from ..io import ReadOptions, default_rejects_path
from ..io.markup import warn_html_pages
from ..io.parts import work_dir_for
from .blocks import Block, plan_blocks

DEFAULT_BLOCKSIZE = 64 * 1024 * 1024


def _dask() -> Any:
    try:
        import dask
        import dask.bag
    except ImportError:
        raise MissingDependency("running on Dask", "dask", "dask") from None
    return dask


@contextmanager
def dask_client(address: str | None) -> Any:
    """A distributed client for ``tcp://HOST:PORT`` or ``local:N`` (a LocalCluster of N workers)."""
    _dask()
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise MissingDependency("running on a Dask cluster", "distributed", "dask") from None
    if address is None or address.startswith("local"):
        n = int(address.split(":", 1)[1]) if address and ":" in address else 2
        with (
            LocalCluster(
                n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0"
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
    else:
        with Client(address) as client:
            yield client


def prepare_run(
    inputs: Iterable[str],
    output: str,
    rejects: str | None,
    options: ReadOptions | None,
    blocksize: int | None,
) -> tuple[ReadOptions, str, list[Block], Path]:
    """What every Dask job starts with: read options, the rejects path, the
    input blocks, and an empty work directory beside the output. The warning
    about HTML pages in a text field is given here, as a local run gives it
    (`warn_html_pages`)."""
    if output == "-":
        raise ConfigError("on Dask, output must be a file that the client can write")
    opts, inputs = options or ReadOptions(), list(inputs)
    warn_html_pages(inputs, opts, stacklevel=4)
    blocks = plan_blocks(inputs, opts, blocksize)
    work = work_dir_for(output)
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    return opts, rejects or default_rejects_path(output), blocks, work
