"""Worker processes that die with their parent.

A worker started by a run must not outlive it: after the parent is killed
(SIGKILL leaves it no chance to clean up) its workers would keep running,
re-parented to init, holding memory and the multiprocessing resource tracker.
`bind_to_parent` runs first in every worker: on Linux it asks the kernel to
send SIGKILL when the parent dies (``prctl(PR_SET_PDEATHSIG)``), and on every
system a daemon thread watches the parent's pid and exits the process when it
changes.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
#: How often the watchdog thread checks that the parent is alive.
POLL_SECONDS = 0.5


def _set_death_signal() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # the watchdog thread still covers it


def _watch(parent: int) -> None:
    while True:
        if os.getppid() != parent:
            os._exit(1)
        time.sleep(POLL_SECONDS)


def bind_to_parent(parent: int) -> None:
    """Make this process exit when process ``parent`` (its parent) is gone.

    Ctrl-C reaches every process of the terminal's group; a worker ignores it
    and leaves the decision to its parent, which stops it (no traceback from
    each worker, one exit status from the run).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _set_death_signal()
    if os.getppid() != parent:  # the parent died before the death signal was set
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="textclean-lifeline", daemon=True).start()
