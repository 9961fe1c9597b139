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


#: Schemes a scheduler address may use (``distributed``'s communication layers).
SCHEMES = ("tcp", "tls", "ucx", "ws", "wss", "inproc")
#: Seconds to wait for a scheduler before the run fails naming it.
CONNECT_TIMEOUT = 30


def check_address(address: str | None) -> int | None:
    """The number of local workers for ``local:N`` (``local`` alone: 2), None for a
    scheduler address; a `ConfigError` naming the address for anything else, before a
    cluster is started or reached (``local:0`` would start a cluster that never runs).

    >>> check_address("local:4"), check_address("tcp://10.0.0.5:8786"), check_address("h:8786")
    (4, None, None)
    """
    if address is None or address == "local":
        return 2
    text = str(address)
    if text.startswith("local:"):
        count = text.split(":", 1)[1]
        if count.isdigit() and int(count) >= 1:
            return int(count)
        raise ConfigError(f"Dask address {text!r}: local:N takes a whole number of workers >= 1")
    scheme, sep, rest = text.partition("://")
    if not sep:  # HOST:PORT reaches a scheduler over tcp, as distributed reads it
        scheme, rest = "tcp", text
    host, colon, port = rest.rpartition(":")
    if scheme in SCHEMES and (
        scheme == "inproc" or (host and colon and port.isdigit() and 0 < int(port) < 65536)
    ):
        return None
    raise ConfigError(
        f"Dask address {text!r}: give [tcp://]HOST:PORT of a running scheduler "
        "(or another scheme: tls, ucx, ws, wss) or local:N for N local workers"
    )


@contextmanager
def dask_client(address: str | None) -> Any:
    """A distributed client for ``tcp://HOST:PORT`` or ``local:N`` (a LocalCluster of N workers)."""
    workers = check_address(address)
    _dask()
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise MissingDependency("running on a Dask cluster", "distributed", "dask") from None
    if workers is not None:
        with (
            LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise ConfigError(
            f"Dask address {address!r}: no scheduler answered within {CONNECT_TIMEOUT} s "
            f"({exc}); start one (dask scheduler) or check the address"
        ) from None
    with client:
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
